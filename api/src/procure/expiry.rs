//! The expiry scan: procure whose validity ends within 30 days get an
//! `EXPIRING_SOON` event, those whose validity has ended an `EXPIRED` one, each
//! with its webhook notifications. Status itself never depends on this scan
//! (it is derived from the dates at read time); the scan only announces.
//!
//! Idempotent and safe with several instances scanning at once: each event is
//! inserted with `ON CONFLICT DO NOTHING` on (procura, kind), and the
//! notifications are enqueued only by the transaction that inserted it.

use std::time::Duration;

use chrono::{Days, NaiveDate, Utc};
use sea_orm::{DatabaseConnection, TransactionTrait};

use super::domain::{EXPIRY_NOTICE_DAYS, ProcuraEventKind, today};
use super::{store, webhooks};
use crate::error::AppResult;

/// How often each instance scans. Announcements are per day, so hourly is plenty.
pub const SCAN_EVERY: Duration = Duration::from_secs(60 * 60);
/// Procure handled per batch (the scan repeats until none is left).
const BATCH: u64 = 200;

/// What one scan announced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScanReport {
    pub expiring: usize,
    pub expired: usize,
}

/// Announces every procura due for an expiry notice on `day`.
pub async fn scan(db: &DatabaseConnection, day: NaiveDate) -> AppResult<ScanReport> {
    let until = day.checked_add_days(Days::new(EXPIRY_NOTICE_DAYS as u64)).unwrap_or(day);
    let mut report = ScanReport::default();
    for kind in [ProcuraEventKind::Expired, ProcuraEventKind::ExpiringSoon] {
        loop {
            let due = store::due_for_notice(db, kind, day, until, BATCH).await?;
            if due.is_empty() {
                break;
            }
            let mut announced_now = 0;
            for p in &due {
                let now = Utc::now();
                let txn = db.begin().await?;
                let detail = serde_json::json!({ "validTo": p.valid_to.to_string() });
                if store::add_event(&txn, p.id, kind, None, Some(detail), now).await? {
                    webhooks::notify(&txn, p, kind, now).await?;
                    announced_now += 1;
                }
                txn.commit().await?;
            }
            match kind {
                ProcuraEventKind::Expired => report.expired += announced_now,
                _ => report.expiring += announced_now,
            }
            if (due.len() as u64) < BATCH {
                break;
            }
        }
    }
    Ok(report)
}

/// Runs [`scan`] now and then every [`SCAN_EVERY`], for the life of the server.
pub fn spawn(db: DatabaseConnection) -> tokio::task::JoinHandle<()> {
    // Workers act for nobody in particular: they see every row (crate::kernel::reach).
    tokio::spawn(crate::kernel::reach::Reach::system().run(async move {
        let mut every = tokio::time::interval(SCAN_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            match scan(&db, today()).await {
                Ok(report) if report != ScanReport::default() => {
                    tracing::info!(expiring = report.expiring, expired = report.expired, "procura expiry scan");
                }
                Ok(_) => {}
                // Already logged where it was converted; the next tick retries.
                Err(_) => tracing::warn!("procura expiry scan failed; retrying at the next tick"),
            }
        }
    }))
}
