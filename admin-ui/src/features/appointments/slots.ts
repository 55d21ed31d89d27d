/** CUP books from today to 24 days ahead (docs/domain.md §5.1). */
export const CUP_WINDOW_DAYS = 24;

/** A slot as `bookAppointment` takes it: office-local day (`2026-12-28`) and time (`09:15:00`). */
export interface Slot {
  date: string;
  time: string;
}

export interface SlotDay {
  date: string;
  times: string[];
}

/** The free slots (already in time order) grouped by day, in order. */
export function groupSlotsByDay(slots: readonly Slot[]): SlotDay[] {
  const days: SlotDay[] = [];
  for (const slot of slots) {
    const last = days[days.length - 1];
    if (last?.date === slot.date) last.times.push(slot.time);
    else days.push({ date: slot.date, times: [slot.time] });
  }
  return days;
}

const WEEKDAY = new Intl.DateTimeFormat('it-IT', { weekday: 'long', timeZone: 'UTC' });

/** `2026-12-28` → `lunedì 28/12/2026` (a calendar day: no time zone involved). */
export function italianDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  if (!y || !m || !d) return isoDay;
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${WEEKDAY.format(new Date(Date.UTC(y, m - 1, d)))} ${pad(d)}/${pad(m)}/${y}`;
}
