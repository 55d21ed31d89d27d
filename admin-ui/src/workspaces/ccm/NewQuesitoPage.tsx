import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { TextField } from '../../shared/components/TextField';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useDraft } from '../../shared/forms/useDraft';
import type { Priority, Section } from '../../gql/graphql';
import { SelectField, TextAreaField } from '../../shared/components/fields';
import { normalizeFiscalCode } from '../../shared/validation/fiscalCode';
import {
  PRIORITY_LABELS,
  PRIORITY_ORDER,
  SECTION_LABELS,
  SECTION_ORDER,
  QuesitoClassificationListQuery,
  QuesitoFileMutation,
  QuesitoRegionsQuery,
  QUESTION_MAX,
  SUBJECT_MAX,
  validateQuesito,
  type QuesitoFormValues,
} from '../../features/quesiti';
import { normalizePhone } from '../../shared/validation/contact';
import { onlyFieldErrors, serverFieldErrors, type FieldErrors } from '../../shared/validation/fieldErrors';
import { CcmNav } from './CcmNav';

export const NEW_QUESITO_DRAFT = 'ccm-new-quesito';

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

interface Draft extends QuesitoFormValues {
  /** Sent with the quesito: sending the same form twice files it once. */
  idempotencyKey: string;
}

const FIELDS: readonly (keyof QuesitoFormValues)[] = [
  'regionCode',
  'section',
  'classification',
  'subject',
  'question',
  'citizenFiscalCode',
  'citizenPhone',
  'citizenEmail',
  'priority',
];

export function NewQuesitoPage() {
  usePageTitle('CCM — Nuovo quesito');
  return (
    <>
      <h1>Contact Center Multicanale</h1>
      <CcmNav />
      <NewQuesitoForm />
    </>
  );
}

