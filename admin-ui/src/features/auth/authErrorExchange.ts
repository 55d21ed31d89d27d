import { mapExchange, type Exchange, type Operation } from 'urql';
import { hasErrorCode } from '../../shared/api/errors';

/**
 * Operations whose UNAUTHENTICATED answer is expected and handled by the form
 * that sent them (a wrong password), not a sign that the session expired.
 */
const SESSION_OPERATIONS = new Set(['SessionLogin', 'SessionLogout']);

function operationName(operation: Operation): string | undefined {
  for (const definition of operation.query.definitions) {
    if (definition.kind === 'OperationDefinition') return definition.name?.value;
  }
  return undefined;
}

/**
 * Watches every result; when a data query or mutation comes back UNAUTHENTICATED
 * the session is over, and `onUnauthenticated` sends the person to sign-in.
 * The call is deferred so it never updates React state in the middle of a render.
 */
export function authErrorExchange(onUnauthenticated: () => void): Exchange {
  return mapExchange({
    onResult(result) {
      if (SESSION_OPERATIONS.has(operationName(result.operation) ?? '')) return;
      if (hasErrorCode(result.error, 'UNAUTHENTICATED')) {
        setTimeout(onUnauthenticated, 0);
      }
    },
  });
}
