//! Sign-in and sign-out, and turning a bearer token into a [`Principal`].

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use entities::{org_unit, person, role_assignment};

use crate::audit::{self, Actor, AuditRecord};
use crate::auth::api_keys::{self, API_KEY_PREFIX};
use crate::auth::oidc::PasswordLogin;
use crate::auth::provider::UsernamePassword;
use crate::auth::{Assignment, IdentityProvider, PasswordProvider, Principal, TOKEN_PREFIX, UnitRef};
use crate::auth::{AuthMethod, SessionOrigin, hash_token, new_token};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// More failed sign-ins than this for one username within the window are refused.
pub const MAX_FAILED_LOGINS: u64 = 10;
pub const FAILED_LOGIN_WINDOW: Duration = Duration::from_secs(60);

pub struct SignedIn {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub person_id: Uuid,
}

/// The counter of a username's failed password checks (sign-in, and the
/// current password when changing it).
pub(crate) fn attempts_key(username: &str) -> String {
    format!("login-failures:{}", username.to_lowercase())
}

/// Signs in with a password. Each attempt first reserves one of the
/// username's [`MAX_FAILED_LOGINS`] per window, atomically (an increment in
/// Redis or under the in-process lock), and only then checks the password;
/// a successful attempt gives its reservation back. Reading the count, then
/// hashing, then counting let 60 concurrent attempts make 59 checks.
pub async fn login(
    state: &AppState,
    username: &str,
    password: &str,
    origin: &SessionOrigin,
    request_id: Option<&str>,
) -> AppResult<SignedIn> {
    let key = attempts_key(username);
    let (attempts, retry_after) = state.kv.incr_in_window(&key, FAILED_LOGIN_WINDOW).await?;
    if attempts > MAX_FAILED_LOGINS {
        return Err(AppError::RateLimited { retry_after_secs: retry_after.max(1) });
    }
    let provider = PasswordProvider { db: &state.db };
    let credentials = UsernamePassword { username: username.to_owned(), password: password.to_owned() };
    let authenticated = provider.authenticate(credentials).await;
    let person_id = match authenticated {
        Ok(Some(person_id)) => person_id,
        Ok(None) => return Err(failed_login(state, username, request_id).await),
        Err(err) => {
            // Not the caller's failure (hashing busy, database down): give the attempt back.
            state.kv.decr(&key).await?;
            return Err(err);
        }
    };
    state.kv.decr(&key).await?;
    refuse_password_if_not_allowed(state, person_id).await?;
    let (token, expires_at) = issue_session(state, person_id, origin).await?;
    let unit_id = home_unit_of_username(&state.db, username).await?;
    let actor = Actor { id: Some(person_id), username: Some(username.to_owned()), unit_id, ..Actor::default() };
    let record = AuditRecord::new("auth.login").record("person", person_id.to_string());
    audit::record(&state.db, &actor, record, request_id).await?;
    Ok(SignedIn { token, expires_at, person_id })
}

/// `PASSWORD_LOGIN`: staff (anyone holding a role other than PROFESSIONAL)
/// may be required to sign in through SSO, or everyone. Checked only once the
/// password is right, so a guesser learns nothing about the account.
async fn refuse_password_if_not_allowed(state: &AppState, person_id: Uuid) -> AppResult<()> {
    let allowed = state.settings.password_login;
    if allowed == PasswordLogin::Staff {
        return Ok(());
    }
    let is_staff = role_assignment::Entity::find()
        .filter(role_assignment::Column::PersonId.eq(person_id))
        .filter(role_assignment::Column::Role.ne(crate::authz::Role::Professional))
        .one(&state.db)
        .await?
        .is_some();
    if allowed.allows(is_staff) {
        return Ok(());
    }
    Err(AppError::forbidden(
        "L'accesso con password non è consentito: usa «Accedi con SSO»",
        "Signing in with a password is not allowed here: use single sign-on",
    ))
}

