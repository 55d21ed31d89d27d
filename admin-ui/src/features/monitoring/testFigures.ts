import type { AppointmentChannel, CounterOutcome, Section } from '../../gql/graphql';
import type { AppointmentFigures, Figures } from './shape';

const CHANNELS: AppointmentChannel[] = ['IN_PERSON', 'VIRTUAL'];
const OUTCOMES: CounterOutcome[] = ['COMPLETED', 'TRANSFERRED_TO_BACK_OFFICE', 'NO_SHOW', 'NOT_DELIVERABLE'];
const SECTIONS: Section[] = ['PENSIONI', 'SOSTEGNO_REDDITO', 'SOGGETTO_CONTRIBUENTE'];

/** Test data: the figures of a unit as the API returns them, zeros unless given. */
export function figures(
  appointments: Partial<AppointmentFigures> = {},
  extra: Partial<Omit<Figures, 'appointments'>> = {},
): Figures {
  return {
    appointments: {
      bookings: 0,
      cancelled: 0,
      toPrecall: 0,
      precalled: 0,
      precalledInTime: 0,
      precallCoverage: null,
      notContactable: 0,
      negative: 0,
      positive: 0,
      servedRemotely: 0,
      redirectedEmailPec: 0,
      confirmedVirtual: 0,
      confirmedInPerson: 0,
      cancelledByCitizen: 0,
      servedWithoutCounter: 0,
      servedWithoutCounterShare: null,
      notReachingCounter: 0,
      notReachingCounterShare: null,
      sessions: 0,
      counterSessions: CHANNELS.flatMap((channel) => OUTCOMES.map((outcome) => ({ channel, outcome, count: 0 }))),
      sessionsOver15Minutes: 0,
      completedOver15Minutes: 0,
      transfersToBackOffice: 0,
      noShows: 0,
      ...appointments,
    },
    callbacks: {
      requested: 0,
      waiting: 0,
      served: 0,
      resolved: 0,
      routedInternally: 0,
      noAnswer: 0,
      ...extra.callbacks,
    },
    quesiti:
      extra.quesiti ??
      SECTIONS.map((section) => ({
        section,
        received: 0,
        answered: 0,
        backlog: 0,
        forwarded: 0,
        slaBreaches: 0,
        medianAnswerHours: null,
      })),
    followUps: {
      opened: 0,
      closed: 0,
      done: 0,
      cancelled: 0,
      stillOpen: 0,
      overdue: 0,
      medianClosingHours: null,
      ...extra.followUps,
    },
  };
}
