//! The outbox's one mutation: validate, authorise, then write with the audit
//! event in one transaction.

use chrono::Utc;
use serde_json::json;
use uuid::Uuid;

use entities::outbox_message;

use super::domain::{is_root_path, not_found};
use super::store;
use crate::audit::AuditRecord;
use crate::authz::Action;
use crate::error::AppResult;
use crate::kernel::Operation;
use crate::tenancy::{Scope, UnitScope};

/// Makes a FAILED or waiting (PENDING) message due now (ADMIN); see `retryOutboxMessage`.
pub async fn retry(scope: &Scope, id: Uuid) -> AppResult<outbox_message::Model> {
    let message = store::find_in_scope(scope, scope.db(), Action::OutboxManage, id).await?.ok_or_else(not_found)?;
    let target_path = match message.unit_id {
        Some(unit_id) => store::unit_path(scope.db(), unit_id).await?.ok_or_else(not_found)?,
        None => national_path(scope).ok_or_else(not_found)?,
    };
    let acting = scope.authorize(Action::OutboxManage, &target_path)?;
    let now = Utc::now();
    let op = Operation::begin(scope, acting).await?;
    // Compare-and-set on the status and attempts read above: a message that
    // changed meanwhile is a CONFLICT, as before.
    store::make_due_now(&op, &message, now).await?;
    let mut record = AuditRecord::new("outbox.retry")
        .record("outbox_message", id.to_string())
        .detail(json!({ "status": message.status.as_str(), "attempts": message.attempts, "event": message.event }));
    if let Some(unit_id) = message.unit_id {
        record = record.unit(unit_id);
    }
    op.audit(record).await?;
    let updated = store::find_in_scope(scope, &op, Action::OutboxManage, id).await?.ok_or_else(not_found)?;
    op.commit().await?;
    Ok(updated)
}

/// The national root under which the caller manages the outbox, for messages without a unit.
fn national_path(scope: &Scope) -> Option<String> {
    match scope.units_for(Action::OutboxManage) {
        UnitScope::Everywhere => scope.principal().assignments.iter().find_map(|a| a.unit_path().map(str::to_owned)),
        UnitScope::Under(prefixes) => prefixes.into_iter().find(|p| is_root_path(p)),
    }
}
