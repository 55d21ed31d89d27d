import { Client, cacheExchange, fetchExchange } from 'urql';
import { authErrorExchange } from './authErrorExchange';

export interface ApiClientOptions {
  /** Read at every request, so a token set after sign-in is used at once. */
  getToken: () => string | null;
  /** Called when a data operation answers UNAUTHENTICATED (expired or revoked session). */
  onUnauthenticated: () => void;
  url?: string;
}

export function createApiClient({ getToken, onUnauthenticated, url = '/graphql' }: ApiClientOptions): Client {
  return new Client({
    url,
    // The API takes every operation as POST; GET is refused for mutations.
    preferGetMethod: false,
    exchanges: [authErrorExchange(onUnauthenticated), cacheExchange, fetchExchange],
    fetchOptions: (): RequestInit => {
      const token = getToken();
      const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
}
