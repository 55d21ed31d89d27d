export const SIGN_IN_PATH = '/accesso';
const RETURN_PARAM = 'ritorno';

/**
 * Accepts only a path inside this app ("/…", not "//host" or "/\host"), so the
 * sign-in page can never be used to redirect someone to another site.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === SIGN_IN_PATH || value.startsWith(`${SIGN_IN_PATH}?`)) return '/';
  return value;
}

/** The sign-in URL that brings the person back to `returnPath` afterwards. */
export function signInPathFor(returnPath: string): string {
  const path = safeReturnPath(returnPath);
  return path === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?${RETURN_PARAM}=${encodeURIComponent(path)}`;
}

export function returnPathFrom(search: string): string {
  return safeReturnPath(new URLSearchParams(search).get(RETURN_PARAM));
}
