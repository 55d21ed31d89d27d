//! Citizens' personal data past retention (issue 19 item 3): a daily pass
//! that erases it from every kind of record while keeping the rows monitoring
//! counts, and the erasure of one citizen's data on request. The same pass
//! deletes alerts past `RETENTION_ALERTS_DAYS` (docs/alerts.md): they are
//! notices, not records, and nothing counts them afterwards.
//!
//! Several instances may run the pass at once: on PostgreSQL it takes an
//! advisory lock for its transaction (the others skip that day's pass), and
//! the statements skip rows already erased, so even two passes in a row
//! change nothing twice.

pub mod domain;
pub mod graphql;
pub mod operations;
pub mod store;

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend, TransactionTrait};

use entities::callback_request::CallbackStatus;
use entities::{appointment, audit_event, callback_request, ccm_contact, follow_up, outbox_message, quesito};

use crate::error::AppResult;
use crate::quesiti::domain::Lifecycle;
use domain::{Cutoffs, ErasureReport, RetentionPolicy};

/// How often each instance runs the pass.
pub const PASS_EVERY: Duration = Duration::from_secs(24 * 60 * 60);
/// The first pass waits this long after start-up: out of the way of a
/// deployment's busy minutes (and of short-lived test servers).
pub const FIRST_PASS_AFTER: Duration = Duration::from_secs(15 * 60);

/// Erases the personal data past retention at `now`. `None` when another
/// instance is running the pass at this moment (PostgreSQL).
pub async fn run_pass(
    db: &DatabaseConnection,
    policy: &RetentionPolicy,
    now: DateTime<Utc>,
) -> AppResult<Option<ErasureReport>> {
    let txn = db.begin().await?;
    if db.get_database_backend() == DbBackend::Postgres {
        let lock = "SELECT pg_try_advisory_xact_lock(hashtext(current_schema()), 19003)";
        let row = txn.query_one_raw(sea_orm::Statement::from_string(DbBackend::Postgres, lock)).await?;
        let locked: bool = row.map(|r| r.try_get_by_index(0)).transpose()?.unwrap_or(false);
        if !locked {
            return Ok(None);
        }
    }
    let report = erase_past(&txn, &policy.cutoffs(now)).await?;
    txn.commit().await?;
    if report.total() > 0 {
        tracing::info!(?report, "personal data past retention erased");
    }
    Ok(Some(report))
}

async fn erase_past(conn: &impl ConnectionTrait, c: &Cutoffs) -> AppResult<ErasureReport> {
    let closed_quesiti = Condition::all()
        .add(quesito::Column::CreatedAt.lt(c.quesiti))
        .add(quesito::Column::Status.is_not_in(quesito::QuesitoStatus::OPEN));
    let (quesiti, quesito_notes) = store::erase_quesiti(conn, closed_quesiti).await?;
    let finished_callbacks = Condition::all()
        .add(callback_request::Column::RequestedAt.lt(c.callbacks))
        .add(callback_request::Column::Status.eq(CallbackStatus::Done));
    Ok(ErasureReport {
        bookings: store::erase_bookings(conn, appointment::Column::StartsAt.lt(c.bookings)).await?,
        follow_ups: store::erase_follow_ups(conn, follow_up::Column::CreatedAt.lt(c.bookings)).await?,
        contacts: store::erase_contacts(conn, ccm_contact::Column::RecordedAt.lt(c.contacts)).await?,
        quesiti,
        quesito_notes,
        callbacks: store::erase_callbacks(conn, finished_callbacks).await?,
        outbox_messages: store::erase_outbox_messages(conn, outbox_message::Column::CreatedAt.lt(c.outbox)).await?,
        audit_events: store::erase_audited_searches(conn, audit_event::Column::OccurredAt.lt(c.contacts)).await?,
        alerts: match c.alerts {
            Some(before) => store::delete_alerts(conn, before).await?,
            None => 0,
        },
    })
}

/// Erases everything the system holds about the citizen with `fiscal_code`,
/// whatever its age or status (an erasure request); what was removed. Pass
/// a transaction that can see every unit's records.
pub async fn erase_citizen(conn: &impl ConnectionTrait, fiscal_code: &str) -> AppResult<ErasureReport> {
    let emails = store::emails_of(conn, fiscal_code).await?;
    let (quesiti, quesito_notes) =
        store::erase_quesiti(conn, quesito::Column::CitizenFiscalCode.eq(fiscal_code)).await?;
    Ok(ErasureReport {
        bookings: store::erase_bookings(conn, appointment::Column::FiscalCode.eq(fiscal_code)).await?,
        follow_ups: store::erase_follow_ups(conn, follow_up::Column::CitizenFiscalCode.eq(fiscal_code)).await?,
        contacts: store::erase_contacts(conn, ccm_contact::Column::CitizenFiscalCode.eq(fiscal_code)).await?,
        quesiti,
        quesito_notes,
        // A callback request carries a phone number only, not a fiscal code.
        callbacks: 0,
        outbox_messages: store::erase_outbox_messages(conn, outbox_message::Column::Recipient.is_in(emails)).await?,
        audit_events: store::erase_audited_searches(conn, audit_event::Column::RecordId.eq(fiscal_code)).await?,
        alerts: 0,
    })
}

/// Runs [`run_pass`] [`FIRST_PASS_AFTER`] start-up and then every [`PASS_EVERY`], for the life of the server.
pub fn spawn(db: DatabaseConnection, policy: RetentionPolicy) {
    tokio::spawn(crate::kernel::reach::Reach::system().run(async move {
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + FIRST_PASS_AFTER, PASS_EVERY);
        loop {
            tick.tick().await;
            // Errors are logged where converted (AppError::internal); try again tomorrow.
            let _ = run_pass(&db, &policy, Utc::now()).await;
        }
    }));
}
