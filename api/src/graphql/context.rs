//! Per-request data attached to every GraphQL execution, and the accessors
//! resolvers use. Resolvers get the database only through [`ContextExt::scope`].

use std::sync::Arc;

use async_graphql::Context;
use chrono::{DateTime, Utc};

use crate::auth::Principal;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::tenancy::Scope;

/// Who is calling, as established by the HTTP layer.
#[derive(Clone)]
pub struct RequestCtx {
    pub request_id: String,
    /// The raw bearer token, needed only to revoke it on `logout`.
    pub bearer: Option<String>,
    pub principal: Option<Arc<Principal>>,
    /// The TCP peer's address. Behind a reverse proxy this is the proxy's:
    /// the per-address limits then apply to the proxy as a whole.
    pub client_ip: Option<std::net::IpAddr>,
    /// The `User-Agent` header, kept with a new session so its person can tell
    /// their sessions apart (`mySessions`).
    pub user_agent: Option<String>,
}

impl RequestCtx {
    /// The SHA-256 of the bearer token: how the current session is recognised.
    pub fn bearer_hash(&self) -> Option<String> {
        self.bearer.as_deref().map(crate::auth::hash_token)
    }
}

pub trait ContextExt {
    /// The caller's scope, or `UNAUTHENTICATED`; `FORBIDDEN` (reason
    /// `PASSWORD_CHANGE_REQUIRED`) while the caller must still replace a
    /// password an admin chose: every resolver that needs a signed-in caller
    /// comes through here, so that one check closes all of them.
    fn scope(&self) -> AppResult<&Scope>;
    /// The caller's scope even before they have replaced an admin's password:
    /// only for what they need to do so (`me`, `changePassword`, their
    /// sessions, `logout`).
    fn scope_before_password_change(&self) -> AppResult<&Scope>;
    fn request(&self) -> AppResult<&RequestCtx>;
    /// Server state, for the operations that run before anyone is signed in.
    fn app_state(&self) -> AppResult<&AppState>;
    /// "Now" from the server's [`crate::kernel::Clock`], for every decision
    /// by time of day or date (fixed in tests).
    fn now(&self) -> AppResult<DateTime<Utc>>;
}

impl ContextExt for Context<'_> {
    fn scope(&self) -> AppResult<&Scope> {
        let scope = self.scope_before_password_change()?;
        if scope.principal().must_change_password {
            return Err(AppError::PasswordChangeRequired);
        }
        Ok(scope)
    }

    fn scope_before_password_change(&self) -> AppResult<&Scope> {
        self.data_opt::<Scope>().ok_or_else(AppError::unauthenticated)
    }

    fn request(&self) -> AppResult<&RequestCtx> {
        self.data::<RequestCtx>().map_err(AppError::internal)
    }

    fn app_state(&self) -> AppResult<&AppState> {
        self.data::<AppState>().map_err(AppError::internal)
    }

    fn now(&self) -> AppResult<DateTime<Utc>> {
        Ok(self.app_state()?.clock.now())
    }
}
