//! Rotating a webhook's signing secret (issue 17 item 4): the secret it
//! replaced stays valid until `previous_secret_until` (deliveries are signed
//! with both meanwhile), so a partner can switch its receiver without missing
//! a notification.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Webhook {
    Table,
    PreviousSecret,
    PreviousSecretUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in [
            ColumnDef::new(Webhook::PreviousSecret).string_len(100).null().to_owned(),
            ColumnDef::new(Webhook::PreviousSecretUntil).timestamp_with_time_zone().null().to_owned(),
        ] {
            manager.alter_table(Table::alter().table(Webhook::Table).add_column(column).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Webhook::PreviousSecretUntil, Webhook::PreviousSecret] {
            manager.alter_table(Table::alter().table(Webhook::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
