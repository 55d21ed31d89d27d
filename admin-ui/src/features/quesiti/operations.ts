import { graphql } from '../../gql';

export const QuesitoRegionsQuery = graphql(`
  query QuesitoRegions {
    quesitoRegions {
      id
      code
      name
    }
  }
`);

export const QuesitoClassificationListQuery = graphql(`
  query QuesitoClassificationList($regionCode: String!, $section: Section, $first: Int, $after: String) {
    quesitoClassifications(regionCode: $regionCode, section: $section, first: $first, after: $after) {
      nodes {
        id
        section
        code
        label
        active
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const QuesitoFileMutation = graphql(`
  mutation QuesitoFile($input: FileQuesitoInput!) {
    fileQuesito(input: $input) {
      id
      status
      dueAt
    }
  }
`);

export const QuesitoListQuery = graphql(`
  query QuesitoList($filter: QuesitoFilter, $orderBy: QuesitoOrder, $first: Int, $after: String) {
    quesiti(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      nodes {
        id
        status
        section
        priority
        subject
        classification {
          id
          label
        }
        cric {
          id
          name
        }
        citizenFiscalCode
        dueAt
        overdue
        filedAt
        waitingRequest
        takenBy {
          username
          displayName
        }
        takenByMe
        proposedTo {
          username
          displayName
        }
        proposedToMe
        version
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const QuesitoShowQuery = graphql(`
  query QuesitoShow($id: ID!) {
    quesito(id: $id) {
      id
      status
      section
      priority
      subject
      question
      classification {
        id
        label
      }
      cric {
        id
        code
        name
      }
      forwardTarget {
        code
        name
      }
      forwardedTo {
        id
        name
      }
      citizenFiscalCode
      citizenPhone
      citizenEmail
      dueAt
      overdue
      filedAt
      takenAt
      takenBy {
        username
        displayName
      }
      takenByMe
      proposedTo {
        username
        displayName
      }
      proposedToMe
      waitingSince
      waitingRequest
      citizenReply
      pausedWorkingDays
      answer
      answeredAt
      forwardReason
      cancelReason
      appointmentId
      faqEntryId
      contactId
      version
      conversionOffices {
        id
        code
        name
        virtualCounter
      }
      events {
        from
        to
        at
        actor
        actingRole
        note
      }
    }
  }
`);

export const QuesitoTakeMutation = graphql(`
  mutation QuesitoTake($id: ID!) {
    takeQuesito(id: $id) {
      id
      status
      version
    }
  }
`);

export const QuesitoReleaseMutation = graphql(`
  mutation QuesitoRelease($id: ID!) {
    releaseQuesito(id: $id) {
      id
      status
      version
    }
  }
`);

export const QuesitoRequestCitizenInfoMutation = graphql(`
  mutation QuesitoRequestCitizenInfo($id: ID!, $request: String!) {
    requestCitizenInfo(id: $id, request: $request) {
      id
      status
      waitingRequest
      waitingSince
      version
    }
  }
`);

export const QuesitoCitizenReplyMutation = graphql(`
  mutation QuesitoCitizenReply($id: ID!, $reply: String!) {
    recordQuesitoCitizenReply(id: $id, reply: $reply) {
      id
      status
      dueAt
      pausedWorkingDays
      version
    }
  }
`);

export const QuesitoAnswerMutation = graphql(`
  mutation QuesitoAnswer($id: ID!, $answer: String!, $publishAsFaq: Boolean, $faqQuestion: String) {
    answerQuesito(id: $id, answer: $answer, publishAsFaq: $publishAsFaq, faqQuestion: $faqQuestion) {
      id
      status
      version
      faqEntryId
    }
  }
`);

export const QuesitoForwardMutation = graphql(`
  mutation QuesitoForward($id: ID!, $reason: String!) {
    forwardQuesito(id: $id, reason: $reason) {
      id
      status
      version
    }
  }
`);

export const QuesitoCancelMutation = graphql(`
  mutation QuesitoCancel($id: ID!, $reason: String!) {
    cancelQuesito(id: $id, reason: $reason) {
      id
      status
      version
    }
  }
`);

export const QuesitoConvertMutation = graphql(`
  mutation QuesitoConvert($id: ID!, $input: ConvertQuesitoInput!) {
    convertQuesitoToAppointment(id: $id, input: $input) {
      id
      status
      appointmentId
      version
    }
  }
`);

export const QuesitoAppointmentQuery = graphql(`
  query QuesitoAppointment($id: ID!) {
    appointment(id: $id) {
      id
      cupNumber
      startsAt
      channel
      status
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
