//! Callback requests storage, within the caller's scope.

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use entities::{callback_request, org_unit, person, role_assignment};

use super::domain::CallbackStatus;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::ids::CallbackId;
use crate::kernel::paging::{self, Direction};
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

pub async fn list(
    scope: &Scope,
    unit_id: Option<Uuid>,
    status: Option<CallbackStatus>,
    after: Option<Uuid>,
    limit: u64,
) -> AppResult<Vec<callback_request::Model>> {
    let mut query = callback_request::Entity::find().filter(visible(scope));
    if let Some(unit) = unit_id {
        query = query.filter(callback_request::Column::UnitId.eq(unit));
    }
    if let Some(status) = status {
        query = query.filter(callback_request::Column::Status.eq(status.as_str()));
    }
    if let Some(after) = after {
        query = query.filter(paging::after_id(
            (callback_request::Entity, callback_request::Column::Id),
            after,
            Direction::Ascending,
        ));
    }
    Ok(query.order_by_asc(callback_request::Column::Id).limit(limit).all(scope.db()).await?)
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
    Ok(person::Entity::find()
        .filter(person::Column::Username.eq(username))
        .filter(person::Column::Active.eq(true))
        .filter(Expr::col((person::Entity, person::Column::Id)).in_subquery(staff))
        .one(scope.db())
        .await?)
}

pub async fn insert(conn: &impl ConnectionTrait, m: &callback_request::Model) -> AppResult<()> {
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
        version: Set(m.version),
        created_at: Set(m.created_at),
        updated_at: Set(m.updated_at),
    })
    .exec(conn)
    .await?;
    Ok(())
}

impl crate::kernel::versioned::Versioned for callback_request::Entity {
    const ID: callback_request::Column = callback_request::Column::Id;
    const VERSION: callback_request::Column = callback_request::Column::Version;
    const UPDATED_AT: callback_request::Column = callback_request::Column::UpdatedAt;
    const CHANGED: (&'static str, &'static str) = ("La richiesta è stata modificata", "The request was changed");
}

pub async fn reload(conn: &impl ConnectionTrait, id: Uuid) -> AppResult<callback_request::Model> {
    callback_request::Entity::find_by_id(id).one(conn).await?.ok_or_else(not_found)
}
