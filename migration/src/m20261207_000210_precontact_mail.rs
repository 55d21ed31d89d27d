//! The pre-contact e-mail goes through the outbox (issue 14, item 4): from the
//! precall assignee's address, with the office's function mailbox in copy.
//! - `org_unit.function_mailbox`: the office's function mailbox (not the
//!   virtual counter's mailbox, which citizens write to for video calls);
//! - `outbox_message.sender` / `outbox_message.cc`: an e-mail's own sender and
//!   copy (NULL: the server's `OUTBOX_MAIL_FROM`, no copy).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrgUnit {
    Table,
    FunctionMailbox,
}

#[derive(DeriveIden)]
enum OutboxMessage {
    Table,
    Sender,
    Cc,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(OrgUnit::Table)
                    .add_column(ColumnDef::new(OrgUnit::FunctionMailbox).string_len(254).null())
                    .to_owned(),
            )
            .await?;
        // One column per statement: SQLite alters one thing at a time.
        for column in [OutboxMessage::Sender, OutboxMessage::Cc] {
            manager
                .alter_table(
                    Table::alter()
                        .table(OutboxMessage::Table)
                        .add_column(ColumnDef::new(column).string_len(254).null())
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [OutboxMessage::Cc, OutboxMessage::Sender] {
            manager.alter_table(Table::alter().table(OutboxMessage::Table).drop_column(column).to_owned()).await?;
        }
        manager.alter_table(Table::alter().table(OrgUnit::Table).drop_column(OrgUnit::FunctionMailbox).to_owned()).await
    }
}
