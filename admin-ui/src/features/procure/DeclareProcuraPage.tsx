import { Button, Callout, CalloutText, CalloutTitle } from 'design-react-kit';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { todayInRome } from '../../shared/format/calendar';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { TextField } from '../../shared/components/TextField';
import { useFocusFirstInvalid } from '../../shared/components/useFocusFirstInvalid';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useDraft } from '../../shared/forms/useDraft';
import type { DelegableService } from '../../gql/graphql';
import { onlyFieldErrors, serverFieldErrors } from '../../shared/validation/fieldErrors';
import { CheckField } from './fields';
import { SERVICE_DESCRIPTIONS, SERVICE_LABELS, SERVICE_ORDER } from './labels';
import { ProcuraDeclareMutation } from './operations';
import { PROCURE_CONTEXT, type ProcureListState } from './ProcureListPage';
import { PROCURE_PATH } from './ProcureNav';
import { normalizeClientCode } from './taxCode';
import { profileProblem, useProfessionalProfile } from './useProfessionalProfile';
import { hasErrors, validateDeclare, type DeclareValues, type FieldErrors } from './validation';

export const DECLARE_DRAFT = 'procure-declare';

const FIELDS: readonly (keyof DeclareValues)[] = [
  'clientFiscalCode',
  'services',
  'validFrom',
  'validTo',
  'collaboratorsAuthorized',
  'privacyNoticeGiven',
];

export function DeclareProcuraPage() {
  usePageTitle('Procure — Nuova procura');
  const { profile, loaded } = useProfessionalProfile();
  const problem = loaded ? profileProblem(profile) : null;
  return (
    <>
      <h2 className="h3">Nuova procura</h2>
      {problem ? (
        <Callout color="note" className="my-3">
          <CalloutTitle>
            <span className="text">Non puoi ancora dichiarare procure</span>
          </CalloutTitle>
          <CalloutText>
            Vedi l&apos;avviso qui sopra: finché la situazione non cambia, la dichiarazione sarà rifiutata.
          </CalloutText>
        </Callout>
      ) : null}
      <DeclareProcuraForm />
    </>
  );
}

function emptyDraft(): DeclareValues {
  return {
    clientFiscalCode: '',
    services: [],
    validFrom: todayInRome(),
    validTo: '',
    collaboratorsAuthorized: false,
    privacyNoticeGiven: false,
  };
}

/** Declares a procura received from a client, checked in the browser before sending. */
export function DeclareProcuraForm() {
  const navigate = useNavigate();
  const servicesErrorId = useId();
  const [draft, setDraft, discard] = useDraft<DeclareValues>(DECLARE_DRAFT, emptyDraft());
  const [errors, setErrors] = useState<FieldErrors<DeclareValues>>({});
  const [{ fetching, error }, declare] = useMutation(ProcuraDeclareMutation);
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();

  const set = <K extends keyof DeclareValues>(field: K, value: DeclareValues[K]) => {
    setDraft({ ...draft, [field]: value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const toggleService = (service: DelegableService, checked: boolean) => {
    const chosen = new Set(draft.services);
    if (checked) chosen.add(service);
    else chosen.delete(service);
    set(
      'services',
      SERVICE_ORDER.filter((s) => chosen.has(s)),
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const found = validateDeclare(draft);
    setErrors(found);
    if (hasErrors(found)) {
      focusFirstInvalid();
      return;
    }
    const client = normalizeClientCode(draft.clientFiscalCode);
    const result = await declare(
      {
        input: {
          clientFiscalCode: client,
          services: draft.services,
          validFrom: draft.validFrom,
          validTo: draft.validTo,
          collaboratorsAuthorized: draft.collaboratorsAuthorized,
          privacyNoticeGiven: draft.privacyNoticeGiven,
        },
      },
      PROCURE_CONTEXT,
    );
    if (result.data?.declareProcura) {
      discard();
      const state: ProcureListState = { declared: result.data.declareProcura.clientFiscalCode };
      navigate(PROCURE_PATH, { state });
      return;
    }
    const fromServer = serverFieldErrors(result.error) as FieldErrors<DeclareValues>;
    setErrors(fromServer);
    if (hasErrors(fromServer)) focusFirstInvalid();
  };

  const fieldErrors = { ...serverFieldErrors(error), ...errors } as FieldErrors<DeclareValues>;
  const showGeneralError = error && !onlyFieldErrors(error, FIELDS);

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Nuova procura">
      <p>
        I campi contrassegnati da * sono obbligatori. L&apos;originale della procura resta conservato presso il tuo
        studio.
      </p>
      {showGeneralError ? <ErrorDisplay error={error} headingLevel={3} /> : null}
      <div className="row mt-4">
        <div className="col-md-6">
          <TextField
            label="Codice fiscale o partita IVA del cliente *"
            value={draft.clientFiscalCode}
            onChange={(value) => set('clientFiscalCode', value.toUpperCase())}
            error={fieldErrors.clientFiscalCode}
            hint="16 caratteri per una persona, 11 cifre per una società."
            autoComplete="off"
            spellCheck={false}
            maxLength={16}
            required
          />
        </div>
      </div>

      <fieldset className="mb-4" aria-describedby={fieldErrors.services ? servicesErrorId : undefined}>
        <legend className="h6">Servizi delegati * (almeno uno)</legend>
        {SERVICE_ORDER.map((service) => (
          <CheckField
            key={service}
            label={SERVICE_LABELS[service]}
            hint={SERVICE_DESCRIPTIONS[service]}
            checked={draft.services.includes(service)}
            onChange={(checked) => toggleService(service, checked)}
            invalid={!!fieldErrors.services}
            describedBy={fieldErrors.services ? servicesErrorId : undefined}
          />
        ))}
        {fieldErrors.services ? (
          <div id={servicesErrorId} className="invalid-feedback d-block">
            {fieldErrors.services}
          </div>
        ) : null}
      </fieldset>

      <fieldset className="mb-2">
        <legend className="h6 mb-4">Validità</legend>
        <div className="row">
          <div className="col-md-3">
            <TextField
              label="Valida dal *"
              type="date"
              value={draft.validFrom}
              onChange={(value) => set('validFrom', value)}
              error={fieldErrors.validFrom}
              required
            />
          </div>
          <div className="col-md-3">
            <TextField
              label="Valida fino al *"
              type="date"
              value={draft.validTo}
              onChange={(value) => set('validTo', value)}
              error={fieldErrors.validTo}
              min={draft.validFrom || undefined}
              required
            />
          </div>
        </div>
      </fieldset>

      <CheckField
        label="Autorizza i collaboratori: posso inviare agli uffici i collaboratori che ho comunicato"
        checked={draft.collaboratorsAuthorized}
        onChange={(checked) => set('collaboratorsAuthorized', checked)}
        error={fieldErrors.collaboratorsAuthorized}
      />
      <CheckField
        label="Dichiaro di aver informato il cliente e i collaboratori sul trattamento dei dati personali *"
        checked={draft.privacyNoticeGiven}
        onChange={(checked) => set('privacyNoticeGiven', checked)}
        error={fieldErrors.privacyNoticeGiven}
        required
      />

      <div className="d-flex gap-3 mt-4">
        <Button color="primary" type="submit" disabled={fetching} aria-busy={fetching}>
          {fetching ? 'Invio in corso…' : 'Dichiara la procura'}
        </Button>
        <Link to={PROCURE_PATH} className="btn btn-outline-secondary">
          Torna all&apos;elenco
        </Link>
      </div>
    </form>
  );
}
