import type { OfficeDayAppointmentsQuery } from '../../gql/graphql';

export type Booking = OfficeDayAppointmentsQuery['appointments']['nodes'][number];
export type Office = { code: string; name: string; virtualCounter: boolean };
