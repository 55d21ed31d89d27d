import { describe, expect, it } from 'vitest';
import type { RoleAssignment } from '../auth';
import type { Role } from '../../gql/graphql';
import { demoUnits } from '../../test/units';
import { ancestry, statsUnitChoices, topStatsUnitCode } from './scope';

const held = (role: Role, unitCode: string): RoleAssignment => ({ role, unitCode, unitName: unitCode, section: null });

describe('topStatsUnitCode', () => {
  it("opens on the unit of the person's highest director role", () => {
    expect(topStatsUnitCode([held('OFFICE_DIRECTOR', 'UT-CA1'), held('REGIONAL_DIRECTOR', 'DR-SAR')])).toBe('DR-SAR');
    expect(topStatsUnitCode([held('AUDITOR', 'ROOT'), held('PROVINCIAL_DIRECTOR', 'DP-CA')])).toBe('DP-CA');
    expect(topStatsUnitCode([held('OPERATOR', 'UT-CA1')])).toBe('');
  });
});

describe('statsUnitChoices', () => {
  it('offers the units under the director roles only, indented below the top unit', () => {
    const choices = statsUnitChoices(demoUnits(), [held('REGIONAL_DIRECTOR', 'DR-SAR'), held('AUDITOR', 'DR-LAZ')]);
    expect(choices.map((unit) => unit.code)).toEqual(['DR-SAR', 'DP-CA', 'UT-CA1', 'UT-CA2', 'CRIC-SAR']);
    expect(choices.map((unit) => unit.depth)).toEqual([0, 1, 2, 2, 1]);
  });

  it('gives the breadcrumb from the top unit down', () => {
    const choices = statsUnitChoices(demoUnits(), [held('REGIONAL_DIRECTOR', 'DR-SAR')]);
    expect(ancestry(choices, 'UT-CA2').map((unit) => unit.code)).toEqual(['DR-SAR', 'DP-CA', 'UT-CA2']);
    expect(ancestry(choices, 'DR-LAZ')).toEqual([]);
  });
});
