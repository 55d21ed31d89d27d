//! GraphQL layer of procure management: professionals (register, verify,
//! self-register), procure, collaborators, the two checks, partner API keys and
//! webhooks.

use std::collections::HashMap;

use async_graphql::connection::Connection;
use async_graphql::dataloader::{DataLoader, Loader};
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;
use uuid::Uuid;

use entities::{api_key, collaborator, outbox_delivery, outbox_message, procura, procura_event, professional, webhook};

use super::domain::{
    self, CheckOutcome, CheckReason, CollaboratorPeriod, DelegableService, EntratelUserType, ProcuraEventKind,
    ProcuraFacts, ProcuraStatus, ProfessionCategory,
};
use super::operations::{caller, procura_not_found};
use super::registration::{self, RegistrationForm};
use super::store::{self, CollaboratorFilter as StoreCollaboratorFilter, ProcuraFilter as StoreProcuraFilter};
use super::{operations, webhooks};
use crate::audit::{self, Actor, AuditRecord};
use crate::auth::api_keys;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::{Page, connection};
use crate::kernel::ids::{ApiKeyId, CollaboratorId, ProcuraId, ProfessionalId, WebhookId, parse_id};
use crate::kernel::reach::Reach;
use crate::tenancy::Scope;
use crate::validation::{fiscal_code_field, tax_code_field};

// ---------------------------------------------------------------------------
// Output types
// ---------------------------------------------------------------------------

/// A professional (commercialista, consulente del lavoro) in the register.
pub struct Professional(pub professional::Model);

#[derive(SimpleObject)]
pub struct AlboEntry {
    /// Name of the professional register (albo), e.g. "ODCEC di Roma".
    pub name: String,
    /// Province of the register (two-letter sigla, e.g. RM).
    pub province: String,
    /// Registration number.
    pub number: String,
}

#[Object]
impl Professional {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn fiscal_code(&self) -> &str {
        &self.0.fiscal_code
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Entratel user type, e.g. `A10`.
    async fn entratel_user_type(&self) -> &str {
        &self.0.entratel_type
    }
    async fn category(&self) -> ProfessionCategory {
        EntratelUserType::parse(&self.0.entratel_type).map_or(ProfessionCategory::Other, |t| t.category())
    }
    async fn albo(&self) -> AlboEntry {
        AlboEntry {
            name: self.0.albo_name.clone(),
            province: self.0.albo_province.clone(),
            number: self.0.albo_number.clone(),
        }
    }
    /// Registered by themself (then verified by an administrator) rather than by an administrator.
    async fn self_registered(&self) -> bool {
        self.0.self_registered
    }
    async fn verified(&self) -> bool {
        self.0.verified_at.is_some()
    }
    async fn verified_at(&self) -> Option<DateTime<Utc>> {
        self.0.verified_at
    }
    /// Verified and of an Entratel type that may declare procure (A10, A20, A25, A30, A56).
    async fn may_declare_procure(&self) -> bool {
        domain::ensure_may_declare(&self.0.entratel_type, self.0.verified_at.is_some()).is_ok()
    }
    async fn registered_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

/// Whether a client code is a person's fiscal code or a company's VAT code.
#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ClientKind {
    /// 16-character personal fiscal code.
    Person,
    /// 11-digit code (company VAT number).
    Company,
}

/// A procura (power of attorney) a professional declared having received from a client.
pub struct Procura(pub procura::Model);

#[Object]
impl Procura {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// The client's 16-character fiscal code or 11-digit VAT code.
    async fn client_fiscal_code(&self) -> &str {
        &self.0.client_fiscal_code
    }
    async fn client_kind(&self) -> ClientKind {
        if self.0.client_fiscal_code.len() == 16 { ClientKind::Person } else { ClientKind::Company }
    }
    /// The delegated services, in canonical order.
    async fn services(&self) -> Vec<DelegableService> {
        store::services(&self.0).to_vec()
    }
    async fn valid_from(&self) -> NaiveDate {
        self.0.valid_from
    }
    async fn valid_to(&self) -> NaiveDate {
        self.0.valid_to
    }
    /// Status today (Europe/Rome), derived from the dates and the revocation.
    async fn status(&self) -> ProcuraStatus {
        store::validity(&self.0).status_on(domain::today())
    }
    /// Whether the professional may send collaborators to the offices under it.
    async fn collaborators_authorized(&self) -> bool {
        self.0.collaborators_authorized
    }
    /// The professional declared having informed clients and collaborators about personal-data processing.
    async fn privacy_notice_given(&self) -> bool {
        self.0.privacy_notice_given
    }
    async fn declared_at(&self) -> DateTime<Utc> {
        self.0.declared_at
    }
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// The professional holding the procura.
    async fn professional(&self, ctx: &Context<'_>) -> AppResult<Option<Professional>> {
        let loader = ctx.data::<DataLoader<ProfessionalById>>().map_err(AppError::internal)?;
        Ok(loader.load_one(self.0.professional_id).await?.map(Professional))
    }
    /// What happened to it, oldest first (its professional only; empty for others).
    #[graphql(complexity = "5 * child_complexity")]
    async fn history(&self, ctx: &Context<'_>) -> AppResult<Vec<ProcuraEvent>> {
        let loader = ctx.data::<DataLoader<HistoryByProcura>>().map_err(AppError::internal)?;
        Ok(loader.load_one(self.0.id).await?.unwrap_or_default().into_iter().map(ProcuraEvent).collect())
    }
}

/// One step in a procura's history.
pub struct ProcuraEvent(procura_event::Model);

#[Object]
impl ProcuraEvent {
    async fn kind(&self) -> AppResult<ProcuraEventKind> {
        self.0.kind.parse().map_err(AppError::internal)
    }
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }
}

