import { Alert } from 'design-react-kit';
import type { ReactNode } from 'react';
import { useMe } from '../../features/auth';
import { ERROR_HEADINGS } from '../../shared/components/errorHeadings';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { canOpen } from './navigation';

/** Shows a section (`SECTIONS` in routes.tsx) only to its roles; the server checks again on every call. */
export function RequireRole({ path, children }: { path: string; children: ReactNode }) {
  const me = useMe();
  const allowed = canOpen(
    path,
    me.assignments.map((assignment) => assignment.role),
  );
  if (allowed) return <>{children}</>;
  return <NotAllowed />;
}

function NotAllowed() {
  usePageTitle(ERROR_HEADINGS.FORBIDDEN);
  return (
    <Alert color="danger" fade={false}>
      <h1 className="h4 alert-heading">{ERROR_HEADINGS.FORBIDDEN}</h1>
      <p className="mb-0">Questa sezione non è prevista per i tuoi ruoli.</p>
    </Alert>
  );
}
