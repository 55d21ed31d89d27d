//! Issue 18 items 3 and 6: a quesito may wait for the citizen (the SLA clock
//! pauses; what was asked, the reply and the time paused are kept), and a new
//! quesito of a citizen is proposed to the expert who handled their previous
//! one (`proposed_to_id`, indexed for the expert's "proposed to me" list).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Quesito {
    Table,
    WaitingSince,
    WaitingRequest,
    CitizenReply,
    PausedSeconds,
    PausedWorkingDays,
    ProposedToId,
}

const INDEX: &str = "idx_quesito_proposed_to";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in [
            ColumnDef::new(Quesito::WaitingSince).timestamp_with_time_zone().null().to_owned(),
            ColumnDef::new(Quesito::WaitingRequest).text().null().to_owned(),
            ColumnDef::new(Quesito::CitizenReply).text().null().to_owned(),
            ColumnDef::new(Quesito::PausedSeconds).big_integer().not_null().default(0).to_owned(),
            ColumnDef::new(Quesito::PausedWorkingDays).integer().not_null().default(0).to_owned(),
            ColumnDef::new(Quesito::ProposedToId).uuid().null().to_owned(),
        ] {
            manager.alter_table(Table::alter().table(Quesito::Table).add_column(column).to_owned()).await?;
        }
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(Quesito::Table)
                    .col(Quesito::ProposedToId)
                    .col(Alias::new("status"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name(INDEX).table(Quesito::Table).to_owned()).await?;
        for column in [
            Quesito::ProposedToId,
            Quesito::PausedWorkingDays,
            Quesito::PausedSeconds,
            Quesito::CitizenReply,
            Quesito::WaitingRequest,
            Quesito::WaitingSince,
        ] {
            manager.alter_table(Table::alter().table(Quesito::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
