import type { AppointmentChannel, CounterOutcome, PrecallResult } from '../../gql/graphql';

/**
 * Italian names of the monitoring figures (docs/domain.md §7, docs/monitoring.md),
 * in the offices' words; the same as the CSV's headers where they overlap.
 */
export const FIGURE_LABELS = {
  bookings: 'Prenotazioni',
  cancelled: 'Annullate',
  toPrecall: 'Da prechiamare',
  precalled: 'Prechiamate effettuate',
  precalledInTime: 'Prechiamate almeno 3 giorni prima',
  precallCoverage: 'Copertura prechiamata',
  servedWithoutCounter: 'Servite senza sportello',
  notReachingCounter: 'Non arrivate allo sportello',
  sessions: 'Sessioni di sportello',
  sessionsOver15Minutes: 'Sessioni oltre 15 minuti',
  completedOver15Minutes: 'Concluse oltre 15 minuti',
  followUpsOpened: 'Attività successive aperte',
  followUpsClosed: 'Attività successive chiuse',
  followUpsOverdue: 'Attività successive in ritardo',
  followUpsMedianClosing: 'Tempo mediano di chiusura',
  transfersToBackOffice: 'Trasferite al back office',
  noShows: 'Mancate presentazioni',
  callbacksRequested: 'Richiamate richieste',
  callbacksWaiting: 'Richiamate in attesa',
  callbacksServed: 'Richiamate servite',
  callbacksResolved: 'Risolte',
  callbacksRoutedInternally: "Inoltrate all'unità competente",
  callbacksNoAnswer: 'Chiuse senza risposta',
  quesitiReceived: 'Quesiti ricevuti',
  quesitiAnswered: 'Risposti',
  quesitiBacklog: 'Arretrato (ancora aperti)',
  quesitiForwarded: 'Inoltrati alla Direzione Centrale',
  quesitiSlaBreaches: 'Fuori SLA',
  quesitiMedianAnswer: 'Tempo mediano di risposta',
} as const;

/** Precall outcomes as the shares chart names them (short enough for an axis). */
export const PRECALL_SHARE_LABELS: Record<'NOT_CONTACTABLE' | 'NEGATIVE' | PrecallResult | 'POSITIVE_OTHER', string> = {
  NOT_CONTACTABLE: 'Non contattabile',
  NEGATIVE: 'Esito negativo',
  SERVED_REMOTELY: 'Servito al telefono',
  REDIRECTED_EMAIL_PEC: 'Documenti via e-mail/PEC',
  CONFIRMED_VIRTUAL: 'Confermato, sportello virtuale',
  CONFIRMED_IN_PERSON: 'Confermato, in presenza',
  CANCELLED_BY_CITIZEN: 'Annullato dal cittadino',
  POSITIVE_OTHER: 'Esito positivo, senza risultato',
};

export const COUNTER_OUTCOME_ORDER: readonly CounterOutcome[] = [
  'COMPLETED',
  'TRANSFERRED_TO_BACK_OFFICE',
  'NO_SHOW',
  'NOT_DELIVERABLE',
];

/** Counter outcomes, short (the long ones are in appointments/labels.ts). */
export const COUNTER_SHARE_LABELS: Record<CounterOutcome, string> = {
  COMPLETED: 'Servizio concluso',
  TRANSFERRED_TO_BACK_OFFICE: 'Trasferito in back office',
  NO_SHOW: 'Cittadino non presentato',
  NOT_DELIVERABLE: 'Servizio non erogabile',
};

export const CHANNEL_ORDER: readonly AppointmentChannel[] = ['IN_PERSON', 'VIRTUAL'];

/** The series of the daily chart. */
export const DAILY_SERIES = [
  { key: 'bookings', label: 'Prenotazioni', color: '#0066cc' },
  { key: 'notReachingCounter', label: 'Non arrivate allo sportello', color: '#008055' },
  { key: 'sessions', label: 'Sessioni di sportello', color: '#a66300' },
  { key: 'callbacks', label: 'Richiamate richieste', color: '#cc334d' },
  { key: 'quesiti', label: 'Quesiti ricevuti', color: '#5d7083' },
] as const;

export type DailySeriesKey = (typeof DAILY_SERIES)[number]['key'];
