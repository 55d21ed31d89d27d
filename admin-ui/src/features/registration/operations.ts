import { graphql } from '../../gql';

export const RegistrationSubmitMutation = graphql(`
  mutation RegistrationSubmit($input: RegisterProfessionalInput!) {
    registerAsProfessional(input: $input) {
      message
    }
  }
`);

export const VerificationQueueQuery = graphql(`
  query VerificationQueue($orderBy: ProfessionalOrder, $first: Int, $after: String) {
    professionals(filter: { pending: true }, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      nodes {
        id
        name
        fiscalCode
        entratelUserType
        category
        registeredAt
        albo {
          name
          province
          number
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const VerificationApproveMutation = graphql(`
  mutation VerificationApprove($id: ID!) {
    verifyProfessional(id: $id) {
      id
      verified
    }
  }
`);

export const VerificationRejectMutation = graphql(`
  mutation VerificationReject($id: ID!, $reason: String!) {
    rejectProfessional(id: $id, reason: $reason) {
      id
      rejectedAt
    }
  }
`);
