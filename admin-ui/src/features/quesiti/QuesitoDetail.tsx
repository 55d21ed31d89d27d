import { Alert } from 'design-react-kit';
import { useQuery } from 'urql';
import { hasErrorCode } from '../../shared/api/errors';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { ConvertedAppointment } from './ConvertedAppointment';
import { PRIORITY_LABELS, SECTION_LABELS, STATUS_LABELS, formatDateTime } from './labels';
import { QuesitoShowQuery } from './operations';
import { QuesitoActions, type QuesitoActor } from './QuesitoActions';
import { StatusBadge } from './StatusBadge';

/** One quesito: what was asked, the citizen's contact as the API gives it, its history and its actions. */
export function QuesitoDetail({ id, actor, notice }: { id: string; actor: QuesitoActor; notice?: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: QuesitoShowQuery, variables: { id } });
  const quesito = data?.quesito;
  usePageTitle(quesito ? `Quesito: ${quesito.subject}` : 'Quesito');
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  if (!quesito) {
    return (
      <>
        <h1>Quesito</h1>
        {fetching ? <Loading /> : null}
        <ErrorDisplay
          error={error}
          headings={{ NOT_FOUND: 'Quesito non trovato' }}
          onRetry={hasErrorCode(error, 'NOT_FOUND') ? undefined : reload}
        />
      </>
    );
  }

  return (
    <>
      <h1>{quesito.subject}</h1>
      {notice ? (
        <Alert color="success" fade={false}>
          {notice}
        </Alert>
      ) : null}
      <dl className="row quesito-facts">
        <dt className="col-sm-3">Stato</dt>
        <dd className="col-sm-9" data-testid="quesito-status">
          <StatusBadge status={quesito.status} />
        </dd>
        <dt className="col-sm-3">CRIC</dt>
        <dd className="col-sm-9">{quesito.cric?.name ?? '—'}</dd>
        <dt className="col-sm-3">Sezione</dt>
        <dd className="col-sm-9">{SECTION_LABELS[quesito.section]}</dd>
        <dt className="col-sm-3">Classificazione</dt>
        <dd className="col-sm-9">{quesito.classification?.label ?? '—'}</dd>
        <dt className="col-sm-3">Priorità</dt>
        <dd className="col-sm-9">{PRIORITY_LABELS[quesito.priority]}</dd>
        <dt className="col-sm-3">Inoltrato il</dt>
        <dd className="col-sm-9">{formatDateTime(quesito.filedAt)}</dd>
        <dt className="col-sm-3">Scadenza</dt>
        <dd className="col-sm-9">
          {formatDateTime(quesito.dueAt)} {quesito.overdue ? <span className="badge bg-danger">in ritardo</span> : null}
        </dd>
        {quesito.takenBy ? (
          <>
            <dt className="col-sm-3">In carico a</dt>
            <dd className="col-sm-9" data-testid="quesito-holder">
              {quesito.takenByMe ? 'te' : quesito.takenBy.displayName}
            </dd>
          </>
        ) : null}
        {quesito.proposedTo && quesito.status === 'NEW' ? (
          <>
            <dt className="col-sm-3">Proposto a</dt>
            <dd className="col-sm-9" data-testid="quesito-proposed">
              {quesito.proposedToMe ? 'te' : quesito.proposedTo.displayName} (ha seguito un quesito recente dello stesso
              cittadino)
            </dd>
          </>
        ) : null}
        {quesito.pausedWorkingDays > 0 ? (
          <>
            <dt className="col-sm-3">Attesa del cittadino</dt>
            <dd className="col-sm-9">
              {quesito.pausedWorkingDays === 1
                ? 'scadenza spostata di 1 giorno lavorativo'
                : `scadenza spostata di ${quesito.pausedWorkingDays} giorni lavorativi`}
            </dd>
          </>
        ) : null}
        {quesito.forwardedTo ? (
          <>
            <dt className="col-sm-3">Inoltrato a</dt>
            <dd className="col-sm-9">{quesito.forwardedTo.name}</dd>
          </>
        ) : null}
      </dl>

      {quesito.status === 'WAITING_FOR_CITIZEN' ? (
        <Alert color="info" fade={false} data-testid="quesito-waiting">
          <h2 className="h5 alert-heading">In attesa del cittadino</h2>
          <p className="mb-1">
            Richiesto al cittadino: <span className="quesito-text">{quesito.waitingRequest}</span>
          </p>
          <p className="mb-0">
            Dal {formatDateTime(quesito.waitingSince)} il termine è sospeso: alla risposta la scadenza si sposta dei
            giorni lavorativi di attesa.
          </p>
        </Alert>
      ) : null}

      <section aria-labelledby="quesito-question-heading">
        <h2 id="quesito-question-heading" className="h4">
          Domanda
        </h2>
        <p className="quesito-text">{quesito.question}</p>
      </section>

      <section aria-labelledby="quesito-citizen-heading">
        <h2 id="quesito-citizen-heading" className="h4">
          Cittadino
        </h2>
        <dl className="row">
          <dt className="col-sm-3">Codice fiscale</dt>
          <dd className="col-sm-9">{quesito.citizenFiscalCode ?? 'Non visibile'}</dd>
          <dt className="col-sm-3">Telefono</dt>
          <dd className="col-sm-9">{quesito.citizenPhone ?? '—'}</dd>
          <dt className="col-sm-3">E-mail</dt>
          <dd className="col-sm-9">{quesito.citizenEmail ?? '—'}</dd>
        </dl>
      </section>

      {quesito.citizenReply && quesito.status !== 'WAITING_FOR_CITIZEN' ? (
        <section aria-labelledby="quesito-reply-heading">
          <h2 id="quesito-reply-heading" className="h4">
            Risposta del cittadino
          </h2>
          <p className="text-muted mb-1">Richiesto: {quesito.waitingRequest}</p>
          <p className="quesito-text">{quesito.citizenReply}</p>
        </section>
      ) : null}

      {quesito.answer ? (
        <section aria-labelledby="quesito-answer-heading">
          <h2 id="quesito-answer-heading" className="h4">
            Risposta
          </h2>
          <p className="quesito-text">{quesito.answer}</p>
          <p className="text-muted">
            Risposto il {formatDateTime(quesito.answeredAt)}
            {quesito.faqEntryId ? ' · pubblicata come FAQ' : ''}
          </p>
        </section>
      ) : null}
      {quesito.appointmentId ? <ConvertedAppointment id={quesito.appointmentId} /> : null}
      {quesito.forwardReason ? <p>Motivo dell'inoltro: {quesito.forwardReason}</p> : null}
      {quesito.cancelReason ? <p>Motivo dell'annullamento: {quesito.cancelReason}</p> : null}

      <QuesitoActions
        id={quesito.id}
        status={quesito.status}
        subject={quesito.subject}
        actor={actor}
        conversionOffices={quesito.conversionOffices}
        takenByMe={quesito.takenByMe}
        forwardTarget={quesito.forwardTarget?.name ?? null}
        onChanged={reload}
        key={quesito.version}
      />

      <section aria-labelledby="quesito-history-heading" className="my-4">
        <h2 id="quesito-history-heading" className="h4">
          Storico
        </h2>
        <div className="table-responsive">
          <table className="table" aria-labelledby="quesito-history-heading">
            <thead>
              <tr>
                <th scope="col">Quando</th>
                <th scope="col">Chi</th>
                <th scope="col">Da</th>
                <th scope="col">A</th>
                <th scope="col">Nota</th>
              </tr>
            </thead>
            <tbody>
              {quesito.events.map((event, index) => (
                <tr key={index} data-testid="quesito-event">
                  <td>{formatDateTime(event.at)}</td>
                  <td>{event.actor}</td>
                  <td data-status={event.from ?? ''}>{event.from ? STATUS_LABELS[event.from] : '—'}</td>
                  <td data-status={event.to}>{STATUS_LABELS[event.to]}</td>
                  <td>{event.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
