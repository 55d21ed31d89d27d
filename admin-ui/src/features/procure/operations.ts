import { graphql } from '../../gql';

export const ProfessionalProfileShowQuery = graphql(`
  query ProfessionalProfileShow {
    professionalProfile {
      id
      fiscalCode
      name
      entratelUserType
      category
      albo { name province number }
      selfRegistered
      verified
      verifiedAt
      mayDeclareProcure
    }
  }
`);

export const ProcuraRowFragment = graphql(`
  fragment ProcuraRow on Procura {
    id
    clientFiscalCode
    clientKind
    services
    validFrom
    validTo
    status
    collaboratorsAuthorized
    privacyNoticeGiven
    declaredAt
    revokedAt
    version
  }
`);

export const ProcuraListQuery = graphql(`
  query ProcuraList($filter: ProcuraFilter, $orderBy: ProcuraOrder, $first: Int, $after: String) {
    procure(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      totalCount
      nodes { ...ProcuraRow }
    }
  }
`);

export const ProcuraHistoryQuery = graphql(`
  query ProcuraHistory($id: ID!) {
    procura(id: $id) {
      id
      history { kind occurredAt }
    }
  }
`);

export const ProcuraDeclareMutation = graphql(`
  mutation ProcuraDeclare($input: DeclareProcuraInput!) {
    declareProcura(input: $input) { ...ProcuraRow }
  }
`);

export const ProcuraRevokeMutation = graphql(`
  mutation ProcuraRevoke($id: ID!) {
    revokeProcura(id: $id) { ...ProcuraRow }
  }
`);

export const CollaboratorRowFragment = graphql(`
  fragment CollaboratorRow on Collaborator {
    id
    fiscalCode
    from
    to
    active
    endedAt
    version
  }
`);

export const CollaboratorListQuery = graphql(`
  query CollaboratorList($filter: CollaboratorFilter, $orderBy: CollaboratorOrder, $first: Int, $after: String) {
    collaborators(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...CollaboratorRow }
    }
  }
`);

export const CollaboratorAddMutation = graphql(`
  mutation CollaboratorAdd($fiscalCode: String!, $from: NaiveDate!, $to: NaiveDate) {
    addCollaborator(fiscalCode: $fiscalCode, from: $from, to: $to) { ...CollaboratorRow }
  }
`);

export const CollaboratorEndMutation = graphql(`
  mutation CollaboratorEnd($id: ID!, $on: NaiveDate!) {
    endCollaborator(id: $id, on: $on) { ...CollaboratorRow }
  }
`);

export const ApiKeyRowFragment = graphql(`
  fragment ApiKeyRow on ApiKey {
    id
    name
    hint
    createdAt
    lastUsedAt
    revokedAt
    active
  }
`);

export const ApiKeyListQuery = graphql(`
  query ApiKeyList {
    apiKeys { ...ApiKeyRow }
  }
`);

export const ApiKeyCreateMutation = graphql(`
  mutation ApiKeyCreate($name: String!) {
    createApiKey(name: $name) {
      secret
      apiKey { ...ApiKeyRow }
    }
  }
`);

export const ApiKeyRevokeMutation = graphql(`
  mutation ApiKeyRevoke($id: ID!) {
    revokeApiKey(id: $id) { ...ApiKeyRow }
  }
`);

export const WebhookListQuery = graphql(`
  query WebhookList($last: Int) {
    webhooks {
      id
      url
      createdAt
      previousSecretValidUntil
      deliveries(last: $last) {
        id
        event
        status
        createdAt
        sentAt
        nextAttemptAt
        lastError
        attempts { attempt at outcome statusCode error }
      }
    }
  }
`);

export const WebhookRegisterMutation = graphql(`
  mutation WebhookRegister($url: String!) {
    registerWebhook(url: $url) {
      secret
      webhook { id url createdAt }
    }
  }
`);

export const WebhookRotateSecretMutation = graphql(`
  mutation WebhookRotateSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      webhook { id url createdAt previousSecretValidUntil }
    }
  }
`);

export const WebhookDeleteMutation = graphql(`
  mutation WebhookDelete($id: ID!) {
    deleteWebhook(id: $id)
  }
`);

// At the counter: may this collaborator act for this client on this service? Audited on every call.
export const CollaboratorCheckQuery = graphql(`
  query CollaboratorCheck($collaboratorFiscalCode: String!, $clientFiscalCode: String!, $service: DelegableService!, $on: NaiveDate) {
    collaboratorCheck(collaboratorFiscalCode: $collaboratorFiscalCode, clientFiscalCode: $clientFiscalCode, service: $service, on: $on) {
      authorized
      reason
      message
      on
      procura {
        id
        status
        services
        validFrom
        validTo
        collaboratorsAuthorized
        professional { id name fiscalCode }
      }
    }
  }
`);
