import { SortableHeader, useSortOrder } from '../../shared/components/SortableHeader';
import { formatCount } from './format';
import { sortRows, type SortValue } from './sortRows';

/** A column of a table per person: its header, the value it sorts by, how it is shown, whether it adds up. */
export interface PersonColumn<R> {
  key: string;
  label: string;
  value: (row: R) => number | null;
  format: (row: R) => string;
  /** Counts add up in the total row; medians and shares do not. */
  summed?: boolean;
}

/** What every row per person has: who, and where. */
export interface PersonRow {
  personId: string;
  name: string;
  unit?: { id: string; code: string; name: string } | null;
}

interface Props<R extends PersonRow> {
  id: string;
  title: string;
  /** What a row is, for the caption and the count: "operatore"/"operatori". */
  noun: [one: string, many: string];
  /** The header of the name column. */
  personLabel: string;
  rows: readonly R[];
  columns: readonly PersonColumn<R>[];
}

/**
 * A sortable table with one row per person (their name, never a username,
 * and their unit), the count of people and a total row. At 390 px it scrolls
 * inside its own box, the name column staying readable.
 */
export function PeopleTable<R extends PersonRow>({ id, title, noun, personLabel, rows, columns }: Props<R>) {
  const { order, sortBy } = useSortOrder<string>({ field: 'name', direction: 'ASC' });
  const value = (row: R, field: string): SortValue =>
    field === 'name' ? row.name : (columns.find((c) => c.key === field)?.value(row) ?? null);
  const sorted = sortRows(rows, order, value);
  const count = `${formatCount(rows.length)} ${rows.length === 1 ? noun[0] : noun[1]}`;
  return (
    <section className="my-5" aria-labelledby={id}>
      <h3 id={id} className="h4">
        {title} <span className="badge bg-secondary align-middle">{count}</span>
      </h3>
      <p className="small text-muted mb-2">Ordina la tabella con le intestazioni delle colonne.</p>
      <div className="table-responsive monitoring-people" tabIndex={0} role="region" aria-labelledby={id}>
        <table className="table table-sm align-middle">
          <caption>
            {title}: {count}
          </caption>
          <thead>
            <tr>
              <SortableHeader field="name" order={order} onSort={sortBy}>
                {personLabel}
              </SortableHeader>
              {columns.map((c) => (
                <SortableHeader key={c.key} field={c.key} order={order} onSort={sortBy} className="text-end">
                  {c.label}
                </SortableHeader>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={`${row.personId}:${row.unit?.id ?? ''}`} data-person={row.personId}>
                <th scope="row">
                  {row.name}
                  {row.unit ? <div className="small text-muted">{row.unit.name}</div> : null}
                </th>
                {columns.map((c) => (
                  <td key={c.key} className="text-end">
                    {c.format(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Totale</th>
              {columns.map((c) => (
                <td key={c.key} className="text-end">
                  {c.summed ? formatCount(rows.reduce((sum, row) => sum + (c.value(row) ?? 0), 0)) : ''}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
