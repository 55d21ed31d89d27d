//! Issue 18 item 2: the central directorate competent for a classification
//! ("competente per materia", seed 003). Forwarding a quesito of a mapped
//! classification sends it there; unmapped classifications keep going to the
//! first central directorate of the national root.
//!
//! A plain nullable column (no foreign key: SQLite cannot add one to an
//! existing table); the write path checks that it names a central directorate.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum QuesitoClassification {
    Table,
    CompetentDirectorateId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let column = ColumnDef::new(QuesitoClassification::CompetentDirectorateId).uuid().null().to_owned();
        manager.alter_table(Table::alter().table(QuesitoClassification::Table).add_column(column).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(QuesitoClassification::Table)
                    .drop_column(QuesitoClassification::CompetentDirectorateId)
                    .to_owned(),
            )
            .await
    }
}
