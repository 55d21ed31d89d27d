import type {
  UnitKind,
  AppointmentChannel,
  CounterOutcome,
  MonitoringFiguresFragment,
  MonitoringStatsQuery,
} from '../../gql/graphql';
import { formatCount, formatDay } from './format';
import {
  CHANNEL_ORDER,
  COUNTER_OUTCOME_ORDER,
  COUNTER_SHARE_LABELS,
  DAILY_SERIES,
  PRECALL_SHARE_LABELS,
  type DailySeriesKey,
} from './labels';

export type Figures = MonitoringFiguresFragment;
export type AppointmentFigures = Figures['appointments'];
export type DayFigures = MonitoringStatsQuery['stats']['daily'][number];

/** `part / whole`, or null when there is nothing to divide by (as the API's shares). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export interface ShareRow {
  key: string;
  label: string;
  count: number;
  share: number | null;
}

function rowsOf(entries: [key: string, label: string, count: number][]): ShareRow[] {
  const whole = entries.reduce((sum, [, , count]) => sum + count, 0);
  return entries.map(([key, label, count]) => ({ key, label, count, share: share(count, whole) }));
}

/**
 * Precall outcomes as shares of the precalls with an outcome: not contactable,
 * negative, and the positive ones by their result. A positive precall without
 * a result (none expected) gets its own row, so the shares always add up.
 */
export function precallOutcomeShares(a: AppointmentFigures): ShareRow[] {
  const results = [
    ['SERVED_REMOTELY', a.servedRemotely],
    ['REDIRECTED_EMAIL_PEC', a.redirectedEmailPec],
    ['CONFIRMED_VIRTUAL', a.confirmedVirtual],
    ['CONFIRMED_IN_PERSON', a.confirmedInPerson],
    ['CANCELLED_BY_CITIZEN', a.cancelledByCitizen],
  ] as const;
  const withResult = results.reduce((sum, [, count]) => sum + count, 0);
  const entries: [string, string, number][] = [
    ['NOT_CONTACTABLE', PRECALL_SHARE_LABELS.NOT_CONTACTABLE, a.notContactable],
    ['NEGATIVE', PRECALL_SHARE_LABELS.NEGATIVE, a.negative],
    ...results.map(([key, count]): [string, string, number] => [key, PRECALL_SHARE_LABELS[key], count]),
  ];
  if (a.positive > withResult)
    entries.push(['POSITIVE_OTHER', PRECALL_SHARE_LABELS.POSITIVE_OTHER, a.positive - withResult]);
  return rowsOf(entries);
}

export interface CounterShareRow extends ShareRow {
  byChannel: Record<AppointmentChannel, number>;
}

/** Counter sessions by outcome (both channels together) as shares of the sessions, with the split per channel. */
export function counterOutcomeShares(a: AppointmentFigures): CounterShareRow[] {
  const cell = (channel: AppointmentChannel, outcome: CounterOutcome) =>
    a.counterSessions
      .filter((c) => c.channel === channel && c.outcome === outcome)
      .reduce((sum, c) => sum + c.count, 0);
  const rows = COUNTER_OUTCOME_ORDER.map((outcome) => {
    const byChannel = Object.fromEntries(CHANNEL_ORDER.map((channel) => [channel, cell(channel, outcome)])) as Record<
      AppointmentChannel,
      number
    >;
    return { outcome, byChannel, count: CHANNEL_ORDER.reduce((sum, channel) => sum + byChannel[channel], 0) };
  });
  const whole = rows.reduce((sum, row) => sum + row.count, 0);
  return rows.map(({ outcome, byChannel, count }) => ({
    key: outcome,
    label: COUNTER_SHARE_LABELS[outcome],
    count,
    share: share(count, whole),
    byChannel,
  }));
}

/** Counter sessions of one channel, all outcomes. */
export function sessionsByChannel(a: AppointmentFigures, channel: AppointmentChannel): number {
  return a.counterSessions.filter((c) => c.channel === channel).reduce((sum, c) => sum + c.count, 0);
}

export type DailyPoint = { date: string } & Record<DailySeriesKey, number>;

/** One point per day for the chart: the day's bookings, sessions, callbacks and quesiti (all sections). */
export function dailySeries(daily: readonly DayFigures[]): DailyPoint[] {
  return daily.map(({ date, figures }) => ({
    date,
    bookings: figures.appointments.bookings,
    notReachingCounter: figures.appointments.notReachingCounter,
    sessions: figures.appointments.sessions,
    callbacks: figures.callbacks.requested,
    quesiti: figures.quesiti.reduce((sum, q) => sum + q.received, 0),
  }));
}

/** Totals of a quesiti figure over the three sections. */
export function quesitiTotal(
  figures: Figures,
  key: 'received' | 'answered' | 'backlog' | 'forwarded' | 'slaBreaches',
): number {
  return figures.quesiti.reduce((sum, q) => sum + q[key], 0);
}

/** True when nothing at all happened in the unit in the period. */
export function isEmptyPeriod(figures: Figures): boolean {
  return (
    figures.appointments.bookings === 0 &&
    figures.appointments.sessions === 0 &&
    figures.callbacks.requested === 0 &&
    quesitiTotal(figures, 'received') === 0
  );
}

/**
 * The daily chart in words, for its caption: each series' total and its
 * busiest day. "Prenotazioni: 12 in totale, al massimo 4 il 05/11/2026."
 */
export function dailySummary(points: readonly DailyPoint[]): string[] {
  return DAILY_SERIES.map(({ key, label }) => {
    const total = points.reduce((sum, point) => sum + point[key], 0);
    if (total === 0) return `${label}: 0 nel periodo.`;
    const peak = points.reduce((best, point) => (point[key] > best[key] ? point : best), points[0]);
    return `${label}: ${formatCount(total)} in totale, al massimo ${formatCount(peak[key])} il ${formatDay(peak.date)}.`;
  });
}

/** Units with a CRIC at or below them (or the CCM that files to it): the others have no quesiti. */
const KINDS_WITH_QUESITI: ReadonlySet<UnitKind> = new Set<UnitKind>([
  'NATIONAL',
  'REGIONAL_DIRECTORATE',
  'CRIC',
  'CENTRAL_DIRECTORATE',
  'CONTACT_CENTER',
]);

/**
 * Whether the CRIC table belongs on this unit's page: an office or a provincial directorate has no
 * CRIC, and a table of zeros there only misleads (shown anyway if a figure is not zero).
 */
export function showsQuesiti(kind: UnitKind, figures: Figures): boolean {
  return KINDS_WITH_QUESITI.has(kind) || quesitiTotal(figures, 'received') + quesitiTotal(figures, 'backlog') > 0;
}
