use actix_web::{HttpResponse, web};
use serde_json::json;

use crate::db;
use crate::state::AppState;

/// The process is up.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(json!({ "status": "ok" }))
}

/// Most each database check of `/readyz` may take before the answer is "not ready".
pub const DATABASE_CHECK_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

/// Ready to serve: not shutting down, database reachable and migrated, Redis
/// reachable when configured (false at once while its circuit is open).
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    if state.is_draining() {
        // Checked first and answered at once: load balancers must stop sending now.
        return HttpResponse::ServiceUnavailable().json(json!({ "status": "shutting down" }));
    }
    // Bounded: with the database out of reach a ping waits for the pool's
    // acquire timeout (30 s), longer than a load balancer waits for an answer.
    let database = matches!(tokio::time::timeout(DATABASE_CHECK_TIMEOUT, state.db.ping()).await, Ok(Ok(())));
    let migrated = database
        && matches!(tokio::time::timeout(DATABASE_CHECK_TIMEOUT, db::is_migrated(&state.db)).await, Ok(Ok(true)));
    let redis = state.kv.ping().await;
    let ready = database && migrated && redis;
    let body = json!({
        "status": if ready { "ready" } else { "not ready" },
        "database": database,
        "migrations": migrated,
        "redis": if state.kv.is_redis() { json!(redis) } else { json!("not configured") },
    });
    if ready { HttpResponse::Ok().json(body) } else { HttpResponse::ServiceUnavailable().json(body) }
}
