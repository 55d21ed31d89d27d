import { Alert, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { SelectField } from '../../shared/components/fields';
import { TextField } from '../../shared/components/TextField';
import { serverFieldErrors } from '../../shared/validation/fieldErrors';
import type { Section } from '../../gql/graphql';
import { SECTION_LABELS, SECTION_ORDER } from '../quesiti';
import { CLASSIFICATIONS_CONTEXT } from './ClassificationsPanel';
import { ClassificationCreateMutation } from './operations';
import { Disclosure } from './Disclosure';
import type { ConfigScope } from './scopes';

const EMPTY = { scope: '', section: '', code: '', label: '' };

/** Adds a classification, national or for the region picked. */
export function NewClassificationForm({ scopes }: { scopes: ConfigScope[] }) {
  const [values, setValues] = useState({ ...EMPTY, scope: scopes[scopes.length - 1]?.code ?? '' });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [created, setCreated] = useState<string | null>(null);
  const [{ fetching, error }, create] = useMutation(ClassificationCreateMutation);
  const set = (field: keyof typeof EMPTY, value: string) => {
    setValues({ ...values, [field]: value });
    setErrors({ ...errors, [field]: undefined });
    setCreated(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string | undefined> = {};
    if (!values.section) found.section = 'Scegli la sezione.';
    if (!/^[A-Z0-9_]+$/.test(values.code.trim().toUpperCase())) found.code = 'Usa lettere, cifre e _.';
    if (!values.label.trim()) found.label = 'Scrivi la descrizione.';
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const code = values.code.trim().toUpperCase();
    const result = await create(
      { input: { unitCode: values.scope, section: values.section as Section, code, label: values.label.trim() } },
      CLASSIFICATIONS_CONTEXT,
    );
    if (result.data) {
      setCreated(code);
      setValues({ ...EMPTY, scope: values.scope });
    }
  };
  const server = serverFieldErrors(error);
  const shown = { ...server, ...errors };
  return (
    <Disclosure label="Nuova classificazione">
      <form onSubmit={submit} noValidate aria-label="Nuova classificazione">
        {created ? (
          <Alert color="success" fade={false}>
            Classificazione {created} aggiunta.
          </Alert>
        ) : null}
        {error && Object.keys(server).length === 0 ? <ErrorDisplay error={error} headingLevel={3} /> : null}
        <SelectField label="Ambito *" value={values.scope} onChange={(v) => set('scope', v)}>
          {scopes.map((s) => (
            <option key={s.code} value={s.code}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Sezione *" value={values.section} onChange={(v) => set('section', v)} error={shown.section}>
          <option value="">Scegli la sezione</option>
          {SECTION_ORDER.map((s) => (
            <option key={s} value={s}>
              {SECTION_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Codice *"
          value={values.code}
          onChange={(v) => set('code', v)}
          error={shown.code}
          hint="Un nome breve nuovo, es. CONTRIBUTI_AGRICOLI"
        />
        <TextField label="Descrizione *" value={values.label} onChange={(v) => set('label', v)} error={shown.label} />
        <Button color="primary" type="submit" disabled={fetching}>
          Aggiungi la classificazione
        </Button>
      </form>
    </Disclosure>
  );
}
