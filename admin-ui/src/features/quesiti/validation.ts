import type { CombinedError } from 'urql';
import { fiscalCodeProblem } from '../../shared/validation/fiscalCode';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9]{6,15}$/;

/** Phone as the server wants it: digits, optionally preceded by +, no separators. */
export function normalizePhone(value: string): string {
  return value.replace(/[\s.\-/()]/g, '');
}

export function phoneProblem(value: string): string | null {
  return PHONE.test(normalizePhone(value)) ? null : 'Numero di telefono non valido: da 6 a 15 cifre, eventualmente precedute da +.';
}

export function emailProblem(value: string): string | null {
  return EMAIL.test(value.trim()) ? null : 'Indirizzo e-mail non valido.';
}

export interface QuesitoFormValues {
  regionCode: string;
  section: string;
  classification: string;
  subject: string;
  question: string;
  citizenFiscalCode: string;
  citizenPhone: string;
  citizenEmail: string;
  priority: string;
}

export type FieldErrors<T> = Partial<Record<keyof T, string>>;

export const SUBJECT_MAX = 200;
export const QUESTION_MIN = 10;
export const QUESTION_MAX = 4000;

/** The checks made in the browser before a quesito is sent (the server checks again). */
export function validateQuesito(values: QuesitoFormValues): FieldErrors<QuesitoFormValues> {
  const errors: FieldErrors<QuesitoFormValues> = {};
  if (!values.regionCode) errors.regionCode = 'Scegli la direzione regionale.';
  if (!values.section) errors.section = 'Scegli la sezione.';
  if (!values.classification) errors.classification = 'Scegli la classificazione.';
  const subject = values.subject.trim();
  if (!subject) errors.subject = "Scrivi l'oggetto.";
  else if (subject.length > SUBJECT_MAX) errors.subject = `L'oggetto può avere al massimo ${SUBJECT_MAX} caratteri.`;
  const question = values.question.trim();
  if (question.length < QUESTION_MIN) errors.question = `Il quesito deve avere almeno ${QUESTION_MIN} caratteri.`;
  else if (question.length > QUESTION_MAX) errors.question = `Il quesito può avere al massimo ${QUESTION_MAX} caratteri.`;
  if (!values.citizenFiscalCode.trim()) errors.citizenFiscalCode = 'Scrivi il codice fiscale del cittadino.';
  else {
    const problem = fiscalCodeProblem(values.citizenFiscalCode);
    if (problem) errors.citizenFiscalCode = problem;
  }
  if (values.citizenPhone.trim()) {
    const problem = phoneProblem(values.citizenPhone);
    if (problem) errors.citizenPhone = problem;
  }
  if (values.citizenEmail.trim()) {
    const problem = emailProblem(values.citizenEmail);
    if (problem) errors.citizenEmail = problem;
  }
  if (!values.priority) errors.priority = 'Scegli la priorità.';
  return errors;
}

/**
 * The server's BAD_USER_INPUT errors that name a field (`extensions.field`), by
 * field; the rest stay for the general error display.
 */
export function serverFieldErrors(error: CombinedError | undefined | null): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const e of error?.graphQLErrors ?? []) {
    const field = e.extensions?.field;
    if (e.extensions?.code === 'BAD_USER_INPUT' && typeof field === 'string' && !(field in byField)) byField[field] = e.message;
  }
  return byField;
}

/** True when every problem of the error was placed on a field of the form. */
export function onlyFieldErrors(error: CombinedError | undefined | null, fields: readonly string[]): boolean {
  if (!error || error.networkError) return false;
  return error.graphQLErrors.every((e) => e.extensions?.code === 'BAD_USER_INPUT' && fields.includes(String(e.extensions?.field)));
}
