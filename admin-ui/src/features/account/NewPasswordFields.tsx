import { TextField } from '../../shared/components/TextField';
import { MIN_PASSWORD_LENGTH } from '../../shared/validation/password';

interface NewPasswordFieldsProps {
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  errors: { newPassword?: string; confirmation?: string };
}

/** The new password and its repetition, as every form that sets a password asks them. */
export function NewPasswordFields({
  password,
  confirmation,
  onPassword,
  onConfirmation,
  errors,
}: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        label="Nuova password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={`Almeno ${MIN_PASSWORD_LENGTH} caratteri.`}
        value={password}
        onChange={onPassword}
        error={errors.newPassword}
      />
      <TextField
        label="Ripeti la nuova password"
        name="confirmation"
        type="password"
        autoComplete="new-password"
        value={confirmation}
        onChange={onConfirmation}
        error={errors.confirmation}
      />
    </>
  );
}
