import type { Priority, QuesitoStatus, Section } from '../../gql/graphql';

export const SECTION_ORDER: readonly Section[] = ['PENSIONI', 'SOSTEGNO_REDDITO', 'SOGGETTO_CONTRIBUENTE'];

export const SECTION_LABELS: Record<Section, string> = {
  PENSIONI: 'Pensioni',
  SOSTEGNO_REDDITO: 'Prestazioni a sostegno del reddito',
  SOGGETTO_CONTRIBUENTE: 'Soggetto contribuente',
};

export const STATUS_ORDER: readonly QuesitoStatus[] = [
  'NEW',
  'IN_PROGRESS',
  'WAITING_FOR_CITIZEN',
  'ANSWERED',
  'FORWARDED_CENTRAL',
  'CONVERTED_TO_APPOINTMENT',
  'CANCELLED',
];

export const STATUS_LABELS: Record<QuesitoStatus, string> = {
  NEW: 'Nuovo',
  IN_PROGRESS: 'In lavorazione',
  WAITING_FOR_CITIZEN: 'In attesa del cittadino',
  ANSWERED: 'Risposto',
  FORWARDED_CENTRAL: 'Inoltrato alla Direzione Centrale',
  CONVERTED_TO_APPOINTMENT: 'Convertito in appuntamento',
  CANCELLED: 'Annullato',
};

export const PRIORITY_ORDER: readonly Priority[] = ['LOW', 'NORMAL', 'HIGH'];

export const PRIORITY_LABELS: Record<Priority, string> = {
  LOW: 'Bassa',
  NORMAL: 'Normale',
  HIGH: 'Alta',
};

export { formatDateTime, formatInstantDate as formatDate } from '../../shared/format/dateTime';
