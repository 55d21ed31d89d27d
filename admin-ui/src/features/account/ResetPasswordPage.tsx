import { Alert, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { withoutFieldErrors } from '../../shared/api/errors';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { useFocusFirstInvalid } from '../../shared/components/useFocusFirstInvalid';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { serverFieldErrors } from '../../shared/validation/fieldErrors';
import { newPasswordProblems } from '../../shared/validation/password';
import { PublicHeader, SIGN_IN_PATH } from '../auth';
import { NewPasswordFields } from './NewPasswordFields';
import { AccountResetPasswordMutation } from './operations';

/** The page a reset link opens: `/reimposta-password#<token>` (the server's RESET_PAGE). */
export const RESET_PASSWORD_PATH = '/reimposta-password';

/**
 * The link's token, read once from the address's fragment, which is then
 * dropped from the address bar (and so from the history and screenshots).
 */
function takeTokenFromAddress(): string {
  const token = decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();
  if (token) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return token;
}

interface Errors {
  newPassword?: string;
  confirmation?: string;
}

/** Choosing a new password with a one-time link sent by an administrator or director; no sign-in needed. */
export function ResetPasswordPage() {
  usePageTitle('Imposta una nuova password');
  const [token] = useState(takeTokenFromAddress);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);
  const [{ fetching, error }, reset] = useMutation(AccountResetPasswordMutation);
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = newPasswordProblems(password, confirmation);
    setErrors({ newPassword: problems.password, confirmation: problems.confirmation });
    if (problems.password || problems.confirmation) {
      focusFirstInvalid();
      return;
    }
    const result = await reset({ token, newPassword: password });
    if (result.error) {
      setErrors(serverFieldErrors(result.error));
      focusFirstInvalid();
      return;
    }
    setDone(true);
  }

  return (
    <>
      <PublicHeader />
      <main id="contenuto" className="container my-5">
        <div className="row justify-content-center">
          <div className="col-12 col-md-8 col-lg-5">
            <h1 className="mb-4">Imposta una nuova password</h1>
            {done ? (
              <Alert color="success" fade={false}>
                <p>Password impostata. Ora puoi accedere con la nuova password.</p>
                <Link to={SIGN_IN_PATH} className="btn btn-primary">
                  Vai all'accesso
                </Link>
              </Alert>
            ) : !token ? (
              <Alert color="danger" fade={false}>
                Il collegamento è incompleto: aprilo di nuovo dall'e-mail ricevuta, per intero.
              </Alert>
            ) : (
              <form
                ref={formRef}
                onSubmit={submit}
                noValidate
                aria-label="Scelta della nuova password"
                aria-busy={fetching}
              >
                <p>Il collegamento vale una sola volta e per 24 ore dall'invio.</p>
                <ErrorDisplay
                  error={withoutFieldErrors(error, ['newPassword'])}
                  headings={{ BAD_USER_INPUT: 'Collegamento non valido' }}
                />
                <NewPasswordFields
                  password={password}
                  confirmation={confirmation}
                  onPassword={setPassword}
                  onConfirmation={setConfirmation}
                  errors={errors}
                />
                <Button color="primary" type="submit" disabled={fetching}>
                  {fetching ? 'Salvataggio…' : 'Imposta la password'}
                </Button>
              </form>
            )}
          </div>
        </div>
      </main>
    </>
  );
}
