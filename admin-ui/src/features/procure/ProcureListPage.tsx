import { Alert, Button } from 'design-react-kit';
import { Fragment, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation } from 'urql';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { useConfirmedAction } from '../../shared/components/useConfirmedAction';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { formatDateTime } from '../../shared/format/dateTime';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { SelectField } from '../../shared/components/SelectField';
import { SortableHeader, useSortOrder } from '../../shared/components/SortableHeader';
import { TextField } from '../../shared/components/TextField';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { usePageTitle } from '../../shared/components/usePageTitle';
import type {
  DelegableService,
  ProcuraFilter,
  ProcuraOrderField,
  ProcuraRowFragment,
  ProcuraStatus,
} from '../../gql/graphql';
import {
  CLIENT_KIND_LABELS,
  PROCURA_STATUS_LABELS,
  PROCURA_STATUS_ORDER,
  SERVICE_LABELS,
  SERVICE_ORDER,
  formatDate,
  isRevocable,
} from './labels';
import { ProcuraListQuery, ProcuraRevokeMutation } from './operations';
import { ProcuraHistory } from './ProcuraHistory';
import { ProcuraStatusBadge } from './ProcuraStatusBadge';
import { DECLARE_PATH } from './ProcureNav';
import { clientCodeProblem, normalizeClientCode } from './taxCode';

/** Set by the declare form when it comes back here. */
export interface ProcureListState {
  declared?: string;
}

/** Re-read every list of procure after a change (an empty list has no Procura to match). */
export const PROCURE_CONTEXT = { additionalTypenames: ['Procura', 'ProcuraConnection'] };

