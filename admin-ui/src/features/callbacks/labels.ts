import type { CallbackOutcome, CallbackStatus } from '../../gql/graphql';

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