/// A collaborator the professional may send to the offices, for a period.
pub struct Collaborator(collaborator::Model);

#[Object]
impl Collaborator {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn fiscal_code(&self) -> &str {
        &self.0.fiscal_code
    }
    async fn from(&self) -> NaiveDate {
        self.0.valid_from
    }
    /// Last day; null while open-ended.
    async fn to(&self) -> Option<NaiveDate> {
        self.0.valid_to
    }
    /// The period covers today (Europe/Rome).
    async fn active(&self) -> bool {
        period(&self.0).covers(domain::today())
    }
    /// When `endCollaborator` was called.
    async fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.0.ended_at
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

fn period(c: &collaborator::Model) -> CollaboratorPeriod {
    CollaboratorPeriod { professional_id: c.professional_id, valid_from: c.valid_from, valid_to: c.valid_to }
}

/// The answer of `procuraCheck` and `collaboratorCheck`.
pub struct CheckResult {
    outcome: CheckOutcome,
    on: NaiveDate,
    procura: Option<procura::Model>,
}

#[Object]
impl CheckResult {
    async fn authorized(&self) -> bool {
        self.outcome.authorized()
    }
    /// Why: `AUTHORIZED`, or what is missing.
    async fn reason(&self) -> CheckReason {
        self.outcome.reason
    }
    /// The reason in words (Italian; `messageEn` in English).
    async fn message(&self) -> &'static str {
        self.outcome.reason.message().0
    }
    async fn message_en(&self) -> &'static str {
        self.outcome.reason.message().1
    }
    /// The day checked.
    async fn on(&self) -> NaiveDate {
        self.on
    }
    /// The procura the answer is about (null for `NO_PROCURA`).
    async fn procura(&self) -> Option<Procura> {
        self.procura.clone().map(Procura)
    }
}

/// A partner API key (the secret itself is shown only at creation).
pub struct ApiKey(api_key::Model);

#[Object]
impl ApiKey {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The key's first characters, e.g. `acc_pk_AbCd…`.
    async fn hint(&self) -> &str {
        &self.0.hint
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// Last request made with it (to within five minutes).
    async fn last_used_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_used_at
    }
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
    async fn active(&self) -> bool {
        self.0.revoked_at.is_none()
    }
}

#[derive(SimpleObject)]
pub struct CreatedApiKey {
    /// The key, shown this once: send it as `Authorization: Bearer <key>`.
    pub secret: String,
    pub api_key: ApiKey,
}

