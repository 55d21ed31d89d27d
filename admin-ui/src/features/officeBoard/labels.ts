import type { PrecallResult } from '../../gql/graphql';

/** The seed's "ESITO CONTATTO" values, as the offices filter on them in their spreadsheets. */
export const RESULT_FILTER_LABELS: Record<PrecallResult, string> = {
  CONFIRMED_VIRTUAL: 'Conferma CUP virtuali',
  CONFIRMED_IN_PERSON: 'Conferma CUP presenza',
  SERVED_REMOTELY: 'Lavorazione conclusa al telefono',
  REDIRECTED_EMAIL_PEC: 'Documenti via e-mail/PEC',
  CANCELLED_BY_CITIZEN: 'Annullato dal cittadino',
};

/** The board's columns, in order: the key of a day's counts and its Italian heading. */
export const BOARD_COLUMNS = [
  ['bookings', 'Prenotazioni'],
  ['toPrecall', 'Da prechiamare'],
  ['assigned', 'Assegnate'],
  ['precalled', 'Prechiamate'],
  ['reached', 'Contattate'],
  ['late', 'In ritardo'],
  ['coverage', 'Copertura'],
] as const;

export type CountKey = (typeof BOARD_COLUMNS)[number][0];

/** `62.5` → `62,5%`; no bookings to precall → `—`. */
export function formatCoverage(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value.toLocaleString('it-IT', { maximumFractionDigits: 1 })}%`;
}
