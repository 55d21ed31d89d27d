import { Button } from 'design-react-kit';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { fieldErrorsOf, withoutFieldErrors } from '../../shared/api/errors';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { TextField } from '../../shared/components/TextField';
import { useFocusFirstInvalid } from '../../shared/components/useFocusFirstInvalid';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useDraft } from '../../shared/forms/useDraft';
import { MIN_PASSWORD_LENGTH, isLongEnough } from '../../shared/validation/password';
import type { CreatePersonInput } from '../../gql/graphql';
import { type UnitChoice, PEOPLE_PATH, personPath } from '../org';
import {
  AssignmentFields,
  EMPTY_ASSIGNMENT,
  assignmentInput,
  validateAssignment,
  type AssignmentDraft,
} from './AssignmentFields';
import type { GrantOption } from './grants';
import { PersonCreateMutation } from './operations';
import type { PersonPageState } from './PersonPage';
import { useGrantOptions } from './useGrantOptions';

const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is typed into the form; kept as a draft (without the password) so it survives a re-login. */
export interface NewPersonDraft {
  username: string;
  displayName: string;
  email: string;
  /** PASSWORD: an initial password is set; SSO: the person signs in only through SSO. */
  access: 'PASSWORD' | 'SSO';
  assignment: AssignmentDraft;
}

export const EMPTY_NEW_PERSON: NewPersonDraft = {
  username: '',
  displayName: '',
  email: '',
  access: 'PASSWORD',
  assignment: EMPTY_ASSIGNMENT,
};

/** Field names as the API names them in `extensions.field`. */
type Field = 'username' | 'displayName' | 'email' | 'initialPassword' | 'role' | 'unitCode' | 'section';
export type NewPersonErrors = Partial<Record<Field, string>>;
const FIELDS: readonly Field[] = ['username', 'displayName', 'email', 'initialPassword', 'role', 'unitCode', 'section'];

/** The checks made before sending, the same the server makes; returns the messages per field. */
export function validateNewPerson(
  draft: NewPersonDraft,
  password: string,
  options: readonly GrantOption<UnitChoice>[],
): NewPersonErrors {
  const errors: NewPersonErrors = {};
  const username = draft.username.trim();
  if (!username) errors.username = 'Inserisci il nome utente.';
  else if (!USERNAME_PATTERN.test(username))
    errors.username =
      'Il nome utente deve avere da 3 a 64 caratteri tra lettere minuscole, cifre, punto, trattino e trattino basso.';
  if (!draft.displayName.trim()) errors.displayName = 'Inserisci nome e cognome.';
  const email = draft.email.trim();
  if (email && !EMAIL_PATTERN.test(email))
    errors.email = 'Inserisci un indirizzo e-mail valido, ad es. nome.cognome@agenzia.it.';
  if (draft.access === 'PASSWORD' && !isLongEnough(password))
    errors.initialPassword = `La password iniziale deve avere almeno ${MIN_PASSWORD_LENGTH} caratteri.`;
  return { ...errors, ...validateAssignment(draft.assignment, options) };
}

/** The API's input; call after validateNewPerson found nothing. */
export function createPersonInput(draft: NewPersonDraft, password: string): CreatePersonInput {
  return {
    username: draft.username.trim(),
    displayName: draft.displayName.trim(),
    email: draft.email.trim() || null,
    initialPassword: draft.access === 'PASSWORD' ? password : null,
    assignment: assignmentInput(draft.assignment),
  };
}

export const NEW_PERSON_DRAFT_KEY = 'person-new';

/** "Nuova persona": a member of staff with their first role. */
export function NewPersonPage() {
  usePageTitle('Nuova persona');
  const grants = useGrantOptions();
  return (
    <>
      <nav aria-label="Percorso" className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to="/organizzazione">Organizzazione</Link>
            <span className="separator" aria-hidden="true">
              /
            </span>
          </li>
          <li className="breadcrumb-item">
            <Link to={PEOPLE_PATH}>Persone</Link>
            <span className="separator" aria-hidden="true">
              /
            </span>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            Nuova persona
          </li>
        </ol>
      </nav>
      <h1>Nuova persona</h1>
      {grants.loading ? <Loading label="Caricamento dei ruoli che puoi assegnare…" /> : null}
      <ErrorDisplay error={grants.error} onRetry={grants.refresh} />
      {!grants.loading && !grants.error && grants.options.length === 0 ? (
        <EmptyState title="Non ci sono ruoli che puoi assegnare" />
      ) : null}
      {!grants.loading && !grants.error && grants.options.length > 0 ? (
        <NewPersonForm options={grants.options} />
      ) : null}
    </>
  );
}

