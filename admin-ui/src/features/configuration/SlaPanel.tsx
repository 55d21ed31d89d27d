import { Alert, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { SelectField } from '../../shared/components/fields';
import { TextField } from '../../shared/components/TextField';
import { serverFieldErrors } from '../../shared/validation/fieldErrors';
import type { Section } from '../../gql/graphql';
import { SECTION_LABELS, SECTION_ORDER } from '../quesiti';
import { SlaListQuery, SlaSetMutation } from './operations';
import { Disclosure } from './Disclosure';
import type { ConfigScope } from './scopes';

const SLA_CONTEXT = { additionalTypenames: ['QuesitoSla'] };

/** The working days each section allows for a region's quesiti, and where each comes from; a form to change one. */
export function SlaPanel({ regionCode, scopes }: { regionCode: string; scopes: ConfigScope[] }) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SlaListQuery,
    variables: { regionCode },
    context: SLA_CONTEXT,
  });
  const origin = (code: string | null | undefined) =>
    code ? (scopes.find((s) => s.code === code)?.label ?? code) : 'Valore predefinito';
  return (
    <section aria-labelledby="sla-heading" className="my-5">
      <h2 id="sla-heading" className="h3">
        Tempi di risposta (SLA) per sezione
      </h2>
      <p>Giorni lavorativi dopo il giorno del quesito; valgono per i quesiti inoltrati da ora in poi.</p>
      <ErrorDisplay error={error} headingLevel={3} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {!data && fetching ? <Loading /> : null}
      {data ? (
        <div className="table-responsive">
          <table className="table align-middle table-cards">
            <caption className="visually-hidden">Tempi di risposta per sezione</caption>
            <thead>
              <tr>
                <th scope="col">Sezione</th>
                <th scope="col">Giorni lavorativi</th>
                <th scope="col">Impostato da</th>
              </tr>
            </thead>
            <tbody>
              {data.quesitoSlas.map((sla) => (
                <tr key={sla.section} data-testid={`sla-${sla.section}`}>
                  <td data-label="Sezione">{SECTION_LABELS[sla.section]}</td>
                  <td data-label="Giorni lavorativi">{sla.workingDays}</td>
                  <td data-label="Impostato da">{origin(sla.configuredOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <SlaForm scopes={scopes} />
    </section>
  );
}

function SlaForm({ scopes }: { scopes: ConfigScope[] }) {
  const [values, setValues] = useState({ scope: scopes[scopes.length - 1]?.code ?? '', section: '', days: '' });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching, error }, setSla] = useMutation(SlaSetMutation);
  const set = (field: keyof typeof values, value: string) => {
    setValues({ ...values, [field]: value });
    setErrors({ ...errors, [field]: undefined });
    setDone(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const days = Number(values.days);
    const found: Record<string, string | undefined> = {};
    if (!values.section) found.section = 'Scegli la sezione.';
    if (!Number.isInteger(days) || days < 1) found.days = 'Indica un numero intero di giorni, almeno 1.';
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const section = values.section as Section;
    const result = await setSla({ unitCode: values.scope, section, workingDays: days }, SLA_CONTEXT);
    if (result.data) setDone(`${SECTION_LABELS[section]}: ${days} giorni lavorativi.`);
  };
  const server = serverFieldErrors(error);
  const shown = { section: errors.section, days: errors.days ?? server.workingDays };
  return (
    <Disclosure label="Cambia un tempo di risposta">
      <form onSubmit={submit} noValidate aria-label="Tempo di risposta">
        {done ? (
          <Alert color="success" fade={false}>
            Impostato — {done}
          </Alert>
        ) : null}
        {error && !server.workingDays ? <ErrorDisplay error={error} headingLevel={3} /> : null}
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
          label="Giorni lavorativi *"
          inputMode="numeric"
          value={values.days}
          onChange={(v) => set('days', v)}
          error={shown.days}
        />
        <Button color="primary" type="submit" disabled={fetching}>
          Imposta
        </Button>
      </form>
    </Disclosure>
  );
}
