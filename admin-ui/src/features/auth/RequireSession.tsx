import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { signInPathFor } from './returnTo';
import { useSession } from './sessionContext';

/** Renders its children only for a signed-in person; others go to sign-in and come back here. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { token } = useSession();
  const location = useLocation();
  if (!token) {
    return <Navigate to={signInPathFor(location.pathname + location.search + location.hash)} replace />;
  }
  return <>{children}</>;
}
