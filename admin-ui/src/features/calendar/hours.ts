import type { Weekday } from '../../gql/graphql';

/** The days of the week in ISO order, as the API names them. */
export const WEEKDAYS: readonly Weekday[] = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  MONDAY: 'lunedì',
  TUESDAY: 'martedì',
  WEDNESDAY: 'mercoledì',
  THURSDAY: 'giovedì',
  FRIDAY: 'venerdì',
  SATURDAY: 'sabato',
  SUNDAY: 'domenica',
};

/** The server refuses a fifth interval on a day (`MAX_INTERVALS_A_DAY`). */
export const MAX_INTERVALS_A_DAY = 4;

/** One interval as the editor holds it: `HH:MM` from a time input, or '' while not filled in. */
export interface IntervalDraft {
  opens: string;
  closes: string;
}

/** The week being edited: the intervals of each day, in the order they were entered. */
export type WeekDraft = Record<Weekday, IntervalDraft[]>;

export function emptyWeek(): WeekDraft {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, []])) as unknown as WeekDraft;
}

/** The API's intervals (`08:45:00`) as the editor's week, each day in opening order. */
export function weekFromApi(hours: readonly { weekday: Weekday; opens: string; closes: string }[]): WeekDraft {
  const week = emptyWeek();
  for (const h of hours) week[h.weekday].push({ opens: h.opens.slice(0, 5), closes: h.closes.slice(0, 5) });
  for (const day of WEEKDAYS) week[day].sort((a, b) => a.opens.localeCompare(b.opens));
  return week;
}

/** Problems of the week by interval (`MONDAY.0`), in Italian. */
export type WeekErrors = Partial<Record<string, string>>;

export const intervalKey = (day: Weekday, index: number) => `${day}.${index}`;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Checks the week as the server does (`validate_hours`): every interval has
 * both times, opens before it closes and overlaps no other of its day; at most
 * four a day. Empty when the week may be saved.
 */
export function validateWeek(week: WeekDraft): WeekErrors {
  const errors: WeekErrors = {};
  for (const day of WEEKDAYS) {
    const intervals = week[day];
    intervals.forEach((interval, index) => {
      const key = intervalKey(day, index);
      if (!TIME.test(interval.opens) || !TIME.test(interval.closes)) {
        errors[key] = "Indica l'ora di apertura e quella di chiusura.";
      } else if (interval.opens >= interval.closes) {
        errors[key] = "L'apertura deve precedere la chiusura.";
      } else {
        const overlaps = intervals.some(
          (other, j) =>
            j < index &&
            TIME.test(other.opens) &&
            TIME.test(other.closes) &&
            other.opens < interval.closes &&
            interval.opens < other.closes,
        );
        if (overlaps) errors[key] = `Si sovrappone a un altro orario di ${WEEKDAY_LABELS[day]}.`;
      }
      if (index >= MAX_INTERVALS_A_DAY && !errors[key]) errors[key] = `Al più ${MAX_INTERVALS_A_DAY} orari al giorno.`;
    });
  }
  return errors;
}

/** The week as `setOpeningHours` wants it: `HH:MM:SS`, in day order. */
export function weekToInput(week: WeekDraft): { weekday: Weekday; opens: string; closes: string }[] {
  return WEEKDAYS.flatMap((weekday) =>
    week[weekday].map((interval) => ({ weekday, opens: `${interval.opens}:00`, closes: `${interval.closes}:00` })),
  );
}
