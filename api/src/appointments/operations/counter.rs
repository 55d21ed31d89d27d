//! Counter sessions ("sportello"): designating the operator, starting, recording the outcome, and the operator's queue.

use chrono::Utc;
use serde_json::json;

use entities::appointment;

use crate::alerts::NewAlert;
use crate::appointments::domain::{self, AppointmentStatus, Channel, CounterOutcome};
use crate::appointments::store::{self, Changes};
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::ids::AppointmentId;
use crate::kernel::versioned::update_versioned;
use crate::outbox;
use crate::services::store as services;
use crate::tenancy::Scope;

use super::{authorize_work, check_version, record};
use crate::appointments::queries::load;
use appointment::Column as C;

/// Designates (or changes) the counter operator and channel. The operator must
/// be staff of the office with the service's skill; VIRTUAL only where the
/// office has the virtual counter.
pub async fn assign_counter(
    scope: &Scope,
    id: AppointmentId,
    username: &str,
    channel: Channel,
    version: Option<i32>,
) -> AppResult<appointment::Model> {
    let (a, office) = load(scope, id).await?;
    let acting = scope.authorize(Action::AppointmentAssign, &office.path)?;
    check_version(&a, version)?;
    domain::can_assign_counter(a.status, channel, office.virtual_counter)?;
    let operator = services::staff_member(scope, scope.db(), Action::AppointmentAssign, office.id, username)
        .await?
        .ok_or_else(domain::not_office_staff)?;
    if !services::has_skill(scope, scope.db(), office.id, operator.id, a.service_id).await? {
        return Err(AppError::bad_input(
            "username",
            "L'operatore non ha la competenza per questo servizio",
            "The operator does not have the skill for this service",
        ));
    }
    let reassign = a.counter_operator_id.is_some();
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<appointment::Entity>(
        &op,
        a.id,
        a.version,
        Changes::default()
            .set(C::CounterOperatorId, operator.id)
            .set(C::CounterChannel, channel)
            .set(C::Channel, channel)
            .set(C::CounterAssignedAt, Utc::now())
            .set(C::Status, AppointmentStatus::CounterAssigned),
    )
    .await?;
    op.audit(
        record(if reassign { "appointment.counter_reassign" } else { "appointment.counter_assign" }, &a)
            .detail(json!({ "operator": operator.username, "channel": channel.as_str() })),
    )
    .await?;
    op.alert(NewAlert::booking_assigned(&a, operator.id, "Sessione di sportello")).await?;
    if channel != Channel::Virtual {
        outbox::cancel(&op, &format!("appointment:{}:link", a.id), Utc::now()).await?;
    }
    let updated = store::reload(&op, a.id).await?;
    op.commit().await?;
    Ok(updated)
}

/// The designated operator starts the session.
pub async fn start_session(scope: &Scope, id: AppointmentId, version: Option<i32>) -> AppResult<appointment::Model> {
    let (a, office) = load(scope, id).await?;
    let acting = authorize_work(scope, &office, a.counter_operator_id == Some(scope.person_id()))?;
    check_version(&a, version)?;
    domain::can_start_session(a.status)?;
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<appointment::Entity>(
        &op,
        a.id,
        a.version,
        Changes::default().set(C::Status, AppointmentStatus::InSession).set(C::CounterStartedAt, Utc::now()),
    )
    .await?;
    op.audit(record("appointment.session_start", &a)).await?;
    let updated = store::reload(&op, a.id).await?;
    op.commit().await?;
    Ok(updated)
}

