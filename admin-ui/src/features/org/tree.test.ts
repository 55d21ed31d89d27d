import { describe, expect, it } from 'vitest';
import { branchCodes, buildTree, type UnitLike } from './tree';

const unit = (code: string, name: string, kind: UnitLike['kind'], parent?: string): UnitLike => ({
  code,
  name,
  kind,
  parent: parent ? { code: parent } : null,
});

describe('buildTree', () => {
  it('hangs each unit under its parent and sorts by kind, then by name', () => {
    const roots = buildTree([
      unit('DP-SS', 'DP Sassari', 'PROVINCIAL_DIRECTORATE', 'DR-SAR'),
      unit('DP-CA', 'DP Cagliari', 'PROVINCIAL_DIRECTORATE', 'DR-SAR'),
      unit('CRIC-SAR', 'CRIC Sardegna', 'CRIC', 'DR-SAR'),
      unit('DR-SAR', 'DR Sardegna', 'REGIONAL_DIRECTORATE', 'ROOT'),
      unit('UT-CA1', 'UT Cagliari 1', 'TERRITORIAL_OFFICE', 'DP-CA'),
    ]);
    expect(roots.map((r) => r.unit.code)).toEqual(['DR-SAR']);
    expect(roots[0].children.map((c) => c.unit.code)).toEqual(['CRIC-SAR', 'DP-CA', 'DP-SS']);
    expect(roots[0].children[1].children.map((c) => c.unit.code)).toEqual(['UT-CA1']);
  });

  it('makes a root of every unit whose parent is outside the list', () => {
    const roots = buildTree([unit('UT-CA1', 'UT Cagliari 1', 'TERRITORIAL_OFFICE', 'DP-CA')]);
    expect(roots.map((r) => r.unit.code)).toEqual(['UT-CA1']);
  });

  it('sorts names the Italian way, numbers by value', () => {
    const roots = buildTree([
      unit('UT-RM10', 'UT Roma 10', 'TERRITORIAL_OFFICE'),
      unit('UT-RM2', 'UT Roma 2', 'TERRITORIAL_OFFICE'),
    ]);
    expect(roots.map((r) => r.unit.name)).toEqual(['UT Roma 2', 'UT Roma 10']);
  });

  it('lists the branches for "Espandi tutto"', () => {
    const roots = buildTree([
      unit('DR-SAR', 'DR Sardegna', 'REGIONAL_DIRECTORATE'),
      unit('DP-CA', 'DP Cagliari', 'PROVINCIAL_DIRECTORATE', 'DR-SAR'),
      unit('UT-CA1', 'UT Cagliari 1', 'TERRITORIAL_OFFICE', 'DP-CA'),
    ]);
    expect(branchCodes(roots)).toEqual(['DR-SAR', 'DP-CA']);
  });
});
