//! Follow-up mutations: opened inside the operation that leaves the work (a
//! counter session, a precall), closed and assigned by the office.

use chrono::{DateTime, Utc};
use serde_json::json;
use uuid::Uuid;

use entities::follow_up::{self, Column as C};
use entities::{appointment, org_unit};

use super::domain::{self, FollowUpOrigin, FollowUpStatus};
use super::store;
use crate::appointments::domain::rome_date;
use crate::audit::AuditRecord;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::versioned::{Changes, update_versioned};
use crate::tenancy::Scope;

/// Opens the item a booking's outcome leaves to do, in `op` (the counter
/// session's or the precall's own write), assigned to whoever recorded it.
/// Once per booking and origin: recording the outcome again opens nothing.
pub async fn open_for(
    op: &Operation<'_>,
    booking: &appointment::Model,
    office: &org_unit::Model,
    origin: FollowUpOrigin,
    protocol_number: Option<String>,
    now: DateTime<Utc>,
) -> AppResult<Option<follow_up::Model>> {
    if store::for_appointment(op, booking.id, origin).await?.is_some() {
        return Ok(None);
    }
    let calendar = crate::calendar::calendar_of(op, office).await?;
    let due_on = domain::due_on(&calendar, rome_date(now));
    let me = op.scope().person_id();
    let row = follow_up::Model {
        id: Uuid::now_v7(),
        unit_id: office.id,
        appointment_id: Some(booking.id),
        origin,
        citizen_fiscal_code: booking.fiscal_code.clone(),
        citizen_name: booking.citizen_name.clone(),
        protocol_number,
        assignee_id: Some(me),
        status: FollowUpStatus::Open,
        due_on,
        outcome: None,
        closed_at: None,
        closed_by_id: None,
        created_by_id: me,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    store::insert(op, &row).await?;
    op.audit(
        AuditRecord::new("follow_up.open")
            .record("follow_up", row.id.to_string())
            .unit(office.id)
            .detail(json!({ "origin": origin.as_str(), "appointment": booking.id, "dueOn": due_on })),
    )
    .await?;
    Ok(Some(row))
}

async fn load(scope: &Scope, id: Uuid, version: i32) -> AppResult<(follow_up::Model, org_unit::Model)> {
    let not_found = || AppError::not_found("Attività non trovata", "Follow-up item not found");
    let item = store::by_id(scope, id).await?.ok_or_else(not_found)?;
    if item.version != version {
        return Err(crate::kernel::versioned::conflict::<follow_up::Entity>());
    }
    let unit = crate::org::store::by_ids(scope, &[item.unit_id]).await?.into_iter().next().ok_or_else(not_found)?;
    Ok((item, unit))
}

/// Closes an open item: `Done` with what was done, `Cancelled` with why. Its
/// assignee closes it, and so do those who assign the office's work.
pub async fn close(
    scope: &Scope,
    id: Uuid,
    version: i32,
    to: FollowUpStatus,
    outcome: &str,
) -> AppResult<follow_up::Model> {
    let (item, unit) = load(scope, id, version).await?;
    let outcome = domain::close(item.status, to, outcome)?;
    let acting = match scope.authorize(Action::AppointmentAssign, &unit.path) {
        Ok(a) => a,
        Err(_) if item.assignee_id == Some(scope.person_id()) => {
            scope.authorize(Action::AppointmentWork, &unit.path)?
        }
        Err(e) => return Err(e),
    };
    let op = Operation::begin(scope, acting).await?;
    let changes = Changes::new()
        .set(C::Status, to)
        .set(C::Outcome, outcome)
        .set(C::ClosedAt, Utc::now())
        .set(C::ClosedById, scope.person_id());
    update_versioned::<follow_up::Entity>(&op, id, version, changes).await?;
    let action = if to == FollowUpStatus::Done { "follow_up.done" } else { "follow_up.cancel" };
    op.audit(AuditRecord::new(action).record("follow_up", id.to_string()).unit(unit.id)).await?;
    let updated = store::reload(&op, id).await?;
    op.commit().await?;
    Ok(updated)
}

/// Gives an open item to a member of the office's staff.
pub async fn assign(scope: &Scope, id: Uuid, version: i32, username: &str) -> AppResult<follow_up::Model> {
    let (item, unit) = load(scope, id, version).await?;
    if item.status != FollowUpStatus::Open {
        return Err(crate::kernel::messages::follow_up_already_closed());
    }
    let acting = scope.authorize(Action::AppointmentAssign, &unit.path)?;
    let person = crate::callbacks::store::staff_under(scope, &unit, username.trim())
        .await?
        .ok_or_else(|| crate::kernel::messages::not_office_staff("username"))?;
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<follow_up::Entity>(&op, id, version, Changes::new().set(C::AssigneeId, person.id)).await?;
    op.audit(
        AuditRecord::new("follow_up.assign")
            .record("follow_up", id.to_string())
            .unit(unit.id)
            .detail(json!({ "assignee": person.username })),
    )
    .await?;
    let updated = store::reload(&op, id).await?;
    op.commit().await?;
    Ok(updated)
}
