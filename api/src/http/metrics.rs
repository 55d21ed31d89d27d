//! `GET /metrics`: Prometheus text exposition (`metrics` + `metrics-exporter-prometheus`).
//!
//! Series (all prefixed `accoglienza_`):
//! - `graphql_requests_total{operation, kind}` and `graphql_request_duration_seconds{operation}`:
//!   per GraphQL operation, named by its root fields (e.g. `quesiti`, `bookAppointment`;
//!   several as `a+b`). Client-chosen operation names are not used as labels: any
//!   client could create series without end; root field names are bounded by the schema;
//! - `graphql_errors_total{code}`: errors by `extensions.code`;
//! - `rate_limited_total{limit}`: partner-quota refusals (HTTP 429) and `RATE_LIMITED` errors;
//! - gauges read at each scrape: `db_pool_connections{state="idle|in_use"}`,
//!   `outbox_messages{status}` (the backlog is `PENDING`, failed deliveries `FAILED`),
//!   `sessions_active` (sessions kept in the database; with Redis they expire there unseen).
//!
//! With `APP_ENV=production` the endpoint answers only a bearer `METRICS_TOKEN`
//! (404 when none is configured): figures about the service are not public.

use std::collections::HashSet;
use std::sync::OnceLock;
use std::time::Duration;

use actix_web::http::header::AUTHORIZATION;
use actix_web::{HttpRequest, HttpResponse, web};
use async_graphql::parser::types::{OperationType, Selection};
use async_graphql::{BatchRequest, BatchResponse};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sha2::Digest;

use crate::kernel::reach::Reach;
use crate::state::AppState;

const DURATION: &str = "accoglienza_graphql_request_duration_seconds";

/// The process-wide recorder, installed on first use (tests run several
/// servers in one process: they share it, and compare before and after).
pub fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let builder = PrometheusBuilder::new()
            .set_buckets_for_metric(
                Matcher::Full(DURATION.to_owned()),
                &[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0],
            )
            .unwrap_or_else(|_| PrometheusBuilder::new());
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        // Fails only if another recorder was installed first; then this one just renders nothing.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// Root fields of the schema's query and mutation types: the only values the
/// `operation` label takes (besides `other`).
fn root_fields() -> &'static HashSet<String> {
    static FIELDS: OnceLock<HashSet<String>> = OnceLock::new();
    FIELDS.get_or_init(|| {
        use async_graphql::parser::types::{TypeKind, TypeSystemDefinition};
        let Ok(doc) = async_graphql::parser::parse_schema(crate::graphql::sdl()) else { return HashSet::new() };
        doc.definitions
            .iter()
            .filter_map(|d| match d {
                TypeSystemDefinition::Type(t) if ["QueryRoot", "MutationRoot"].contains(&t.node.name.node.as_str()) => {
                    match &t.node.kind {
                        TypeKind::Object(o) => Some(o.fields.iter().map(|f| f.node.name.node.to_string()).collect()),
                        _ => None,
                    }
                }
                _ => None,
            })
            .flat_map(|names: Vec<String>| names)
            .collect()
    })
}

