//! The audit trail stays append-only for the server except for one thing:
//! erasing the fiscal code a search was made by, once the retention of that
//! search has passed or the citizen asked for erasure (issue 19 item 3,
//! `api/src/retention`). The serving role may update only `record_id`, only
//! of citizen searches, and only to the erased mark.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const ROLE: &str = "accoglienza_app";
/// `api::retention::domain::ERASED`.
const ERASED: &str = "[cancellato]";

fn up_statements() -> Vec<String> {
    vec![
        format!("GRANT UPDATE (record_id) ON audit_event TO {ROLE}"),
        format!(
            "CREATE POLICY erases_citizen_searches ON audit_event FOR UPDATE \
             USING (record_type IN ('citizen', 'client')) \
             WITH CHECK (record_type IN ('citizen', 'client') AND record_id = '{ERASED}')"
        ),
    ]
}

fn down_statements() -> Vec<String> {
    vec![
        "DROP POLICY IF EXISTS erases_citizen_searches ON audit_event".to_owned(),
        format!("REVOKE UPDATE (record_id) ON audit_event FROM {ROLE}"),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_on_postgres(manager, up_statements()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_on_postgres(manager, down_statements()).await
    }
}

async fn run_on_postgres(manager: &SchemaManager<'_>, statements: Vec<String>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    for sql in statements {
        db.execute_unprepared(&sql).await?;
    }
    Ok(())
}
