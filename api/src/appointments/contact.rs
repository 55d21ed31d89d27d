//! Auditing reads of citizens' personal data (fiscal code, phone, e-mail).
//!
//! When: the first time in a request that one of those fields is resolved on a
//! record, one `<record>.read_contact` event is written — a list of 50 bookings
//! with phones is 50 events, asking for the phone and the fiscal code of one
//! booking is one. The dedupe is a per-request cached [`DataLoader`]
//! (registered in `graphql::with_scope`): concurrent resolutions of the same
//! record share one load, and the value is returned only after the event is
//! stored — if the audit write fails, the field fails and nothing is shown.
//!
//! [`DataLoader`]: async_graphql::dataloader::DataLoader

use std::collections::{HashMap, HashSet};

use async_graphql::Context;
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use uuid::Uuid;

use crate::audit::{self, Actor, AuditRecord};
use crate::auth::Assignment;
use crate::authz::Role;
use crate::error::{AppError, AppResult};
use crate::kernel::reach::Reach;
use crate::tenancy::Scope;

/// One record whose personal data the caller reads, and the role they read it as.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ContactRead {
    /// `appointment`, `callback`, `quesito` or `contact`.
    pub record_type: &'static str,
    pub record_id: Uuid,
    /// The unit the record belongs to.
    pub unit_id: Uuid,
    pub role: Role,
    pub acting_unit: Option<Uuid>,
}

impl ContactRead {
    pub fn new(record_type: &'static str, record_id: Uuid, unit_id: Uuid, acting: &Assignment) -> Self {
        ContactRead { record_type, record_id, unit_id, role: acting.role, acting_unit: acting.unit_id() }
    }
}

pub struct ContactReads {
    scope: Scope,
    /// What this request has already recorded. The loader's cache alone does
    /// not dedupe a key asked for again while its first batch is in flight
    /// (two aliases of one record), so batches run one at a time and skip
    /// what an earlier one stored; a later batch still returns only once the
    /// event is stored, and records it itself if the earlier batch failed.
    recorded: tokio::sync::Mutex<HashSet<ContactRead>>,
}

impl Loader<ContactRead> for ContactReads {
    type Value = ();
    type Error = AppError;

    async fn load(&self, keys: &[ContactRead]) -> Result<HashMap<ContactRead, ()>, AppError> {
        let mut recorded = self.recorded.lock().await;
        let principal = self.scope.principal();
        let new: Vec<&ContactRead> = keys.iter().filter(|k| !recorded.contains(*k)).collect();
        let events = new
            .iter()
            .map(|key| {
                let actor = Actor {
                    role: Some(key.role.as_str()),
                    unit_id: key.acting_unit,
                    ..Actor::from_principal(principal)
                };
                let rec = AuditRecord::new(&format!("{}.read_contact", key.record_type))
                    .record(key.record_type, key.record_id.to_string())
                    .unit(key.unit_id);
                (actor, rec)
            })
            .collect();
        // One statement for the whole batch (a page of bookings with phones).
        audit::record_many(self.scope.db(), events, self.scope.request_id()).await?;
        recorded.extend(new.into_iter().cloned());
        Ok(keys.iter().cloned().map(|k| (k, ())).collect())
    }
}

pub fn loader(scope: &Scope, reach: &Reach) -> DataLoader<ContactReads, HashMapCache> {
    let reads = ContactReads { scope: scope.clone(), recorded: Default::default() };
    DataLoader::with_cache(reads, reach.spawner(), HashMapCache::default())
}

/// Records (once per request and record) that the caller read its personal data.
pub async fn audited(ctx: &Context<'_>, read: ContactRead) -> AppResult<()> {
    let loader = ctx.data::<DataLoader<ContactReads, HashMapCache>>().map_err(AppError::internal)?;
    loader.load_one(read).await?;
    Ok(())
}
