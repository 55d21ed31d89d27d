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
    "\n  query ProfessionalProfileShow {\n    professionalProfile {\n      id\n      fiscalCode\n      name\n      entratelUserType\n      category\n      albo { name province number }\n      selfRegistered\n      verified\n      verifiedAt\n      mayDeclareProcure\n    }\n  }\n": typeof types.ProfessionalProfileShowDocument,
    "\n  fragment ProcuraRow on Procura {\n    id\n    clientFiscalCode\n    clientKind\n    services\n    validFrom\n    validTo\n    status\n    collaboratorsAuthorized\n    privacyNoticeGiven\n    declaredAt\n    revokedAt\n    version\n  }\n": typeof types.ProcuraRowFragmentDoc,
    "\n  query ProcuraList($filter: ProcuraFilter, $first: Int, $after: String) {\n    procure(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ProcuraRow }\n    }\n  }\n": typeof types.ProcuraListDocument,
    "\n  query ProcuraHistory($id: ID!) {\n    procura(id: $id) {\n      id\n      history { kind occurredAt }\n    }\n  }\n": typeof types.ProcuraHistoryDocument,
    "\n  mutation ProcuraDeclare($input: DeclareProcuraInput!) {\n    declareProcura(input: $input) { ...ProcuraRow }\n  }\n": typeof types.ProcuraDeclareDocument,
    "\n  mutation ProcuraRevoke($id: ID!) {\n    revokeProcura(id: $id) { ...ProcuraRow }\n  }\n": typeof types.ProcuraRevokeDocument,
    "\n  fragment CollaboratorRow on Collaborator {\n    id\n    fiscalCode\n    from\n    to\n    active\n    endedAt\n    version\n  }\n": typeof types.CollaboratorRowFragmentDoc,
    "\n  query CollaboratorList($filter: CollaboratorFilter, $first: Int, $after: String) {\n    collaborators(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...CollaboratorRow }\n    }\n  }\n": typeof types.CollaboratorListDocument,
    "\n  mutation CollaboratorAdd($fiscalCode: String!, $from: NaiveDate!, $to: NaiveDate) {\n    addCollaborator(fiscalCode: $fiscalCode, from: $from, to: $to) { ...CollaboratorRow }\n  }\n": typeof types.CollaboratorAddDocument,
    "\n  mutation CollaboratorEnd($id: ID!, $on: NaiveDate!) {\n    endCollaborator(id: $id, on: $on) { ...CollaboratorRow }\n  }\n": typeof types.CollaboratorEndDocument,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    hint\n    createdAt\n    lastUsedAt\n    revokedAt\n    active\n  }\n": typeof types.ApiKeyRowFragmentDoc,
    "\n  query ApiKeyList {\n    apiKeys { ...ApiKeyRow }\n  }\n": typeof types.ApiKeyListDocument,
    "\n  mutation ApiKeyCreate($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey { ...ApiKeyRow }\n    }\n  }\n": typeof types.ApiKeyCreateDocument,
    "\n  mutation ApiKeyRevoke($id: ID!) {\n    revokeApiKey(id: $id) { ...ApiKeyRow }\n  }\n": typeof types.ApiKeyRevokeDocument,
    "\n  query WebhookList($last: Int) {\n    webhooks {\n      id\n      url\n      createdAt\n      deliveries(last: $last) {\n        id\n        event\n        status\n        createdAt\n        sentAt\n        nextAttemptAt\n        lastError\n        attempts { attempt at outcome statusCode error }\n      }\n    }\n  }\n": typeof types.WebhookListDocument,
    "\n  mutation WebhookRegister($url: String!) {\n    registerWebhook(url: $url) {\n      secret\n      webhook { id url createdAt }\n    }\n  }\n": typeof types.WebhookRegisterDocument,
    "\n  mutation WebhookDelete($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": typeof types.WebhookDeleteDocument,
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
    "\n  query CollaboratorCheck($collaboratorFiscalCode: String!, $clientFiscalCode: String!, $service: DelegableService!, $on: NaiveDate) {\n    collaboratorCheck(collaboratorFiscalCode: $collaboratorFiscalCode, clientFiscalCode: $clientFiscalCode, service: $service, on: $on) {\n      authorized\n      reason\n      message\n      on\n      procura {\n        id\n        status\n        services\n        validFrom\n        validTo\n        collaboratorsAuthorized\n        professional { id name fiscalCode }\n      }\n    }\n  }\n": typeof types.CollaboratorCheckDocument,
};
const documents: Documents = {
    "\n  query AuditEventList($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        occurredAt\n        actor\n        actingRole\n        actingUnit {\n          id\n          code\n          name\n        }\n        unit {\n          id\n          code\n          name\n        }\n        action\n        recordType\n        recordId\n        detail\n        requestId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditEventListDocument,
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
    "\n  query ProfessionalProfileShow {\n    professionalProfile {\n      id\n      fiscalCode\n      name\n      entratelUserType\n      category\n      albo { name province number }\n      selfRegistered\n      verified\n      verifiedAt\n      mayDeclareProcure\n    }\n  }\n": types.ProfessionalProfileShowDocument,
    "\n  fragment ProcuraRow on Procura {\n    id\n    clientFiscalCode\n    clientKind\n    services\n    validFrom\n    validTo\n    status\n    collaboratorsAuthorized\n    privacyNoticeGiven\n    declaredAt\n    revokedAt\n    version\n  }\n": types.ProcuraRowFragmentDoc,
    "\n  query ProcuraList($filter: ProcuraFilter, $first: Int, $after: String) {\n    procure(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ProcuraRow }\n    }\n  }\n": types.ProcuraListDocument,
    "\n  query ProcuraHistory($id: ID!) {\n    procura(id: $id) {\n      id\n      history { kind occurredAt }\n    }\n  }\n": types.ProcuraHistoryDocument,
    "\n  mutation ProcuraDeclare($input: DeclareProcuraInput!) {\n    declareProcura(input: $input) { ...ProcuraRow }\n  }\n": types.ProcuraDeclareDocument,
    "\n  mutation ProcuraRevoke($id: ID!) {\n    revokeProcura(id: $id) { ...ProcuraRow }\n  }\n": types.ProcuraRevokeDocument,
    "\n  fragment CollaboratorRow on Collaborator {\n    id\n    fiscalCode\n    from\n    to\n    active\n    endedAt\n    version\n  }\n": types.CollaboratorRowFragmentDoc,
    "\n  query CollaboratorList($filter: CollaboratorFilter, $first: Int, $after: String) {\n    collaborators(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...CollaboratorRow }\n    }\n  }\n": types.CollaboratorListDocument,
    "\n  mutation CollaboratorAdd($fiscalCode: String!, $from: NaiveDate!, $to: NaiveDate) {\n    addCollaborator(fiscalCode: $fiscalCode, from: $from, to: $to) { ...CollaboratorRow }\n  }\n": types.CollaboratorAddDocument,
    "\n  mutation CollaboratorEnd($id: ID!, $on: NaiveDate!) {\n    endCollaborator(id: $id, on: $on) { ...CollaboratorRow }\n  }\n": types.CollaboratorEndDocument,
    "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    hint\n    createdAt\n    lastUsedAt\n    revokedAt\n    active\n  }\n": types.ApiKeyRowFragmentDoc,
    "\n  query ApiKeyList {\n    apiKeys { ...ApiKeyRow }\n  }\n": types.ApiKeyListDocument,
    "\n  mutation ApiKeyCreate($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey { ...ApiKeyRow }\n    }\n  }\n": types.ApiKeyCreateDocument,
    "\n  mutation ApiKeyRevoke($id: ID!) {\n    revokeApiKey(id: $id) { ...ApiKeyRow }\n  }\n": types.ApiKeyRevokeDocument,
    "\n  query WebhookList($last: Int) {\n    webhooks {\n      id\n      url\n      createdAt\n      deliveries(last: $last) {\n        id\n        event\n        status\n        createdAt\n        sentAt\n        nextAttemptAt\n        lastError\n        attempts { attempt at outcome statusCode error }\n      }\n    }\n  }\n": types.WebhookListDocument,
    "\n  mutation WebhookRegister($url: String!) {\n    registerWebhook(url: $url) {\n      secret\n      webhook { id url createdAt }\n    }\n  }\n": types.WebhookRegisterDocument,
    "\n  mutation WebhookDelete($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": types.WebhookDeleteDocument,
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
    "\n  query CollaboratorCheck($collaboratorFiscalCode: String!, $clientFiscalCode: String!, $service: DelegableService!, $on: NaiveDate) {\n    collaboratorCheck(collaboratorFiscalCode: $collaboratorFiscalCode, clientFiscalCode: $clientFiscalCode, service: $service, on: $on) {\n      authorized\n      reason\n      message\n      on\n      procura {\n        id\n        status\n        services\n        validFrom\n        validTo\n        collaboratorsAuthorized\n        professional { id name fiscalCode }\n      }\n    }\n  }\n": types.CollaboratorCheckDocument,
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProfessionalProfileShow {\n    professionalProfile {\n      id\n      fiscalCode\n      name\n      entratelUserType\n      category\n      albo { name province number }\n      selfRegistered\n      verified\n      verifiedAt\n      mayDeclareProcure\n    }\n  }\n"): (typeof documents)["\n  query ProfessionalProfileShow {\n    professionalProfile {\n      id\n      fiscalCode\n      name\n      entratelUserType\n      category\n      albo { name province number }\n      selfRegistered\n      verified\n      verifiedAt\n      mayDeclareProcure\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProcuraRow on Procura {\n    id\n    clientFiscalCode\n    clientKind\n    services\n    validFrom\n    validTo\n    status\n    collaboratorsAuthorized\n    privacyNoticeGiven\n    declaredAt\n    revokedAt\n    version\n  }\n"): (typeof documents)["\n  fragment ProcuraRow on Procura {\n    id\n    clientFiscalCode\n    clientKind\n    services\n    validFrom\n    validTo\n    status\n    collaboratorsAuthorized\n    privacyNoticeGiven\n    declaredAt\n    revokedAt\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcuraList($filter: ProcuraFilter, $first: Int, $after: String) {\n    procure(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ProcuraRow }\n    }\n  }\n"): (typeof documents)["\n  query ProcuraList($filter: ProcuraFilter, $first: Int, $after: String) {\n    procure(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ProcuraRow }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcuraHistory($id: ID!) {\n    procura(id: $id) {\n      id\n      history { kind occurredAt }\n    }\n  }\n"): (typeof documents)["\n  query ProcuraHistory($id: ID!) {\n    procura(id: $id) {\n      id\n      history { kind occurredAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProcuraDeclare($input: DeclareProcuraInput!) {\n    declareProcura(input: $input) { ...ProcuraRow }\n  }\n"): (typeof documents)["\n  mutation ProcuraDeclare($input: DeclareProcuraInput!) {\n    declareProcura(input: $input) { ...ProcuraRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProcuraRevoke($id: ID!) {\n    revokeProcura(id: $id) { ...ProcuraRow }\n  }\n"): (typeof documents)["\n  mutation ProcuraRevoke($id: ID!) {\n    revokeProcura(id: $id) { ...ProcuraRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CollaboratorRow on Collaborator {\n    id\n    fiscalCode\n    from\n    to\n    active\n    endedAt\n    version\n  }\n"): (typeof documents)["\n  fragment CollaboratorRow on Collaborator {\n    id\n    fiscalCode\n    from\n    to\n    active\n    endedAt\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CollaboratorList($filter: CollaboratorFilter, $first: Int, $after: String) {\n    collaborators(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...CollaboratorRow }\n    }\n  }\n"): (typeof documents)["\n  query CollaboratorList($filter: CollaboratorFilter, $first: Int, $after: String) {\n    collaborators(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...CollaboratorRow }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollaboratorAdd($fiscalCode: String!, $from: NaiveDate!, $to: NaiveDate) {\n    addCollaborator(fiscalCode: $fiscalCode, from: $from, to: $to) { ...CollaboratorRow }\n  }\n"): (typeof documents)["\n  mutation CollaboratorAdd($fiscalCode: String!, $from: NaiveDate!, $to: NaiveDate) {\n    addCollaborator(fiscalCode: $fiscalCode, from: $from, to: $to) { ...CollaboratorRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollaboratorEnd($id: ID!, $on: NaiveDate!) {\n    endCollaborator(id: $id, on: $on) { ...CollaboratorRow }\n  }\n"): (typeof documents)["\n  mutation CollaboratorEnd($id: ID!, $on: NaiveDate!) {\n    endCollaborator(id: $id, on: $on) { ...CollaboratorRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    hint\n    createdAt\n    lastUsedAt\n    revokedAt\n    active\n  }\n"): (typeof documents)["\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    hint\n    createdAt\n    lastUsedAt\n    revokedAt\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeyList {\n    apiKeys { ...ApiKeyRow }\n  }\n"): (typeof documents)["\n  query ApiKeyList {\n    apiKeys { ...ApiKeyRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiKeyCreate($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey { ...ApiKeyRow }\n    }\n  }\n"): (typeof documents)["\n  mutation ApiKeyCreate($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey { ...ApiKeyRow }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiKeyRevoke($id: ID!) {\n    revokeApiKey(id: $id) { ...ApiKeyRow }\n  }\n"): (typeof documents)["\n  mutation ApiKeyRevoke($id: ID!) {\n    revokeApiKey(id: $id) { ...ApiKeyRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookList($last: Int) {\n    webhooks {\n      id\n      url\n      createdAt\n      deliveries(last: $last) {\n        id\n        event\n        status\n        createdAt\n        sentAt\n        nextAttemptAt\n        lastError\n        attempts { attempt at outcome statusCode error }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookList($last: Int) {\n    webhooks {\n      id\n      url\n      createdAt\n      deliveries(last: $last) {\n        id\n        event\n        status\n        createdAt\n        sentAt\n        nextAttemptAt\n        lastError\n        attempts { attempt at outcome statusCode error }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhookRegister($url: String!) {\n    registerWebhook(url: $url) {\n      secret\n      webhook { id url createdAt }\n    }\n  }\n"): (typeof documents)["\n  mutation WebhookRegister($url: String!) {\n    registerWebhook(url: $url) {\n      secret\n      webhook { id url createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhookDelete($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"): (typeof documents)["\n  mutation WebhookDelete($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CollaboratorCheck($collaboratorFiscalCode: String!, $clientFiscalCode: String!, $service: DelegableService!, $on: NaiveDate) {\n    collaboratorCheck(collaboratorFiscalCode: $collaboratorFiscalCode, clientFiscalCode: $clientFiscalCode, service: $service, on: $on) {\n      authorized\n      reason\n      message\n      on\n      procura {\n        id\n        status\n        services\n        validFrom\n        validTo\n        collaboratorsAuthorized\n        professional { id name fiscalCode }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CollaboratorCheck($collaboratorFiscalCode: String!, $clientFiscalCode: String!, $service: DelegableService!, $on: NaiveDate) {\n    collaboratorCheck(collaboratorFiscalCode: $collaboratorFiscalCode, clientFiscalCode: $clientFiscalCode, service: $service, on: $on) {\n      authorized\n      reason\n      message\n      on\n      procura {\n        id\n        status\n        services\n        validFrom\n        validTo\n        collaboratorsAuthorized\n        professional { id name fiscalCode }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;