/// Records the session's outcome; the end time is now.
pub async fn record_counter_outcome(
    scope: &Scope,
    id: AppointmentId,
    outcome: CounterOutcome,
    protocol_number: Option<&str>,
    version: Option<i32>,
    confirm_over_fifteen_minutes: bool,
) -> AppResult<appointment::Model> {
    let (a, office) = load(scope, id).await?;
    let acting = authorize_work(scope, &office, a.counter_operator_id == Some(scope.person_id()))?;
    check_version(&a, version)?;
    let protocol = domain::record_counter(a.status, outcome, protocol_number)?;
    let now = Utc::now();
    crate::appointments::overtime::check_completion(outcome, a.counter_started_at, now, confirm_over_fifteen_minutes)?;
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<appointment::Entity>(
        &op,
        a.id,
        a.version,
        Changes::default()
            .set(C::Status, AppointmentStatus::Closed)
            .set(C::CounterOutcome, outcome)
            .set(C::ProtocolNumber, protocol.clone())
            .set(C::CounterEndedAt, now),
    )
    .await?;
    let updated = store::reload(&op, a.id).await?;
    let duration = domain::session_duration(updated.counter_started_at, updated.counter_ended_at);
    op.audit(record("appointment.session_outcome", &a).detail(json!({
        "outcome": outcome.as_str(),
        "protocolNumber": protocol,
        "minutes": duration.map(|d| d.0),
        "overtime": duration.map(|d| d.1),
        "confirmedOverFifteenMinutes": confirm_over_fifteen_minutes && duration.is_some_and(|d| d.1),
    })))
    .await?;
    crate::appointments::notifications::on_session_closed(&op, &updated, &office, outcome).await?;
    if outcome == CounterOutcome::TransferredToBackOffice {
        let origin = crate::followups::domain::FollowUpOrigin::CounterBackOffice;
        crate::followups::operations::open_for(&op, &updated, &office, origin, protocol, now).await?;
    }
    op.commit().await?;
    Ok(updated)
}

/// Dequeues the next booking for the signed-in operator and starts its
/// session: first today's bookings designated to them, earliest first; failing
/// those, today's unassigned bookings of their office for a service they have
/// the skill for (taken over by them). `None` when the queue is empty.
pub async fn next_appointment(scope: &Scope) -> AppResult<Option<appointment::Model>> {
    let me = scope.person_id();
    let offices = services::staff_offices(scope, Action::AppointmentWork, me).await?;
    if offices.is_empty() {
        return Err(AppError::forbidden(
            "Non lavori allo sportello di un ufficio",
            "You do not work at an office counter",
        ));
    }
    let mut skills = Vec::new();
    for office in &offices {
        skills
            .extend(services::skills_of(scope, Action::AppointmentWork, *office, me).await?.into_iter().map(|s| s.id));
    }
    let today = domain::rome_date(Utc::now());
    let units = crate::org::store::by_ids(scope, &offices).await?;
    for a in store::next_candidates(scope, me, &offices, &skills, today).await? {
        let Some(office) = units.iter().find(|u| u.id == a.unit_id) else { continue };
        let acting = scope.authorize(Action::AppointmentWork, &office.path)?;
        let mine = a.counter_operator_id == Some(me);
        let channel = if mine { a.counter_channel.unwrap_or(a.channel) } else { a.channel };
        if channel == Channel::Virtual && !office.virtual_counter {
            continue;
        }
        let now = Utc::now();
        let mut changes = Changes::default().set(C::Status, AppointmentStatus::InSession).set(C::CounterStartedAt, now);
        if !mine {
            changes =
                changes.set(C::CounterOperatorId, me).set(C::CounterChannel, channel).set(C::CounterAssignedAt, now);
        }
        let op = Operation::begin(scope, acting).await?;
        match update_versioned::<appointment::Entity>(&op, a.id, a.version, changes).await {
            Ok(_) => {}
            // Someone else took it first: try the next one.
            Err(AppError::Conflict(_)) => {
                op.rollback().await?;
                continue;
            }
            Err(e) => return Err(e),
        }
        op.audit(record("appointment.dequeue", &a).detail(json!({ "takenOver": !mine }))).await?;
        let updated = store::reload(&op, a.id).await?;
        op.commit().await?;
        return Ok(Some(updated));
    }
    Ok(None)
}
