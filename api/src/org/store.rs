//! Reads of the organisation tree, always within the caller's scope.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use entities::org_unit;

use super::domain::UnitKind;
use crate::authz::Action;
use crate::error::AppResult;
use crate::graphql::pagination::Page;
use crate::tenancy::Scope;

fn visible(scope: &Scope) -> sea_orm::Select<org_unit::Entity> {
    let units = scope.units_for(Action::OrgRead);
    org_unit::Entity::find().filter(units.path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))))
}

/// Units the caller may see, in tree order (by path).
pub async fn list(scope: &Scope, kind: Option<UnitKind>, page: &Page) -> AppResult<Vec<org_unit::Model>> {
    let mut query = visible(scope);
    if let Some(kind) = kind {
        query = query.filter(org_unit::Column::Kind.eq(kind.as_str()));
    }
    if let Some(after) = &page.after {
        query = query.filter(org_unit::Column::Path.gt(after.as_str()));
    }
    Ok(query
        .order_by_asc(org_unit::Column::Path)
        .limit(page.fetch_limit())
        .all(scope.db())
        .await?)
}

pub async fn by_code(scope: &Scope, code: &str) -> AppResult<Option<org_unit::Model>> {
    Ok(visible(scope)
        .filter(org_unit::Column::Code.eq(code))
        .one(scope.db())
        .await?)
}

pub async fn by_ids(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<org_unit::Model>> {
    Ok(visible(scope)
        .filter(org_unit::Column::Id.is_in(ids.iter().copied()))
        .all(scope.db())
        .await?)
}

pub async fn children_of(scope: &Scope, parent_ids: &[Uuid]) -> AppResult<Vec<org_unit::Model>> {
    Ok(visible(scope)
        .filter(org_unit::Column::ParentId.is_in(parent_ids.iter().copied()))
        .order_by_asc(org_unit::Column::Path)
        .all(scope.db())
        .await?)
}
