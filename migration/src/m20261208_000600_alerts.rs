//! Alerts (issue 18 item 4, docs/alerts.md): what staff should know now — a new
//! quesito in their CRIC section, a quesito about to break its SLA, a new
//! assignment, a follow-up due today, a callback waiting too long — and, per
//! person, up to when they have read them.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Alert {
    Table,
    Id,
    Kind,
    UnitId,
    Section,
    RecipientId,
    RecordType,
    RecordId,
    Title,
    DedupeKey,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AlertRead {
    Table,
    PersonId,
    ReadUntil,
}

const NEWEST_INDEX: &str = "idx_alert_created";
const RECIPIENT_INDEX: &str = "idx_alert_recipient";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Alert::Table)
                    .col(ColumnDef::new(Alert::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Alert::Kind).string_len(32).not_null())
                    .col(ColumnDef::new(Alert::UnitId).uuid().not_null())
                    .col(ColumnDef::new(Alert::Section).string_len(32).null())
                    .col(ColumnDef::new(Alert::RecipientId).uuid().null())
                    .col(ColumnDef::new(Alert::RecordType).string_len(32).not_null())
                    .col(ColumnDef::new(Alert::RecordId).uuid().not_null())
                    .col(ColumnDef::new(Alert::Title).string_len(500).not_null())
                    // NULLs never collide: only scanned alerts carry a key.
                    .col(ColumnDef::new(Alert::DedupeKey).string_len(200).null().unique_key())
                    .col(ColumnDef::new(Alert::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        // The notification area reads the newest first; a person's own alerts by recipient.
        manager
            .create_index(
                Index::create().name(NEWEST_INDEX).table(Alert::Table).col(Alert::CreatedAt).col(Alert::Id).to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(RECIPIENT_INDEX)
                    .table(Alert::Table)
                    .col(Alert::RecipientId)
                    .col(Alert::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AlertRead::Table)
                    .col(ColumnDef::new(AlertRead::PersonId).uuid().not_null().primary_key())
                    .col(ColumnDef::new(AlertRead::ReadUntil).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AlertRead::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Alert::Table).to_owned()).await?;
        Ok(())
    }
}
