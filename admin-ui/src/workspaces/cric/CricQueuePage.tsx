import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { TextField } from '../../shared/components/TextField';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
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

const OPEN = 'OPEN';
const ALL = 'ALL';

function statusFilter(value: string): QuesitoStatus[] | null {
  if (value === OPEN) return ['NEW', 'IN_PROGRESS'];
  if (value === ALL) return null;
  return [value as QuesitoStatus];
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
            <option value={OPEN}>Aperti (nuovi e in lavorazione)</option>
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
