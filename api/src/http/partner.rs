//! The partner API's gate, applied once per HTTP request authenticated with an
//! API key (before any operation runs): keys are read-only, and each key has a
//! rate limit shared by every instance ([`crate::ratelimit`]).
//!
//! A request costs one unit per procura / collaborator check it would run
//! ([`ratelimit::request_cost`]). Throttled requests (cost above what the
//! bucket holds) are refused whole with HTTP 429, `Retry-After` and a GraphQL
//! error `RATE_LIMITED` whose `extensions.retryAfter` is the same number of
//! seconds, with `extensions.cost` and `extensions.limit`: a request costing
//! more than the limit can never pass and must be split.
//! Every response to a key carries `RateLimit-Limit`, `RateLimit-Remaining`
//! and `RateLimit-Reset` (seconds until the bucket is full again).

use actix_web::{HttpResponse, HttpResponseBuilder};
use async_graphql::BatchRequest;

use crate::auth::Principal;
use crate::error::AppError;
use crate::ratelimit::{self, Decision, PARTNER_QUOTA};
use crate::state::AppState;

/// `Ok(None)`: not a key, go on. `Ok(Some(d))`: a key within its quota (add
/// `d`'s headers to the response). `Err(response)`: refused, send it as is.
pub(super) async fn gate(
    state: &AppState,
    principal: Option<&Principal>,
    batch: &BatchRequest,
    request_id: &str,
) -> Result<Option<Decision>, HttpResponse> {
    let Some(key_id) = principal.and_then(Principal::api_key_id) else { return Ok(None) };
    let requests: Vec<&async_graphql::Request> = match batch {
        BatchRequest::Single(r) => vec![r],
        BatchRequest::Batch(rs) => rs.iter().collect(),
    };
    if requests.iter().any(|r| super::graphql::is_mutation(r)) {
        let err = AppError::forbidden(
            "Le chiavi API sono di sola lettura: le modifiche si fanno accedendo con le proprie credenziali",
            "API keys are read-only: sign in with your own credentials to make changes",
        );
        return Err(super::graphql::graphql_error(err, request_id));
    }
    // One unit per check the request would run (aliases, fragments and
    // batched operations included), at least one per operation.
    let cost = requests.iter().fold(0u64, |sum, r| sum.saturating_add(ratelimit::request_cost(r)));
    let decision = match state.kv.gcra(&ratelimit::bucket_key(key_id), PARTNER_QUOTA, cost).await {
        Ok(d) => d,
        Err(err) => return Err(super::graphql::graphql_error(err, request_id)),
    };
    if !decision.allowed {
        // Refused whole: nothing of the request runs, and nothing is used up.
        super::metrics::rate_limited("partner_quota");
        let err = AppError::RateLimited { retry_after_secs: decision.retry_after_secs() };
        let mut server_error = async_graphql::Error::from(err).into_server_error(Default::default());
        let ext = server_error.extensions.get_or_insert_with(Default::default);
        ext.set("cost", cost);
        ext.set("limit", decision.limit);
        let mut response = HttpResponse::TooManyRequests();
        response.insert_header(("x-request-id", request_id.to_owned()));
        response.insert_header(("Retry-After", decision.retry_after_secs().to_string()));
        add_headers(&mut response, &decision);
        return Err(response.json(async_graphql::Response::from_errors(vec![server_error])));
    }
    Ok(Some(decision))
}

/// The `RateLimit-*` headers of a decision.
pub(super) fn add_headers(response: &mut HttpResponseBuilder, decision: &Decision) {
    response.insert_header(("RateLimit-Limit", decision.limit.to_string()));
    response.insert_header(("RateLimit-Remaining", decision.remaining.to_string()));
    response.insert_header(("RateLimit-Reset", decision.reset_secs().to_string()));
}
