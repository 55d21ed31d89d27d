import { useCallback } from 'react';
import { useMutation } from 'urql';
import { SessionLogoutMutation } from './operations';
import { useSession } from './sessionContext';

/** Revokes the token on the server, then forgets it here whatever the answer (it may have expired already). */
export function useSignOut(): { signOut: () => Promise<void>; signingOut: boolean } {
  const [{ fetching }, logout] = useMutation(SessionLogoutMutation);
  const { signedOut } = useSession();
  const signOut = useCallback(async () => {
    await logout({});
    signedOut();
  }, [logout, signedOut]);
  return { signOut, signingOut: fetching };
}
