import { act, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ApiClientOptions } from './client';
import { readDraft, writeDraft } from '../../shared/forms/draftStore';
import { fakeClient } from '../../test/fakes';
import { SessionProvider } from './SessionProvider';
import { useSession } from './sessionContext';
import { tokenStore } from './tokenStore';

function Probe() {
  const location = useLocation();
  const session = useSession();
  return (
    <>
      <output data-testid="where">{location.pathname + location.search}</output>
      <output data-testid="token">{session.token ?? 'none'}</output>
      <output data-testid="reason">{(location.state as { reason?: string } | null)?.reason ?? ''}</output>
      <button onClick={() => session.signedOut()}>esci</button>
    </>
  );
}

function renderAt(path: string) {
  const clients: ApiClientOptions[] = [];
  render(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider
        createClient={(options) => {
          clients.push(options);
          return fakeClient(() => 'pending');
        }}
      >
        <Probe />
      </SessionProvider>
    </MemoryRouter>,
  );
  return { lastClient: () => clients[clients.length - 1] };
}

describe('SessionProvider', () => {
  it('sends the person to sign-in, keeping the route and their drafts, when the session expires', () => {
    tokenStore.set('old-token');
    writeDraft('nota', 'testo scritto');
    const { lastClient } = renderAt('/organizzazione/DP-CA?vista=1');
    expect(lastClient().getToken()).toBe('old-token');

    act(() => lastClient().onUnauthenticated());

    expect(screen.getByTestId('where')).toHaveTextContent('/accesso?ritorno=%2Forganizzazione%2FDP-CA%3Fvista%3D1');
    expect(screen.getByTestId('reason')).toHaveTextContent('expired');
    expect(screen.getByTestId('token')).toHaveTextContent('none');
    expect(tokenStore.get()).toBeNull();
    expect(readDraft('nota')).toBe('testo scritto');
  });

  it('does not let a late answer for an old session end a new one', () => {
    tokenStore.set('old-token');
    const { lastClient } = renderAt('/');
    const oldClient = lastClient();
    act(() => tokenStore.set('new-token'));
    act(() => oldClient.onUnauthenticated());
    expect(tokenStore.get()).toBe('new-token');
    expect(screen.getByTestId('where')).toHaveTextContent('/');
  });

  it('forgets the token and the drafts on sign-out', () => {
    tokenStore.set('tok');
    writeDraft('nota', 'testo');
    renderAt('/lista');
    act(() => screen.getByRole('button', { name: 'esci' }).click());
    expect(tokenStore.get()).toBeNull();
    expect(readDraft('nota')).toBeUndefined();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/accesso$/);
    expect(screen.getByTestId('reason')).toHaveTextContent('signedOut');
  });
});
