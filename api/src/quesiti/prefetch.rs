//! What a page of quesiti will ask of each node, loaded before the nodes
//! resolve: one call per loader and level, side by side, whatever the rows.
//!
//! Left to the nodes, each loader's batch waits its short delay for the keys
//! of the siblings; on a busy machine it can fire before all of them arrived,
//! and the page then costs a statement more per interruption (the statement
//! counts of `tests/api/statement_counts.rs` are how that shows). The same
//! pattern as `org::graphql::prefetch`.

use async_graphql::Context;
use async_graphql::dataloader::{DataLoader, HashMapCache};
use uuid::Uuid;

use entities::quesito;

use super::graphql::{ClassificationById, EventsByQuesito, QuesitoUnitById};
use crate::error::{AppError, AppResult};

/// Fields of a quesito that read the units it hangs from.
const UNIT_FIELDS: [&str; 5] =
    ["forwardedTo", "citizenFiscalCode", "citizenPhone", "citizenEmail", "conversionOffices"];

/// Prefetches, for `rows`, the nested levels that `nodes` and `edges { node }` select.
pub async fn page(ctx: &Context<'_>, rows: &[quesito::Model]) -> AppResult<()> {
    let look = ctx.look_ahead();
    let (nodes, edges) = (look.field("nodes"), look.field("edges").field("node"));
    let asks = |field: &str| nodes.field(field).exists() || edges.field(field).exists();
    let asks_any = |fields: &[&str]| fields.iter().any(|f| asks(f));
    if rows.is_empty() {
        return Ok(());
    }
    let classifications = async {
        if asks("classification") {
            let loader = ctx.data::<DataLoader<ClassificationById, HashMapCache>>().map_err(AppError::internal)?;
            loader.load_many(rows.iter().map(|q| q.classification_id)).await?;
        }
        AppResult::Ok(())
    };
    let units = async {
        let all = asks_any(&UNIT_FIELDS);
        if all || asks("cric") {
            let loader = ctx.data::<DataLoader<QuesitoUnitById, HashMapCache>>().map_err(AppError::internal)?;
            let ids = rows.iter().flat_map(|q| {
                let others = all.then_some([Some(q.filed_by_unit_id), q.forwarded_to_unit_id]);
                std::iter::once(q.unit_id).chain(others.into_iter().flatten().flatten())
            });
            loader.load_many(ids).await?;
        }
        AppResult::Ok(())
    };
    let events = async {
        if asks("events") {
            let loader = ctx.data::<DataLoader<EventsByQuesito, HashMapCache>>().map_err(AppError::internal)?;
            let ids: Vec<Uuid> = rows.iter().map(|q| q.id).collect();
            let found = loader.load_many(ids.iter().copied()).await?;
            // A quesito without events must not send its node back to the database.
            let none = ids.into_iter().filter(|id| !found.contains_key(id)).map(|id| (id, Vec::new()));
            loader.feed_many(none).await;
        }
        AppResult::Ok(())
    };
    futures::future::try_join3(classifications, units, events).await?;
    Ok(())
}
