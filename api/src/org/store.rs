//! The organisation tree's SQL: reads always within the caller's scope, and
//! the writes of `operations`.

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use entities::org_unit;

use super::domain::{UnitKind, UnitPurpose};
use crate::authz::Action;
use crate::error::AppResult;
use crate::kernel::keys::any_of;
use crate::kernel::paging::{Direction, Page};
use crate::kernel::sorting::{self, ListTotal, Sort, SortField};
use crate::kernel::visibility;
use crate::tenancy::Scope;

fn visible(scope: &Scope) -> sea_orm::Select<org_unit::Entity> {
    let units = scope.units_for(Action::OrgRead);
    org_unit::Entity::find().filter(units.path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))))
}

/// What the list of units can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitOrderField {
    Path,
    Name,
    Code,
    Kind,
}

impl SortField for UnitOrderField {
    type Column = org_unit::Column;
    fn name(self) -> &'static str {
        match self {
            UnitOrderField::Path => "path",
            UnitOrderField::Name => "name",
            UnitOrderField::Code => "code",
            UnitOrderField::Kind => "kind",
        }
    }
    fn column(self) -> org_unit::Column {
        match self {
            UnitOrderField::Path => org_unit::Column::Path,
            UnitOrderField::Name => org_unit::Column::Name,
            UnitOrderField::Code => org_unit::Column::Code,
            UnitOrderField::Kind => org_unit::Column::Kind,
        }
    }
}

/// The list's order: as picked, else tree order (by path, served by its unique index).
pub fn unit_sort(picked: Option<(UnitOrderField, Direction)>) -> Sort<org_unit::Column> {
    Sort::pick(picked, (UnitOrderField::Path, Direction::Ascending))
}

/// A page of the units the caller may see in `sort`'s order, and their total.
pub async fn list(
    scope: &Scope,
    kind: Option<UnitKind>,
    sort: &Sort<org_unit::Column>,
    page: &Page,
) -> AppResult<(Vec<org_unit::Model>, ListTotal)> {
    let mut query = visible(scope);
    if let Some(kind) = kind {
        query = query.filter(org_unit::Column::Kind.eq(kind));
    }
    sorting::page_of(scope, query, sort, org_unit::Column::Id, page).await
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

/// Units of the purpose's kind within the caller's reach for its action (the
/// CCM: everywhere), whatever the caller may read of the tree.
fn reachable_for(scope: &Scope, purpose: UnitPurpose) -> sea_orm::Select<org_unit::Entity> {
    let reach = scope.units_for(purpose.action());
    org_unit::Entity::find()
        .filter(org_unit::Column::Kind.eq(purpose.kind()))
        .filter(reach.path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))))
}

/// Regional directorates with at least one unit the caller may pick for
/// `purpose`, by name: the first step of the picker.
pub async fn pickable_regions(scope: &Scope, purpose: UnitPurpose) -> AppResult<Vec<org_unit::Model>> {
    if scope.units_for(purpose.action()).is_nowhere() {
        return Ok(Vec::new());
    }
    let paths: Vec<String> =
        reachable_for(scope, purpose).select_only().column(org_unit::Column::Path).into_tuple().all(scope.db()).await?;
    let mut region_paths: Vec<String> = paths.iter().filter_map(|p| region_path(p)).collect();
    region_paths.sort_unstable();
    region_paths.dedup();
    Ok(org_unit::Entity::find()
        .filter(org_unit::Column::Kind.eq(UnitKind::RegionalDirectorate))
        .filter(org_unit::Column::Path.is_in(region_paths))
        .order_by_asc(org_unit::Column::Name)
        .all(scope.db())
        .await?)
}

/// The units of the region `region_code` the caller may pick for `purpose`, by name.
pub async fn pickable_units(scope: &Scope, purpose: UnitPurpose, region_code: &str) -> AppResult<Vec<org_unit::Model>> {
    let region = org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq(region_code.trim()))
        .filter(org_unit::Column::Kind.eq(UnitKind::RegionalDirectorate))
        .one(scope.db())
        .await?;
    let Some(region) = region else { return Ok(Vec::new()) };
    Ok(reachable_for(scope, purpose)
        .filter(org_unit::Column::Path.starts_with(region.path.as_str()))
        .order_by_asc(org_unit::Column::Name)
        .all(scope.db())
        .await?)
}

/// `/IT/SAR/CA/CA1/` → `/IT/SAR/`: the path of the region a unit lies in
/// (the second level of the tree), `None` above it.
fn region_path(path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    (segments.len() >= 2).then(|| format!("/{}/{}/", segments[0], segments[1]))
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

#[cfg(test)]
mod tests {
    use super::region_path;

    #[test]
    fn a_unit_lies_in_the_region_of_its_second_level() {
        assert_eq!(region_path("/IT/SAR/CA/CA1/").as_deref(), Some("/IT/SAR/"));
        assert_eq!(region_path("/IT/SAR/").as_deref(), Some("/IT/SAR/"));
        assert_eq!(region_path("/IT/"), None);
    }
}
