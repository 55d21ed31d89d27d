//! Continuity with the expert (seed 003; issue 18 item 6): whom a new
//! quesito of a citizen is proposed to.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use entities::{person, quesito};

use crate::error::AppResult;
use crate::tenancy::Scope;

use super::visible;

/// The expert who took the latest quesito of the citizen `fiscal_code` at the
/// CRIC `cric_id` filed since `since` (among those the caller sees: the CCM
/// sees what it filed), when they are still active. A quesito released since
/// has no holder and proposes nobody.
pub async fn continuity_expert(
    scope: &Scope,
    cric_id: Uuid,
    fiscal_code: &str,
    since: DateTime<Utc>,
) -> AppResult<Option<Uuid>> {
    let latest: Option<Option<Uuid>> = visible(scope)
        .filter(quesito::Column::UnitId.eq(cric_id))
        .filter(quesito::Column::CitizenFiscalCode.eq(fiscal_code))
        .filter(quesito::Column::CreatedAt.gte(since))
        .filter(quesito::Column::TakenById.is_not_null())
        .order_by_desc(quesito::Column::CreatedAt)
        .order_by_desc(quesito::Column::Id)
        .select_only()
        .column(quesito::Column::TakenById)
        .into_tuple()
        .one(scope.db())
        .await?;
    let Some(Some(expert)) = latest else { return Ok(None) };
    let active = person::Entity::find_by_id(expert).filter(person::Column::Active.eq(true)).count(scope.db()).await?;
    Ok((active > 0).then_some(expert))
}
