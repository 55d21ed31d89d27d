import { Button } from 'design-react-kit';
import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import type { CombinedError } from 'urql';
import { fieldErrorsOf, withoutFieldErrors } from '../../shared/api/errors';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { TextField } from '../../shared/components/TextField';
import { useFocusFirstInvalid } from '../../shared/components/useFocusFirstInvalid';
import { useDraft } from '../../shared/forms/useDraft';

/** What the mutation answered: the issued secret, or the error to show. */
export type Issued = { secret: string; label: string } | { error: CombinedError | undefined };

interface Props {
  /** sessionStorage key of the draft (the typed value; never the secret). */
  draftKey: string;
  /** The form's accessible name, and the heading shown on it. */
  formName: string;
  heading: string;
  /** The mutation argument: where the server puts its field error (`extensions.field`). */
  field: string;
  label: string;
  hint: string;
  maxLength: number;
  input?: Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'spellCheck'>;
  /** Checked before sending; the problem in Italian, or null. */
  problemOf: (value: string) => string | null;
  submitLabel: string;
  busyLabel: string;
  fetching: boolean;
  error: CombinedError | undefined;
  /** Sends the trimmed value. */
  issue: (value: string) => Promise<Issued>;
  /** The secret, to show once (the caller keeps it in memory only). */
  onIssued: (label: string, secret: string) => void;
  /** Bootstrap column of the field; the button takes the rest of the row. */
  fieldColumns?: 6 | 8;
}

/**
 * A one-field form whose answer is a secret shown once: a partner API key
 * (named) or a webhook endpoint (its URL and signing secret).
 */
export function SecretIssuingForm(props: Props) {
  const { field, fetching, error, fieldColumns = 6 } = props;
  const [value, setValue, discard] = useDraft(props.draftKey, '');
  const [problem, setProblem] = useState<string | null>(null);
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const found = props.problemOf(value);
    setProblem(found);
    if (found) {
      focusFirstInvalid();
      return;
    }
    const answer = await props.issue(value.trim());
    if ('secret' in answer) {
      discard();
      props.onIssued(answer.label, answer.secret);
    } else if (fieldErrorsOf(answer.error)[field]) {
      focusFirstInvalid();
    }
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={props.formName} className="border rounded p-3">
      <h3 className="h5 mb-4">{props.heading}</h3>
      <ErrorDisplay error={withoutFieldErrors(error, [field])} headingLevel={4} />
      <div className="row align-items-start">
        <div className={`col-md-${fieldColumns}`}>
          <TextField
            label={props.label}
            value={value}
            onChange={(next) => {
              setValue(next);
              setProblem(null);
            }}
            error={problem ?? fieldErrorsOf(error)[field]}
            hint={props.hint}
            maxLength={props.maxLength}
            required
            {...props.input}
          />
        </div>
        <div className={`col-md-${12 - fieldColumns} mt-md-4`}>
          <Button color="primary" type="submit" disabled={fetching} aria-busy={fetching}>
            {fetching ? props.busyLabel : props.submitLabel}
          </Button>
        </div>
      </div>
    </form>
  );
}
