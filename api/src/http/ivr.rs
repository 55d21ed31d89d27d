//! `POST /ivr/callbacks`: the machine endpoint a telephony system (Genesys, …)
//! calls to file a callback request (docs/callbacks.md). Plain JSON in and out,
//! for the telephony platform's web-service actions; errors carry the same
//! `errors[].extensions.code` as the GraphQL API, with the matching HTTP status.
//!
//! Order of the checks: the key (401), its rate limit (429, nothing else runs),
//! the body (400), then the intake itself ([`crate::callbacks::ivr::file`]).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::callbacks::ivr::{self, IvrCall, IvrCaller};
use crate::error::AppError;
use crate::kernel::reach::Reach;
use crate::ratelimit;
use crate::state::AppState;

/// What the telephony system sends.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IvrCallBody {
    call_id: String,
    unit_code: Option<String>,
    phone: String,
    topic: String,
    requested_at: Option<DateTime<Utc>>,
}

/// What it gets back (201 when this call created the request, 200 when it was already filed).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Filed {
    id: String,
    call_id: Option<String>,
    unit_code: String,
    status: &'static str,
    requested_at: DateTime<Utc>,
    available_from: DateTime<Utc>,
    created: bool,
}

pub async fn post(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
    request_id: tracing_actix_web::RequestId,
) -> HttpResponse {
    let request_id = request_id.to_string();
    let caller = match authenticate(&state, &req).await {
        Ok(Some(caller)) => caller,
        Ok(None) => return error(AppError::unauthenticated(), &request_id, None),
        Err(err) => return error(err, &request_id, None),
    };
    let decision = match state.kv.gcra(&ratelimit::bucket_key(caller.key.id), ivr::IVR_QUOTA, 1).await {
        Ok(d) => d,
        Err(err) => return error(err, &request_id, None),
    };
    if !decision.allowed {
        super::metrics::rate_limited("ivr_quota");
        let err = AppError::RateLimited { retry_after_secs: decision.retry_after_secs() };
        return error(err, &request_id, Some(&decision));
    }
    let call: IvrCallBody = match serde_json::from_slice(&body) {
        Ok(call) => call,
        Err(e) => {
            let err =
                AppError::bad_input("body", format!("Corpo JSON non valido: {e}"), format!("Invalid JSON body: {e}"));
            return error(err, &request_id, Some(&decision));
        }
    };
    let call = IvrCall {
        call_id: call.call_id,
        unit_code: call.unit_code,
        phone: call.phone,
        topic: call.topic,
        requested_at: call.requested_at,
    };
    match ivr::file(&state.db, &caller, state.clock.now(), call, &request_id).await {
        Ok(filed) => {
            let status = if filed.created { StatusCode::CREATED } else { StatusCode::OK };
            let mut response = HttpResponse::build(status);
            response.insert_header(("x-request-id", request_id));
            super::partner::add_headers(&mut response, &decision);
            response.json(Filed {
                id: filed.callback.id.to_string(),
                call_id: filed.callback.call_id.clone(),
                unit_code: filed.unit.code,
                status: filed.callback.status.as_str(),
                requested_at: filed.callback.requested_at,
                available_from: filed.callback.available_from,
                created: filed.created,
            })
        }
        Err(err) => error(err, &request_id, Some(&decision)),
    }
}

/// The IVR key in `Authorization: Bearer acc_ivr_…`, looked up for nobody yet.
async fn authenticate(state: &AppState, req: &HttpRequest) -> Result<Option<IvrCaller>, AppError> {
    let Some(secret) = super::graphql::bearer_token(req) else { return Ok(None) };
    Reach::system().run(ivr::authenticate(&state.db, &secret)).await
}

fn status_of(err: &AppError) -> StatusCode {
    match err.code() {
        "UNAUTHENTICATED" => StatusCode::UNAUTHORIZED,
        "FORBIDDEN" => StatusCode::FORBIDDEN,
        "BAD_USER_INPUT" => StatusCode::BAD_REQUEST,
        "NOT_FOUND" => StatusCode::NOT_FOUND,
        "CONFLICT" => StatusCode::CONFLICT,
        "RATE_LIMITED" => StatusCode::TOO_MANY_REQUESTS,
        _ if matches!(err, AppError::Unavailable { .. }) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// `{"errors":[{"message", "extensions": {"code", …}}]}`, as the GraphQL API answers.
fn error(err: AppError, request_id: &str, decision: Option<&ratelimit::Decision>) -> HttpResponse {
    let mut response = HttpResponse::build(status_of(&err));
    response.insert_header(("x-request-id", request_id.to_owned()));
    if let AppError::RateLimited { retry_after_secs } | AppError::Unavailable { retry_after_secs } = &err {
        response.insert_header(("Retry-After", retry_after_secs.to_string()));
    }
    if let Some(decision) = decision {
        super::partner::add_headers(&mut response, decision);
    }
    let server_error = async_graphql::Error::from(err).into_server_error(Default::default());
    response.json(async_graphql::Response::from_errors(vec![server_error]))
}
