import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionTimer, formatElapsed } from './SessionTimer';

afterEach(() => vi.useRealTimers());

describe('SessionTimer', () => {
  it('shows the elapsed time without a warning within 15 minutes', () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T09:10:05Z') });
    render(<SessionTimer startedAt="2026-11-22T09:00:00Z" />);
    expect(screen.getByRole('timer')).toHaveTextContent('10:05');
    expect(screen.queryByText(/Superati i 15 minuti/)).not.toBeInTheDocument();
  });

  it('warns past 15 minutes', () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T09:15:01Z') });
    render(<SessionTimer startedAt="2026-11-22T09:00:00Z" />);
    expect(screen.getByText(/Superati i 15 minuti/)).toBeInTheDocument();
  });

  it('formats minutes and seconds', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(61)).toBe('01:01');
  });
});
