import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { SortableHeader, useSortOrder } from '../../shared/components/SortableHeader';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { usePageTitle } from '../../shared/components/usePageTitle';
import type { UnitOrderField, UnitKind } from '../../gql/graphql';
import { OrgTabs } from './OrgTabs';
import { OrgTree, orgUnitPath } from './OrgTree';
import { OrgUnitListQuery } from './operations';
import { buildTree } from './tree';
import { UNIT_KIND_LABELS, UNIT_KIND_ORDER } from './unitLabels';

/** The units the person may see: the whole tree, or a flat list of one kind. */
export function OrgUnitsPage() {
  usePageTitle('Organizzazione');
  const [kind, setKind] = useState<UnitKind | ''>('');
  // The tree needs tree order; a flat list of one kind sorts by the header clicked (by name at first).
  const { order, sortBy } = useSortOrder<UnitOrderField>({ field: 'NAME', direction: 'ASC' });
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: OrgUnitListQuery,
    variables: { kind: kind || null, orderBy: kind ? order : null },
    connection: (data) => data.orgUnits,
    pageSize: 100,
  });
  const roots = useMemo(() => buildTree(nodes), [nodes]);

  return (
    <>
      <h1>Organizzazione</h1>
      <OrgTabs />
      <p>Le unità organizzative che rientrano nei tuoi ruoli. Scegli un'unità per vederne il dettaglio.</p>

      <div className="select-wrapper my-4 org-kind-filter">
        <label htmlFor="org-kind">Tipo di unità</label>
        <select id="org-kind" value={kind} onChange={(event) => setKind(event.target.value as UnitKind | '')}>
          <option value="">Tutte (albero)</option>
          {UNIT_KIND_ORDER.map((value) => (
            <option key={value} value={value}>
              {UNIT_KIND_LABELS[value]}
            </option>
          ))}
        </select>
      </div>

      <ErrorDisplay error={error} onRetry={refresh} />
      {nodes.length === 0 && fetching ? <Loading /> : null}
      {nodes.length === 0 && !fetching && !error ? <EmptyState title="Nessuna unità da mostrare" /> : null}

      {nodes.length > 0 && kind === '' ? <OrgTree roots={roots} key={roots.map((r) => r.unit.code).join()} /> : null}
      {nodes.length > 0 && kind !== '' ? (
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">Unità di tipo {UNIT_KIND_LABELS[kind]}</caption>
            <thead>
              <tr>
                <SortableHeader field="NAME" order={order} onSort={sortBy}>
                  Nome
                </SortableHeader>
                <SortableHeader field="CODE" order={order} onSort={sortBy}>
                  Codice
                </SortableHeader>
              </tr>
            </thead>
            <tbody>
              {nodes.map((unit) => (
                <tr key={unit.id}>
                  <td>
                    <Link to={orgUnitPath(unit.code)}>{unit.name}</Link>
                  </td>
                  <td>{unit.code}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {nodes.length > 0 ? (
        <LoadMore
          hasNextPage={hasNextPage}
          fetching={fetching}
          onLoadMore={loadMore}
          shown={nodes.length}
          total={totalCount}
        />
      ) : null}
    </>
  );
}
