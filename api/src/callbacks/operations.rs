//! Callback requests' mutations, one function each: validate, authorise,
//! then write with the audit event in one transaction. `now` comes from the
//! app's clock ([`crate::kernel::Clock`]).

use chrono::{DateTime, Utc};
use serde_json::json;
use uuid::Uuid;

use entities::callback_attempt;
use entities::callback_request::{self, Column as C};

use super::domain::{self, CallbackOutcome, CallbackStatus};
use super::store;
use crate::alerts::NewAlert;
use crate::audit::AuditRecord;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::ids::CallbackId;
use crate::kernel::versioned::{Changes, update_versioned};
use crate::tenancy::Scope;

/// A callback request as filed (see `requestCallback`).
pub struct NewRequest {
    /// Code of the provincial directorate or office to call back from.
    pub unit_code: String,
    pub phone: String,
    pub topic: String,
    /// When the citizen asked (from the IVR); default `now`. Not in the future.
    pub requested_at: Option<DateTime<Utc>>,
}

/// Files a callback request for a provincial directorate or office.
pub async fn request(scope: &Scope, now: DateTime<Utc>, input: NewRequest) -> AppResult<callback_request::Model> {
    let unit = store::unit_for(scope, Action::CallbackRequest, &input.unit_code).await?;
    let acting = scope.authorize(Action::CallbackRequest, &unit.path)?;
    let (phone, topic, requested_at) = checked_request(&input.phone, &input.topic, input.requested_at, now)?;
    let calendar = crate::calendar::calendar_of(scope.db(), &unit).await?;
    let model = callback_request::Model {
        id: Uuid::now_v7(),
        unit_id: unit.id,
        phone,
        topic,
        requested_at,
        available_from: domain::available_from(&calendar, requested_at),
        status: CallbackStatus::Waiting,
        assignee_id: None,
        assigned_at: None,
        attempts: 0,
        last_attempt_at: None,
        outcome: None,
        note: None,
        requested_by_id: Some(scope.person_id()),
        requested_by_unit_id: acting.unit_id(),
        call_id: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let op = Operation::begin(scope, acting).await?;
    store::insert(&op, &model).await?;
    op.audit(record("callback.request", &model, json!({ "availableFrom": model.available_from }))).await?;
    op.commit().await?;
    Ok(model)
}

/// A request's phone, topic and time, checked: (phone, topic, requested at).
/// Shared by staff's requests and the IVR intake ([`super::ivr`]).
pub fn checked_request(
    phone: &str,
    topic: &str,
    requested_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> AppResult<(String, String, DateTime<Utc>)> {
    let phone = crate::validation::phone_field("phone", phone)?.into_string();
    let topic = topic.trim().to_owned();
    if topic.is_empty() || topic.chars().count() > 500 {
        return Err(AppError::bad_input(
            "topic",
            "Argomento obbligatorio (al più 500 caratteri)",
            "Topic required (at most 500 characters)",
        ));
    }
    let requested_at = requested_at.unwrap_or(now);
    if requested_at > now + chrono::Duration::minutes(5) {
        return Err(AppError::bad_input(
            "requestedAt",
            "La richiesta non può essere nel futuro",
            "The request cannot be in the future",
        ));
    }
    Ok((phone, topic, requested_at))
}

/// Assigns (or reassigns) a callback request to a staff member of the unit or an office under it.
pub async fn assign(
    scope: &Scope,
    now: DateTime<Utc>,
    id: CallbackId,
    username: &str,
    version: Option<i32>,
) -> AppResult<callback_request::Model> {
    let (c, unit) = load(scope, id).await?;
    let acting = scope.authorize(Action::CallbackAssign, &unit.path)?;
    check_version(&c, version)?;
    domain::can_assign(c.status)?;
    let person = store::staff_under(scope, &unit, username.trim()).await?.ok_or_else(|| {
        AppError::bad_input(
            "username",
            "La persona non lavora in questa unità",
            "The person does not work at this unit",
        )
    })?;
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<callback_request::Entity>(
        &op,
        c.id,
        c.version,
        Changes::new().set(C::AssigneeId, person.id).set(C::AssignedAt, now).set(C::Status, CallbackStatus::Assigned),
    )
    .await?;
    let action = if c.assignee_id.is_some() { "callback.reassign" } else { "callback.assign" };
    op.audit(record(action, &c, json!({ "assignee": person.username }))).await?;
    op.alert(NewAlert::assigned(c.unit_id, person.id, "callback_request", c.id, "Richiamata", &c.topic)).await?;
    let updated = store::reload(&op, c.id).await?;
    op.commit().await?;
    Ok(updated)
}

/// Records a call-back attempt (see `recordCallbackAttempt`).
pub async fn record_attempt(
    scope: &Scope,
    now: DateTime<Utc>,
    id: CallbackId,
    outcome: CallbackOutcome,
    note: Option<String>,
    version: Option<i32>,
) -> AppResult<callback_request::Model> {
    let (c, unit) = load(scope, id).await?;
    // A supervisor of the unit, or the assignee (who may work at an office under it).
    let acting = match scope.authorize(Action::CallbackAssign, &unit.path) {
        Ok(a) => a,
        Err(_) if c.assignee_id == Some(scope.person_id()) => store::own_grant(scope, Action::CallbackWork)
            .ok_or_else(|| {
                AppError::forbidden("Il tuo ruolo non richiama i cittadini", "Your role does not call citizens back")
            })?,
        Err(_) => {
            scope.authorize(Action::CallbackWork, &unit.path)?;
            return Err(AppError::forbidden("La richiesta non è assegnata a te", "The request is not assigned to you"));
        }
    };
    check_version(&c, version)?;
    let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    if note.as_ref().is_some_and(|n| n.chars().count() > 500) {
        return Err(AppError::bad_input(
            "note",
            "La nota supera 500 caratteri",
            "The note is longer than 500 characters",
        ));
    }
    let calendar = crate::calendar::calendar_of(scope.db(), &unit).await?;
    domain::check_attempt_time(&calendar, now)?;
    if now < c.available_from {
        return Err(AppError::conflict(
            "La richiesta sarà lavorabile dalla prossima apertura (09:00–13:00)",
            "The request can be served from the next opening (09:00–13:00)",
        ));
    }
    let (status, attempts) = domain::attempt(c.status, c.attempts, outcome)?;
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<callback_request::Entity>(
        &op,
        c.id,
        c.version,
        Changes::new()
            .set(C::Status, status)
            .set(C::Attempts, attempts)
            .set(C::LastAttemptAt, now)
            .set(C::Outcome, outcome)
            .set(C::Note, note.clone()),
    )
    .await?;
    let history = callback_attempt::Model {
        id: Uuid::now_v7(),
        callback_id: c.id,
        attempt_number: attempts,
        attempted_at: now,
        outcome,
        note,
        by_id: scope.person_id(),
    };
    store::insert_attempt(&op, history).await?;
    op.audit(record(
        "callback.attempt",
        &c,
        json!({ "outcome": outcome.as_str(), "attempt": attempts, "status": status.as_str() }),
    ))
    .await?;
    let updated = store::reload(&op, c.id).await?;
    op.commit().await?;
    Ok(updated)
}

fn check_version(c: &callback_request::Model, expected: Option<i32>) -> AppResult<()> {
    match expected {
        Some(v) if v != c.version => Err(AppError::conflict(
            "La richiesta è stata modificata nel frattempo: ricarica e riprova",
            "The request changed in the meantime: reload and try again",
        )),
        _ => Ok(()),
    }
}

async fn load(scope: &Scope, id: CallbackId) -> AppResult<(callback_request::Model, entities::org_unit::Model)> {
    let c = store::find(scope, id).await?.ok_or_else(store::not_found)?;
    let unit = crate::org::store::by_ids(scope, &[c.unit_id]).await?.into_iter().next().ok_or_else(store::not_found)?;
    Ok((c, unit))
}

fn record(action: &str, c: &callback_request::Model, detail: serde_json::Value) -> AuditRecord {
    AuditRecord::new(action).record("callback", c.id.to_string()).unit(c.unit_id).detail(detail)
}
