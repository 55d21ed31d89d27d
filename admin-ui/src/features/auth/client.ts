import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange, type Exchange } from 'urql';
import { authErrorExchange } from './authErrorExchange';

export interface ApiClientOptions {
  /** Read at every request, so a token set after sign-in is used at once. */
  getToken: () => string | null;
  /** Called when a data operation answers UNAUTHENTICATED (expired or revoked session). */
  onUnauthenticated: () => void;
  url?: string;
}

export function createApiClient({ getToken, onUnauthenticated, url = '/graphql' }: ApiClientOptions): Client {
  const exchanges: Exchange[] = [authErrorExchange(onUnauthenticated), cacheExchange, fetchExchange];
  const live = getToken() ? liveClient(url, getToken) : null;
  if (live) exchanges.push(subscriptionsOver(live));
  return new Client({
    url,
    // The API takes every operation as POST; GET is refused for mutations.
    preferGetMethod: false,
    exchanges,
    fetchOptions: (): RequestInit => {
      const token = getToken();
      const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
}

/**
 * Subscriptions travel over `<url>/ws` (graphql-transport-ws). Browsers cannot
 * set headers on a WebSocket: the token goes in the connection's first message.
 * Connected only while a screen subscribes; reconnects after an outage.
 */
function liveClient(url: string, getToken: () => string | null): WsClient | null {
  if (typeof window === 'undefined' || typeof WebSocket === 'undefined') return null;
  const base = new URL(url, window.location.href);
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  return createWsClient({
    url: `${base.href.replace(/\/$/, '')}/ws`,
    connectionParams: () => ({ token: getToken() }),
    lazy: true,
    retryAttempts: 20,
  });
}

function subscriptionsOver(live: WsClient): Exchange {
  return subscriptionExchange({
    forwardSubscription(request) {
      const operation = { ...request, query: request.query ?? '' };
      return {
        subscribe(sink) {
          return { unsubscribe: live.subscribe(operation, sink) };
        },
      };
    },
  });
}
