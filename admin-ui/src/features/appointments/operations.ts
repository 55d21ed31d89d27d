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

export const WorklistCallbacksQuery = graphql(`
  query WorklistCallbacks {
    myWorklist {
      callbacks {
        id
        phone
        topic
        status
        attempts
        version
        availableFrom
        outcome
        note
        unit { name }
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
  mutation CounterRecord($id: ID!, $outcome: CounterOutcome!, $protocolNumber: String, $version: Int) {
    recordCounterOutcome(id: $id, outcome: $outcome, protocolNumber: $protocolNumber, version: $version) {
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

export const CallbackAttemptMutation = graphql(`
  mutation CallbackAttempt($id: ID!, $outcome: CallbackOutcome!, $note: String, $version: Int) {
    recordCallbackAttempt(id: $id, outcome: $outcome, note: $note, version: $version) {
      id
      version
      status
      attempts
      outcome
      note
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

export const PrecontactSentMutation = graphql(`
  mutation PrecontactSent($appointmentId: ID!, $version: Int) {
    markPrecontactSent(appointmentId: $appointmentId, version: $version) {
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

// At the counter: may this collaborator act for this client on this service? Audited on every call.
export const CollaboratorCheckQuery = graphql(`
  query CollaboratorCheck($collaboratorFiscalCode: String!, $clientFiscalCode: String!, $service: DelegableService!, $on: NaiveDate) {
    collaboratorCheck(collaboratorFiscalCode: $collaboratorFiscalCode, clientFiscalCode: $clientFiscalCode, service: $service, on: $on) {
      authorized
      reason
      message
      on
      procura {
        id
        status
        services
        validFrom
        validTo
        collaboratorsAuthorized
        professional { id name fiscalCode }
      }
    }
  }
`);
