import { describe, expect, it } from 'vitest';
import { formatCount, formatHours, formatShare } from './format';
import { counterOutcomeShares, dailySeries, dailySummary, isEmptyPeriod, precallOutcomeShares, share } from './shape';
import { figures } from './testFigures';

describe('shares', () => {
  it('is null when there is nothing to divide by', () => {
    expect(share(3, 4)).toBe(0.75);
    expect(share(0, 0)).toBeNull();
  });

  it('splits the precalls with an outcome by outcome and result, adding up to 1', () => {
    const rows = precallOutcomeShares(
      figures({
        notContactable: 1,
        negative: 1,
        positive: 8,
        servedRemotely: 3,
        redirectedEmailPec: 1,
        confirmedInPerson: 2,
        cancelledByCitizen: 2,
      }).appointments,
    );
    expect(rows.map((row) => [row.key, row.count, row.share])).toEqual([
      ['NOT_CONTACTABLE', 1, 0.1],
      ['NEGATIVE', 1, 0.1],
      ['SERVED_REMOTELY', 3, 0.3],
      ['REDIRECTED_EMAIL_PEC', 1, 0.1],
      ['CONFIRMED_VIRTUAL', 0, 0],
      ['CONFIRMED_IN_PERSON', 2, 0.2],
      ['CANCELLED_BY_CITIZEN', 2, 0.2],
    ]);
  });

  it('keeps positive precalls without a result in a row of their own', () => {
    const rows = precallOutcomeShares(figures({ positive: 2, servedRemotely: 1 }).appointments);
    expect(rows.at(-1)).toMatchObject({ key: 'POSITIVE_OTHER', count: 1, share: 0.5 });
  });

  it('sums counter sessions of both channels per outcome', () => {
    const a = figures().appointments;
    a.counterSessions = a.counterSessions.map((c) => ({
      ...c,
      count: c.outcome === 'COMPLETED' ? (c.channel === 'IN_PERSON' ? 5 : 1) : c.outcome === 'NO_SHOW' ? 2 : 0,
    }));
    const rows = counterOutcomeShares(a);
    expect(rows[0]).toMatchObject({ key: 'COMPLETED', count: 6, share: 0.6, byChannel: { IN_PERSON: 5, VIRTUAL: 1 } });
    expect(rows[2]).toMatchObject({ key: 'NO_SHOW', count: 4, share: 0.4 });
    expect(counterOutcomeShares(figures().appointments).every((row) => row.share === null)).toBe(true);
  });
});

describe('daily series', () => {
  const days = [
    {
      date: '2026-11-20',
      figures: figures(
        { bookings: 2, sessions: 1 },
        { callbacks: { requested: 1, waiting: 0, served: 0, resolved: 0, routedInternally: 0, noAnswer: 0 } },
      ),
    },
    { date: '2026-11-21', figures: figures({ bookings: 4 }) },
  ];

  it('has one point per day with quesiti of all sections together', () => {
    const withQuesiti = figures();
    withQuesiti.quesiti[0].received = 2;
    withQuesiti.quesiti[2].received = 1;
    expect(dailySeries([...days, { date: '2026-11-22', figures: withQuesiti }])).toEqual([
      { date: '2026-11-20', bookings: 2, notReachingCounter: 0, sessions: 1, callbacks: 1, quesiti: 0 },
      { date: '2026-11-21', bookings: 4, notReachingCounter: 0, sessions: 0, callbacks: 0, quesiti: 0 },
      { date: '2026-11-22', bookings: 0, notReachingCounter: 0, sessions: 0, callbacks: 0, quesiti: 3 },
    ]);
  });

  it('is summarised in words: total and busiest day of each series', () => {
    expect(dailySummary(dailySeries(days))).toEqual([
      'Prenotazioni: 6 in totale, al massimo 4 il 21/11/2026.',
      'Non arrivate allo sportello: 0 nel periodo.',
      'Sessioni di sportello: 1 in totale, al massimo 1 il 20/11/2026.',
      'Richiamate richieste: 1 in totale, al massimo 1 il 20/11/2026.',
      'Quesiti ricevuti: 0 nel periodo.',
    ]);
  });

  it('tells an empty period', () => {
    expect(isEmptyPeriod(figures())).toBe(true);
    expect(isEmptyPeriod(figures({ bookings: 1 }))).toBe(false);
  });
});

describe('Italian formatting', () => {
  it('formats counts, shares and hours the Italian way', () => {
    expect(formatCount(12345)).toBe('12.345');
    expect(formatShare(0.7553)).toBe('75,5%');
    expect(formatShare(null)).toBe('—');
    expect(formatHours(12.55)).toBe('12,6 ore');
    expect(formatHours(null)).toBe('—');
  });
});
