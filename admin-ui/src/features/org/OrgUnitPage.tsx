import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { hasErrorCode } from '../../shared/api/errors';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { orgUnitPath } from './OrgTree';
import { OrgUnitShowQuery } from './operations';
import { OFFICE_SIZE_LABELS, UNIT_KIND_LABELS } from './unitLabels';
import { useVisibleUnits, type UnitChoice } from './useVisibleUnits';

type Named = Pick<UnitChoice, 'code' | 'name'>;

/**
 * The units above `unit` that the person may open, from the top: the breadcrumb shows where a
 * unit sits by names (its materialised path `/IT/SAR/CA/CA1/` is an internal). The parent comes
 * with the unit itself, so it is there even before the visible units have loaded.
 */
export function unitsAbove(
  unit: { path: string; parent?: Named | null },
  visible: readonly Pick<UnitChoice, 'code' | 'name' | 'path'>[],
): Named[] {
  const ancestors = visible
    .filter((candidate) => candidate.path !== unit.path && unit.path.startsWith(candidate.path))
    .sort((a, b) => a.path.length - b.path.length);
  const parent = unit.parent;
  if (parent && !ancestors.some((ancestor) => ancestor.code === parent.code)) return [...ancestors, parent];
  return ancestors;
}

/** One unit: its details, the unit above it and the units below it (drill-down). */
export function OrgUnitPage() {
  const { code = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OrgUnitShowQuery, variables: { code } });
  const unit = data?.orgUnit;
  const notFound = hasErrorCode(error, 'NOT_FOUND');
  usePageTitle(unit?.name ?? (notFound ? 'Unità non trovata' : 'Unità organizzativa'));
  const { units: visible } = useVisibleUnits();
  const above = unit ? unitsAbove(unit, visible) : [];

  const breadcrumb = (
    <nav aria-label="Percorso" className="breadcrumb-container">
      <ol className="breadcrumb">
        <li className="breadcrumb-item">
          <Link to="/organizzazione">Organizzazione</Link>
          <span className="separator" aria-hidden="true">
            /
          </span>
        </li>
        {above.map((ancestor) => (
          <li key={ancestor.code} className="breadcrumb-item">
            <Link to={orgUnitPath(ancestor.code)}>{ancestor.name}</Link>
            <span className="separator" aria-hidden="true">
              /
            </span>
          </li>
        ))}
        <li className="breadcrumb-item active" aria-current="page">
          {unit?.name ?? code}
        </li>
      </ol>
    </nav>
  );

  if (!unit) {
    return (
      <>
        {breadcrumb}
        {fetching ? <Loading /> : null}
        {error ? (
          <>
            <h1>Unità organizzativa {code}</h1>
            <ErrorDisplay
              error={error}
              headings={{ NOT_FOUND: 'Unità non trovata' }}
              onRetry={notFound ? undefined : () => reexecute({ requestPolicy: 'network-only' })}
            />
          </>
        ) : null}
      </>
    );
  }

  return (
    <>
      {breadcrumb}
      <h1>{unit.name}</h1>
      <dl className="row org-unit-details">
        <dt className="col-sm-4 col-lg-3">Codice</dt>
        <dd className="col-sm-8 col-lg-9">{unit.code}</dd>
        <dt className="col-sm-4 col-lg-3">Tipo</dt>
        <dd className="col-sm-8 col-lg-9">{UNIT_KIND_LABELS[unit.kind]}</dd>
        <dt className="col-sm-4 col-lg-3">Unità superiore</dt>
        <dd className="col-sm-8 col-lg-9">
          {unit.parent ? <Link to={orgUnitPath(unit.parent.code)}>{unit.parent.name}</Link> : 'Nessuna'}
        </dd>
        {unit.size ? (
          <>
            <dt className="col-sm-4 col-lg-3">Dimensione</dt>
            <dd className="col-sm-8 col-lg-9">{OFFICE_SIZE_LABELS[unit.size]}</dd>
          </>
        ) : null}
        {unit.kind === 'TERRITORIAL_OFFICE' ? (
          <>
            <dt className="col-sm-4 col-lg-3">Sportello virtuale</dt>
            <dd className="col-sm-8 col-lg-9">
              {unit.virtualCounter ? 'Attivo' : 'Non attivo'}
              {unit.virtualCounter && unit.virtualCounterMailbox ? ` — ${unit.virtualCounterMailbox}` : ''}
            </dd>
          </>
        ) : null}
        {unit.openingHours ? (
          <>
            <dt className="col-sm-4 col-lg-3">Orari di apertura</dt>
            <dd className="col-sm-8 col-lg-9">{unit.openingHours}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="org-unit-children">
        <h2 id="org-unit-children" className="h4">
          Unità dipendenti
        </h2>
        {unit.children.length === 0 ? (
          <EmptyState title="Nessuna unità dipendente" />
        ) : (
          <ul>
            {unit.children.map((child) => (
              <li key={child.id}>
                <Link to={orgUnitPath(child.code)}>{child.name}</Link>{' '}
                <span className="text-muted small">
                  {UNIT_KIND_LABELS[child.kind]} · {child.code}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
