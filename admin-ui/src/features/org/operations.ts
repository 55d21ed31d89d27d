import { graphql } from '../../gql';

export const OrgUnitListQuery = graphql(`
  query OrgUnitList($first: Int, $after: String, $kind: UnitKind, $orderBy: OrgUnitOrder) {
    orgUnits(first: $first, after: $after, kind: $kind, orderBy: $orderBy) {
      totalCount
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

/** Every unit the caller may see, with its path: for unit pickers and filters. */
export const OrgUnitChoicesQuery = graphql(`
  query OrgUnitChoices($first: Int, $after: String) {
    orgUnits(first: $first, after: $after) {
      nodes {
        id
        code
        name
        kind
        path
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const OfficeDayOfficesQuery = graphql(`
  query OfficeDayOffices($first: Int, $after: String) {
    orgUnits(kind: TERRITORIAL_OFFICE, first: $first, after: $after) {
      nodes { id code name size virtualCounter }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Regions holding units the caller may pick for a purpose (booking: offices; callback: DPs). */
export const PickableRegionsQuery = graphql(`
  query PickableRegions($purpose: UnitPurpose!) {
    pickableRegions(purpose: $purpose) {
      id
      code
      name
    }
  }
`);

/** The units of a region the caller may pick for a purpose, by name. */
export const PickableUnitsQuery = graphql(`
  query PickableUnits($purpose: UnitPurpose!, $regionCode: String!) {
    pickableUnits(purpose: $purpose, regionCode: $regionCode) {
      id
      code
      name
      virtualCounter
    }
  }
`);
