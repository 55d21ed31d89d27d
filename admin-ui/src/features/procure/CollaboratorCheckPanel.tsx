import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { formatDate } from '../../shared/format/calendar';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { useFocusFirstInvalid } from '../../shared/components/useFocusFirstInvalid';
import { useDraft } from '../../shared/forms/useDraft';
import type { CollaboratorCheckQueryVariables, DelegableService } from '../../gql/graphql';
import { normalizeFiscalCode } from '../../shared/validation/fiscalCode';
import { onlyFieldErrors, serverFieldErrors } from '../../shared/validation/fieldErrors';
import { PROCURA_STATUS_LABELS, SERVICE_LABELS, SERVICE_ORDER, checkReasonLabel } from './labels';
import { normalizeClientCode } from './taxCode';
import { hasErrors, validateCheck, type CheckValues, type FieldErrors } from './validation';
import { CollaboratorCheckQuery } from './operations';

export const COLLABORATOR_CHECK_DRAFT = 'collaborator-check';
const FIELDS: readonly (keyof CheckValues)[] = ['collaboratorFiscalCode', 'clientFiscalCode', 'service', 'on'];
const NOTHING: CollaboratorCheckQueryVariables = {
  collaboratorFiscalCode: '',
  clientFiscalCode: '',
  service: 'STATUS_INFORMATION',
};

function keyOf(variables: CollaboratorCheckQueryVariables): string {
  return JSON.stringify([
    variables.collaboratorFiscalCode,
    variables.clientFiscalCode,
    variables.service,
    variables.on ?? null,
  ]);
}

/**
 * "Verifica collaboratore" at the counter (docs/domain.md §6): may the person in front
 * of the operator act for this client on this service, as a professional's
 * collaborator? Every check is asked anew (and audited by the server).
 */
