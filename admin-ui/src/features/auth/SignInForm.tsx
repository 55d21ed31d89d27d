import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { TextField } from '../../shared/components/TextField';
import { SessionLoginMutation } from './operations';

interface SignInFormProps {
  onSignedIn: (token: string, username: string) => void;
}

interface FieldErrors {
  username?: string;
  password?: string;
}

/** Username and password; the server's answer (wrong password, too many attempts) is shown above the form. */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [{ fetching, error }, login] = useMutation(SessionLoginMutation);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!username.trim()) errors.username = 'Inserisci il nome utente.';
    if (!password) errors.password = 'Inserisci la password.';
    setFieldErrors(errors);
    if (errors.username || errors.password) return;

    const result = await login({ username: username.trim(), password });
    const payload = result.data?.login;
    if (payload) {
      onSignedIn(payload.token, payload.me.username);
    } else {
      setPassword('');
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Accesso" aria-busy={fetching}>
      <ErrorDisplay error={error} headings={{ UNAUTHENTICATED: 'Accesso non riuscito' }} />
      <TextField
        label="Nome utente"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        onChange={setUsername}
        error={fieldErrors.username}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={fieldErrors.password}
      />
      <Button color="primary" type="submit" disabled={fetching}>
        {fetching ? 'Accesso in corso…' : 'Accedi'}
      </Button>
    </form>
  );
}
