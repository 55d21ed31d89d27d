import type { AlertKind } from '../../gql/graphql';

/** What each kind of alert is, as a short Italian label beside its title. */
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  QUESITO_FILED: 'Nuovo quesito',
  QUESITO_DUE_SOON: 'Quesito in scadenza',
  ASSIGNED: 'Assegnazione',
  FOLLOW_UP_DUE: 'Seguito in scadenza',
  CALLBACK_WAITING: 'Richiamata in attesa',
};
