import type { DelegableService } from '../../gql/graphql';
import type { FieldErrors } from '../../shared/validation/fieldErrors';
import { clientCodeProblem, personCodeProblem } from './taxCode';

export type { FieldErrors };

/** A `yyyy-mm-dd` day that exists in the calendar. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `day` plus `n` calendar days, both `yyyy-mm-dd`. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function hasErrors<T>(errors: FieldErrors<T>): boolean {
  return Object.values(errors).some(Boolean);
}

export interface DeclareValues {
  clientFiscalCode: string;
  services: DelegableService[];
  validFrom: string;
  validTo: string;
  collaboratorsAuthorized: boolean;
  privacyNoticeGiven: boolean;
}

/** Checks made in the browser before a procura is declared (the server checks again). */
export function validateDeclare(values: DeclareValues): FieldErrors<DeclareValues> {
  const errors: FieldErrors<DeclareValues> = {};
  const client = clientCodeProblem(values.clientFiscalCode);
  if (client) errors.clientFiscalCode = client;
  if (values.services.length === 0) errors.services = 'Scegli almeno uno dei servizi delegati.';
  if (!values.validFrom) errors.validFrom = 'Indica la data di inizio validità.';
  else if (!isIsoDate(values.validFrom)) errors.validFrom = 'Data di inizio validità non valida.';
  if (!values.validTo) errors.validTo = 'Indica la data di fine validità.';
  else if (!isIsoDate(values.validTo)) errors.validTo = 'Data di fine validità non valida.';
  else if (!errors.validFrom && values.validTo < values.validFrom)
    errors.validTo = 'La data di fine validità non può precedere quella di inizio.';
  if (!values.privacyNoticeGiven)
    errors.privacyNoticeGiven =
      'Devi dichiarare di aver informato clienti e collaboratori sul trattamento dei dati personali.';
  return errors;
}

export interface CollaboratorValues {
  fiscalCode: string;
  from: string;
  /** Empty: open-ended. */
  to: string;
}

export function validateCollaborator(values: CollaboratorValues): FieldErrors<CollaboratorValues> {
  const errors: FieldErrors<CollaboratorValues> = {};
  const code = personCodeProblem(values.fiscalCode);
  if (code) errors.fiscalCode = code;
  if (!values.from) errors.from = 'Indica la data di inizio.';
  else if (!isIsoDate(values.from)) errors.from = 'Data di inizio non valida.';
  if (values.to) {
    if (!isIsoDate(values.to)) errors.to = 'Data di fine non valida.';
    else if (!errors.from && values.to < values.from) errors.to = 'La data di fine non può precedere quella di inizio.';
  }
  return errors;
}

/** The last day of a collaborator's period: not before its start, not after its current end. */
export function endDateProblem(on: string, period: { from: string; to?: string | null }): string | null {
  if (!on) return "Indica l'ultimo giorno.";
  if (!isIsoDate(on)) return 'Data non valida.';
  if (on < period.from) return "L'ultimo giorno non può precedere l'inizio del periodo.";
  if (period.to && on > period.to) return 'Il periodo termina già prima di questa data.';
  return null;
}

export const API_KEY_NAME_MAX = 100;

export function apiKeyNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Dai un nome alla chiave (ad esempio il gestionale che la userà).';
  if ([...trimmed].length > API_KEY_NAME_MAX) return `Il nome può avere al massimo ${API_KEY_NAME_MAX} caratteri.`;
  return null;
}

export const WEBHOOK_URL_MAX = 2000;

/** The shape of a webhook URL; the server also refuses plain http and private addresses in production. */
export function webhookUrlProblem(value: string): string | null {
  const url = value.trim();
  if (!url) return "Scrivi l'indirizzo (URL) del tuo endpoint.";
  if (url.length > WEBHOOK_URL_MAX) return `L'URL può avere al massimo ${WEBHOOK_URL_MAX} caratteri.`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'URL non valido: scrivilo completo, ad esempio https://gestionale.example.com/hooks.';
  }
  // Notifications carry clients' data: only https leaves the agency (the API refuses plain http in
  // production too); a test receiver on this very machine is the one exception.
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) {
    return "L'URL deve usare https, ad esempio https://gestionale.example.com/hooks.";
  }
  if (parsed.username || parsed.password) return "L'URL non può contenere credenziali.";
  if (!parsed.hostname) return "L'URL deve indicare un host.";
  return null;
}

export interface CheckValues {
  collaboratorFiscalCode: string;
  clientFiscalCode: string;
  service: DelegableService | '';
  /** Empty: today. */
  on: string;
}

/** Checks of the "Verifica collaboratore" form at the counter. */
export function validateCheck(values: CheckValues): FieldErrors<CheckValues> {
  const errors: FieldErrors<CheckValues> = {};
  const collaborator = personCodeProblem(values.collaboratorFiscalCode);
  if (collaborator) errors.collaboratorFiscalCode = collaborator;
  const client = clientCodeProblem(values.clientFiscalCode);
  if (client) errors.clientFiscalCode = client;
  if (!values.service) errors.service = 'Scegli il servizio richiesto.';
  if (values.on && !isIsoDate(values.on)) errors.on = 'Data non valida.';
  return errors;
}
