import type { CombinedError } from 'urql';

/** A form's problems by field, in Italian. */
export type FieldErrors<T> = Partial<Record<keyof T, string>>;

/**
 * The server's BAD_USER_INPUT errors that name a field (`extensions.field`), by
 * field; the rest stay for the general error display.
 */
export function serverFieldErrors(error: CombinedError | undefined | null): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const e of error?.graphQLErrors ?? []) {
    const field = e.extensions?.field;
    if (e.extensions?.code === 'BAD_USER_INPUT' && typeof field === 'string' && !(field in byField))
      byField[field] = e.message;
  }
  return byField;
}

/** True when every problem of the error was placed on a field of the form. */
export function onlyFieldErrors(error: CombinedError | undefined | null, fields: readonly string[]): boolean {
  if (!error || error.networkError) return false;
  return error.graphQLErrors.every(
    (e) => e.extensions?.code === 'BAD_USER_INPUT' && fields.includes(String(e.extensions?.field)),
  );
}
