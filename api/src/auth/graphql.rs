//! Sign-in, sign-out and `me`.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::service;
use crate::auth::Principal;
use crate::authz::Role;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::reach::Reach;

/// The signed-in person.
pub struct Me(pub Principal);

#[Object]
impl Me {
    async fn id(&self) -> ID {
        ID(self.0.person_id.to_string())
    }
    async fn username(&self) -> &str {
        &self.0.username
    }
    async fn display_name(&self) -> &str {
        &self.0.display_name
    }
    /// Every role the person holds, with the unit it is held on.
    async fn assignments(&self) -> Vec<RoleAssignment> {
        self.0
            .assignments
            .iter()
            .map(|a| RoleAssignment {
                role: a.role,
                unit_code: a.unit.as_ref().map(|u| u.code.clone()),
                unit_name: a.unit.as_ref().map(|u| u.name.clone()),
                section: a.section.map(|s| s.as_str().to_owned()),
            })
            .collect()
    }
}

#[derive(SimpleObject)]
pub struct RoleAssignment {
    pub role: Role,
    /// Unit the role is held on; null for PROFESSIONAL.
    pub unit_code: Option<String>,
    pub unit_name: Option<String>,
    /// CRIC/CCM section the assignment is narrowed to, if any.
    pub section: Option<String>,
}

#[derive(SimpleObject)]
pub struct LoginPayload {
    /// Opaque bearer token: send it as `Authorization: Bearer <token>`.
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub me: Me,
}

#[derive(Default)]
pub struct AuthQuery;

#[Object]
impl AuthQuery {
    /// The signed-in person and their role assignments.
    async fn me(&self, ctx: &Context<'_>) -> AppResult<Me> {
        Ok(Me(ctx.scope()?.principal().clone()))
    }
}

#[derive(Default)]
pub struct AuthMutation;

#[Object]
impl AuthMutation {
    /// Signs in with username and password. More than 10 failed attempts for
    /// one username within a minute are refused with `RATE_LIMITED`.
    async fn login(&self, ctx: &Context<'_>, username: String, password: String) -> AppResult<LoginPayload> {
        let state = ctx.app_state()?;
        let request_id = ctx.request()?.request_id.clone();
        // Signing in reads the person's assignments before anyone is signed in (crate::kernel::reach).
        let (signed_in, principal) = Reach::system()
            .run(async {
                let signed_in = service::login(state, username.trim(), &password, Some(&request_id)).await?;
                let principal = service::load_principal(&state.db, signed_in.person_id).await?;
                Ok::<_, AppError>((signed_in, principal.ok_or_else(AppError::unauthenticated)?))
            })
            .await?;
        Ok(LoginPayload { token: signed_in.token, expires_at: signed_in.expires_at, me: Me(principal) })
    }

    /// Revokes the token this request was sent with.
    async fn logout(&self, ctx: &Context<'_>) -> AppResult<bool> {
        let scope = ctx.scope()?;
        let request = ctx.request()?;
        let token = request.bearer.as_deref().ok_or_else(AppError::unauthenticated)?;
        service::logout(ctx.app_state()?, token, scope.principal(), scope.request_id()).await?;
        Ok(true)
    }
}
