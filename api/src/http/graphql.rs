//! `POST /graphql` (queries, mutations, uploads), `GET /graphql` (queries only)
//! and GraphiQL.

use std::sync::Arc;

use actix_web::http::header::{AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use actix_web::{HttpRequest, HttpResponse, web};
use async_graphql::http::{GraphiQLSource, MultipartOptions};
use async_graphql::parser::types::OperationType;
use async_graphql::{BatchRequest, BatchResponse, ServerError};
use tracing_actix_web::RequestId;

use crate::auth::service::principal_for_token;
use crate::error::AppError;
use crate::graphql::context::RequestCtx;
use crate::graphql::{self, AppSchema, MAX_BATCH};
use crate::kernel::reach::Reach;
use crate::state::AppState;
use crate::tenancy::Scope;

pub async fn post(
    state: web::Data<AppState>,
    schema: web::Data<AppSchema>,
    req: HttpRequest,
    payload: web::Payload,
    request_id: RequestId,
) -> HttpResponse {
    let content_type = req.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok());
    let body = match read_checked_body(&state, content_type, payload).await {
        Ok(body) => body,
        Err(refused) => return refused,
    };
    let batch = match async_graphql::http::receive_batch_body(content_type, body.as_ref(), upload_options()).await {
        Ok(batch) => batch,
        Err(err) => return refuse(actix_web::http::StatusCode::BAD_REQUEST, &format!("{err}")),
    };
    if let BatchRequest::Batch(ops) = &batch
        && ops.len() > MAX_BATCH
    {
        return refuse(
            actix_web::http::StatusCode::BAD_REQUEST,
            &format!("A batch may hold at most {MAX_BATCH} operations"),
        );
    }
    execute(&state, &schema, &req, batch, request_id).await
}

pub async fn get(
    state: web::Data<AppState>,
    schema: web::Data<AppSchema>,
    req: HttpRequest,
    request_id: RequestId,
) -> HttpResponse {
    let request = match async_graphql::http::parse_query_string(req.query_string()) {
        Ok(request) => request,
        Err(err) => return refuse(actix_web::http::StatusCode::BAD_REQUEST, &format!("{err}")),
    };
    // GET must never change state (it can be triggered by a link or a crawler).
    if is_mutation(&request) {
        return refuse(actix_web::http::StatusCode::METHOD_NOT_ALLOWED, "Mutations are accepted only with POST");
    }
    execute(&state, &schema, &req, BatchRequest::Single(request), request_id).await
}

pub async fn graphiql() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(GraphiQLSource::build().endpoint("/graphql").finish())
}

/// The body, read within `BODY_READ_TIMEOUT_SECS` and of a shape
/// async-graphql reads as meant (see [`super::body`]), or the refusal to send.
async fn read_checked_body(
    state: &AppState,
    content_type: Option<&str>,
    payload: web::Payload,
) -> Result<web::Bytes, HttpResponse> {
    use actix_web::http::StatusCode;
    let body = super::body::read(payload, state.settings.body_read_timeout).await.map_err(|err| {
        let (status, message) = match err {
            super::body::ReadError::TimedOut => {
                (StatusCode::REQUEST_TIMEOUT, "The request body took too long to arrive".to_owned())
            }
            super::body::ReadError::TooLarge => {
                (StatusCode::PAYLOAD_TOO_LARGE, "The request body is too large".to_owned())
            }
            super::body::ReadError::Broken(e) => {
                (StatusCode::BAD_REQUEST, format!("The request body could not be read: {e}"))
            }
        };
        // The rest of the body may still be on its way: do not wait for it.
        let mut refused = refuse(status, &message);
        refused.head_mut().set_connection_type(actix_web::http::ConnectionType::Close);
        refused
    })?;
    let mime = content_type.and_then(|c| c.parse::<actix_web::mime::Mime>().ok());
    let checked = match &mime {
        Some(m) if m.type_() == actix_web::mime::MULTIPART => match m.get_param("boundary") {
            Some(boundary) => super::body::check_multipart(boundary.as_str(), body.clone()).await,
            // async-graphql refuses it with its own message.
            None => Ok(()),
        },
        _ => super::body::check_json_shape(&body),
    };
    checked.map_err(|message| refuse(StatusCode::BAD_REQUEST, &message))?;
    Ok(body)
}

