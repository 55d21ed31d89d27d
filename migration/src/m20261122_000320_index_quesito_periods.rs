//! Indexes for the periods of the quesiti figures (`quesitoStats`): filed and
//! answered between two instants.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Quesito {
    Table,
    CreatedAt,
    AnsweredAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create().name("idx_quesito_created_at").table(Quesito::Table).col(Quesito::CreatedAt).to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_quesito_answered_at")
                    .table(Quesito::Table)
                    .col(Quesito::AnsweredAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_quesito_answered_at").table(Quesito::Table).to_owned()).await?;
        manager.drop_index(Index::drop().name("idx_quesito_created_at").table(Quesito::Table).to_owned()).await
    }
}
