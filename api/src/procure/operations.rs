//! Procure's mutations, one function each: validate, authorise, then write
//! with the audit event (and the webhooks' outbox messages) in one transaction.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::EntityTrait;
use serde_json::json;

use entities::{api_key, collaborator, procura, professional, webhook};

use super::domain::{self, DelegableService, ProcuraEventKind, ServiceSet};
use super::registration::{self, RegistrationForm};
use super::{review, store, webhooks};
use crate::audit::AuditRecord;
use crate::auth::Assignment;
use crate::auth::api_keys::{self, CreatedKey};
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::ids::{ApiKeyId, CollaboratorId, ProcuraId, ProfessionalId, WebhookId};
use crate::tenancy::Scope;
use crate::validation::{fiscal_code_field, tax_code_field};

/// A procura as declared (see `declareProcura`).
pub struct Declaration {
    pub client_fiscal_code: String,
    pub services: Vec<DelegableService>,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub collaborators_authorized: bool,
    pub privacy_notice_given: bool,
}

pub fn not_a_professional() -> AppError {
    AppError::forbidden("Non risulti registrato come professionista", "You are not registered as a professional")
}

pub fn not_verified() -> AppError {
    AppError::forbidden(
        "La registrazione come professionista è in attesa di verifica",
        "Your professional registration is awaiting verification",
    )
}

fn professional_not_found() -> AppError {
    AppError::not_found("Professionista non trovato", "Professional not found")
}

fn already_reviewed() -> AppError {
    AppError::conflict(
        "Il professionista è già stato verificato o respinto",
        "The professional has already been verified or rejected",
    )
}

fn webhook_not_found() -> AppError {
    AppError::not_found("Webhook non trovato", "Webhook not found")
}

pub fn procura_not_found() -> AppError {
    AppError::not_found("Procura non trovata", "Procura not found")
}

/// The caller's own professional record, after checking they may do `action`.
pub async fn caller(scope: &Scope, action: Action) -> AppResult<(&Assignment, professional::Model)> {
    let acting = scope.authorize_own(action)?;
    let me = store::own_professional(scope).await?.ok_or_else(not_a_professional)?;
    Ok((acting, me))
}

/// Registers a professional with a sign-in account, already verified (ADMIN).
pub async fn register_professional(scope: &Scope, form: RegistrationForm) -> AppResult<professional::Model> {
    let acting = scope.authorize(Action::ProfessionalManage, crate::authz::OUTSIDE_ANY_UNIT)?;
    let reg = registration::check(form)?;
    let now = Utc::now();
    let op = Operation::begin(scope, acting).await?;
    let p = registration::insert(&op, reg, false, Some(scope.person_id()), now).await?;
    let record = AuditRecord::new("professional.register")
        .record("professional", p.id.to_string())
        .detail(json!({ "entratelUserType": p.entratel_type }));
    op.audit(record).await?;
    op.commit().await?;
    Ok(p)
}

/// Verifies a self-registered professional (ADMIN).
pub async fn verify_professional(scope: &Scope, id: ProfessionalId) -> AppResult<professional::Model> {
    let acting = scope.authorize(Action::ProfessionalManage, crate::authz::OUTSIDE_ANY_UNIT)?;
    let now = Utc::now();
    let op = Operation::begin(scope, acting).await?;
    // The write comes first, so of two concurrent verifications exactly one wins (on SQLite too).
    let id = id.uuid();
    let verified = store::verify_professional(&op, id, scope.person_id(), now).await?;
    let p = professional::Entity::find_by_id(id).one(&op).await?.ok_or_else(professional_not_found)?;
    if !verified {
        return Err(already_reviewed());
    }
    op.audit(AuditRecord::new("professional.verify").record("professional", id.to_string())).await?;
    if let Some(email) = review::outcome_email(&op, &p, review::Outcome::Approved).await? {
        op.notify(email).await?;
    }
    op.commit().await?;
    Ok(p)
}

