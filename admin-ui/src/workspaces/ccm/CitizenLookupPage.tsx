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
import { fiscalCodeProblem, normalizeFiscalCode } from '../../shared/validation/fiscalCode';
import { SECTION_LABELS, formatDateTime, QuesitoListQuery, StatusBadge } from '../../features/quesiti';
import { CcmNav } from './CcmNav';

/** A citizen calling back: their quesiti by fiscal code, with status; each opens with its history. */
export function CitizenLookupPage() {
  usePageTitle('CCM — Quesiti del cittadino');
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [fiscalCode, setFiscalCode] = useState<string | null>(null);
  const { nodes, fetching, error, hasNextPage, loadMore, refresh } = useConnectionQuery({
    query: QuesitoListQuery,
    variables: { filter: { citizenFiscalCode: fiscalCode ?? '' } },
    connection: (data) => data.quesiti,
    pageSize: 20,
    pause: fiscalCode === null,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = fiscalCodeProblem(input);
    setProblem(found ?? undefined);
    if (!found) setFiscalCode(normalizeFiscalCode(input));
  };
  return (
    <>
      <h1>Contact Center Multicanale</h1>
      <CcmNav />
      <h2>Quesiti del cittadino</h2>
      <form
        onSubmit={submit}
        noValidate
        role="search"
        aria-label="Ricerca dei quesiti per codice fiscale"
        className="row g-3 align-items-end"
      >
        <div className="col-md-6">
          <TextField
            label="Codice fiscale del cittadino"
            value={input}
            onChange={(v) => setInput(v.toUpperCase())}
            error={problem}
            maxLength={16}
            autoComplete="off"
            spellCheck={false}
            hint="La consultazione viene registrata."
          />
        </div>
        <div className="col-md-2 mb-4">
          <Button color="primary" type="submit">
            Cerca
          </Button>
        </div>
      </form>
      {fiscalCode !== null ? (
        <section aria-label={`Quesiti di ${fiscalCode}`}>
          <ErrorDisplay error={error} onRetry={refresh} headingLevel={3} />
          {nodes.length === 0 && fetching ? <Loading /> : null}
          {nodes.length === 0 && !fetching && !error ? (
            <EmptyState title="Nessun quesito per questo codice fiscale" />
          ) : null}
          {nodes.length > 0 ? (
            <>
              <div className="table-responsive">
                <table className="table">
                  <caption className="visually-hidden">Quesiti del cittadino {fiscalCode}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Oggetto</th>
                      <th scope="col">CRIC</th>
                      <th scope="col">Sezione</th>
                      <th scope="col">Stato</th>
                      <th scope="col">Inoltrato il</th>
                      <th scope="col">Scadenza</th>
                    </tr>
                  </thead>
                  <tbody>
                    {nodes.map((q) => (
                      <tr key={q.id}>
                        <td>
                          <Link to={`/ccm/quesiti/${q.id}`}>{q.subject}</Link>
                        </td>
                        <td>{q.cric?.name ?? '—'}</td>
                        <td>{SECTION_LABELS[q.section]}</td>
                        <td>
                          <StatusBadge status={q.status} />
                        </td>
                        <td>{formatDateTime(q.filedAt)}</td>
                        <td>
                          {formatDateTime(q.dueAt)}{' '}
                          {q.overdue ? <span className="badge bg-danger">in ritardo</span> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <LoadMore hasNextPage={hasNextPage} fetching={fetching} onLoadMore={loadMore} shown={nodes.length} />
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
