//! `GET /auth/oidc/start` and `GET /auth/oidc/callback`: the browser's side of
//! single sign-on (see `crate::auth::oidc::flow`). Both answer redirects; 404
//! when SSO is not configured.

use actix_web::http::header::{CACHE_CONTROL, LOCATION, REFERRER_POLICY, USER_AGENT};
use actix_web::{HttpRequest, HttpResponse, web};
use tracing_actix_web::RequestId;

use crate::auth::SessionOrigin;
use crate::auth::oidc::{Refusal, flow};
use crate::error::AppResult;
use crate::kernel::reach::Reach;
use crate::state::AppState;

/// Sends the browser to the provider's sign-in page.
pub async fn start(state: web::Data<AppState>) -> HttpResponse {
    let Some(provider) = state.oidc.clone() else { return HttpResponse::NotFound().finish() };
    match flow::start(&state, &provider).await {
        Ok(Ok(url)) => redirect(&url),
        Ok(Err(refusal)) => refused(&state, refusal),
        Err(err) => failed(&state, &err),
    }
}

/// The provider's redirect back: on success to the app's `/accesso/sso` with a
/// one-time code in the fragment, otherwise to `/accesso?sso_error=CODE`.
pub async fn callback(
    state: web::Data<AppState>,
    query: web::Query<flow::Callback>,
    req: HttpRequest,
    request_id: RequestId,
) -> HttpResponse {
    let Some(provider) = state.oidc.clone() else { return HttpResponse::NotFound().finish() };
    let origin = SessionOrigin::new(req.headers().get(USER_AGENT).and_then(|v| v.to_str().ok()));
    let request_id = request_id.to_string();
    // Before anyone is signed in (crate::kernel::reach), like `login`.
    let finished: AppResult<_> =
        Reach::system().run(flow::finish(&state, &provider, query.into_inner(), &origin, Some(&request_id))).await;
    match finished {
        // The fragment is not sent to servers nor in `Referer`; the app removes it at once.
        Ok(Ok(code)) => redirect(&format!("{}/accesso/sso#code={code}", public_url(&state))),
        Ok(Err(refusal)) => refused(&state, refusal),
        Err(err) => failed(&state, &err),
    }
}

fn public_url(state: &AppState) -> &str {
    state.settings.public_url.trim_end_matches('/')
}

fn refused(state: &AppState, refusal: Refusal) -> HttpResponse {
    redirect(&format!("{}/accesso?sso_error={}", public_url(state), refusal.code()))
}

fn failed(state: &AppState, err: &crate::error::AppError) -> HttpResponse {
    tracing::error!(error = ?err, "SSO sign-in failed");
    refused(state, Refusal::Provider)
}

fn redirect(location: &str) -> HttpResponse {
    HttpResponse::Found()
        .insert_header((LOCATION, location))
        .insert_header((CACHE_CONTROL, "no-store"))
        .insert_header((REFERRER_POLICY, "no-referrer"))
        .finish()
}
