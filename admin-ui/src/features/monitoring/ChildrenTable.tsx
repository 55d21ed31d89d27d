import { Link } from 'react-router';
import { EmptyState } from '../../shared/components/EmptyState';
import type { MonitoringStatsQuery } from '../../gql/graphql';
import { UNIT_KIND_LABELS } from '../org';
import { formatCount, formatShare } from './format';
import { FIGURE_LABELS as L } from './labels';
import { monitoringHref } from './selection';
import { quesitiTotal, type Figures } from './shape';
import type { DateRange } from './range';

type Child = MonitoringStatsQuery['stats']['children'][number];

const COLUMNS: [label: string, value: (f: Figures) => string][] = [
  [L.bookings, (f) => formatCount(f.appointments.bookings)],
  [L.precallCoverage, (f) => formatShare(f.appointments.precallCoverage)],
  [L.notReachingCounter, (f) => formatShare(f.appointments.notReachingCounterShare)],
  [L.sessions, (f) => formatCount(f.appointments.sessions)],
  [L.sessionsOver15Minutes, (f) => formatCount(f.appointments.sessionsOver15Minutes)],
  [L.noShows, (f) => formatCount(f.appointments.noShows)],
  [L.callbacksRequested, (f) => formatCount(f.callbacks.requested)],
  [L.callbacksWaiting, (f) => formatCount(f.callbacks.waiting)],
  [L.quesitiReceived, (f) => formatCount(quesitiTotal(f, 'received'))],
  ['Arretrato CRIC', (f) => formatCount(quesitiTotal(f, 'backlog'))],
  ['Quesiti fuori SLA', (f) => formatCount(quesitiTotal(f, 'slaBreaches'))],
];

interface Props {
  unitName: string;
  rows: readonly Child[];
  /** The unit's own figures: the table's total row. */
  total: Figures;
  range: DateRange;
}

/** The same figures per child unit; each name opens that unit's figures for the same period. */
export function ChildrenTable({ unitName, rows, total, range }: Props) {
  return (
    <section className="my-5" aria-labelledby="monitoring-children">
      <h3 id="monitoring-children" className="h4">
        Unità sottostanti
      </h3>
      {rows.length === 0 ? (
        <EmptyState title={`Nessuna unità sotto ${unitName}`}>
          I dati di questa unità sono quelli mostrati sopra.
        </EmptyState>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm align-middle monitoring-children">
            <caption>Dati delle unità sotto {unitName}: apri un'unità per vederne il dettaglio.</caption>
            <thead>
              <tr>
                <th scope="col">Unità</th>
                {COLUMNS.map(([label]) => (
                  <th key={label} scope="col" className="text-end">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ unit, figures }) => (
                <tr key={unit.code} data-unit={unit.code}>
                  <th scope="row">
                    <Link to={monitoringHref({ unitCode: unit.code, ...range })}>{unit.name}</Link>
                    <div className="small text-muted">
                      {UNIT_KIND_LABELS[unit.kind]} · {unit.code}
                    </div>
                  </th>
                  {COLUMNS.map(([label, value]) => (
                    <td key={label} className="text-end">
                      {value(figures)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Totale {unitName}</th>
                {COLUMNS.map(([label, value]) => (
                  <td key={label} className="text-end">
                    {value(total)}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
