//! The one way a request writes: a transaction begun through its [`Scope`],
//! during which the scope's pool connection is closed to it.
//!
//! A request that held a transaction and then queried through the pool needed
//! two connections at once: 30 concurrent bookings each held one and waited
//! for another until the pool timed out (PostgreSQL) or the write lock did
//! (SQLite). While a [`WriteTxn`] is open, [`Scope::db`] hands out a closed
//! pool (see [`closed_pool_like`]), so such a query fails at once, in every
//! test that reaches it, instead of deadlocking under load.
//!
//! [`Scope`]: crate::tenancy::Scope
//! [`Scope::db`]: crate::tenancy::Scope::db

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use crate::kernel::reach::{Reach, set_sql};

use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult, QueryResult,
    SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait,
};

/// Whether one operation currently holds a write transaction. One gate per
/// GraphQL operation: its mutation fields run one after the other, so an open
/// transaction is always the running field's own.
#[derive(Clone, Debug, Default)]
pub struct WriteGate(Arc<AtomicBool>);

impl WriteGate {
    pub fn is_open(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }

    /// Begins a transaction that will write and marks the gate. On SQLite it
    /// takes the write lock at `BEGIN` (IMMEDIATE), so a read followed by a
    /// write never fails because another writer committed in between; it
    /// waits for the lock instead. PostgreSQL ignores the option.
    ///
    /// On PostgreSQL the transaction works with the caller's write `reach`
    /// (`SET LOCAL`, see [`crate::kernel::reach`]).
    pub async fn begin(&self, db: &DatabaseConnection, reach: &Reach) -> Result<WriteTxn, DbErr> {
        let txn = begin_write(db).await?;
        if txn.get_database_backend() == DbBackend::Postgres {
            let values = reach.settings().into_iter().map(sea_orm::Value::from);
            txn.query_one_raw(Statement::from_sql_and_values(DbBackend::Postgres, set_sql(true), values)).await?;
        }
        if self.0.swap(true, Ordering::AcqRel) {
            tracing::error!("a second write transaction was begun while the first is open");
        }
        Ok(WriteTxn { txn: Some(txn), gate: self.clone() })
    }
}

/// A pool of `db`'s kind that is closed: every query through it fails with
/// "pool closed" (an INTERNAL error, logged), and SQL is still built in the
/// right dialect. Made once per kind; it never opens a connection.
pub fn closed_pool_like(db: &DatabaseConnection) -> DatabaseConnection {
    use sea_orm::sqlx::postgres::PgPoolOptions;
    use sea_orm::sqlx::sqlite::SqlitePoolOptions;
    use sea_orm::{SqlxPostgresConnector, SqlxSqliteConnector};
    static POSTGRES: OnceLock<DatabaseConnection> = OnceLock::new();
    static SQLITE: OnceLock<DatabaseConnection> = OnceLock::new();
    match db.get_database_backend() {
        DbBackend::Postgres => POSTGRES
            .get_or_init(|| {
                match PgPoolOptions::new().min_connections(0).connect_lazy("postgres://closed.invalid/closed") {
                    Ok(pool) => {
                        // Marks the pool closed at once; nothing is left to wait for.
                        drop(pool.close());
                        SqlxPostgresConnector::from_sqlx_postgres_pool(pool)
                    }
                    Err(_) => DatabaseConnection::default(),
                }
            })
            .clone(),
        _ => SQLITE
            .get_or_init(|| match SqlitePoolOptions::new().min_connections(0).connect_lazy("sqlite::memory:") {
                Ok(pool) => {
                    drop(pool.close());
                    SqlxSqliteConnector::from_sqlx_sqlite_pool(pool)
                }
                Err(_) => DatabaseConnection::default(),
            })
            .clone(),
    }
}

/// A write transaction outside any request (workers, imports by the CLI).
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}

/// An open write transaction of a request. Rolled back when dropped
/// uncommitted; either way the gate reopens the pool to the request.
pub struct WriteTxn {
    txn: Option<DatabaseTransaction>,
    gate: WriteGate,
}

impl WriteTxn {
    fn inner(&self) -> Result<&DatabaseTransaction, DbErr> {
        self.txn.as_ref().ok_or_else(|| DbErr::Custom("transaction already finished".into()))
    }

    pub async fn commit(mut self) -> Result<(), DbErr> {
        self.finish(true).await
    }

    pub async fn rollback(mut self) -> Result<(), DbErr> {
        self.finish(false).await
    }

    async fn finish(&mut self, commit: bool) -> Result<(), DbErr> {
        let result = match self.txn.take() {
            Some(txn) if commit => txn.commit().await,
            Some(txn) => txn.rollback().await,
            None => Ok(()),
        };
        self.gate.0.store(false, Ordering::Release);
        result
    }
}

impl Drop for WriteTxn {
    fn drop(&mut self) {
        // The inner transaction rolls itself back when dropped.
        self.gate.0.store(false, Ordering::Release);
    }
}

#[async_graphql::async_trait::async_trait]
impl ConnectionTrait for WriteTxn {
    fn get_database_backend(&self) -> DbBackend {
        match &self.txn {
            Some(txn) => txn.get_database_backend(),
            None => DbBackend::Sqlite,
        }
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.inner()?.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.inner()?.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.inner()?.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.inner()?.query_all_raw(stmt).await
    }
}
