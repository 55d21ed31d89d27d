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
