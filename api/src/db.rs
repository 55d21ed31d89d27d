//! Database connection and migrations, the same for SQLite and PostgreSQL.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr};

use crate::config::Settings;

pub async fn connect(settings: &Settings) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(settings.database_url.clone());
    options
        .max_connections(if is_sqlite(&settings.database_url) { 8 } else { 20 })
        .connect_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    if let Some(schema) = &settings.database_schema {
        options.set_schema_search_path(schema.clone());
    }
    let db = Database::connect(options).await?;
    if db.get_database_backend() == DbBackend::Sqlite {
        // WAL lets readers proceed while one writer commits; the setting is stored in the file.
        db.execute_unprepared("PRAGMA journal_mode=WAL").await?;
    }
    Ok(db)
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

/// True when every known migration has been applied.
pub async fn is_migrated(db: &DatabaseConnection) -> Result<bool, DbErr> {
    Ok(Migrator::get_pending_migrations(db).await?.is_empty())
}
