import { Link } from 'react-router';
import { useMe, describeAssignment } from '../features/auth';
import { EmptyState } from '../shared/components/EmptyState';
import { usePageTitle } from '../shared/components/usePageTitle';
import { navigationFor } from './layout/navigation';

/** Where a person lands after sign-in: who they are acting as and where they can go. */
export function HomePage() {
  usePageTitle('Home');
  const me = useMe();
  const entries = navigationFor(me.assignments.map((assignment) => assignment.role));
  return (
    <>
      {/* The same words for everyone: "Benvenuto" greeted every woman in the masculine. */}
      <h1>Ti diamo il benvenuto, {me.displayName}</h1>
      <section aria-labelledby="home-roles" className="my-4">
        <h2 id="home-roles" className="h4">
          I tuoi ruoli
        </h2>
        {me.assignments.length === 0 ? (
          <EmptyState title="Nessun ruolo assegnato">Rivolgiti al tuo amministratore.</EmptyState>
        ) : (
          <ul>
            {me.assignments.map((assignment, index) => (
              <li key={index}>{describeAssignment(assignment)}</li>
            ))}
          </ul>
        )}
      </section>
      {entries.length > 0 ? (
        <section aria-labelledby="home-sections" className="my-4">
          <h2 id="home-sections" className="h4">
            Le tue sezioni
          </h2>
          <ul>
            {entries.map((entry) => (
              <li key={entry.path}>
                <Link to={entry.path}>{entry.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
