import type {
  AppointmentChannel,
  AppointmentStatus,
  CallbackOutcome,
  CallbackStatus,
  CounterOutcome,
  PrecallCoverage,
  PrecallOutcome,
  PrecallReason,
  PrecallResult,
  PrecallStatus,
} from '../../gql/graphql';

/** Italian labels of the appointment enums (docs/domain.md §5), as the offices name them. */
export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  BOOKED: 'Prenotato',
  CONFIRMED: 'Confermato',
  RESOLVED_BY_PRECALL: 'Risolto in prechiamata',
  COUNTER_ASSIGNED: 'Sportello assegnato',
  IN_SESSION: 'In corso allo sportello',
  CLOSED: 'Concluso',
  CANCELLED: 'Annullato',
};

export const CHANNEL_LABELS: Record<AppointmentChannel, string> = {
  IN_PERSON: 'In presenza',
  VIRTUAL: 'Sportello virtuale',
};

export const PRECALL_STATUS_LABELS: Record<PrecallStatus, string> = {
  NOT_REQUIRED: 'Non prevista (servizio veloce)',
  UNASSIGNED: 'Da assegnare',
  ASSIGNED: 'Assegnata',
  DONE: 'Effettuata',
};

export const PRECALL_COVERAGE_LABELS: Record<PrecallCoverage, string> = {
  NOT_REQUIRED: 'Non prevista',
  PENDING: 'Da fare (in tempo)',
  COVERED: 'Fatta in tempo',
  LATE: 'Fatta in ritardo',
  MISSED: 'Non fatta, fuori tempo',
};

/** Badge colours: late or missed precalls stand out in the operator's list. */
export const PRECALL_COVERAGE_COLORS: Record<PrecallCoverage, 'secondary' | 'primary' | 'success' | 'warning' | 'danger'> = {
  NOT_REQUIRED: 'secondary',
  PENDING: 'primary',
  COVERED: 'success',
  LATE: 'warning',
  MISSED: 'danger',
};

export const PRECALL_OUTCOME_LABELS: Record<PrecallOutcome, string> = {
  NOT_CONTACTABLE: 'Non contattabile',
  NEGATIVE: 'Esito negativo del contatto',
  POSITIVE: 'Esito positivo del contatto',
};

export const PRECALL_REASON_LABELS: Record<PrecallReason, string> = {
  MISSING_PHONE: 'Mancanza del numero di telefono',
  WRONG_NUMBER: 'Numero errato',
  NO_ANSWER: 'Nessuna risposta',
};

export const PRECALL_RESULT_LABELS: Record<PrecallResult, string> = {
  SERVED_REMOTELY: 'Servizio reso al telefono (lavorazione conclusa)',
  REDIRECTED_EMAIL_PEC: 'Invio documenti via e-mail/PEC (fornita assistenza e/o informazione)',
  CONFIRMED_VIRTUAL: 'Conferma appuntamento allo sportello virtuale',
  CONFIRMED_IN_PERSON: 'Conferma appuntamento in presenza',
  CANCELLED_BY_CITIZEN: 'Annullato dal cittadino',
};

export const COUNTER_OUTCOME_LABELS: Record<CounterOutcome, string> = {
  COMPLETED: 'Servizio concluso',
  TRANSFERRED_TO_BACK_OFFICE: 'Servizio trasferito in back office',
  NO_SHOW: 'Cittadino non presentato',
  NOT_DELIVERABLE: 'Servizio non erogabile',
};

export const CALLBACK_STATUS_LABELS: Record<CallbackStatus, string> = {
  WAITING: 'In attesa',
  ASSIGNED: 'Assegnata',
  DONE: 'Conclusa',
};

export const CALLBACK_OUTCOME_LABELS: Record<CallbackOutcome, string> = {
  RESOLVED: 'Risolta',
  ROUTED_INTERNALLY: "Inoltrata all'unità competente",
  NO_ANSWER: 'Nessuna risposta',
};

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

export function formatDateTime(value: string): string {
  return new Date(value).toLocaleString('it-IT', { timeZone: 'Europe/Rome', dateStyle: 'short', timeStyle: 'short' });
}

/** Today in Europe/Rome as `yyyy-mm-dd`. */
export function todayInRome(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
