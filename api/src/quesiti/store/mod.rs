//! Storage of quesiti, their events, classifications and SLA overrides:
//! here the quesiti themselves; the units they hang from in `units`, the
//! classifications and SLA in `config`, the figures in `figures`.
//!
//! A quesito belongs to three units at once: the CRIC that handles it
//! (`unit_id`), the CCM unit that filed it (`filed_by_unit_id`) and, once
//! forwarded, the central directorate (`forwarded_to_unit_id`). Whoever may
//! `quesito:read` on any of the three sees it, within the section their
//! assignment is narrowed to, in the SQL of every read.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, ExprTrait, FromQueryResult,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Select,
};
use uuid::Uuid;

use entities::{quesito, quesito_classification, quesito_event, quesito_sla};

use super::domain::{Priority, QuesitoOrder, QuesitoStatus, Section, urgency_rank};
use crate::error::AppResult;
use crate::kernel::ids::QuesitoId;
use crate::kernel::paging::{self, CursorKey, Direction, Page};
use crate::kernel::reach::Reach;
use crate::kernel::sorting::ListTotal;
use crate::kernel::versioned::Versioned;
use crate::tenancy::Scope;

mod config;
mod continuity;
mod figures;
pub mod page_levels;
mod units;

pub use config::*;
pub use continuity::*;
pub use figures::*;
pub use units::*;

/// Rows of `quesito` the caller may read (declared in [`crate::kernel::visibility`]).
pub fn visible_condition(scope: &Scope) -> Condition {
    crate::kernel::visibility::visible::<quesito::Entity>(scope)
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
    /// Only those proposed to this expert (continuity).
    pub proposed_to: Option<Uuid>,
    /// Only those this expert holds.
    pub taken_by: Option<Uuid>,
    pub now: Option<DateTime<Utc>>,
}

impl QuesitoFilter {
    /// Whether anything but the caller's visibility narrows the list.
    pub fn narrows(&self) -> bool {
        let QuesitoFilter {
            statuses,
            section,
            cric_id,
            classification_id,
            overdue,
            citizen_fiscal_code,
            text,
            proposed_to,
            taken_by,
            now: _,
        } = self;
        statuses.is_some()
            || section.is_some()
            || cric_id.is_some()
            || classification_id.is_some()
            || overdue.is_some()
            || citizen_fiscal_code.is_some()
            || text.is_some()
            || proposed_to.is_some()
            || taken_by.is_some()
    }
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
        let is_overdue = overdue_condition(filter.now.unwrap_or_else(Utc::now));
        query = query.filter(if overdue { is_overdue } else { is_overdue.not() });
    }
    if let Some(expert) = filter.proposed_to {
        query = query.filter(quesito::Column::ProposedToId.eq(expert));
    }
    if let Some(expert) = filter.taken_by {
        query = query.filter(quesito::Column::TakenById.eq(expert));
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

/// A page of the list in `order`, keyset-paginated: newest first by id
/// (UUIDv7), or the CRIC queue's order ([`QuesitoOrder::DueFirst`]): by due
/// date, then urgency, then id. On PostgreSQL the nested `levels` its nodes
/// ask for come in the same statement ([`page_levels`]).
pub async fn list(
    scope: &Scope,
    filter: &QuesitoFilter,
    order: QuesitoOrder,
    page: &Page,
    levels: page_levels::Levels,
) -> AppResult<(Vec<quesito::Model>, page_levels::LoadedLevels)> {
    let mut query = filtered(scope, filter);
    let id = (quesito::Entity, quesito::Column::Id);
    match order {
        QuesitoOrder::NewestFirst => {
            if let Some(before) = page.after_key::<Uuid>()? {
                query = query.filter(paging::after_id(id, before, Direction::Descending));
            }
            query = query.order_by_desc(quesito::Column::Id);
        }
        QuesitoOrder::DueFirst => {
            if let Some(last) = page.after_key::<DueKey>()? {
                query = query.filter(last.rows_after());
            }
            query =
                query.order_by_asc(quesito::Column::DueAt).order_by_asc(urgency()).order_by_asc(quesito::Column::Id);
        }
    }
    let query = query.limit(page.fetch_limit());
    // Narrowed only by visibility, a page has one plan whatever the caller:
    // the order's index walked backwards or forwards, each row checked
    // against the caller's units, whose selectivity PostgreSQL cannot see
    // through either way (the same plan for a CRIC and for the nation,
    // docs/performance.md). Planned once per connection it saves planning
    // the policies' sub-queries at every request (0.7 ms flat, 1.7 ms nested).
    // Filters keep `auto`: their best index depends on their values.
    let reach = if filter.narrows() { Reach::current() } else { Reach::current().with_generic_plans() };
    if !levels.any() || scope.db().get_database_backend() != DbBackend::Postgres {
        return Ok((reach.run(query.all(scope.db())).await?, page_levels::LoadedLevels::default()));
    }
    let statement = page_levels::with_levels(query.build(DbBackend::Postgres), levels);
    let rows = reach.run(page_levels::RowWithLevels::find_by_statement(statement).all(scope.db())).await?;
    Ok(page_levels::split(rows, levels, |a, b| in_order(order, a, b))?)
}

/// How `order` sorts two quesiti, as its SQL does.
fn in_order(order: QuesitoOrder, a: &quesito::Model, b: &quesito::Model) -> std::cmp::Ordering {
    match order {
        QuesitoOrder::NewestFirst => b.id.cmp(&a.id),
        QuesitoOrder::DueFirst => DueKey::of(a).cmp(&DueKey::of(b)),
    }
}

/// A quesito's [`urgency_rank`] in SQL.
fn urgency() -> Expr {
    let priority = || Expr::col((quesito::Entity, quesito::Column::Priority));
    let mut rank = sea_orm::sea_query::CaseStatement::new();
    for &p in Priority::ALL {
        rank = rank.case(priority().eq(p.as_str()), urgency_rank(p));
    }
    rank.finally(i64::MAX).into()
}

/// The CRIC queue's cursor: the row's due time, urgency and id. Compared
/// field by field, in this order, as the queue's SQL sorts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct DueKey {
    due: DateTime<Utc>,
    urgency: i64,
    id: Uuid,
}

