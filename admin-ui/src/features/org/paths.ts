export const PEOPLE_PATH = '/organizzazione/persone';
/** Outside `/organizzazione/persone/…`, where every segment is a username. */
export const NEW_PERSON_PATH = '/organizzazione/nuova-persona';

export function personPath(username: string): string {
  return `${PEOPLE_PATH}/${encodeURIComponent(username)}`;
}