/// An endpoint receiving signed notifications about the professional's procure.
pub struct Webhook(webhook::Model);

#[Object]
impl Webhook {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn url(&self) -> &str {
        &self.0.url
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// The delivery log: the latest notifications sent (or being retried) to
    /// this endpoint, newest first, each with its attempts. (A professional has
    /// at most five endpoints, so this costs at most five small queries.)
    #[graphql(complexity = "last.unwrap_or(20).max(0) as usize * child_complexity")]
    async fn deliveries(&self, ctx: &Context<'_>, last: Option<i32>) -> AppResult<Vec<WebhookDelivery>> {
        let scope = ctx.scope()?;
        let limit = Page::new(last, None)?.first as u64;
        let messages =
            crate::outbox::store::by_reference(scope.db(), &webhooks::reference(self.0.id), None, limit).await?;
        let ids: Vec<Uuid> = messages.iter().map(|m| m.id).collect();
        let mut attempts: HashMap<Uuid, Vec<outbox_delivery::Model>> = HashMap::new();
        for d in crate::outbox::store::deliveries_of(scope.db(), &ids).await? {
            attempts.entry(d.message_id).or_default().push(d);
        }
        Ok(messages
            .into_iter()
            .map(|m| {
                let tries = attempts.remove(&m.id).unwrap_or_default();
                WebhookDelivery(m, tries)
            })
            .collect())
    }
}

/// One notification to a webhook (the `X-Accoglienza-Delivery` id) and its attempts.
pub struct WebhookDelivery(outbox_message::Model, Vec<outbox_delivery::Model>);

#[Object]
impl WebhookDelivery {
    /// Also sent as `X-Accoglienza-Delivery`.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// E.g. `procura.revoked`.
    async fn event(&self) -> &str {
        &self.0.event
    }
    /// `PENDING`, `SENDING`, `SENT`, `FAILED` (gave up) or `CANCELLED`.
    async fn status(&self) -> &str {
        &self.0.status
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn sent_at(&self) -> Option<DateTime<Utc>> {
        self.0.sent_at
    }
    /// When the next attempt is due (while `PENDING`).
    async fn next_attempt_at(&self) -> DateTime<Utc> {
        self.0.next_attempt_at
    }
    async fn last_error(&self) -> Option<&str> {
        self.0.last_error.as_deref()
    }
    async fn attempts(&self) -> Vec<WebhookAttempt> {
        self.1
            .iter()
            .map(|d| WebhookAttempt {
                attempt: d.attempt,
                at: d.at,
                outcome: d.outcome.clone(),
                status_code: d.status_code,
                error: d.error.clone(),
            })
            .collect()
    }
}

#[derive(SimpleObject)]
pub struct WebhookAttempt {
    pub attempt: i32,
    pub at: DateTime<Utc>,
    /// `SENT`, `RETRY`, `FAILED` or `LEASE_EXPIRED`.
    pub outcome: String,
    /// The HTTP status your endpoint answered.
    pub status_code: Option<i32>,
    pub error: Option<String>,
}

#[derive(SimpleObject)]
pub struct RegisteredWebhook {
    /// HMAC-SHA256 signing secret, shown this once.
    pub secret: String,
    pub webhook: Webhook,
}

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

#[derive(InputObject)]
pub struct DeclareProcuraInput {
    /// The client's 16-character fiscal code or 11-digit VAT code.
    pub client_fiscal_code: String,
    /// A non-empty subset of the four delegable services.
    pub services: Vec<DelegableService>,
    pub valid_from: NaiveDate,
    /// Not before `validFrom`.
    pub valid_to: NaiveDate,
    /// May the professional use collaborators at the offices?
    pub collaborators_authorized: bool,
    /// Clients and collaborators were informed about personal-data processing (must be true).
    pub privacy_notice_given: bool,
}

#[derive(InputObject, Default)]
pub struct ProcuraFilter {
    pub client_fiscal_code: Option<String>,
    /// Status today (Europe/Rome).
    pub status: Option<ProcuraStatus>,
    /// Only procure delegating this service.
    pub service: Option<DelegableService>,
}

#[derive(InputObject, Default)]
pub struct CollaboratorFilter {
    pub fiscal_code: Option<String>,
    /// Only collaborators whose period covers this day.
    pub active_on: Option<NaiveDate>,
}

#[derive(InputObject)]
pub struct RegisterProfessionalInput {
    /// Username to sign in with.
    pub username: String,
    /// At least 12 characters.
    pub password: String,
    pub email: Option<String>,
    /// The professional's 16-character fiscal code.
    pub fiscal_code: String,
    pub name: String,
    /// Entratel user type, e.g. `A10`.
    pub entratel_user_type: String,
    /// Name of the professional register (albo).
    pub albo: String,
    /// Province of the register, two letters (e.g. RM).
    pub albo_province: String,
    pub albo_number: String,
}

#[derive(InputObject, Default)]
pub struct ProfessionalFilter {
    pub verified: Option<bool>,
}

// ---------------------------------------------------------------------------
// Loaders
// ---------------------------------------------------------------------------

/// Professionals by id, as the caller may see them.
pub struct ProfessionalById(pub Scope);

impl Loader<Uuid> for ProfessionalById {
    type Value = professional::Model;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(store::professionals_by_ids(&self.0, keys).await?.into_iter().map(|p| (p.id, p)).collect())
    }
}

/// History of the caller's own procure.
pub struct HistoryByProcura(pub Scope);

impl Loader<Uuid> for HistoryByProcura {
    type Value = Vec<procura_event::Model>;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let mut map: HashMap<Uuid, Vec<procura_event::Model>> = HashMap::new();
        for e in store::own_events(&self.0, keys).await? {
            map.entry(e.procura_id).or_default().push(e);
        }
        Ok(map)
    }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn facts(p: &procura::Model) -> ProcuraFacts {
    ProcuraFacts {
        id: p.id,
        professional_id: p.professional_id,
        services: store::services(p),
        validity: store::validity(p),
        collaborators_authorized: p.collaborators_authorized,
    }
}

/// Audit details common to both checks (no personal data: the client is the record).
fn check_detail(scope: &Scope, service: DelegableService, on: NaiveDate, outcome: &CheckOutcome) -> serde_json::Value {
    json!({
        "service": service.as_str(),
        "on": on.to_string(),
        "authorized": outcome.authorized(),
        "reason": format!("{:?}", outcome.reason),
        "procuraId": outcome.procura_id.map(|id| id.to_string()),
        "apiKeyId": scope.principal().api_key_id().map(|id| id.to_string()),
    })
}

impl From<RegisterProfessionalInput> for RegistrationForm {
    fn from(i: RegisterProfessionalInput) -> Self {
        RegistrationForm {
            username: i.username,
            password: i.password,
            email: i.email,
            fiscal_code: i.fiscal_code,
            name: i.name,
            entratel_user_type: i.entratel_user_type,
            albo: i.albo,
            albo_province: i.albo_province,
            albo_number: i.albo_number,
        }
    }
}

/// The answer to a self-registration: the same whether it went through or not.
#[derive(SimpleObject)]
pub struct RegistrationReceipt {
    /// What happens next, in Italian.
    pub message: String,
    /// The same in English.
    pub message_en: String,
}

// ---------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------

#[derive(Default)]
pub struct ProcureQuery;

#[Object]
impl ProcureQuery {
    /// The caller's own entry in the register of professionals (null for staff).
    async fn professional_profile(&self, ctx: &Context<'_>) -> AppResult<Option<Professional>> {
        let scope = ctx.scope()?;
        Ok(store::own_professional(scope).await?.map(Professional))
    }

