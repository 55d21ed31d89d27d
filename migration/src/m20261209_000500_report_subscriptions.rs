//! Reports that arrive (issue 18 item 5, docs/monitoring.md): a director subscribes
//! to a weekly or monthly report of a unit, sent as an e-mail with the figures as a
//! CSV attachment; the outbox learns to carry that attachment.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ReportSubscription {
    Table,
    Id,
    PersonId,
    UnitId,
    Frequency,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OutboxMessage {
    Table,
    AttachmentName,
    Attachment,
}

const ONE_PER_UNIT_AND_FREQUENCY: &str = "idx_report_subscription_person_unit_frequency";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ReportSubscription::Table)
                    .col(ColumnDef::new(ReportSubscription::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(ReportSubscription::PersonId).uuid().not_null())
                    .col(ColumnDef::new(ReportSubscription::UnitId).uuid().not_null())
                    .col(ColumnDef::new(ReportSubscription::Frequency).string_len(16).not_null())
                    .col(ColumnDef::new(ReportSubscription::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        // A person's list is read by person; subscribing twice is one subscription.
        manager
            .create_index(
                Index::create()
                    .name(ONE_PER_UNIT_AND_FREQUENCY)
                    .table(ReportSubscription::Table)
                    .col(ReportSubscription::PersonId)
                    .col(ReportSubscription::UnitId)
                    .col(ReportSubscription::Frequency)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // SQLite adds one column per ALTER TABLE.
        for column in [OutboxMessage::AttachmentName, OutboxMessage::Attachment] {
            let mut def = ColumnDef::new(column);
            def.text().null();
            manager.alter_table(Table::alter().table(OutboxMessage::Table).add_column(&mut def).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [OutboxMessage::Attachment, OutboxMessage::AttachmentName] {
            manager.alter_table(Table::alter().table(OutboxMessage::Table).drop_column(column).to_owned()).await?;
        }
        manager.drop_table(Table::drop().table(ReportSubscription::Table).to_owned()).await?;
        Ok(())
    }
}
