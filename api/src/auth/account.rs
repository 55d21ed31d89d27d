//! What signed-in people do with their own account: see and end their
//! sessions, change their password. Ending other people's sessions and
//! issuing reset links is managing people (`crate::people::operations`).

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use entities::person;

use super::service::{FAILED_LOGIN_WINDOW, MAX_FAILED_LOGINS, attempts_key};
use super::{LiveSession, hash_password, principal_cache, verify_password};
use crate::audit::{self, Actor, AuditRecord};
use crate::auth::password::check_new_password;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::tenancy::Scope;

/// A session of the caller, and whether it is the one this request came with.
pub struct OwnSession {
    pub session: LiveSession,
    pub current: bool,
}

/// The caller's live sessions, newest first. Not through a partner API key:
/// a key reads procure, not its owner's sign-ins.
pub async fn my_sessions(state: &AppState, scope: &Scope, current_hash: Option<&str>) -> AppResult<Vec<OwnSession>> {
    if scope.principal().api_key_id().is_some() {
        return Err(AppError::forbidden(
            "Le sessioni non si consultano con una chiave API",
            "Sessions cannot be read with an API key",
        ));
    }
    let sessions = state.sessions.list(scope.person_id()).await?;
    Ok(sessions
        .into_iter()
        .map(|session| {
            let current = Some(session.token_hash.as_str()) == current_hash;
            OwnSession { session, current }
        })
        .collect())
}

fn session_not_found() -> AppError {
    AppError::not_found("Sessione non trovata o già terminata", "Session not found or already ended")
}

/// Ends one of the caller's sessions (the current one too: that is signing out).
pub async fn end_session(state: &AppState, scope: &Scope, session_id: Uuid) -> AppResult<()> {
    let ended = state.sessions.end(scope.person_id(), &[session_id]).await?;
    if ended == 0 {
        return Err(session_not_found());
    }
    let record = AuditRecord::new("auth.session_end").record("session", session_id.to_string());
    audit::record(scope.db(), &own_actor(scope), record, scope.request_id()).await
}

/// Ends every session of the caller but the current one; answers how many.
pub async fn end_other_sessions(state: &AppState, scope: &Scope, current_hash: Option<&str>) -> AppResult<u64> {
    let ended = state.sessions.end_all(scope.person_id(), current_hash).await?;
    let record = AuditRecord::new("auth.sessions_end_others")
        .record("person", scope.person_id().to_string())
        .detail(serde_json::json!({ "ended": ended }));
    audit::record(scope.db(), &own_actor(scope), record, scope.request_id()).await?;
    Ok(ended)
}

/// The caller as the actor of their own account's events, at their home unit
/// (so that unit's auditors see them, like sign-ins).
fn own_actor(scope: &Scope) -> Actor {
    let principal = scope.principal();
    let unit_id = principal.assignments.iter().find_map(|a| a.unit_id());
    Actor { unit_id, ..Actor::from_principal(principal) }
}

pub struct PasswordChange {
    pub current: String,
    pub new: String,
}

/// Replaces the caller's password, given the current one. Wrong current
/// passwords count against the same 10-a-minute limit as sign-ins. Ends the
/// caller's other sessions (whoever knew the old password is signed out) and
/// lifts [`AppError::PasswordChangeRequired`].
pub async fn change_password(
    state: &AppState,
    scope: &Scope,
    current_hash: Option<&str>,
    change: PasswordChange,
) -> AppResult<()> {
    check_new_password("newPassword", &change.new)?;
    if change.new == change.current {
        return Err(AppError::bad_input(
            "newPassword",
            "La nuova password deve essere diversa da quella attuale",
            "The new password must differ from the current one",
        ));
    }
    let person =
        person::Entity::find_by_id(scope.person_id()).one(scope.db()).await?.ok_or_else(AppError::unauthenticated)?;
    check_current_password(state, &person, &change.current).await?;
    let new_hash = hash_password(&change.new).await?;
    let txn = crate::kernel::write_txn::begin_write(scope.db()).await?;
    person::Entity::update_many()
        .col_expr(person::Column::PasswordHash, Expr::value(new_hash))
        .col_expr(person::Column::MustChangePassword, Expr::value(false))
        .filter(person::Column::Id.eq(person.id))
        .exec(&txn)
        .await?;
    let record = AuditRecord::new("auth.password_change").record("person", person.id.to_string());
    audit::record(&txn, &own_actor(scope), record, scope.request_id()).await?;
    txn.commit().await?;
    state.sessions.end_all(person.id, current_hash).await?;
    principal_cache::bump(state).await
}

/// Checks the current password, counting a wrong one like a failed sign-in.
async fn check_current_password(state: &AppState, person: &person::Model, password: &str) -> AppResult<()> {
    let key = attempts_key(&person.username);
    let (attempts, retry_after) = state.kv.incr_in_window(&key, FAILED_LOGIN_WINDOW).await?;
    if attempts > MAX_FAILED_LOGINS {
        return Err(AppError::RateLimited { retry_after_secs: retry_after.max(1) });
    }
    let verified = match person.password_hash.as_deref() {
        Some(hash) => verify_password(password, hash).await?,
        None => false,
    };
    if !verified {
        return Err(AppError::bad_input(
            "currentPassword",
            "La password attuale non è corretta",
            "The current password is not correct",
        ));
    }
    state.kv.decr(&key).await
}

/// After a change to who a person is or what they may do (deactivation, a
/// role granted or revoked, a new password by reset): their sessions end at
/// once, on every instance, except `keep` (the caller's own current session,
/// when they changed something of their own), and every instance reads every
/// principal again.
pub async fn access_changed(state: &AppState, person_id: Uuid, keep: Option<&str>) -> AppResult<u64> {
    let ended = state.sessions.end_all(person_id, keep).await?;
    principal_cache::bump(state).await?;
    Ok(ended)
}
