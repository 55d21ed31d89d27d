//! Precalls ("prechiamate"): assigning them, by hand or by load, and recording their outcome.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use serde_json::json;
use uuid::Uuid;

use entities::{appointment, person};

use crate::alerts::NewAlert;
use crate::appointments::domain::{
    self, AppointmentStatus, PrecallContext, PrecallOutcome, PrecallReason, PrecallResult, PrecallStatus,
};
use crate::appointments::store::{self, Changes};
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::ids::AppointmentId;
use crate::kernel::versioned::update_versioned;
use crate::services::store as services;
use crate::tenancy::Scope;

use super::{authorize_work, check_version, record};
use crate::appointments::queries::{load, office_for};
use appointment::Column as C;

/// Assigns (or reassigns) the precalls of these bookings to a staff member of
/// their office. All or nothing.
pub async fn assign_precalls(
    scope: &Scope,
    ids: &[AppointmentId],
    username: &str,
) -> AppResult<Vec<appointment::Model>> {
    if ids.is_empty() || ids.len() > 100 {
        return Err(AppError::bad_input("appointmentIds", "Da 1 a 100 prenotazioni", "Between 1 and 100 bookings"));
    }
    let mut unique: Vec<AppointmentId> = ids.to_vec();
    unique.sort();
    unique.dedup();
    let bookings = store::find_many(scope, &unique).await?;
    if bookings.len() != unique.len() {
        return Err(store::not_found());
    }
    let offices = crate::org::store::by_ids(scope, &bookings.iter().map(|a| a.unit_id).collect::<Vec<_>>()).await?;
    let mut plan = Vec::new();
    let mut assignees: HashMap<Uuid, person::Model> = HashMap::new();
    for a in &bookings {
        let office = offices.iter().find(|o| o.id == a.unit_id).ok_or_else(store::not_found)?;
        let acting = scope.authorize(Action::AppointmentAssign, &office.path)?;
        domain::can_assign_precall(a.status, a.precall_status, a.precall_outcome)?;
        let assignee = match assignees.get(&office.id) {
            Some(p) => p.clone(),
            None => {
                let p = services::staff_member(scope, scope.db(), Action::AppointmentAssign, office.id, username)
                    .await?
                    .ok_or_else(domain::not_office_staff)?;
                assignees.insert(office.id, p.clone());
                p
            }
        };
        plan.push((a, acting, assignee));
    }
    let now = Utc::now();
    // One operation for the batch, acting under the assignment that
    // authorised its first booking (each booking was authorised above).
    let Some(&(_, acting, _)) = plan.first() else { return Ok(Vec::new()) };
    let op = Operation::begin(scope, acting).await?;
    let mut out = Vec::new();
    for (a, _, assignee) in plan {
        let reassign = a.precall_assignee_id.is_some();
        // A reassignment after a failed attempt keeps the outcome history in the audit trail.
        let status =
            if a.precall_status == PrecallStatus::Done { PrecallStatus::Done } else { PrecallStatus::Assigned };
        update_versioned::<appointment::Entity>(
            &op,
            a.id,
            a.version,
            Changes::default()
                .set(C::PrecallAssigneeId, assignee.id)
                .set(C::PrecallAssignedAt, now)
                .set(C::PrecallStatus, status),
        )
        .await?;
        op.audit(
            record(if reassign { "appointment.precall_reassign" } else { "appointment.precall_assign" }, a)
                .detail(json!({ "assignee": assignee.username })),
        )
        .await?;
        op.alert(NewAlert::booking_assigned(a, assignee.id, "Prechiamata")).await?;
        out.push(store::reload(&op, a.id).await?);
    }
    op.commit().await?;
    Ok(out)
}

#[derive(Clone, Debug, Default)]
pub struct AutoAssignReport {
    pub assigned: Vec<(appointment::Model, String)>,
    /// Bookings left unassigned because no operator has the service's skill.
    pub without_skilled_operator: Vec<appointment::Model>,
}

