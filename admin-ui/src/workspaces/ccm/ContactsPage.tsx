import { Alert, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { SortableHeader, useSortOrder } from '../../shared/components/SortableHeader';
import { TextField } from '../../shared/components/TextField';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useDraft } from '../../shared/forms/useDraft';
import type { ContactChannel, ContactOrderField, ContactOutcome, Section } from '../../gql/graphql';
import { SelectField, TextAreaField } from '../../shared/components/fields';
import { fiscalCodeProblem, normalizeFiscalCode } from '../../shared/validation/fiscalCode';
import {
  BookingPanel,
  CallbackPanel,
  CONTACT_CHANNEL_LABELS,
  CONTACT_CHANNEL_ORDER,
  CONTACT_OUTCOME_LABELS,
  CONTACT_OUTCOME_ORDER,
  ContactListQuery,
  ContactRecordMutation,
  type BookedAppointment,
  type RequestedCallback,
} from '../../features/ccm';
import {
  CitizenReplyPanel,
  QuesitoPicker,
  SECTION_LABELS,
  SECTION_ORDER,
  formatDateTime,
  useQuesitoSubject,
  type PickedQuesito,
} from '../../features/quesiti';
import { onlyFieldErrors, serverFieldErrors } from '../../shared/validation/fieldErrors';
import { CcmNav } from './CcmNav';

interface ContactDraft {
  channel: string;
  section: string;
  topic: string;
  citizenFiscalCode: string;
  outcome: string;
  quesitoId: string;
  /** The subject of the quesito picked, to show it by name. */
  quesitoSubject: string;
  /** The booking made from this contact (picked, never typed). */
  appointment: BookedAppointment | null;
  /** The callback requested from this contact. */
  callback: RequestedCallback | null;
  note: string;
}

const FIELDS = [
  'channel',
  'section',
  'topic',
  'citizenFiscalCode',
  'outcome',
  'quesitoId',
  'appointmentId',
  'callbackId',
  'note',
];

export function ContactsPage() {
  usePageTitle('CCM — Contatti');
  const [listKey, setListKey] = useState(0);
  return (
    <>
      <h1>Contact Center Multicanale</h1>
      <CcmNav />
      <ContactForm onRecorded={() => setListKey((k) => k + 1)} />
      <ContactList key={listKey} />
    </>
  );
}

/** Records a contact: channel, section, topic, the citizen's fiscal code when given, outcome and what it produced. */
const BLANK_CONTACT: ContactDraft = {
  channel: 'PHONE',
  section: '',
  topic: '',
  citizenFiscalCode: '',
  outcome: 'ANSWERED',
  quesitoId: '',
  quesitoSubject: '',
  appointment: null,
  callback: null,
  note: '',
};

