//! GraphQL layer of the service catalogue and skills.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};

use entities::service;

use super::{operations, store};
use crate::authz::Action;
use crate::error::AppResult;
use crate::graphql::context::ContextExt;

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
        let (office, person) =
            operations::resolve_operator(scope, Action::AppointmentRead, &username, office_code).await?;
        let services = store::skills_of(scope, Action::AppointmentRead, office.id, person.id).await?;
        Ok(OperatorSkills {
            username: person.username,
            office_code: office.code,
            services: services.into_iter().map(Service).collect(),
        })
    }
}

#[derive(Default)]
pub struct ServicesMutation;

#[Object]
impl ServicesMutation {
    /// Adds a service to the catalogue or changes it (by code). ADMIN only.
    async fn upsert_service(&self, ctx: &Context<'_>, input: ServiceInput) -> AppResult<Service> {
        let fields = operations::ServiceFields {
            code: input.code,
            name: input.name,
            fast: input.fast,
            pu_process: input.profilo_utente_process,
            pu_product: input.profilo_utente_product,
            active: input.active,
        };
        Ok(Service(operations::upsert_service(ctx.scope()?, fields).await?))
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
        let (office, person, services) =
            operations::set_operator_skills(scope, &username, &service_codes, office_code).await?;
        Ok(OperatorSkills {
            username: person.username,
            office_code: office.code,
            services: services.into_iter().map(Service).collect(),
        })
    }
}
