//! The GraphQL schema: each area contributes its query and mutation objects,
//! merged here, with the protections of the OWASP GraphQL cheat sheet.

pub mod context;
pub mod guard;
#[cfg(test)]
mod root_fields;

use async_graphql::dataloader::{DataLoader, HashMapCache};
use async_graphql::{BatchRequest, MergedObject, MergedSubscription, Request, Response, Schema};

use crate::alerts::graphql::{AlertsMutation, AlertsQuery, AlertsSubscription};
use crate::appointments::graphql::{AppointmentsMutation, AppointmentsQuery, PersonById, ServiceById};
use crate::audit::graphql::AuditQuery;
use crate::auth::graphql::{AuthMutation, AuthQuery};
use crate::calendar::graphql::{CalendarMutation, CalendarQuery};
use crate::callbacks::graphql::{CallbacksMutation, CallbacksQuery, IvrKeysMutation, IvrKeysQuery};
use crate::ccm::graphql::{CcmMutation, CcmQuery};
use crate::faq::graphql::{FaqMutation, FaqQuery};
use crate::followups::graphql::BookingNumberById;
use crate::followups::graphql::{FollowUpMutation, FollowUpQuery};
use crate::kernel::reach::Reach;
use crate::monitoring::graphql::MonitoringQuery;
use crate::monitoring::reports::graphql::{ReportsMutation, ReportsQuery};
use crate::office_board::graphql::OfficeBoardQuery;
use crate::office_board::live::OfficeBoardSubscription;
use crate::org::graphql::{ChildrenByParent, OrgMutation, OrgQuery, UnitById};
use crate::outbox::graphql::{DeliveriesByMessage, OutboxMutation, OutboxQuery};
use crate::people::graphql::{AssignmentsByPerson, PeopleMutation, PeopleQuery, PersonQuery};
use crate::procure::graphql::{ProcureMutation, ProcureQuery};
use crate::quesiti::graphql::{
    CentralDirectorates, ClassificationById, EventsByQuesito, QuesitoById, QuesitoMutation, QuesitoQuery,
};
use crate::retention::graphql::RetentionMutation;
use crate::services::graphql::{ServicesMutation, ServicesQuery};
use crate::state::AppState;
use crate::tenancy::Scope;

/// Deepest selection nesting accepted.
pub const MAX_DEPTH: usize = 10;
/// Highest query cost accepted; list fields cost their page size times their children.
pub const MAX_COMPLEXITY: usize = 5_000;
/// Most operations accepted in one batched request.
pub const MAX_BATCH: usize = 10;

#[derive(MergedObject, Default)]
pub struct QueryRoot(
    AuthQuery,
    OrgQuery,
    PeopleQuery,
    PersonQuery,
    AuditQuery,
    OutboxQuery,
    CcmQuery,
    QuesitoQuery,
    FaqQuery,
    ServicesQuery,
    AppointmentsQuery,
    CallbacksQuery,
    IvrKeysQuery,
    CalendarQuery,
    FollowUpQuery,
    OfficeBoardQuery,
    ProcureQuery,
    MonitoringQuery,
    ReportsQuery,
    AlertsQuery,
);

#[derive(MergedObject, Default)]
pub struct MutationRoot(
    AuthMutation,
    OrgMutation,
    PeopleMutation,
    OutboxMutation,
    CcmMutation,
    QuesitoMutation,
    FaqMutation,
    ServicesMutation,
    AppointmentsMutation,
    CallbacksMutation,
    IvrKeysMutation,
    CalendarMutation,
    FollowUpMutation,
    ProcureMutation,
    ReportsMutation,
    AlertsMutation,
    RetentionMutation,
);

#[derive(MergedSubscription, Default)]
pub struct SubscriptionRoot(AlertsSubscription, OfficeBoardSubscription);

pub type AppSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// The schema, with server state when serving (none when only printing SDL).
pub fn build_schema(state: Option<AppState>, production: bool) -> AppSchema {
    let mut builder = Schema::build(QueryRoot::default(), MutationRoot::default(), SubscriptionRoot::default())
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
        .limit_recursive_depth(32)
        .extension(guard::RequestGuard)
        .extension(crate::ratelimit::PartnerCostLimit);
    if production {
        builder = builder.disable_introspection().disable_suggestions();
    }
    if let Some(state) = state {
        builder = builder.data(state);
    }
    builder.finish()
}

/// Deepest nesting of a request that only introspects (see [`is_introspection_only`]):
/// the standard query of graphql-js 17 nests `ofType` nine times (depth 14).
pub const MAX_INTROSPECTION_DEPTH: usize = 20;

