//! Reviewing self-registered professionals (issue 17 item 4): an administrator
//! approves (`verified_at`, existing) or rejects with a reason that is sent to
//! the professional by e-mail. A rejected registration leaves the queue and its
//! account is deactivated.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Professional {
    Table,
    RejectedAt,
    RejectionReason,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in [
            ColumnDef::new(Professional::RejectedAt).timestamp_with_time_zone().null().to_owned(),
            ColumnDef::new(Professional::RejectionReason).string_len(500).null().to_owned(),
        ] {
            manager.alter_table(Table::alter().table(Professional::Table).add_column(column).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Professional::RejectionReason, Professional::RejectedAt] {
            manager.alter_table(Table::alter().table(Professional::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
