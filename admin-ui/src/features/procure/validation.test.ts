import { describe, expect, it } from 'vitest';
import {
  addDays,
  apiKeyNameProblem,
  endDateProblem,
  hasErrors,
  isIsoDate,
  validateCheck,
  validateCollaborator,
  validateDeclare,
  webhookUrlProblem,
  type DeclareValues,
} from './validation';

const valid: DeclareValues = {
  clientFiscalCode: 'VRDLGU75M15F205B',
  services: ['REFUND_DOCUMENTATION'],
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  collaboratorsAuthorized: true,
  privacyNoticeGiven: true,
};

describe('dates', () => {
  it('knows a real day', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('29/02/2024')).toBe(false);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('validateDeclare', () => {
  it('accepts a complete procura', () => {
    expect(validateDeclare(valid)).toEqual({});
    expect(validateDeclare({ ...valid, validTo: valid.validFrom })).toEqual({});
    expect(validateDeclare({ ...valid, clientFiscalCode: '02987654320' })).toEqual({});
  });

  it('asks for at least one service, the privacy declaration and a valid client', () => {
    const errors = validateDeclare({
      ...valid,
      services: [],
      privacyNoticeGiven: false,
      clientFiscalCode: 'VRDLGU75M15F205A',
    });
    expect(errors.services).toMatch(/almeno uno/);
    expect(errors.privacyNoticeGiven).toMatch(/trattamento dei dati personali/);
    expect(errors.clientFiscalCode).toMatch(/carattere di controllo/);
    expect(hasErrors(errors)).toBe(true);
  });

  it('wants the end not before the start', () => {
    expect(validateDeclare({ ...valid, validTo: '2025-12-31' }).validTo).toMatch(/non può precedere/);
    expect(validateDeclare({ ...valid, validFrom: '', validTo: '' })).toMatchObject({
      validFrom: expect.stringMatching(/inizio/),
      validTo: expect.stringMatching(/fine/),
    });
  });

  it('does not care whether collaborators are authorised', () => {
    expect(validateDeclare({ ...valid, collaboratorsAuthorized: false })).toEqual({});
  });
});

describe('collaborators', () => {
  it('takes an open-ended period and refuses an end before the start', () => {
    expect(validateCollaborator({ fiscalCode: 'BNCLRA92S55B354I', from: '2026-01-01', to: '' })).toEqual({});
    expect(validateCollaborator({ fiscalCode: 'BNCLRA92S55B354I', from: '2026-01-01', to: '2025-01-01' }).to).toMatch(
      /precedere/,
    );
    expect(validateCollaborator({ fiscalCode: '02987654320', from: '', to: '' })).toMatchObject({
      fiscalCode: expect.any(String),
      from: expect.any(String),
    });
  });

  it('ends a period within its dates only', () => {
    const period = { from: '2026-01-10', to: '2026-06-30' };
    expect(endDateProblem('2026-01-10', period)).toBeNull();
    expect(endDateProblem('2026-06-30', period)).toBeNull();
    expect(endDateProblem('2026-01-09', period)).toMatch(/precedere/);
    expect(endDateProblem('2026-07-01', period)).toMatch(/termina già/);
    expect(endDateProblem('2030-01-01', { from: '2026-01-10', to: null })).toBeNull();
    expect(endDateProblem('', period)).toMatch(/ultimo giorno/);
  });
});

describe('API keys and webhooks', () => {
  it('names a key with 1 to 100 characters', () => {
    expect(apiKeyNameProblem('Gestionale studio')).toBeNull();
    expect(apiKeyNameProblem('   ')).toMatch(/Dai un nome/);
    expect(apiKeyNameProblem('x'.repeat(101))).toMatch(/100 caratteri/);
  });

  it('wants an absolute http(s) URL without credentials', () => {
    expect(webhookUrlProblem('https://gestionale.example.com/hooks/accoglienza')).toBeNull();
    expect(webhookUrlProblem('gestionale.example.com')).toMatch(/URL non valido/);
    expect(webhookUrlProblem('ftp://example.com')).toMatch(/https/);
    expect(webhookUrlProblem('http://gestionale.example.com/hooks')).toMatch(/deve usare https/);
    expect(webhookUrlProblem('http://127.0.0.1:9000/hooks')).toBeNull();
    expect(webhookUrlProblem('https://user:pw@example.com')).toMatch(/credenziali/);
    expect(webhookUrlProblem('')).toMatch(/Scrivi/);
  });
});

describe('validateCheck', () => {
  it('wants two valid codes and a service; the day is optional', () => {
    expect(
      validateCheck({
        collaboratorFiscalCode: 'BNCLRA92S55B354I',
        clientFiscalCode: '02987654320',
        service: 'STATUS_INFORMATION',
        on: '',
      }),
    ).toEqual({});
    const errors = validateCheck({
      collaboratorFiscalCode: '02987654320',
      clientFiscalCode: 'XX',
      service: '',
      on: '2026-13-01',
    });
    expect(Object.keys(errors).sort()).toEqual(['clientFiscalCode', 'collaboratorFiscalCode', 'on', 'service']);
  });
});
