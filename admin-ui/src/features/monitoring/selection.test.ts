import { describe, expect, it } from 'vitest';
import { csvFileName, monitoringHref, selectionFrom } from './selection';

describe('selection in the address', () => {
  it('fills what is missing with the top unit and the last 30 days', () => {
    expect(selectionFrom(new URLSearchParams(''), 'DR-SAR', '2026-11-22')).toEqual({
      unitCode: 'DR-SAR',
      from: '2026-10-23',
      to: '2026-11-22',
      complete: false,
    });
  });

  it('takes the unit and the period from unita, dal, al', () => {
    expect(
      selectionFrom(new URLSearchParams('unita=DP-CA&dal=2026-11-01&al=2026-11-10'), 'DR-SAR', '2026-11-22'),
    ).toEqual({
      unitCode: 'DP-CA',
      from: '2026-11-01',
      to: '2026-11-10',
      complete: true,
    });
  });

  it('writes the drill-down link and the file name', () => {
    const selection = { unitCode: 'DR-SAR', from: '2026-11-01', to: '2026-11-22' };
    expect(monitoringHref(selection)).toBe('/monitoraggio?unita=DR-SAR&dal=2026-11-01&al=2026-11-22');
    expect(csvFileName(selection)).toBe('monitoraggio-DR-SAR-2026-11-01-2026-11-22.csv');
    expect(csvFileName({ ...selection, unitCode: 'A/B' })).toBe('monitoraggio-A_B-2026-11-01-2026-11-22.csv');
  });
});
