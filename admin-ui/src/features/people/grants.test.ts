import { describe, expect, it } from 'vitest';
import { demoUnits } from '../../test/units';
import { grantOptions, mayGrant, mayGrantOn } from './grants';

const codes = (units: { code: string }[]) => units.map((unit) => unit.code);

describe('mayGrant', () => {
  it('lets an admin grant every staff role, not PROFESSIONAL', () => {
    expect(mayGrant('ADMIN', 'ADMIN')).toBe(true);
    expect(mayGrant('ADMIN', 'REGIONAL_DIRECTOR')).toBe(true);
    expect(mayGrant('ADMIN', 'PROFESSIONAL')).toBe(false);
  });

  it('lets a regional director grant only the roles below his own, not who audits him', () => {
    expect(mayGrant('REGIONAL_DIRECTOR', 'OPERATOR')).toBe(true);
    expect(mayGrant('REGIONAL_DIRECTOR', 'AUDITOR')).toBe(false);
    expect(mayGrant('ADMIN', 'AUDITOR')).toBe(true);
    expect(mayGrant('REGIONAL_DIRECTOR', 'REGIONAL_DIRECTOR')).toBe(false);
    expect(mayGrant('REGIONAL_DIRECTOR', 'ADMIN')).toBe(false);
  });

  it('lets nobody else grant anything', () => {
    expect(mayGrant('PROVINCIAL_DIRECTOR', 'OPERATOR')).toBe(false);
    expect(mayGrant('AUDITOR', 'AUDITOR')).toBe(false);
  });
});

describe('grantOptions', () => {
  const drSardegna = [{ role: 'REGIONAL_DIRECTOR' as const, unitCode: 'DR-SAR' }];

  it('offers a regional director the roles below his own, on units of his region of a fitting kind', () => {
    const options = grantOptions(drSardegna, demoUnits('/IT/SAR/'));
    expect(options.map((o) => o.role)).toEqual([
      'PROVINCIAL_DIRECTOR',
      'OFFICE_DIRECTOR',
      'ROOM_COORDINATOR',
      'OPERATOR',
      'CRIC_EXPERT',
    ]);
    const unitsOf = (role: string) => codes(options.find((o) => o.role === role)?.units ?? []);
    expect(unitsOf('OPERATOR')).toEqual(['UT-CA1', 'UT-CA2']);
    expect(unitsOf('PROVINCIAL_DIRECTOR')).toEqual(['DP-CA']);
    expect(unitsOf('CRIC_EXPERT')).toEqual(['CRIC-SAR']);
  });

  it('offers an admin every staff role, each on the kinds of unit it fits', () => {
    const options = grantOptions([{ role: 'ADMIN', unitCode: 'ROOT' }], demoUnits());
    expect(options.map((o) => o.role)).toEqual([
      'ADMIN',
      'REGIONAL_DIRECTOR',
      'PROVINCIAL_DIRECTOR',
      'OFFICE_DIRECTOR',
      'ROOM_COORDINATOR',
      'OPERATOR',
      'CCM_OPERATOR',
      'CRIC_EXPERT',
      'AUDITOR',
    ]);
    const unitsOf = (role: string) => codes(options.find((o) => o.role === role)?.units ?? []);
    expect(unitsOf('ADMIN')).toEqual(['ROOT']);
    expect(unitsOf('REGIONAL_DIRECTOR')).toEqual(['DR-LAZ', 'DR-SAR']);
    expect(unitsOf('CCM_OPERATOR')).toEqual(['CCM']);
    expect(unitsOf('CRIC_EXPERT')).toEqual(['DC', 'CRIC-LAZ', 'CRIC-SAR']);
    expect(unitsOf('AUDITOR')).toContain('DR-SAR');
  });

  it('does not count units seen through a role that cannot manage people', () => {
    // A regional director of Sardegna who is also an auditor of DR Lazio sees Lazio, but manages only Sardegna.
    const assignments = [...drSardegna, { role: 'AUDITOR' as const, unitCode: 'DR-LAZ' }];
    const units = [...demoUnits('/IT/SAR/'), ...demoUnits('/IT/LAZ/')];
    const operator = grantOptions(assignments, units).find((o) => o.role === 'OPERATOR');
    expect(codes(operator?.units ?? [])).toEqual(['UT-CA1', 'UT-CA2']);
  });

  it('offers nothing to someone who manages nobody', () => {
    expect(grantOptions([{ role: 'OPERATOR', unitCode: 'UT-CA1' }], demoUnits('/IT/SAR/'))).toEqual([]);
  });
});

describe('mayGrantOn', () => {
  it('allows a role only on a fitting unit under a managing assignment', () => {
    const units = demoUnits('/IT/SAR/');
    const dr = [{ role: 'REGIONAL_DIRECTOR' as const, unitCode: 'DR-SAR' }];
    const ut = units.find((u) => u.code === 'UT-CA1')!;
    const rm = demoUnits().find((u) => u.code === 'UT-RM1')!;
    expect(mayGrantOn(dr, units, 'OPERATOR', ut)).toBe(true);
    expect(mayGrantOn(dr, units, 'PROVINCIAL_DIRECTOR', ut)).toBe(false);
    expect(mayGrantOn(dr, units, 'OPERATOR', rm)).toBe(false);
    expect(mayGrantOn(dr, units, 'REGIONAL_DIRECTOR', units[0])).toBe(false);
  });
});
