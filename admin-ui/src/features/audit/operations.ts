import { graphql } from '../../gql';

export const AuditEventListQuery = graphql(`
  query AuditEventList($filter: AuditEventFilter, $orderBy: AuditEventOrder, $first: Int, $after: String) {
    auditEvents(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      nodes {
        id
        occurredAt
        actor
        actingRole
        actingUnit {
          id
          code
          name
        }
        unit {
          id
          code
          name
        }
        action
        recordType
        recordId
        detail
        requestId
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** People whose actions the caller may read, narrowed by part of the name: the "Autore" picker. */
export const AuditActorsQuery = graphql(`
  query AuditActors($search: String, $first: Int) {
    auditActors(search: $search, first: $first) {
      nodes {
        username
        displayName
      }
    }
  }
`);
