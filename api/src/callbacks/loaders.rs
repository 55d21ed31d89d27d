//! Per-request loaders of what a page of callback requests shows besides its
//! rows: each request's attempts, and the calendar of its unit (for when the
//! next callback window opens). One batch per page, never one query per row.

use std::collections::HashMap;

use async_graphql::Context;
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use uuid::Uuid;

use entities::callback_attempt;

use crate::error::{AppError, AppResult};
use crate::kernel::unit_calendar::UnitCalendar;
use crate::tenancy::Scope;

/// The attempts of each request, in order.
pub struct AttemptsByCallback(pub Scope);

impl Loader<Uuid> for AttemptsByCallback {
    type Value = Vec<callback_attempt::Model>;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let mut out: HashMap<Uuid, Self::Value> = keys.iter().map(|k| (*k, Vec::new())).collect();
        for attempt in super::store::attempts_of(&self.0, keys).await? {
            out.entry(attempt.callback_id).or_default().push(attempt);
        }
        Ok(out)
    }
}

/// The calendar of each unit that calls back (its closures and those above it).
pub struct CalendarByUnit(pub Scope);

impl Loader<Uuid> for CalendarByUnit {
    type Value = UnitCalendar;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let units = crate::org::store::by_ids(&self.0, keys).await?;
        crate::calendar::store::calendars_of(self.0.db(), &units).await
    }
}

pub fn register(
    request: async_graphql::Request,
    scope: &Scope,
    reach: &crate::kernel::reach::Reach,
) -> async_graphql::Request {
    request
        .data(DataLoader::with_cache(AttemptsByCallback(scope.clone()), reach.spawner(), HashMapCache::default()))
        .data(DataLoader::with_cache(CalendarByUnit(scope.clone()), reach.spawner(), HashMapCache::default()))
}

pub async fn attempts(ctx: &Context<'_>, id: Uuid) -> AppResult<Vec<callback_attempt::Model>> {
    let loader = ctx.data::<DataLoader<AttemptsByCallback, HashMapCache>>().map_err(AppError::internal)?;
    Ok(loader.load_one(id).await?.unwrap_or_default())
}

/// The unit's calendar; the national one when the unit is out of sight.
pub async fn calendar(ctx: &Context<'_>, unit_id: Uuid) -> AppResult<UnitCalendar> {
    let loader = ctx.data::<DataLoader<CalendarByUnit, HashMapCache>>().map_err(AppError::internal)?;
    Ok(loader.load_one(unit_id).await?.unwrap_or_default())
}
