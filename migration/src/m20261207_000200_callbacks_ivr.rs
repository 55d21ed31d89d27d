//! The callbacks queue and its IVR intake (issue 14, item 8):
//! - `api_key.kind` / `api_key.unit_id`: a key is a partner app's (`PARTNER`,
//!   acting as its professional) or a telephony system's (`IVR`, scoped to a
//!   provincial directorate, created by an admin);
//! - `callback_request.call_id`: the telephony system's id of the call, unique,
//!   so the same call sent twice files one request;
//! - `callback_attempt`: every attempt of a request (the request keeps only
//!   the last outcome), guarded on PostgreSQL through its request.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApiKey {
    Table,
    Kind,
    UnitId,
}

#[derive(DeriveIden)]
enum CallbackRequest {
    Table,
    Id,
    CallId,
}

#[derive(DeriveIden)]
enum CallbackAttempt {
    Table,
    Id,
    CallbackId,
    AttemptNumber,
    AttemptedAt,
    Outcome,
    Note,
    ById,
}

const CALL_ID_INDEX: &str = "uq_callback_request_call_id";
const ATTEMPT_INDEX: &str = "idx_callback_attempt_callback";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for column in [
            ColumnDef::new(ApiKey::Kind).string_len(16).not_null().default("PARTNER").to_owned(),
            ColumnDef::new(ApiKey::UnitId).uuid().null().to_owned(),
        ] {
            let mut column = column;
            manager.alter_table(Table::alter().table(ApiKey::Table).add_column(&mut column).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(CallbackRequest::Table)
                    .add_column(ColumnDef::new(CallbackRequest::CallId).string_len(100).null())
                    .to_owned(),
            )
            .await?;
        // NULLs never collide: requests filed by staff have no call id.
        manager
            .create_index(
                Index::create()
                    .name(CALL_ID_INDEX)
                    .table(CallbackRequest::Table)
                    .col(CallbackRequest::CallId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CallbackAttempt::Table)
                    .col(ColumnDef::new(CallbackAttempt::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(CallbackAttempt::CallbackId).uuid().not_null())
                    .col(ColumnDef::new(CallbackAttempt::AttemptNumber).integer().not_null())
                    .col(ColumnDef::new(CallbackAttempt::AttemptedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(CallbackAttempt::Outcome).string_len(32).not_null())
                    .col(ColumnDef::new(CallbackAttempt::Note).string_len(2000).null())
                    .col(ColumnDef::new(CallbackAttempt::ById).uuid().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(CallbackAttempt::Table, CallbackAttempt::CallbackId)
                            .to(CallbackRequest::Table, CallbackRequest::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(ATTEMPT_INDEX)
                    .table(CallbackAttempt::Table)
                    .col(CallbackAttempt::CallbackId)
                    .col(CallbackAttempt::AttemptNumber)
                    .unique()
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            // An attempt is visible, and may be written, where its request is
            // (the request's own policy applies inside the sub-select).
            let visible = "(callback_id IN (SELECT c.id FROM callback_request c))";
            for sql in [
                "ALTER TABLE callback_attempt ENABLE ROW LEVEL SECURITY".to_owned(),
                "ALTER TABLE callback_attempt FORCE ROW LEVEL SECURITY".to_owned(),
                format!("CREATE POLICY within_reach ON callback_attempt USING {visible} WITH CHECK {visible}"),
            ] {
                db.execute_unprepared(&sql).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CallbackAttempt::Table).to_owned()).await?;
        manager.drop_index(Index::drop().name(CALL_ID_INDEX).table(CallbackRequest::Table).to_owned()).await?;
        manager
            .alter_table(Table::alter().table(CallbackRequest::Table).drop_column(CallbackRequest::CallId).to_owned())
            .await?;
        for column in [ApiKey::UnitId, ApiKey::Kind] {
            manager.alter_table(Table::alter().table(ApiKey::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
