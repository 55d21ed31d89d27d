//! `GET /graphql/ws`: GraphQL subscriptions over WebSocket (the
//! graphql-transport-ws protocol of the `graphql-ws` client; the older
//! subscriptions-transport-ws is accepted too). Browsers cannot set headers on
//! a WebSocket, so the bearer token travels in `connection_init`'s payload:
//! `{ "token": "…" }` (or `{ "authorization": "Bearer …" }`). A connection
//! without a valid token is closed with "Accesso richiesto".

use std::sync::Arc;

use actix_web::{HttpRequest, HttpResponse, web};
use async_graphql::Data;
use async_graphql_actix_web::GraphQLSubscription;

use crate::auth::service::principal_for_token;
use crate::graphql::AppSchema;
use crate::graphql::context::RequestCtx;
use crate::kernel::reach::Reach;
use crate::state::AppState;
use crate::tenancy::Scope;

pub async fn subscribe(
    state: web::Data<AppState>,
    schema: web::Data<AppSchema>,
    req: HttpRequest,
    payload: web::Payload,
) -> actix_web::Result<HttpResponse> {
    let state = state.get_ref().clone();
    let user_agent = req.headers().get(actix_web::http::header::USER_AGENT).and_then(|v| v.to_str().ok());
    let (client_ip, user_agent) = (req.peer_addr().map(|a| a.ip()), user_agent.map(str::to_owned));
    GraphQLSubscription::new(schema.get_ref().clone())
        .on_connection_init(move |init| async move { connection_data(state, init, client_ip, user_agent).await })
        .start(&req, payload)
}

/// The caller of a connection, from its `connection_init` payload.
async fn connection_data(
    state: AppState,
    init: serde_json::Value,
    client_ip: Option<std::net::IpAddr>,
    user_agent: Option<String>,
) -> async_graphql::Result<Data> {
    let refused = || async_graphql::Error::new("Accesso richiesto: accedi di nuovo / Sign-in required");
    let token = init
        .get("token")
        .and_then(|t| t.as_str())
        .or_else(|| init.get("authorization").and_then(|a| a.as_str()).and_then(|a| a.strip_prefix("Bearer ")))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(refused)?
        .to_owned();
    let principal = Reach::system()
        .run(principal_for_token(&state, &token))
        .await
        .map_err(|_| refused())?
        .map(Arc::new)
        .ok_or_else(refused)?;
    let request_id = format!("ws-{}", uuid::Uuid::now_v7());
    let scope = Scope::new(state.db.clone(), state.authz.clone(), principal.clone(), Some(request_id.clone()))
        .with_alerts(state.alerts.clone());
    let mut data = Data::default();
    data.insert(RequestCtx { request_id, bearer: Some(token), principal: Some(principal), client_ip, user_agent });
    data.insert(scope);
    Ok(data)
}