/// Spreads the day's unassigned precalls over the office's operators who have
/// the service's skill: each goes to the one with the fewest open precalls
/// (ties by username), counting those just given.
pub async fn auto_assign_precalls(scope: &Scope, office_code: &str, day: NaiveDate) -> AppResult<AutoAssignReport> {
    let office = office_for(scope, Action::AppointmentAssign, office_code).await?;
    let acting = scope.authorize(Action::AppointmentAssign, &office.path)?;
    let today = domain::rome_date(Utc::now());
    let bookings = store::unassigned_precalls(scope, office.id, day).await?;
    let operators = services::operators_with_skills(scope, office.id).await?;
    let mut load: HashMap<Uuid, i64> = store::open_precall_load(scope, office.id, today).await?.into_iter().collect();
    let mut report = AutoAssignReport::default();
    let mut plan = Vec::new();
    for a in bookings {
        let best = operators
            .iter()
            .filter(|(_, skills)| skills.contains(&a.service_id))
            .min_by_key(|(p, _)| (load.get(&p.id).copied().unwrap_or(0), p.username.clone()));
        match best {
            Some((p, _)) => {
                *load.entry(p.id).or_default() += 1;
                plan.push((a, p.clone()));
            }
            None => report.without_skilled_operator.push(a),
        }
    }
    if plan.is_empty() {
        return Ok(report);
    }
    let now = Utc::now();
    let op = Operation::begin(scope, acting).await?;
    for (a, p) in plan {
        update_versioned::<appointment::Entity>(
            &op,
            a.id,
            a.version,
            Changes::default()
                .set(C::PrecallAssigneeId, p.id)
                .set(C::PrecallAssignedAt, now)
                .set(C::PrecallStatus, PrecallStatus::Assigned),
        )
        .await?;
        op.audit(record("appointment.precall_assign", &a).detail(json!({ "assignee": p.username, "automatic": true })))
            .await?;
        op.alert(NewAlert::booking_assigned(&a, p.id, "Prechiamata")).await?;
        report.assigned.push((store::reload(&op, a.id).await?, p.username));
    }
    op.commit().await?;
    Ok(report)
}

pub struct PrecallInput {
    pub outcome: PrecallOutcome,
    pub reason: Option<PrecallReason>,
    pub result: Option<PrecallResult>,
    pub note: Option<String>,
}

/// Records a precall outcome (by its assignee, or a supervisor).
pub async fn record_precall(
    scope: &Scope,
    id: AppointmentId,
    input: PrecallInput,
    version: Option<i32>,
) -> AppResult<appointment::Model> {
    let (a, office) = load(scope, id).await?;
    let acting = authorize_work(scope, &office, a.precall_assignee_id == Some(scope.person_id()))?;
    check_version(&a, version)?;
    let ctx = PrecallContext {
        status: a.status,
        precall_status: a.precall_status,
        previous_outcome: a.precall_outcome,
        has_phone: a.phone.is_some(),
        office_has_virtual_counter: office.virtual_counter,
    };
    let rec = domain::record_precall(ctx, input.outcome, input.reason, input.result, input.note.as_deref())?;
    let now = Utc::now();
    let mut changes = Changes::default()
        .set(C::PrecallStatus, PrecallStatus::Done)
        .set(C::PrecallOutcome, rec.outcome)
        .set(C::PrecallReason, rec.reason)
        .set(C::PrecallResult, rec.result)
        .set(C::PrecallNote, rec.note.clone())
        .set(C::PrecalledAt, a.precalled_at.unwrap_or(now))
        .set(C::Status, rec.status);
    if let Some(channel) = rec.channel {
        changes = changes.set(C::Channel, channel);
    }
    if rec.status == AppointmentStatus::Cancelled {
        changes = changes.set(C::CancelReason, "Annullato dal cittadino alla prechiamata").set(C::CancelledAt, now);
    }
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<appointment::Entity>(&op, a.id, a.version, changes).await?;
    // Reached: no reminder; cancelled by the citizen: no link either. A citizen
    // not reached (no phone, no answer) still gets the reminder 3 days before.
    if rec.outcome == PrecallOutcome::Positive || rec.status == AppointmentStatus::Cancelled {
        crate::appointments::notifications::withdraw(&op, &a, rec.status == AppointmentStatus::Cancelled).await?;
    }
    op.audit(record("appointment.precall_record", &a).detail(json!({
        "outcome": rec.outcome.as_str(),
        "reason": rec.reason.map(|r| r.as_str()),
        "result": rec.result.map(|r| r.as_str()),
    })))
    .await?;
    let updated = store::reload(&op, a.id).await?;
    // "La richiesta verrà evasa … nel giro di 2/3 giorni": the office owes the citizen that.
    if rec.result == Some(PrecallResult::RedirectedEmailPec) {
        let origin = crate::followups::domain::FollowUpOrigin::PrecallEmailPec;
        crate::followups::operations::open_for(&op, &updated, &office, origin, None, now).await?;
    }
    op.commit().await?;
    Ok(updated)
}
