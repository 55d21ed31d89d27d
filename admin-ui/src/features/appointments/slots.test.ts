import { describe, expect, it } from 'vitest';
import { groupSlotsByDay, italianDay } from './slots';

describe('free slots', () => {
  it('are grouped by day, in order', () => {
    const days = groupSlotsByDay([
      { date: '2026-12-24', time: '08:45:00' },
      { date: '2026-12-24', time: '09:00:00' },
      { date: '2026-12-28', time: '08:45:00' },
    ]);
    expect(days).toEqual([
      { date: '2026-12-24', times: ['08:45:00', '09:00:00'] },
      { date: '2026-12-28', times: ['08:45:00'] },
    ]);
  });

  it('name their day in Italian', () => {
    expect(italianDay('2026-12-28')).toBe('lunedì 28/12/2026');
    expect(italianDay('2026-12-24')).toBe('giovedì 24/12/2026');
  });
});
