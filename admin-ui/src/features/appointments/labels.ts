import type {
  AppointmentChannel,
  AppointmentStatus,
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
export const PRECALL_COVERAGE_COLORS: Record<
  PrecallCoverage,
  'secondary' | 'primary' | 'success' | 'warning' | 'danger'
> = {
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
