import { graphql } from '../../gql';

export const OutboxMessageListQuery = graphql(`
  query OutboxMessageList($filter: OutboxMessageFilter, $orderBy: OutboxMessageOrder, $first: Int, $after: String) {
    outboxMessages(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      nodes {
        ...OutboxMessageRow
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const OutboxMessageRowFragment = graphql(`
  fragment OutboxMessageRow on OutboxMessage {
    id
    channel
    event
    status
    recipient
    reference
    attempts
    nextAttemptAt
    lastError
    createdAt
    sentAt
    unit {
      id
      code
      name
    }
    deliveries {
      attempt
      at
      outcome
      statusCode
      response
      error
      durationMs
    }
  }
`);

export const OutboxMessageRetryMutation = graphql(`
  mutation OutboxMessageRetry($id: ID!) {
    retryOutboxMessage(id: $id) {
      ...OutboxMessageRow
    }
  }
`);
