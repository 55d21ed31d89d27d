//! The catalogue's and skills' mutations, one function each: validate,
//! authorise, then write with the audit event in one transaction.

use serde_json::json;

use entities::{org_unit, person, service};

use super::{domain, store};
use crate::audit::AuditRecord;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::tenancy::Scope;

/// A service as given to [`upsert_service`].
pub struct ServiceFields {
    pub code: String,
    pub name: String,
    pub fast: bool,
    pub pu_process: String,
    pub pu_product: Option<String>,
    /// Default true; inactive services are refused in new bookings.
    pub active: Option<bool>,
}

/// Adds a service to the catalogue or changes it (by code). Only an ADMIN
/// of a national root manages the catalogue.
pub async fn upsert_service(scope: &Scope, input: ServiceFields) -> AppResult<service::Model> {
    let acting = scope
        .principal()
        .assignments
        .iter()
        .filter(|a| a.unit_path().is_some_and(|p| p.matches('/').count() == 2))
        .find_map(|a| a.unit_path().and_then(|p| scope.authorize(Action::ServiceManage, p).ok()))
        .ok_or_else(|| {
            AppError::forbidden(
                "Solo l'amministrazione gestisce il catalogo dei servizi",
                "Only administrators manage the service catalogue",
            )
        })?;
    let new = store::NewService {
        code: domain::service_code(&input.code)?,
        name: domain::label("name", &input.name, 200)?,
        fast: input.fast,
        pu_process: domain::label("profiloUtenteProcess", &input.pu_process, 200)?,
        pu_product: input
            .pu_product
            .as_deref()
            .filter(|p| !p.trim().is_empty())
            .map(|p| domain::label("profiloUtenteProduct", p, 200))
            .transpose()?,
        active: input.active.unwrap_or(true),
    };
    let op = Operation::begin(scope, acting).await?;
    let (model, created) = store::upsert(&op, new).await?;
    op.audit(
        AuditRecord::new(if created { "service.create" } else { "service.update" })
            .record("service", model.id.to_string())
            .detail(json!({ "code": model.code, "fast": model.fast, "active": model.active })),
    )
    .await?;
    op.commit().await?;
    Ok(model)
}

/// Replaces the services an operator can give at an office; returns the
/// office, the operator and the services, by code.
pub async fn set_operator_skills(
    scope: &Scope,
    username: &str,
    service_codes: &[String],
    office_code: Option<String>,
) -> AppResult<(org_unit::Model, person::Model, Vec<service::Model>)> {
    let (office, person) = resolve_operator(scope, Action::SkillManage, username, office_code).await?;
    let acting = scope.authorize(Action::SkillManage, &office.path)?;
    let mut codes: Vec<String> = service_codes.iter().map(|c| c.trim().to_ascii_uppercase()).collect();
    codes.sort();
    codes.dedup();
    let mut services = store::by_codes(scope.db(), &codes).await?;
    if let Some(missing) = codes.iter().find(|c| !services.iter().any(|s| &s.code == *c && s.active)) {
        return Err(AppError::bad_input(
            "serviceCodes",
            format!("Servizio sconosciuto o non attivo: {missing}"),
            format!("Unknown or inactive service: {missing}"),
        ));
    }
    let ids: Vec<_> = services.iter().map(|s| s.id).collect();
    let op = Operation::begin(scope, acting).await?;
    store::replace_skills(&op, office.id, person.id, &ids).await?;
    op.audit(
        AuditRecord::new("skills.set")
            .record("person", person.id.to_string())
            .unit(office.id)
            .detail(json!({ "username": person.username, "services": codes })),
    )
    .await?;
    op.commit().await?;
    services.sort_by(|a, b| a.code.cmp(&b.code));
    Ok((office, person, services))
}

/// The office (by code, or the person's only office within reach) and the
/// staff member there; NOT_FOUND when either is outside the caller's reach.
pub async fn resolve_operator(
    scope: &Scope,
    action: Action,
    username: &str,
    office_code: Option<String>,
) -> AppResult<(entities::org_unit::Model, entities::person::Model)> {
    let not_found =
        || AppError::not_found("Operatore non trovato in questo ufficio", "Operator not found at this office");
    let office = match office_code {
        Some(code) => {
            crate::org::store::by_code(scope, &code).await?.ok_or_else(crate::kernel::messages::office_not_found)?
        }
        None => {
            let person = store::person_by_username(scope.db(), username).await?.ok_or_else(not_found)?;
            let offices = store::staff_offices(scope, action, person.id).await?;
            let [office_id] = offices.as_slice() else {
                if offices.is_empty() {
                    return Err(not_found());
                }
                return Err(AppError::bad_input(
                    "officeCode",
                    "L'operatore lavora in più uffici: indica l'ufficio",
                    "The operator works at several offices: give the office",
                ));
            };
            crate::org::store::by_ids(scope, &[*office_id]).await?.into_iter().next().ok_or_else(not_found)?
        }
    };
    let person = store::staff_member(scope, scope.db(), action, office.id, username).await?.ok_or_else(not_found)?;
    Ok((office, person))
}
