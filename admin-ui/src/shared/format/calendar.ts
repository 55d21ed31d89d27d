// The API's calendar values (`NaiveDate` `2026-11-25`, `NaiveTime` `09:20:00`) and instants, as the
// offices read them: Italian order, Europe/Rome.

/** `2026-11-25` → `25/11/2026`. */
export function formatDate(value: string | null | undefined): string {
  const date = value ?? '';
  const [y, m, d] = date.split('-');
  return d && m && y ? `${d}/${m}/${y}` : date;
}

/** `09:20:00` → `09:20`. */
export function formatTime(value: string | null | undefined): string {
  return (value ?? '').slice(0, 5);
}

export { formatDateTime } from './dateTime';

/** Today in Europe/Rome as `yyyy-mm-dd`. */
export function todayInRome(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** `yyyy-mm-dd` plus `days`, as calendar arithmetic (no time zone involved). */
export function addDays(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