export function ContactForm({ onRecorded }: { onRecorded: () => void }) {
  const [params, setParams] = useSearchParams();
  // Coming from the quesito just filed ("Registra il contatto collegato"): linked from the start.
  const linkedQuesito = params.get('quesito') ?? '';
  const linked = useQuesitoSubject(linkedQuesito);
  const [draft, setDraft, discard] = useDraft<ContactDraft>('ccm-contact', {
    ...BLANK_CONTACT,
    outcome: linkedQuesito ? 'QUESITO_FILED' : 'ANSWERED',
    quesitoId: linkedQuesito,
  });
  const pickedQuesito: PickedQuesito | null = draft.quesitoId
    ? { id: draft.quesitoId, subject: draft.quesitoSubject || (linked?.id === draft.quesitoId ? linked.subject : '…') }
    : null;
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [done, setDone] = useState(false);
  const [{ fetching, error }, recordContact] = useMutation(ContactRecordMutation);
  const set = (field: keyof ContactDraft, value: string) => {
    setDraft({ ...draft, [field]: value });
    setDone(false);
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string | undefined> = {};
    if (!draft.section) found.section = 'Scegli la sezione.';
    if (!draft.topic.trim()) found.topic = "Scrivi l'argomento.";
    else if (draft.topic.trim().length > 200) found.topic = "L'argomento può avere al massimo 200 caratteri.";
    if (draft.citizenFiscalCode.trim()) {
      const problem = fiscalCodeProblem(draft.citizenFiscalCode);
      if (problem) found.citizenFiscalCode = problem;
    }
    if (draft.outcome === 'APPOINTMENT_BOOKED' && !draft.appointment)
      found.appointmentId = "Prenota l'appuntamento qui sopra prima di registrare il contatto.";
    if (draft.outcome === 'CALLBACK_REQUESTED' && !draft.callback)
      found.callbackId = 'Richiedi la richiamata qui sopra prima di registrare il contatto.';
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const outcome = draft.outcome as ContactOutcome;
    const result = await recordContact({
      input: {
        channel: draft.channel as ContactChannel,
        section: draft.section as Section,
        topic: draft.topic.trim(),
        citizenFiscalCode: draft.citizenFiscalCode.trim() ? normalizeFiscalCode(draft.citizenFiscalCode) : null,
        outcome,
        quesitoId: outcome === 'QUESITO_FILED' && draft.quesitoId.trim() ? draft.quesitoId.trim() : null,
        appointmentId: outcome === 'APPOINTMENT_BOOKED' ? (draft.appointment?.id ?? null) : null,
        callbackId: outcome === 'CALLBACK_REQUESTED' ? (draft.callback?.id ?? null) : null,
        note: draft.note.trim() || null,
      },
    });
    if (result.data) {
      discard();
      // The next contact starts blank: it is not linked to this quesito again (finding of the
      // usability review: the link stayed and the next contact was silently linked to it).
      setDraft(BLANK_CONTACT);
      if (linkedQuesito) {
        const next = new URLSearchParams(params);
        next.delete('quesito');
        setParams(next, { replace: true });
      }
      setDone(true);
      onRecorded();
    } else {
      setErrors(serverFieldErrors(result.error));
    }
  };

  const fieldErrors = { ...serverFieldErrors(error), ...errors };
  const validFiscalCode =
    draft.citizenFiscalCode && !fiscalCodeProblem(draft.citizenFiscalCode)
      ? normalizeFiscalCode(draft.citizenFiscalCode)
      : '';
  return (
    <form onSubmit={submit} noValidate aria-labelledby="contact-form-heading" className="mb-5">
      <h2 id="contact-form-heading">Registra un contatto</h2>
      {done ? (
        <Alert color="success" fade={false}>
          Contatto registrato.
        </Alert>
      ) : null}
      {error && !onlyFieldErrors(error, FIELDS) ? <ErrorDisplay error={error} headingLevel={3} /> : null}
      <div className="row mt-4">
        <div className="col-md-4">
          <SelectField
            label="Canale *"
            value={draft.channel}
            onChange={(v) => set('channel', v)}
            error={fieldErrors.channel}
          >
            {CONTACT_CHANNEL_ORDER.map((c) => (
              <option key={c} value={c}>
                {CONTACT_CHANNEL_LABELS[c]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-4">
          <SelectField
            label="Sezione *"
            value={draft.section}
            onChange={(v) => set('section', v)}
            error={fieldErrors.section}
          >
            <option value="">Scegli la sezione</option>
            {SECTION_ORDER.map((s) => (
              <option key={s} value={s}>
                {SECTION_LABELS[s]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-4">
          <SelectField
            label="Esito *"
            value={draft.outcome}
            onChange={(v) => set('outcome', v)}
            error={fieldErrors.outcome}
          >
            {CONTACT_OUTCOME_ORDER.map((o) => (
              <option key={o} value={o}>
                {CONTACT_OUTCOME_LABELS[o]}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <div className="row">
        <div className="col-md-8">
          <TextField
            label="Argomento *"
            value={draft.topic}
            onChange={(v) => set('topic', v)}
            error={fieldErrors.topic}
            maxLength={200}
          />
        </div>
        <div className="col-md-4">
          <TextField
            label="Codice fiscale del cittadino"
            value={draft.citizenFiscalCode}
            onChange={(v) => set('citizenFiscalCode', v.toUpperCase())}
            error={fieldErrors.citizenFiscalCode}
            maxLength={16}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      </div>
      {validFiscalCode ? <CitizenReplyPanel citizenFiscalCode={validFiscalCode} /> : null}
      {draft.outcome === 'QUESITO_FILED' ? (
        <>
          <QuesitoPicker
            label="Quesito inoltrato (facoltativo)"
            value={pickedQuesito}
            onChange={(quesito) => {
              setDraft({ ...draft, quesitoId: quesito?.id ?? '', quesitoSubject: quesito?.subject ?? '' });
              setDone(false);
            }}
            citizenFiscalCode={validFiscalCode || undefined}
          />
          {fieldErrors.quesitoId ? <p className="text-danger small">{fieldErrors.quesitoId}</p> : null}
        </>
      ) : null}
      {draft.outcome === 'APPOINTMENT_BOOKED' ? (
        <>
          <BookingPanel
            citizenFiscalCode={validFiscalCode}
            booked={draft.appointment}
            onBooked={(appointment) => {
              setDraft({ ...draft, appointment });
              setErrors({ ...errors, appointmentId: undefined });
            }}
          />
          {fieldErrors.appointmentId ? <p className="text-danger small">{fieldErrors.appointmentId}</p> : null}
        </>
      ) : null}
      {draft.outcome === 'CALLBACK_REQUESTED' ? (
        <>
          <CallbackPanel
            topic={draft.topic}
            requested={draft.callback}
            onRequested={(callback) => {
              setDraft({ ...draft, callback });
              setErrors({ ...errors, callbackId: undefined });
            }}
          />
          {fieldErrors.callbackId ? <p className="text-danger small">{fieldErrors.callbackId}</p> : null}
        </>
      ) : null}
      <TextAreaField
        label="Nota"
        value={draft.note}
        onChange={(v) => set('note', v)}
        error={fieldErrors.note}
        rows={2}
      />
      <Button color="primary" type="submit" disabled={fetching} aria-busy={fetching}>
        {fetching ? 'Invio in corso…' : 'Registra il contatto'}
      </Button>
    </form>
  );
}

/** The contacts recorded, by date newest first unless a column header says otherwise, with their total. */
export function ContactList() {
  // By date, newest first, until a column header says otherwise.
  const { order, sortBy } = useSortOrder<ContactOrderField>({ field: 'RECORDED_AT', direction: 'DESC' });
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: ContactListQuery,
    variables: { filter: null, orderBy: order },
    connection: (data) => data.contacts,
    pageSize: 20,
  });
  return (
    <section aria-labelledby="contact-list-heading">
      <h2 id="contact-list-heading">Contatti registrati</h2>
      <ErrorDisplay error={error} onRetry={refresh} headingLevel={3} />
      {nodes.length === 0 && fetching ? <Loading /> : null}
      {nodes.length === 0 && !fetching && !error ? <EmptyState title="Nessun contatto registrato" /> : null}
      {nodes.length > 0 ? (
        <>
          <div className="table-responsive">
            <table className="table">
              <caption className="visually-hidden">Contatti registrati</caption>
              <thead>
                <tr>
                  <SortableHeader field="RECORDED_AT" order={order} onSort={sortBy}>
                    Quando
                  </SortableHeader>
                  <th scope="col">Canale</th>
                  <th scope="col">Sezione</th>
                  <SortableHeader field="TOPIC" order={order} onSort={sortBy}>
                    Argomento
                  </SortableHeader>
                  <th scope="col">Codice fiscale</th>
                  <th scope="col">Esito</th>
                </tr>
              </thead>
              <tbody>
                {nodes.map((contact) => (
                  <tr key={contact.id}>
                    <td>{formatDateTime(contact.recordedAt)}</td>
                    <td>{CONTACT_CHANNEL_LABELS[contact.channel]}</td>
                    <td>{SECTION_LABELS[contact.section]}</td>
                    <td>{contact.topic}</td>
                    <td>{contact.citizenFiscalCode ?? '—'}</td>
                    <td>
                      {CONTACT_OUTCOME_LABELS[contact.outcome]}
                      {contact.quesito ? (
                        <>
                          {': '}
                          <Link to={`/ccm/quesiti/${contact.quesito.id}`}>{contact.quesito.subject}</Link>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore
            hasNextPage={hasNextPage}
            fetching={fetching}
            onLoadMore={loadMore}
            shown={nodes.length}
            total={totalCount}
          />
        </>
      ) : null}
    </section>
  );
}
