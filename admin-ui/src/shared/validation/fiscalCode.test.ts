import { describe, expect, it } from 'vitest';
import { decodeOmocode, fiscalCodeCheckChar, fiscalCodeProblem, isValidFiscalCode } from './fiscalCode';

describe('fiscal code check character', () => {
  it.each([
    ['RSSMRA80A01H501', 'U'],
    ['MRTMTT25D09F205', 'Z'],
    ['VRDGPP85T41F205', 'T'],
  ])('computes the check character of %s as %s', (first15, check) => {
    expect(fiscalCodeCheckChar(first15)).toBe(check);
  });

  it('accepts valid codes, in any case and with spaces', () => {
    expect(isValidFiscalCode('RSSMRA80A01H501U')).toBe(true);
    expect(isValidFiscalCode('rssmra80a01h501u')).toBe(true);
    expect(isValidFiscalCode(' RSSMRA 80A01 H501U ')).toBe(true);
    expect(isValidFiscalCode('VRDGPP85T41F205T')).toBe(true); // a woman: day + 40
  });

  it('rejects a wrong check character', () => {
    expect(fiscalCodeProblem('RSSMRA80A01H501X')).toMatch(/carattere di controllo/);
  });

  it('rejects a wrong length or shape', () => {
    expect(fiscalCodeProblem('RSSMRA80A01H501')).toMatch(/16 caratteri/);
    expect(fiscalCodeProblem('RSSMRA80Z01H501U')).toMatch(/forma/); // Z is no month
    expect(fiscalCodeProblem('12345678901')).toMatch(/16 caratteri/);
  });

  it('rejects an impossible day of birth', () => {
    const first15 = 'RSSMRA80A35H501';
    expect(fiscalCodeProblem(first15 + fiscalCodeCheckChar(first15))).toMatch(/giorno/);
  });

  describe('omocodia', () => {
    it('accepts codes whose digits were replaced by letters, with their own check character', () => {
      // The last digit 1 → M, then also 0 → L: check characters computed on the letters.
      expect(isValidFiscalCode('RSSMRA80A01H50MM')).toBe(true);
      expect(isValidFiscalCode('RSSMRA80A01H5LMX')).toBe(true);
      // Every digit position replaced.
      const first15 = 'RSSMRAULALMHRLM';
      expect(isValidFiscalCode(first15 + fiscalCodeCheckChar(first15))).toBe(true);
    });

    it('rejects an omocode with the original code’s check character', () => {
      expect(isValidFiscalCode('RSSMRA80A01H50MU')).toBe(false);
    });

    it('decodes the omocode letters back to digits', () => {
      expect(decodeOmocode('RSSMRAULALMHRLMX')).toBe('RSSMRA80A01H501X');
    });

    it('does not accept omocode letters outside the digit positions or other letters there', () => {
      const first15 = 'RSSMRA8AA01H501';
      expect(fiscalCodeProblem(first15 + fiscalCodeCheckChar(first15))).toMatch(/forma/);
    });
  });
});
