/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AuditEventList($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        occurredAt\n        actor\n        actingRole\n        actingUnit {\n          id\n          code\n          name\n        }\n        unit {\n          id\n          code\n          name\n        }\n        action\n        recordType\n        recordId\n        detail\n        requestId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditEventListDocument,
    "\n  mutation SessionLogin($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      me {\n        id\n        username\n      }\n    }\n  }\n": typeof types.SessionLoginDocument,
    "\n  mutation SessionLogout {\n    logout\n  }\n": typeof types.SessionLogoutDocument,
    "\n  query MeShow {\n    me {\n      id\n      username\n      displayName\n      assignments {\n        role\n        unitCode\n        unitName\n        section\n      }\n    }\n  }\n": typeof types.MeShowDocument,
    "\n  query OrgUnitList($first: Int, $after: String, $kind: UnitKind) {\n    orgUnits(first: $first, after: $after, kind: $kind) {\n      nodes {\n        id\n        code\n        name\n        kind\n        parent {\n          id\n          code\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OrgUnitListDocument,
    "\n  query OrgUnitShow($code: String!) {\n    orgUnit(code: $code) {\n      id\n      code\n      name\n      kind\n      path\n      size\n      virtualCounter\n      virtualCounterMailbox\n      openingHours\n      parent {\n        id\n        code\n        name\n      }\n      children {\n        id\n        code\n        name\n        kind\n      }\n    }\n  }\n": typeof types.OrgUnitShowDocument,
    "\n  query OrgUnitChoices($first: Int, $after: String) {\n    orgUnits(first: $first, after: $after) {\n      nodes {\n        id\n        code\n        name\n        kind\n        path\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OrgUnitChoicesDocument,
    "\n  query OutboxMessageList($filter: OutboxMessageFilter, $first: Int, $after: String) {\n    outboxMessages(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...OutboxMessageRow\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OutboxMessageListDocument,
    "\n  fragment OutboxMessageRow on OutboxMessage {\n    id\n    channel\n    event\n    status\n    recipient\n    reference\n    attempts\n    nextAttemptAt\n    lastError\n    createdAt\n    sentAt\n    unit {\n      id\n      code\n      name\n    }\n    deliveries {\n      attempt\n      at\n      outcome\n      statusCode\n      response\n      error\n      durationMs\n    }\n  }\n": typeof types.OutboxMessageRowFragmentDoc,
    "\n  mutation OutboxMessageRetry($id: ID!) {\n    retryOutboxMessage(id: $id) {\n      ...OutboxMessageRow\n    }\n  }\n": typeof types.OutboxMessageRetryDocument,
    "\n  query PersonList($filter: PeopleFilterInput, $first: Int, $after: String) {\n    people(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        username\n        displayName\n        active\n        assignments {\n          id\n          role\n          section\n          unit {\n            id\n            code\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PersonListDocument,
    "\n  query PersonShow($search: String!, $first: Int, $after: String) {\n    people(filter: { search: $search }, first: $first, after: $after) {\n      nodes {\n        id\n        username\n        displayName\n        email\n        active\n        assignments {\n          id\n          role\n          section\n          unit {\n            id\n            code\n            name\n            kind\n            path\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PersonShowDocument,
    "\n  mutation PersonCreate($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n      username\n      displayName\n      email\n      active\n      assignments {\n        id\n        role\n        section\n        unit {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n": typeof types.PersonCreateDocument,
    "\n  mutation PersonAssignRole($username: String!, $input: RoleAssignmentInput!) {\n    assignRole(username: $username, input: $input) {\n      id\n      role\n      section\n      unit {\n        id\n        code\n        name\n      }\n    }\n  }\n": typeof types.PersonAssignRoleDocument,
    "\n  mutation PersonRevokeRole($assignmentId: ID!) {\n    revokeRole(assignmentId: $assignmentId)\n  }\n": typeof types.PersonRevokeRoleDocument,
    "\n  mutation PersonSetActive($username: String!, $active: Boolean!) {\n    setPersonActive(username: $username, active: $active) {\n      id\n      username\n      active\n    }\n  }\n": typeof types.PersonSetActiveDocument,
};
const documents: Documents = {
    "\n  query AuditEventList($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        occurredAt\n        actor\n        actingRole\n        actingUnit {\n          id\n          code\n          name\n        }\n        unit {\n          id\n          code\n          name\n        }\n        action\n        recordType\n        recordId\n        detail\n        requestId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditEventListDocument,
    "\n  mutation SessionLogin($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      me {\n        id\n        username\n      }\n    }\n  }\n": types.SessionLoginDocument,
    "\n  mutation SessionLogout {\n    logout\n  }\n": types.SessionLogoutDocument,
    "\n  query MeShow {\n    me {\n      id\n      username\n      displayName\n      assignments {\n        role\n        unitCode\n        unitName\n        section\n      }\n    }\n  }\n": types.MeShowDocument,
    "\n  query OrgUnitList($first: Int, $after: String, $kind: UnitKind) {\n    orgUnits(first: $first, after: $after, kind: $kind) {\n      nodes {\n        id\n        code\n        name\n        kind\n        parent {\n          id\n          code\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OrgUnitListDocument,
    "\n  query OrgUnitShow($code: String!) {\n    orgUnit(code: $code) {\n      id\n      code\n      name\n      kind\n      path\n      size\n      virtualCounter\n      virtualCounterMailbox\n      openingHours\n      parent {\n        id\n        code\n        name\n      }\n      children {\n        id\n        code\n        name\n        kind\n      }\n    }\n  }\n": types.OrgUnitShowDocument,
    "\n  query OrgUnitChoices($first: Int, $after: String) {\n    orgUnits(first: $first, after: $after) {\n      nodes {\n        id\n        code\n        name\n        kind\n        path\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OrgUnitChoicesDocument,
    "\n  query OutboxMessageList($filter: OutboxMessageFilter, $first: Int, $after: String) {\n    outboxMessages(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...OutboxMessageRow\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OutboxMessageListDocument,
    "\n  fragment OutboxMessageRow on OutboxMessage {\n    id\n    channel\n    event\n    status\n    recipient\n    reference\n    attempts\n    nextAttemptAt\n    lastError\n    createdAt\n    sentAt\n    unit {\n      id\n      code\n      name\n    }\n    deliveries {\n      attempt\n      at\n      outcome\n      statusCode\n      response\n      error\n      durationMs\n    }\n  }\n": types.OutboxMessageRowFragmentDoc,
    "\n  mutation OutboxMessageRetry($id: ID!) {\n    retryOutboxMessage(id: $id) {\n      ...OutboxMessageRow\n    }\n  }\n": types.OutboxMessageRetryDocument,
    "\n  query PersonList($filter: PeopleFilterInput, $first: Int, $after: String) {\n    people(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        username\n        displayName\n        active\n        assignments {\n          id\n          role\n          section\n          unit {\n            id\n            code\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PersonListDocument,
    "\n  query PersonShow($search: String!, $first: Int, $after: String) {\n    people(filter: { search: $search }, first: $first, after: $after) {\n      nodes {\n        id\n        username\n        displayName\n        email\n        active\n        assignments {\n          id\n          role\n          section\n          unit {\n            id\n            code\n            name\n            kind\n            path\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PersonShowDocument,
    "\n  mutation PersonCreate($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n      username\n      displayName\n      email\n      active\n      assignments {\n        id\n        role\n        section\n        unit {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n": types.PersonCreateDocument,
    "\n  mutation PersonAssignRole($username: String!, $input: RoleAssignmentInput!) {\n    assignRole(username: $username, input: $input) {\n      id\n      role\n      section\n      unit {\n        id\n        code\n        name\n      }\n    }\n  }\n": types.PersonAssignRoleDocument,
    "\n  mutation PersonRevokeRole($assignmentId: ID!) {\n    revokeRole(assignmentId: $assignmentId)\n  }\n": types.PersonRevokeRoleDocument,
    "\n  mutation PersonSetActive($username: String!, $active: Boolean!) {\n    setPersonActive(username: $username, active: $active) {\n      id\n      username\n      active\n    }\n  }\n": types.PersonSetActiveDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEventList($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        occurredAt\n        actor\n        actingRole\n        actingUnit {\n          id\n          code\n          name\n        }\n        unit {\n          id\n          code\n          name\n        }\n        action\n        recordType\n        recordId\n        detail\n        requestId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEventList($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        occurredAt\n        actor\n        actingRole\n        actingUnit {\n          id\n          code\n          name\n        }\n        unit {\n          id\n          code\n          name\n        }\n        action\n        recordType\n        recordId\n        detail\n        requestId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SessionLogin($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      me {\n        id\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SessionLogin($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      me {\n        id\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SessionLogout {\n    logout\n  }\n"): (typeof documents)["\n  mutation SessionLogout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeShow {\n    me {\n      id\n      username\n      displayName\n      assignments {\n        role\n        unitCode\n        unitName\n        section\n      }\n    }\n  }\n"): (typeof documents)["\n  query MeShow {\n    me {\n      id\n      username\n      displayName\n      assignments {\n        role\n        unitCode\n        unitName\n        section\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgUnitList($first: Int, $after: String, $kind: UnitKind) {\n    orgUnits(first: $first, after: $after, kind: $kind) {\n      nodes {\n        id\n        code\n        name\n        kind\n        parent {\n          id\n          code\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrgUnitList($first: Int, $after: String, $kind: UnitKind) {\n    orgUnits(first: $first, after: $after, kind: $kind) {\n      nodes {\n        id\n        code\n        name\n        kind\n        parent {\n          id\n          code\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgUnitShow($code: String!) {\n    orgUnit(code: $code) {\n      id\n      code\n      name\n      kind\n      path\n      size\n      virtualCounter\n      virtualCounterMailbox\n      openingHours\n      parent {\n        id\n        code\n        name\n      }\n      children {\n        id\n        code\n        name\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrgUnitShow($code: String!) {\n    orgUnit(code: $code) {\n      id\n      code\n      name\n      kind\n      path\n      size\n      virtualCounter\n      virtualCounterMailbox\n      openingHours\n      parent {\n        id\n        code\n        name\n      }\n      children {\n        id\n        code\n        name\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgUnitChoices($first: Int, $after: String) {\n    orgUnits(first: $first, after: $after) {\n      nodes {\n        id\n        code\n        name\n        kind\n        path\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrgUnitChoices($first: Int, $after: String) {\n    orgUnits(first: $first, after: $after) {\n      nodes {\n        id\n        code\n        name\n        kind\n        path\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OutboxMessageList($filter: OutboxMessageFilter, $first: Int, $after: String) {\n    outboxMessages(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...OutboxMessageRow\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query OutboxMessageList($filter: OutboxMessageFilter, $first: Int, $after: String) {\n    outboxMessages(filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...OutboxMessageRow\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OutboxMessageRow on OutboxMessage {\n    id\n    channel\n    event\n    status\n    recipient\n    reference\n    attempts\n    nextAttemptAt\n    lastError\n    createdAt\n    sentAt\n    unit {\n      id\n      code\n      name\n    }\n    deliveries {\n      attempt\n      at\n      outcome\n      statusCode\n      response\n      error\n      durationMs\n    }\n  }\n"): (typeof documents)["\n  fragment OutboxMessageRow on OutboxMessage {\n    id\n    channel\n    event\n    status\n    recipient\n    reference\n    attempts\n    nextAttemptAt\n    lastError\n    createdAt\n    sentAt\n    unit {\n      id\n      code\n      name\n    }\n    deliveries {\n      attempt\n      at\n      outcome\n      statusCode\n      response\n      error\n      durationMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OutboxMessageRetry($id: ID!) {\n    retryOutboxMessage(id: $id) {\n      ...OutboxMessageRow\n    }\n  }\n"): (typeof documents)["\n  mutation OutboxMessageRetry($id: ID!) {\n    retryOutboxMessage(id: $id) {\n      ...OutboxMessageRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonList($filter: PeopleFilterInput, $first: Int, $after: String) {\n    people(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        username\n        displayName\n        active\n        assignments {\n          id\n          role\n          section\n          unit {\n            id\n            code\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonList($filter: PeopleFilterInput, $first: Int, $after: String) {\n    people(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        username\n        displayName\n        active\n        assignments {\n          id\n          role\n          section\n          unit {\n            id\n            code\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonShow($search: String!, $first: Int, $after: String) {\n    people(filter: { search: $search }, first: $first, after: $after) {\n      nodes {\n        id\n        username\n        displayName\n        email\n        active\n        assignments {\n          id\n          role\n          section\n          unit {\n            id\n            code\n            name\n            kind\n            path\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonShow($search: String!, $first: Int, $after: String) {\n    people(filter: { search: $search }, first: $first, after: $after) {\n      nodes {\n        id\n        username\n        displayName\n        email\n        active\n        assignments {\n          id\n          role\n          section\n          unit {\n            id\n            code\n            name\n            kind\n            path\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PersonCreate($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n      username\n      displayName\n      email\n      active\n      assignments {\n        id\n        role\n        section\n        unit {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PersonCreate($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n      username\n      displayName\n      email\n      active\n      assignments {\n        id\n        role\n        section\n        unit {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PersonAssignRole($username: String!, $input: RoleAssignmentInput!) {\n    assignRole(username: $username, input: $input) {\n      id\n      role\n      section\n      unit {\n        id\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PersonAssignRole($username: String!, $input: RoleAssignmentInput!) {\n    assignRole(username: $username, input: $input) {\n      id\n      role\n      section\n      unit {\n        id\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PersonRevokeRole($assignmentId: ID!) {\n    revokeRole(assignmentId: $assignmentId)\n  }\n"): (typeof documents)["\n  mutation PersonRevokeRole($assignmentId: ID!) {\n    revokeRole(assignmentId: $assignmentId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PersonSetActive($username: String!, $active: Boolean!) {\n    setPersonActive(username: $username, active: $active) {\n      id\n      username\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation PersonSetActive($username: String!, $active: Boolean!) {\n    setPersonActive(username: $username, active: $active) {\n      id\n      username\n      active\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;