import { Alert } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { CompleteSsoSignInMutation } from './operations';
import { PublicHeader } from './PublicHeader';
import { SIGN_IN_PATH } from './returnTo';
import { useSession } from './sessionContext';
import { codeFromFragment, takeSsoReturn } from './sso';

/**
 * The end of a single sign-on: the server sent the browser here with a one-time code in the
 * fragment. The code leaves the address bar at once and is exchanged (once) for the session.
 */
export function SsoCompletePage() {
  usePageTitle('Accesso in corso');
  const session = useSession();
  const navigate = useNavigate();
  const [, complete] = useMutation(CompleteSsoSignInMutation);
  // Read once, before the effect removes it from the address bar.
  const [code] = useState(() => codeFromFragment(window.location.hash));
  const [failed, setFailed] = useState(code === null);
  const started = useRef(false);

  useEffect(() => {
    window.history.replaceState(null, '', window.location.pathname);
    if (started.current || !code) return;
    started.current = true;
    void complete({ code }).then((result) => {
      const payload = result.data?.completeSsoSignIn;
      if (!payload) {
        setFailed(true);
        return;
      }
      session.signedIn(payload.token, payload.me.username);
      navigate(takeSsoReturn(), { replace: true });
    });
  }, [code, complete, navigate, session]);

  return (
    <>
      <PublicHeader />
      <main id="contenuto" className="container my-5">
        <h1 className="mb-4">Accesso</h1>
        {failed ? (
          <Alert color="danger" fade={false}>
            Il codice di accesso non è valido o è già stato usato. <Link to={SIGN_IN_PATH}>Accedi di nuovo</Link>
          </Alert>
        ) : (
          <p role="status">Accesso in corso…</p>
        )}
      </main>
    </>
  );
}
