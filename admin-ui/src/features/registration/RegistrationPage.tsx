import { Alert, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { withoutFieldErrors } from '../../shared/api/errors';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { SelectField } from '../../shared/components/SelectField';
import { TextField } from '../../shared/components/TextField';
import { useFocusFirstInvalid } from '../../shared/components/useFocusFirstInvalid';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { serverFieldErrors } from '../../shared/validation/fieldErrors';
import { MIN_PASSWORD_LENGTH } from '../../shared/validation/password';
import { PublicHeader, SIGN_IN_PATH } from '../auth';
import {
  EMPTY_REGISTRATION,
  ENTRATEL_TYPES,
  registrationInput,
  validateRegistration,
  type RegistrationDraft,
  type RegistrationErrors,
} from './form';
import { RegistrationSubmitMutation } from './operations';

/** The public page where a tax professional asks for an account (linked from sign-in). */
export const REGISTRATION_PATH = '/registrazione';

const SERVER_FIELDS = [
  'username',
  'password',
  'email',
  'fiscalCode',
  'name',
  'entratelUserType',
  'albo',
  'alboProvince',
  'alboNumber',
] as const;

/**
 * Self-registration of a professional: the same receipt whatever the outcome
 * (the server never says whether a username or fiscal code exists); the outcome
 * arrives by e-mail, and an administrator verifies the registration before any
 * procura can be declared.
 */
export function RegistrationPage() {
  usePageTitle('Registrazione professionista');
  const [draft, setDraft] = useState<RegistrationDraft>(EMPTY_REGISTRATION);
  const [errors, setErrors] = useState<RegistrationErrors>({});
  const [receipt, setReceipt] = useState<string | null>(null);
  const [{ fetching, error }, register] = useMutation(RegistrationSubmitMutation);
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const set = (key: keyof RegistrationDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateRegistration(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    const result = await register({ input: registrationInput(draft) });
    if (result.error) {
      setErrors(serverFieldErrors(result.error));
      focusFirstInvalid();
      return;
    }
    setReceipt(result.data?.registerAsProfessional.message ?? 'Richiesta ricevuta.');
  }

  const field = (key: keyof RegistrationDraft, label: string, extra: Record<string, unknown> = {}) => (
    <TextField label={label} name={key} value={draft[key]} onChange={set(key)} error={errors[key]} {...extra} />
  );

  return (
    <>
      <PublicHeader />
      <main id="contenuto" className="container my-5">
        <div className="row justify-content-center">
          <div className="col-12 col-md-10 col-lg-7">
            <h1 className="mb-4">Registrazione professionista</h1>
            {receipt ? (
              <Alert color="success" fade={false}>
                <p>{receipt}.</p>
                <p>
                  Un amministratore verificherà i dati (codice fiscale, tipo utente Entratel, iscrizione all'albo):
                  potrai dichiarare procure dopo la verifica, di cui riceverai l'esito per e-mail.
                </p>
                <Link to={SIGN_IN_PATH} className="btn btn-primary">
                  Vai all'accesso
                </Link>
              </Alert>
            ) : (
              <form ref={formRef} onSubmit={submit} noValidate aria-label="Dati di registrazione" aria-busy={fetching}>
                <p>
                  Per commercialisti e consulenti del lavoro abilitati a Entratel. L'esito della richiesta arriva
                  all'indirizzo e-mail indicato.
                </p>
                <ErrorDisplay error={withoutFieldErrors(error, SERVER_FIELDS)} />
                <fieldset className="mb-4">
                  <legend className="h5">Chi sei</legend>
                  {field('name', 'Nome e cognome', { autoComplete: 'name' })}
                  {field('fiscalCode', 'Codice fiscale', { autoCapitalize: 'characters', spellCheck: false })}
                  {field('email', 'E-mail', { type: 'email', autoComplete: 'email' })}
                </fieldset>
                <fieldset className="mb-4">
                  <legend className="h5">Abilitazione</legend>
                  <SelectField
                    label="Tipo utente Entratel"
                    value={draft.entratelUserType}
                    onChange={set('entratelUserType')}
                    error={errors.entratelUserType}
                  >
                    <option value="">Scegli…</option>
                    {ENTRATEL_TYPES.map((type) => (
                      <option key={type.code} value={type.code}>
                        {type.label}
                      </option>
                    ))}
                  </SelectField>
                  {field('albo', 'Albo professionale', { hint: 'Es. ODCEC di Cagliari' })}
                  {field('alboProvince', "Provincia dell'albo", { hint: 'Sigla, es. CA', maxLength: 2 })}
                  {field('alboNumber', 'Numero di iscrizione')}
                </fieldset>
                <fieldset className="mb-4">
                  <legend className="h5">Accesso</legend>
                  {field('username', 'Nome utente', { autoComplete: 'username', autoCapitalize: 'none' })}
                  {field('password', 'Password', {
                    type: 'password',
                    autoComplete: 'new-password',
                    hint: `Almeno ${MIN_PASSWORD_LENGTH} caratteri.`,
                  })}
                  {field('confirmation', 'Ripeti la password', { type: 'password', autoComplete: 'new-password' })}
                </fieldset>
                <Button color="primary" type="submit" disabled={fetching}>
                  {fetching ? 'Invio…' : 'Invia la registrazione'}
                </Button>
              </form>
            )}
          </div>
        </div>
      </main>
    </>
  );
}
