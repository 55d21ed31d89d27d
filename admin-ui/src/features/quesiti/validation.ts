import { emailProblem, phoneProblem } from '../../shared/validation/contact';
import type { FieldErrors } from '../../shared/validation/fieldErrors';
import { fiscalCodeProblem } from '../../shared/validation/fiscalCode';

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
  else if (question.length > QUESTION_MAX)
    errors.question = `Il quesito può avere al massimo ${QUESTION_MAX} caratteri.`;
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
