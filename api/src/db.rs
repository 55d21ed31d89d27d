//! Database connection and migrations, the same for SQLite and PostgreSQL.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx;
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr};

use crate::kernel::reach::{Reach, set_sql};

use crate::config::Settings;

/// The connection requests are served with. On PostgreSQL every connection
/// works as the role [`APP_ROLE`], which owns nothing and is subject to
/// row-level security, and carries the reach of the task that takes it from
/// the pool ([`crate::kernel::reach`]). Run [`migrate`] first: the role and the
/// policies come from the migrations.
pub async fn connect(settings: &Settings) -> Result<DatabaseConnection, DbErr> {
    let mut options = base_options(&settings.database_url);
    if is_postgres(&settings.database_url) {
        let session = session_start(settings.database_schema.as_deref(), Some(APP_ROLE));
        on_new_connection(&mut options, session, Reach::current);
        // Writing the reach is a statement on the connection, so it proves the
        // connection alive as sqlx's ping would (a failure discards it and sqlx
        // takes another): the ping's round trip before every statement is saved.
        options.test_before_acquire(false);
        options.map_sqlx_postgres_before_acquire(|conn, _| {
            Box::pin(async move { set_reach(conn, &Reach::current()).await.map(|()| true) })
        });
    } else if let Some(schema) = &settings.database_schema {
        options.set_schema_search_path(schema.clone());
    }
    let db = Database::connect(options).await?;
    if db.get_database_backend() == DbBackend::Sqlite {
        // WAL lets readers proceed while one writer commits; the setting is stored in the file.
        db.execute_unprepared("PRAGMA journal_mode=WAL").await?;
    }
    Ok(db)
}

/// The role the server serves requests as, created by the migrations.
pub const APP_ROLE: &str = "accoglienza_app";

/// The owner's connection (`DATABASE_MIGRATION_URL`, else `DATABASE_URL`):
/// migrations, demo data and generated data. It sees every row.
pub async fn connect_owner(settings: &Settings) -> Result<DatabaseConnection, DbErr> {
    let url = settings.database_migration_url.as_deref().unwrap_or(&settings.database_url);
    if !is_postgres(url) {
        return connect(settings).await;
    }
    let mut options = base_options(url);
    options.max_connections(2);
    on_new_connection(&mut options, session_start(settings.database_schema.as_deref(), None), Reach::system);
    Database::connect(options).await
}

/// Connects as the owner, migrates and closes; then [`connect`] may serve.
pub async fn migrate_as_owner(settings: &Settings) -> Result<(), DbErr> {
    let owner = connect_owner(settings).await?;
    migrate(&owner).await?;
    owner.close().await
}

fn base_options(url: &str) -> ConnectOptions {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(if is_sqlite(url) { 8 } else { 20 })
        .connect_timeout(Duration::from_secs(10))
        // With the database out of reach a request fails after this long with a
        // coded error, instead of waiting for the driver's default (30 s).
        .acquire_timeout(Duration::from_secs(5))
        .sqlx_logging(false);
    options
}

/// What each new PostgreSQL connection runs first: its schema and, for the
/// serving pool, the switch to the unprivileged role.
fn session_start(schema: Option<&str>, role: Option<&str>) -> String {
    let mut sql = String::new();
    if let Some(schema) = schema {
        sql.push_str(&format!("SET search_path = \"{}\"; ", schema.replace('"', "")));
    }
    if let Some(role) = role {
        sql.push_str(&format!("SET ROLE {role}; "));
    }
    if sql.is_empty() { "SELECT 1".to_owned() } else { sql }
}

/// Every new PostgreSQL connection runs `session`, then takes the reach `reach` gives.
fn on_new_connection(options: &mut ConnectOptions, session: String, reach: fn() -> Reach) {
    options.map_sqlx_postgres_pool_opts(move |pool| {
        let session = session.clone();
        pool.after_connect(move |conn, _| {
            let session = session.clone();
            Box::pin(async move {
                sqlx::Executor::execute(&mut *conn, sqlx::AssertSqlSafe(session)).await?;
                set_reach(conn, &reach()).await
            })
        })
    });
}

/// Writes the task's reach into the session: one statement per hand-out.
async fn set_reach(conn: &mut sqlx::PgConnection, reach: &Reach) -> Result<(), sqlx::Error> {
    let mut query = sqlx::query(sqlx::AssertSqlSafe(set_sql(false)));
    for value in reach.settings() {
        query = query.bind(value);
    }
    query.execute(conn).await.map(|_| ())
}

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// Like [`connect`], counting every SQL statement the connection runs. The
/// count is how tests prove that a nested query costs the same number of
/// statements whatever the number of rows (no N+1).
pub async fn connect_counted(settings: &Settings) -> Result<(DatabaseConnection, Arc<AtomicU64>), DbErr> {
    let mut db = connect(settings).await?;
    let counter = Arc::new(AtomicU64::new(0));
    let counted = counter.clone();
    db.set_metric_callback(move |_| {
        counted.fetch_add(1, Ordering::Relaxed);
    });
    Ok((db, counter))
}

fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}

pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// True when every known migration has been applied. Reads the ledger
/// itself: the serving role may not create it, as the migrator would try to.
pub async fn is_migrated(db: &DatabaseConnection) -> Result<bool, DbErr> {
    let sql = "SELECT version FROM seaql_migrations";
    let rows = db.query_all_raw(sea_orm::Statement::from_string(db.get_database_backend(), sql)).await?;
    let applied: Vec<String> = rows.iter().map(|r| r.try_get::<String>("", "version")).collect::<Result<_, _>>()?;
    Ok(Migrator::migrations().iter().all(|m| applied.iter().any(|v| v == m.name())))
}
