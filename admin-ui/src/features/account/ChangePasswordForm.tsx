import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { withoutFieldErrors } from '../../shared/api/errors';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { TextField } from '../../shared/components/TextField';
import { useFocusFirstInvalid } from '../../shared/components/useFocusFirstInvalid';
import { serverFieldErrors } from '../../shared/validation/fieldErrors';
import { newPasswordProblems } from '../../shared/validation/password';
import { NewPasswordFields } from './NewPasswordFields';
import { AccountChangePasswordMutation } from './operations';

interface Errors {
  currentPassword?: string;
  newPassword?: string;
  confirmation?: string;
}

const SERVER_FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * The current password, the new one twice. The server checks the current one
 * (wrong attempts count like failed sign-ins) and the length rule; on success
 * the person's other sessions end and `onChanged` runs.
 */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [{ fetching, error }, change] = useMutation(AccountChangePasswordMutation);
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = newPasswordProblems(next, confirmation);
    const found: Errors = {
      currentPassword: current ? undefined : 'Inserisci la password attuale.',
      newPassword: problems.password,
      confirmation: problems.confirmation,
    };
    setErrors(found);
    if (found.currentPassword || found.newPassword || found.confirmation) {
      focusFirstInvalid();
      return;
    }
    // `me` is read again: its mustChangePassword lifts the forced screen.
    const result = await change({ currentPassword: current, newPassword: next }, { additionalTypenames: ['Me'] });
    if (result.error) {
      setErrors(serverFieldErrors(result.error));
      focusFirstInvalid();
      return;
    }
    setCurrent('');
    setNext('');
    setConfirmation('');
    onChanged();
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Cambia password" aria-busy={fetching}>
      <ErrorDisplay error={withoutFieldErrors(error, SERVER_FIELDS)} headingLevel={3} />
      <TextField
        label="Password attuale"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={errors.currentPassword}
      />
      <NewPasswordFields
        password={next}
        confirmation={confirmation}
        onPassword={setNext}
        onConfirmation={setConfirmation}
        errors={errors}
      />
      <Button color="primary" type="submit" disabled={fetching}>
        {fetching ? 'Salvataggio…' : 'Cambia password'}
      </Button>
    </form>
  );
}
