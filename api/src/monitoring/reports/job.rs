//! The report job: every instance looks for reports due every
//! `REPORTS_SCAN_SECS`, computes each as its subscriber would see it (their
//! scope, their reach), and enqueues it in the outbox under a key of its own
//! subscription and period. The key makes it one e-mail whichever instance,
//! and however many, find it due (docs/monitoring.md, *Reports that arrive*).

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, EntityTrait};

use entities::{org_unit, person, report_subscription};

use super::domain::{attachment_name, body, dedupe_key, due_period, event, subject};
use super::store;
use crate::auth::service::load_principal;
use crate::authz::Authz;
use crate::error::AppResult;
use crate::monitoring::csv::CsvDialect;
use crate::monitoring::{export, store::unit_for_stats};
use crate::outbox::{EnqueueOutcome, NewMessage};
use crate::state::AppState;
use crate::tenancy::Scope;

/// Enqueues every report due at `now` not enqueued yet; answers how many it enqueued.
/// One subscription's failure does not stop the others (it is retried at the next scan).
pub async fn scan(db: &DatabaseConnection, authz: &Authz, now: DateTime<Utc>) -> AppResult<usize> {
    let mut enqueued = 0;
    for subscription in store::all(db).await? {
        match send_due(db, authz, &subscription, now).await {
            Ok(true) => enqueued += 1,
            Ok(false) => {}
            Err(err) => tracing::warn!(subscription = %subscription.id, code = err.code(), "report not enqueued"),
        }
    }
    Ok(enqueued)
}

/// Runs [`scan`] every `REPORTS_SCAN_SECS` (0: never), as the system, for the life of the server.
pub fn spawn(state: &AppState) -> Option<tokio::task::JoinHandle<()>> {
    let period = state.settings.reports_scan_interval;
    if period.is_zero() {
        return None;
    }
    let (db, authz, clock) = (state.db.clone(), state.authz.clone(), state.clock);
    Some(tokio::spawn(crate::kernel::reach::Reach::system().run(async move {
        // The first scan after one period, as the alert scanner: start-up stays light.
        let mut every = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            match scan(&db, &authz, clock.now()).await {
                Ok(0) => {}
                Ok(enqueued) => tracing::info!(enqueued, "reports enqueued"),
                Err(_) => tracing::warn!("report scan failed; retrying at the next tick"),
            }
        }
    })))
}

/// Enqueues the subscription's report due at `now`, unless it was already or
/// the subscriber can no longer have it (deactivated, no address, unit out of reach).
async fn send_due(
    db: &DatabaseConnection,
    authz: &Authz,
    subscription: &report_subscription::Model,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let period = due_period(subscription.frequency, now)?;
    let key = dedupe_key(subscription.id, period);
    if store::already_enqueued(db, &key).await? {
        return Ok(false);
    }
    let (Some(principal), Some(me), Some(unit)) = (
        load_principal(db, subscription.person_id).await?,
        person::Entity::find_by_id(subscription.person_id).one(db).await?,
        org_unit::Entity::find_by_id(subscription.unit_id).one(db).await?,
    ) else {
        return Ok(false);
    };
    let Some(address) = me.email.filter(|e| !e.trim().is_empty()) else {
        return Ok(false);
    };
    // The figures as the subscriber would see them in Monitoraggio: their scope in the SQL,
    // their reach for PostgreSQL's row-level security.
    let scope = Scope::new(db.clone(), authz.clone(), Arc::new(principal), None);
    let figures = scope
        .reach(false)
        .run(async {
            let unit = unit_for_stats(&scope, &unit.code).await?;
            let csv = export::stats_csv(&scope, &unit, period, now, CsvDialect::Italian).await?;
            let totals = export::totals(&scope, &unit, period, now).await?;
            AppResult::Ok((csv, totals))
        })
        .await;
    let (csv, totals) = match figures {
        Ok(figures) => figures,
        // The unit left their reach (a role ended): no report until it is back.
        Err(err) if err.code() == "NOT_FOUND" => return Ok(false),
        Err(err) => return Err(err),
    };
    let message = NewMessage::email(
        key,
        address,
        subject(subscription.frequency, &unit.name, period),
        body(subscription.frequency, &unit.name, period, &totals),
    )
    .event(event(subscription.frequency))
    .attach(attachment_name(&unit.code, period), csv)
    .unit(unit.id)
    .reference(store::reference(subscription.id));
    Ok(matches!(crate::outbox::enqueue(db, message).await?, EnqueueOutcome::Enqueued(_)))
}
