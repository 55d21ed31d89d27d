//! Callback requests storage, within the caller's scope.

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use entities::{callback_attempt, callback_request, org_unit, person, role_assignment};

use super::domain::CallbackStatus;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::ids::CallbackId;
use crate::kernel::paging::{Direction, Page};
use crate::kernel::sorting::{self, ListTotal, Sort, SortField};
use crate::services::domain::OFFICE_STAFF;
use crate::tenancy::Scope;

/// Readers of the unit, the unit that filed the request (CCM), and the person
/// it is assigned to (declared in [`crate::kernel::visibility`]).
pub fn visible(scope: &Scope) -> Condition {
    crate::kernel::visibility::visible::<callback_request::Entity>(scope)
}

/// The caller's own staff assignment under which they work what is assigned
/// to them personally (`action` on the unit they hold it on).
pub fn own_grant(scope: &Scope, action: Action) -> Option<&crate::auth::Assignment> {
    scope.principal().assignments.iter().find(|a| a.unit_path().is_some_and(|p| scope.authorize(action, p).is_ok()))
}

pub fn not_found() -> AppError {
    crate::kernel::messages::callback_not_found()
}

pub async fn find(scope: &Scope, id: CallbackId) -> AppResult<Option<callback_request::Model>> {
    Ok(callback_request::Entity::find_by_id(id).filter(visible(scope)).one(scope.db()).await?)
}

/// What a list of callback requests is narrowed to.
#[derive(Clone, Copy, Debug, Default)]
pub struct Filter {
    pub unit_id: Option<Uuid>,
    pub status: Option<CallbackStatus>,
}

fn filtered(scope: &Scope, f: Filter) -> sea_orm::Select<callback_request::Entity> {
    let mut query = callback_request::Entity::find().filter(visible(scope));
    if let Some(unit) = f.unit_id {
        query = query.filter(callback_request::Column::UnitId.eq(unit));
    }
    if let Some(status) = f.status {
        query = query.filter(callback_request::Column::Status.eq(status.as_str()));
    }
    query
}

/// What the list of callback requests can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallbackOrderField {
    RequestedAt,
    AvailableFrom,
}

impl SortField for CallbackOrderField {
    type Column = callback_request::Column;
    fn name(self) -> &'static str {
        match self {
            CallbackOrderField::RequestedAt => "requestedAt",
            CallbackOrderField::AvailableFrom => "availableFrom",
        }
    }
    fn column(self) -> callback_request::Column {
        match self {
            CallbackOrderField::RequestedAt => callback_request::Column::RequestedAt,
            CallbackOrderField::AvailableFrom => callback_request::Column::AvailableFrom,
        }
    }
}

/// The list's order: as picked, else by when the citizen asked, oldest first (the queue's order).
pub fn callback_sort(picked: Option<(CallbackOrderField, Direction)>) -> Sort<callback_request::Column> {
    Sort::pick(picked, (CallbackOrderField::RequestedAt, Direction::Ascending))
}

/// A page of requests in `sort`'s order, and the list's total.
pub async fn list(
    scope: &Scope,
    f: Filter,
    sort: &Sort<callback_request::Column>,
    page: &Page,
) -> AppResult<(Vec<callback_request::Model>, ListTotal)> {
    sorting::page_of(scope, filtered(scope, f), sort, callback_request::Column::Id, page).await
}

/// Requests assigned to the person and not done, by when they may be served.
pub async fn assigned_to(scope: &Scope, person_id: Uuid, limit: u64) -> AppResult<Vec<callback_request::Model>> {
    Ok(callback_request::Entity::find()
        .filter(visible(scope))
        .filter(callback_request::Column::AssigneeId.eq(person_id))
        .filter(callback_request::Column::Status.eq(CallbackStatus::Assigned.as_str()))
        .order_by_asc(callback_request::Column::AvailableFrom)
        .order_by_asc(callback_request::Column::Id)
        .limit(limit)
        .all(scope.db())
        .await?)
}

/// A provincial directorate or office reachable for `action`.
pub async fn unit_for(scope: &Scope, action: Action, code: &str) -> AppResult<org_unit::Model> {
    use crate::org::domain::UnitKind;
    let units = scope.units_for(action);
    org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq(code.trim()))
        .filter(
            org_unit::Column::Kind
                .is_in([UnitKind::ProvincialDirectorate.as_str(), UnitKind::TerritorialOffice.as_str()]),
        )
        .filter(units.path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))))
        .one(scope.db())
        .await?
        .ok_or_else(|| AppError::not_found("Unità non trovata", "Unit not found"))
}

/// Staff (operator, coordinator, director) of the unit or of an office under it.
pub async fn staff_under(scope: &Scope, unit: &org_unit::Model, username: &str) -> AppResult<Option<person::Model>> {
    Ok(person::Entity::find()
        .filter(person::Column::Username.eq(username))
        .filter(staff_condition(scope, unit))
        .one(scope.db())
        .await?)
}

