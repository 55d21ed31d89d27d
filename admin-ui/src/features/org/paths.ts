/** The "Organizzazione" section: the unit tree and, under it, the people. */
export const ORGANIZATION_PATH = '/organizzazione';
export const PEOPLE_PATH = `${ORGANIZATION_PATH}/persone`;
/** Outside `/organizzazione/persone/…`, where every segment is a username. */
export const NEW_PERSON_PATH = `${ORGANIZATION_PATH}/nuova-persona`;

export function personPath(username: string): string {
  return `${PEOPLE_PATH}/${encodeURIComponent(username)}`;
}
