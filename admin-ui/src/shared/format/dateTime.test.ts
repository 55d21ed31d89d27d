import { describe, expect, it } from 'vitest';
import { formatDate } from './calendar';
import { formatDateTime, formatInstantDate } from './dateTime';

describe('dates and times', () => {
  it('are written gg/mm/aaaa and hh:mm in Europe/Rome, the same for instants and calendar days', () => {
    expect(formatDateTime('2026-12-01T08:05:09Z')).toBe('01/12/2026, 09:05');
    expect(formatInstantDate('2026-12-04T23:30:00Z')).toBe('05/12/2026');
    expect(formatDate('2026-12-04')).toBe('04/12/2026');
  });

  it('say "—" for nothing and keep an unreadable text as it is', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('domani')).toBe('domani');
  });
});
