// A citizen's contact details, checked in the browser before sending (the server checks again).

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9]{6,15}$/;

/** Phone as the server wants it: digits, optionally preceded by +, no separators. */
export function normalizePhone(value: string): string {
  return value.replace(/[\s.\-/()]/g, '');
}

export function phoneProblem(value: string): string | null {
  return PHONE.test(normalizePhone(value))
    ? null
    : 'Numero di telefono non valido: da 6 a 15 cifre, eventualmente precedute da +.';
}

export function emailProblem(value: string): string | null {
  return EMAIL.test(value.trim()) ? null : 'Indirizzo e-mail non valido.';
}
