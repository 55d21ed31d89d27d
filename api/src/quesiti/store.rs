//! Storage of quesiti, their events, classifications and SLA overrides.
//!
//! A quesito belongs to three units at once: the CRIC that handles it
//! (`unit_id`), the CCM unit that filed it (`filed_by_unit_id`) and, once
//! forwarded, the central directorate (`forwarded_to_unit_id`). Whoever may
//! `quesito:read` on any of the three sees it, within the section their
//! assignment is narrowed to, in the SQL of every read.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Func, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Select,
};
use uuid::Uuid;

use entities::{org_unit, quesito, quesito_classification, quesito_event, quesito_sla};

use super::domain::{Lifecycle, QuesitoStatus, Section};
use crate::authz::Action;
use crate::error::AppResult;
use crate::kernel::ids::QuesitoId;
use crate::kernel::paging::{self, Direction};
use crate::kernel::versioned::Versioned;
use crate::tenancy::Scope;

/// Rows of `quesito` the caller may read.
pub fn visible_condition(scope: &Scope) -> Condition {
    let reach = scope.sectioned_units_for(Action::QuesitoRead);
    let section = Expr::col((quesito::Entity, quesito::Column::Section));
    Condition::any()
        .add(reach.condition(Expr::col((quesito::Entity, quesito::Column::UnitId)), section.clone()))
        .add(reach.condition(Expr::col((quesito::Entity, quesito::Column::FiledByUnitId)), section.clone()))
        .add(reach.condition(Expr::col((quesito::Entity, quesito::Column::ForwardedToUnitId)), section))
}

fn visible(scope: &Scope) -> Select<quesito::Entity> {
    quesito::Entity::find().filter(visible_condition(scope))
}

pub async fn by_id(scope: &Scope, id: QuesitoId) -> AppResult<Option<quesito::Model>> {
    Ok(visible(scope).filter(quesito::Column::Id.eq(id)).one(scope.db()).await?)
}

pub async fn by_ids(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<quesito::Model>> {
    Ok(visible(scope).filter(quesito::Column::Id.is_in(ids.iter().copied())).all(scope.db()).await?)
}

/// The quesito this person filed with this idempotency key, if they can still see it.
pub async fn by_idempotency_key(scope: &Scope, key: &str) -> AppResult<Option<quesito::Model>> {
    Ok(visible(scope)
        .filter(quesito::Column::FiledById.eq(scope.person_id()))
        .filter(quesito::Column::IdempotencyKey.eq(key))
        .one(scope.db())
        .await?)
}

#[derive(Default, Clone, Debug)]
pub struct QuesitoFilter {
    pub statuses: Option<Vec<QuesitoStatus>>,
    pub section: Option<Section>,
    /// Only quesiti handled by this CRIC (the region's).
    pub cric_id: Option<Uuid>,
    pub classification_id: Option<Uuid>,
    /// true: open and past due; false: not overdue.
    pub overdue: Option<bool>,
    pub citizen_fiscal_code: Option<String>,
    /// Case-insensitive substring of subject or question.
    pub text: Option<String>,
    pub now: Option<DateTime<Utc>>,
}

fn filtered(scope: &Scope, filter: &QuesitoFilter) -> Select<quesito::Entity> {
    let mut query = visible(scope);
    if let Some(statuses) = &filter.statuses {
        query = query.filter(quesito::Column::Status.is_in(statuses.iter().copied()));
    }
    if let Some(section) = filter.section {
        query = query.filter(quesito::Column::Section.eq(section));
    }
    if let Some(cric) = filter.cric_id {
        query = query.filter(quesito::Column::UnitId.eq(cric));
    }
    if let Some(classification) = filter.classification_id {
        query = query.filter(quesito::Column::ClassificationId.eq(classification));
    }
    if let Some(overdue) = filter.overdue {
        let now = filter.now.unwrap_or_else(Utc::now);
        let open = QuesitoStatus::OPEN;
        let is_overdue = Condition::all().add(quesito::Column::Status.is_in(open)).add(quesito::Column::DueAt.lt(now));
        query = query.filter(if overdue { is_overdue } else { is_overdue.not() });
    }
    if let Some(code) = &filter.citizen_fiscal_code {
        query = query.filter(quesito::Column::CitizenFiscalCode.eq(code.as_str()));
    }
    if let Some(text) = &filter.text {
        let pattern = format!("%{}%", escape_like(&text.to_lowercase()));
        query = query.filter(
            Condition::any()
                .add(
                    Expr::expr(Func::lower(Expr::col((quesito::Entity, quesito::Column::Subject))))
                        .like(sea_orm::sea_query::LikeExpr::new(pattern.clone()).escape('\\')),
                )
                .add(
                    Expr::expr(Func::lower(Expr::col((quesito::Entity, quesito::Column::Question))))
                        .like(sea_orm::sea_query::LikeExpr::new(pattern).escape('\\')),
                ),
        );
    }
    query
}

/// `%`, `_` and the escape character itself match literally.
fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Newest first, keyset-paginated by id (UUIDv7).
pub async fn list(
    scope: &Scope,
    filter: &QuesitoFilter,
    before: Option<Uuid>,
    limit: u64,
) -> AppResult<Vec<quesito::Model>> {
    let mut query = filtered(scope, filter);
    if let Some(before) = before {
        query = query.filter(paging::after_id((quesito::Entity, quesito::Column::Id), before, Direction::Descending));
    }
    Ok(query.order_by_desc(quesito::Column::Id).limit(limit).all(scope.db()).await?)
}

pub async fn count(scope: &Scope, filter: &QuesitoFilter) -> AppResult<u64> {
    Ok(filtered(scope, filter).count(scope.db()).await?)
}

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

/// The central directorate of the national root that `cric_path` lies under,
/// within the caller's `quesito:route` reach.
pub async fn central_directorate_for(scope: &Scope, cric_path: &str) -> AppResult<Option<org_unit::Model>> {
    let root = root_prefix(cric_path);
    Ok(org_unit::Entity::find()
        .filter(org_unit::Column::Kind.eq("CENTRAL_DIRECTORATE"))
        .filter(org_unit::Column::Path.starts_with(root.as_str()))
        .filter(
            scope.units_for(Action::QuesitoRoute).path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))),
        )
        .order_by_asc(org_unit::Column::Path)
        .one(scope.db())
        .await?)
}

