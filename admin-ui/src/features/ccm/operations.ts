import { graphql } from '../../gql';

export const ContactRecordMutation = graphql(`
  mutation ContactRecord($input: RecordContactInput!) {
    recordContact(input: $input) {
      id
      outcome
    }
  }
`);

export const ContactListQuery = graphql(`
  query ContactList($filter: ContactFilter, $orderBy: ContactOrder, $first: Int, $after: String) {
    contacts(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      nodes {
        id
        channel
        section
        topic
        citizenFiscalCode
        outcome
        quesito {
          id
          subject
          status
        }
        appointmentId
        callbackId
        note
        recordedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CallbackRequestMutation = graphql(`
  mutation CallbackRequest($input: RequestCallbackInput!) {
    requestCallback(input: $input) {
      id
      unit {
        id
        name
      }
    }
  }
`);
