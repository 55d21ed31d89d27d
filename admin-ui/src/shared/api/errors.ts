import { CombinedError } from 'urql';

/** The `extensions.code` values the server sets on every GraphQL error. */
export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** What the UI can tell apart: a server code, the network failing, or a code it does not know. */
export type ErrorKind = ApiErrorCode | 'NETWORK' | 'UNKNOWN';

export interface ApiProblem {
  kind: ErrorKind;
  /** The server's human message (already Italian); absent for network failures. */
  message?: string;
}

function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}

/** Flattens a urql error into the problems to show, one per distinct code and message. */
export function problemsOf(error: CombinedError | undefined | null): ApiProblem[] {
  if (!error) return [];
  if (error.networkError) return [{ kind: 'NETWORK' }];
  const seen = new Set<string>();
  const problems: ApiProblem[] = [];
  for (const gqlError of error.graphQLErrors) {
    const code = gqlError.extensions?.code;
    const kind: ErrorKind = isApiErrorCode(code) ? code : 'UNKNOWN';
    const key = `${kind}\u0000${gqlError.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ kind, message: gqlError.message || undefined });
  }
  return problems.length > 0 ? problems : [{ kind: 'UNKNOWN', message: error.message }];
}

export function hasErrorCode(error: CombinedError | undefined | null, code: ApiErrorCode): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === code);
}

/**
 * The server's messages for input fields (`extensions.field`), by field name:
 * what a form shows under each field.
 */
export function fieldErrorsOf(error: CombinedError | undefined | null): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const gqlError of error?.graphQLErrors ?? []) {
    const field = gqlError.extensions?.field;
    if (typeof field === 'string' && !(field in fields)) fields[field] = gqlError.message;
  }
  return fields;
}

/**
 * The part of an error not shown on a field of the form: the errors without
 * `extensions.field`, or with a field the form does not have.
 */
export function withoutFieldErrors(
  error: CombinedError | undefined | null,
  shownFields: readonly string[],
): CombinedError | undefined {
  if (!error) return undefined;
  if (error.networkError) return error;
  const rest = error.graphQLErrors.filter((gqlError) => {
    const field = gqlError.extensions?.field;
    return !(typeof field === 'string' && shownFields.includes(field));
  });
  if (rest.length === error.graphQLErrors.length) return error;
  return rest.length > 0 ? new CombinedError({ graphQLErrors: rest, response: error.response }) : undefined;
}