fn upload_options() -> MultipartOptions {
    MultipartOptions::default().max_num_files(1).max_file_size(crate::http::MAX_BODY_BYTES)
}

pub(super) fn is_mutation(request: &async_graphql::Request) -> bool {
    let Ok(doc) = async_graphql::parser::parse_query(&request.query) else { return false };
    doc.operations.iter().any(|(name, op)| {
        let selected = match (&request.operation_name, name) {
            (Some(wanted), Some(name)) => wanted.as_str() == name.as_str(),
            _ => true,
        };
        selected && op.node.ty == OperationType::Mutation
    })
}

async fn execute(
    state: &AppState,
    schema: &AppSchema,
    req: &HttpRequest,
    batch: BatchRequest,
    request_id: RequestId,
) -> HttpResponse {
    let request_id = request_id.to_string();
    let bearer = bearer_token(req);
    // Resolving who calls reads sessions and role assignments of anyone: it acts
    // for nobody yet (crate::kernel::reach), by key. Execution then has the caller's reach.
    let principal = match &bearer {
        Some(token) => match Reach::system().with_generic_plans().run(principal_for_token(state, token)).await {
            Ok(p) => p.map(Arc::new),
            Err(err) => return graphql_error(err, &request_id),
        },
        None => None,
    };
    let limits = match Reach::system().run(super::partner::gate(state, principal.as_deref(), &batch, &request_id)).await
    {
        Ok(limits) => limits,
        Err(refused) => return refused,
    };
    let mut batch = batch.data(state.clone()).data(RequestCtx {
        request_id: request_id.clone(),
        bearer,
        principal: principal.clone(),
        client_ip: req.peer_addr().map(|a| a.ip()),
        user_agent: req.headers().get(USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_owned),
    });
    let mut reach = Reach::nowhere();
    if let Some(principal) = principal {
        let scope = Scope::new(state.db.clone(), state.authz.clone(), principal, Some(request_id.clone()))
            .with_alerts(state.alerts.clone());
        reach = scope.reach(false);
        batch = graphql::attach_scope(batch, &scope, &reach);
    }
    // Unconstrained: tokio's cooperative budget would otherwise interrupt the
    // first pass over a long list half-way, and the DataLoaders would fire one
    // batch per interruption instead of one per level (an N+1 in disguise).
    let schema = match state.settings.is_production() {
        false if graphql::is_introspection_only(&batch) => graphql::introspection_schema(),
        _ => schema,
    };
    let labels = super::metrics::labels(&batch);
    let started = std::time::Instant::now();
    let mut response = tokio::task::unconstrained(reach.run(schema.execute_batch(batch))).await;
    match &mut response {
        BatchResponse::Single(r) => graphql::ensure_error_codes(r),
        BatchResponse::Batch(rs) => rs.iter_mut().for_each(graphql::ensure_error_codes),
    }
    super::metrics::record_batch(&labels, &response, started.elapsed());
    let mut http = HttpResponse::Ok();
    http.insert_header(("x-request-id", request_id));
    if let Some(limits) = &limits {
        super::partner::add_headers(&mut http, limits);
    }
    http.json(response)
}

pub(super) fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(AUTHORIZATION)?.to_str().ok()?;
    let token = value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer "))?;
    Some(token.trim().to_owned()).filter(|t| !t.is_empty())
}

pub(super) fn graphql_error(err: AppError, request_id: &str) -> HttpResponse {
    let server_error = async_graphql::Error::from(err).into_server_error(Default::default());
    let response = async_graphql::Response::from_errors(vec![server_error]);
    HttpResponse::Ok().insert_header(("x-request-id", request_id.to_owned())).json(response)
}

/// A request refused before execution, as a GraphQL error with a code.
fn refuse(status: actix_web::http::StatusCode, message: &str) -> HttpResponse {
    let mut error = ServerError::new(message, None);
    error.extensions.get_or_insert_with(Default::default).set("code", "BAD_USER_INPUT");
    HttpResponse::build(status).json(async_graphql::Response::from_errors(vec![error]))
}
