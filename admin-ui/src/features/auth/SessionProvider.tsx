import { startTransition, useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Provider as UrqlProvider, type Client } from 'urql';
import { createApiClient, type ApiClientOptions } from './client';
import { claimDrafts, clearDrafts } from '../../shared/forms/draftStore';
import { SIGN_IN_PATH, signInPathFor } from './returnTo';
import { SessionContext, type Session, type SignInReason } from './sessionContext';
import { tokenStore } from './tokenStore';

interface Props {
  children: ReactNode;
  /** Tests pass a fake; the app uses the real client. */
  createClient?: (options: ApiClientOptions) => Client;
}

/**
 * Owns the token and the GraphQL client. A new client is made for every token,
 * so nothing cached for one person is ever shown to the next.
 */
export function SessionProvider({ children, createClient = createApiClient }: Props) {
  const [token, setToken] = useState<string | null>(() => tokenStore.get());
  const navigate = useNavigate();
  const location = useLocation();
  // Where the person is, for `expire` (which must not change with every navigation).
  const locationRef = useRef(location);
  useLayoutEffect(() => {
    locationRef.current = location;
  }, [location]);

  const expire = useCallback(
    (tokenOfClient: string | null) => {
      // A late answer to a client of an earlier session must not end the current one.
      if (tokenStore.get() !== tokenOfClient) return;
      tokenStore.clear();
      const here = locationRef.current;
      // The router applies navigations as transitions: dropping the token in the
      // same transition renders both at once, so the guard of the old route never
      // sees "no token" at the old location and redirects without the reason.
      startTransition(() => setToken(null));
      if (here.pathname === SIGN_IN_PATH) return;
      navigate(signInPathFor(here.pathname + here.search + here.hash), {
        replace: true,
        state: { reason: 'expired' satisfies SignInReason },
      });
    },
    [navigate],
  );

  const client = useMemo(
    // `expire` reads the location ref only when the client reports a 401, never while rendering.
    // oxlint-disable-next-line react/refs
    () => createClient({ getToken: () => token, onUnauthenticated: () => expire(token) }),
    [createClient, expire, token],
  );

  const session = useMemo<Session>(
    () => ({
      token,
      signedIn(newToken, username) {
        claimDrafts(username);
        tokenStore.set(newToken);
        setToken(newToken);
      },
      signedOut() {
        tokenStore.clear();
        clearDrafts();
        startTransition(() => setToken(null));
        navigate(SIGN_IN_PATH, { replace: true, state: { reason: 'signedOut' satisfies SignInReason } });
      },
    }),
    [navigate, token],
  );

  return (
    <SessionContext.Provider value={session}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </SessionContext.Provider>
  );
}
