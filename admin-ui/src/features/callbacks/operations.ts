import { graphql } from '../../gql';

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
        nextWindowOpensAt
        outcome
        note
        unit { name }
      }
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

export const CallbackQueueQuery = graphql(`
  query CallbackQueue(
    $unitCode: String
    $status: CallbackStatus
    $orderBy: CallbackOrder
    $first: Int
    $after: String
  ) {
    callbacks(unitCode: $unitCode, status: $status, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      nodes {
        id
        topic
        phone
        status
        requestedAt
        availableFrom
        nextWindowOpensAt
        attempts
        outcome
        version
        viaIvr
        unit { code name }
        assignee { username displayName }
        attemptHistory { number attemptedAt outcome note by { displayName } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const CallbackStaffQuery = graphql(`
  query CallbackStaff($unitCode: String!) {
    callbackStaff(unitCode: $unitCode) { username displayName }
  }
`);

export const CallbackAssignMutation = graphql(`
  mutation CallbackAssign($id: ID!, $username: String!, $version: Int) {
    assignCallback(id: $id, username: $username, version: $version) {
      id
      status
      version
      assignee { username displayName }
    }
  }
`);
