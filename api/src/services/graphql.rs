//! GraphQL layer of the service catalogue and skills.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use serde_json::json;

use entities::service;

use super::{domain, store};
use crate::audit::{self, Actor, AuditRecord};
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::tenancy::Scope;

/// A service given at the offices.
#[derive(Clone)]
pub struct Service(pub service::Model);

#[Object]
impl Service {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Stable code, as in the CUP export's CODICE SERVIZIO column.
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Fast services (servizi veloci) need no booking and are never precalled.
    async fn fast(&self) -> bool {
        self.0.fast
    }
    /// Profilo Utente process the service is recorded under.
    async fn profilo_utente_process(&self) -> &str {
        &self.0.pu_process
    }
    /// Profilo Utente product, when the process asks for one.
    async fn profilo_utente_product(&self) -> Option<&str> {
        self.0.pu_product.as_deref()
    }
    async fn active(&self) -> bool {
        self.0.active
    }
}

#[derive(InputObject)]
pub struct ServiceInput {
    pub code: String,
    pub name: String,
    pub fast: bool,
    pub profilo_utente_process: String,
    pub profilo_utente_product: Option<String>,
    /// Default true; inactive services are refused in new bookings.
    pub active: Option<bool>,
}

/// An operator's skills at one office.
#[derive(SimpleObject)]
pub struct OperatorSkills {
    pub username: String,
    pub office_code: String,
    pub services: Vec<Service>,
}

#[derive(Default)]
pub struct ServicesQuery;

#[Object]
impl ServicesQuery {
    /// The service catalogue, by code.
    async fn services(&self, ctx: &Context<'_>, include_inactive: Option<bool>) -> AppResult<Vec<Service>> {
        let scope = ctx.scope()?;
        Ok(store::list(scope, include_inactive.unwrap_or(false)).await?.into_iter().map(Service).collect())
    }

    /// Which services an operator can give at an office (`officeCode` may be
    /// omitted when the operator works at one office only).
    async fn operator_skills(
        &self,
        ctx: &Context<'_>,
        username: String,
        office_code: Option<String>,
    ) -> AppResult<OperatorSkills> {
        let scope = ctx.scope()?;
        let (office, person) = resolve_operator(scope, Action::AppointmentRead, &username, office_code).await?;
        let services = store::skills_of(scope, Action::AppointmentRead, office.id, person.id).await?;
        Ok(OperatorSkills {
            username: person.username,
            office_code: office.code,
            services: services.into_iter().map(Service).collect(),
        })
    }
}

/// The office (by code, or the person's only office within reach) and the
/// staff member there; NOT_FOUND when either is outside the caller's reach.
pub(crate) async fn resolve_operator(
    scope: &Scope,
    action: Action,
    username: &str,
    office_code: Option<String>,
) -> AppResult<(entities::org_unit::Model, entities::person::Model)> {
    let not_found =
        || AppError::not_found("Operatore non trovato in questo ufficio", "Operator not found at this office");
    let office = match office_code {
        Some(code) => crate::org::store::by_code(scope, &code)
            .await?
            .ok_or_else(|| AppError::not_found("Ufficio non trovato", "Office not found"))?,
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

#[derive(Default)]
pub struct ServicesMutation;

#[Object]
impl ServicesMutation {
    /// Adds a service to the catalogue or changes it (by code). ADMIN only.
    async fn upsert_service(&self, ctx: &Context<'_>, input: ServiceInput) -> AppResult<Service> {
        let scope = ctx.scope()?;
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
            pu_process: domain::label("profiloUtenteProcess", &input.profilo_utente_process, 200)?,
            pu_product: input
                .profilo_utente_product
                .as_deref()
                .filter(|p| !p.trim().is_empty())
                .map(|p| domain::label("profiloUtenteProduct", p, 200))
                .transpose()?,
            active: input.active.unwrap_or(true),
        };
        let txn = scope.begin_write().await?;
        let (model, created) = store::upsert(&txn, new).await?;
        audit::record(
            &txn,
            &Actor::acting_as(scope.principal(), acting),
            AuditRecord::new(if created { "service.create" } else { "service.update" })
                .record("service", model.id.to_string())
                .detail(json!({ "code": model.code, "fast": model.fast, "active": model.active })),
            scope.request_id(),
        )
        .await?;
        txn.commit().await?;
        Ok(Service(model))
    }

    /// Sets (replaces) the services an operator can give at an office. For
    /// office directors and room coordinators of that office.
    async fn set_operator_skills(
        &self,
        ctx: &Context<'_>,
        username: String,
        service_codes: Vec<String>,
        office_code: Option<String>,
    ) -> AppResult<OperatorSkills> {
        let scope = ctx.scope()?;
        let (office, person) = resolve_operator(scope, Action::SkillManage, &username, office_code).await?;
        let acting = scope.authorize(Action::SkillManage, &office.path)?;
        let mut codes: Vec<String> = service_codes.iter().map(|c| c.trim().to_ascii_uppercase()).collect();
        codes.sort();
        codes.dedup();
        let services = store::by_codes(scope.db(), &codes).await?;
        if let Some(missing) = codes.iter().find(|c| !services.iter().any(|s| &s.code == *c && s.active)) {
            return Err(AppError::bad_input(
                "serviceCodes",
                format!("Servizio sconosciuto o non attivo: {missing}"),
                format!("Unknown or inactive service: {missing}"),
            ));
        }
        let ids: Vec<_> = services.iter().map(|s| s.id).collect();
        let txn = scope.begin_write().await?;
        store::replace_skills(&txn, office.id, person.id, &ids).await?;
        audit::record(
            &txn,
            &Actor::acting_as(scope.principal(), acting),
            AuditRecord::new("skills.set")
                .record("person", person.id.to_string())
                .unit(office.id)
                .detail(json!({ "username": person.username, "services": codes })),
            scope.request_id(),
        )
        .await?;
        txn.commit().await?;
        let mut services = services;
        services.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(OperatorSkills {
            username: person.username,
            office_code: office.code,
            services: services.into_iter().map(Service).collect(),
        })
    }
}