/// Rejects a self-registration awaiting review (ADMIN), with a reason that is
/// e-mailed to the professional; their account is deactivated (the caller
/// then ends its sessions).
pub async fn reject_professional(scope: &Scope, id: ProfessionalId, reason: &str) -> AppResult<professional::Model> {
    let acting = scope.authorize(Action::ProfessionalManage, crate::authz::OUTSIDE_ANY_UNIT)?;
    let reason = crate::validation::text_field("reason", reason, 5, review::MAX_REASON_CHARS)?;
    let now = Utc::now();
    let op = Operation::begin(scope, acting).await?;
    let id = id.uuid();
    let rejected = store::reject_professional(&op, id, &reason, now).await?;
    let p = professional::Entity::find_by_id(id).one(&op).await?.ok_or_else(professional_not_found)?;
    if !rejected {
        return Err(already_reviewed());
    }
    review::deactivate_account(&op, p.person_id).await?;
    let record = AuditRecord::new("professional.reject")
        .record("professional", id.to_string())
        .detail(json!({ "reason": reason }));
    op.audit(record).await?;
    if let Some(email) = review::outcome_email(&op, &p, review::Outcome::Rejected { reason: &reason }).await? {
        op.notify(email).await?;
    }
    op.commit().await?;
    Ok(p)
}

/// Declares a procura received from a client (verified professionals of the
/// Entratel types that may).
pub async fn declare_procura(scope: &Scope, input: Declaration) -> AppResult<procura::Model> {
    let (acting, me) = caller(scope, Action::ProcuraManage).await?;
    domain::ensure_may_declare(&me.entratel_type, me.verified_at.is_some())?;
    let client = tax_code_field("clientFiscalCode", &input.client_fiscal_code)?.into_string();
    let services = ServiceSet::parse(&input.services)?;
    domain::validate_period(input.valid_from, input.valid_to)?;
    if !input.privacy_notice_given {
        return Err(AppError::bad_input(
            "privacyNoticeGiven",
            "Devi dichiarare di aver informato clienti e collaboratori sul trattamento dei dati personali",
            "You must declare that clients and collaborators were informed about personal-data processing",
        ));
    }
    let now = Utc::now();
    let op = Operation::begin(scope, acting).await?;
    let p = store::insert_procura(
        &op,
        store::NewProcura {
            professional_id: me.id,
            client_fiscal_code: client.clone(),
            services,
            valid_from: input.valid_from,
            valid_to: input.valid_to,
            collaborators_authorized: input.collaborators_authorized,
        },
        now,
    )
    .await?;
    store::add_event(&op, p.id, ProcuraEventKind::Declared, Some(scope.person_id()), None, now).await?;
    notify(&op, &p, ProcuraEventKind::Declared, now).await?;
    let record = AuditRecord::new("procura.declare").record("procura", p.id.to_string()).detail(json!({
        "services": services.to_vec().iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "validFrom": p.valid_from.to_string(),
        "validTo": p.valid_to.to_string(),
        "collaboratorsAuthorized": p.collaborators_authorized,
    }));
    op.audit(record).await?;
    op.commit().await?;
    Ok(p)
}

/// Revokes one of the caller's procure: from today it no longer authorises anything.
pub async fn revoke_procura(scope: &Scope, id: ProcuraId) -> AppResult<procura::Model> {
    let (acting, me) = caller(scope, Action::ProcuraManage).await?;
    let now = Utc::now();
    let today = domain::today();
    let op = Operation::begin(scope, acting).await?;
    let revoked = store::revoke_procura(&op, me.id, id, now, today).await?;
    let p = store::own_procura(&op, me.id, id).await?.ok_or_else(procura_not_found)?;
    if !revoked {
        domain::ensure_revocable(&store::validity(&p), today)?;
        return Err(AppError::conflict(
            "La procura è stata modificata nel frattempo: ricarica e riprova",
            "The procura changed meanwhile: reload and try again",
        ));
    }
    store::add_event(&op, p.id, ProcuraEventKind::Revoked, Some(scope.person_id()), None, now).await?;
    notify(&op, &p, ProcuraEventKind::Revoked, now).await?;
    op.audit(AuditRecord::new("procura.revoke").record("procura", p.id.to_string())).await?;
    op.commit().await?;
    Ok(p)
}

