//! The sign-in through the provider, in three steps:
//! 1. [`start`]: the authorization request; its `state` keys what must be kept
//!    (the nonce and the PKCE verifier) in the shared kv, for [`FLOW_TTL`];
//! 2. [`finish`]: the provider's redirect back. The `state` is taken (single
//!    use), the code exchanged, the ID token checked, the person found or
//!    linked, and the same session as a password sign-in created. The browser
//!    gets a one-time handoff code, not the session token;
//! 3. [`redeem`]: the app exchanges the handoff code for the session token
//!    (`completeSsoSignIn`), once, within [`HANDOFF_TTL`].

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::linking;
use super::provider::OidcProvider;
use super::refusal::Refusal;
use crate::audit::{self, Actor, AuditRecord};
use crate::auth::service::{self, SignedIn};
use crate::auth::{SessionOrigin, hash_token, new_token};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// How long a person may take at the provider's sign-in page.
pub const FLOW_TTL: Duration = Duration::from_secs(10 * 60);
/// How long the app has to redeem the handoff code (it does so at once).
pub const HANDOFF_TTL: Duration = Duration::from_secs(60);

/// What the provider's redirect back carries.
#[derive(Debug, Default, Deserialize)]
pub struct Callback {
    pub code: Option<String>,
    pub state: Option<String>,
    /// Set instead of `code` when the provider did not sign the person in
    /// (`access_denied` when they cancelled).
    pub error: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct PendingSignIn {
    nonce: String,
    pkce_verifier: String,
}

#[derive(Serialize, Deserialize)]
struct Handoff {
    token: String,
    expires_at: DateTime<Utc>,
    person_id: uuid::Uuid,
}

fn flow_key(state: &str) -> String {
    format!("oidc-flow:{}", hash_token(state))
}

fn handoff_key(code: &str) -> String {
    format!("oidc-handoff:{}", hash_token(code))
}

/// Step 1: where to send the browser.
pub async fn start(state: &AppState, provider: &OidcProvider) -> AppResult<Result<String, Refusal>> {
    let authorization = match provider.authorize().await {
        Ok(authorization) => authorization,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let pending = PendingSignIn { nonce: authorization.nonce, pkce_verifier: authorization.pkce_verifier };
    let pending = serde_json::to_string(&pending).map_err(AppError::internal)?;
    state.kv.set_with_ttl(&flow_key(&authorization.state), &pending, FLOW_TTL).await?;
    Ok(Ok(authorization.url))
}

/// Step 2: the handoff code for the app, or why the sign-in was refused (audited).
pub async fn finish(
    state: &AppState,
    provider: &OidcProvider,
    callback: Callback,
    origin: &SessionOrigin,
    request_id: Option<&str>,
) -> AppResult<Result<String, Refusal>> {
    match sign_in(state, provider, callback, origin, request_id).await? {
        Ok(code) => Ok(Ok(code)),
        Err(refusal) => {
            let record = AuditRecord::new("auth.sso_refused").detail(serde_json::json!({ "reason": refusal.code() }));
            audit::record(&state.db, &Actor::default(), record, request_id).await?;
            Ok(Err(refusal))
        }
    }
}

async fn sign_in(
    state: &AppState,
    provider: &OidcProvider,
    callback: Callback,
    origin: &SessionOrigin,
    request_id: Option<&str>,
) -> AppResult<Result<String, Refusal>> {
    // The state first, even on an error from the provider: it is single use either way.
    let pending = match callback.state.as_deref() {
        Some(s) => state.kv.take(&flow_key(s)).await?,
        None => None,
    };
    let Some(pending) = pending.and_then(|p| serde_json::from_str::<PendingSignIn>(&p).ok()) else {
        return Ok(Err(Refusal::State));
    };
    let code = match (callback.error.as_deref(), callback.code) {
        (Some("access_denied"), _) => return Ok(Err(Refusal::Cancelled)),
        (Some(_), _) | (None, None) => return Ok(Err(Refusal::Provider)),
        (None, Some(code)) => code,
    };
    let clock = state.clock;
    let identity = match provider.finish(&code, &pending.pkce_verifier, &pending.nonce, move || clock.now()).await {
        Ok(identity) => identity,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let linked = match linking::person_for(&state.db, &identity, provider.settings().person_claim).await? {
        Ok(linked) => linked,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let person = linked.person;
    let (token, expires_at) = service::issue_session(state, person.id, origin).await?;
    let unit_id = service::home_unit_of_username(&state.db, &person.username).await?;
    let actor = Actor { id: Some(person.id), username: Some(person.username.clone()), unit_id, ..Actor::default() };
    let detail = serde_json::json!({ "method": "sso", "issuer": identity.issuer, "linked": linked.newly_linked });
    let record = AuditRecord::new("auth.login").record("person", person.id.to_string()).detail(detail);
    audit::record(&state.db, &actor, record, request_id).await?;

    let handoff_code = new_token("")?;
    let handoff = Handoff { token, expires_at, person_id: person.id };
    let handoff = serde_json::to_string(&handoff).map_err(AppError::internal)?;
    state.kv.set_with_ttl(&handoff_key(&handoff_code), &handoff, HANDOFF_TTL).await?;
    Ok(Ok(handoff_code))
}

/// Step 3: the session of a handoff code, once.
pub async fn redeem(state: &AppState, code: &str) -> AppResult<SignedIn> {
    let handoff = state.kv.take(&handoff_key(code.trim())).await?;
    let handoff: Handoff = handoff.and_then(|h| serde_json::from_str(&h).ok()).ok_or_else(|| {
        AppError::bad_input(
            "code",
            "Il codice di accesso non è valido o è già stato usato: accedi di nuovo",
            "The sign-in code is invalid or was already used: sign in again",
        )
    })?;
    Ok(SignedIn { token: handoff.token, expires_at: handoff.expires_at, person_id: handoff.person_id })
}
