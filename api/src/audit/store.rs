use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Select};
use uuid::Uuid;

use entities::audit_event;

use super::domain::{Actor, AuditRecord};
use crate::authz::Action;
use crate::error::AppResult;
use crate::kernel::paging::{Direction, Page};
use crate::kernel::sorting::{self, ListTotal, Sort, SortField};
use crate::tenancy::Scope;

/// Appends one event about what the caller of `scope` did under `acting`,
/// inside `conn` (the operation's transaction).
pub async fn record_as(
    conn: &impl ConnectionTrait,
    scope: &Scope,
    acting: &crate::auth::Assignment,
    rec: AuditRecord,
) -> AppResult<()> {
    record(conn, &Actor::acting_as(scope.principal(), acting), rec, scope.request_id()).await
}

/// Audits a search of records by a citizen's fiscal code (a read of personal data), recorded
/// as `action` under the first assignment that grants `read` — the role and unit the caller
/// searched under — so the auditors and directors of that unit see it.
pub async fn record_citizen_lookup(scope: &Scope, read: Action, action: &str, fiscal_code: &str) -> AppResult<()> {
    let acting = scope
        .principal()
        .assignments
        .iter()
        .filter_map(|a| a.unit_path())
        .find_map(|path| scope.authorize(read, path).ok());
    let actor = match acting {
        Some(a) => Actor::acting_as(scope.principal(), a),
        None => Actor::from_principal(scope.principal()),
    };
    record(scope.db(), &actor, AuditRecord::new(action).record("citizen", fiscal_code), scope.request_id()).await
}

/// Appends one event. Call it inside the same transaction as the change it
/// records, so there is never a change without its event.
pub async fn record(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    rec: AuditRecord,
    request_id: Option<&str>,
) -> AppResult<()> {
    audit_event::Entity::insert(audit_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        occurred_at: Set(Utc::now()),
        actor_id: Set(actor.id),
        actor_username: Set(actor.username.clone()),
        acting_role: Set(actor.role.map(str::to_owned)),
        acting_unit_id: Set(actor.unit_id),
        unit_id: Set(rec.unit_id),
        action: Set(rec.action),
        record_type: Set(rec.record_type),
        record_id: Set(rec.record_id),
        detail: Set(rec.detail.map(|d| d.to_string())),
        request_id: Set(request_id.map(str::to_owned)),
    })
    // No RETURNING: on PostgreSQL it would require the event to be visible to
    // its writer (row-level security), and the id is ours already.
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// Appends several events in one statement (e.g. the personal-data reads of
/// a page of records), in the caller's transaction or connection.
pub async fn record_many(
    conn: &impl ConnectionTrait,
    events: Vec<(Actor, AuditRecord)>,
    request_id: Option<&str>,
) -> AppResult<()> {
    if events.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let rows = events.into_iter().map(|(actor, rec)| audit_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        occurred_at: Set(now),
        actor_id: Set(actor.id),
        actor_username: Set(actor.username),
        acting_role: Set(actor.role.map(str::to_owned)),
        acting_unit_id: Set(actor.unit_id),
        unit_id: Set(rec.unit_id),
        action: Set(rec.action),
        record_type: Set(rec.record_type),
        record_id: Set(rec.record_id),
        detail: Set(rec.detail.map(|d| d.to_string())),
        request_id: Set(request_id.map(str::to_owned)),
    });
    audit_event::Entity::insert_many(rows).exec_without_returning(conn).await?;
    Ok(())
}

#[derive(Default)]
pub struct AuditFilter {
    pub unit_ids: Option<Vec<Uuid>>,
    pub actor: Option<String>,
    pub action: Option<String>,
    pub record_type: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// What the audit trail can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditEventOrderField {
    OccurredAt,
    Actor,
    Action,
}

impl SortField for AuditEventOrderField {
    type Column = audit_event::Column;
    fn name(self) -> &'static str {
        match self {
            AuditEventOrderField::OccurredAt => "occurredAt",
            AuditEventOrderField::Actor => "actor",
            AuditEventOrderField::Action => "action",
        }
    }
    fn column(self) -> audit_event::Column {
        match self {
            AuditEventOrderField::OccurredAt => audit_event::Column::OccurredAt,
            AuditEventOrderField::Actor => audit_event::Column::ActorUsername,
            AuditEventOrderField::Action => audit_event::Column::Action,
        }
    }
}

/// The trail's order: as picked, else newest first.
pub fn audit_sort(picked: Option<(AuditEventOrderField, Direction)>) -> Sort<audit_event::Column> {
    Sort::pick(picked, (AuditEventOrderField::OccurredAt, Direction::Descending))
}

/// A page of the events the caller may read, in `sort`'s order, and their total.
/// An event belongs to the unit of its record or, failing that, to the unit
/// the actor acted on (for sign-ins: the person's first assignment's unit).
pub async fn list(
    scope: &Scope,
    filter: AuditFilter,
    sort: &Sort<audit_event::Column>,
    page: &Page,
) -> AppResult<(Vec<audit_event::Model>, ListTotal)> {
    sorting::page_of(scope, matching(scope, filter), sort, audit_event::Column::Id, page).await
}

fn matching(scope: &Scope, filter: AuditFilter) -> Select<audit_event::Entity> {
    let units = scope.units_for(Action::AuditRead);
    let mut visible = Condition::any()
        .add(units.unit_id_condition(Expr::col((audit_event::Entity, audit_event::Column::UnitId))))
        .add(
            Condition::all()
                .add(audit_event::Column::UnitId.is_null())
                .add(units.unit_id_condition(Expr::col((audit_event::Entity, audit_event::Column::ActingUnitId)))),
        );
    if units.includes_a_root() {
        // Events tied to no unit (e.g. a failed sign-in with an unknown username).
        visible = visible.add(
            Condition::all()
                .add(audit_event::Column::UnitId.is_null())
                .add(audit_event::Column::ActingUnitId.is_null()),
        );
    }
    let mut query = audit_event::Entity::find().filter(visible);
    if let Some(ids) = filter.unit_ids {
        query = query.filter(audit_event::Column::UnitId.is_in(ids));
    }
    if let Some(actor) = filter.actor {
        query = query.filter(audit_event::Column::ActorUsername.eq(actor));
    }
    if let Some(action) = filter.action {
        query = query.filter(audit_event::Column::Action.eq(action));
    }
    if let Some(record_type) = filter.record_type {
        query = query.filter(audit_event::Column::RecordType.eq(record_type));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_event::Column::OccurredAt.gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(audit_event::Column::OccurredAt.lt(to));
    }
    query
}
