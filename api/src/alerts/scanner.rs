//! Alerts that come from time passing: a quesito about to break its SLA, a
//! follow-up due today, a callback request waiting too long. Every instance
//! scans every [`SCAN_EVERY_SECS`]; each alert carries a dedupe key, so it is
//! raised once whichever instance (or how many) finds it first.

use std::time::Duration;

use chrono::{DateTime, NaiveTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use entities::callback_request::{self, CallbackStatus};
use entities::follow_up::{self, FollowUpStatus};
use entities::quesito;

use super::domain::{DUE_SOON_WORKING_DAYS, NewAlert, SCAN_EVERY_SECS, callback_wait};
use super::{AlertBus, store};
use crate::appointments::domain::{rome_date, rome_instant};
use crate::error::AppResult;
use crate::kernel::calendar::working_days_after;
use crate::quesiti::domain::Lifecycle;
use crate::state::AppState;

/// Most records of one kind looked at per scan (the oldest first); the next scan takes the rest.
const BATCH: u64 = 500;

/// Raises the alerts due at `now`; returns how many were new. Announces them when any was.
pub async fn scan(db: &DatabaseConnection, bus: &AlertBus, now: DateTime<Utc>) -> AppResult<usize> {
    let mut alerts = Vec::new();
    // "Within one working day of its due date": due before the end of the next working day.
    let last_day = working_days_after(rome_date(now), DUE_SOON_WORKING_DAYS);
    let horizon = rome_instant(last_day, NaiveTime::MIN).map_or(now, |midnight| midnight + chrono::Duration::days(1));
    let due_soon = quesito::Entity::find()
        .filter(quesito::Column::Status.is_in(quesito::QuesitoStatus::OPEN))
        .filter(quesito::Column::DueAt.gt(now))
        .filter(quesito::Column::DueAt.lte(horizon))
        .order_by_asc(quesito::Column::DueAt)
        .limit(BATCH)
        .all(db)
        .await?;
    alerts.extend(due_soon.iter().map(NewAlert::quesito_due_soon));

    let today = rome_date(now);
    let due_today = follow_up::Entity::find()
        .filter(follow_up::Column::Status.eq(FollowUpStatus::Open))
        .filter(follow_up::Column::DueOn.eq(today))
        .filter(follow_up::Column::AssigneeId.is_not_null())
        .limit(BATCH)
        .all(db)
        .await?;
    alerts.extend(due_today.iter().filter_map(|f| f.assignee_id.map(|who| NewAlert::follow_up_due(f, who))));

    // Requests of the last day only: older ones are the queue's business, not news.
    let waiting = callback_request::Entity::find()
        .filter(callback_request::Column::Status.eq(CallbackStatus::Waiting))
        .filter(callback_request::Column::AssigneeId.is_null())
        .filter(callback_request::Column::AvailableFrom.lte(now - callback_wait()))
        .filter(callback_request::Column::AvailableFrom.gt(now - chrono::Duration::days(1)))
        .order_by_asc(callback_request::Column::AvailableFrom)
        .limit(BATCH)
        .all(db)
        .await?;
    alerts.extend(waiting.iter().map(|r| NewAlert::callback_waiting(r, now)));

    let mut raised = 0;
    for alert in &alerts {
        if store::insert(db, alert, Utc::now()).await? {
            raised += 1;
        }
    }
    if raised > 0 {
        bus.announce().await;
    }
    Ok(raised)
}

/// Runs [`scan`] every [`SCAN_EVERY_SECS`], for the life of the server. The
/// first scan waits one period: what time makes due is not urgent to the
/// second (instances already running scan meanwhile), and a request served
/// just after start-up does not share the pool with a scan.
pub fn spawn(state: &AppState) -> tokio::task::JoinHandle<()> {
    let (db, bus, clock) = (state.db.clone(), state.alerts.clone(), state.clock);
    // Scans act for nobody in particular: they see every row (crate::kernel::reach).
    tokio::spawn(crate::kernel::reach::Reach::system().run(async move {
        let period = Duration::from_secs(SCAN_EVERY_SECS);
        let mut every = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            match scan(&db, &bus, clock.now()).await {
                Ok(0) => {}
                Ok(raised) => tracing::info!(raised, "alerts scan"),
                Err(_) => tracing::warn!("alerts scan failed; retrying at the next tick"),
            }
        }
    }))
}
