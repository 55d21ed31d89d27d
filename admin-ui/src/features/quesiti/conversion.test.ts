import { describe, expect, it } from 'vitest';
import { addDays, validateConversion, type ConversionValues } from './conversion';

const valid: ConversionValues = {
  reason: 'Ricostruire il fascicolo cartaceo',
  officeCode: 'UT-CA1',
  serviceCode: 'RIMB',
  date: '2026-11-30',
  time: '10:30',
  citizenName: 'Porcu Elena',
  cupNumber: '',
  channel: 'IN_PERSON',
};

describe('validateConversion', () => {
  it('accepts a complete booking within the CUP window', () => {
    expect(validateConversion(valid, '2026-11-22')).toEqual({});
  });

  it('names every missing field', () => {
    const errors = validateConversion(
      { ...valid, reason: 'no', officeCode: '', serviceCode: '', date: '', time: '', citizenName: ' ' },
      '2026-11-22',
    );
    expect(Object.keys(errors).sort()).toEqual(['citizenName', 'date', 'officeCode', 'reason', 'serviceCode', 'time']);
  });

  it('keeps the day between today and 24 days ahead', () => {
    expect(validateConversion({ ...valid, date: '2026-11-21' }, '2026-11-22').date).toMatch(/tra oggi/);
    expect(validateConversion({ ...valid, date: '2026-12-16' }, '2026-11-22').date).toBeUndefined();
    expect(validateConversion({ ...valid, date: '2026-12-17' }, '2026-11-22').date).toMatch(/24 giorni/);
  });
});

describe('addDays', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-12-28', 5)).toBe('2027-01-02');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });
});
