//! The mutations of procure management: each calls one operation.

use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;

use super::super::{operations, registration};
use super::types::*;
use crate::error::AppResult;
use crate::graphql::context::ContextExt;
use crate::kernel::ids::{ApiKeyId, CollaboratorId, ProcuraId, ProfessionalId, WebhookId, parse_id};
use crate::kernel::reach::Reach;

// ---------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------

#[derive(Default)]
pub struct ProcureMutation;

#[Object]
impl ProcureMutation {
    /// Registers a professional with a sign-in account, already verified. ADMIN only.
    async fn register_professional(
        &self,
        ctx: &Context<'_>,
        input: RegisterProfessionalInput,
    ) -> AppResult<Professional> {
        Ok(Professional(operations::register_professional(ctx.scope()?, input.into()).await?))
    }

    /// Registers oneself as a professional (no sign-in needed). The answer is
    /// the same whether the username and fiscal code were free or taken: the
    /// outcome is sent to the e-mail given (required here). The account can
    /// sign in at once, but may declare procure only after an administrator
    /// verifies it (`verifyProfessional`). Limited per client address and per
    /// username, fiscal code and e-mail.
    async fn register_as_professional(
        &self,
        ctx: &Context<'_>,
        input: RegisterProfessionalInput,
    ) -> AppResult<RegistrationReceipt> {
        let state = ctx.app_state()?;
        let request = ctx.request()?;
        // The public registers itself: the register is national (crate::kernel::reach).
        let register = registration::register_self(state, request.client_ip, input.into(), &request.request_id);
        Reach::system().run(register).await?;
        Ok(RegistrationReceipt {
            message: "Richiesta ricevuta: l'esito arriva all'indirizzo e-mail indicato".to_owned(),
            message_en: "Request received: the outcome is sent to the e-mail address given".to_owned(),
        })
    }

    /// Verifies (approves) a self-registered professional awaiting review;
    /// the professional is told by e-mail. ADMIN only.
    async fn verify_professional(&self, ctx: &Context<'_>, id: ID) -> AppResult<Professional> {
        let id = parse_id::<ProfessionalId>("id", &id)?;
        Ok(Professional(operations::verify_professional(ctx.scope()?, id).await?))
    }

    /// Rejects a self-registration awaiting review, with the reason (5 to 500
    /// characters) e-mailed to the professional. Their account is deactivated
    /// and its sessions end. ADMIN only.
    async fn reject_professional(&self, ctx: &Context<'_>, id: ID, reason: String) -> AppResult<Professional> {
        let id = parse_id::<ProfessionalId>("id", &id)?;
        let rejected = operations::reject_professional(ctx.scope()?, id, &reason).await?;
        crate::auth::account::access_changed(ctx.app_state()?, rejected.person_id, None).await?;
        Ok(Professional(rejected))
    }

    /// Declares a procura received from a client. Only verified professionals
    /// of Entratel type A10, A20, A25, A30 or A56.
    async fn declare_procura(&self, ctx: &Context<'_>, input: DeclareProcuraInput) -> AppResult<Procura> {
        let declaration = operations::Declaration {
            client_fiscal_code: input.client_fiscal_code,
            services: input.services,
            valid_from: input.valid_from,
            valid_to: input.valid_to,
            collaborators_authorized: input.collaborators_authorized,
            privacy_notice_given: input.privacy_notice_given,
        };
        Ok(Procura(operations::declare_procura(ctx.scope()?, declaration).await?))
    }

    /// Revokes one of the caller's procure: from today it no longer authorises anything.
    async fn revoke_procura(&self, ctx: &Context<'_>, id: ID) -> AppResult<Procura> {
        let id = parse_id::<ProcuraId>("id", &id)?;
        Ok(Procura(operations::revoke_procura(ctx.scope()?, id).await?))
    }

    /// Lists a collaborator the caller may send to the offices from `from` to
    /// `to` (open-ended when omitted).
    async fn add_collaborator(
        &self,
        ctx: &Context<'_>,
        fiscal_code: String,
        from: NaiveDate,
        to: Option<NaiveDate>,
    ) -> AppResult<Collaborator> {
        Ok(Collaborator(operations::add_collaborator(ctx.scope()?, &fiscal_code, from, to).await?))
    }

    /// Ends a collaborator's period: `on` is their last day (not after the
    /// current end, not before the start).
    async fn end_collaborator(&self, ctx: &Context<'_>, id: ID, on: NaiveDate) -> AppResult<Collaborator> {
        let id = parse_id::<CollaboratorId>("id", &id)?;
        Ok(Collaborator(operations::end_collaborator(ctx.scope()?, id, on).await?))
    }

    /// Creates a partner API key. The secret is in the answer and never again.
    async fn create_api_key(&self, ctx: &Context<'_>, name: String) -> AppResult<CreatedApiKey> {
        let created = operations::create_api_key(ctx.scope()?, &name).await?;
        Ok(CreatedApiKey { secret: created.secret, api_key: ApiKey(created.key) })
    }

    /// Revokes one of the caller's API keys: requests with it fail from now on.
    async fn revoke_api_key(&self, ctx: &Context<'_>, id: ID) -> AppResult<ApiKey> {
        let id = parse_id::<ApiKeyId>("id", &id)?;
        Ok(ApiKey(operations::revoke_api_key(ctx.scope()?, id).await?))
    }

    /// Registers an endpoint for signed notifications about the caller's procure.
    /// The signing secret is in the answer and never again.
    async fn register_webhook(&self, ctx: &Context<'_>, url: String) -> AppResult<RegisteredWebhook> {
        let production = ctx.app_state()?.settings.is_production();
        let (hook, secret) = operations::register_webhook(ctx.scope()?, &url, production).await?;
        Ok(RegisteredWebhook { secret, webhook: Webhook(hook) })
    }

    /// Gives one of the caller's endpoints a new signing secret, in the answer
    /// and never again. The old secret stays valid for 24 hours: deliveries
    /// meanwhile carry two signatures in `X-Accoglienza-Signature`, one per
    /// secret, so the receiver can switch at any moment within that time.
    async fn rotate_webhook_secret(&self, ctx: &Context<'_>, id: ID) -> AppResult<RegisteredWebhook> {
        let id = parse_id::<WebhookId>("id", &id)?;
        let (hook, secret) = operations::rotate_webhook_secret(ctx.scope()?, id).await?;
        Ok(RegisteredWebhook { secret, webhook: Webhook(hook) })
    }

    /// Stops notifications to one of the caller's endpoints.
    async fn delete_webhook(&self, ctx: &Context<'_>, id: ID) -> AppResult<bool> {
        let id = parse_id::<WebhookId>("id", &id)?;
        operations::delete_webhook(ctx.scope()?, id).await?;
        Ok(true)
    }
}
