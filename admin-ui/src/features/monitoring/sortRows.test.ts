import { describe, expect, it } from 'vitest';
import { sortRows } from './sortRows';

const rows = [
  { name: 'Bruno', n: 3, m: null },
  { name: 'anna', n: 5, m: 2 },
  { name: 'Carla', n: 3, m: 1 },
] as const;
type Row = (typeof rows)[number];
const value = (row: Row, field: 'name' | 'n' | 'm') => row[field];

describe('sortRows', () => {
  it('sorts names by Italian collation, ignoring case', () => {
    expect(sortRows(rows, { field: 'name', direction: 'ASC' }, value).map((r) => r.name)).toEqual([
      'anna',
      'Bruno',
      'Carla',
    ]);
  });

  it('sorts numbers by size, keeping the order of equal ones', () => {
    expect(sortRows(rows, { field: 'n', direction: 'DESC' }, value).map((r) => r.name)).toEqual([
      'anna',
      'Bruno',
      'Carla',
    ]);
  });

  it('puts rows without a figure last in both directions', () => {
    expect(sortRows(rows, { field: 'm', direction: 'ASC' }, value).map((r) => r.name)).toEqual([
      'Carla',
      'anna',
      'Bruno',
    ]);
    expect(sortRows(rows, { field: 'm', direction: 'DESC' }, value).map((r) => r.name)).toEqual([
      'anna',
      'Carla',
      'Bruno',
    ]);
  });
});
