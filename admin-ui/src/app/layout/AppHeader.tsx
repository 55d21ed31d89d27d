import { Button, Header, HeaderContent, HeaderRightZone, Headers } from 'design-react-kit';
import { Link } from 'react-router';
import { ACCOUNT_PATH } from '../../features/account';
import { AlertsBell } from '../../features/alerts';
import { type Me, describeAssignment, useSignOut } from '../../features/auth';
import { MainNav } from './MainNav';

/** Brand, the signed-in person with their roles and units, sign-out, and the main menu. */
export function AppHeader({ me }: { me: Me }) {
  const { signOut, signingOut } = useSignOut();
  const roles = me.assignments.map((assignment) => assignment.role);
  return (
    <header>
      <Headers shadow>
        <Header type="slim">
          <HeaderContent>
            <span className="d-none d-lg-block navbar-brand">Assistenza e consulenza all'utenza</span>
            <HeaderRightZone>
              <AlertsBell />
              <Link
                to={ACCOUNT_PATH}
                className="me-3 text-white fw-semibold"
                data-testid="signed-in-name"
                title="Il mio profilo: password e sessioni"
              >
                {me.displayName}
              </Link>
              <Button
                color="primary"
                size="sm"
                className="btn-icon"
                onClick={() => void signOut()}
                disabled={signingOut}
              >
                Esci
              </Button>
            </HeaderRightZone>
          </HeaderContent>
        </Header>
        <div className="it-nav-wrapper">
          <Header type="center">
            <HeaderContent>
              <div className="it-brand-wrapper">
                <Link to="/">
                  <div className="it-brand-text">
                    <div className="it-brand-title">Accoglienza</div>
                  </div>
                </Link>
              </div>
              <HeaderRightZone>
                <div className="text-white text-end">
                  <span className="visually-hidden">Ruoli di {me.displayName}:</span>
                  <ul className="list-unstyled mb-0 small" data-testid="signed-in-roles">
                    {me.assignments.map((assignment, index) => (
                      <li key={index}>{describeAssignment(assignment)}</li>
                    ))}
                  </ul>
                </div>
              </HeaderRightZone>
            </HeaderContent>
          </Header>
          <MainNav roles={roles} />
        </div>
      </Headers>
    </header>
  );
}
