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
    "\n  mutation SessionLogin($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      me {\n        id\n        username\n      }\n    }\n  }\n": typeof types.SessionLoginDocument,
    "\n  mutation SessionLogout {\n    logout\n  }\n": typeof types.SessionLogoutDocument,
    "\n  query MeShow {\n    me {\n      id\n      username\n      displayName\n      assignments {\n        role\n        unitCode\n        unitName\n        section\n      }\n    }\n  }\n": typeof types.MeShowDocument,
    "\n  query OrgUnitList($first: Int, $after: String, $kind: UnitKind) {\n    orgUnits(first: $first, after: $after, kind: $kind) {\n      nodes {\n        id\n        code\n        name\n        kind\n        parent {\n          id\n          code\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OrgUnitListDocument,
    "\n  query OrgUnitShow($code: String!) {\n    orgUnit(code: $code) {\n      id\n      code\n      name\n      kind\n      path\n      size\n      virtualCounter\n      virtualCounterMailbox\n      openingHours\n      parent {\n        id\n        code\n        name\n      }\n      children {\n        id\n        code\n        name\n        kind\n      }\n    }\n  }\n": typeof types.OrgUnitShowDocument,
};
const documents: Documents = {
    "\n  mutation SessionLogin($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      me {\n        id\n        username\n      }\n    }\n  }\n": types.SessionLoginDocument,
    "\n  mutation SessionLogout {\n    logout\n  }\n": types.SessionLogoutDocument,
    "\n  query MeShow {\n    me {\n      id\n      username\n      displayName\n      assignments {\n        role\n        unitCode\n        unitName\n        section\n      }\n    }\n  }\n": types.MeShowDocument,
    "\n  query OrgUnitList($first: Int, $after: String, $kind: UnitKind) {\n    orgUnits(first: $first, after: $after, kind: $kind) {\n      nodes {\n        id\n        code\n        name\n        kind\n        parent {\n          id\n          code\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OrgUnitListDocument,
    "\n  query OrgUnitShow($code: String!) {\n    orgUnit(code: $code) {\n      id\n      code\n      name\n      kind\n      path\n      size\n      virtualCounter\n      virtualCounterMailbox\n      openingHours\n      parent {\n        id\n        code\n        name\n      }\n      children {\n        id\n        code\n        name\n        kind\n      }\n    }\n  }\n": types.OrgUnitShowDocument,
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;