/// Lists a collaborator the caller may send to the offices from `from` to
/// `to` (open-ended when `None`).
pub async fn add_collaborator(
    scope: &Scope,
    fiscal_code: &str,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> AppResult<collaborator::Model> {
    let (acting, me) = caller(scope, Action::ProcuraManage).await?;
    domain::ensure_may_declare(&me.entratel_type, me.verified_at.is_some())?;
    let fiscal_code = fiscal_code_field("fiscalCode", fiscal_code)?.into_string();
    domain::validate_collaborator_period(from, to)?;
    let now = Utc::now();
    let op = Operation::begin(scope, acting).await?;
    // Write first (see `store`), then refuse if another listing overlaps (rolled back).
    let c = store::insert_collaborator(&op, me.id, fiscal_code.clone(), from, to, now).await?;
    let overlapping =
        store::own_listings_of(&op, me.id, &fiscal_code).await?.iter().filter(|other| other.id != c.id).any(|other| {
            other.valid_from <= to.unwrap_or(NaiveDate::MAX) && other.valid_to.is_none_or(|end| from <= end)
        });
    if overlapping {
        return Err(AppError::conflict(
            "Il collaboratore è già comunicato per un periodo che si sovrappone",
            "The collaborator is already listed for an overlapping period",
        ));
    }
    let record = AuditRecord::new("collaborator.add")
        .record("collaborator", c.id.to_string())
        .detail(json!({ "from": from.to_string(), "to": to.map(|d| d.to_string()) }));
    op.audit(record).await?;
    op.commit().await?;
    Ok(c)
}

/// Ends a collaborator's period: `on` is their last day (not after the
/// current end, not before the start).
pub async fn end_collaborator(scope: &Scope, id: CollaboratorId, on: NaiveDate) -> AppResult<collaborator::Model> {
    let (acting, me) = caller(scope, Action::ProcuraManage).await?;
    let now = Utc::now();
    let op = Operation::begin(scope, acting).await?;
    let id = id.uuid();
    let ended = store::end_collaborator(&op, me.id, id, on, now).await?;
    let c = store::own_collaborator(&op, me.id, id)
        .await?
        .ok_or_else(|| AppError::not_found("Collaboratore non trovato", "Collaborator not found"))?;
    if !ended {
        return Err(if on < c.valid_from {
            AppError::bad_input(
                "on",
                "La data di fine non può precedere l'inizio del periodo",
                "`on` must not precede the start of the period",
            )
        } else {
            AppError::bad_input(
                "on",
                "Il periodo termina già prima di questa data",
                "The period already ends before this date",
            )
        });
    }
    let record = AuditRecord::new("collaborator.end")
        .record("collaborator", c.id.to_string())
        .detail(json!({ "on": on.to_string() }));
    op.audit(record).await?;
    op.commit().await?;
    Ok(c)
}

/// Creates a partner API key; the secret is in the answer and never again.
pub async fn create_api_key(scope: &Scope, name: &str) -> AppResult<CreatedKey> {
    let (acting, me) = caller(scope, Action::ApiKeyManage).await?;
    if me.verified_at.is_none() {
        return Err(not_verified());
    }
    let name = api_keys::parse_name(name)?;
    let op = Operation::begin(scope, acting).await?;
    let created = api_keys::create(&op, scope.person_id(), name, Utc::now()).await?;
    op.audit(AuditRecord::new("apikey.create").record("api_key", created.key.id.to_string())).await?;
    op.commit().await?;
    Ok(created)
}

/// Revokes one of the caller's API keys: requests with it fail from now on.
pub async fn revoke_api_key(scope: &Scope, id: ApiKeyId) -> AppResult<api_key::Model> {
    let acting = scope.authorize_own(Action::ApiKeyManage)?;
    let id = id.uuid();
    let op = Operation::begin(scope, acting).await?;
    let not_found = || AppError::not_found("Chiave API non trovata", "API key not found");
    let revoked = api_keys::revoke(&op, scope.person_id(), id, Utc::now()).await?;
    api_keys::own(&op, scope.person_id(), id).await?.ok_or_else(not_found)?;
    if !revoked {
        return Err(AppError::conflict("La chiave è già revocata", "The key is already revoked"));
    }
    op.audit(AuditRecord::new("apikey.revoke").record("api_key", id.to_string())).await?;
    let key = api_keys::own(&op, scope.person_id(), id).await?.ok_or_else(not_found)?;
    op.commit().await?;
    Ok(key)
}

/// Registers an endpoint for signed notifications about the caller's procure;
/// returns it with its signing secret (in the answer and never again).
/// `production` refuses plain HTTP and private addresses.
pub async fn register_webhook(scope: &Scope, url: &str, production: bool) -> AppResult<(webhook::Model, String)> {
    let (acting, me) = caller(scope, Action::ProcuraManage).await?;
    if me.verified_at.is_none() {
        return Err(not_verified());
    }
    let url = webhooks::validate_url(url, production)?;
    webhooks::check_resolved_host(&url, production).await?;
    let secret = webhooks::new_secret()?;
    let op = Operation::begin(scope, acting).await?;
    // Write first (see `store`), then refuse past the maximum (rolled back).
    let hook = store::insert_webhook(&op, me.id, url, secret.clone(), Utc::now()).await?;
    if store::own_webhooks(&op, me.id).await?.len() as u64 > store::MAX_WEBHOOKS {
        return Err(AppError::conflict(
            format!("Puoi registrare al massimo {} webhook", store::MAX_WEBHOOKS),
            format!("You may register at most {} webhooks", store::MAX_WEBHOOKS),
        ));
    }
    op.audit(AuditRecord::new("webhook.register").record("webhook", hook.id.to_string())).await?;
    op.commit().await?;
    Ok((hook, secret))
}

/// Gives one of the caller's endpoints a new signing secret (in the answer and
/// never again); the old one stays valid for [`webhooks::ROTATION_GRACE`]:
/// deliveries meanwhile carry a signature with each.
pub async fn rotate_webhook_secret(scope: &Scope, id: WebhookId) -> AppResult<(webhook::Model, String)> {
    let (acting, me) = caller(scope, Action::ProcuraManage).await?;
    let id = id.uuid();
    let secret = webhooks::new_secret()?;
    let now = Utc::now();
    let grace_until = now + chrono::Duration::from_std(webhooks::ROTATION_GRACE).map_err(AppError::internal)?;
    let op = Operation::begin(scope, acting).await?;
    if !store::rotate_webhook_secret(&op, me.id, id, &secret, grace_until).await? {
        return Err(webhook_not_found());
    }
    let hook = webhook::Entity::find_by_id(id).one(&op).await?.ok_or_else(webhook_not_found)?;
    let record = AuditRecord::new("webhook.rotate_secret")
        .record("webhook", id.to_string())
        .detail(json!({ "previousValidUntil": grace_until }));
    op.audit(record).await?;
    op.commit().await?;
    Ok((hook, secret))
}

/// Stops notifications to one of the caller's endpoints.
pub async fn delete_webhook(scope: &Scope, id: WebhookId) -> AppResult<()> {
    let (acting, me) = caller(scope, Action::ProcuraManage).await?;
    let id = id.uuid();
    let op = Operation::begin(scope, acting).await?;
    let now = Utc::now();
    if !store::delete_webhook(&op, me.id, id, now).await? {
        return Err(webhook_not_found());
    }
    webhooks::cancel_pending(&op, id, now).await?;
    op.audit(AuditRecord::new("webhook.delete").record("webhook", id.to_string())).await?;
    op.commit().await?;
    Ok(())
}

/// Queues, with the operation, one signed notification per live webhook of
/// the procura's professional.
async fn notify(op: &Operation<'_>, p: &procura::Model, kind: ProcuraEventKind, now: DateTime<Utc>) -> AppResult<()> {
    for msg in webhooks::messages(op, p, kind, now).await? {
        op.notify(msg).await?;
    }
    Ok(())
}
