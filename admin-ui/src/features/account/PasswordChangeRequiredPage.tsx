import { Alert, Button } from 'design-react-kit';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * Shown instead of the whole app while the person signed in with a password an
 * administrator chose: the server refuses everything else until they choose
 * their own (FORBIDDEN, reason PASSWORD_CHANGE_REQUIRED).
 */
export function PasswordChangeRequiredPage({
  displayName,
  onChanged,
  onSignOut,
}: {
  displayName: string;
  onChanged: () => void;
  onSignOut: () => void;
}) {
  usePageTitle('Scegli la tua password');
  return (
    <main id="contenuto" className="container my-5">
      <div className="row justify-content-center">
        <div className="col-12 col-md-8 col-lg-6">
          <h1 className="mb-4">Scegli la tua password</h1>
          <Alert color="info" fade={false}>
            Benvenuto, {displayName}. La password con cui hai effettuato l'accesso è stata impostata da un
            amministratore: per continuare scegline una tua, che conoscerai solo tu.
          </Alert>
          <ChangePasswordForm onChanged={onChanged} />
          <Button color="link" className="mt-3 px-0" onClick={onSignOut}>
            Esci senza cambiarla
          </Button>
        </div>
      </div>
    </main>
  );
}
