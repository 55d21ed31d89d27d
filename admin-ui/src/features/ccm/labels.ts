import type { ContactChannel, ContactOutcome } from '../../gql/graphql';

export const CONTACT_CHANNEL_ORDER: readonly ContactChannel[] = ['PHONE', 'EMAIL', 'PEC', 'CHAT', 'COUNTER'];

export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  PHONE: 'Telefono',
  EMAIL: 'E-mail',
  PEC: 'PEC',
  CHAT: 'Chat',
  COUNTER: 'Sportello',
};

export const CONTACT_OUTCOME_ORDER: readonly ContactOutcome[] = [
  'ANSWERED',
  'QUESITO_FILED',
  'APPOINTMENT_BOOKED',
  'CALLBACK_REQUESTED',
];

export const CONTACT_OUTCOME_LABELS: Record<ContactOutcome, string> = {
  ANSWERED: 'Risposta fornita',
  QUESITO_FILED: 'Quesito inoltrato al CRIC',
  APPOINTMENT_BOOKED: 'Appuntamento prenotato',
  CALLBACK_REQUESTED: 'Richiamata richiesta',
};
