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
use crate::kernel::paging::Page;
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

pub async fn by_ids(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<org_unit::Model>> {
    Ok(visible(scope).filter(org_unit::Column::Id.is_in(ids.iter().copied())).all(scope.db()).await?)
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
