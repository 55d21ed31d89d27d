import { graphql } from '../../gql';

export const FollowUpListQuery = graphql(`
  query FollowUpList(
    $officeCode: String
    $status: FollowUpStatus
    $overdueOnly: Boolean
    $mineOnly: Boolean
    $orderBy: FollowUpOrder
    $first: Int
    $after: String
  ) {
    followUps(
      officeCode: $officeCode
      status: $status
      overdueOnly: $overdueOnly
      mineOnly: $mineOnly
      orderBy: $orderBy
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        origin
        status
        citizenName
        protocolNumber
        dueOn
        overdue
        assignee
        outcome
        version
        appointmentId
        documentsSubject
        virtualCounterMailbox
      }
    }
  }
`);

export const FollowUpTotalsQuery = graphql(`
  query FollowUpTotals($officeCode: String!) {
    open: followUps(officeCode: $officeCode, status: OPEN, first: 1) { totalCount }
    late: followUps(officeCode: $officeCode, status: OPEN, overdueOnly: true, first: 1) { totalCount }
  }
`);

export const FollowUpCompleteMutation = graphql(`
  mutation FollowUpComplete($id: ID!, $version: Int!, $outcome: String!) {
    completeFollowUp(id: $id, version: $version, outcome: $outcome) { id status outcome version overdue }
  }
`);

export const FollowUpCancelMutation = graphql(`
  mutation FollowUpCancel($id: ID!, $version: Int!, $reason: String!) {
    cancelFollowUp(id: $id, version: $version, reason: $reason) { id status outcome version overdue }
  }
`);

export const FollowUpAssignMutation = graphql(`
  mutation FollowUpAssign($id: ID!, $version: Int!, $username: String!) {
    assignFollowUp(id: $id, version: $version, username: $username) { id assignee version }
  }
`);

export const OfficeStaffListQuery = graphql(`
  query OfficeStaffList($officeCode: String!) {
    officeStaff(officeCode: $officeCode) { username displayName }
  }
`);
