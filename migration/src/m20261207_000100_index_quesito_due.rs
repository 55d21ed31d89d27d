//! The CRIC queue lists a CRIC's quesiti by due date (issue 16): keyset pages
//! on `(due_at, id)` within the CRIC's `unit_id`.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NAME: &str = "idx_quesito_unit_due";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(NAME)
                    .table(Alias::new("quesito"))
                    .col(Alias::new("unit_id"))
                    .col(Alias::new("due_at"))
                    .col(Alias::new("id"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name(NAME).table(Alias::new("quesito")).to_owned()).await
    }
}
