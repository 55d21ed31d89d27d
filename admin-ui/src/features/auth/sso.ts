import { safeReturnPath } from './returnTo';

/** Where the server starts a single sign-on (it redirects to the identity provider). */
export const SSO_START_URL = '/auth/oidc/start';
/** Where the server sends the browser back, with a one-time code in the fragment. */
export const SSO_COMPLETE_PATH = '/accesso/sso';

/**
 * Why the server refused a single sign-on (`/accesso?sso_error=CODE`): the same words as
 * `api/src/auth/oidc/refusal.rs`.
 */
export const SSO_ERROR_MESSAGES: Record<string, string> = {
  OIDC_STATE: 'La richiesta di accesso non è valida o è scaduta: riprova.',
  OIDC_NONCE: 'La richiesta di accesso non è valida o è scaduta: riprova.',
  OIDC_EXPIRED: "L'attestazione del fornitore di identità è scaduta: riprova.",
  OIDC_INVALID_TOKEN: "L'attestazione del fornitore di identità non è valida.",
  OIDC_UNKNOWN_PERSON: 'Il tuo account non è abilitato ad Accoglienza: chiedi a un amministratore di crearlo.',
  OIDC_DEACTIVATED: 'Il tuo account è disattivato: rivolgiti a un amministratore.',
  OIDC_LINK_CONFLICT:
    "Il tuo account è già collegato a un'altra identità del fornitore: rivolgiti a un amministratore.",
  OIDC_CANCELLED: 'Accesso annullato.',
  OIDC_PROVIDER: "Il fornitore di identità non ha completato l'accesso: riprova più tardi.",
};

export function ssoErrorMessage(code: string | null): string | null {
  if (!code) return null;
  return SSO_ERROR_MESSAGES[code] ?? SSO_ERROR_MESSAGES.OIDC_PROVIDER;
}

// The page to return to survives the trip to the provider in this tab's storage.
const RETURN_KEY = 'accoglienza.ssoReturn';

export function rememberSsoReturn(path: string) {
  sessionStorage.setItem(RETURN_KEY, safeReturnPath(path));
}

export function takeSsoReturn(): string {
  const path = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  return safeReturnPath(path);
}

/** The one-time code of `#code=…`. */
export function codeFromFragment(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('code');
}
