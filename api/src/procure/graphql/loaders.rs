//! The DataLoaders of procure management.

use std::collections::HashMap;

use async_graphql::dataloader::{DataLoader, Loader};
use uuid::Uuid;

use entities::{procura_event, professional};

use super::super::store;
use crate::error::AppError;
use crate::kernel::reach::Reach;
use crate::tenancy::Scope;

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

/// Loaders this module needs per request (registered in `graphql::with_scope`).
pub fn loaders(request: async_graphql::Request, scope: &Scope, reach: &Reach) -> async_graphql::Request {
    request
        .data(DataLoader::new(ProfessionalById(scope.clone()), reach.spawner()))
        .data(DataLoader::new(HistoryByProcura(scope.clone()), reach.spawner()))
}