/// The label of one request: its operation type and root fields.
fn label(request: &async_graphql::Request) -> (&'static str, String) {
    let Ok(doc) = async_graphql::parser::parse_query(&request.query) else { return ("invalid", "other".into()) };
    let chosen = doc.operations.iter().find(|(name, _)| match (&request.operation_name, name) {
        (Some(wanted), Some(name)) => wanted.as_str() == name.as_str(),
        _ => true,
    });
    let Some((_, op)) = chosen else { return ("invalid", "other".into()) };
    let kind = match op.node.ty {
        OperationType::Query => "query",
        OperationType::Mutation => "mutation",
        OperationType::Subscription => "subscription",
    };
    let mut names: Vec<&str> = op
        .node
        .selection_set
        .node
        .items
        .iter()
        .filter_map(|item| match &item.node {
            Selection::Field(f) => Some(f.node.name.node.as_str()),
            _ => None,
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    let known = !names.is_empty()
        && names.len() <= 4
        && names.iter().all(|n| n.starts_with("__") || root_fields().contains(*n));
    (kind, if known { names.join("+") } else { "other".into() })
}

/// Records one executed batch: a request count and duration per operation, errors by code.
pub fn record_batch(batch_labels: &[(&'static str, String)], response: &BatchResponse, elapsed: Duration) {
    let per_op = elapsed.as_secs_f64() / batch_labels.len().max(1) as f64;
    for (kind, operation) in batch_labels {
        metrics::counter!("accoglienza_graphql_requests_total", "operation" => operation.clone(), "kind" => *kind)
            .increment(1);
        metrics::histogram!(DURATION, "operation" => operation.clone()).record(per_op);
    }
    let responses: &[async_graphql::Response] = match response {
        BatchResponse::Single(r) => std::slice::from_ref(r),
        BatchResponse::Batch(rs) => rs,
    };
    for error in responses.iter().flat_map(|r| &r.errors) {
        let code = error
            .extensions
            .as_ref()
            .and_then(|e| e.get("code"))
            .and_then(|v| match v {
                async_graphql::Value::String(s) => Some(s.clone()),
                _ => None,
            })
            .unwrap_or_else(|| "BAD_USER_INPUT".to_owned());
        if code == "RATE_LIMITED" {
            rate_limited("graphql");
        }
        metrics::counter!("accoglienza_graphql_errors_total", "code" => code).increment(1);
    }
}

/// The labels of every operation of a batch, taken before it executes.
pub fn labels(batch: &BatchRequest) -> Vec<(&'static str, String)> {
    match batch {
        BatchRequest::Single(r) => vec![label(r)],
        BatchRequest::Batch(rs) => rs.iter().map(label).collect(),
    }
}

/// One refusal by a rate limit (`partner_quota`, `graphql`).
pub fn rate_limited(limit: &'static str) {
    metrics::counter!("accoglienza_rate_limited_total", "limit" => limit).increment(1);
}

pub async fn metrics(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    if state.settings.is_production() {
        let sent =
            req.headers().get(AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
        let allowed = match (&state.settings.metrics_token, sent) {
            // Compared as digests: equal length, so the comparison leaks nothing about the token.
            (Some(token), Some(sent)) => {
                sha2::Sha256::digest(token.as_bytes()) == sha2::Sha256::digest(sent.as_bytes())
            }
            _ => false,
        };
        if !allowed {
            return HttpResponse::NotFound().finish();
        }
    }
    let handle = handle();
    Reach::system().run(read_gauges(&state)).await;
    HttpResponse::Ok().content_type("text/plain; version=0.0.4; charset=utf-8").body(handle.render())
}

/// Gauges read from the pool and the database at scrape time.
async fn read_gauges(state: &AppState) {
    let (size, idle) = match state.db.get_database_backend() {
        DbBackend::Postgres => {
            let pool = state.db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle() as u32)
        }
        _ => {
            let pool = state.db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle() as u32)
        }
    };
    metrics::gauge!("accoglienza_db_pool_connections", "state" => "idle").set(f64::from(idle));
    metrics::gauge!("accoglienza_db_pool_connections", "state" => "in_use").set(f64::from(size.saturating_sub(idle)));
    let backend = state.db.get_database_backend();
    let by_status = Statement::from_string(backend, "SELECT status, COUNT(*) AS n FROM outbox_message GROUP BY status");
    if let Ok(rows) = state.db.query_all_raw(by_status).await {
        for row in rows {
            if let (Ok(status), Ok(n)) = (row.try_get::<String>("", "status"), row.try_get::<i64>("", "n")) {
                metrics::gauge!("accoglienza_outbox_messages", "status" => status).set(n as f64);
            }
        }
    }
    if !state.kv.is_redis() {
        let now = chrono::Utc::now();
        let active = Statement::from_sql_and_values(
            backend,
            match backend {
                DbBackend::Postgres => "SELECT COUNT(*) AS n FROM session WHERE revoked_at IS NULL AND expires_at > $1",
                _ => "SELECT COUNT(*) AS n FROM session WHERE revoked_at IS NULL AND expires_at > ?",
            },
            [now.into()],
        );
        if let Ok(Some(row)) = state.db.query_one_raw(active).await
            && let Ok(n) = row.try_get::<i64>("", "n")
        {
            metrics::gauge!("accoglienza_sessions_active").set(n as f64);
        }
    }
}
