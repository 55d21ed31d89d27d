import { ROLE_LABELS } from '../auth/roleLabels';
import type { Role } from '../gql/graphql';

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
};

/** Italian names of the record types; others are shown as they come. */
export const RECORD_TYPE_LABELS: Record<string, string | undefined> = {
  person: 'Persona',
  role_assignment: 'Assegnazione di ruolo',
  org_unit: 'Unità organizzativa',
  outbox_message: 'Notifica',
  session: 'Sessione',
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
