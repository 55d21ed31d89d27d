import type { ErrorKind } from '../api/errors';

/** The Italian heading shown above the server's own message, per error code. */
export const ERROR_HEADINGS: Record<ErrorKind, string> = {
  UNAUTHENTICATED: 'Accesso richiesto',
  FORBIDDEN: 'Operazione non consentita',
  BAD_USER_INPUT: 'Dati non validi',
  NOT_FOUND: 'Elemento non trovato',
  CONFLICT: 'Operazione in conflitto con lo stato attuale',
  RATE_LIMITED: 'Troppi tentativi, riprova tra poco',
  INTERNAL: 'Errore del servizio',
  NETWORK: 'Servizio non raggiungibile',
  UNKNOWN: 'Si è verificato un errore',
};

/** Shown when the server gives no message of its own (network failures). */
export const FALLBACK_MESSAGES: Partial<Record<ErrorKind, string>> = {
  NETWORK: 'Impossibile contattare il server. Controlla la connessione e riprova.',
};
