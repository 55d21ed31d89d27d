import { useQuery } from 'urql';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { formatDateTime } from '../../shared/format/dateTime';
import { Loading } from '../../shared/components/Loading';
import { PROCURA_EVENT_LABELS } from './labels';
import { ProcuraHistoryQuery } from './operations';

/** What happened to one procura, oldest first (declared, revoked, expiry notices). */
export function ProcuraHistory({ id, client }: { id: string; client: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ProcuraHistoryQuery, variables: { id } });
  const history = data?.procura.history ?? [];
  return (
    <div className="py-2">
      <h3 className="h6">Storico della procura del cliente {client}</h3>
      <ErrorDisplay
        error={error}
        headingLevel={4}
        headings={{ NOT_FOUND: 'Procura non trovata' }}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {fetching && !data ? <Loading label="Caricamento dello storico…" /> : null}
      {data && history.length === 0 ? <EmptyState title="Nessun evento registrato" /> : null}
      {history.length > 0 ? (
        <ol className="mb-0">
          {history.map((event) => (
            <li key={`${event.kind}-${event.occurredAt}`}>
              {PROCURA_EVENT_LABELS[event.kind] ?? event.kind} — {formatDateTime(event.occurredAt)}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
