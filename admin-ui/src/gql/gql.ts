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
    "\n  query FaqSearch($search: String, $section: Section, $includeRetired: Boolean, $first: Int, $after: String) {\n    faqEntries(search: $search, section: $section, includeRetired: $includeRetired, first: $first, after: $after) {\n      nodes {\n        id\n        section\n        question\n        answer\n        tags\n        status\n        sourceQuesitoId\n        version\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.FaqSearchDocument,
    "\n  query QuesitoClassificationList($regionCode: String!, $section: Section, $first: Int, $after: String) {\n    quesitoClassifications(regionCode: $regionCode, section: $section, first: $first, after: $after) {\n      nodes {\n        id\n        section\n        code\n        label\n        active\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.QuesitoClassificationListDocument,
    "\n  mutation QuesitoFile($input: FileQuesitoInput!) {\n    fileQuesito(input: $input) {\n      id\n      status\n      dueAt\n    }\n  }\n": typeof types.QuesitoFileDocument,
    "\n  query QuesitoList($filter: QuesitoFilter, $first: Int, $after: String) {\n    quesiti(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        section\n        priority\n        subject\n        classification {\n          id\n          label\n        }\n        cric {\n          id\n          name\n        }\n        citizenFiscalCode\n        dueAt\n        overdue\n        filedAt\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.QuesitoListDocument,
    "\n  query QuesitoShow($id: ID!) {\n    quesito(id: $id) {\n      id\n      status\n      section\n      priority\n      subject\n      question\n      classification {\n        id\n        label\n      }\n      cric {\n        id\n        code\n        name\n      }\n      forwardedTo {\n        id\n        name\n      }\n      citizenFiscalCode\n      citizenPhone\n      citizenEmail\n      dueAt\n      overdue\n      filedAt\n      takenAt\n      answer\n      answeredAt\n      forwardReason\n      cancelReason\n      appointmentId\n      faqEntryId\n      contactId\n      version\n      events {\n        from\n        to\n        at\n        actor\n        actingRole\n        note\n      }\n    }\n  }\n": typeof types.QuesitoShowDocument,
    "\n  mutation QuesitoTake($id: ID!) {\n    takeQuesito(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.QuesitoTakeDocument,
    "\n  mutation QuesitoAnswer($id: ID!, $answer: String!, $publishAsFaq: Boolean, $faqQuestion: String) {\n    answerQuesito(id: $id, answer: $answer, publishAsFaq: $publishAsFaq, faqQuestion: $faqQuestion) {\n      id\n      status\n      version\n      faqEntryId\n    }\n  }\n": typeof types.QuesitoAnswerDocument,
    "\n  mutation QuesitoForward($id: ID!, $reason: String!) {\n    forwardQuesito(id: $id, reason: $reason) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.QuesitoForwardDocument,
    "\n  mutation QuesitoCancel($id: ID!, $reason: String!) {\n    cancelQuesito(id: $id, reason: $reason) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.QuesitoCancelDocument,
    "\n  mutation ContactRecord($input: RecordContactInput!) {\n    recordContact(input: $input) {\n      id\n      outcome\n    }\n  }\n": typeof types.ContactRecordDocument,
    "\n  query ContactList($filter: ContactFilter, $first: Int, $after: String) {\n    contacts(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        channel\n        section\n        topic\n        citizenFiscalCode\n        outcome\n        quesito {\n          id\n          subject\n          status\n        }\n        appointmentId\n        callbackId\n        note\n        recordedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ContactListDocument,
    "\n  mutation FaqPublish($input: PublishFaqInput!) {\n    publishFaq(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.FaqPublishDocument,
    "\n  mutation FaqUpdate($id: ID!, $input: UpdateFaqInput!, $expectedVersion: Int) {\n    updateFaq(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      question\n      answer\n      tags\n      version\n      updatedAt\n    }\n  }\n": typeof types.FaqUpdateDocument,
    "\n  mutation FaqRetire($id: ID!) {\n    retireFaq(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.FaqRetireDocument,
};
const documents: Documents = {
    "\n  mutation SessionLogin($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      me {\n        id\n        username\n      }\n    }\n  }\n": types.SessionLoginDocument,
    "\n  mutation SessionLogout {\n    logout\n  }\n": types.SessionLogoutDocument,
    "\n  query MeShow {\n    me {\n      id\n      username\n      displayName\n      assignments {\n        role\n        unitCode\n        unitName\n        section\n      }\n    }\n  }\n": types.MeShowDocument,
    "\n  query OrgUnitList($first: Int, $after: String, $kind: UnitKind) {\n    orgUnits(first: $first, after: $after, kind: $kind) {\n      nodes {\n        id\n        code\n        name\n        kind\n        parent {\n          id\n          code\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OrgUnitListDocument,
    "\n  query OrgUnitShow($code: String!) {\n    orgUnit(code: $code) {\n      id\n      code\n      name\n      kind\n      path\n      size\n      virtualCounter\n      virtualCounterMailbox\n      openingHours\n      parent {\n        id\n        code\n        name\n      }\n      children {\n        id\n        code\n        name\n        kind\n      }\n    }\n  }\n": types.OrgUnitShowDocument,
    "\n  query FaqSearch($search: String, $section: Section, $includeRetired: Boolean, $first: Int, $after: String) {\n    faqEntries(search: $search, section: $section, includeRetired: $includeRetired, first: $first, after: $after) {\n      nodes {\n        id\n        section\n        question\n        answer\n        tags\n        status\n        sourceQuesitoId\n        version\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.FaqSearchDocument,
    "\n  query QuesitoClassificationList($regionCode: String!, $section: Section, $first: Int, $after: String) {\n    quesitoClassifications(regionCode: $regionCode, section: $section, first: $first, after: $after) {\n      nodes {\n        id\n        section\n        code\n        label\n        active\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.QuesitoClassificationListDocument,
    "\n  mutation QuesitoFile($input: FileQuesitoInput!) {\n    fileQuesito(input: $input) {\n      id\n      status\n      dueAt\n    }\n  }\n": types.QuesitoFileDocument,
    "\n  query QuesitoList($filter: QuesitoFilter, $first: Int, $after: String) {\n    quesiti(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        section\n        priority\n        subject\n        classification {\n          id\n          label\n        }\n        cric {\n          id\n          name\n        }\n        citizenFiscalCode\n        dueAt\n        overdue\n        filedAt\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.QuesitoListDocument,
    "\n  query QuesitoShow($id: ID!) {\n    quesito(id: $id) {\n      id\n      status\n      section\n      priority\n      subject\n      question\n      classification {\n        id\n        label\n      }\n      cric {\n        id\n        code\n        name\n      }\n      forwardedTo {\n        id\n        name\n      }\n      citizenFiscalCode\n      citizenPhone\n      citizenEmail\n      dueAt\n      overdue\n      filedAt\n      takenAt\n      answer\n      answeredAt\n      forwardReason\n      cancelReason\n      appointmentId\n      faqEntryId\n      contactId\n      version\n      events {\n        from\n        to\n        at\n        actor\n        actingRole\n        note\n      }\n    }\n  }\n": types.QuesitoShowDocument,
    "\n  mutation QuesitoTake($id: ID!) {\n    takeQuesito(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": types.QuesitoTakeDocument,
    "\n  mutation QuesitoAnswer($id: ID!, $answer: String!, $publishAsFaq: Boolean, $faqQuestion: String) {\n    answerQuesito(id: $id, answer: $answer, publishAsFaq: $publishAsFaq, faqQuestion: $faqQuestion) {\n      id\n      status\n      version\n      faqEntryId\n    }\n  }\n": types.QuesitoAnswerDocument,
    "\n  mutation QuesitoForward($id: ID!, $reason: String!) {\n    forwardQuesito(id: $id, reason: $reason) {\n      id\n      status\n      version\n    }\n  }\n": types.QuesitoForwardDocument,
    "\n  mutation QuesitoCancel($id: ID!, $reason: String!) {\n    cancelQuesito(id: $id, reason: $reason) {\n      id\n      status\n      version\n    }\n  }\n": types.QuesitoCancelDocument,
    "\n  mutation ContactRecord($input: RecordContactInput!) {\n    recordContact(input: $input) {\n      id\n      outcome\n    }\n  }\n": types.ContactRecordDocument,
    "\n  query ContactList($filter: ContactFilter, $first: Int, $after: String) {\n    contacts(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        channel\n        section\n        topic\n        citizenFiscalCode\n        outcome\n        quesito {\n          id\n          subject\n          status\n        }\n        appointmentId\n        callbackId\n        note\n        recordedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ContactListDocument,
    "\n  mutation FaqPublish($input: PublishFaqInput!) {\n    publishFaq(input: $input) {\n      id\n      status\n    }\n  }\n": types.FaqPublishDocument,
    "\n  mutation FaqUpdate($id: ID!, $input: UpdateFaqInput!, $expectedVersion: Int) {\n    updateFaq(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      question\n      answer\n      tags\n      version\n      updatedAt\n    }\n  }\n": types.FaqUpdateDocument,
    "\n  mutation FaqRetire($id: ID!) {\n    retireFaq(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": types.FaqRetireDocument,
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaqSearch($search: String, $section: Section, $includeRetired: Boolean, $first: Int, $after: String) {\n    faqEntries(search: $search, section: $section, includeRetired: $includeRetired, first: $first, after: $after) {\n      nodes {\n        id\n        section\n        question\n        answer\n        tags\n        status\n        sourceQuesitoId\n        version\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query FaqSearch($search: String, $section: Section, $includeRetired: Boolean, $first: Int, $after: String) {\n    faqEntries(search: $search, section: $section, includeRetired: $includeRetired, first: $first, after: $after) {\n      nodes {\n        id\n        section\n        question\n        answer\n        tags\n        status\n        sourceQuesitoId\n        version\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuesitoClassificationList($regionCode: String!, $section: Section, $first: Int, $after: String) {\n    quesitoClassifications(regionCode: $regionCode, section: $section, first: $first, after: $after) {\n      nodes {\n        id\n        section\n        code\n        label\n        active\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query QuesitoClassificationList($regionCode: String!, $section: Section, $first: Int, $after: String) {\n    quesitoClassifications(regionCode: $regionCode, section: $section, first: $first, after: $after) {\n      nodes {\n        id\n        section\n        code\n        label\n        active\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuesitoFile($input: FileQuesitoInput!) {\n    fileQuesito(input: $input) {\n      id\n      status\n      dueAt\n    }\n  }\n"): (typeof documents)["\n  mutation QuesitoFile($input: FileQuesitoInput!) {\n    fileQuesito(input: $input) {\n      id\n      status\n      dueAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuesitoList($filter: QuesitoFilter, $first: Int, $after: String) {\n    quesiti(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        section\n        priority\n        subject\n        classification {\n          id\n          label\n        }\n        cric {\n          id\n          name\n        }\n        citizenFiscalCode\n        dueAt\n        overdue\n        filedAt\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query QuesitoList($filter: QuesitoFilter, $first: Int, $after: String) {\n    quesiti(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        section\n        priority\n        subject\n        classification {\n          id\n          label\n        }\n        cric {\n          id\n          name\n        }\n        citizenFiscalCode\n        dueAt\n        overdue\n        filedAt\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuesitoShow($id: ID!) {\n    quesito(id: $id) {\n      id\n      status\n      section\n      priority\n      subject\n      question\n      classification {\n        id\n        label\n      }\n      cric {\n        id\n        code\n        name\n      }\n      forwardedTo {\n        id\n        name\n      }\n      citizenFiscalCode\n      citizenPhone\n      citizenEmail\n      dueAt\n      overdue\n      filedAt\n      takenAt\n      answer\n      answeredAt\n      forwardReason\n      cancelReason\n      appointmentId\n      faqEntryId\n      contactId\n      version\n      events {\n        from\n        to\n        at\n        actor\n        actingRole\n        note\n      }\n    }\n  }\n"): (typeof documents)["\n  query QuesitoShow($id: ID!) {\n    quesito(id: $id) {\n      id\n      status\n      section\n      priority\n      subject\n      question\n      classification {\n        id\n        label\n      }\n      cric {\n        id\n        code\n        name\n      }\n      forwardedTo {\n        id\n        name\n      }\n      citizenFiscalCode\n      citizenPhone\n      citizenEmail\n      dueAt\n      overdue\n      filedAt\n      takenAt\n      answer\n      answeredAt\n      forwardReason\n      cancelReason\n      appointmentId\n      faqEntryId\n      contactId\n      version\n      events {\n        from\n        to\n        at\n        actor\n        actingRole\n        note\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuesitoTake($id: ID!) {\n    takeQuesito(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation QuesitoTake($id: ID!) {\n    takeQuesito(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuesitoAnswer($id: ID!, $answer: String!, $publishAsFaq: Boolean, $faqQuestion: String) {\n    answerQuesito(id: $id, answer: $answer, publishAsFaq: $publishAsFaq, faqQuestion: $faqQuestion) {\n      id\n      status\n      version\n      faqEntryId\n    }\n  }\n"): (typeof documents)["\n  mutation QuesitoAnswer($id: ID!, $answer: String!, $publishAsFaq: Boolean, $faqQuestion: String) {\n    answerQuesito(id: $id, answer: $answer, publishAsFaq: $publishAsFaq, faqQuestion: $faqQuestion) {\n      id\n      status\n      version\n      faqEntryId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuesitoForward($id: ID!, $reason: String!) {\n    forwardQuesito(id: $id, reason: $reason) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation QuesitoForward($id: ID!, $reason: String!) {\n    forwardQuesito(id: $id, reason: $reason) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuesitoCancel($id: ID!, $reason: String!) {\n    cancelQuesito(id: $id, reason: $reason) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation QuesitoCancel($id: ID!, $reason: String!) {\n    cancelQuesito(id: $id, reason: $reason) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ContactRecord($input: RecordContactInput!) {\n    recordContact(input: $input) {\n      id\n      outcome\n    }\n  }\n"): (typeof documents)["\n  mutation ContactRecord($input: RecordContactInput!) {\n    recordContact(input: $input) {\n      id\n      outcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactList($filter: ContactFilter, $first: Int, $after: String) {\n    contacts(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        channel\n        section\n        topic\n        citizenFiscalCode\n        outcome\n        quesito {\n          id\n          subject\n          status\n        }\n        appointmentId\n        callbackId\n        note\n        recordedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactList($filter: ContactFilter, $first: Int, $after: String) {\n    contacts(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        channel\n        section\n        topic\n        citizenFiscalCode\n        outcome\n        quesito {\n          id\n          subject\n          status\n        }\n        appointmentId\n        callbackId\n        note\n        recordedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaqPublish($input: PublishFaqInput!) {\n    publishFaq(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation FaqPublish($input: PublishFaqInput!) {\n    publishFaq(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaqUpdate($id: ID!, $input: UpdateFaqInput!, $expectedVersion: Int) {\n    updateFaq(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      question\n      answer\n      tags\n      version\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation FaqUpdate($id: ID!, $input: UpdateFaqInput!, $expectedVersion: Int) {\n    updateFaq(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      question\n      answer\n      tags\n      version\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaqRetire($id: ID!) {\n    retireFaq(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation FaqRetire($id: ID!) {\n    retireFaq(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;