//! The look-ups behind the quesiti DataLoaders: one statement per loader and
//! level whatever the number of keys ([`crate::kernel::keys`]), each bounded by
//! the keys before anything else.
//!
//! "Visible through a quesito the caller may see" is asked per key, as a
//! correlated `EXISTS` that stops at the first visible quesito found through
//! the column's index. (Written as `id IN (SELECT unit_id FROM quesito WHERE
//! visible)`, PostgreSQL hashed every visible quesito, under row-level
//! security, for each loader and request: 3–5 ms of a nested list's 11.)

use sea_orm::sea_query::{Expr, Query, SelectStatement};
use sea_orm::{
    Condition, DbErr, EntityTrait, ExprTrait, FromQueryResult, QueryFilter, QueryOrder, QueryResult, QuerySelect,
};
use uuid::Uuid;

use entities::{org_unit, quesito, quesito_classification, quesito_event};

use super::store::visible_condition;
use crate::authz::Action;
use crate::error::AppResult;
use crate::kernel::keys::any_of;
use crate::tenancy::Scope;

/// `SELECT 1 FROM quesito WHERE quesito.<col> = <outer> AND <visible>`.
fn visible_quesito_with(scope: &Scope, col: quesito::Column, outer: Expr) -> SelectStatement {
    let mut sub = Query::select();
    sub.expr(Expr::cust("1"))
        .from(quesito::Entity)
        .and_where(Expr::col((quesito::Entity, col)).eq(outer))
        .cond_where(visible_condition(scope));
    sub
}

/// Units a visible quesito belongs to (its CRIC, the filing CCM, the central
/// directorate), among `ids`.
pub async fn units_of_visible_quesiti(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<org_unit::Model>> {
    let backend = scope.db().get_database_backend();
    let unit = || Expr::col((org_unit::Entity, org_unit::Column::Id));
    let referenced = [quesito::Column::UnitId, quesito::Column::FiledByUnitId, quesito::Column::ForwardedToUnitId]
        .into_iter()
        .fold(Condition::any(), |cond, col| cond.add(Expr::exists(visible_quesito_with(scope, col, unit()))));
    Ok(org_unit::Entity::find().filter(any_of(backend, unit(), ids)).filter(referenced).all(scope.db()).await?)
}

/// A classification and whether its owner is a national root.
pub struct ClassificationRow {
    pub model: quesito_classification::Model,
    pub national: bool,
}

impl FromQueryResult for ClassificationRow {
    fn from_query_result(row: &QueryResult, pre: &str) -> Result<Self, DbErr> {
        Ok(ClassificationRow {
            model: quesito_classification::Model::from_query_result(row, pre)?,
            national: row.try_get(pre, "national")?,
        })
    }
}

/// Classifications among `ids` of visible quesiti or managed by the caller,
/// each with whether a national root owns it: one statement.
pub async fn classifications(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<ClassificationRow>> {
    let backend = scope.db().get_database_backend();
    let id = || Expr::col((quesito_classification::Entity, quesito_classification::Column::Id));
    let owner = Expr::col((quesito_classification::Entity, quesito_classification::Column::UnitId));
    let used = visible_quesito_with(scope, quesito::Column::ClassificationId, id());
    let managed = scope.units_for(Action::QuesitoConfigure).unit_id_condition(owner.clone());
    let mut national = Query::select();
    national
        .expr(Expr::cust("1"))
        .from(org_unit::Entity)
        .and_where(Expr::col((org_unit::Entity, org_unit::Column::Id)).eq(owner))
        .and_where(Expr::col((org_unit::Entity, org_unit::Column::Kind)).eq("NATIONAL"));
    Ok(quesito_classification::Entity::find()
        .column_as(Expr::exists(national), "national")
        .filter(any_of(backend, id(), ids))
        .filter(Condition::any().add(Expr::exists(used)).add(managed))
        .into_model::<ClassificationRow>()
        .all(scope.db())
        .await?)
}

/// Events of the visible quesiti among `quesito_ids`, oldest first.
pub async fn events_of(scope: &Scope, quesito_ids: &[Uuid]) -> AppResult<Vec<quesito_event::Model>> {
    let backend = scope.db().get_database_backend();
    let of_event = Expr::col((quesito_event::Entity, quesito_event::Column::QuesitoId));
    let mut visible = Query::select();
    visible
        .expr(Expr::cust("1"))
        .from(quesito::Entity)
        .and_where(Expr::col((quesito::Entity, quesito::Column::Id)).eq(of_event.clone()))
        .cond_where(visible_condition(scope));
    Ok(quesito_event::Entity::find()
        .filter(any_of(backend, of_event, quesito_ids))
        .filter(Expr::exists(visible))
        .order_by_asc(quesito_event::Column::Id)
        .all(scope.db())
        .await?)
}
