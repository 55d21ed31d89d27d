//! Procure's reads that are more than one query: the lists behind the
//! resolvers and the two checks, whose every call is audited (a read of a
//! client's data by fiscal code).

use chrono::NaiveDate;
use serde_json::json;
use uuid::Uuid;

use entities::{collaborator, outbox_delivery, outbox_message, procura, professional};

use super::domain::{self, CheckOutcome, CollaboratorPeriod, DelegableService, ProcuraFacts, ProcuraStatus};
use super::operations::caller;
use super::store::{self, CollaboratorFilter, ProcuraFilter};
use super::webhooks;
use crate::audit::{self, Actor, AuditRecord};
use crate::authz::Action;
use crate::error::AppResult;
use crate::kernel::paging::Page;
use crate::kernel::sorting::{ListTotal, Sort};
use crate::tenancy::Scope;
use crate::validation::{fiscal_code_field, tax_code_field};

/// The answer of a check: what was found, for which day, about which procura.
pub struct Check {
    pub outcome: CheckOutcome,
    pub on: NaiveDate,
    pub procura: Option<procura::Model>,
}

/// The register of professionals in `sort`'s order, and its total (ADMIN).
pub async fn professionals(
    scope: &Scope,
    filter: store::ProfessionalsFilter,
    sort: &Sort<professional::Column>,
    page: &Page,
) -> AppResult<(Vec<professional::Model>, ListTotal)> {
    scope.authorize(Action::ProfessionalManage, crate::authz::OUTSIDE_ANY_UNIT)?;
    store::list_professionals(scope, filter, sort, page).await
}

/// The caller's procure, newest first. Filtering by client is audited.
pub async fn own_procure(
    scope: &Scope,
    client_fiscal_code: Option<&str>,
    status: Option<ProcuraStatus>,
    service: Option<DelegableService>,
    sort: &Sort<procura::Column>,
    page: &Page,
) -> AppResult<(Vec<procura::Model>, ListTotal)> {
    let (acting, me) = caller(scope, Action::ProcuraRead).await?;
    let client = match client_fiscal_code {
        Some(code) => Some(tax_code_field("clientFiscalCode", code)?.into_string()),
        None => None,
    };
    let filter = ProcuraFilter { client_fiscal_code: client.clone(), status, service };
    let (rows, total) = store::list_own_procure(scope, me.id, &filter, domain::today(), sort, page).await?;
    if let Some(client) = client {
        let record = AuditRecord::new("procura.list_by_client").record("client", client).detail(json!({
            "apiKeyId": scope.principal().api_key_id().map(|id| id.to_string()),
        }));
        audit::record(scope.db(), &Actor::acting_as(scope.principal(), acting), record, scope.request_id()).await?;
    }
    Ok((rows, total))
}

/// The caller's collaborators, newest first.
pub async fn own_collaborators(
    scope: &Scope,
    fiscal_code: Option<&str>,
    active_on: Option<NaiveDate>,
    sort: &Sort<collaborator::Column>,
    page: &Page,
) -> AppResult<(Vec<collaborator::Model>, ListTotal)> {
    let (_, me) = caller(scope, Action::ProcuraRead).await?;
    let fiscal_code = match fiscal_code {
        Some(code) => Some(fiscal_code_field("fiscalCode", code)?.into_string()),
        None => None,
    };
    let filter = CollaboratorFilter { fiscal_code, active_on };
    store::list_own_collaborators(scope, me.id, &filter, sort, page).await
}

