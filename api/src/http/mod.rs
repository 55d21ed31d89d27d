//! HTTP routes: GraphQL (and its subscriptions over WebSocket), GraphiQL (development), health checks and the admin app.

mod body;
mod graphql;
pub mod hardening;
mod health;
mod ivr;
mod live;
pub mod metrics;
mod oidc;
mod partner;
mod spa;

use actix_web::web;

use crate::state::AppState;

/// Largest request body accepted (JSON or multipart upload).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

pub fn routes(cfg: &mut web::ServiceConfig, state: &AppState) {
    cfg.app_data(web::PayloadConfig::new(MAX_BODY_BYTES))
        .route("/healthz", web::get().to(health::healthz))
        .route("/readyz", web::get().to(health::readyz))
        .route("/metrics", web::get().to(metrics::metrics))
        .route("/ivr/callbacks", web::post().to(ivr::post))
        .service(web::resource("/graphql").route(web::post().to(graphql::post)).route(web::get().to(graphql::get)))
        .route("/graphql/ws", web::get().to(live::subscribe))
        .route("/auth/oidc/start", web::get().to(oidc::start))
        .route("/auth/oidc/callback", web::get().to(oidc::callback));
    if !state.settings.is_production() {
        cfg.route("/graphiql", web::get().to(graphql::graphiql));
    }
    spa::routes(cfg, &state.settings.ui_dir);
}
