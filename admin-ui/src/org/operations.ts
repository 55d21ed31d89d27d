import { graphql } from '../gql';

export const OrgUnitListQuery = graphql(`
  query OrgUnitList($first: Int, $after: String, $kind: UnitKind) {
    orgUnits(first: $first, after: $after, kind: $kind) {
      nodes {
        id
        code
        name
        kind
        parent {
          id
          code
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const OrgUnitShowQuery = graphql(`
  query OrgUnitShow($code: String!) {
    orgUnit(code: $code) {
      id
      code
      name
      kind
      path
      size
      virtualCounter
      virtualCounterMailbox
      openingHours
      parent {
        id
        code
        name
      }
      children {
        id
        code
        name
        kind
      }
    }
  }
`);
