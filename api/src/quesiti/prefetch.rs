//! What a page of quesiti will ask of each node, loaded before the nodes
//! resolve: brought by the page's own statement on PostgreSQL, else one call
//! per loader and level, side by side, whatever the rows.
//!
//! Left to the nodes, each loader's batch waits its short delay for the keys
//! of the siblings; on a busy machine it can fire before all of them arrived,
//! and the page then costs a statement more per interruption (the statement
//! counts of `tests/api/statement_counts.rs` are how that shows). The same
//! pattern as `org::graphql::prefetch`.

use async_graphql::Context;
use async_graphql::dataloader::{DataLoader, HashMapCache};
use uuid::Uuid;

use std::collections::HashMap;

use entities::{quesito, quesito_event};

use super::graphql::{ClassificationById, EventsByQuesito, QuesitoClassification};
use super::lookups;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::reach::Reach;
use crate::org::graphql::UnitLoader;
use crate::quesiti::store::page_levels::{Levels, LoadedLevels};

/// Fields of a quesito that read the units it hangs from.
const UNIT_FIELDS: [&str; 5] =
    ["forwardedTo", "citizenFiscalCode", "citizenPhone", "citizenEmail", "conversionOffices"];

/// The nested levels that `nodes` and `edges { node }` of the page select.
pub fn levels_asked(ctx: &Context<'_>) -> Levels {
    let asks = |field: &str| page_selects(ctx, field);
    Levels {
        classification: asks("classification"),
        cric: asks("cric"),
        other_units: UNIT_FIELDS.iter().any(|f| asks(f)),
        events: asks("events"),
    }
}

/// Hands the nested `levels` of `rows` (a page the scoped list query
/// returned, with the levels [`levels_asked`]) to the loaders the nodes will
/// ask: what the page's statement brought (`loaded`, see
/// [`crate::quesiti::store::page_levels`]), and the rest looked up by key
/// alone, since these quesiti are visible (see [`super::lookups`]).
pub async fn page(ctx: &Context<'_>, rows: &[quesito::Model], levels: Levels, loaded: LoadedLevels) -> AppResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let LoadedLevels { classifications: brought_classifications, units: brought_units, events: brought_events } =
        loaded;
    let scope = ctx.scope()?;
    let classifications = async {
        if levels.classification {
            let loader = ctx.data::<DataLoader<ClassificationById, HashMapCache>>().map_err(AppError::internal)?;
            let found = match brought_classifications {
                Some(found) => found,
                None => {
                    lookups::classifications_of_page(scope, &distinct(rows.iter().map(|q| q.classification_id))).await?
                }
            };
            loader.feed_many(found.into_iter().map(|r| (r.model.id, QuesitoClassification::from(r)))).await;
        }
        AppResult::Ok(())
    };
    let units = async {
        if levels.units() {
            let loader = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
            let found = match brought_units {
                Some(found) => found,
                None => {
                    let ids = distinct(rows.iter().flat_map(|q| {
                        let others = levels.other_units.then_some([Some(q.filed_by_unit_id), q.forwarded_to_unit_id]);
                        std::iter::once(q.unit_id).chain(others.into_iter().flatten().flatten())
                    }));
                    lookups::units_of_page(scope, &ids).await?
                }
            };
            loader.feed_many(found.into_iter().map(|u| (u.id, u))).await;
        }
        AppResult::Ok(())
    };
    let events = async {
        if levels.events {
            let loader = ctx.data::<DataLoader<EventsByQuesito, HashMapCache>>().map_err(AppError::internal)?;
            let by_quesito = match brought_events {
                Some(found) => found,
                None => {
                    let ids: Vec<Uuid> = rows.iter().map(|q| q.id).collect();
                    let mut by_quesito: HashMap<Uuid, Vec<quesito_event::Model>> =
                        ids.iter().map(|id| (*id, Vec::new())).collect();
                    for e in lookups::events_of(scope, &ids).await? {
                        by_quesito.entry(e.quesito_id).or_default().push(e);
                    }
                    by_quesito
                }
            };
            // Every quesito of the page gets an entry, also one without events.
            loader.feed_many(by_quesito).await;
        }
        AppResult::Ok(())
    };
    let people = async {
        if page_selects(ctx, "takenBy") || page_selects(ctx, "proposedTo") {
            let loader = ctx
                .data::<DataLoader<crate::appointments::graphql::PersonById, HashMapCache>>()
                .map_err(AppError::internal)?;
            let ids = distinct(rows.iter().flat_map(|q| [q.taken_by_id, q.proposed_to_id]).flatten());
            loader.load_many(ids).await?;
        }
        AppResult::Ok(())
    };
    // Look-ups by key: planned once per connection (kernel::reach::Plans).
    let loads = futures::future::try_join4(classifications, units, events, people);
    Reach::current().with_generic_plans().run(loads).await?;
    Ok(())
}

/// Whether `nodes` or `edges { node }` of the page select `field`.
fn page_selects(ctx: &Context<'_>, field: &str) -> bool {
    let look = ctx.look_ahead();
    look.field("nodes").field(field).exists() || look.field("edges").field("node").field(field).exists()
}

fn distinct(ids: impl Iterator<Item = Uuid>) -> Vec<Uuid> {
    let mut ids: Vec<Uuid> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}
