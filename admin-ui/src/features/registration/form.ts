import { isLongEnough, MIN_PASSWORD_LENGTH } from '../../shared/validation/password';
import { fiscalCodeProblem, normalizeFiscalCode } from '../../shared/validation/fiscalCode';
import type { RegisterProfessionalInput } from '../../gql/graphql';

/** The Entratel user types that may declare procure (docs/domain.md §6): the ones offered here. */
export const ENTRATEL_TYPES = [
  { code: 'A10', label: 'A10 — commercialisti' },
  { code: 'A20', label: 'A20 — commercialisti' },
  { code: 'A25', label: 'A25 — commercialisti' },
  { code: 'A30', label: 'A30 — consulenti del lavoro' },
  { code: 'A56', label: 'A56 — consulenti del lavoro' },
] as const;

export interface RegistrationDraft {
  username: string;
  password: string;
  confirmation: string;
  email: string;
  fiscalCode: string;
  name: string;
  entratelUserType: string;
  albo: string;
  alboProvince: string;
  alboNumber: string;
}

export const EMPTY_REGISTRATION: RegistrationDraft = {
  username: '',
  password: '',
  confirmation: '',
  email: '',
  fiscalCode: '',
  name: '',
  entratelUserType: '',
  albo: '',
  alboProvince: '',
  alboNumber: '',
};

export type RegistrationErrors = Partial<Record<keyof RegistrationDraft, string>>;

const USERNAME = /^[a-zA-Z0-9._-]{3,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PROVINCE = /^[A-Za-z]{2}$/;

/** The form's own checks, before the server's (which decide). */
export function validateRegistration(d: RegistrationDraft): RegistrationErrors {
  const errors: RegistrationErrors = {};
  if (!USERNAME.test(d.username.trim()))
    errors.username = 'Il nome utente deve avere da 3 a 64 caratteri tra lettere, cifre, . - _';
  if (!isLongEnough(d.password)) errors.password = `La password deve avere almeno ${MIN_PASSWORD_LENGTH} caratteri.`;
  else if (d.password !== d.confirmation) errors.confirmation = 'Le due password non coincidono.';
  if (!EMAIL.test(d.email.trim())) errors.email = "Indica un indirizzo e-mail valido: l'esito arriva lì.";
  const fiscal = fiscalCodeProblem(d.fiscalCode);
  if (fiscal) errors.fiscalCode = fiscal;
  if (d.name.trim().length < 2) errors.name = 'Indica nome e cognome.';
  if (!d.entratelUserType) errors.entratelUserType = 'Scegli il tipo utente Entratel.';
  if (d.albo.trim().length < 2) errors.albo = "Indica l'albo professionale.";
  if (!PROVINCE.test(d.alboProvince.trim())) errors.alboProvince = 'Indica la sigla della provincia (es. CA).';
  if (!d.alboNumber.trim()) errors.alboNumber = 'Indica il numero di iscrizione.';
  return errors;
}

export function registrationInput(d: RegistrationDraft): RegisterProfessionalInput {
  return {
    username: d.username.trim().toLowerCase(),
    password: d.password,
    email: d.email.trim(),
    fiscalCode: normalizeFiscalCode(d.fiscalCode),
    name: d.name.trim(),
    entratelUserType: d.entratelUserType,
    albo: d.albo.trim(),
    alboProvince: d.alboProvince.trim().toUpperCase(),
    alboNumber: d.alboNumber.trim(),
  };
}
