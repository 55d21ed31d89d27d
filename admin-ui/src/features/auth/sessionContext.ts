import { createContext, useContext } from 'react';

/** Why the sign-in page is shown, told to the person there. */
export type SignInReason = 'expired' | 'signedOut';

export interface Session {
  /** The bearer token, or null when nobody is signed in in this tab. */
  token: string | null;
  /** After a successful `login`: keeps the token and the person's drafts. */
  signedIn: (token: string, username: string) => void;
  /** After `logout`: forgets the token and the drafts, goes to sign-in. */
  signedOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
