/** A period of Europe/Rome calendar days, both ends included, as `yyyy-mm-dd`. */
export interface DateRange {
  from: string;
  to: string;
}

/** The longest period the API accepts (a leap year). */
export const MAX_RANGE_DAYS = 366;
/** The default period ends today and starts this many days before. */
export const DEFAULT_LOOKBACK_DAYS = 30;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of a `yyyy-mm-dd` calendar date, or null when it is not one (e.g. 2026-02-30). */
function toUtc(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : null;
}

function fromUtc(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return toUtc(value) !== null;
}

/** `2026-11-22` + 3 → `2026-11-25`; calendar arithmetic, no time zone involved. */
export function addDays(value: string, days: number): string {
  const time = toUtc(value);
  if (time === null) throw new Error(`Not a date: ${value}`);
  return fromUtc(time + days * DAY_MS);
}

/** How many days the period covers, both ends included (0 when it ends before it starts). */
export function daysInRange({ from, to }: DateRange): number {
  const start = toUtc(from);
  const end = toUtc(to);
  if (start === null || end === null || end < start) return 0;
  return Math.round((end - start) / DAY_MS) + 1;
}

/** The last 30 days ending today (today being the Rome date). */
export function defaultRange(today: string): DateRange {
  return { from: addDays(today, -DEFAULT_LOOKBACK_DAYS), to: today };
}

export type RangeErrors = Partial<Record<keyof DateRange, string>>;

/** What is wrong with a period, per field, in Italian; empty when the API would accept it. */
export function validateRange({ from, to }: DateRange): RangeErrors {
  const errors: RangeErrors = {};
  if (!from) errors.from = 'Indica la data di inizio del periodo.';
  else if (!isIsoDate(from)) errors.from = 'La data di inizio non è una data valida.';
  if (!to) errors.to = 'Indica la data di fine del periodo.';
  else if (!isIsoDate(to)) errors.to = 'La data di fine non è una data valida.';
  if (errors.from || errors.to) return errors;
  if (to < from) errors.to = 'La data di fine non può precedere la data di inizio.';
  else if (daysInRange({ from, to }) > MAX_RANGE_DAYS) {
    errors.to = `Il periodo non può superare ${MAX_RANGE_DAYS} giorni (ora sono ${daysInRange({ from, to })}).`;
  }
  return errors;
}
