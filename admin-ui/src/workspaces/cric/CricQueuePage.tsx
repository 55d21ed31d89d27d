import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { TextField } from '../../shared/components/TextField';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { useLiveAlerts } from '../../features/alerts';
import { usePageTitle } from '../../shared/components/usePageTitle';
import type { QuesitoStatus, Section } from '../../gql/graphql';
import { CheckboxField, SelectField } from '../../shared/components/fields';
import {
  PRIORITY_LABELS,
  SECTION_LABELS,
  SECTION_ORDER,
  STATUS_LABELS,
  STATUS_ORDER,
  formatDateTime,
  QuesitoListQuery,
  StatusBadge,
} from '../../features/quesiti';
import { CricNav } from './CricNav';

const QUEUE_ALERTS = ['QUESITO_FILED', 'QUESITO_DUE_SOON'] as const;

const OPEN = 'OPEN';
const ALL = 'ALL';

function statusFilter(value: string): QuesitoStatus[] | null {
  if (value === OPEN) return ['NEW', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN'];
  if (value === ALL) return null;
  return [value as QuesitoStatus];
}

interface HeldOrProposed {
  status: QuesitoStatus;
  waitingRequest?: string | null;
  takenBy?: { displayName: string } | null;
  takenByMe: boolean;
  proposedTo?: { displayName: string } | null;
  proposedToMe: boolean;
}

/** Who holds a quesito (and what was asked of the citizen, while waiting), or whom a NEW one is proposed to. */
function Holder({ quesito }: { quesito: HeldOrProposed }) {
  if (quesito.takenByMe || quesito.takenBy) {
    return (
      <>
        {quesito.status === 'WAITING_FOR_CITIZEN' && quesito.waitingRequest ? (
          <div className="small">chiesto: {quesito.waitingRequest}</div>
        ) : null}
        <div className="small">in carico a {quesito.takenByMe ? 'te' : quesito.takenBy?.displayName}</div>
      </>
    );
  }
  if (quesito.status === 'NEW' && (quesito.proposedToMe || quesito.proposedTo)) {
    return <div className="small">proposto a {quesito.proposedToMe ? 'te' : quesito.proposedTo?.displayName}</div>;
  }
  return null;
}

/**
 * NEW quesiti proposed to the caller: citizens whose previous quesito they took in the last
 * 30 days (docs/quesiti.md, "Continuity with the expert"), shown before the queue.
 */
function ProposedToMe() {
  const [{ data }] = useQuery({
    query: QuesitoListQuery,
    variables: { filter: { proposedToMe: true, status: ['NEW'] }, orderBy: 'DUE_FIRST', first: 10 },
    requestPolicy: 'cache-and-network',
  });
  const proposed = data?.quesiti.nodes ?? [];
  if (proposed.length === 0) return null;
  return (
    <section aria-labelledby="proposed-heading" className="callout note my-4 p-3 border rounded">
      <h2 id="proposed-heading" className="h5">
        Proposti a te ({proposed.length})
      </h2>
      <p className="small mb-2">Nuovi quesiti di cittadini di cui hai seguito un quesito negli ultimi 30 giorni.</p>
      <ul className="list-unstyled mb-0" aria-label="Quesiti proposti a te">
        {proposed.map((q) => (
          <li key={q.id} className="mb-1">
            <Link to={`/cric/quesiti/${q.id}`}>{q.subject}</Link> · {SECTION_LABELS[q.section]} · scadenza{' '}
            {formatDateTime(q.dueAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The CRIC's queue, soonest due first (the overdue lead), then the more urgent
 * priority: by section, status, overdue and words, with received and due dates.
 */
export function CricQueuePage() {
  usePageTitle('Coda CRIC');
  const [section, setSection] = useState<Section | ''>('');
  const [status, setStatus] = useState(OPEN);
  const [overdue, setOverdue] = useState(false);
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: QuesitoListQuery,
    variables: {
      // Soonest due first, so what is overdue leads the queue; among those due
      // together, the more urgent priority first.
      orderBy: 'DUE_FIRST',
      filter: {
        section: section || null,
        status: statusFilter(status),
        overdue: overdue ? true : null,
        text: search || null,
      },
    },
    connection: (data) => data.quesiti,
    pageSize: 25,
  });
  // A quesito filed to this CRIC, or about to be due, shows without a reload.
  useLiveAlerts(refresh, QUEUE_ALERTS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(text.trim());
  };
  const tabs: { value: Section | ''; label: string }[] = [
    { value: '', label: 'Tutte le sezioni' },
    ...SECTION_ORDER.map((value) => ({ value, label: SECTION_LABELS[value] })),
  ];

  return (
    <>
      <h1>Coda CRIC</h1>
      <CricNav />
      <p>
        In ordine di scadenza: prima i quesiti in ritardo, poi quelli che scadono prima; a pari scadenza, per priorità.
      </p>
      <div className="d-flex flex-wrap gap-2 mb-3" role="group" aria-label="Sezione">
        {tabs.map((tab) => (
          <Button
            key={tab.value}
            size="sm"
            color="primary"
            outline={section !== tab.value}
            aria-pressed={section === tab.value}
            onClick={() => setSection(tab.value)}
          >
            {tab.label}
          </Button>
        ))}
      </div>
      <form onSubmit={submit} role="search" aria-label="Filtri della coda" className="row g-3 align-items-end mt-3">
        <div className="col-md-3">
          <SelectField label="Stato" value={status} onChange={setStatus}>
            <option value={OPEN}>Aperti (nuovi, in lavorazione, in attesa del cittadino)</option>
            {STATUS_ORDER.map((value) => (
              <option key={value} value={value}>
                {STATUS_LABELS[value]}
              </option>
            ))}
            <option value={ALL}>Tutti</option>
          </SelectField>
        </div>
        <div className="col-md-5">
          <TextField label="Parole nell'oggetto o nel quesito" value={text} onChange={setText} />
        </div>
        <div className="col-md-2 mb-4">
          <Button color="primary" type="submit">
            Cerca
          </Button>
        </div>
        <div className="col-md-2">
          <CheckboxField label="Solo in ritardo" checked={overdue} onChange={setOverdue} />
        </div>
      </form>

      <ProposedToMe />

      <ErrorDisplay error={error} onRetry={refresh} />
      {nodes.length === 0 && fetching ? <Loading /> : null}
      {nodes.length === 0 && !fetching && !error ? (
        <EmptyState title="Nessun quesito in coda con questi filtri" />
      ) : null}
      {nodes.length > 0 ? (
        <>
          <div className="table-responsive">
            <table className="table" aria-label="Quesiti in coda">
              <thead>
                <tr>
                  <th scope="col">Oggetto</th>
                  <th scope="col">Sezione</th>
                  <th scope="col">Classificazione</th>
                  <th scope="col">Priorità</th>
                  <th scope="col">Stato</th>
                  <th scope="col">Ricevuto</th>
                  <th scope="col" aria-sort="ascending">
                    Scadenza <span aria-hidden="true">↑</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {nodes.map((q) => (
                  <tr key={q.id}>
                    <td>
                      <Link to={`/cric/quesiti/${q.id}`}>{q.subject}</Link>
                    </td>
                    <td>{SECTION_LABELS[q.section]}</td>
                    <td>{q.classification?.label ?? '—'}</td>
                    <td>{PRIORITY_LABELS[q.priority]}</td>
                    <td>
                      <StatusBadge status={q.status} />
                      <Holder quesito={q} />
                    </td>
                    <td>{formatDateTime(q.filedAt)}</td>
                    <td>
                      {formatDateTime(q.dueAt)} {q.overdue ? <span className="badge bg-danger">in ritardo</span> : null}
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
    </>
  );
}