/// Every active staff member a request of `unit` may be assigned to, by name.
pub async fn staff_list_under(scope: &Scope, unit: &org_unit::Model) -> AppResult<Vec<person::Model>> {
    Ok(person::Entity::find()
        .filter(staff_condition(scope, unit))
        .order_by_asc(person::Column::DisplayName)
        .order_by_asc(person::Column::Username)
        .all(scope.db())
        .await?)
}

/// Active people holding a staff role on the unit or under it, within the caller's assign reach.
fn staff_condition(scope: &Scope, unit: &org_unit::Model) -> Condition {
    let reach = scope.units_for(Action::CallbackAssign);
    let mut units_under = Query::select();
    units_under
        .column(org_unit::Column::Id)
        .from(org_unit::Entity)
        .cond_where(Expr::col(org_unit::Column::Path).like(format!("{}%", unit.path)));
    let mut staff = Query::select();
    staff.column(role_assignment::Column::PersonId).from(role_assignment::Entity).cond_where(
        Condition::all()
            .add(Expr::col(role_assignment::Column::Role).is_in(OFFICE_STAFF.map(|r| r.as_str())))
            .add(Expr::col((role_assignment::Entity, role_assignment::Column::UnitId)).in_subquery(units_under))
            .add(reach.unit_id_condition(Expr::col((role_assignment::Entity, role_assignment::Column::UnitId)))),
    );
    Condition::all()
        .add(person::Column::Active.eq(true))
        .add(Expr::col((person::Entity, person::Column::Id)).in_subquery(staff))
}

pub async fn insert(conn: &impl ConnectionTrait, m: &callback_request::Model) -> AppResult<()> {
    Ok(try_insert(conn, m).await?)
}

/// [`insert`], with the database's own error (to tell a duplicate call id).
pub async fn try_insert(conn: &impl ConnectionTrait, m: &callback_request::Model) -> Result<(), sea_orm::DbErr> {
    callback_request::Entity::insert(callback_request::ActiveModel {
        id: Set(m.id),
        unit_id: Set(m.unit_id),
        phone: Set(m.phone.clone()),
        topic: Set(m.topic.clone()),
        requested_at: Set(m.requested_at),
        available_from: Set(m.available_from),
        status: Set(m.status),
        assignee_id: Set(m.assignee_id),
        assigned_at: Set(m.assigned_at),
        attempts: Set(m.attempts),
        last_attempt_at: Set(m.last_attempt_at),
        outcome: Set(m.outcome),
        note: Set(m.note.clone()),
        requested_by_id: Set(m.requested_by_id),
        requested_by_unit_id: Set(m.requested_by_unit_id),
        call_id: Set(m.call_id.clone()),
        version: Set(m.version),
        created_at: Set(m.created_at),
        updated_at: Set(m.updated_at),
    })
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

impl crate::kernel::versioned::Versioned for callback_request::Entity {
    const ID: callback_request::Column = callback_request::Column::Id;
    const VERSION: callback_request::Column = callback_request::Column::Version;
    const UPDATED_AT: callback_request::Column = callback_request::Column::UpdatedAt;
    const CHANGED: (&'static str, &'static str) = ("La richiesta è stata modificata", "The request was changed");
}

pub async fn insert_attempt(conn: &impl ConnectionTrait, attempt: callback_attempt::Model) -> AppResult<()> {
    callback_attempt::Entity::insert(callback_attempt::ActiveModel::from(attempt)).exec_without_returning(conn).await?;
    Ok(())
}

/// The attempts of the requests among `ids` the caller may see, by request and number.
pub async fn attempts_of(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<callback_attempt::Model>> {
    let mut visible_ids = Query::select();
    visible_ids.column(callback_request::Column::Id).from(callback_request::Entity).cond_where(
        Condition::all().add(visible(scope)).add(Expr::col(callback_request::Column::Id).is_in(ids.iter().copied())),
    );
    Ok(callback_attempt::Entity::find()
        .filter(Expr::col(callback_attempt::Column::CallbackId).in_subquery(visible_ids))
        .order_by_asc(callback_attempt::Column::CallbackId)
        .order_by_asc(callback_attempt::Column::AttemptNumber)
        .all(scope.db())
        .await?)
}

/// The request filed for a telephony system's call, if any (no scope: the
/// caller is an IVR key, checked against the request's unit by the caller).
pub async fn by_call_id(conn: &impl ConnectionTrait, call_id: &str) -> AppResult<Option<callback_request::Model>> {
    Ok(callback_request::Entity::find().filter(callback_request::Column::CallId.eq(call_id)).one(conn).await?)
}

pub async fn reload(conn: &impl ConnectionTrait, id: Uuid) -> AppResult<callback_request::Model> {
    callback_request::Entity::find_by_id(id).one(conn).await?.ok_or_else(not_found)
}
