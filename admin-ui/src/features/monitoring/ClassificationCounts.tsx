import type { MonitoringPeopleQuery as Answer } from '../../gql/graphql';
import { SECTION_LABELS, SECTION_ORDER } from '../quesiti';
import { formatCount, formatShare } from './format';

type Row = Answer['stats']['classifications'][number];

/**
 * Quesiti per classification (tipologia) in each section, as the circular
 * asks: a table whose last column is a bar, as long as the classification's
 * share of its section, so the table is the chart (no second reading for
 * screen readers, and it narrows to 390 px).
 */
export function ClassificationCounts({ rows }: { rows: readonly Row[] }) {
  const sections = SECTION_ORDER.map((section) => ({
    section,
    rows: rows.filter((r) => r.section === section),
  })).filter((s) => s.rows.length > 0);
  return (
    <section className="my-5" aria-labelledby="monitoring-classifications">
      <h3 id="monitoring-classifications" className="h4">
        Quesiti per tipologia
      </h3>
      <div className="table-responsive">
        <table className="table table-sm align-middle monitoring-classifications">
          <caption>Quesiti ricevuti nel periodo per sezione e tipologia, con la quota sulla sezione.</caption>
          <thead>
            <tr>
              <th scope="col">Tipologia</th>
              <th scope="col" className="text-end">
                Quesiti
              </th>
              <th scope="col" className="text-end">
                Quota
              </th>
              <th scope="col" className="monitoring-bar-cell">
                <span className="visually-hidden">Grafico</span>
              </th>
            </tr>
          </thead>
          {sections.map(({ section, rows: inSection }) => {
            const total = inSection.reduce((sum, r) => sum + r.received, 0);
            const most = Math.max(...inSection.map((r) => r.received));
            return (
              <tbody key={section} data-section={section}>
                <tr className="table-light">
                  <th scope="rowgroup" colSpan={4}>
                    {SECTION_LABELS[section]} · {formatCount(total)} {total === 1 ? 'quesito' : 'quesiti'}
                  </th>
                </tr>
                {inSection.map((r) => (
                  <tr key={r.code}>
                    <th scope="row" className="fw-normal">
                      {r.label}
                    </th>
                    <td className="text-end">{formatCount(r.received)}</td>
                    <td className="text-end">{formatShare(total > 0 ? r.received / total : null)}</td>
                    <td className="monitoring-bar-cell" aria-hidden="true">
                      <div
                        className="monitoring-bar"
                        style={{ width: `${most > 0 ? (100 * r.received) / most : 0}%` }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
    </section>
  );
}
