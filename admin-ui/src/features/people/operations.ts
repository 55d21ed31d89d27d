import { graphql } from '../../gql';

export const PersonListQuery = graphql(`
  query PersonList($filter: PeopleFilterInput, $orderBy: PersonOrder, $first: Int, $after: String) {
    people(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      nodes {
        id
        username
        displayName
        active
        assignments {
          id
          role
          section
          unit {
            id
            code
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** One person: there is no lookup by username, so the list is searched for it. */
export const PersonShowQuery = graphql(`
  query PersonShow($search: String!, $first: Int, $after: String) {
    people(filter: { search: $search }, first: $first, after: $after) {
      nodes {
        id
        username
        displayName
        email
        active
        assignments {
          id
          role
          section
          unit {
            id
            code
            name
            kind
            path
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PersonCreateMutation = graphql(`
  mutation PersonCreate($input: CreatePersonInput!) {
    createPerson(input: $input) {
      id
      username
      displayName
      email
      active
      assignments {
        id
        role
        section
        unit {
          id
          code
          name
        }
      }
    }
  }
`);

export const PersonAssignRoleMutation = graphql(`
  mutation PersonAssignRole($username: String!, $input: RoleAssignmentInput!) {
    assignRole(username: $username, input: $input) {
      id
      role
      section
      unit {
        id
        code
        name
      }
    }
  }
`);

export const PersonRevokeRoleMutation = graphql(`
  mutation PersonRevokeRole($assignmentId: ID!) {
    revokeRole(assignmentId: $assignmentId)
  }
`);

export const PersonSetActiveMutation = graphql(`
  mutation PersonSetActive($username: String!, $active: Boolean!) {
    setPersonActive(username: $username, active: $active) {
      id
      username
      active
    }
  }
`);

/** The active staff of an office, for the pickers of whoever assigns their work. */
export const OfficeStaffChoicesQuery = graphql(`
  query OfficeStaffChoices($officeCode: String!) {
    officeStaff(officeCode: $officeCode) {
      username
      displayName
    }
  }
`);

export const PersonEndSessionsMutation = graphql(`
  mutation PersonEndSessions($username: String!) {
    endSessionsOf(username: $username)
  }
`);

export const PersonIssuePasswordResetMutation = graphql(`
  mutation PersonIssuePasswordReset($username: String!) {
    issuePasswordReset(username: $username) {
      expiresAt
      sentTo
    }
  }
`);
