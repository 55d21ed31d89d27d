//! Sign-in, sign-out and `me`.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::{account, device, reset, service};
use crate::auth::Principal;
use crate::auth::SessionOrigin;
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
    /// True when the password was chosen by an admin: the person must choose
    /// their own (`changePassword`) before anything else is allowed (other
    /// fields answer `FORBIDDEN` with `extensions.reason: "PASSWORD_CHANGE_REQUIRED"`).
    async fn must_change_password(&self) -> bool {
        self.0.must_change_password
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

/// One of the signed-in person's sessions (a sign-in on some device).
#[derive(SimpleObject)]
pub struct SignInSession {
    pub id: ID,
    pub started_at: DateTime<Utc>,
    /// When a request last came with it (to the minute).
    pub last_used_at: Option<DateTime<Utc>>,
    pub expires_at: DateTime<Utc>,
    /// The browser or program, as it named itself.
    pub user_agent: Option<String>,
    /// The user agent in a few Italian words, e.g. "Chrome su Windows".
    pub device: String,
    /// The session this request came with.
    pub current: bool,
}

impl From<account::OwnSession> for SignInSession {
    fn from(own: account::OwnSession) -> Self {
        let s = own.session;
        SignInSession {
            id: ID(s.id.to_string()),
            started_at: s.created_at,
            last_used_at: s.last_used_at,
            expires_at: s.expires_at,
            device: device::describe(s.user_agent.as_deref()),
            user_agent: s.user_agent,
            current: own.current,
        }
    }
}

/// How people can sign in here (asked before signing in).
#[derive(SimpleObject)]
pub struct SignInOptions {
    /// Single sign-on is configured: the app offers "Accedi con SSO", which
    /// opens `GET /auth/oidc/start`.
    pub sso: bool,
    /// Who may still sign in with a password (`PASSWORD_LOGIN`).
    pub password_login: super::oidc::PasswordLogin,
}

#[derive(Default)]
pub struct AuthQuery;

#[Object]
impl AuthQuery {
    /// The signed-in person and their role assignments.
    async fn me(&self, ctx: &Context<'_>) -> AppResult<Me> {
        Ok(Me(ctx.scope_before_password_change()?.principal().clone()))
    }

    /// How one can sign in (no sign-in needed).
    async fn sign_in_options(&self, ctx: &Context<'_>) -> AppResult<SignInOptions> {
        let state = ctx.app_state()?;
        Ok(SignInOptions { sso: state.oidc.is_some(), password_login: state.settings.password_login })
    }

    /// The signed-in person's live sessions, newest first (a handful: each
    /// ends by itself after `SESSION_TTL_MINUTES`).
    async fn my_sessions(&self, ctx: &Context<'_>) -> AppResult<Vec<SignInSession>> {
        let scope = ctx.scope_before_password_change()?;
        let current = ctx.request()?.bearer_hash();
        let sessions = account::my_sessions(ctx.app_state()?, scope, current.as_deref()).await?;
        Ok(sessions.into_iter().map(SignInSession::from).collect())
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
        let request = ctx.request()?;
        let request_id = request.request_id.clone();
        // Signing in reads the person's assignments before anyone is signed in (crate::kernel::reach).
        let (signed_in, principal) = Reach::system()
            .run(async {
                let origin = SessionOrigin::new(request.user_agent.as_deref());
                let signed_in = service::login(state, username.trim(), &password, &origin, Some(&request_id)).await?;
                let principal = service::load_principal(&state.db, signed_in.person_id).await?;
                Ok::<_, AppError>((signed_in, principal.ok_or_else(AppError::unauthenticated)?))
            })
            .await?;
        Ok(LoginPayload { token: signed_in.token, expires_at: signed_in.expires_at, me: Me(principal) })
    }

    /// Finishes a single sign-on: exchanges the one-time `code` that
    /// `/auth/oidc/callback` put in the app's address for the session token.
    /// A code works once and for a minute; afterwards `BAD_USER_INPUT` on `code`.
    async fn complete_sso_sign_in(&self, ctx: &Context<'_>, code: String) -> AppResult<LoginPayload> {
        let state = ctx.app_state()?;
        let (signed_in, principal) = Reach::system()
            .run(async {
                let signed_in = super::oidc::flow::redeem(state, &code).await?;
                let principal = service::load_principal(&state.db, signed_in.person_id).await?;
                Ok::<_, AppError>((signed_in, principal.ok_or_else(AppError::unauthenticated)?))
            })
            .await?;
        Ok(LoginPayload { token: signed_in.token, expires_at: signed_in.expires_at, me: Me(principal) })
    }

    /// Revokes the token this request was sent with.
    async fn logout(&self, ctx: &Context<'_>) -> AppResult<bool> {
        let scope = ctx.scope_before_password_change()?;
        let request = ctx.request()?;
        let token = request.bearer.as_deref().ok_or_else(AppError::unauthenticated)?;
        service::logout(ctx.app_state()?, token, scope.principal(), scope.request_id()).await?;
        Ok(true)
    }

    /// Ends one of the signed-in person's sessions (`NOT_FOUND` when it is not
    /// theirs or has ended already). Its token is refused from the next request.
    async fn end_session(&self, ctx: &Context<'_>, id: ID) -> AppResult<bool> {
        let id = crate::kernel::ids::parse_uuid("id", id.as_str())?;
        account::end_session(ctx.app_state()?, ctx.scope_before_password_change()?, id).await?;
        Ok(true)
    }

    /// Ends every session of the signed-in person except this one; answers how many ended.
    async fn end_other_sessions(&self, ctx: &Context<'_>) -> AppResult<i32> {
        let current = ctx.request()?.bearer_hash();
        let scope = ctx.scope_before_password_change()?;
        let ended = account::end_other_sessions(ctx.app_state()?, scope, current.as_deref()).await?;
        Ok(i32::try_from(ended).unwrap_or(i32::MAX))
    }

    /// Replaces the signed-in person's password, given the current one
    /// (`BAD_USER_INPUT` on `currentPassword` when wrong; wrong attempts count
    /// like failed sign-ins). The new one needs at least 12 characters. Their
    /// other sessions end; this one stays.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        current_password: String,
        new_password: String,
    ) -> AppResult<bool> {
        let current = ctx.request()?.bearer_hash();
        let scope = ctx.scope_before_password_change()?;
        let change = account::PasswordChange { current: current_password, new: new_password };
        account::change_password(ctx.app_state()?, scope, current.as_deref(), change).await?;
        Ok(true)
    }

    /// Chooses a new password with the token of a reset link (no sign-in
    /// needed). A link works once and for 24 hours; afterwards
    /// `BAD_USER_INPUT` on `token`. Every session of the person ends.
    async fn reset_password(&self, ctx: &Context<'_>, token: String, new_password: String) -> AppResult<bool> {
        let state = ctx.app_state()?;
        let request_id = ctx.request()?.request_id.clone();
        // Before anyone is signed in (crate::kernel::reach), like `login`.
        Reach::system().run(reset::complete(state, &token, &new_password, Some(&request_id))).await?;
        Ok(true)
    }
}
