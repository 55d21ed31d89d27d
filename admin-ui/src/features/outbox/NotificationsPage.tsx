import { Alert } from 'design-react-kit';
import { Fragment, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, type CombinedError } from 'urql';
import { hasErrorCode } from '../../shared/api/errors';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { formatDateTime } from '../../shared/format/dateTime';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { SelectField } from '../../shared/components/SelectField';
import { SortableHeader, useSortOrder } from '../../shared/components/SortableHeader';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { usePageTitle } from '../../shared/components/usePageTitle';
import type {
  Channel,
  OutboxMessageFilter,
  OutboxMessageOrderField,
  OutboxMessageRowFragment,
  Status,
} from '../../gql/graphql';
import {
  CHANNEL_LABELS,
  CHANNELS,
  errorLabel,
  eventLabel,
  OUTCOME_LABELS,
  referenceLabel,
  STATUS_BADGES,
  STATUS_LABELS,
  STATUSES,
} from './labels';
import { OutboxMessageListQuery, OutboxMessageRetryMutation } from './operations';

type Message = OutboxMessageRowFragment;

export function outboxFilterFrom(params: URLSearchParams): OutboxMessageFilter {
  const filter: OutboxMessageFilter = {};
  const status = params.get('stato');
  const channel = params.get('canale');
  if (status && (STATUSES as readonly string[]).includes(status)) filter.status = status as Status;
  if (channel && (CHANNELS as readonly string[]).includes(channel)) filter.channel = channel as Channel;
  return filter;
}

