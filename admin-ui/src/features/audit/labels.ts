import { ROLE_LABELS } from '../auth';
import type { Role } from '../../gql/graphql';

/** Italian names of the actions the API records (`area.verb`); others are shown as they come. */
export const ACTION_LABELS: Record<string, string | undefined> = {
  'auth.login': 'Accesso',
  'auth.logout': 'Uscita',
  'auth.login_failed': 'Accesso non riuscito',
  'person.create': 'Creazione di una persona',
  'person.assign_role': 'Assegnazione di un ruolo',
  'person.revoke_role': 'Revoca di un ruolo',
  'person.activate': 'Riattivazione di una persona',
  'person.deactivate': 'Disattivazione di una persona',
  'org_unit.create': "Creazione di un'unità organizzativa",
  'org_unit.update': "Modifica di un'unità organizzativa",
  'outbox.retry': 'Nuovo invio di una notifica',
  'contact.record': 'Registrazione di un contatto',
  'contact.lookup_by_fiscal_code': 'Consultazione dei contatti di un cittadino',
  'quesito.file': 'Invio di un quesito',
  'quesito.take': 'Presa in carico di un quesito',
  'quesito.answer': 'Risposta a un quesito',
  'quesito.forward': 'Inoltro di un quesito alla Direzione centrale',
  'quesito.convert_to_appointment': 'Conversione di un quesito in appuntamento',
  'quesito.cancel': 'Annullamento di un quesito',
  'quesito.lookup_by_fiscal_code': 'Consultazione dei quesiti di un cittadino',
  'quesito_classification.create': 'Creazione di una tipologia di quesito',
  'quesito_classification.update': 'Modifica di una tipologia di quesito',
  'quesito_sla.set': 'Impostazione dei tempi di risposta (SLA)',
  'faq.publish': 'Pubblicazione di una FAQ',
  'faq.update': 'Modifica di una FAQ',
  'faq.retire': 'Ritiro di una FAQ',
  'appointment.import': 'Importazione delle prenotazioni CUP',
  'appointment.import_create': 'Prenotazione CUP importata',
  'appointment.import_update': 'Prenotazione CUP aggiornata',
  'appointment.import_cancel': 'Prenotazione CUP annullata da CUP',
  'appointment.book': 'Prenotazione di un appuntamento',
  'appointment.cancel': 'Annullamento di un appuntamento',
  'appointment.precall_assign': 'Assegnazione di una prechiamata',
  'appointment.precall_reassign': 'Riassegnazione di una prechiamata',
  'appointment.precall_record': 'Esito di una prechiamata',
  'appointment.precontact_sent': 'Invio della e-mail di precontatto',
  'appointment.citizen_reply': 'Risposta del cittadino',
  'appointment.counter_assign': 'Assegnazione allo sportello',
  'appointment.counter_reassign': 'Riassegnazione allo sportello',
  'appointment.session_start': 'Inizio della sessione di sportello',
  'appointment.session_outcome': 'Esito della sessione di sportello',
  'appointment.dequeue': 'Presa del prossimo appuntamento',
  'appointment.read_contact': 'Consultazione dei recapiti di un cittadino',
  'callback.request': 'Richiesta di richiamata',
  'callback.assign': 'Assegnazione di una richiamata',
  'callback.reassign': 'Riassegnazione di una richiamata',
  'callback.attempt': 'Tentativo di richiamata',
  'callback.read_contact': 'Consultazione del recapito di una richiamata',
  'skills.set': 'Impostazione delle competenze di un operatore',
  'service.create': 'Creazione di un servizio',
  'service.update': 'Modifica di un servizio',
  'professional.register': 'Registrazione di un professionista',
  'professional.self_register': 'Registrazione autonoma di un professionista',
  'professional.verify': 'Verifica di un professionista',
  'procura.declare': 'Dichiarazione di una procura',
  'procura.revoke': 'Revoca di una procura',
  'procura.list_by_client': 'Consultazione delle procure di un cliente',
  'procura.check': 'Verifica di una procura',
  'procura.check_collaborator': 'Verifica di un collaboratore allo sportello',
  'collaborator.add': 'Comunicazione di un collaboratore',
  'collaborator.end': 'Fine del periodo di un collaboratore',
  'apikey.create': 'Creazione di una chiave API',
  'apikey.revoke': 'Revoca di una chiave API',
  'webhook.register': 'Registrazione di un webhook',
  'webhook.delete': 'Eliminazione di un webhook',
  'report_subscription.create': 'Iscrizione a un rapporto periodico',
  'report_subscription.delete': 'Fine di un rapporto periodico',
};

/** Italian names of the record types; others are shown as they come. */
export const RECORD_TYPE_LABELS: Record<string, string | undefined> = {
  person: 'Persona',
  role_assignment: 'Assegnazione di ruolo',
  org_unit: 'Unità organizzativa',
  outbox_message: 'Notifica',
  session: 'Sessione',
  citizen: 'Cittadino',
  contact: 'Contatto',
  quesito: 'Quesito',
  quesito_classification: 'Tipologia di quesito',
  quesito_sla: 'SLA di sezione',
  faq_entry: 'FAQ',
  appointment: 'Appuntamento',
  callback: 'Richiamata',
  service: 'Servizio',
  professional: 'Professionista',
  procura: 'Procura',
  client: 'Cliente',
  collaborator: 'Collaboratore',
  api_key: 'Chiave API',
  webhook: 'Webhook',
  report_subscription: 'Rapporto periodico',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function recordTypeLabel(recordType: string): string {
  return RECORD_TYPE_LABELS[recordType] ?? recordType;
}

/** The acting role in Italian when it is a known role, else as the API gives it. */
export function actingRoleLabel(role: string): string {
  return ROLE_LABELS[role as Role] ?? role;
}
