//! The look-ups behind the quesiti DataLoaders and the page prefetch: one
//! statement per level whatever the number of keys ([`crate::kernel::keys`]),
//! each bounded by the keys before anything else.
//!
//! Two kinds. The loaders' (`classifications`, `events_of`; units have one
//! loader of their own, `org::graphql::UnitById`) answer for any key a resolver asks, so each checks in SQL that
//! the row hangs from a quesito the caller may see. The page's (`*_of_page`)
//! take the keys of rows the scoped list query has just returned: those quesiti
//! are visible by construction, so the units and classifications they reference
//! are read by key alone (on PostgreSQL row-level security still applies).
//! Events keep `events_of`: joined through the quesiti picked by key, their
//! row-level-security policy is probed per event by primary key; read by key
//! alone, PostgreSQL hashes every visible quesito for that policy (5 ms). Checking again there cost
//! more than the page itself: however written, "visible through some quesito"
//! makes PostgreSQL walk every visible quesito under row-level security (an
//! `IN (SELECT …)` hashes them; a correlated `EXISTS` becomes a semi-join over
//! them once the statement's generic plan is cached), 5 to 24 ms a level.

use sea_orm::sea_query::{Expr, Query};
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

/// A classification and whether its owner is a national root.
#[derive(Debug)]
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
    let of_quesito = Expr::col((quesito::Entity, quesito::Column::ClassificationId));
    let mut used = Query::select();
    used.expr(of_quesito.clone())
        .from(quesito::Entity)
        .and_where(any_of(backend, of_quesito, ids))
        .cond_where(visible_condition(scope));
    let managed = scope.units_for(Action::QuesitoConfigure).unit_id_condition(owner);
    Ok(with_national_flag()
        .filter(any_of(backend, id(), ids))
        .filter(Condition::any().add(id().in_subquery(used)).add(managed))
        .into_model::<ClassificationRow>()
        .all(scope.db())
        .await?)
}

/// Classifications with a `national` column: whether a national root owns each.
fn with_national_flag() -> sea_orm::Select<quesito_classification::Entity> {
    let owner = Expr::col((quesito_classification::Entity, quesito_classification::Column::UnitId));
    let mut national = Query::select();
    national
        .expr(Expr::cust("1"))
        .from(org_unit::Entity)
        .and_where(Expr::col((org_unit::Entity, org_unit::Column::Id)).eq(owner))
        .and_where(Expr::col((org_unit::Entity, org_unit::Column::Kind)).eq("NATIONAL"));
    quesito_classification::Entity::find().column_as(Expr::exists(national), "national")
}

/// Events of the visible quesiti among `quesito_ids`, oldest first. The
/// visible ones are picked among the keys first (primary key), then their events.
pub async fn events_of(scope: &Scope, quesito_ids: &[Uuid]) -> AppResult<Vec<quesito_event::Model>> {
    let mut visible_ids = Query::select();
    visible_ids
        .column((quesito::Entity, quesito::Column::Id))
        .from(quesito::Entity)
        // An `IN` list, not `kernel::keys`: for `= ANY(…)` PostgreSQL's generic plan walks every
        // event in primary-key order (33 ms a page, measured); an `IN` list keeps custom plans.
        .and_where(Expr::col((quesito::Entity, quesito::Column::Id)).is_in(quesito_ids.iter().copied()))
        .cond_where(visible_condition(scope));
    Ok(quesito_event::Entity::find()
        .filter(Expr::col((quesito_event::Entity, quesito_event::Column::QuesitoId)).in_subquery(visible_ids))
        .order_by_asc(quesito_event::Column::Id)
        .all(scope.db())
        .await?)
}

// ---- A page's nested levels: keys of rows the scoped list just returned ----

/// Units by id (a page's CRICs, filing units, directorates).
pub async fn units_of_page(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<org_unit::Model>> {
    let backend = scope.db().get_database_backend();
    let unit = Expr::col((org_unit::Entity, org_unit::Column::Id));
    Ok(org_unit::Entity::find().filter(any_of(backend, unit, ids)).all(scope.db()).await?)
}

/// Classifications by id, each with whether a national root owns it.
pub async fn classifications_of_page(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<ClassificationRow>> {
    let backend = scope.db().get_database_backend();
    let id = Expr::col((quesito_classification::Entity, quesito_classification::Column::Id));
    Ok(with_national_flag().filter(any_of(backend, id, ids)).into_model::<ClassificationRow>().all(scope.db()).await?)
}
