const count = new Intl.NumberFormat('it-IT');
const percent = new Intl.NumberFormat('it-IT', {
  style: 'percent',
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});
const decimal = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });

/** `12345` → `12.345`. */
export function formatCount(value: number): string {
  return count.format(value);
}

/** `0.755` → `75,5%`; `—` when there is nothing to divide by (the API's null). */
export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : percent.format(value);
}

/** `12.55` hours → `12,6 ore`; `—` when nothing was answered. */
export function formatHours(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const text = decimal.format(value);
  return text === '1' ? '1 ora' : `${text} ore`;
}

/** `2026-11-05` → `05/11/2026`. */
export function formatDay(value: string): string {
  const [year, month, day] = value.split('-');
  return day && month && year ? `${day}/${month}/${year}` : value;
}

/** `2026-11-05` → `05/11`: the ticks of the daily chart. */
export function formatShortDay(value: string): string {
  return formatDay(value).slice(0, 5);
}
