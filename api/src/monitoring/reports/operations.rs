//! Subscribing to a report and ending the subscription: the person's own
//! records, each change audited.

use chrono::{DateTime, Utc};
use sea_orm::EntityTrait;
use uuid::Uuid;

use entities::{person, report_subscription};

use super::domain::ReportFrequency;
use super::store;
use crate::audit::AuditRecord;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::monitoring::store::unit_for_stats;
use crate::tenancy::Scope;

fn subscription_not_found() -> AppError {
    AppError::not_found("Iscrizione al rapporto non trovata", "Report subscription not found")
}

/// Subscribes the caller to the `frequency` report of the unit (one they may
/// read figures of). Subscribing again to the same report changes nothing.
pub async fn subscribe(
    scope: &Scope,
    unit_code: &str,
    frequency: ReportFrequency,
    now: DateTime<Utc>,
) -> AppResult<report_subscription::Model> {
    let unit = unit_for_stats(scope, unit_code).await?;
    let acting = scope.authorize(Action::StatsRead, &unit.path)?.clone();
    let me = person::Entity::find_by_id(scope.person_id()).one(scope.db()).await?;
    if me.and_then(|p| p.email).is_none_or(|e| e.trim().is_empty()) {
        return Err(AppError::bad_input(
            "frequency",
            "Il tuo profilo non ha un indirizzo e-mail: chiedi a un amministratore di aggiungerlo",
            "Your profile has no e-mail address: ask an administrator to add it",
        ));
    }
    let row = report_subscription::Model {
        id: Uuid::now_v7(),
        person_id: scope.person_id(),
        unit_id: unit.id,
        frequency,
        created_at: now,
    };
    let op = Operation::begin(scope, &acting).await?;
    let stored = store::insert_once(&op, row).await?;
    op.audit(
        AuditRecord::new("report_subscription.create")
            .record("report_subscription", stored.id.to_string())
            .unit(unit.id)
            .detail(serde_json::json!({ "frequency": frequency.as_str() })),
    )
    .await?;
    op.commit().await?;
    Ok(stored)
}

/// Ends one of the caller's subscriptions; `NOT_FOUND` for anyone else's. Also
/// when the caller no longer reads that unit's figures (then the reports had
/// stopped already): the audit names the assignment they act under.
pub async fn unsubscribe(scope: &Scope, id: Uuid) -> AppResult<()> {
    let (subscription, unit) =
        store::own(scope.db(), scope.person_id(), id).await?.ok_or_else(subscription_not_found)?;
    let acting = match scope.authorize(Action::StatsRead, &unit.path) {
        Ok(a) => a.clone(),
        Err(_) => scope.principal().assignments.first().cloned().ok_or_else(subscription_not_found)?,
    };
    let op = Operation::begin(scope, &acting).await?;
    store::delete(&op, subscription.id).await?;
    op.audit(
        AuditRecord::new("report_subscription.delete")
            .record("report_subscription", subscription.id.to_string())
            .unit(unit.id)
            .detail(serde_json::json!({ "frequency": subscription.frequency.as_str() })),
    )
    .await?;
    op.commit().await?;
    Ok(())
}
