/**
 * The Italian personal fiscal code (codice fiscale, 16 characters) and its check
 * character, as in DM 23/12/1976 — including omocodia, where the digits of the
 * date and place may have been replaced by letters (0→L … 9→V) to tell apart two
 * people who would otherwise share a code. The server checks again.
 */

/** Letters that stand for the digits 0–9 in an omocode. */
const OMOCODE_LETTERS = 'LMNPQRSTUV';
/** Positions (0-based) that hold digits, or their omocode letters. */
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];
const MONTH_LETTERS = 'ABCDEHLMPRST';

/** Value of a character in an odd position (1st, 3rd, … 15th), for digits 0–9 then letters A–Z. */
// prettier-ignore
const ODD_VALUES: Record<string, number> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

/** Value of a character in an even position: digits their value, letters A=0 … Z=25. */
function evenValue(char: string): number {
  return /[0-9]/.test(char) ? Number(char) : char.charCodeAt(0) - 65;
}

/** The check character (16th) for the first 15 characters of a code. */
export function fiscalCodeCheckChar(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const char = first15[i];
    sum += i % 2 === 0 ? ODD_VALUES[char] : evenValue(char);
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Upper case, without spaces. */
export function normalizeFiscalCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Replaces the omocode letters with the digits they stand for (to read date and place). */
export function decodeOmocode(code: string): string {
  const chars = code.split('');
  for (const position of DIGIT_POSITIONS) {
    const index = OMOCODE_LETTERS.indexOf(chars[position]);
    if (index >= 0) chars[position] = String(index);
  }
  return chars.join('');
}

const SHAPE = new RegExp(
  `^[A-Z]{6}[0-9${OMOCODE_LETTERS}]{2}[${MONTH_LETTERS}][0-9${OMOCODE_LETTERS}]{2}[A-Z][0-9${OMOCODE_LETTERS}]{3}[A-Z]$`,
);

/** Why a fiscal code is not valid, in Italian; `null` when it is valid. */
export function fiscalCodeProblem(value: string): string | null {
  const code = normalizeFiscalCode(value);
  if (code.length !== 16) return 'Il codice fiscale ha 16 caratteri.';
  if (!SHAPE.test(code)) return 'Il codice fiscale non ha la forma prevista (es. RSSMRA80A01H501U).';
  const day = Number(decodeOmocode(code).slice(9, 11));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71)))
    return 'Il giorno di nascita nel codice fiscale non è valido.';
  if (fiscalCodeCheckChar(code.slice(0, 15)) !== code[15])
    return 'Il carattere di controllo del codice fiscale non corrisponde.';
  return null;
}

export function isValidFiscalCode(value: string): boolean {
  return fiscalCodeProblem(value) === null;
}