/** Files a Linea quesito to the CRIC of a region, checked in the browser before sending. */
export function NewQuesitoForm() {
  const navigate = useNavigate();
  const [draft, setDraft, discard] = useDraft<Draft>(NEW_QUESITO_DRAFT, {
    regionCode: '',
    section: '',
    classification: '',
    subject: '',
    question: '',
    citizenFiscalCode: '',
    citizenPhone: '',
    citizenEmail: '',
    priority: 'NORMAL',
    idempotencyKey: newKey(),
  });
  const [errors, setErrors] = useState<FieldErrors<QuesitoFormValues>>({});
  const [{ fetching, error }, fileQuesito] = useMutation(QuesitoFileMutation);

  const [regions] = useQuery({ query: QuesitoRegionsQuery });
  const [classifications] = useQuery({
    query: QuesitoClassificationListQuery,
    variables: { regionCode: draft.regionCode, section: (draft.section || null) as Section | null, first: 100 },
    pause: !draft.regionCode || !draft.section,
  });
  const options = (classifications.data?.quesitoClassifications.nodes ?? []).filter((c) => c.active);

  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    const next = { ...draft, [field]: value };
    // The classifications depend on the region and the section.
    if (field === 'regionCode' || field === 'section') next.classification = '';
    setDraft(next);
    if (errors[field as keyof QuesitoFormValues]) setErrors({ ...errors, [field]: undefined });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const found = validateQuesito(draft);
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      const first = FIELDS.find((field) => found[field]);
      (document.querySelector(`[data-field="${first}"]`) as HTMLElement | null)?.focus();
      return;
    }
    const result = await fileQuesito({
      input: {
        regionCode: draft.regionCode,
        section: draft.section as Section,
        classification: draft.classification,
        subject: draft.subject.trim(),
        question: draft.question.trim(),
        citizenFiscalCode: normalizeFiscalCode(draft.citizenFiscalCode),
        citizenPhone: draft.citizenPhone.trim() ? normalizePhone(draft.citizenPhone) : null,
        citizenEmail: draft.citizenEmail.trim() || null,
        priority: draft.priority as Priority,
        idempotencyKey: draft.idempotencyKey,
      },
    });
    if (result.data?.fileQuesito) {
      discard();
      navigate(`/ccm/quesiti/${result.data.fileQuesito.id}`, { state: { filed: true } });
      return;
    }
    setErrors(serverFieldErrors(result.error) as FieldErrors<QuesitoFormValues>);
  };

  const fieldErrors = { ...serverFieldErrors(error), ...errors } as FieldErrors<QuesitoFormValues>;
  const showGeneralError = error && !onlyFieldErrors(error, FIELDS);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-quesito-heading">
      <h2 id="new-quesito-heading">Nuovo quesito</h2>
      <p>I campi contrassegnati da * sono obbligatori.</p>
      {showGeneralError ? <ErrorDisplay error={error} headingLevel={3} /> : null}
      <div className="row">
        <div className="col-md-6">
          <SelectField
            label="Direzione regionale *"
            value={draft.regionCode}
            onChange={(value) => set('regionCode', value)}
            error={fieldErrors.regionCode}
            data-field="regionCode"
            required
          >
            <option value="">{regions.fetching ? 'Caricamento…' : 'Scegli la direzione regionale'}</option>
            {(regions.data?.quesitoRegions ?? []).map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </SelectField>
          {regions.error ? <ErrorDisplay error={regions.error} headingLevel={3} /> : null}
        </div>
        <div className="col-md-6">
          <SelectField
            label="Sezione *"
            value={draft.section}
            onChange={(value) => set('section', value)}
            error={fieldErrors.section}
            data-field="section"
            required
          >
            <option value="">Scegli la sezione</option>
            {SECTION_ORDER.map((section) => (
              <option key={section} value={section}>
                {SECTION_LABELS[section]}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <SelectField
        label="Classificazione *"
        value={draft.classification}
        onChange={(value) => set('classification', value)}
        error={fieldErrors.classification}
        hint={!draft.regionCode || !draft.section ? 'Scegli prima la direzione regionale e la sezione.' : undefined}
        disabled={!draft.regionCode || !draft.section}
        data-field="classification"
        required
      >
        <option value="">{classifications.fetching ? 'Caricamento…' : 'Scegli la classificazione'}</option>
        {options.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      {classifications.error ? <ErrorDisplay error={classifications.error} headingLevel={3} /> : null}
      <TextField
        label="Oggetto *"
        value={draft.subject}
        onChange={(value) => set('subject', value)}
        error={fieldErrors.subject}
        maxLength={SUBJECT_MAX}
        data-field="subject"
        required
      />
      <TextAreaField
        label="Quesito *"
        value={draft.question}
        onChange={(value) => set('question', value)}
        error={fieldErrors.question}
        hint={`Da 10 a ${QUESTION_MAX} caratteri.`}
        maxLength={QUESTION_MAX}
        rows={6}
        data-field="question"
        required
      />
      <div className="row">
        <div className="col-md-4">
          <TextField
            label="Codice fiscale del cittadino *"
            value={draft.citizenFiscalCode}
            onChange={(value) => set('citizenFiscalCode', value.toUpperCase())}
            error={fieldErrors.citizenFiscalCode}
            autoComplete="off"
            spellCheck={false}
            maxLength={16}
            data-field="citizenFiscalCode"
            required
          />
        </div>
        <div className="col-md-4">
          <TextField
            label="Telefono del cittadino"
            type="tel"
            value={draft.citizenPhone}
            onChange={(value) => set('citizenPhone', value)}
            error={fieldErrors.citizenPhone}
            data-field="citizenPhone"
          />
        </div>
        <div className="col-md-4">
          <TextField
            label="E-mail del cittadino"
            type="email"
            value={draft.citizenEmail}
            onChange={(value) => set('citizenEmail', value)}
            error={fieldErrors.citizenEmail}
            hint="La risposta sarà inviata a questo indirizzo."
            data-field="citizenEmail"
          />
        </div>
      </div>
      <div className="col-md-4 px-0">
        <SelectField
          label="Priorità *"
          value={draft.priority}
          onChange={(value) => set('priority', value)}
          error={fieldErrors.priority}
          data-field="priority"
        >
          {PRIORITY_ORDER.map((priority) => (
            <option key={priority} value={priority}>
              {PRIORITY_LABELS[priority]}
            </option>
          ))}
        </SelectField>
      </div>
      <Button color="primary" type="submit" disabled={fetching} aria-busy={fetching}>
        {fetching ? 'Invio in corso…' : 'Inoltra il quesito'}
      </Button>
    </form>
  );
}