/** The professional's procure: filters, derived status, history, revocation. */
export function ProcureListPage() {
  usePageTitle('Procure — Le mie procure');
  const location = useLocation();
  const declared = (location.state as ProcureListState | null)?.declared;
  const [notice, setNotice] = useState<string | null>(
    declared ? `Procura dichiarata per il cliente ${declared}.` : null,
  );
  const [clientText, setClientText] = useState('');
  const [clientError, setClientError] = useState<string | undefined>();
  const [filter, setFilter] = useState<ProcuraFilter>({});
  const [open, setOpen] = useState<string | null>(null);
  const [, revoke] = useMutation(ProcuraRevokeMutation);

  const { order, sortBy } = useSortOrder<ProcuraOrderField>({ field: 'DECLARED_AT', direction: 'DESC' });
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: ProcuraListQuery,
    variables: { filter, orderBy: order },
    connection: (data) => data.procure,
    pageSize: 25,
  });
  const filtered = Object.values(filter).some(Boolean);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const text = clientText.trim();
    const problem = text ? clientCodeProblem(text) : null;
    setClientError(problem ?? undefined);
    if (problem) return;
    setFilter({ ...filter, clientFiscalCode: text ? normalizeClientCode(text) : null });
  };

  const clearFilters = () => {
    setClientText('');
    setClientError(undefined);
    setFilter({});
  };

  const revoking = useConfirmedAction(
    (target: ProcuraRowFragment) => revoke({ id: target.id }, PROCURE_CONTEXT),
    (target) => {
      setNotice(`Procura del cliente ${target.clientFiscalCode} revocata: da oggi non autorizza più nulla.`);
      refresh();
    },
  );

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
        <h2 className="h3 mb-0">Le mie procure</h2>
        <Link to={DECLARE_PATH} className="btn btn-primary btn-sm">
          Dichiara una nuova procura
        </Link>
      </div>
      <div role="status" aria-live="polite">
        {notice ? (
          <Alert color="success" fade={false} className="my-3">
            {notice}
          </Alert>
        ) : null}
      </div>

      <form
        onSubmit={search}
        role="search"
        aria-label="Filtri delle procure"
        className="row g-3 align-items-start mt-2"
        noValidate
      >
        <div className="col-md-4">
          <TextField
            label="Codice fiscale o partita IVA del cliente"
            value={clientText}
            onChange={(value) => setClientText(value.toUpperCase())}
            error={clientError}
            hint="La ricerca per cliente è registrata nel registro audit, come ogni consultazione di dati personali."
            autoComplete="off"
            spellCheck={false}
            maxLength={16}
          />
        </div>
        <div className="col-md-3">
          <SelectField
            label="Stato"
            value={filter.status ?? ''}
            onChange={(value) => setFilter({ ...filter, status: (value || null) as ProcuraStatus | null })}
          >
            <option value="">Tutti</option>
            {PROCURA_STATUS_ORDER.map((status) => (
              <option key={status} value={status}>
                {PROCURA_STATUS_LABELS[status]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-3">
          <SelectField
            label="Servizio"
            value={filter.service ?? ''}
            onChange={(value) => setFilter({ ...filter, service: (value || null) as DelegableService | null })}
          >
            <option value="">Tutti</option>
            {SERVICE_ORDER.map((service) => (
              <option key={service} value={service}>
                {SERVICE_LABELS[service]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-2 d-flex flex-column gap-2 mt-md-4">
          <Button color="primary" type="submit" size="sm">
            Cerca
          </Button>
          {filtered ? (
            <Button color="secondary" outline size="sm" onClick={clearFilters}>
              Togli i filtri
            </Button>
          ) : null}
        </div>
      </form>

      <ErrorDisplay error={error} onRetry={refresh} />
      {nodes.length === 0 && fetching ? <Loading label="Caricamento delle procure…" /> : null}
      {nodes.length === 0 && !fetching && !error ? (
        <EmptyState title={filtered ? 'Nessuna procura con questi filtri' : 'Non hai ancora dichiarato procure'}>
          {filtered ? null : (
            <>
              Dichiara le procure ricevute dai tuoi clienti con <Link to={DECLARE_PATH}>Nuova procura</Link>.
            </>
          )}
        </EmptyState>
      ) : null}
      {nodes.length > 0 ? (
        <>
          <div className="table-responsive">
            <table className="table align-middle">
              <caption className="visually-hidden">Procure dichiarate</caption>
              <thead>
                <tr>
                  <SortableHeader field="CLIENT_FISCAL_CODE" order={order} onSort={sortBy}>
                    Cliente
                  </SortableHeader>
                  <th scope="col">Servizi delegati</th>
                  <SortableHeader field="VALID_TO" order={order} onSort={sortBy}>
                    Validità
                  </SortableHeader>
                  <th scope="col">Collaboratori</th>
                  <th scope="col">Stato</th>
                  <SortableHeader field="DECLARED_AT" order={order} onSort={sortBy}>
                    Dichiarata il
                  </SortableHeader>
                  <th scope="col">
                    <span className="visually-hidden">Azioni</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {nodes.map((p) => (
                  <Fragment key={p.id}>
                    <tr data-testid={`procura-${p.clientFiscalCode}`}>
                      <td>
                        <span className="font-monospace">{p.clientFiscalCode}</span>
                        <br />
                        <small className="text-muted">{CLIENT_KIND_LABELS[p.clientKind]}</small>
                      </td>
                      <td>
                        <ul className="list-unstyled mb-0">
                          {p.services.map((service) => (
                            <li key={service}>{SERVICE_LABELS[service] ?? service}</li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        dal {formatDate(p.validFrom)}
                        <br />
                        al {formatDate(p.validTo)}
                      </td>
                      <td>{p.collaboratorsAuthorized ? 'Autorizzati' : 'Non autorizzati'}</td>
                      <td>
                        <ProcuraStatusBadge status={p.status} />
                        {p.revokedAt ? (
                          <small className="d-block text-muted">il {formatDateTime(p.revokedAt)}</small>
                        ) : null}
                      </td>
                      <td>{formatDateTime(p.declaredAt)}</td>
                      <td className="text-end text-nowrap">
                        <Button
                          color="primary"
                          outline
                          size="xs"
                          aria-expanded={open === p.id}
                          onClick={() => setOpen(open === p.id ? null : p.id)}
                          aria-label={`Storico della procura del cliente ${p.clientFiscalCode}`}
                        >
                          Storico
                        </Button>{' '}
                        {isRevocable(p.status) ? (
                          <Button
                            color="danger"
                            outline
                            size="xs"
                            onClick={() => revoking.ask(p)}
                            aria-label={`Revoca la procura del cliente ${p.clientFiscalCode}`}
                          >
                            Revoca
                          </Button>
                        ) : null}
                      </td>
                    </tr>
                    {open === p.id ? (
                      <tr>
                        <td colSpan={7}>
                          <ProcuraHistory id={p.id} client={p.clientFiscalCode} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
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

      <ConfirmDialog title="Revocare la procura?" confirmLabel="Revoca la procura" {...revoking.dialog}>
        {revoking.target ? (
          <p>
            La procura del cliente <strong>{revoking.target.clientFiscalCode}</strong> non autorizzerà più nulla da
            oggi, né a te né ai tuoi collaboratori. L&apos;operazione non si può annullare: per riprendere dovrai
            dichiarare una nuova procura.
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
