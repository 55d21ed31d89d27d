import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { formatShare } from './format';
import type { ShareRow } from './shape';

interface Props {
  title: string;
  /** What the shares are of, e.g. "sulle 12 prechiamate con esito". */
  description: string;
  rows: readonly ShareRow[];
  color: string;
  /** The table that says the same as the bars, with every count (the text alternative). */
  table: ReactNode;
  headingId: string;
}

/**
 * Outcome shares as horizontal bars, drawn only when there is something to
 * share; the table below the bars carries the numbers for everyone.
 */
export function SharesChart({ title, description, rows, color, table, headingId }: Props) {
  const drawable = rows.some((row) => row.share !== null);
  return (
    <figure className="monitoring-chart" aria-labelledby={headingId}>
      <figcaption>
        <span id={headingId} className="h5 d-block">
          {title}
        </span>
        <span className="small">{description}</span>
      </figcaption>
      {drawable ? (
        <div aria-hidden="true">
          <BarChart
            responsive
            accessibilityLayer={false}
            layout="vertical"
            data={rows.map((row) => ({ label: row.label, share: row.share ?? 0 }))}
            style={{ width: '100%', height: 40 * rows.length + 40 }}
            margin={{ top: 4, right: 48, bottom: 4, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 1]} tickFormatter={(value) => formatShare(Number(value))} />
            <YAxis type="category" dataKey="label" width={200} />
            <Tooltip formatter={(value) => formatShare(Number(value))} />
            <Bar dataKey="share" name="Quota" fill={color} isAnimationActive={false}>
              <LabelList dataKey="share" position="right" formatter={(value: unknown) => formatShare(Number(value))} />
            </Bar>
          </BarChart>
        </div>
      ) : null}
      {table}
    </figure>
  );
}
