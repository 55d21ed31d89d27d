import { graphql } from '../../gql';

export const ServiceListQuery = graphql(`
  query ServiceList {
    services { id code name fast active }
  }
`);

export const OperatorSkillsShowQuery = graphql(`
  query OperatorSkillsShow($username: String!, $officeCode: String) {
    operatorSkills(username: $username, officeCode: $officeCode) {
      username
      officeCode
      services { id code }
    }
  }
`);

export const OperatorSkillsSetMutation = graphql(`
  mutation OperatorSkillsSet($username: String!, $serviceCodes: [String!]!, $officeCode: String) {
    setOperatorSkills(username: $username, serviceCodes: $serviceCodes, officeCode: $officeCode) {
      username
      officeCode
      services { id code }
    }
  }
`);
