//! Classifications and SLA overrides.

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use entities::{org_unit, quesito, quesito_classification, quesito_sla};

use crate::authz::Action;
use crate::error::AppResult;
use crate::kernel::paging::{Direction, Page};
use crate::kernel::sorting::{self, ListTotal, Sort, SortField};
use crate::quesiti::domain::Section;
use crate::tenancy::Scope;

use super::{ancestor_paths, visible_condition};

/// What the list of classifications can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassificationOrderField {
    CreatedAt,
    Code,
    Label,
    Section,
}

impl SortField for ClassificationOrderField {
    type Column = quesito_classification::Column;
    fn name(self) -> &'static str {
        match self {
            ClassificationOrderField::CreatedAt => "createdAt",
            ClassificationOrderField::Code => "code",
            ClassificationOrderField::Label => "label",
            ClassificationOrderField::Section => "section",
        }
    }
    fn column(self) -> quesito_classification::Column {
        match self {
            ClassificationOrderField::CreatedAt => quesito_classification::Column::CreatedAt,
            ClassificationOrderField::Code => quesito_classification::Column::Code,
            ClassificationOrderField::Label => quesito_classification::Column::Label,
            ClassificationOrderField::Section => quesito_classification::Column::Section,
        }
    }
}

/// The list's order: as picked, else in the order they were created (as before sorting existed).
pub fn classification_sort(
    picked: Option<(ClassificationOrderField, Direction)>,
) -> Sort<quesito_classification::Column> {
    Sort::pick(picked, (ClassificationOrderField::CreatedAt, Direction::Ascending))
}

/// A page of the classifications that apply to quesiti of the CRIC at
/// `cric_path` (owned by the national root or by the regional directorate
/// above it) in `sort`'s order, and their total. Callers establish first that
/// the caller may reach that CRIC.
pub async fn classifications_for_cric(
    scope: &Scope,
    cric_path: &str,
    section: Option<Section>,
    include_inactive: bool,
    sort: &Sort<quesito_classification::Column>,
    page: &Page,
) -> AppResult<(Vec<quesito_classification::Model>, ListTotal)> {
    let mut owners = Query::select();
    owners
        .column(org_unit::Column::Id)
        .from(org_unit::Entity)
        .and_where(Expr::col(org_unit::Column::Path).is_in(ancestor_paths(cric_path)));
    let mut query = quesito_classification::Entity::find().filter(
        Expr::col((quesito_classification::Entity, quesito_classification::Column::UnitId)).in_subquery(owners),
    );
    if let Some(section) = section {
        query = query.filter(quesito_classification::Column::Section.eq(section));
    }
    if !include_inactive {
        query = query.filter(quesito_classification::Column::Active.eq(true));
    }
    sorting::page_of(scope, query, sort, quesito_classification::Column::Id, page).await
}

/// One classification applicable to the CRIC at `cric_path`, active, of `section`.
pub async fn classification_for_filing(
    conn: &impl ConnectionTrait,
    cric_path: &str,
    section: Section,
    id: Uuid,
) -> AppResult<Option<quesito_classification::Model>> {
    let mut owners = Query::select();
    owners
        .column(org_unit::Column::Id)
        .from(org_unit::Entity)
        .and_where(Expr::col(org_unit::Column::Path).is_in(ancestor_paths(cric_path)));
    Ok(quesito_classification::Entity::find_by_id(id)
        .filter(Expr::col((quesito_classification::Entity, quesito_classification::Column::UnitId)).in_subquery(owners))
        .filter(quesito_classification::Column::Section.eq(section))
        .filter(quesito_classification::Column::Active.eq(true))
        .one(conn)
        .await?)
}

/// The central directorate mapped to a classification, if any. Only for a
/// classification of a quesito the caller already read through the scope.
pub async fn competent_directorate_of(conn: &impl ConnectionTrait, classification_id: Uuid) -> AppResult<Option<Uuid>> {
    let found: Option<Option<Uuid>> = quesito_classification::Entity::find_by_id(classification_id)
        .select_only()
        .column(quesito_classification::Column::CompetentDirectorateId)
        .into_tuple()
        .one(conn)
        .await?;
    Ok(found.flatten())
}

/// Classifications the caller may manage (`quesito:configure` on their owner unit).
pub async fn managed_classification(scope: &Scope, id: Uuid) -> AppResult<Option<quesito_classification::Model>> {
    let units = scope.units_for(Action::QuesitoConfigure);
    Ok(quesito_classification::Entity::find_by_id(id)
        .filter(
            units
                .unit_id_condition(Expr::col((quesito_classification::Entity, quesito_classification::Column::UnitId))),
        )
        .one(scope.db())
        .await?)
}

/// Classifications of quesiti the caller can see, or that they manage.
pub async fn classifications_by_ids(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<quesito_classification::Model>> {
    let mut used = Query::select();
    used.column((quesito::Entity, quesito::Column::ClassificationId))
        .from(quesito::Entity)
        .cond_where(visible_condition(scope))
        .and_where(Expr::col((quesito::Entity, quesito::Column::ClassificationId)).is_in(ids.iter().copied()));
    let managed = scope
        .units_for(Action::QuesitoConfigure)
        .unit_id_condition(Expr::col((quesito_classification::Entity, quesito_classification::Column::UnitId)));
    Ok(quesito_classification::Entity::find()
        .filter(quesito_classification::Column::Id.is_in(ids.iter().copied()))
        .filter(
            Condition::any()
                .add(Expr::col((quesito_classification::Entity, quesito_classification::Column::Id)).in_subquery(used))
                .add(managed),
        )
        .all(scope.db())
        .await?)
}

// ---- SLA -------------------------------------------------------------------

/// The working days configured for `section` nearest above the CRIC at
/// `cric_path` (a regional override beats a national one), if any.
pub async fn sla_override(
    conn: &impl ConnectionTrait,
    cric_path: &str,
    section: Section,
) -> AppResult<Option<(quesito_sla::Model, String)>> {
    let owners =
        org_unit::Entity::find().filter(org_unit::Column::Path.is_in(ancestor_paths(cric_path))).all(conn).await?;
    let rows = quesito_sla::Entity::find()
        .filter(quesito_sla::Column::UnitId.is_in(owners.iter().map(|u| u.id)))
        .filter(quesito_sla::Column::Section.eq(section))
        .all(conn)
        .await?;
    // Deepest owner wins.
    Ok(rows
        .into_iter()
        .filter_map(|r| owners.iter().find(|u| u.id == r.unit_id).map(|u| (r, u.path.clone())))
        .max_by_key(|(_, path)| path.len()))
}

/// The code of the unit an SLA setting applying to a reachable CRIC belongs to.
pub async fn unit_code(conn: &impl ConnectionTrait, id: Uuid) -> AppResult<Option<String>> {
    Ok(org_unit::Entity::find_by_id(id).one(conn).await?.map(|u| u.code))
}

pub async fn sla_of_unit(
    conn: &impl ConnectionTrait,
    unit_id: Uuid,
    section: Section,
) -> AppResult<Option<quesito_sla::Model>> {
    Ok(quesito_sla::Entity::find()
        .filter(quesito_sla::Column::UnitId.eq(unit_id))
        .filter(quesito_sla::Column::Section.eq(section))
        .one(conn)
        .await?)
}