/** The notifications outbox: what was sent, what waits, what failed and why; "Riprova" for failed ones. */
export function NotificationsPage() {
  usePageTitle('Notifiche');
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = outboxFilterFrom(searchParams);
  const filtered = Object.keys(filter).length > 0;
  const [open, setOpen] = useState<Set<string>>(new Set());
  // Messages as the retry answered them, shown at once whatever page they are on,
  // until the list itself brings a newer copy of the row.
  const [updated, setUpdated] = useState<Record<string, { before: Message; after: Message }>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [retryError, setRetryError] = useState<CombinedError | undefined>();
  const [retrying, setRetrying] = useState<string | null>(null);
  const [, retry] = useMutation(OutboxMessageRetryMutation);

  // In time order, newest first, until a column header says otherwise.
  const { order, sortBy } = useSortOrder<OutboxMessageOrderField>({ field: 'CREATED_AT', direction: 'DESC' });
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: OutboxMessageListQuery,
    variables: { filter, orderBy: order },
    connection: (data) => data.outboxMessages,
    pageSize: 50,
  });
  const blocked = hasErrorCode(error, 'FORBIDDEN') || hasErrorCode(error, 'NOT_FOUND');
  const messages = blocked
    ? []
    : nodes.map((message) => (updated[message.id]?.before === message ? updated[message.id].after : message));

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearchParams(next);
  };

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const retryMessage = async (message: Message) => {
    setRetrying(message.id);
    setNotice(null);
    setRetryError(undefined);
    const result = await retry({ id: message.id });
    setRetrying(null);
    const answer = result.data?.retryOutboxMessage;
    if (answer) {
      setUpdated((current) => ({ ...current, [answer.id]: { before: message, after: answer } }));
      setNotice(`Notifica «${eventLabel(answer.event)}» a ${answer.recipient} rimessa in coda: sarà inviata a breve.`);
    } else {
      setRetryError(result.error);
    }
  };

  return (
    <>
      <h1>Notifiche</h1>
      <p>
        Le e-mail e i webhook in uscita, dal più recente: stato, tentativi ed errori. I destinatari sono mascherati.
      </p>

      <form
        role="search"
        aria-label="Filtra le notifiche"
        className="row mt-4 mb-2"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="col-md-4">
          <SelectField label="Stato" value={filter.status ?? ''} onChange={(value) => setParam('stato', value)}>
            <option value="">Tutti gli stati</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-4">
          <SelectField label="Canale" value={filter.channel ?? ''} onChange={(value) => setParam('canale', value)}>
            <option value="">Tutti i canali</option>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {CHANNEL_LABELS[channel]}
              </option>
            ))}
          </SelectField>
        </div>
      </form>

      <div role="status" aria-live="polite">
        {notice ? (
          <Alert color="success" fade={false} className="my-3">
            {notice}
          </Alert>
        ) : null}
      </div>
      <ErrorDisplay error={retryError} headings={{ CONFLICT: 'La notifica non può essere reinviata' }} />
      <ErrorDisplay error={error} onRetry={blocked ? undefined : refresh} />
      {messages.length === 0 && fetching ? <Loading label="Caricamento delle notifiche…" /> : null}
      {messages.length === 0 && !fetching && !error ? (
        <EmptyState title={filtered ? 'Nessuna notifica corrisponde ai filtri' : 'Nessuna notifica'}>
          {filtered ? 'Cambia i filtri.' : null}
        </EmptyState>
      ) : null}

      {messages.length > 0 ? (
        <>
          <div className="table-responsive">
            <table className="table outbox-table">
              <caption className="visually-hidden">Notifiche{filtered ? ' (filtrate)' : ''}</caption>
              <thead>
                <tr>
                  <SortableHeader field="CREATED_AT" order={order} onSort={sortBy}>
                    Creata
                  </SortableHeader>
                  <th scope="col">Canale</th>
                  <th scope="col">Evento</th>
                  <th scope="col">Destinatario</th>
                  <th scope="col">Stato</th>
                  <th scope="col">Tentativi</th>
                  <SortableHeader field="NEXT_ATTEMPT_AT" order={order} onSort={sortBy}>
                    Prossimo tentativo
                  </SortableHeader>
                  <th scope="col">Ultimo errore</th>
                  <th scope="col">Azioni</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((message) => {
                  const expanded = open.has(message.id);
                  const logId = `outbox-log-${message.id}`;
                  const name = `«${eventLabel(message.event)}» del ${formatDateTime(message.createdAt)}`;
                  const about = referenceLabel(message.reference);
                  return (
                    <Fragment key={message.id}>
                      <tr>
                        <td>
                          <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                        </td>
                        <td>{CHANNEL_LABELS[message.channel]}</td>
                        <td>
                          {eventLabel(message.event)}
                          {about ? <div className="small text-muted">{about}</div> : null}
                          {message.unit ? <div className="small text-muted">{message.unit.name}</div> : null}
                        </td>
                        <td className="text-break">{message.recipient}</td>
                        <td>
                          <span className={`badge ${STATUS_BADGES[message.status]}`}>
                            {STATUS_LABELS[message.status]}
                          </span>
                          {message.sentAt ? (
                            <div className="small text-muted">
                              <time dateTime={message.sentAt}>{formatDateTime(message.sentAt)}</time>
                            </div>
                          ) : null}
                        </td>
                        <td>{message.attempts}</td>
                        <td>
                          {message.status === 'PENDING' ? (
                            <time dateTime={message.nextAttemptAt}>{formatDateTime(message.nextAttemptAt)}</time>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td className="small">
                          {message.lastError ? <DeliveryError error={message.lastError} /> : '—'}
                        </td>
                        <td>
                          <div className="d-flex flex-column gap-1 align-items-start">
                            <button
                              type="button"
                              className="btn btn-outline-primary btn-xs"
                              aria-expanded={expanded}
                              aria-controls={logId}
                              onClick={() => toggle(message.id)}
                            >
                              {expanded ? 'Nascondi invii' : 'Registro invii'}
                              <span className="visually-hidden"> della notifica {name}</span>
                            </button>
                            {message.status === 'FAILED' ? (
                              <button
                                type="button"
                                className="btn btn-primary btn-xs"
                                onClick={() => void retryMessage(message)}
                                disabled={retrying === message.id}
                                aria-busy={retrying === message.id}
                              >
                                {retrying === message.id ? 'Invio…' : 'Riprova'}
                                <span className="visually-hidden"> la notifica {name}</span>
                              </button>
                            ) : null}
                          </div>
                        </td>
                      </tr>
                      <tr id={logId} hidden={!expanded}>
                        <td colSpan={9}>{expanded ? <DeliveryLog message={message} /> : null}</td>
                      </tr>
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
          <LoadMore
            hasNextPage={hasNextPage}
            fetching={fetching}
            onLoadMore={loadMore}
            shown={messages.length}
            total={blocked ? undefined : totalCount}
          />
        </>
      ) : null}
    </>
  );
}

/** Every delivery attempt of one message, oldest first. */
function DeliveryLog({ message }: { message: Message }) {
  if (message.deliveries.length === 0) return <p className="mb-0">Nessun tentativo di invio finora.</p>;
  return (
    <table className="table table-sm mb-0">
      <caption className="visually-hidden">Registro degli invii della notifica «{eventLabel(message.event)}»</caption>
      <thead>
        <tr>
          <th scope="col">Tentativo</th>
          <th scope="col">Quando</th>
          <th scope="col">Esito</th>
          <th scope="col">Codice</th>
          <th scope="col">Durata</th>
          <th scope="col">Risposta o errore</th>
        </tr>
      </thead>
      <tbody>
        {message.deliveries.map((delivery) => (
          <tr key={delivery.attempt}>
            <td>{delivery.attempt}</td>
            <td>
              <time dateTime={delivery.at}>{formatDateTime(delivery.at)}</time>
            </td>
            <td>{OUTCOME_LABELS[delivery.outcome]}</td>
            <td>{delivery.statusCode ?? '—'}</td>
            <td>
              {delivery.durationMs !== null && delivery.durationMs !== undefined ? `${delivery.durationMs} ms` : '—'}
            </td>
            <td className="small text-break">
              {delivery.error ? <DeliveryError error={delivery.error} /> : (delivery.response ?? '—')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What went wrong, in Italian; the stored technical text on request (for the technician). */
function DeliveryError({ error }: { error: string }) {
  return (
    <>
      {errorLabel(error)}
      <details className="text-break">
        <summary>Dettaglio tecnico</summary>
        <code>{error}</code>
      </details>
    </>
  );
}
