// One way of writing dates and times everywhere in the app: gg/mm/aaaa, 24-hour hh:mm, in the
// offices' time zone (Europe/Rome) whatever the browser's. Calendar values (`NaiveDate`,
// `NaiveTime`) are in `calendar.ts`, written the same way.

const ROME = 'Europe/Rome';
const instantDateTime = new Intl.DateTimeFormat('it-IT', {
  timeZone: ROME,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const instantDate = new Intl.DateTimeFormat('it-IT', {
  timeZone: ROME,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

function parsed(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant as "22/11/2026, 15:34"; '—' for nothing, the text itself when unreadable. */
export function formatDateTime(value: string | null | undefined): string {
  const date = parsed(value);
  return date ? instantDateTime.format(date) : value || '—';
}

/** The day of an instant, "22/11/2026"; '—' for nothing, the text itself when unreadable. */
export function formatInstantDate(value: string | null | undefined): string {
  const date = parsed(value);
  return date ? instantDate.format(date) : value || '—';
}

/**
 * A `datetime-local` value ("2026-11-22T09:30", local time) as an RFC 3339
 * instant for the API, or null when empty or not a date.
 */
export function localDateTimeToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
