//! Migrations go up, down and up again on both databases.

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

use crate::both_backends;
use crate::helpers::TestApp;

async fn table_exists(app: &TestApp, table: &str) -> bool {
    let db = &app.state.db;
    let sql = match db.get_database_backend() {
        DbBackend::Sqlite => format!("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{table}'"),
        _ => format!(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{table}'"
        ),
    };
    db.query_one_raw(Statement::from_string(db.get_database_backend(), sql)).await.unwrap().is_some()
}

both_backends!(every_migration_rolls_back_and_reapplies, |app: TestApp| async move {
    // Migrations are the owner's: the serving role may not alter tables.
    let db = &api::db::connect_owner(&app.settings).await.unwrap();
    assert!(table_exists(&app, "org_unit").await);
    assert!(table_exists(&app, "audit_event").await);
    assert!(Migrator::get_pending_migrations(db).await.unwrap().is_empty());

    Migrator::down(db, None).await.unwrap();
    assert!(!table_exists(&app, "org_unit").await);
    assert!(!table_exists(&app, "session").await);
    assert_eq!(Migrator::get_pending_migrations(db).await.unwrap().len(), Migrator::migrations().len());

    Migrator::up(db, None).await.unwrap();
    assert!(table_exists(&app, "org_unit").await);
    assert!(Migrator::get_pending_migrations(db).await.unwrap().is_empty());
});
