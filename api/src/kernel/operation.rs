//! The one write path every mutation takes.
//!
//! An operation validates its input and authorises the caller (which gives the
//! [`Assignment`] it acts under), then calls [`Operation::begin`]. From there
//! it writes through the operation (it is a [`ConnectionTrait`]), records its
//! audit event with [`Operation::audit`], queues its notifications with
//! [`Operation::notify`], raises its alerts with [`Operation::alert`] (announced
//! to live subscriptions once committed), and ends with [`Operation::commit`]:
//!
//! ```ignore
//! let acting = scope.authorize(Action::CallbackAssign, &unit.path)?.clone();
//! let op = Operation::begin(scope, &acting).await?;
//! store::update(&op, …).await?;
//! op.audit(AuditRecord::new("callback.assign").record("callback_request", id)).await?;
//! op.commit().await?;
//! ```
//!
//! What this guarantees:
//! - everything the operation writes, its audit events and its outbox messages
//!   commit together or not at all (dropped uncommitted, it rolls back);
//! - it cannot forget its audit: [`Operation::commit`] refuses (INTERNAL, and
//!   rolls back) when no event was recorded;
//! - every audited act on an office's bookings (an `appointment.*` event with
//!   its unit) wakes that office's live board once the operation commits
//!   (`officeBoardChanged`, docs/alerts.md), so no write path has to remember it;
//! - it cannot take a second pool connection while it holds this one: while it
//!   is open, [`Scope::db`] hands out a closed pool (see [`super::write_txn`]);
//! - on SQLite it holds the write lock from `BEGIN`, on PostgreSQL it works
//!   with the caller's write reach (row-level security, [`super::reach`]).
//!
//! [`Scope::db`]: crate::tenancy::Scope::db

use sea_orm::{ConnectionTrait, DbBackend, DbErr, ExecResult, QueryResult, Statement};

use crate::audit::{self, AuditRecord};
use crate::auth::Assignment;
use crate::error::{AppError, AppResult};
use crate::kernel::WriteTxn;
use crate::outbox::domain::NewMessage;
use crate::outbox::store::EnqueueOutcome;
use crate::tenancy::Scope;

/// An open write of one mutation; see the module's documentation.
pub struct Operation<'s> {
    txn: WriteTxn,
    scope: &'s Scope,
    acting: Assignment,
    audited: std::sync::atomic::AtomicBool,
    alerted: std::sync::atomic::AtomicBool,
    /// The offices whose bookings this operation changed (their boards are woken after commit).
    boards: std::sync::Mutex<Vec<uuid::Uuid>>,
}

impl<'s> Operation<'s> {
    /// Begins the write of an operation the caller performs under `acting`
    /// (what [`Scope::authorize`] returned).
    pub async fn begin(scope: &'s Scope, acting: &Assignment) -> AppResult<Operation<'s>> {
        let txn = scope.begin_write_txn().await?;
        Ok(Operation {
            txn,
            scope,
            acting: acting.clone(),
            audited: Default::default(),
            alerted: Default::default(),
            boards: Default::default(),
        })
    }

    pub fn scope(&self) -> &'s Scope {
        self.scope
    }

    /// The assignment the caller acts under.
    pub fn acting(&self) -> &Assignment {
        &self.acting
    }

    /// Appends an audit event of this operation, in its transaction.
    pub async fn audit(&self, rec: AuditRecord) -> AppResult<()> {
        if let Some(office) = board_changed(&rec) {
            let mut boards = self.boards.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if !boards.contains(&office) {
                boards.push(office);
            }
        }
        audit::record_as(&self.txn, self.scope, &self.acting, rec).await?;
        self.audited.store(true, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// Queues a notification (e-mail or webhook) that is sent only if the
    /// operation commits (see `docs/outbox.md`).
    pub async fn notify(&self, msg: NewMessage) -> AppResult<EnqueueOutcome> {
        crate::outbox::store::enqueue(&self.txn, msg).await
    }

    /// Raises an alert (docs/alerts.md), written with the operation and
    /// announced to live subscriptions only once it commits.
    pub async fn alert(&self, alert: crate::alerts::NewAlert) -> AppResult<()> {
        crate::alerts::store::insert(&self.txn, &alert, chrono::Utc::now()).await?;
        self.alerted.store(true, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// Commits everything the operation wrote. Refuses to commit, rolling
    /// back, when the operation recorded no audit event.
    pub async fn commit(self) -> AppResult<()> {
        if !self.audited.load(std::sync::atomic::Ordering::Relaxed) {
            self.txn.rollback().await?;
            return Err(AppError::internal("an operation tried to commit without recording its audit event"));
        }
        self.txn.commit().await?;
        if let Some(bus) = self.scope.alert_bus() {
            if self.alerted.load(std::sync::atomic::Ordering::Relaxed) {
                bus.announce().await;
            }
            let boards = self.boards.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
            bus.announce_offices(&boards).await;
        }
        Ok(())
    }

    /// Ends the operation without writing anything (e.g. a no-op change).
    pub async fn rollback(self) -> AppResult<()> {
        self.txn.rollback().await?;
        Ok(())
    }
}

/// The office whose board an audited act changes: the unit of an act on bookings.
fn board_changed(rec: &AuditRecord) -> Option<uuid::Uuid> {
    rec.action.starts_with("appointment.").then_some(rec.unit_id).flatten()
}

#[async_graphql::async_trait::async_trait]
impl ConnectionTrait for Operation<'_> {
    fn get_database_backend(&self) -> DbBackend {
        self.txn.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.txn.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.txn.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.txn.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.txn.query_all_raw(stmt).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acts_on_bookings_change_their_office_board_and_others_do_not() {
        let office = uuid::Uuid::now_v7();
        let booking = AuditRecord::new("appointment.session_start").record("appointment", "x").unit(office);
        assert_eq!(board_changed(&booking), Some(office));
        let import = AuditRecord::new("appointment.import").unit(office);
        assert_eq!(board_changed(&import), Some(office));
        assert_eq!(board_changed(&AuditRecord::new("callback.assign").unit(office)), None);
        assert_eq!(board_changed(&AuditRecord::new("appointment.book")), None);
    }
}
