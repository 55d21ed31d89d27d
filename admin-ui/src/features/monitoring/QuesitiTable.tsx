import { SECTION_LABELS, SECTION_ORDER } from '../quesiti';
import { formatCount, formatHours } from './format';
import { FIGURE_LABELS as L } from './labels';
import { quesitiTotal, type Figures } from './shape';

const COUNTS = [
  ['received', L.quesitiReceived],
  ['answered', L.quesitiAnswered],
  ['backlog', L.quesitiBacklog],
  ['forwarded', L.quesitiForwarded],
  ['slaBreaches', L.quesitiSlaBreaches],
] as const;

/** CRIC figures per section: received, answered, backlog, forwarded, SLA breaches, median answer time. */
export function QuesitiTable({ figures }: { figures: Figures }) {
  const sections = SECTION_ORDER.map((section) => figures.quesiti.find((q) => q.section === section)).filter(
    (q) => q !== undefined,
  );
  return (
    <section className="my-4" aria-labelledby="monitoring-quesiti">
      <h3 id="monitoring-quesiti" className="h5">
        Quesiti al CRIC
      </h3>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption className="visually-hidden">Quesiti al CRIC per sezione</caption>
          <thead>
            <tr>
              <th scope="col">Sezione</th>
              {COUNTS.map(([key, label]) => (
                <th key={key} scope="col" className="text-end">
                  {label}
                </th>
              ))}
              <th scope="col" className="text-end">
                {L.quesitiMedianAnswer}
              </th>
            </tr>
          </thead>
          <tbody>
            {sections.map((q) => (
              <tr key={q.section}>
                <th scope="row">{SECTION_LABELS[q.section]}</th>
                {COUNTS.map(([key]) => (
                  <td key={key} className="text-end">
                    {formatCount(q[key])}
                  </td>
                ))}
                <td className="text-end">{formatHours(q.medianAnswerHours)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Totale</th>
              {COUNTS.map(([key]) => (
                <td key={key} className="text-end">
                  {formatCount(quesitiTotal(figures, key))}
                </td>
              ))}
              <td className="text-end" />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