export function CollaboratorCheckPanel() {
  const [draft, setDraft] = useDraft<CheckValues>(COLLABORATOR_CHECK_DRAFT, {
    collaboratorFiscalCode: '',
    clientFiscalCode: '',
    service: '',
    on: '',
  });
  const [errors, setErrors] = useState<FieldErrors<CheckValues>>({});
  const [asked, setAsked] = useState<CollaboratorCheckQueryVariables | null>(null);
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const [{ data, fetching, error, operation }, reexecute] = useQuery({
    query: CollaboratorCheckQuery,
    variables: asked ?? NOTHING,
    pause: asked === null,
    requestPolicy: 'network-only',
  });

  const set = <K extends keyof CheckValues>(field: K, value: CheckValues[K]) => {
    setDraft({ ...draft, [field]: value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateCheck(draft);
    setErrors(found);
    if (hasErrors(found)) {
      focusFirstInvalid();
      return;
    }
    const variables: CollaboratorCheckQueryVariables = {
      collaboratorFiscalCode: normalizeFiscalCode(draft.collaboratorFiscalCode),
      clientFiscalCode: normalizeClientCode(draft.clientFiscalCode),
      service: draft.service as DelegableService,
      on: draft.on || null,
    };
    // The same question again is asked again: the answer may have changed (a revocation).
    if (asked && keyOf(asked) === keyOf(variables)) reexecute({ requestPolicy: 'network-only' });
    else setAsked(variables);
  };

  // Only an answer to the question last asked, never an older one still on screen.
  const answered = asked && operation && keyOf(operation.variables as CollaboratorCheckQueryVariables) === keyOf(asked);
  const result = answered && !fetching && !error ? data?.collaboratorCheck : undefined;
  const currentError = answered && !fetching ? error : undefined;
  const fieldErrors = { ...serverFieldErrors(currentError), ...errors } as FieldErrors<CheckValues>;
  const showGeneralError = currentError && !onlyFieldErrors(currentError, FIELDS);

  return (
    <section
      aria-labelledby="wl-collaborator"
      className="my-5 p-3 border border-2 rounded"
      data-testid="collaborator-check"
    >
      <h2 id="wl-collaborator" className="h4">
        Verifica collaboratore
      </h2>
      <p className="mb-4">
        Chi si presenta per conto di un professionista può operare per un cliente solo se una procura attiva copre il
        servizio, autorizza i collaboratori e il professionista lo ha comunicato per oggi.
      </p>
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Verifica del collaboratore">
        <div className="row">
          <div className="col-md-6">
            <TextField
              label="Codice fiscale del collaboratore *"
              value={draft.collaboratorFiscalCode}
              onChange={(value) => set('collaboratorFiscalCode', value.toUpperCase())}
              error={fieldErrors.collaboratorFiscalCode}
              autoComplete="off"
              spellCheck={false}
              maxLength={16}
              required
            />
          </div>
          <div className="col-md-6">
            <TextField
              label="Codice fiscale o partita IVA del cliente *"
              value={draft.clientFiscalCode}
              onChange={(value) => set('clientFiscalCode', value.toUpperCase())}
              error={fieldErrors.clientFiscalCode}
              autoComplete="off"
              spellCheck={false}
              maxLength={16}
              required
            />
          </div>
        </div>
        <div className="row">
          <div className="col-md-8">
            <SelectField
              label="Servizio richiesto *"
              value={draft.service}
              onChange={(value) => set('service', value as DelegableService | '')}
              error={fieldErrors.service}
              required
            >
              <option value="">Scegli il servizio</option>
              {SERVICE_ORDER.map((service) => (
                <option key={service} value={service}>
                  {SERVICE_LABELS[service]}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-4">
            <TextField
              label="Giorno"
              type="date"
              value={draft.on}
              onChange={(value) => set('on', value)}
              error={fieldErrors.on}
              hint="Vuoto: oggi."
            />
          </div>
        </div>
        <Button color="primary" type="submit" disabled={fetching} aria-busy={fetching}>
          {fetching ? 'Verifica in corso…' : 'Verifica'}
        </Button>
      </form>
      {showGeneralError ? <ErrorDisplay error={currentError} headingLevel={3} /> : null}
      <div aria-live="polite" aria-atomic="true" className="mt-3" data-testid="collaborator-check-result">
        {result && asked ? (
          <div className={`alert ${result.authorized ? 'alert-success' : 'alert-danger'} mb-0`}>
            <h3 className="h5 alert-heading">
              {result.authorized
                ? 'Esito positivo: può operare per il cliente'
                : 'Esito negativo: non può operare per il cliente'}
            </h3>
            <p className="mb-2">{result.message}.</p>
            <dl className="row mb-0 small">
              <dt className="col-sm-4">Motivo</dt>
              <dd className="col-sm-8">{checkReasonLabel(result.reason)}</dd>
              <dt className="col-sm-4">Collaboratore</dt>
              <dd className="col-sm-8">{asked.collaboratorFiscalCode}</dd>
              <dt className="col-sm-4">Cliente</dt>
              <dd className="col-sm-8">{asked.clientFiscalCode}</dd>
              <dt className="col-sm-4">Servizio</dt>
              <dd className="col-sm-8">{SERVICE_LABELS[asked.service]}</dd>
              <dt className="col-sm-4">Giorno verificato</dt>
              <dd className="col-sm-8">{formatDate(result.on)}</dd>
              {result.procura ? (
                <>
                  <dt className="col-sm-4">Procura</dt>
                  <dd className="col-sm-8">
                    {result.procura.professional
                      ? `di ${result.procura.professional.name} (${result.procura.professional.fiscalCode}), `
                      : ''}
                    valida dal {formatDate(result.procura.validFrom)} al {formatDate(result.procura.validTo)} —{' '}
                    {PROCURA_STATUS_LABELS[result.procura.status]}
                    {result.procura.collaboratorsAuthorized ? '' : ', senza collaboratori'}
                  </dd>
                </>
              ) : null}
            </dl>
          </div>
        ) : null}
      </div>
    </section>
  );
}
