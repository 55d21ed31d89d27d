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

/** Italian names of the events the API sends (`area.event`, see the API's outbox producers). */
const EVENT_LABELS: Record<string, string | undefined> = {
  'quesito.answered': 'Risposta al quesito',
  'appointment.reminder': "Promemoria dell'appuntamento",
  'appointment.virtual_link': 'Link dello sportello virtuale',
  'appointment.closing': 'Esito della sessione di sportello',
  'appointment.precontact': 'E-mail di pre-contatto',
  'professional.self_register': 'Registrazione del professionista',
  'procura.declared': 'Procura dichiarata',
  'procura.revoked': 'Procura revocata',
  'procura.expiring': 'Procura in scadenza',
  'procura.expired': 'Procura scaduta',
  'password.reset': 'Reimpostazione della password',
  'report.weekly': 'Rapporto settimanale',
  'report.monthly': 'Rapporto mensile',
  notification: 'Notifica',
};

/** The event in Italian; an event the app does not know yet reads as a generic notification. */
export function eventLabel(event: string): string {
  return EVENT_LABELS[event] ?? 'Notifica';
}

/** What a message is about (`quesito:<id>`, `appointment:<id>`, `webhook:…`), without the identifier. */
const REFERENCE_LABELS: Record<string, string | undefined> = {
  quesito: 'Riguarda un quesito',
  appointment: 'Riguarda una prenotazione',
  webhook: 'Webhook del professionista',
  procura: 'Riguarda una procura',
  'self-registration': 'Richiesta di registrazione',
  report_subscription: 'Rapporto periodico di monitoraggio',
};

export function referenceLabel(reference: string | null | undefined): string | null {
  if (!reference) return null;
  return REFERENCE_LABELS[reference.split(':')[0]] ?? null;
}

/** Transport errors as they are stored (English, technical), matched to what they mean for a person. */
const ERROR_MEANINGS: readonly [RegExp, string][] = [
  [/not a public address/i, 'Indirizzo non pubblico: invio bloccato per sicurezza'],
  [/dns error|failed to lookup|name or service not known/i, 'Indirizzo del destinatario inesistente (DNS)'],
  [/timed out|timeout|deadline/i, 'Il destinatario non ha risposto in tempo'],
  [/connection refused|connect\b|\(connect\)/i, 'Connessione rifiutata dal destinatario'],
  [/certificate|tls|ssl/i, 'Certificato di sicurezza del destinatario non valido'],
  [/^HTTP (\d{3})/, 'Il destinatario ha risposto con un errore (HTTP $1)'],
  [/cannot build the e-mail/i, "L'e-mail non può essere composta (indirizzo non valido?)"],
  [/mail directory|smtp|mail/i, 'Il server di posta non ha accettato il messaggio'],
];

/** A delivery error in Italian; the technical text stays available beside it. */
export function errorLabel(error: string): string {
  for (const [pattern, meaning] of ERROR_MEANINGS) {
    const match = error.match(pattern);
    if (match) return meaning.replace('$1', match[1] ?? '');
  }
  return 'Errore tecnico di invio';
}
