import { Alert } from 'design-react-kit';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { PublicHeader } from './PublicHeader';
import { returnPathFrom } from './returnTo';
import { useSession, type SignInReason } from './sessionContext';
import { SignInForm } from './SignInForm';

const REASON_MESSAGES: Record<SignInReason, string> = {
  expired: 'La sessione è scaduta: accedi di nuovo per continuare da dove eri rimasto.',
  signedOut: 'Sei uscito da Accoglienza.',
};

export function SignInPage() {
  usePageTitle('Accedi');
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const returnPath = returnPathFrom(location.search);
  const reason = (location.state as { reason?: SignInReason } | null)?.reason;

  if (session.token) return <Navigate to={returnPath} replace />;

  return (
    <>
      <PublicHeader />
      <main id="contenuto" className="container my-5">
        <div className="row justify-content-center">
          <div className="col-12 col-md-8 col-lg-5">
            <h1 className="mb-4">Accedi</h1>
            {reason ? (
              <Alert color={reason === 'expired' ? 'warning' : 'info'} fade={false}>
                {REASON_MESSAGES[reason]}
              </Alert>
            ) : null}
            <SignInForm
              onSignedIn={(token, username) => {
                session.signedIn(token, username);
                navigate(returnPath, { replace: true });
              }}
            />
            <p className="mt-4">
              Sei un commercialista o un consulente del lavoro?{' '}
              <Link to="/registrazione">Registrati come professionista</Link>
            </p>
          </div>
        </div>
      </main>
    </>
  );
}
