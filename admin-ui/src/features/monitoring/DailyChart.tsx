import { useId } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatDay, formatShortDay } from './format';
import { DAILY_SERIES } from './labels';
import { dailySummary, type DailyPoint } from './shape';

/**
 * The daily series as a line chart. The drawing is hidden from assistive
 * technology; the caption says it in words and a visually hidden table gives
 * every number.
 */
export function DailyChart({ points }: { points: readonly DailyPoint[] }) {
  const captionId = useId();
  return (
    <figure className="monitoring-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <span className="h5 d-block">Andamento giornaliero</span>
        <ul className="small mb-2">
          {dailySummary(points).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </figcaption>
      <div aria-hidden="true">
        <LineChart
          responsive
          accessibilityLayer={false}
          data={points as DailyPoint[]}
          style={{ width: '100%', height: 320 }}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" tickFormatter={formatShortDay} minTickGap={16} />
          <YAxis allowDecimals={false} tickFormatter={formatCount} width={48} />
          <Tooltip
            labelFormatter={(date) => formatDay(String(date))}
            formatter={(value) => formatCount(Number(value))}
          />
          <Legend />
          {DAILY_SERIES.map(({ key, label, color }) => (
            <Line
              key={key}
              type="linear"
              dataKey={key}
              name={label}
              stroke={color}
              strokeWidth={2}
              dot={points.length <= 31}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </div>
      {/* A table's width ignores the 1px of .visually-hidden and widened the page on a phone: the
          hidden wrapper clips it (overflow: hidden), the table keeps its semantics for screen readers. */}
      <div className="visually-hidden">
        <table>
          <caption>Andamento giornaliero: dati per giorno</caption>
          <thead>
            <tr>
              <th scope="col">Giorno</th>
              {DAILY_SERIES.map(({ key, label }) => (
                <th key={key} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.date}>
                <th scope="row">{formatDay(point.date)}</th>
                {DAILY_SERIES.map(({ key }) => (
                  <td key={key}>{formatCount(point[key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
