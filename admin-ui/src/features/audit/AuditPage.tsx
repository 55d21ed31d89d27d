import { Fragment, useState } from 'react';
import { useSearchParams } from 'react-router';
import { hasErrorCode } from '../../shared/api/errors';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { formatDateTime } from '../../shared/format/dateTime';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { SortableHeader, useSortOrder } from '../../shared/components/SortableHeader';
import type { AuditEventOrderField } from '../../gql/graphql';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useVisibleUnits } from '../org';
import { AuditFilters, buildAuditFilter, EMPTY_AUDIT_FILTERS, type AuditFilterForm } from './AuditFilters';
import { AuditDetail } from './AuditDetail';
import { actingRoleLabel, actionLabel, recordTypeLabel } from './labels';
import { AuditEventListQuery } from './operations';

// The applied filters live in the address, so a search can be bookmarked and
// survives being sent to sign-in and back.
const PARAMS: Record<keyof AuditFilterForm, string> = {
  unitCode: 'unita',
  actor: 'autore',
  action: 'azione',
  recordType: 'tipo',
  from: 'dal',
  to: 'al',
};

export function auditFiltersFrom(params: URLSearchParams): AuditFilterForm {
  const form = { ...EMPTY_AUDIT_FILTERS };
  for (const key of Object.keys(PARAMS) as (keyof AuditFilterForm)[]) form[key] = params.get(PARAMS[key]) ?? '';
  return form;
}

function paramsFrom(form: AuditFilterForm): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of Object.keys(PARAMS) as (keyof AuditFilterForm)[]) {
    const value = form[key].trim();
    if (value) params[PARAMS[key]] = value;
  }
  return params;
}

/** Who did what, when, acting as which role on which unit: the audit trail of the units in scope. */
export function AuditPage() {
  usePageTitle('Registro audit');
  const [searchParams, setSearchParams] = useSearchParams();
  const applied = auditFiltersFrom(searchParams);
  const filter = buildAuditFilter(applied);
  const filtered = Object.keys(filter).length > 0;
  const units = useVisibleUnits();
  const [open, setOpen] = useState<Set<string>>(new Set());

  // Newest first until a column header says otherwise.
  const { order, sortBy } = useSortOrder<AuditEventOrderField>({ field: 'OCCURRED_AT', direction: 'DESC' });
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: AuditEventListQuery,
    variables: { filter, orderBy: order },
    connection: (data) => data.auditEvents,
    pageSize: 50,
  });
  const blocked = hasErrorCode(error, 'FORBIDDEN') || hasErrorCode(error, 'NOT_FOUND');
  const events = blocked ? [] : nodes;

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <h1>Registro audit</h1>
      <p>
        Chi ha fatto cosa, quando e con quale ruolo, nelle unità che rientrano nei tuoi ruoli. Dal più recente; per
        cambiare ordine, scegli una colonna.
      </p>

      <AuditFilters
        key={searchParams.toString()}
        initial={applied}
        units={units.units}
        unitsLoading={units.loading}
        onApply={(form) => setSearchParams(paramsFrom(form))}
      />

      <ErrorDisplay error={units.error} onRetry={units.refresh} />
      <ErrorDisplay
        error={error}
        headings={{ NOT_FOUND: 'Unità non trovata' }}
        onRetry={blocked ? undefined : refresh}
      />
      {events.length === 0 && fetching ? <Loading label="Caricamento degli eventi…" /> : null}
      {events.length === 0 && !fetching && !error ? (
        <EmptyState title={filtered ? 'Nessun evento corrisponde ai filtri' : 'Nessun evento da mostrare'}>
          {filtered ? 'Cambia o azzera i filtri.' : null}
        </EmptyState>
      ) : null}

      {events.length > 0 ? (
        <>
          <div className="table-responsive">
            <table className="table audit-table">
              <caption className="visually-hidden">Eventi del registro audit{filtered ? ' (filtrati)' : ''}</caption>
              <thead>
                <tr>
                  <SortableHeader field="OCCURRED_AT" order={order} onSort={sortBy}>
                    Quando
                  </SortableHeader>
                  <SortableHeader field="ACTOR" order={order} onSort={sortBy}>
                    Autore
                  </SortableHeader>
                  <th scope="col">Ruolo</th>
                  <th scope="col">Unità</th>
                  <SortableHeader field="ACTION" order={order} onSort={sortBy}>
                    Azione
                  </SortableHeader>
                  <th scope="col">Record</th>
                  <th scope="col">Dettaglio</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => {
                  const expanded = open.has(event.id);
                  const detailId = `audit-detail-${event.id}`;
                  const hasDetail = Boolean(event.detail || event.recordId || event.requestId);
                  return (
                    <Fragment key={event.id}>
                      <tr>
                        <td>
                          <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
                        </td>
                        <td>{event.actor ?? '—'}</td>
                        <td>
                          {event.actingRole ? actingRoleLabel(event.actingRole) : '—'}
                          {event.actingUnit ? <div className="small text-muted">{event.actingUnit.name}</div> : null}
                        </td>
                        <td>{event.unit ? event.unit.name : '—'}</td>
                        <td>{actionLabel(event.action)}</td>
                        <td>{event.recordType ? recordTypeLabel(event.recordType) : '—'}</td>
                        <td>
                          {hasDetail ? (
                            <button
                              type="button"
                              className="btn btn-outline-primary btn-xs"
                              aria-expanded={expanded}
                              aria-controls={detailId}
                              onClick={() => toggle(event.id)}
                            >
                              {expanded ? 'Nascondi' : 'Mostra'}
                              <span className="visually-hidden">
                                {' '}
                                il dettaglio dell'evento {actionLabel(event.action)} del{' '}
                                {formatDateTime(event.occurredAt)}
                              </span>
                            </button>
                          ) : (
                            '—'
                          )}
                        </td>
                      </tr>
                      {hasDetail ? (
                        <tr id={detailId} hidden={!expanded}>
                          <td colSpan={7}>
                            {expanded ? (
                              <AuditDetail
                                detail={event.detail}
                                recordId={event.recordId}
                                requestId={event.requestId}
                              />
                            ) : null}
                          </td>
                        </tr>
                      ) : null}
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
            shown={events.length}
            total={blocked ? undefined : totalCount}
          />
        </>
      ) : null}
    </>
  );
}
