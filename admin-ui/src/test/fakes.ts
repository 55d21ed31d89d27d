import { CombinedError, type Client, type Operation, type OperationResult } from 'urql';
import { concat, fromValue, never } from 'wonka';
import { vi } from 'vitest';
import type { Me } from '../features/auth';
import type { ApiErrorCode } from '../shared/api/errors';

type Answer = { data?: unknown; error?: CombinedError } | 'pending';
type Responder = (operationName: string, variables: Record<string, unknown>) => Answer;

function nameOf(query: Operation['query']): string {
  for (const definition of query.definitions) {
    if (definition.kind === 'OperationDefinition') return definition.name?.value ?? '';
  }
  return '';
}

/**
 * A urql client that answers each operation with `respond(name, variables)`
 * ('pending' never answers). `executeQuery` / `executeMutation` are spies.
 */
export function fakeClient(respond: Responder): Client {
  const execute = vi.fn((operation: Operation) => {
    const answer = respond(nameOf(operation.query), (operation.variables ?? {}) as Record<string, unknown>);
    if (answer === 'pending') return never;
    const result = {
      operation,
      data: answer.data,
      error: answer.error,
      stale: false,
      hasNext: false,
    } as OperationResult;
    // Like a real client, the source stays open after its answer (urql clears the error when a source ends).
    return concat([fromValue(result), never]);
  });
  return {
    executeQuery: execute,
    executeMutation: execute,
    executeSubscription: vi.fn(() => never),
  } as unknown as Client;
}

export function apiError(code: ApiErrorCode, message: string): CombinedError {
  return new CombinedError({ graphQLErrors: [{ message, extensions: { code } }] });
}

export function fakeMe(assignments: Me['assignments'], overrides: Partial<Me> = {}): Me {
  return {
    id: '1',
    username: 'tester',
    displayName: 'Maria Rossi',
    mustChangePassword: false,
    assignments,
    ...overrides,
  };
}

/** The variables of every call of the operation `name` made through a fakeClient, in order. */
export function callsOf(client: Client, name: string): Record<string, unknown>[] {
  const spy = client.executeQuery as unknown as { mock: { calls: [Operation][] } };
  return spy.mock.calls
    .filter(([operation]) => nameOf(operation.query) === name)
    .map(([operation]) => (operation.variables ?? {}) as Record<string, unknown>);
}

/** The variables of every mutation `name` sent through a fakeClient, in order. */
export function mutationsOf(client: Client, name: string): Record<string, unknown>[] {
  const spy = client.executeMutation as unknown as { mock: { calls: [Operation][] } };
  return spy.mock.calls
    .filter(([operation]) =>
      operation.query.definitions.some(
        (d) => d.kind === 'OperationDefinition' && d.operation === 'mutation' && d.name?.value === name,
      ),
    )
    .map(([operation]) => (operation.variables ?? {}) as Record<string, unknown>);
}
