/**
 * A procura's client is a person (16-character fiscal code, omocodia included)
 * or a company (11-digit VAT code, partita IVA). Both carry a check character;
 * the server checks again and answers with `extensions.field` when wrong.
 */
import { fiscalCodeProblem, normalizeFiscalCode } from '../../shared/validation/fiscalCode';

/** The check digit (11th) of a VAT code's first ten digits (Luhn, as in DM 23/12/1976). */
export function vatCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(first10[i]);
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return (10 - (sum % 10)) % 10;
}

/** Why a VAT code is not valid, in Italian; `null` when it is. */
export function vatCodeProblem(value: string): string | null {
  const code = normalizeClientCode(value);
  if (!/^[0-9]{11}$/.test(code) || /^0+$/.test(code)) return 'La partita IVA ha 11 cifre.';
  if (vatCheckDigit(code.slice(0, 10)) !== Number(code[10]))
    return 'La cifra di controllo della partita IVA non corrisponde.';
  return null;
}

/** Upper case, without spaces; the `IT` prefix of a VAT code (as in VIES) dropped. */
export function normalizeClientCode(value: string): string {
  const code = normalizeFiscalCode(value);
  return /^IT[0-9]{11}$/.test(code) ? code.slice(2) : code;
}

/** Why a client's code is not valid: a person's fiscal code or a company's VAT code. */
export function clientCodeProblem(value: string): string | null {
  const code = normalizeClientCode(value);
  if (!code) return 'Scrivi il codice fiscale o la partita IVA del cliente.';
  if (/^[0-9]+$/.test(code)) return vatCodeProblem(code);
  if (code.length !== 16) return 'Il codice fiscale ha 16 caratteri, la partita IVA 11 cifre.';
  return fiscalCodeProblem(code);
}

/** Why a person's fiscal code (a collaborator's) is not valid; `null` when it is. */
export function personCodeProblem(value: string): string | null {
  const code = normalizeFiscalCode(value);
  if (!code) return 'Scrivi il codice fiscale.';
  return fiscalCodeProblem(code);
}
