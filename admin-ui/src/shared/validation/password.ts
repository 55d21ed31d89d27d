/**
 * The shortest password anyone may choose: the server's rule
 * (`api/src/auth/password.rs`, MIN_PASSWORD_CHARS), checked here first so
 * the form answers before a round trip. The server decides.
 */
export const MIN_PASSWORD_LENGTH = 12;

/** Counted in characters, as the server counts them (not UTF-16 units). */
export function isLongEnough(password: string): boolean {
  return [...password].length >= MIN_PASSWORD_LENGTH;
}

/** The problem with a new password and its confirmation, if any. */
export function newPasswordProblems(
  password: string,
  confirmation: string,
): { password?: string; confirmation?: string } {
  if (!isLongEnough(password)) return { password: `La password deve avere almeno ${MIN_PASSWORD_LENGTH} caratteri.` };
  if (password !== confirmation) return { confirmation: 'Le due password non coincidono.' };
  return {};
}