/// `procuraCheck`: does the caller hold an active procura from this client
/// for this service on `on` (default: today)? Audited.
pub async fn check_procura(
    scope: &Scope,
    client_fiscal_code: &str,
    service: DelegableService,
    on: Option<NaiveDate>,
) -> AppResult<Check> {
    let (acting, me) = caller(scope, Action::ProcuraRead).await?;
    let client = tax_code_field("clientFiscalCode", client_fiscal_code)?.into_string();
    let on = on.unwrap_or_else(domain::today);
    let procure = store::own_procure_from_client(scope, me.id, &client).await?;
    let outcome = domain::check_procura(&procure.iter().map(facts).collect::<Vec<_>>(), service, on);
    let record =
        AuditRecord::new("procura.check").record("client", client).detail(check_detail(scope, service, on, &outcome));
    audit::record(scope.db(), &Actor::acting_as(scope.principal(), acting), record, scope.request_id()).await?;
    let procura = outcome.procura_id.and_then(|id| procure.into_iter().find(|p| p.id == id));
    Ok(Check { outcome, on, procura })
}

/// `collaboratorCheck`: may this collaborator act for this client on this
/// service on `on` (default: today)? For office staff; audited with the
/// staff member's unit.
pub async fn check_collaborator(
    scope: &Scope,
    collaborator_fiscal_code: &str,
    client_fiscal_code: &str,
    service: DelegableService,
    on: Option<NaiveDate>,
) -> AppResult<Check> {
    let acting = scope
        .principal()
        .assignments
        .iter()
        .filter_map(|a| a.unit_path())
        .find_map(|path| scope.authorize(Action::CollaboratorCheck, path).ok())
        .ok_or_else(crate::kernel::messages::collaborator_check_forbidden)?;
    let collaborator = fiscal_code_field("collaboratorFiscalCode", collaborator_fiscal_code)?.into_string();
    let client = tax_code_field("clientFiscalCode", client_fiscal_code)?.into_string();
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
    Ok(Check { outcome, on, procura })
}

/// A webhook's latest `limit` notifications, newest first, each with its attempts.
pub async fn deliveries(
    scope: &Scope,
    webhook_id: Uuid,
    limit: u64,
) -> AppResult<Vec<(outbox_message::Model, Vec<outbox_delivery::Model>)>> {
    let messages =
        crate::outbox::store::by_reference(scope.db(), &webhooks::reference(webhook_id), None, limit).await?;
    let ids: Vec<Uuid> = messages.iter().map(|m| m.id).collect();
    let mut attempts: std::collections::HashMap<Uuid, Vec<outbox_delivery::Model>> = Default::default();
    for d in crate::outbox::store::deliveries_of(scope.db(), &ids).await? {
        attempts.entry(d.message_id).or_default().push(d);
    }
    Ok(messages
        .into_iter()
        .map(|m| {
            let tries = attempts.remove(&m.id).unwrap_or_default();
            (m, tries)
        })
        .collect())
}

pub fn facts(p: &procura::Model) -> ProcuraFacts {
    ProcuraFacts {
        id: p.id,
        professional_id: p.professional_id,
        services: store::services(p),
        validity: store::validity(p),
        collaborators_authorized: p.collaborators_authorized,
    }
}

pub fn period(c: &collaborator::Model) -> CollaboratorPeriod {
    CollaboratorPeriod { professional_id: c.professional_id, valid_from: c.valid_from, valid_to: c.valid_to }
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

/// One of the caller's procure.
pub async fn own_procura(scope: &Scope, id: crate::kernel::ids::ProcuraId) -> AppResult<procura::Model> {
    let (_, me) = caller(scope, Action::ProcuraRead).await?;
    store::own_procura(scope.db(), me.id, id).await?.ok_or_else(super::operations::procura_not_found)
}

/// The caller's partner API keys (revoked ones too), newest first.
pub async fn own_api_keys(scope: &Scope) -> AppResult<Vec<entities::api_key::Model>> {
    scope.authorize_own(Action::ApiKeyManage)?;
    crate::auth::api_keys::list_own(scope.db(), scope.person_id()).await
}

/// The caller's webhook endpoints.
pub async fn own_webhooks(scope: &Scope) -> AppResult<Vec<entities::webhook::Model>> {
    let (_, me) = caller(scope, Action::ProcuraManage).await?;
    store::own_webhooks(scope.db(), me.id).await
}
