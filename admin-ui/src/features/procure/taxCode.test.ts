import { describe, expect, it } from 'vitest';
import { clientCodeProblem, normalizeClientCode, personCodeProblem, vatCheckDigit, vatCodeProblem } from './taxCode';

describe('VAT code (partita IVA)', () => {
  it('computes the check digit', () => {
    expect(vatCheckDigit('0298765432')).toBe(0);
    expect(vatCheckDigit('1234567890')).toBe(3);
  });

  it('accepts a code with the right check digit, with or without the IT prefix', () => {
    expect(vatCodeProblem('02987654320')).toBeNull();
    expect(vatCodeProblem('12345678903')).toBeNull();
    expect(vatCodeProblem('IT12345678903')).toBeNull();
    expect(normalizeClientCode(' it 1234567890 3 ')).toBe('12345678903');
  });

  it('refuses a wrong check digit, a wrong length and all zeros', () => {
    expect(vatCodeProblem('12345678901')).toMatch(/cifra di controllo/);
    expect(vatCodeProblem('1234567890')).toMatch(/11 cifre/);
    expect(vatCodeProblem('00000000000')).toMatch(/11 cifre/);
  });
});

describe('client code', () => {
  it('takes a person or a company', () => {
    expect(clientCodeProblem('BNCGPP70C10B354K')).toBeNull();
    expect(clientCodeProblem('bncgpp70c10b354k')).toBeNull();
    expect(clientCodeProblem('02987654320')).toBeNull();
  });

  it('accepts an omocode fiscal code', () => {
    expect(clientCodeProblem('RSSMRA80A01H50MM')).toBeNull();
  });

  it('says what is wrong', () => {
    expect(clientCodeProblem('')).toMatch(/Scrivi il codice fiscale o la partita IVA/);
    expect(clientCodeProblem('RSSMRA80A01H501X')).toMatch(/carattere di controllo/);
    expect(clientCodeProblem('02987654321')).toMatch(/cifra di controllo/);
    expect(clientCodeProblem('RSSMRA80')).toMatch(/16 caratteri, la partita IVA 11 cifre/);
  });
});

describe('person code', () => {
  it('takes only a personal fiscal code', () => {
    expect(personCodeProblem('MRNFNC90E50B354K')).toBeNull();
    expect(personCodeProblem('02987654320')).toMatch(/16 caratteri/);
    expect(personCodeProblem(' ')).toBe('Scrivi il codice fiscale.');
  });
});
