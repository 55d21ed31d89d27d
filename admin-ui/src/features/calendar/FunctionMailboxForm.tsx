import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { MutationError } from '../../shared/components/MutationError';
import { TextField } from '../../shared/components/TextField';
import { serverFieldErrors } from '../../shared/validation/fieldErrors';
import { OfficeFunctionMailboxQuery, OfficeFunctionMailboxSetMutation } from './operations';

/**
 * The office's function mailbox: in copy of every pre-contact e-mail its operators send, so the
 * citizens' replies reach the whole office. Without it the e-mails are not sent (docs/appointments.md).
 */
export function FunctionMailboxForm({ officeCode }: { officeCode: string }) {
  const [{ data, error }, reexecute] = useQuery({ query: OfficeFunctionMailboxQuery, variables: { code: officeCode } });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const current = data?.orgUnit.functionMailbox ?? '';
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [state, save] = useMutation(OfficeFunctionMailboxSetMutation);
  const value = draft ?? current;
  return (
    <section aria-labelledby="function-mailbox-title" className="my-5">
      <h2 id="function-mailbox-title" className="h4">
        Casella funzionale dell&apos;ufficio
      </h2>
      <ErrorDisplay error={error} headingLevel={3} onRetry={reload} />
      <form
        noValidate
        className="d-flex flex-wrap align-items-start gap-3"
        onSubmit={async (event) => {
          event.preventDefault();
          const answer = await save({ officeCode, functionMailbox: value.trim() || null });
          if (!answer.error) {
            setDraft(null);
            setSaved(answer.data?.setOfficeFunctionMailbox.functionMailbox ?? '');
            reload();
          }
        }}
      >
        <div style={{ minWidth: '18rem', flex: '1 1 18rem' }}>
          <TextField
            label="Indirizzo e-mail"
            type="email"
            value={value}
            onChange={(v) => {
              setDraft(v);
              setSaved(null);
            }}
            error={serverFieldErrors(state.error).functionMailbox}
            hint="In copia nelle e-mail di precontatto; diversa dalla casella dello sportello virtuale. Vuota: le e-mail non partono."
            autoComplete="off"
          />
        </div>
        <Button type="submit" color="primary" size="sm" className="mt-4" disabled={state.fetching}>
          Salva casella
        </Button>
      </form>
      {state.error && !serverFieldErrors(state.error).functionMailbox ? (
        <MutationError error={state.error} onReload={reload} headingLevel={3} />
      ) : null}
      <div aria-live="polite">
        {saved !== null ? (
          <p className="alert alert-success">
            {saved ? `Casella funzionale salvata: ${saved}.` : 'Casella funzionale tolta.'}
          </p>
        ) : null}
      </div>
    </section>
  );
}
