import type { Channel, DeliveryOutcome, Status } from '../../gql/graphql';

export const STATUSES: readonly Status[] = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED'];
export const CHANNELS: readonly Channel[] = ['EMAIL', 'WEBHOOK'];

export const STATUS_LABELS: Record<Status, string> = {
  PENDING: 'In attesa',
  SENDING: 'In invio',
  SENT: 'Inviata',
  FAILED: 'Non riuscita',
  CANCELLED: 'Annullata',
};

/** Bootstrap Italia badge colours with enough contrast for their text. */
export const STATUS_BADGES: Record<Status, string> = {
  PENDING: 'bg-warning text-dark',
  SENDING: 'bg-primary',
  SENT: 'bg-success',
  FAILED: 'bg-danger',
  CANCELLED: 'bg-secondary',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  EMAIL: 'E-mail',
  WEBHOOK: 'Webhook',
};

export const OUTCOME_LABELS: Record<DeliveryOutcome, string> = {
  SENT: 'Inviata',
  RETRY: 'Non riuscita, nuovo tentativo previsto',
  FAILED: 'Non riuscita, nessun altro tentativo',
  LEASE_EXPIRED: 'Interrotta (processo di invio terminato)',
};
