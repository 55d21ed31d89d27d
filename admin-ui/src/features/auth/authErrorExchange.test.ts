import { Client, makeResult, type Exchange } from 'urql';
import { filter, map, pipe } from 'wonka';
import { describe, expect, it, vi } from 'vitest';
import { MeShowQuery, SessionLoginMutation } from './operations';
import { authErrorExchange } from './authErrorExchange';

/** Answers every operation with one GraphQL error of the given code. */
const failingWith =
  (code: string): Exchange =>
  () =>
  (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind !== 'teardown'),
      map((operation) => makeResult(operation, { errors: [{ message: 'errore', extensions: { code } }] })),
    );

function clientWith(code: string, onUnauthenticated: () => void) {
  return new Client({ url: '/graphql', exchanges: [authErrorExchange(onUnauthenticated), failingWith(code)] });
}

describe('authErrorExchange', () => {
  it('ends the session when a data query answers UNAUTHENTICATED', async () => {
    vi.useFakeTimers();
    const onUnauthenticated = vi.fn();
    await clientWith('UNAUTHENTICATED', onUnauthenticated).query(MeShowQuery, {}).toPromise();
    vi.runAllTimers();
    expect(onUnauthenticated).toHaveBeenCalledOnce();
    vi.useRealTimers();
  });

  it('leaves a wrong password to the sign-in form', async () => {
    vi.useFakeTimers();
    const onUnauthenticated = vi.fn();
    await clientWith('UNAUTHENTICATED', onUnauthenticated)
      .mutation(SessionLoginMutation, { username: 'x', password: 'y' })
      .toPromise();
    vi.runAllTimers();
    expect(onUnauthenticated).not.toHaveBeenCalled();
    vi.useRealTimers();
  });

  it('ignores other errors', async () => {
    vi.useFakeTimers();
    const onUnauthenticated = vi.fn();
    await clientWith('FORBIDDEN', onUnauthenticated).query(MeShowQuery, {}).toPromise();
    vi.runAllTimers();
    expect(onUnauthenticated).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});
