import type { ReactNode } from 'react';
import { PasswordChangeRequiredPage } from '../../features/account';
import { useMe, useSignOut } from '../../features/auth';

/**
 * The app behind sign-in, or — while the person must replace a password an
 * administrator chose (`me.mustChangePassword`) — only the screen to do so:
 * the server would refuse every other screen's requests anyway.
 */
export function PasswordGate({ children }: { children: ReactNode }) {
  const me = useMe();
  const { signOut } = useSignOut();
  if (!me.mustChangePassword) return <>{children}</>;
  // Once changed, `me` is read again (the form's mutation names it) and the app opens.
  return (
    <PasswordChangeRequiredPage displayName={me.displayName} onChanged={() => {}} onSignOut={() => void signOut()} />
  );
}