/// `/IT/SAR/CRIC/` → `/IT/`.
fn root_prefix(path: &str) -> String {
    path.split('/').nth(1).map_or_else(|| "/".to_owned(), |seg| format!("/{seg}/"))
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

pub struct NewEvent<'a> {
    pub quesito_id: Uuid,
    pub from: Option<QuesitoStatus>,
    pub to: QuesitoStatus,
    pub actor_id: Uuid,
    pub actor_username: &'a str,
    pub acting_role: Option<&'a str>,
    pub note: Option<String>,
    pub at: DateTime<Utc>,
}

pub async fn insert_event(conn: &impl ConnectionTrait, e: NewEvent<'_>) -> AppResult<()> {
    quesito_event::Entity::insert(quesito_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        quesito_id: Set(e.quesito_id),
        from_status: Set(e.from),
        to_status: Set(e.to),
        actor_id: Set(e.actor_id),
        actor_username: Set(e.actor_username.to_owned()),
        acting_role: Set(e.acting_role.map(str::to_owned)),
        note: Set(e.note),
        occurred_at: Set(e.at),
    })
    .exec(conn)
    .await?;
    Ok(())
}

impl Versioned for quesito::Entity {
    const ID: quesito::Column = quesito::Column::Id;
    const VERSION: quesito::Column = quesito::Column::Version;
    const UPDATED_AT: quesito::Column = quesito::Column::UpdatedAt;
    const CHANGED: (&'static str, &'static str) = ("Il quesito è stato modificato", "The quesito was changed");
}

impl Versioned for quesito_classification::Entity {
    const ID: quesito_classification::Column = quesito_classification::Column::Id;
    const VERSION: quesito_classification::Column = quesito_classification::Column::Version;
    const UPDATED_AT: quesito_classification::Column = quesito_classification::Column::UpdatedAt;
    const CHANGED: (&'static str, &'static str) =
        ("La classificazione è stata modificata", "The classification was changed");
}

impl Versioned for quesito_sla::Entity {
    const ID: quesito_sla::Column = quesito_sla::Column::Id;
    const VERSION: quesito_sla::Column = quesito_sla::Column::Version;
    const UPDATED_AT: quesito_sla::Column = quesito_sla::Column::UpdatedAt;
    const CHANGED: (&'static str, &'static str) = ("SLA modificato", "SLA changed");
}

// ---- classifications -------------------------------------------------------

/// Classifications that apply to quesiti of the CRIC at `cric_path` (owned by
/// the national root or by the regional directorate above it), by code.
/// Callers establish first that the caller may reach that CRIC.
pub async fn classifications_for_cric(
    conn: &impl ConnectionTrait,
    cric_path: &str,
    section: Option<Section>,
    include_inactive: bool,
    after: Option<Uuid>,
    limit: u64,
) -> AppResult<Vec<quesito_classification::Model>> {
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
    if let Some(after) = after {
        let id = (quesito_classification::Entity, quesito_classification::Column::Id);
        query = query.filter(paging::after_id(id, after, Direction::Ascending));
    }
    Ok(query.order_by_asc(quesito_classification::Column::Id).limit(limit).all(conn).await?)
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

// ---- figures -------------------------------------------------------------

/// Per-section counts over the quesiti the caller may see.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct SectionCounts {
    pub section: Section,
    /// Open now (NEW, IN_PROGRESS, FORWARDED_CENTRAL).
    pub backlog: i64,
    pub backlog_up_to_2_days: i64,
    pub backlog_3_to_5_days: i64,
    pub backlog_6_to_10_days: i64,
    pub backlog_over_10_days: i64,
    /// Open and past due now.
    pub overdue: i64,
    /// Filed in the period.
    pub filed: i64,
    /// Answered in the period.
    pub answered: i64,
    /// Answered in the period after their due date.
    pub answered_late: i64,
}

fn count_if(cond: Condition) -> Expr {
    Expr::expr(Func::count(Expr::case(cond, Expr::val(1))))
}

