import { graphql } from '../../gql';

export const OfficeDayOfficesQuery = graphql(`
  query OfficeDayOffices($first: Int, $after: String) {
    orgUnits(kind: TERRITORIAL_OFFICE, first: $first, after: $after) {
      nodes { id code name size virtualCounter }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const OfficeDayAppointmentsQuery = graphql(`
  query OfficeDayAppointments($filter: AppointmentFilter, $first: Int, $after: String) {
    appointments(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        cupNumber
        time
        citizenName
        status
        channel
        version
        service { code name fast }
        precall { status coverage outcome result assignee { username displayName } }
        counter { channel outcome operator { username displayName } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const CupImportMutation = graphql(`
  mutation CupImport($officeCode: String!, $file: Upload!) {
    importCupBookings(officeCode: $officeCode, file: $file) {
      created
      updated
      unchanged
      cancelled
      days
      rejected { row cupNumber reason }
    }
  }
`);

export const PrecallsAssignMutation = graphql(`
  mutation PrecallsAssign($appointmentIds: [ID!]!, $username: String!) {
    assignPrecalls(appointmentIds: $appointmentIds, username: $username) {
      id
      version
      precall { status assignee { username displayName } }
    }
  }
`);

export const PrecallsAutoAssignMutation = graphql(`
  mutation PrecallsAutoAssign($officeCode: String!, $date: NaiveDate!) {
    autoAssignPrecalls(officeCode: $officeCode, date: $date) {
      assigned { id }
      withoutSkilledOperator { id cupNumber service { name } }
      perOperator { username count }
    }
  }
`);

export const CounterAssignMutation = graphql(`
  mutation CounterAssign($appointmentId: ID!, $username: String!, $channel: AppointmentChannel!, $version: Int) {
    assignCounter(appointmentId: $appointmentId, username: $username, channel: $channel, version: $version) {
      id
      version
      status
      counter { channel operator { username displayName } }
    }
  }
`);

export const AppointmentCancelMutation = graphql(`
  mutation AppointmentCancel($id: ID!, $reason: String!, $version: Int) {
    cancelAppointment(id: $id, reason: $reason, version: $version) {
      id
      version
      status
      cancelReason
    }
  }
`);

export const ServiceListQuery = graphql(`
  query ServiceList {
    services { id code name fast active }
  }
`);

export const OperatorSkillsShowQuery = graphql(`
  query OperatorSkillsShow($username: String!, $officeCode: String) {
    operatorSkills(username: $username, officeCode: $officeCode) {
      username
      officeCode
      services { id code }
    }
  }
`);

export const OperatorSkillsSetMutation = graphql(`
  mutation OperatorSkillsSet($username: String!, $serviceCodes: [String!]!, $officeCode: String) {
    setOperatorSkills(username: $username, serviceCodes: $serviceCodes, officeCode: $officeCode) {
      username
      officeCode
      services { id code }
    }
  }
`);