/// The schema that answers requests which only introspect, where introspection
/// is enabled (not in production). The standard introspection query of
/// graphql-js, which GraphiQL's documentation panel, code generators, Postman
/// and Insomnia send, nests deeper than [`MAX_DEPTH`] and its cost says
/// nothing about the database (it reads the schema in memory), so it is
/// measured apart: depth at most [`MAX_INTROSPECTION_DEPTH`], and the request
/// guard's bound on expanded fields still applies. A request that also selects
/// anything else is not introspection-only and gets the ordinary limits.
pub fn introspection_schema() -> &'static AppSchema {
    static SCHEMA: std::sync::OnceLock<AppSchema> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| {
        Schema::build(QueryRoot::default(), MutationRoot::default(), SubscriptionRoot::default())
            .limit_depth(MAX_INTROSPECTION_DEPTH)
            .limit_recursive_depth(32)
            .extension(guard::RequestGuard)
            .finish()
    })
}

/// Whether every operation of `batch` selects only `__schema`, `__type` and
/// `__typename` at its top level (a query, never a mutation).
pub fn is_introspection_only(batch: &BatchRequest) -> bool {
    let requests: &[Request] = match batch {
        BatchRequest::Single(r) => std::slice::from_ref(r),
        BatchRequest::Batch(rs) => rs,
    };
    !requests.is_empty() && requests.iter().all(request_only_introspects)
}

fn request_only_introspects(request: &Request) -> bool {
    use async_graphql::parser::types::{OperationType, Selection};
    let Ok(doc) = async_graphql::parser::parse_query(&request.query) else { return false };
    doc.operations.iter().all(|(_, op)| {
        op.node.ty == OperationType::Query
            && op.node.selection_set.node.items.iter().all(|item| match &item.node {
                Selection::Field(f) => matches!(f.node.name.node.as_str(), "__schema" | "__type" | "__typename"),
                _ => false,
            })
    })
}

/// The schema in SDL, as written to `schema.graphql`.
pub fn sdl() -> String {
    build_schema(None, false).sdl()
}

/// Attaches the caller's scope and its DataLoaders to every operation of a
/// batch. The loaders batch nested look-ups into one scoped query per level;
/// their cache lives for one request only. List resolvers also prefetch the
/// next level in one call (see `org::graphql::prefetch`), so the number of
/// statements never depends on how the executor interleaves sibling fields.
pub fn attach_scope(batch: BatchRequest, scope: &Scope, reach: &Reach) -> BatchRequest {
    match batch {
        BatchRequest::Single(r) => BatchRequest::Single(with_scope(r, scope, reach)),
        BatchRequest::Batch(rs) => BatchRequest::Batch(rs.into_iter().map(|r| with_scope(r, scope, reach)).collect()),
    }
}

fn with_scope(request: Request, scope: &Scope, reach: &Reach) -> Request {
    let scope = &scope.for_operation();
    // Loaders run their batches in tasks of their own, with the request's reach.
    let spawn = || reach.spawner();
    let request = crate::callbacks::loaders::register(request, scope, reach);
    crate::procure::graphql::loaders(request, scope, reach)
        .data(DataLoader::with_cache(QuesitoById(scope.clone()), spawn(), HashMapCache::default()))
        .data(DataLoader::with_cache(EventsByQuesito(scope.clone()), spawn(), HashMapCache::default()))
        .data(DataLoader::with_cache(ClassificationById(scope.clone()), spawn(), HashMapCache::default()))
        .data(DataLoader::with_cache(CentralDirectorates(scope.clone()), spawn(), HashMapCache::default()))
        .data(DataLoader::with_cache(PersonById(scope.clone()), spawn(), HashMapCache::default()))
        .data(DataLoader::with_cache(ServiceById(scope.clone()), spawn(), HashMapCache::default()))
        .data(DataLoader::with_cache(BookingNumberById(scope.clone()), spawn(), HashMapCache::default()))
        .data(crate::appointments::contact::loader(scope, reach))
        .data(DataLoader::with_cache(UnitById(scope.clone()), spawn(), HashMapCache::default()))
        .data(DataLoader::with_cache(ChildrenByParent(scope.clone()), spawn(), HashMapCache::default()))
        .data(DataLoader::with_cache(DeliveriesByMessage(scope.clone()), spawn(), HashMapCache::default()))
        .data(DataLoader::new(AssignmentsByPerson(scope.clone()), spawn()))
        .data(scope.clone())
}

/// Every error leaves with an `extensions.code`. Ours already have one; what
/// is left comes from the GraphQL engine itself (syntax, validation, limits,
/// input coercion), which is always the client's input.
pub fn ensure_error_codes(response: &mut Response) {
    for error in &mut response.errors {
        let has_code = error.extensions.as_ref().is_some_and(|ext| ext.get("code").is_some());
        if !has_code {
            error.extensions.get_or_insert_with(Default::default).set("code", "BAD_USER_INPUT");
        }
    }
}
