import { graphql } from '../../gql';

/** The regional directorates the person may pick (an admin: every one; a regional director: theirs). */
export const ConfigRegionsQuery = graphql(`
  query ConfigRegions {
    orgUnits(kind: REGIONAL_DIRECTORATE, first: 100, orderBy: { field: NAME }) {
      nodes {
        id
        code
        name
      }
    }
  }
`);

export const ClassificationListQuery = graphql(`
  query ClassificationList(
    $regionCode: String!
    $orderBy: QuesitoClassificationOrder
    $first: Int
    $after: String
  ) {
    quesitoClassifications(
      regionCode: $regionCode
      includeInactive: true
      orderBy: $orderBy
      first: $first
      after: $after
    ) {
      totalCount
      nodes {
        id
        code
        label
        section
        active
        national
        competentDirectorate {
          id
          code
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ClassificationCreateMutation = graphql(`
  mutation ClassificationCreate($input: NewClassificationInput!) {
    createQuesitoClassification(input: $input) {
      id
      code
    }
  }
`);

export const ClassificationUpdateMutation = graphql(`
  mutation ClassificationUpdate($id: ID!, $label: String, $active: Boolean) {
    updateQuesitoClassification(id: $id, label: $label, active: $active) {
      id
      label
      active
    }
  }
`);

/** The central directorates a classification may be mapped to. */
export const CentralDirectoratesQuery = graphql(`
  query CentralDirectorates {
    centralDirectorates {
      id
      code
      name
    }
  }
`);

export const ClassificationDirectorateMutation = graphql(`
  mutation ClassificationDirectorate($id: ID!, $directorateCode: String) {
    setClassificationDirectorate(id: $id, directorateCode: $directorateCode) {
      id
      competentDirectorate {
        id
        code
        name
      }
    }
  }
`);

export const SlaListQuery = graphql(`
  query SlaList($regionCode: String!) {
    quesitoSlas(regionCode: $regionCode) {
      section
      workingDays
      configuredOn
    }
  }
`);

export const SlaSetMutation = graphql(`
  mutation SlaSet($unitCode: String!, $section: Section!, $workingDays: Int!) {
    setQuesitoSla(unitCode: $unitCode, section: $section, workingDays: $workingDays) {
      section
      workingDays
      configuredOn
    }
  }
`);

export const ServiceCatalogueQuery = graphql(`
  query ServiceCatalogue {
    services(includeInactive: true) {
      id
      code
      name
      fast
      profiloUtenteProcess
      profiloUtenteProduct
      active
    }
  }
`);

export const ServiceUpsertMutation = graphql(`
  mutation ServiceUpsert($input: ServiceInput!) {
    upsertService(input: $input) {
      id
      code
      name
      fast
      profiloUtenteProcess
      profiloUtenteProduct
      active
    }
  }
`);
