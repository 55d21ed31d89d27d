//! The notifications outbox: messages (e-mails, webhooks) written in the same
//! transaction as the change they announce, and the log of every delivery attempt.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OutboxMessage {
    Table,
    Id,
    Channel,
    Event,
    DedupeKey,
    UnitId,
    Reference,
    Recipient,
    Subject,
    Body,
    SigningSecret,
    Status,
    Attempts,
    NextAttemptAt,
    LockedUntil,
    LeaseToken,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum OutboxDelivery {
    Table,
    Id,
    MessageId,
    Attempt,
    At,
    Outcome,
    StatusCode,
    Response,
    Error,
    DurationMs,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OutboxMessage::Table)
                    .col(ColumnDef::new(OutboxMessage::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(OutboxMessage::Channel).string_len(16).not_null())
                    .col(ColumnDef::new(OutboxMessage::Event).string_len(64).not_null())
                    // Enqueueing the same logical notification twice is a no-op.
                    .col(ColumnDef::new(OutboxMessage::DedupeKey).string_len(200).not_null().unique_key())
                    .col(ColumnDef::new(OutboxMessage::UnitId).uuid().null())
                    .col(ColumnDef::new(OutboxMessage::Reference).string_len(100).null())
                    .col(ColumnDef::new(OutboxMessage::Recipient).string_len(2048).not_null())
                    .col(ColumnDef::new(OutboxMessage::Subject).text().null())
                    .col(ColumnDef::new(OutboxMessage::Body).text().not_null())
                    .col(ColumnDef::new(OutboxMessage::SigningSecret).text().null())
                    .col(ColumnDef::new(OutboxMessage::Status).string_len(16).not_null())
                    .col(ColumnDef::new(OutboxMessage::Attempts).integer().not_null().default(0))
                    .col(ColumnDef::new(OutboxMessage::NextAttemptAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(OutboxMessage::LockedUntil).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(OutboxMessage::LeaseToken).uuid().null())
                    .col(ColumnDef::new(OutboxMessage::LastError).text().null())
                    .col(ColumnDef::new(OutboxMessage::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(OutboxMessage::SentAt).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            // The worker's poll: due messages by status and time.
            ("idx_outbox_due", vec![OutboxMessage::Status, OutboxMessage::NextAttemptAt]),
            // The admin list: scope by unit, filter by status or channel, keyset on id.
            ("idx_outbox_unit", vec![OutboxMessage::UnitId, OutboxMessage::Id]),
            ("idx_outbox_status", vec![OutboxMessage::Status, OutboxMessage::Id]),
            ("idx_outbox_channel", vec![OutboxMessage::Channel, OutboxMessage::Id]),
            // The owning module's delivery log (e.g. one webhook's messages).
            ("idx_outbox_reference", vec![OutboxMessage::Reference, OutboxMessage::Id]),
        ] {
            let mut index = Index::create();
            index.name(name).table(OutboxMessage::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(OutboxDelivery::Table)
                    .col(ColumnDef::new(OutboxDelivery::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(OutboxDelivery::MessageId).uuid().not_null())
                    .col(ColumnDef::new(OutboxDelivery::Attempt).integer().not_null())
                    .col(ColumnDef::new(OutboxDelivery::At).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(OutboxDelivery::Outcome).string_len(16).not_null())
                    .col(ColumnDef::new(OutboxDelivery::StatusCode).integer().null())
                    .col(ColumnDef::new(OutboxDelivery::Response).text().null())
                    .col(ColumnDef::new(OutboxDelivery::Error).text().null())
                    .col(ColumnDef::new(OutboxDelivery::DurationMs).integer().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(OutboxDelivery::Table, OutboxDelivery::MessageId)
                            .to(OutboxMessage::Table, OutboxMessage::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_delivery_message")
                    .table(OutboxDelivery::Table)
                    .col(OutboxDelivery::MessageId)
                    .col(OutboxDelivery::Attempt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(OutboxDelivery::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(OutboxMessage::Table).to_owned()).await
    }
}
