import { graphql } from '../../gql';

/** The caller's report subscriptions, for "Rapporti periodici". */
export const MyReportSubscriptionsQuery = graphql(`
  query MyReportSubscriptions {
    myReportSubscriptions {
      id
      frequency
      lastSentAt
      unit {
        id
        code
        name
      }
    }
  }
`);

export const SubscribeToReportMutation = graphql(`
  mutation SubscribeToReport($unitCode: String!, $frequency: ReportFrequency!) {
    subscribeToReport(unitCode: $unitCode, frequency: $frequency) {
      id
      frequency
    }
  }
`);

export const UnsubscribeFromReportMutation = graphql(`
  mutation UnsubscribeFromReport($id: ID!) {
    unsubscribeFromReport(id: $id)
  }
`);
