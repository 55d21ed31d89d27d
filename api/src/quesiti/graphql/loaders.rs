//! The per-request loaders of quesiti and their related records.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use uuid::Uuid;

use entities::{org_unit, quesito, quesito_event};

use crate::authz::Action;
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

/// Which central directorates a field shows: those the caller configures
/// classifications with, or those they may forward quesiti to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Directorates {
    /// Of the national roots where the caller configures or forwards quesiti.
    Shown,
    /// Those the caller may forward to (`quesito:route`).
    Forwardable,
}

/// The central directorates of the caller, read once per request whatever the
/// number of classifications or quesiti that show one.
pub struct CentralDirectorates(pub Scope);

impl Loader<Directorates> for CentralDirectorates {
    type Value = Vec<org_unit::Model>;
    type Error = AppError;

    async fn load(&self, keys: &[Directorates]) -> Result<HashMap<Directorates, Self::Value>, Self::Error> {
        let mut out = HashMap::new();
        for &key in keys {
            let units = match key {
                Directorates::Shown => {
                    store::central_directorates(&self.0, &[Action::QuesitoConfigure, Action::QuesitoRoute]).await?
                }
                Directorates::Forwardable => store::forwarding_directorates(&self.0).await?,
            };
            out.insert(key, units);
        }
        Ok(out)
    }
}
