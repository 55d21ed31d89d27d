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
}

pub trait ContextExt {
    /// The caller's scope, or `UNAUTHENTICATED`.
    fn scope(&self) -> AppResult<&Scope>;
    fn request(&self) -> AppResult<&RequestCtx>;
    /// Server state, for the operations that run before anyone is signed in.
    fn app_state(&self) -> AppResult<&AppState>;
    /// "Now" from the server's [`crate::kernel::Clock`], for every decision
    /// by time of day or date (fixed in tests).
    fn now(&self) -> AppResult<DateTime<Utc>>;
}

impl ContextExt for Context<'_> {
    fn scope(&self) -> AppResult<&Scope> {
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
