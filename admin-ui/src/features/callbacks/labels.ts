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

/** The state in a total: (singular, plural), "1 richiesta assegnata", "3 richieste assegnate". */
export const CALLBACK_STATUS_TOTAL_WORDS: Record<CallbackStatus, readonly [string, string]> = {
  WAITING: ['in attesa', 'in attesa'],
  ASSIGNED: ['assegnata', 'assegnate'],
  DONE: ['conclusa', 'concluse'],
};
