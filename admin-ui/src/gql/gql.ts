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
    "\n  query OfficeDayOffices($first: Int, $after: String) {\n    orgUnits(kind: TERRITORIAL_OFFICE, first: $first, after: $after) {\n      nodes { id code name size virtualCounter }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.OfficeDayOfficesDocument,
    "\n  query OfficeDayAppointments($filter: AppointmentFilter, $first: Int, $after: String) {\n    appointments(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        cupNumber\n        time\n        citizenName\n        status\n        channel\n        version\n        service { code name fast }\n        precall { status coverage outcome result assignee { username displayName } }\n        counter { channel outcome operator { username displayName } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.OfficeDayAppointmentsDocument,
    "\n  mutation CupImport($officeCode: String!, $file: Upload!) {\n    importCupBookings(officeCode: $officeCode, file: $file) {\n      created\n      updated\n      unchanged\n      cancelled\n      days\n      rejected { row cupNumber reason }\n    }\n  }\n": typeof types.CupImportDocument,
    "\n  mutation PrecallsAssign($appointmentIds: [ID!]!, $username: String!) {\n    assignPrecalls(appointmentIds: $appointmentIds, username: $username) {\n      id\n      version\n      precall { status assignee { username displayName } }\n    }\n  }\n": typeof types.PrecallsAssignDocument,
    "\n  mutation PrecallsAutoAssign($officeCode: String!, $date: NaiveDate!) {\n    autoAssignPrecalls(officeCode: $officeCode, date: $date) {\n      assigned { id }\n      withoutSkilledOperator { id cupNumber service { name } }\n      perOperator { username count }\n    }\n  }\n": typeof types.PrecallsAutoAssignDocument,
    "\n  mutation CounterAssign($appointmentId: ID!, $username: String!, $channel: AppointmentChannel!, $version: Int) {\n    assignCounter(appointmentId: $appointmentId, username: $username, channel: $channel, version: $version) {\n      id\n      version\n      status\n      counter { channel operator { username displayName } }\n    }\n  }\n": typeof types.CounterAssignDocument,
    "\n  mutation AppointmentCancel($id: ID!, $reason: String!, $version: Int) {\n    cancelAppointment(id: $id, reason: $reason, version: $version) {\n      id\n      version\n      status\n      cancelReason\n    }\n  }\n": typeof types.AppointmentCancelDocument,
    "\n  query ServiceList {\n    services { id code name fast active }\n  }\n": typeof types.ServiceListDocument,
    "\n  query OperatorSkillsShow($username: String!, $officeCode: String) {\n    operatorSkills(username: $username, officeCode: $officeCode) {\n      username\n      officeCode\n      services { id code }\n    }\n  }\n": typeof types.OperatorSkillsShowDocument,
    "\n  mutation OperatorSkillsSet($username: String!, $serviceCodes: [String!]!, $officeCode: String) {\n    setOperatorSkills(username: $username, serviceCodes: $serviceCodes, officeCode: $officeCode) {\n      username\n      officeCode\n      services { id code }\n    }\n  }\n": typeof types.OperatorSkillsSetDocument,
    "\n  query OrgUnitList($first: Int, $after: String, $kind: UnitKind) {\n    orgUnits(first: $first, after: $after, kind: $kind) {\n      nodes {\n        id\n        code\n        name\n        kind\n        parent {\n          id\n          code\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OrgUnitListDocument,
    "\n  query OrgUnitShow($code: String!) {\n    orgUnit(code: $code) {\n      id\n      code\n      name\n      kind\n      path\n      size\n      virtualCounter\n      virtualCounterMailbox\n      openingHours\n      parent {\n        id\n        code\n        name\n      }\n      children {\n        id\n        code\n        name\n        kind\n      }\n    }\n  }\n": typeof types.OrgUnitShowDocument,
    "\n  query WorklistPrecalls($date: NaiveDate) {\n    myWorklist(date: $date) {\n      date\n      precalls {\n        id\n        cupNumber\n        date\n        time\n        citizenName\n        phone\n        version\n        hasEmail\n        service { name }\n        precall { coverage }\n        office { size }\n      }\n    }\n  }\n": typeof types.WorklistPrecallsDocument,
    "\n  query WorklistCounterSessions($date: NaiveDate) {\n    myWorklist(date: $date) {\n      counterSessions {\n        id\n        cupNumber\n        time\n        citizenName\n        status\n        version\n        service { name }\n        precall { note }\n        counter { channel startedAt outcome }\n      }\n    }\n  }\n": typeof types.WorklistCounterSessionsDocument,
    "\n  query WorklistCallbacks {\n    myWorklist {\n      callbacks {\n        id\n        phone\n        topic\n        status\n        attempts\n        version\n        availableFrom\n        outcome\n        note\n        unit { name }\n      }\n    }\n  }\n": typeof types.WorklistCallbacksDocument,
    "\n  mutation PrecallRecord($appointmentId: ID!, $input: PrecallOutcomeInput!, $version: Int) {\n    recordPrecallOutcome(appointmentId: $appointmentId, input: $input, version: $version) {\n      id\n      version\n      status\n      precall { status outcome reason result note }\n    }\n  }\n": typeof types.PrecallRecordDocument,
    "\n  mutation CounterStart($id: ID!, $version: Int) {\n    startCounterSession(id: $id, version: $version) {\n      id\n      version\n      status\n      counter { startedAt }\n    }\n  }\n": typeof types.CounterStartDocument,
    "\n  mutation CounterRecord($id: ID!, $outcome: CounterOutcome!, $protocolNumber: String, $version: Int) {\n    recordCounterOutcome(id: $id, outcome: $outcome, protocolNumber: $protocolNumber, version: $version) {\n      id\n      version\n      status\n      counter { outcome protocolNumber startedAt endedAt durationMinutes overTimeLimit }\n    }\n  }\n": typeof types.CounterRecordDocument,
    "\n  mutation AppointmentNext {\n    nextAppointment {\n      id\n      cupNumber\n      date\n      time\n      citizenName\n      status\n      service { name }\n      counter { channel }\n    }\n  }\n": typeof types.AppointmentNextDocument,
    "\n  mutation CallbackAttempt($id: ID!, $outcome: CallbackOutcome!, $note: String, $version: Int) {\n    recordCallbackAttempt(id: $id, outcome: $outcome, note: $note, version: $version) {\n      id\n      version\n      status\n      attempts\n      outcome\n      note\n    }\n  }\n": typeof types.CallbackAttemptDocument,
    "\n  query PrecontactShow($appointmentId: ID!) {\n    precontactEmail(appointmentId: $appointmentId) { from to cc subject body }\n    appointment(id: $appointmentId) {\n      id\n      version\n      precontact { sentAt reply repliedAt sentBy { username displayName } }\n    }\n  }\n": typeof types.PrecontactShowDocument,
    "\n  mutation PrecontactSent($appointmentId: ID!, $version: Int) {\n    markPrecontactSent(appointmentId: $appointmentId, version: $version) {\n      id\n      version\n      precontact { sentAt reply repliedAt sentBy { username displayName } }\n    }\n  }\n": typeof types.PrecontactSentDocument,
    "\n  mutation PrecontactReply($appointmentId: ID!, $reply: String!, $version: Int) {\n    recordCitizenReply(appointmentId: $appointmentId, reply: $reply, version: $version) {\n      id\n      version\n      precontact { sentAt reply repliedAt sentBy { username displayName } }\n    }\n  }\n": typeof types.PrecontactReplyDocument,
};
const documents: Documents = {
    "\n  mutation SessionLogin($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      expiresAt\n      me {\n        id\n        username\n      }\n    }\n  }\n": types.SessionLoginDocument,
    "\n  mutation SessionLogout {\n    logout\n  }\n": types.SessionLogoutDocument,
    "\n  query MeShow {\n    me {\n      id\n      username\n      displayName\n      assignments {\n        role\n        unitCode\n        unitName\n        section\n      }\n    }\n  }\n": types.MeShowDocument,
    "\n  query OfficeDayOffices($first: Int, $after: String) {\n    orgUnits(kind: TERRITORIAL_OFFICE, first: $first, after: $after) {\n      nodes { id code name size virtualCounter }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.OfficeDayOfficesDocument,
    "\n  query OfficeDayAppointments($filter: AppointmentFilter, $first: Int, $after: String) {\n    appointments(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        cupNumber\n        time\n        citizenName\n        status\n        channel\n        version\n        service { code name fast }\n        precall { status coverage outcome result assignee { username displayName } }\n        counter { channel outcome operator { username displayName } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.OfficeDayAppointmentsDocument,
    "\n  mutation CupImport($officeCode: String!, $file: Upload!) {\n    importCupBookings(officeCode: $officeCode, file: $file) {\n      created\n      updated\n      unchanged\n      cancelled\n      days\n      rejected { row cupNumber reason }\n    }\n  }\n": types.CupImportDocument,
    "\n  mutation PrecallsAssign($appointmentIds: [ID!]!, $username: String!) {\n    assignPrecalls(appointmentIds: $appointmentIds, username: $username) {\n      id\n      version\n      precall { status assignee { username displayName } }\n    }\n  }\n": types.PrecallsAssignDocument,
    "\n  mutation PrecallsAutoAssign($officeCode: String!, $date: NaiveDate!) {\n    autoAssignPrecalls(officeCode: $officeCode, date: $date) {\n      assigned { id }\n      withoutSkilledOperator { id cupNumber service { name } }\n      perOperator { username count }\n    }\n  }\n": types.PrecallsAutoAssignDocument,
    "\n  mutation CounterAssign($appointmentId: ID!, $username: String!, $channel: AppointmentChannel!, $version: Int) {\n    assignCounter(appointmentId: $appointmentId, username: $username, channel: $channel, version: $version) {\n      id\n      version\n      status\n      counter { channel operator { username displayName } }\n    }\n  }\n": types.CounterAssignDocument,
    "\n  mutation AppointmentCancel($id: ID!, $reason: String!, $version: Int) {\n    cancelAppointment(id: $id, reason: $reason, version: $version) {\n      id\n      version\n      status\n      cancelReason\n    }\n  }\n": types.AppointmentCancelDocument,
    "\n  query ServiceList {\n    services { id code name fast active }\n  }\n": types.ServiceListDocument,
    "\n  query OperatorSkillsShow($username: String!, $officeCode: String) {\n    operatorSkills(username: $username, officeCode: $officeCode) {\n      username\n      officeCode\n      services { id code }\n    }\n  }\n": types.OperatorSkillsShowDocument,
    "\n  mutation OperatorSkillsSet($username: String!, $serviceCodes: [String!]!, $officeCode: String) {\n    setOperatorSkills(username: $username, serviceCodes: $serviceCodes, officeCode: $officeCode) {\n      username\n      officeCode\n      services { id code }\n    }\n  }\n": types.OperatorSkillsSetDocument,
    "\n  query OrgUnitList($first: Int, $after: String, $kind: UnitKind) {\n    orgUnits(first: $first, after: $after, kind: $kind) {\n      nodes {\n        id\n        code\n        name\n        kind\n        parent {\n          id\n          code\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OrgUnitListDocument,
    "\n  query OrgUnitShow($code: String!) {\n    orgUnit(code: $code) {\n      id\n      code\n      name\n      kind\n      path\n      size\n      virtualCounter\n      virtualCounterMailbox\n      openingHours\n      parent {\n        id\n        code\n        name\n      }\n      children {\n        id\n        code\n        name\n        kind\n      }\n    }\n  }\n": types.OrgUnitShowDocument,
    "\n  query WorklistPrecalls($date: NaiveDate) {\n    myWorklist(date: $date) {\n      date\n      precalls {\n        id\n        cupNumber\n        date\n        time\n        citizenName\n        phone\n        version\n        hasEmail\n        service { name }\n        precall { coverage }\n        office { size }\n      }\n    }\n  }\n": types.WorklistPrecallsDocument,
    "\n  query WorklistCounterSessions($date: NaiveDate) {\n    myWorklist(date: $date) {\n      counterSessions {\n        id\n        cupNumber\n        time\n        citizenName\n        status\n        version\n        service { name }\n        precall { note }\n        counter { channel startedAt outcome }\n      }\n    }\n  }\n": types.WorklistCounterSessionsDocument,
    "\n  query WorklistCallbacks {\n    myWorklist {\n      callbacks {\n        id\n        phone\n        topic\n        status\n        attempts\n        version\n        availableFrom\n        outcome\n        note\n        unit { name }\n      }\n    }\n  }\n": types.WorklistCallbacksDocument,
    "\n  mutation PrecallRecord($appointmentId: ID!, $input: PrecallOutcomeInput!, $version: Int) {\n    recordPrecallOutcome(appointmentId: $appointmentId, input: $input, version: $version) {\n      id\n      version\n      status\n      precall { status outcome reason result note }\n    }\n  }\n": types.PrecallRecordDocument,
    "\n  mutation CounterStart($id: ID!, $version: Int) {\n    startCounterSession(id: $id, version: $version) {\n      id\n      version\n      status\n      counter { startedAt }\n    }\n  }\n": types.CounterStartDocument,
    "\n  mutation CounterRecord($id: ID!, $outcome: CounterOutcome!, $protocolNumber: String, $version: Int) {\n    recordCounterOutcome(id: $id, outcome: $outcome, protocolNumber: $protocolNumber, version: $version) {\n      id\n      version\n      status\n      counter { outcome protocolNumber startedAt endedAt durationMinutes overTimeLimit }\n    }\n  }\n": types.CounterRecordDocument,
    "\n  mutation AppointmentNext {\n    nextAppointment {\n      id\n      cupNumber\n      date\n      time\n      citizenName\n      status\n      service { name }\n      counter { channel }\n    }\n  }\n": types.AppointmentNextDocument,
    "\n  mutation CallbackAttempt($id: ID!, $outcome: CallbackOutcome!, $note: String, $version: Int) {\n    recordCallbackAttempt(id: $id, outcome: $outcome, note: $note, version: $version) {\n      id\n      version\n      status\n      attempts\n      outcome\n      note\n    }\n  }\n": types.CallbackAttemptDocument,
    "\n  query PrecontactShow($appointmentId: ID!) {\n    precontactEmail(appointmentId: $appointmentId) { from to cc subject body }\n    appointment(id: $appointmentId) {\n      id\n      version\n      precontact { sentAt reply repliedAt sentBy { username displayName } }\n    }\n  }\n": types.PrecontactShowDocument,
    "\n  mutation PrecontactSent($appointmentId: ID!, $version: Int) {\n    markPrecontactSent(appointmentId: $appointmentId, version: $version) {\n      id\n      version\n      precontact { sentAt reply repliedAt sentBy { username displayName } }\n    }\n  }\n": types.PrecontactSentDocument,
    "\n  mutation PrecontactReply($appointmentId: ID!, $reply: String!, $version: Int) {\n    recordCitizenReply(appointmentId: $appointmentId, reply: $reply, version: $version) {\n      id\n      version\n      precontact { sentAt reply repliedAt sentBy { username displayName } }\n    }\n  }\n": types.PrecontactReplyDocument,
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
export function graphql(source: "\n  query OfficeDayOffices($first: Int, $after: String) {\n    orgUnits(kind: TERRITORIAL_OFFICE, first: $first, after: $after) {\n      nodes { id code name size virtualCounter }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query OfficeDayOffices($first: Int, $after: String) {\n    orgUnits(kind: TERRITORIAL_OFFICE, first: $first, after: $after) {\n      nodes { id code name size virtualCounter }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfficeDayAppointments($filter: AppointmentFilter, $first: Int, $after: String) {\n    appointments(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        cupNumber\n        time\n        citizenName\n        status\n        channel\n        version\n        service { code name fast }\n        precall { status coverage outcome result assignee { username displayName } }\n        counter { channel outcome operator { username displayName } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query OfficeDayAppointments($filter: AppointmentFilter, $first: Int, $after: String) {\n    appointments(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        cupNumber\n        time\n        citizenName\n        status\n        channel\n        version\n        service { code name fast }\n        precall { status coverage outcome result assignee { username displayName } }\n        counter { channel outcome operator { username displayName } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CupImport($officeCode: String!, $file: Upload!) {\n    importCupBookings(officeCode: $officeCode, file: $file) {\n      created\n      updated\n      unchanged\n      cancelled\n      days\n      rejected { row cupNumber reason }\n    }\n  }\n"): (typeof documents)["\n  mutation CupImport($officeCode: String!, $file: Upload!) {\n    importCupBookings(officeCode: $officeCode, file: $file) {\n      created\n      updated\n      unchanged\n      cancelled\n      days\n      rejected { row cupNumber reason }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrecallsAssign($appointmentIds: [ID!]!, $username: String!) {\n    assignPrecalls(appointmentIds: $appointmentIds, username: $username) {\n      id\n      version\n      precall { status assignee { username displayName } }\n    }\n  }\n"): (typeof documents)["\n  mutation PrecallsAssign($appointmentIds: [ID!]!, $username: String!) {\n    assignPrecalls(appointmentIds: $appointmentIds, username: $username) {\n      id\n      version\n      precall { status assignee { username displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrecallsAutoAssign($officeCode: String!, $date: NaiveDate!) {\n    autoAssignPrecalls(officeCode: $officeCode, date: $date) {\n      assigned { id }\n      withoutSkilledOperator { id cupNumber service { name } }\n      perOperator { username count }\n    }\n  }\n"): (typeof documents)["\n  mutation PrecallsAutoAssign($officeCode: String!, $date: NaiveDate!) {\n    autoAssignPrecalls(officeCode: $officeCode, date: $date) {\n      assigned { id }\n      withoutSkilledOperator { id cupNumber service { name } }\n      perOperator { username count }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CounterAssign($appointmentId: ID!, $username: String!, $channel: AppointmentChannel!, $version: Int) {\n    assignCounter(appointmentId: $appointmentId, username: $username, channel: $channel, version: $version) {\n      id\n      version\n      status\n      counter { channel operator { username displayName } }\n    }\n  }\n"): (typeof documents)["\n  mutation CounterAssign($appointmentId: ID!, $username: String!, $channel: AppointmentChannel!, $version: Int) {\n    assignCounter(appointmentId: $appointmentId, username: $username, channel: $channel, version: $version) {\n      id\n      version\n      status\n      counter { channel operator { username displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppointmentCancel($id: ID!, $reason: String!, $version: Int) {\n    cancelAppointment(id: $id, reason: $reason, version: $version) {\n      id\n      version\n      status\n      cancelReason\n    }\n  }\n"): (typeof documents)["\n  mutation AppointmentCancel($id: ID!, $reason: String!, $version: Int) {\n    cancelAppointment(id: $id, reason: $reason, version: $version) {\n      id\n      version\n      status\n      cancelReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceList {\n    services { id code name fast active }\n  }\n"): (typeof documents)["\n  query ServiceList {\n    services { id code name fast active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OperatorSkillsShow($username: String!, $officeCode: String) {\n    operatorSkills(username: $username, officeCode: $officeCode) {\n      username\n      officeCode\n      services { id code }\n    }\n  }\n"): (typeof documents)["\n  query OperatorSkillsShow($username: String!, $officeCode: String) {\n    operatorSkills(username: $username, officeCode: $officeCode) {\n      username\n      officeCode\n      services { id code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperatorSkillsSet($username: String!, $serviceCodes: [String!]!, $officeCode: String) {\n    setOperatorSkills(username: $username, serviceCodes: $serviceCodes, officeCode: $officeCode) {\n      username\n      officeCode\n      services { id code }\n    }\n  }\n"): (typeof documents)["\n  mutation OperatorSkillsSet($username: String!, $serviceCodes: [String!]!, $officeCode: String) {\n    setOperatorSkills(username: $username, serviceCodes: $serviceCodes, officeCode: $officeCode) {\n      username\n      officeCode\n      services { id code }\n    }\n  }\n"];
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
export function graphql(source: "\n  query WorklistPrecalls($date: NaiveDate) {\n    myWorklist(date: $date) {\n      date\n      precalls {\n        id\n        cupNumber\n        date\n        time\n        citizenName\n        phone\n        version\n        hasEmail\n        service { name }\n        precall { coverage }\n        office { size }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorklistPrecalls($date: NaiveDate) {\n    myWorklist(date: $date) {\n      date\n      precalls {\n        id\n        cupNumber\n        date\n        time\n        citizenName\n        phone\n        version\n        hasEmail\n        service { name }\n        precall { coverage }\n        office { size }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorklistCounterSessions($date: NaiveDate) {\n    myWorklist(date: $date) {\n      counterSessions {\n        id\n        cupNumber\n        time\n        citizenName\n        status\n        version\n        service { name }\n        precall { note }\n        counter { channel startedAt outcome }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorklistCounterSessions($date: NaiveDate) {\n    myWorklist(date: $date) {\n      counterSessions {\n        id\n        cupNumber\n        time\n        citizenName\n        status\n        version\n        service { name }\n        precall { note }\n        counter { channel startedAt outcome }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorklistCallbacks {\n    myWorklist {\n      callbacks {\n        id\n        phone\n        topic\n        status\n        attempts\n        version\n        availableFrom\n        outcome\n        note\n        unit { name }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorklistCallbacks {\n    myWorklist {\n      callbacks {\n        id\n        phone\n        topic\n        status\n        attempts\n        version\n        availableFrom\n        outcome\n        note\n        unit { name }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrecallRecord($appointmentId: ID!, $input: PrecallOutcomeInput!, $version: Int) {\n    recordPrecallOutcome(appointmentId: $appointmentId, input: $input, version: $version) {\n      id\n      version\n      status\n      precall { status outcome reason result note }\n    }\n  }\n"): (typeof documents)["\n  mutation PrecallRecord($appointmentId: ID!, $input: PrecallOutcomeInput!, $version: Int) {\n    recordPrecallOutcome(appointmentId: $appointmentId, input: $input, version: $version) {\n      id\n      version\n      status\n      precall { status outcome reason result note }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CounterStart($id: ID!, $version: Int) {\n    startCounterSession(id: $id, version: $version) {\n      id\n      version\n      status\n      counter { startedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation CounterStart($id: ID!, $version: Int) {\n    startCounterSession(id: $id, version: $version) {\n      id\n      version\n      status\n      counter { startedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CounterRecord($id: ID!, $outcome: CounterOutcome!, $protocolNumber: String, $version: Int) {\n    recordCounterOutcome(id: $id, outcome: $outcome, protocolNumber: $protocolNumber, version: $version) {\n      id\n      version\n      status\n      counter { outcome protocolNumber startedAt endedAt durationMinutes overTimeLimit }\n    }\n  }\n"): (typeof documents)["\n  mutation CounterRecord($id: ID!, $outcome: CounterOutcome!, $protocolNumber: String, $version: Int) {\n    recordCounterOutcome(id: $id, outcome: $outcome, protocolNumber: $protocolNumber, version: $version) {\n      id\n      version\n      status\n      counter { outcome protocolNumber startedAt endedAt durationMinutes overTimeLimit }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppointmentNext {\n    nextAppointment {\n      id\n      cupNumber\n      date\n      time\n      citizenName\n      status\n      service { name }\n      counter { channel }\n    }\n  }\n"): (typeof documents)["\n  mutation AppointmentNext {\n    nextAppointment {\n      id\n      cupNumber\n      date\n      time\n      citizenName\n      status\n      service { name }\n      counter { channel }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CallbackAttempt($id: ID!, $outcome: CallbackOutcome!, $note: String, $version: Int) {\n    recordCallbackAttempt(id: $id, outcome: $outcome, note: $note, version: $version) {\n      id\n      version\n      status\n      attempts\n      outcome\n      note\n    }\n  }\n"): (typeof documents)["\n  mutation CallbackAttempt($id: ID!, $outcome: CallbackOutcome!, $note: String, $version: Int) {\n    recordCallbackAttempt(id: $id, outcome: $outcome, note: $note, version: $version) {\n      id\n      version\n      status\n      attempts\n      outcome\n      note\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrecontactShow($appointmentId: ID!) {\n    precontactEmail(appointmentId: $appointmentId) { from to cc subject body }\n    appointment(id: $appointmentId) {\n      id\n      version\n      precontact { sentAt reply repliedAt sentBy { username displayName } }\n    }\n  }\n"): (typeof documents)["\n  query PrecontactShow($appointmentId: ID!) {\n    precontactEmail(appointmentId: $appointmentId) { from to cc subject body }\n    appointment(id: $appointmentId) {\n      id\n      version\n      precontact { sentAt reply repliedAt sentBy { username displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrecontactSent($appointmentId: ID!, $version: Int) {\n    markPrecontactSent(appointmentId: $appointmentId, version: $version) {\n      id\n      version\n      precontact { sentAt reply repliedAt sentBy { username displayName } }\n    }\n  }\n"): (typeof documents)["\n  mutation PrecontactSent($appointmentId: ID!, $version: Int) {\n    markPrecontactSent(appointmentId: $appointmentId, version: $version) {\n      id\n      version\n      precontact { sentAt reply repliedAt sentBy { username displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PrecontactReply($appointmentId: ID!, $reply: String!, $version: Int) {\n    recordCitizenReply(appointmentId: $appointmentId, reply: $reply, version: $version) {\n      id\n      version\n      precontact { sentAt reply repliedAt sentBy { username displayName } }\n    }\n  }\n"): (typeof documents)["\n  mutation PrecontactReply($appointmentId: ID!, $reply: String!, $version: Int) {\n    recordCitizenReply(appointmentId: $appointmentId, reply: $reply, version: $version) {\n      id\n      version\n      precontact { sentAt reply repliedAt sentBy { username displayName } }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;