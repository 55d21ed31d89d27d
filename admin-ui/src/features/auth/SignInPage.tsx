import { Alert } from 'design-react-kit';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { PublicHeader } from './PublicHeader';
import { returnPathFrom } from './returnTo';
import { useSession, type SignInReason } from './sessionContext';
import { SignInForm } from './SignInForm';
import { SignInOptionsQuery } from './operations';
import { rememberSsoReturn, SSO_START_URL, ssoErrorMessage } from './sso';

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
  const ssoError = ssoErrorMessage(new URLSearchParams(location.search).get('sso_error'));
  const [{ data }] = useQuery({ query: SignInOptionsQuery });
  const options = data?.signInOptions;

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
            {ssoError ? (
              <Alert color="danger" fade={false}>
                <strong>Accesso non riuscito.</strong> {ssoError}
              </Alert>
            ) : null}
            {options?.sso ? (
              <section aria-label="Accesso con SSO" className="mb-4">
                <a className="btn btn-primary" href={SSO_START_URL} onClick={() => rememberSsoReturn(returnPath)}>
                  Accedi con SSO
                </a>
                <p className="mt-2 text-muted">Con le credenziali di dominio della tua agenzia.</p>
              </section>
            ) : null}
            {options && options.passwordLogin !== 'OFF' ? (
              <section aria-label={options.sso ? 'Accesso con password' : undefined}>
                {options.sso ? <h2 className="h5">Oppure con nome utente e password</h2> : null}
                <SignInForm
                  onSignedIn={(token, username) => {
                    session.signedIn(token, username);
                    navigate(returnPath, { replace: true });
                  }}
                />
              </section>
            ) : null}
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
