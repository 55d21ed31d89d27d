//! The per-request loaders of quesiti and their related records.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use uuid::Uuid;

use entities::{quesito, quesito_event};

use crate::error::AppError;
use crate::quesiti::store;
use crate::tenancy::Scope;

use super::types::QuesitoClassification;

/// Quesiti by id, within the caller's scope.
pub struct QuesitoById(pub Scope);

impl Loader<Uuid> for QuesitoById {
    type Value = quesito::Model;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(store::by_ids(&self.0, keys).await?.into_iter().map(|q| (q.id, q)).collect())
    }
}

/// Events of each visible quesito.
pub struct EventsByQuesito(pub Scope);

impl Loader<Uuid> for EventsByQuesito {
    type Value = Vec<quesito_event::Model>;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let mut map: HashMap<Uuid, Vec<quesito_event::Model>> = HashMap::new();
        for e in crate::quesiti::lookups::events_of(&self.0, keys).await? {
            map.entry(e.quesito_id).or_default().push(e);
        }
        Ok(map)
    }
}

/// Classifications of visible quesiti (or managed by the caller).
pub struct ClassificationById(pub Scope);

impl Loader<Uuid> for ClassificationById {
    type Value = QuesitoClassification;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let rows = crate::quesiti::lookups::classifications(&self.0, keys).await?;
        Ok(rows.into_iter().map(|r| (r.model.id, r.into())).collect())
    }
}