/// The instants a quesiti report covers, and the instant it is taken at
/// (unlike `monitoring::domain::Period`, which is a range of calendar days).
pub struct ReportWindow {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub now: DateTime<Utc>,
}

/// Backlog by age, SLA breaches and throughput per section, counted in SQL.
pub async fn section_counts(scope: &Scope, cric_id: Option<Uuid>, p: &ReportWindow) -> AppResult<Vec<SectionCounts>> {
    let col = |c: quesito::Column| Expr::col((quesito::Entity, c));
    let open = || col(quesito::Column::Status).is_in(QuesitoStatus::OPEN.iter().map(|s| s.as_str()));
    let days_ago = |d: i64| p.now - chrono::Duration::days(d);
    let open_filed = |newer_than: Option<i64>, older_than: Option<i64>| {
        let mut c = Condition::all().add(open());
        if let Some(d) = newer_than {
            c = c.add(col(quesito::Column::CreatedAt).gte(days_ago(d)));
        }
        if let Some(d) = older_than {
            c = c.add(col(quesito::Column::CreatedAt).lt(days_ago(d)));
        }
        c
    };
    let answered_in = || {
        Condition::all()
            .add(col(quesito::Column::Status).eq(QuesitoStatus::Answered.as_str()))
            .add(col(quesito::Column::AnsweredAt).gte(p.from))
            .add(col(quesito::Column::AnsweredAt).lt(p.to))
    };
    let mut query = visible(scope);
    if let Some(cric) = cric_id {
        query = query.filter(quesito::Column::UnitId.eq(cric));
    }
    Ok(query
        .select_only()
        .column(quesito::Column::Section)
        .expr_as(count_if(Condition::all().add(open())), "backlog")
        .expr_as(count_if(open_filed(Some(2), None)), "backlog_up_to_2_days")
        .expr_as(count_if(open_filed(Some(5), Some(2))), "backlog_3_to_5_days")
        .expr_as(count_if(open_filed(Some(10), Some(5))), "backlog_6_to_10_days")
        .expr_as(count_if(open_filed(None, Some(10))), "backlog_over_10_days")
        .expr_as(count_if(Condition::all().add(open()).add(col(quesito::Column::DueAt).lt(p.now))), "overdue")
        .expr_as(
            count_if(
                Condition::all()
                    .add(col(quesito::Column::CreatedAt).gte(p.from))
                    .add(col(quesito::Column::CreatedAt).lt(p.to)),
            ),
            "filed",
        )
        .expr_as(count_if(answered_in()), "answered")
        .expr_as(
            count_if(answered_in().add(col(quesito::Column::AnsweredAt).gt(col(quesito::Column::DueAt)))),
            "answered_late",
        )
        .group_by(quesito::Column::Section)
        .into_model::<SectionCounts>()
        .all(scope.db())
        .await?)
}

/// (section, filed at, answered at) of the quesiti answered in the period.
pub async fn answer_times(
    scope: &Scope,
    cric_id: Option<Uuid>,
    p: &ReportWindow,
) -> AppResult<Vec<(Section, DateTime<Utc>, Option<DateTime<Utc>>)>> {
    let mut query = visible(scope)
        .filter(quesito::Column::Status.eq(QuesitoStatus::Answered))
        .filter(quesito::Column::AnsweredAt.gte(p.from))
        .filter(quesito::Column::AnsweredAt.lt(p.to));
    if let Some(cric) = cric_id {
        query = query.filter(quesito::Column::UnitId.eq(cric));
    }
    Ok(query
        .select_only()
        .column(quesito::Column::Section)
        .column(quesito::Column::CreatedAt)
        .column(quesito::Column::AnsweredAt)
        .into_tuple()
        .all(scope.db())
        .await?)
}

/// (classification id, quesiti filed in the period) for the visible quesiti.
pub async fn classification_counts(
    scope: &Scope,
    cric_id: Option<Uuid>,
    p: &ReportWindow,
) -> AppResult<Vec<(Uuid, i64)>> {
    let mut query =
        visible(scope).filter(quesito::Column::CreatedAt.gte(p.from)).filter(quesito::Column::CreatedAt.lt(p.to));
    if let Some(cric) = cric_id {
        query = query.filter(quesito::Column::UnitId.eq(cric));
    }
    Ok(query
        .select_only()
        .column(quesito::Column::ClassificationId)
        .expr(Expr::expr(Func::count(Expr::col((quesito::Entity, quesito::Column::Id)))))
        .group_by(quesito::Column::ClassificationId)
        .into_tuple()
        .all(scope.db())
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ancestors_run_from_the_root_down_to_the_unit_itself() {
        assert_eq!(ancestor_paths("/IT/SAR/CRIC/"), vec!["/IT/", "/IT/SAR/", "/IT/SAR/CRIC/"]);
        assert_eq!(root_prefix("/IT/SAR/CRIC/"), "/IT/");
    }

    #[test]
    fn like_wildcards_in_search_text_match_literally() {
        assert_eq!(escape_like("50%_a\\b"), "50\\%\\_a\\\\b");
    }
}
