import { Alert, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { CheckboxField } from '../../shared/components/fields';
import { TextField } from '../../shared/components/TextField';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { serverFieldErrors } from '../../shared/validation/fieldErrors';
import type { ServiceCatalogueQuery as Catalogue } from '../../gql/graphql';
import { ServiceCatalogueQuery, ServiceUpsertMutation } from './operations';

export const SERVICES_PATH = '/servizi';

type Service = Catalogue['services'][number];
const SERVICES_CONTEXT = { additionalTypenames: ['Service'] };

interface ServiceValues {
  code: string;
  name: string;
  precall: boolean;
  process: string;
  product: string;
  active: boolean;
}

const EMPTY: ServiceValues = { code: '', name: '', precall: true, process: '', product: '', active: true };

const valuesOf = (s: Service): ServiceValues => ({
  code: s.code,
  name: s.name,
  precall: !s.fast,
  process: s.profiloUtenteProcess,
  product: s.profiloUtenteProduct ?? '',
  active: s.active,
});

/** The service catalogue: which services are booked and precalled, and which are fast (no booking, no precall). */
export function ServicesPage() {
  usePageTitle('Servizi');
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ServiceCatalogueQuery, context: SERVICES_CONTEXT });
  const [editing, setEditing] = useState<Service | null>(null);
  const [formKey, setFormKey] = useState(0);
  const services = data?.services ?? [];
  const edit = (s: Service | null) => {
    setEditing(s);
    setFormKey((k) => k + 1);
  };
  return (
    <>
      <h1>Servizi</h1>
      <p>
        Il catalogo dei servizi degli uffici. Per i servizi con richiamata preventiva gli operatori richiamano ogni
        cittadino prenotato; i servizi veloci non si prenotano e non si richiamano.
      </p>
      <ErrorDisplay error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data ? <Loading /> : null}
      {services.length > 0 ? (
        <div className="table-responsive">
          <table className="table align-middle table-cards">
            <caption className="visually-hidden">Catalogo dei servizi</caption>
            <thead>
              <tr>
                <th scope="col">Servizio</th>
                <th scope="col">Codice</th>
                <th scope="col">Richiamata preventiva</th>
                <th scope="col">Stato</th>
                <th scope="col" className="table-cards-no-label">
                  <span className="visually-hidden">Azioni</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {services.map((s) => (
                <tr key={s.id} data-testid={`service-${s.code}`}>
                  <td data-label="Servizio">{s.name}</td>
                  <td data-label="Codice">
                    <span className="font-monospace">{s.code}</span>
                  </td>
                  <td data-label="Richiamata preventiva">{s.fast ? 'No (servizio veloce)' : 'Sì'}</td>
                  <td data-label="Stato">
                    <span className={`badge ${s.active ? 'bg-success' : 'bg-secondary'}`}>
                      {s.active ? 'Attivo' : 'Non attivo'}
                    </span>
                  </td>
                  <td className="text-end">
                    <Button color="primary" outline size="xs" onClick={() => edit(s)} aria-label={`Modifica ${s.name}`}>
                      Modifica
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ServiceForm key={formKey} service={editing} onDone={() => edit(null)} />
    </>
  );
}

/** Adds a service, or changes the one picked in the table (its code stays). */
function ServiceForm({ service, onDone }: { service: Service | null; onDone: () => void }) {
  const [values, setValues] = useState<ServiceValues>(service ? valuesOf(service) : EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof ServiceValues, string>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [{ fetching, error }, upsert] = useMutation(ServiceUpsertMutation);
  const set = <K extends keyof ServiceValues>(field: K, value: ServiceValues[K]) => {
    setValues({ ...values, [field]: value });
    setErrors({ ...errors, [field]: undefined });
    setSaved(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<keyof ServiceValues, string>> = {};
    if (!values.code.trim()) found.code = 'Indica il codice del servizio (colonna CODICE SERVIZIO del CUP).';
    if (!values.name.trim()) found.name = 'Scrivi il nome del servizio.';
    if (!values.process.trim()) found.process = 'Indica il processo di Profilo Utente.';
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const input = {
      code: values.code.trim(),
      name: values.name.trim(),
      fast: !values.precall,
      profiloUtenteProcess: values.process.trim(),
      profiloUtenteProduct: values.product.trim() || null,
      active: values.active,
    };
    const result = await upsert({ input }, SERVICES_CONTEXT);
    if (result.data) {
      setSaved(`Servizio «${input.name}» salvato.`);
      if (service) onDone();
      else setValues(EMPTY);
    }
  };
  const server = serverFieldErrors(error);
  const shown = { ...errors, code: errors.code ?? server.code, name: errors.name ?? server.name };
  const title = service ? `Modifica «${service.name}»` : 'Nuovo servizio';
  return (
    <section aria-labelledby="service-form-heading" className="my-5">
      <h2 id="service-form-heading" className="h3">
        {title}
      </h2>
      <form onSubmit={submit} noValidate aria-label={title}>
        {saved ? (
          <Alert color="success" fade={false}>
            {saved}
          </Alert>
        ) : null}
        {error && !server.code && !server.name ? <ErrorDisplay error={error} headingLevel={3} /> : null}
        <TextField
          label="Codice *"
          value={values.code}
          onChange={(v) => set('code', v)}
          error={shown.code}
          readOnly={service !== null}
          hint={service ? 'Il codice non cambia.' : 'Come nella colonna CODICE SERVIZIO dell’export CUP.'}
        />
        <TextField
          label="Nome *"
          value={values.name}
          onChange={(v) => set('name', v)}
          error={shown.name}
          autoFocus={service !== null}
        />
        <CheckboxField
          label="Richiamata preventiva (servizio su prenotazione)"
          checked={values.precall}
          onChange={(v) => set('precall', v)}
        />
        <TextField
          label="Processo di Profilo Utente *"
          value={values.process}
          onChange={(v) => set('process', v)}
          error={shown.process}
        />
        <TextField label="Prodotto di Profilo Utente" value={values.product} onChange={(v) => set('product', v)} />
        <CheckboxField label="Attivo" checked={values.active} onChange={(v) => set('active', v)} />
        <div className="d-flex gap-2">
          <Button color="primary" type="submit" disabled={fetching}>
            {service ? 'Salva le modifiche' : 'Aggiungi il servizio'}
          </Button>
          {service ? (
            <Button color="secondary" outline type="button" onClick={onDone}>
              Annulla
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
