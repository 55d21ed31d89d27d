//! The GraphQL types of procure management.

use async_graphql::dataloader::DataLoader;
use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};

use entities::{api_key, collaborator, outbox_delivery, outbox_message, procura, procura_event, professional, webhook};

use super::super::domain::{
    self, CheckReason, DelegableService, EntratelUserType, ProcuraEventKind, ProcuraStatus, ProfessionCategory,
};
use super::super::registration::RegistrationForm;
use super::super::{queries, store};
use super::loaders::{HistoryByProcura, ProfessionalById};
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::paging::Page;

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
    /// When an administrator rejected the self-registration (the account is then deactivated).
    async fn rejected_at(&self) -> Option<DateTime<Utc>> {
        self.0.rejected_at
    }
    /// The reason given, as e-mailed to the professional.
    async fn rejection_reason(&self) -> Option<&str> {
        self.0.rejection_reason.as_deref()
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
pub struct ProcuraEvent(pub procura_event::Model);

#[Object]
impl ProcuraEvent {
    async fn kind(&self) -> ProcuraEventKind {
        self.0.kind
    }
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }
}

/// A collaborator the professional may send to the offices, for a period.
pub struct Collaborator(pub collaborator::Model);

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
        queries::period(&self.0).covers(domain::today())
    }
    /// When `endCollaborator` was called.
    async fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.0.ended_at
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

/// The answer of `procuraCheck` and `collaboratorCheck`.
pub struct CheckResult(pub queries::Check);

#[Object]
impl CheckResult {
    async fn authorized(&self) -> bool {
        self.0.outcome.authorized()
    }
    /// Why: `AUTHORIZED`, or what is missing.
    async fn reason(&self) -> CheckReason {
        self.0.outcome.reason
    }
    /// The reason in words (Italian; `messageEn` in English).
    async fn message(&self) -> &'static str {
        self.0.outcome.reason.message().0
    }
    async fn message_en(&self) -> &'static str {
        self.0.outcome.reason.message().1
    }
    /// The day checked.
    async fn on(&self) -> NaiveDate {
        self.0.on
    }
    /// The procura the answer is about (null for `NO_PROCURA`).
    async fn procura(&self) -> Option<Procura> {
        self.0.procura.clone().map(Procura)
    }
}

/// A partner API key (the secret itself is shown only at creation).
pub struct ApiKey(pub api_key::Model);

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
pub struct Webhook(pub webhook::Model);

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
    /// After `rotateWebhookSecret`: until when the previous secret still signs
    /// deliveries beside the new one (null when no rotation is in its grace period).
    async fn previous_secret_valid_until(&self) -> Option<DateTime<Utc>> {
        self.0.previous_secret_until.filter(|until| *until > Utc::now())
    }
    /// The delivery log: the latest notifications sent (or being retried) to
    /// this endpoint, newest first, each with its attempts. (A professional has
    /// at most five endpoints, so this costs at most five small queries.)
    #[graphql(complexity = "crate::kernel::paging::page_cost(last, child_complexity)")]
    async fn deliveries(&self, ctx: &Context<'_>, last: Option<i32>) -> AppResult<Vec<WebhookDelivery>> {
        let limit = Page::new(last, None)?.first as u64;
        let rows = queries::deliveries(ctx.scope()?, self.0.id, limit).await?;
        Ok(rows.into_iter().map(|(m, tries)| WebhookDelivery(m, tries)).collect())
    }
}

/// One notification to a webhook (the `X-Accoglienza-Delivery` id) and its attempts.
pub struct WebhookDelivery(pub outbox_message::Model, pub Vec<outbox_delivery::Model>);

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
        self.0.status.as_str()
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
                outcome: d.outcome.to_string(),
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

/// What the list of collaborators can be sorted by.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "crate::procure::store::CollaboratorOrderField")]
pub enum CollaboratorOrderField {
    /// When the collaborator was listed (the default, newest first).
    CreatedAt,
    FiscalCode,
    ValidFrom,
    /// The last day (open-ended ones last ascending, first descending).
    ValidTo,
}

/// What the register of professionals can be sorted by.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "crate::procure::store::ProfessionalOrderField")]
pub enum ProfessionalOrderField {
    /// When the professional was registered (the default, newest first).
    CreatedAt,
    Name,
    FiscalCode,
}

/// What the procure list can be sorted by.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "crate::procure::store::ProcuraOrderField")]
pub enum ProcuraOrderField {
    /// When the procura was declared (the default, newest first).
    DeclaredAt,
    ClientFiscalCode,
    ValidFrom,
    ValidTo,
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
    /// True: the verification queue (neither verified nor rejected); false: the reviewed.
    pub pending: Option<bool>,
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
