import { graphql } from '../../gql';

export const AlertsQuery = graphql(`
  query Alerts($first: Int) {
    alerts(first: $first) {
      unreadCount
      nodes {
        id
        kind
        title
        createdAt
      }
    }
  }
`);

export const MarkAlertsReadMutation = graphql(`
  mutation MarkAlertsRead {
    markAlertsRead
  }
`);

export const LiveAlertsSubscription = graphql(`
  subscription LiveAlerts {
    alerts {
      id
      kind
      title
      createdAt
    }
  }
`);
