import { graphql } from '../../gql';

// myWorklist costs 300× its selection on the server (at most 5,000): each part
// of the worklist is its own small query, and details are read per booking.

export const WorklistPrecallsQuery = graphql(`
  query WorklistPrecalls($date: NaiveDate) {
    myWorklist(date: $date) {
      date
      precalls {
        id
        cupNumber
        date
        time
        citizenName
        phone
        version
        hasEmail
        service { name }
        precall { coverage }
        office { size }
      }
    }
  }
`);

export const WorklistCounterSessionsQuery = graphql(`
  query WorklistCounterSessions($date: NaiveDate) {
    myWorklist(date: $date) {
      counterSessions {
        id
        cupNumber
        time
        citizenName
        status
        version
        service { name }
        precall { note }
        counter { channel startedAt outcome }
      }
    }
  }
`);

export const PrecallRecordMutation = graphql(`
  mutation PrecallRecord($appointmentId: ID!, $input: PrecallOutcomeInput!, $version: Int) {
    recordPrecallOutcome(appointmentId: $appointmentId, input: $input, version: $version) {
      id
      version
      status
      precall { status outcome reason result note }
    }
  }
`);

export const CounterStartMutation = graphql(`
  mutation CounterStart($id: ID!, $version: Int) {
    startCounterSession(id: $id, version: $version) {
      id
      version
      status
      counter { startedAt }
    }
  }
`);

export const CounterRecordMutation = graphql(`
  mutation CounterRecord(
    $id: ID!
    $outcome: CounterOutcome!
    $protocolNumber: String
    $version: Int
    $confirmOverFifteenMinutes: Boolean
  ) {
    recordCounterOutcome(
      id: $id
      outcome: $outcome
      protocolNumber: $protocolNumber
      version: $version
      confirmOverFifteenMinutes: $confirmOverFifteenMinutes
    ) {
      id
      version
      status
      counter { outcome protocolNumber startedAt endedAt durationMinutes overTimeLimit }
    }
  }
`);

export const AppointmentNextMutation = graphql(`
  mutation AppointmentNext {
    nextAppointment {
      id
      cupNumber
      date
      time
      citizenName
      status
      service { name }
      counter { channel }
    }
  }
`);

export const PrecontactShowQuery = graphql(`
  query PrecontactShow($appointmentId: ID!) {
    precontactEmail(appointmentId: $appointmentId) { from to cc subject body }
    appointment(id: $appointmentId) {
      id
      version
      precontact { sentAt reply repliedAt sentBy { username displayName } }
    }
  }
`);

export const PrecontactSendMutation = graphql(`
  mutation PrecontactSend($appointmentId: ID!, $version: Int) {
    sendPrecontactEmail(appointmentId: $appointmentId, version: $version) {
      id
      version
      precontact { sentAt reply repliedAt sentBy { username displayName } }
    }
  }
`);

export const PrecontactReplyMutation = graphql(`
  mutation PrecontactReply($appointmentId: ID!, $reply: String!, $version: Int) {
    recordCitizenReply(appointmentId: $appointmentId, reply: $reply, version: $version) {
      id
      version
      precontact { sentAt reply repliedAt sentBy { username displayName } }
    }
  }
`);

export const OfficeDayAppointmentsQuery = graphql(`
  query OfficeDayAppointments($filter: AppointmentFilter, $orderBy: AppointmentOrder, $first: Int, $after: String) {
    appointments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
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
      outsideOpeningHours { row cupNumber startsAt reason }
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

export const FreeSlotsQuery = graphql(`
  query FreeSlots($officeCode: String!, $serviceCode: String!, $from: NaiveDate!, $to: NaiveDate!) {
    freeSlots(officeCode: $officeCode, serviceCode: $serviceCode, from: $from, to: $to) {
      startsAt
      date
      time
    }
  }
`);

export const AppointmentBookMutation = graphql(`
  mutation AppointmentBook($input: BookAppointmentInput!) {
    bookAppointment(input: $input) {
      id
      cupNumber
      date
      time
      office {
        id
        name
      }
      service {
        id
        name
      }
    }
  }
`);