    /// The register of professionals, newest first. ADMIN only.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity")]
    async fn professionals(
        &self,
        ctx: &Context<'_>,
        filter: Option<ProfessionalFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Professional>> {
        let scope = ctx.scope()?;
        scope.authorize(Action::ProfessionalManage, crate::authz::OUTSIDE_ANY_UNIT)?;
        let page = Page::new(first, after)?;
        let verified = filter.unwrap_or_default().verified;
        let rows = store::list_professionals(scope, verified, page.after_uuid()?, page.fetch_limit()).await?;
        Ok(connection(&page, rows, |p| p.id.to_string(), Professional))
    }

    /// The caller's procure, newest first. Filtering by client writes an audit event.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity")]
    async fn procure(
        &self,
        ctx: &Context<'_>,
        filter: Option<ProcuraFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Procura>> {
        let scope = ctx.scope()?;
        let (acting, me) = caller(scope, Action::ProcuraRead).await?;
        let page = Page::new(first, after)?;
        let filter = filter.unwrap_or_default();
        let client = match &filter.client_fiscal_code {
            Some(code) => Some(tax_code_field("clientFiscalCode", code)?.into_string()),
            None => None,
        };
        let store_filter =
            StoreProcuraFilter { client_fiscal_code: client.clone(), status: filter.status, service: filter.service };
        let rows = store::list_own_procure(
            scope,
            me.id,
            &store_filter,
            domain::today(),
            page.after_uuid()?,
            page.fetch_limit(),
        )
        .await?;
        if let Some(client) = client {
            let record = AuditRecord::new("procura.list_by_client").record("client", client).detail(json!({
                "apiKeyId": scope.principal().api_key_id().map(|id| id.to_string()),
            }));
            audit::record(scope.db(), &Actor::acting_as(scope.principal(), acting), record, scope.request_id()).await?;
        }
        Ok(connection(&page, rows, |p| p.id.to_string(), Procura))
    }

    /// One of the caller's procure.
    async fn procura(&self, ctx: &Context<'_>, id: ID) -> AppResult<Procura> {
        let scope = ctx.scope()?;
        let (_, me) = caller(scope, Action::ProcuraRead).await?;
        let id = parse_id::<ProcuraId>("id", &id)?;
        store::own_procura(scope.db(), me.id, id).await?.map(Procura).ok_or_else(procura_not_found)
    }

    /// Does the caller hold an active procura from this client for this
    /// service on `on` (default: today, Europe/Rome)? For professionals and
    /// their partner apps (API keys). Audited.
    async fn procura_check(
        &self,
        ctx: &Context<'_>,
        client_fiscal_code: String,
        service: DelegableService,
        on: Option<NaiveDate>,
    ) -> AppResult<CheckResult> {
        let scope = ctx.scope()?;
        let (acting, me) = caller(scope, Action::ProcuraRead).await?;
        let client = tax_code_field("clientFiscalCode", &client_fiscal_code)?.into_string();
        let on = on.unwrap_or_else(domain::today);
        let procure = store::own_procure_from_client(scope, me.id, &client).await?;
        let outcome = domain::check_procura(&procure.iter().map(facts).collect::<Vec<_>>(), service, on);
        let record = AuditRecord::new("procura.check")
            .record("client", client)
            .detail(check_detail(scope, service, on, &outcome));
        audit::record(scope.db(), &Actor::acting_as(scope.principal(), acting), record, scope.request_id()).await?;
        let procura = outcome.procura_id.and_then(|id| procure.into_iter().find(|p| p.id == id));
        Ok(CheckResult { outcome, on, procura })
    }

    /// The caller's collaborators, newest first.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity")]
    async fn collaborators(
        &self,
        ctx: &Context<'_>,
        filter: Option<CollaboratorFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Collaborator>> {
        let scope = ctx.scope()?;
        let (_, me) = caller(scope, Action::ProcuraRead).await?;
        let page = Page::new(first, after)?;
        let filter = filter.unwrap_or_default();
        let fiscal_code = match &filter.fiscal_code {
            Some(code) => Some(fiscal_code_field("fiscalCode", code)?.into_string()),
            None => None,
        };
        let store_filter = StoreCollaboratorFilter { fiscal_code, active_on: filter.active_on };
        let rows =
            store::list_own_collaborators(scope, me.id, &store_filter, page.after_uuid()?, page.fetch_limit()).await?;
        Ok(connection(&page, rows, |c| c.id.to_string(), Collaborator))
    }

    /// At the counter: may this collaborator act for this client on this
    /// service on `on` (default: today)? Yes only if an active procura covers
    /// the service, authorises collaborators, and its professional lists the
    /// collaborator for that day. For office staff; every check is audited
    /// with the staff member's unit.
    async fn collaborator_check(
        &self,
        ctx: &Context<'_>,
        collaborator_fiscal_code: String,
        client_fiscal_code: String,
        service: DelegableService,
        on: Option<NaiveDate>,
    ) -> AppResult<CheckResult> {
        let scope = ctx.scope()?;
        let acting = scope
            .principal()
            .assignments
            .iter()
            .filter_map(|a| a.unit_path())
            .find_map(|path| scope.authorize(Action::CollaboratorCheck, path).ok())
            .ok_or_else(|| {
                AppError::forbidden(
                    "Solo il personale degli uffici può verificare un collaboratore",
                    "Only office staff may check a collaborator",
                )
            })?;
        let collaborator = fiscal_code_field("collaboratorFiscalCode", &collaborator_fiscal_code)?.into_string();
        let client = tax_code_field("clientFiscalCode", &client_fiscal_code)?.into_string();
        let on = on.unwrap_or_else(domain::today);
        let procure = store::procure_from_client(scope, &client).await?;
        let professionals: Vec<Uuid> = procure.iter().map(|p| p.professional_id).collect();
        let listings = store::listings_of(scope, &collaborator, &professionals).await?;
        let outcome = domain::check_collaborator(
            &procure.iter().map(facts).collect::<Vec<_>>(),
            &listings.iter().map(period).collect::<Vec<_>>(),
            service,
            on,
        );
        let mut detail = check_detail(scope, service, on, &outcome);
        let listed = listings.iter().find(|l| {
            outcome
                .procura_id
                .is_some_and(|id| procure.iter().any(|p| p.id == id && p.professional_id == l.professional_id))
        });
        detail["collaboratorId"] = json!(listed.map(|l| l.id.to_string()));
        let mut record = AuditRecord::new("procura.check_collaborator").record("client", client).detail(detail);
        if let Some(unit) = acting.unit_id() {
            record = record.unit(unit);
        }
        audit::record(scope.db(), &Actor::acting_as(scope.principal(), acting), record, scope.request_id()).await?;
        let procura = outcome.procura_id.and_then(|id| procure.into_iter().find(|p| p.id == id));
        Ok(CheckResult { outcome, on, procura })
    }

    /// The caller's partner API keys (revoked ones too), newest first.
    async fn api_keys(&self, ctx: &Context<'_>) -> AppResult<Vec<ApiKey>> {
        let scope = ctx.scope()?;
        scope.authorize_own(Action::ApiKeyManage)?;
        Ok(api_keys::list_own(scope.db(), scope.person_id()).await?.into_iter().map(ApiKey).collect())
    }

    /// The caller's webhook endpoints.
    async fn webhooks(&self, ctx: &Context<'_>) -> AppResult<Vec<Webhook>> {
        let scope = ctx.scope()?;
        let (_, me) = caller(scope, Action::ProcuraManage).await?;
        Ok(store::own_webhooks(scope.db(), me.id).await?.into_iter().map(Webhook).collect())
    }
}

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

    /// Verifies a self-registered professional. ADMIN only.
    async fn verify_professional(&self, ctx: &Context<'_>, id: ID) -> AppResult<Professional> {
        let id = parse_id::<ProfessionalId>("id", &id)?;
        Ok(Professional(operations::verify_professional(ctx.scope()?, id).await?))
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

    /// Stops notifications to one of the caller's endpoints.
    async fn delete_webhook(&self, ctx: &Context<'_>, id: ID) -> AppResult<bool> {
        let id = parse_id::<WebhookId>("id", &id)?;
        operations::delete_webhook(ctx.scope()?, id).await?;
        Ok(true)
    }
}

/// Loaders this module needs per request (registered in `graphql::with_scope`).
pub fn loaders(request: async_graphql::Request, scope: &Scope, reach: &Reach) -> async_graphql::Request {
    request
        .data(DataLoader::new(ProfessionalById(scope.clone()), reach.spawner()))
        .data(DataLoader::new(HistoryByProcura(scope.clone()), reach.spawner()))
}
