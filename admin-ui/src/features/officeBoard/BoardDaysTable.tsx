import { useState } from 'react';
import type { OfficeBoardDaysQuery } from '../../gql/graphql';
import { formatDate } from '../../shared/format/calendar';
import { BOARD_COLUMNS, formatCoverage, type CountKey } from './labels';
import './officeBoard.css';

type Board = OfficeBoardDaysQuery['officeBoard'];
type Day = Board['days'][number];
type SortKey = 'date' | CountKey;

const WEEKDAY = new Intl.DateTimeFormat('it-IT', { weekday: 'short', timeZone: 'UTC' });

function weekday(date: string): string {
  return WEEKDAY.format(new Date(`${date}T12:00:00Z`));
}

function cell(key: CountKey, counts: Omit<Day, 'date'>): string {
  return key === 'coverage' ? formatCoverage(counts.coverage) : String(counts[key]);
}

/** Sorts a copy of the days; nulls (no coverage) last. */
export function sortDays(days: readonly Day[], key: SortKey, descending: boolean): Day[] {
  const value = (d: Day) => (key === 'date' ? d.date : d[key]);
  return [...days].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === y) return a.date.localeCompare(b.date);
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const order = x < y ? -1 : 1;
    return descending ? -order : order;
  });
}

/**
 * "Prossimi giorni": one row per day (bookings, to precall, assigned, precalled,
 * reached, late, coverage), sortable by any column, with the totals row.
 * Late days stand out; below 576px each day is a card.
 */
export function BoardDaysTable({ board }: { board: Board }) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'date', descending: false });
  const rows = sortDays(board.days, sort.key, sort.descending);
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th
        key={key}
        scope="col"
        className={key === 'date' ? undefined : 'text-end'}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
      >
        <button type="button" onClick={() => setSort({ key, descending: active ? !sort.descending : key !== 'date' })}>
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };
  return (
    <table className="table table-sm align-middle board-days">
      <caption>
        Prenotazioni e prechiamate dal {formatDate(board.from)} al {formatDate(board.to)}. In ritardo: da prechiamare
        entro il {formatDate(board.alarmUntil)} (3 giorni lavorativi) e cittadino non ancora contattato.
      </caption>
      <thead>
        <tr>
          {header('date', 'Giorno')}
          {BOARD_COLUMNS.map(([key, label]) => header(key, label))}
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.date} data-date={d.date} className={d.late > 0 ? 'table-warning' : undefined}>
            <th scope="row">
              {weekday(d.date)} {formatDate(d.date)}
            </th>
            {BOARD_COLUMNS.map(([key, label]) => (
              <td key={key} className="text-end" data-label={label}>
                {cell(key, d)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="fw-semibold">
          <th scope="row">Totale</th>
          {BOARD_COLUMNS.map(([key, label]) => (
            <td key={key} className="text-end" data-label={label}>
              {cell(key, board.totals)}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
