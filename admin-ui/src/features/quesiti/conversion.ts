import type { FieldErrors } from '../../shared/validation/fieldErrors';

/** What the expert fills in to turn a quesito into an office appointment. */
export interface ConversionValues {
  reason: string;
  officeCode: string;
  serviceCode: string;
  date: string;
  time: string;
  citizenName: string;
  cupNumber: string;
  channel: 'IN_PERSON' | 'VIRTUAL';
}

export const REASON_MIN = 5;
export const REASON_MAX = 2000;
/** CUP books from today to 24 days ahead (docs/domain.md §5.1). */
export const CUP_WINDOW_DAYS = 24;

/** `yyyy-mm-dd` plus `days`, as calendar arithmetic (no time zone involved). */
export function addDays(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The checks made before converting (the server checks again, and the slot's time against now). */
export function validateConversion(values: ConversionValues, today: string): FieldErrors<ConversionValues> {
  const errors: FieldErrors<ConversionValues> = {};
  const reason = values.reason.trim();
  if (reason.length < REASON_MIN)
    errors.reason = `Spiega perché serve l'appuntamento (almeno ${REASON_MIN} caratteri).`;
  else if (reason.length > REASON_MAX) errors.reason = `Al massimo ${REASON_MAX} caratteri.`;
  if (!values.officeCode) errors.officeCode = "Scegli l'ufficio.";
  if (!values.serviceCode) errors.serviceCode = 'Scegli il servizio.';
  const last = addDays(today, CUP_WINDOW_DAYS);
  if (!values.date) errors.date = 'Scegli il giorno.';
  else if (values.date < today || values.date > last)
    errors.date = `Il giorno deve essere tra oggi e i prossimi ${CUP_WINDOW_DAYS} giorni.`;
  if (!/^\d{2}:\d{2}$/.test(values.time)) errors.time = "Indica l'ora (hh:mm).";
  if (!values.citizenName.trim()) errors.citizenName = 'Scrivi cognome e nome del cittadino.';
  return errors;
}
