//! The organisation tree's SQL: reads always within the caller's scope, and
//! the writes of `operations`.

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use entities::org_unit;

use super::domain::UnitKind;
use crate::authz::Action;
use crate::error::AppResult;
use crate::kernel::keys::any_of;
use crate::kernel::paging::Page;
use crate::kernel::visibility;
use crate::tenancy::Scope;

fn visible(scope: &Scope) -> sea_orm::Select<org_unit::Entity> {
    let units = scope.units_for(Action::OrgRead);
    org_unit::Entity::find().filter(units.path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))))
}

/// Units the caller may see, in tree order (by path).
pub async fn list(scope: &Scope, kind: Option<UnitKind>, page: &Page) -> AppResult<Vec<org_unit::Model>> {
    let mut query = visible(scope);
    if let Some(kind) = kind {
        query = query.filter(org_unit::Column::Kind.eq(kind));
    }
    // Paths are unique: the path alone is the key.
    if let Some(after) = page.after_key::<String>()? {
        query = query.filter(org_unit::Column::Path.gt(after));
    }
    Ok(query.order_by_asc(org_unit::Column::Path).limit(page.fetch_limit()).all(scope.db()).await?)
}

pub async fn by_code(scope: &Scope, code: &str) -> AppResult<Option<org_unit::Model>> {
    Ok(visible(scope).filter(org_unit::Column::Code.eq(code)).one(scope.db()).await?)
}

/// Units among `ids` the caller may see by the one rule of
/// [`crate::kernel::visibility`]: in their reach, or pointed to by a record
/// they may read. Two statements at most: the keys in reach first (by path,
/// cheap), then, only for keys left over, whether a visible record points to
/// them (each such check walks the visible records of an entity: on
/// PostgreSQL a few milliseconds, so it is not paid when the reach answers).
pub async fn by_ids(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<org_unit::Model>> {
    let backend = scope.db().get_database_backend();
    let id = || Expr::col((org_unit::Entity, org_unit::Column::Id));
    let mut found = visible(scope).filter(any_of(backend, id(), ids)).all(scope.db()).await?;
    let missing: Vec<Uuid> = ids.iter().copied().filter(|k| !found.iter().any(|u| u.id == *k)).collect();
    if !missing.is_empty() {
        let shown = org_unit::Entity::find()
            .filter(any_of(backend, id(), &missing))
            .filter(visibility::shows_unit(scope, id()))
            .all(scope.db())
            .await?;
        found.extend(shown);
    }
    Ok(found)
}

pub async fn children_of(scope: &Scope, parent_ids: &[Uuid]) -> AppResult<Vec<org_unit::Model>> {
    Ok(visible(scope)
        .filter(org_unit::Column::ParentId.is_in(parent_ids.iter().copied()))
        .order_by_asc(org_unit::Column::Path)
        .all(scope.db())
        .await?)
}

/// A unit that already has this code or this path, if any.
pub async fn clashing(conn: &impl ConnectionTrait, code: &str, path: &str) -> AppResult<Option<org_unit::Model>> {
    Ok(org_unit::Entity::find()
        .filter(Condition::any().add(org_unit::Column::Code.eq(code)).add(org_unit::Column::Path.eq(path)))
        .one(conn)
        .await?)
}

pub async fn insert(conn: &impl ConnectionTrait, model: org_unit::Model) -> AppResult<()> {
    org_unit::Entity::insert(org_unit::ActiveModel::from(model)).exec(conn).await?;
    Ok(())
}

/// Writes every column of `model` (a unit's name and office settings).
pub async fn update(conn: &impl ConnectionTrait, model: org_unit::Model) -> AppResult<()> {
    org_unit::Entity::update(org_unit::ActiveModel::from(model).reset_all()).exec(conn).await?;
    Ok(())
}
