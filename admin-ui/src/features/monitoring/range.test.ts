import { describe, expect, it } from 'vitest';
import { addDays, daysInRange, defaultRange, isIsoDate, validateRange } from './range';

describe('dates', () => {
  it('does calendar arithmetic across months, years and leap days', () => {
    expect(addDays('2026-11-22', -30)).toBe('2026-10-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    // The daylight-saving change in Rome does not shift anything.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  it('tells real dates from look-alikes', () => {
    expect(isIsoDate('2026-11-22')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('22/11/2026')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('counts both ends of a period', () => {
    expect(daysInRange({ from: '2026-11-22', to: '2026-11-22' })).toBe(1);
    expect(daysInRange({ from: '2026-10-23', to: '2026-11-22' })).toBe(31);
    expect(daysInRange({ from: '2026-11-23', to: '2026-11-22' })).toBe(0);
  });

  it('defaults to the 30 days before today, today included', () => {
    expect(defaultRange('2026-11-22')).toEqual({ from: '2026-10-23', to: '2026-11-22' });
  });
});

describe('validateRange', () => {
  it('accepts a period of one day and one of 366 days', () => {
    expect(validateRange({ from: '2026-11-22', to: '2026-11-22' })).toEqual({});
    expect(validateRange({ from: '2024-01-01', to: '2024-12-31' })).toEqual({});
  });

  it('refuses an end before the start', () => {
    expect(validateRange({ from: '2026-11-22', to: '2026-11-21' })).toEqual({
      to: 'La data di fine non può precedere la data di inizio.',
    });
  });

  it('refuses more than 366 days', () => {
    expect(validateRange({ from: '2025-01-01', to: '2026-01-02' }).to).toBe(
      'Il periodo non può superare 366 giorni (ora sono 367).',
    );
  });

  it('asks for missing or invalid dates field by field', () => {
    expect(validateRange({ from: '', to: '2026-02-30' })).toEqual({
      from: 'Indica la data di inizio del periodo.',
      to: 'La data di fine non è una data valida.',
    });
  });
});