impl DueKey {
    fn of(q: &quesito::Model) -> Self {
        DueKey { due: q.due_at, urgency: urgency_rank(q.priority), id: q.id }
    }

    /// Rows after this one: due later, or due together and less urgent, or as urgent and filed later.
    fn rows_after(self) -> Condition {
        let due = || Expr::col((quesito::Entity, quesito::Column::DueAt));
        let tied = Condition::any().add(urgency().gt(self.urgency)).add(
            Condition::all()
                .add(urgency().eq(self.urgency))
                .add(Expr::col((quesito::Entity, quesito::Column::Id)).gt(self.id)),
        );
        Condition::any().add(due().gt(self.due)).add(Condition::all().add(due().eq(self.due)).add(tied))
    }
}

impl CursorKey for DueKey {
    fn to_key(&self) -> String {
        format!("{}|{}|{}", self.due.to_key(), self.urgency, self.id)
    }
    fn from_key(key: &str) -> Option<Self> {
        let mut parts = key.split('|');
        let key = DueKey {
            due: DateTime::<Utc>::from_key(parts.next()?)?,
            urgency: parts.next()?.parse().ok()?,
            id: Uuid::parse_str(parts.next()?).ok()?,
        };
        parts.next().is_none().then_some(key)
    }
}

/// The cursor key of `q` in a list in `order` (what [`list`] reads back from `after`).
pub fn cursor_key(order: QuesitoOrder, q: &quesito::Model) -> String {
    match order {
        QuesitoOrder::NewestFirst => q.id.to_key(),
        QuesitoOrder::DueFirst => DueKey::of(q).to_key(),
    }
}

/// The list's `totalCount`: the quesiti the filter matches, counted when asked for.
pub fn total(scope: &Scope, filter: &QuesitoFilter) -> ListTotal {
    ListTotal::counting(scope, filtered(scope, filter))
}

pub async fn count(scope: &Scope, filter: &QuesitoFilter) -> AppResult<u64> {
    Ok(filtered(scope, filter).count(scope.db()).await?)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_wildcards_in_search_text_match_literally() {
        assert_eq!(escape_like("50%_a\\b"), "50\\%\\_a\\\\b");
    }

    #[test]
    fn the_cric_queue_cursor_round_trips_and_an_older_cursor_is_refused() {
        let due = DateTime::parse_from_rfc3339("2026-12-24T22:59:59Z").unwrap().with_timezone(&Utc);
        let key = DueKey { due, urgency: 1, id: Uuid::now_v7() };
        assert_eq!(DueKey::from_key(&key.to_key()), Some(key));
        assert_eq!(DueKey::from_key(&(due, key.id).to_key()), None, "a (due, id) cursor of before the tie-break");
    }
}
