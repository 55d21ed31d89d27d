//! The per-request loaders of bookings' related records (offices, staff, services) and the batch prefetch of a page.

use std::collections::HashMap;

use async_graphql::Context;
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use uuid::Uuid;

use entities::{appointment, org_unit, person, service};

use crate::appointments::store;
use crate::error::{AppError, AppResult};
use crate::org::graphql::UnitLoader;
use crate::tenancy::Scope;

use super::types::StaffRef;

/// Staff shown as assignees.
pub struct PersonById(pub Scope);

impl Loader<Uuid> for PersonById {
    type Value = person::Model;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(store::people_by_ids(&self.0, keys).await?.into_iter().map(|p| (p.id, p)).collect())
    }
}

/// Catalogue entries.
pub struct ServiceById(pub Scope);

impl Loader<Uuid> for ServiceById {
    type Value = service::Model;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(crate::services::store::by_ids(self.0.db(), keys).await?.into_iter().map(|s| (s.id, s)).collect())
    }
}

pub async fn unit(ctx: &Context<'_>, id: Option<Uuid>) -> AppResult<Option<org_unit::Model>> {
    let Some(id) = id else { return Ok(None) };
    let loader = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
    loader.load_one(id).await
}

pub async fn staff(ctx: &Context<'_>, id: Option<Uuid>) -> AppResult<Option<StaffRef>> {
    let Some(id) = id else { return Ok(None) };
    let loader = ctx.data::<DataLoader<PersonById, HashMapCache>>().map_err(AppError::internal)?;
    Ok(loader.load_one(id).await?.map(|p| StaffRef { username: p.username, display_name: p.display_name }))
}

/// Loads, in one batch per loader, what a list of bookings will show
/// (offices, booking units, services, staff), so a page costs the same number
/// of statements whatever its size; the fields then read the per-request cache.
pub async fn prefetch(ctx: &Context<'_>, rows: &[appointment::Model]) -> AppResult<()> {
    let units: Vec<Uuid> = rows.iter().flat_map(|a| [Some(a.unit_id), a.booked_by_unit_id]).flatten().collect();
    let people: Vec<Uuid> = rows
        .iter()
        .flat_map(|a| [a.precall_assignee_id, a.counter_operator_id, a.booked_by_id, a.precontact_sent_by_id])
        .flatten()
        .collect();
    let services: Vec<Uuid> = rows.iter().map(|a| a.service_id).collect();
    let unit_loader = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
    let person_loader = ctx.data::<DataLoader<PersonById, HashMapCache>>().map_err(AppError::internal)?;
    let service_loader = ctx.data::<DataLoader<ServiceById, HashMapCache>>().map_err(AppError::internal)?;
    futures::try_join!(
        unit_loader.load_many(units),
        person_loader.load_many(people),
        service_loader.load_many(services),
    )?;
    Ok(())
}
