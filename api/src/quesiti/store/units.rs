//! The units quesiti hang from and go to: a region's CRIC, the regions to
//! file to, the central directorate, the offices of a conversion.

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use entities::{org_unit, quesito};

use crate::authz::Action;
use crate::error::AppResult;
use crate::org::domain::UnitKind;
use crate::tenancy::{Scope, UnitScope};

/// The CRIC of the regional directorate `region_code`, if the caller may do
/// any of `actions` on it.
pub async fn cric_of_region(
    scope: &Scope,
    region_code: &str,
    actions: &[Action],
) -> AppResult<Option<org_unit::Model>> {
    let path = Expr::col((org_unit::Entity, org_unit::Column::Path));
    let reach = actions.iter().fold(Condition::any(), |c, a| c.add(scope.units_for(*a).path_condition(path.clone())));
    let mut region = Query::select();
    region
        .column(org_unit::Column::Id)
        .from(org_unit::Entity)
        .and_where(Expr::col(org_unit::Column::Code).eq(region_code))
        .and_where(Expr::col(org_unit::Column::Kind).eq("REGIONAL_DIRECTORATE"));
    Ok(org_unit::Entity::find()
        .filter(org_unit::Column::Kind.eq("CRIC"))
        .filter(Expr::col((org_unit::Entity, org_unit::Column::ParentId)).in_subquery(region))
        .filter(reach)
        .order_by_asc(org_unit::Column::Path)
        .one(scope.db())
        .await?)
}

/// Regional directorates whose CRIC lies within the caller's `quesito:file`
/// reach (the CCM: every region), by name: the CCM's region picker.
pub async fn filing_regions(scope: &Scope) -> AppResult<Vec<org_unit::Model>> {
    let reach = scope.units_for(Action::QuesitoFile);
    if reach.is_nowhere() {
        return Ok(Vec::new());
    }
    let mut crics = Query::select();
    crics
        .column(org_unit::Column::ParentId)
        .from(org_unit::Entity)
        .and_where(Expr::col(org_unit::Column::Kind).eq("CRIC"))
        .cond_where(reach.path_condition(Expr::col(org_unit::Column::Path)));
    Ok(org_unit::Entity::find()
        .filter(org_unit::Column::Kind.eq("REGIONAL_DIRECTORATE"))
        .filter(Expr::col((org_unit::Entity, org_unit::Column::Id)).in_subquery(crics))
        .order_by_asc(org_unit::Column::Name)
        .all(scope.db())
        .await?)
}

/// The central directorates of the national roots where the caller's reach
/// for any of `actions` lies, by path. Central directorates serve a whole
/// root (each competent for some subjects), so a regional director setting
/// their region's classifications picks among them although their reach
/// stops at the region.
pub async fn central_directorates(scope: &Scope, actions: &[Action]) -> AppResult<Vec<org_unit::Model>> {
    let prefixes = actions.iter().map(|a| scope.units_for(*a)).try_fold(Vec::new(), |mut all, reach| match reach {
        UnitScope::Everywhere => None,
        UnitScope::Under(prefixes) => {
            all.extend(prefixes);
            Some(all)
        }
    });
    let roots = prefixes.map_or(UnitScope::Everywhere, |p| UnitScope::Under(p).roots());
    central_directorates_within(scope, &roots).await
}

/// The central directorates the caller may forward quesiti to (`quesito:route`), by path.
pub async fn forwarding_directorates(scope: &Scope) -> AppResult<Vec<org_unit::Model>> {
    central_directorates_within(scope, &scope.units_for(Action::QuesitoRoute)).await
}

/// The central directorates lying within `within`, by path.
async fn central_directorates_within(scope: &Scope, within: &UnitScope) -> AppResult<Vec<org_unit::Model>> {
    if within.is_nowhere() {
        return Ok(Vec::new());
    }
    Ok(org_unit::Entity::find()
        .filter(org_unit::Column::Kind.eq(UnitKind::CentralDirectorate.as_str()))
        .filter(within.path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))))
        .order_by_asc(org_unit::Column::Path)
        .all(scope.db())
        .await?)
}

/// The unit itself and every unit above it (a rule of the tree: [`crate::org::domain`]).
pub use crate::org::domain::ancestor_paths;

/// The regional directorate's path of a CRIC, its parent: `/IT/SAR/CRIC/` → `/IT/SAR/`.
pub fn region_of_cric(cric_path: &str) -> Option<String> {
    let ancestors = ancestor_paths(cric_path);
    ancestors.len().checked_sub(2).and_then(|i| ancestors.get(i)).cloned()
}

/// Territorial offices under `region_path`. Only for a quesito the caller
/// may convert (`quesito:work` on the CRIC of that region, checked by the
/// caller): that, not `appointments:book`, is what lets a CRIC book there.
fn offices_under(region_path: &str) -> sea_orm::Select<org_unit::Entity> {
    org_unit::Entity::find()
        .filter(org_unit::Column::Kind.eq(crate::org::domain::UnitKind::TerritorialOffice.as_str()))
        .filter(org_unit::Column::Path.starts_with(region_path))
}

/// The offices a quesito of the region at `region_path` may be converted at, by name.
pub async fn offices_of_region(scope: &Scope, region_path: &str) -> AppResult<Vec<org_unit::Model>> {
    Ok(offices_under(region_path).order_by_asc(org_unit::Column::Name).all(scope.db()).await?)
}

/// The office `code` when it lies in the region at `region_path` (see [`offices_of_region`]).
pub async fn office_of_region(scope: &Scope, region_path: &str, code: &str) -> AppResult<Option<org_unit::Model>> {
    Ok(offices_under(region_path).filter(org_unit::Column::Code.eq(code.trim())).one(scope.db()).await?)
}

/// Units by id, for authorising an operation on a quesito already read
/// through [`by_id`] (the ids come from a row the caller may see).
pub async fn units_of(conn: &impl ConnectionTrait, q: &quesito::Model) -> AppResult<Vec<org_unit::Model>> {
    let ids: Vec<Uuid> =
        [Some(q.unit_id), Some(q.filed_by_unit_id), q.forwarded_to_unit_id].into_iter().flatten().collect();
    Ok(org_unit::Entity::find().filter(org_unit::Column::Id.is_in(ids)).all(conn).await?)
}

/// Of these units, the ids of the national roots (owners of national classifications).
pub async fn national_units(conn: &impl ConnectionTrait, ids: &[Uuid]) -> AppResult<Vec<Uuid>> {
    Ok(org_unit::Entity::find()
        .select_only()
        .column(org_unit::Column::Id)
        .filter(org_unit::Column::Id.is_in(ids.iter().copied()))
        .filter(org_unit::Column::Kind.eq("NATIONAL"))
        .into_tuple()
        .all(conn)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ancestors_run_from_the_root_down_to_the_unit_itself() {
        assert_eq!(ancestor_paths("/IT/SAR/CRIC/"), vec!["/IT/", "/IT/SAR/", "/IT/SAR/CRIC/"]);
    }
}
