import { Alert } from 'design-react-kit';
import { useState } from 'react';
import { describeAssignment, useMe } from '../auth';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SessionsSection } from './SessionsSection';

/** Where the signed-in person's own account lives (linked from their name in the header). */
export const ACCOUNT_PATH = '/profilo';

/** The signed-in person's own account: who they are, their password, their sessions. */
export function AccountPage() {
  usePageTitle('Il mio profilo');
  const me = useMe();
  const [changed, setChanged] = useState(0);

  return (
    <>
      <h1>Il mio profilo</h1>
      <dl className="row">
        <dt className="col-sm-4 col-lg-3">Nome</dt>
        <dd className="col-sm-8 col-lg-9">{me.displayName}</dd>
        <dt className="col-sm-4 col-lg-3">Nome utente</dt>
        <dd className="col-sm-8 col-lg-9">{me.username}</dd>
        <dt className="col-sm-4 col-lg-3">Ruoli</dt>
        <dd className="col-sm-8 col-lg-9">
          <ul className="list-unstyled mb-0">
            {me.assignments.map((assignment, index) => (
              <li key={index}>{describeAssignment(assignment)}</li>
            ))}
          </ul>
        </dd>
      </dl>

      <section aria-labelledby="account-password" className="my-5">
        <h2 id="account-password" className="h4">
          Password
        </h2>
        <div role="status" aria-live="polite">
          {changed > 0 ? (
            <Alert color="success" fade={false}>
              Password cambiata. Le altre sessioni sono state terminate.
            </Alert>
          ) : null}
        </div>
        <div className="row">
          <div className="col-12 col-lg-6">
            <ChangePasswordForm onChanged={() => setChanged((n) => n + 1)} />
          </div>
        </div>
      </section>

      {/* Changing the password ends the other sessions: read them again. */}
      <SessionsSection key={changed} />
    </>
  );
}