export function NewPersonForm({ options }: { options: readonly GrantOption<UnitChoice>[] }) {
  const navigate = useNavigate();
  const [draft, setDraft, discardDraft] = useDraft<NewPersonDraft>(NEW_PERSON_DRAFT_KEY, EMPTY_NEW_PERSON);
  // Never kept in the draft: a password does not belong in sessionStorage.
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<NewPersonErrors>({});
  const [{ fetching, error }, createPerson] = useMutation(PersonCreateMutation);
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const accessName = useId();

  const update = (next: Partial<NewPersonDraft>, cleared: Field[]) => {
    setDraft({ ...draft, ...next });
    if (cleared.some((field) => errors[field])) {
      const rest = { ...errors };
      cleared.forEach((field) => delete rest[field]);
      setErrors(rest);
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateNewPerson(draft, password, options);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    const result = await createPerson(
      { input: createPersonInput(draft, password) },
      { additionalTypenames: ['Person'] },
    );
    const person = result.data?.createPerson;
    if (person) {
      discardDraft();
      setPassword('');
      const state: PersonPageState = { created: true };
      navigate(personPath(person.username), { state });
    } else {
      setErrors(fieldErrorsOf(result.error) as NewPersonErrors);
      focusFirstInvalid();
    }
  };

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      aria-label="Nuova persona"
      aria-busy={fetching}
      className="new-person-form"
    >
      <p>Tutti i campi sono obbligatori, salvo quelli indicati come facoltativi.</p>
      <ErrorDisplay error={withoutFieldErrors(error, FIELDS)} />
      <fieldset className="mb-4">
        <legend className="h5 mb-4">Dati della persona</legend>
        <TextField
          label="Nome utente"
          name="username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          hint="Da 3 a 64 caratteri: lettere minuscole, cifre, punto, trattino, trattino basso (ad es. mario.rossi)."
          value={draft.username}
          onChange={(username) => update({ username }, ['username'])}
          error={errors.username}
        />
        <TextField
          label="Nome e cognome"
          name="displayName"
          autoComplete="off"
          required
          value={draft.displayName}
          onChange={(displayName) => update({ displayName }, ['displayName'])}
          error={errors.displayName}
        />
        <TextField
          label="E-mail (facoltativa)"
          name="email"
          type="email"
          autoComplete="off"
          value={draft.email}
          onChange={(email) => update({ email }, ['email'])}
          error={errors.email}
        />
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h5 mb-4">Accesso</legend>
        <div className="form-check">
          <input
            type="radio"
            id={`${accessName}-password`}
            name={accessName}
            checked={draft.access === 'PASSWORD'}
            onChange={() => update({ access: 'PASSWORD' }, ['initialPassword'])}
          />
          <label htmlFor={`${accessName}-password`}>Con una password iniziale</label>
        </div>
        <div className="form-check">
          <input
            type="radio"
            id={`${accessName}-sso`}
            name={accessName}
            checked={draft.access === 'SSO'}
            onChange={() => {
              setPassword('');
              update({ access: 'SSO' }, ['initialPassword']);
            }}
          />
          <label htmlFor={`${accessName}-sso`}>Solo con l'accesso unico (SSO), senza password</label>
        </div>
        {draft.access === 'PASSWORD' ? (
          <div className="mt-5">
            <TextField
              label="Password iniziale"
              name="initialPassword"
              type="password"
              autoComplete="new-password"
              required
              hint={`Almeno ${MIN_PASSWORD_LENGTH} caratteri. Comunicala alla persona in modo riservato: dovrà cambiarla al primo accesso.`}
              value={password}
              onChange={(value) => {
                setPassword(value);
                if (errors.initialPassword) update({}, ['initialPassword']);
              }}
              error={errors.initialPassword}
            />
          </div>
        ) : null}
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h5 mb-4">Primo ruolo</legend>
        <AssignmentFields
          value={draft.assignment}
          onChange={(assignment) => update({ assignment }, ['role', 'unitCode', 'section'])}
          options={options}
          errors={errors}
          disabled={fetching}
        />
      </fieldset>

      <div className="d-flex gap-2">
        <Button color="primary" type="submit" disabled={fetching}>
          {fetching ? 'Creazione in corso…' : 'Crea persona'}
        </Button>
        <Link to={PEOPLE_PATH} className="btn btn-outline-secondary" onClick={discardDraft}>
          Annulla
        </Link>
      </div>
    </form>
  );
}