/// Audits a wrong password (or unknown username) and answers it.
async fn failed_login(state: &AppState, username: &str, request_id: Option<&str>) -> AppError {
    // Attributed to the account's home unit, so that unit's auditors see attacks on it.
    let audited = async {
        let unit_id = home_unit_of_username(&state.db, username).await?;
        let actor = Actor { username: Some(username.to_owned()), unit_id, ..Actor::default() };
        audit::record(&state.db, &actor, AuditRecord::new("auth.login_failed"), request_id).await
    };
    if let Err(err) = audited.await {
        return err;
    }
    AppError::Unauthenticated(crate::error::Msg::new(
        "Nome utente o password non corretti",
        "Wrong username or password",
    ))
}

/// The unit of a person's first role assignment (their "home" unit), if any.
pub(crate) async fn home_unit_of_username(db: &impl ConnectionTrait, username: &str) -> AppResult<Option<Uuid>> {
    let Some(person) = person::Entity::find().filter(person::Column::Username.eq(username)).one(db).await? else {
        return Ok(None);
    };
    Ok(role_assignment::Entity::find()
        .filter(role_assignment::Column::PersonId.eq(person.id))
        .filter(role_assignment::Column::UnitId.is_not_null())
        .order_by_asc(role_assignment::Column::CreatedAt)
        .one(db)
        .await?
        .and_then(|a| a.unit_id))
}

/// Creates a session for a person whose identity a provider has established.
pub async fn issue_session(
    state: &AppState,
    person_id: Uuid,
    origin: &SessionOrigin,
) -> AppResult<(String, DateTime<Utc>)> {
    let token = new_token(TOKEN_PREFIX)?;
    let expires_at = state.sessions.create(&hash_token(&token), person_id, state.settings.session_ttl, origin).await?;
    Ok((token, expires_at))
}

pub async fn logout(state: &AppState, token: &str, principal: &Principal, request_id: Option<&str>) -> AppResult<()> {
    state.sessions.revoke(&hash_token(token)).await?;
    let unit_id = principal.assignments.iter().find_map(|a| a.unit_id());
    let actor = Actor { unit_id, ..Actor::from_principal(principal) };
    let record = AuditRecord::new("auth.logout").record("person", principal.person_id.to_string());
    audit::record(&state.db, &actor, record, request_id).await
}

/// The caller behind a bearer token, or `None` when the token is unknown,
/// expired or revoked.
pub async fn principal_for_token(state: &AppState, token: &str) -> AppResult<Option<Principal>> {
    if token.starts_with(API_KEY_PREFIX) {
        return api_keys::principal_for_key(state, token).await;
    }
    if !token.starts_with(TOKEN_PREFIX) {
        return Ok(None);
    }
    let (person_id, shared_version) = state.sessions.resolve_with_version(&hash_token(token)).await?;
    let Some(person_id) = person_id else { return Ok(None) };
    // The shared version moves with every change anywhere; the local one
    // with every change made here (and stands alone without Redis).
    let version = shared_version.unwrap_or(0).wrapping_mul(1 << 20).wrapping_add(state.principals.local_version());
    if let Some(principal) = state.principals.get(person_id, version) {
        return Ok(Some(Principal::clone(&principal)));
    }
    let principal = load_principal(&state.db, person_id).await?;
    if let Some(p) = &principal {
        state.principals.put(std::sync::Arc::new(p.clone()), version);
    }
    Ok(principal)
}

/// A person with their role assignments and the units they are held on.
pub async fn load_principal(db: &impl ConnectionTrait, person_id: Uuid) -> AppResult<Option<Principal>> {
    let Some(person) = person::Entity::find_by_id(person_id).filter(person::Column::Active.eq(true)).one(db).await?
    else {
        return Ok(None);
    };
    // The assignments with their units in one statement: this runs on every request.
    let rows = role_assignment::Entity::find()
        .filter(role_assignment::Column::PersonId.eq(person_id))
        .find_also_related(org_unit::Entity)
        .order_by_asc(role_assignment::Column::CreatedAt)
        .order_by_asc(role_assignment::Column::Id)
        .all(db)
        .await?;
    let mut assignments = Vec::with_capacity(rows.len());
    for (row, unit) in rows {
        let role = row.role;
        let unit = unit.map(|u| UnitRef { id: u.id, code: u.code, name: u.name, path: u.path });
        assignments.push(Assignment { role, unit, section: row.section });
    }
    Ok(Some(Principal {
        person_id,
        username: person.username,
        display_name: person.display_name,
        assignments,
        via: AuthMethod::Session,
        must_change_password: person.must_change_password,
    }))
}
