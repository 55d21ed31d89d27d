//! FAQ entries published by CRIC experts, with Italian full-text search.
//!
//! PostgreSQL: a GIN index on `to_tsvector('italian', question || ' ' || answer
//! || ' ' || tags)`; queries must use the very same expression to use it.
//! SQLite: an FTS5 table `faq_fts` holding a text already stemmed in Rust with
//! the Snowball Italian stemmer (SQLite has no Italian stemmer); the API keeps
//! it in step with `faq_entry` in the same transaction.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrgUnit {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum FaqEntry {
    Table,
    Id,
    UnitId,
    Section,
    Question,
    Answer,
    Tags,
    SourceQuesitoId,
    Status,
    Version,
    CreatedById,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FaqEntry::Table)
                    .col(ColumnDef::new(FaqEntry::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(FaqEntry::UnitId).uuid().not_null())
                    .col(ColumnDef::new(FaqEntry::Section).string_len(32).not_null())
                    .col(ColumnDef::new(FaqEntry::Question).string_len(500).not_null())
                    .col(ColumnDef::new(FaqEntry::Answer).text().not_null())
                    // Tags joined by ", " (searched as text, shown as a list).
                    .col(ColumnDef::new(FaqEntry::Tags).string_len(500).not_null().default(""))
                    .col(ColumnDef::new(FaqEntry::SourceQuesitoId).uuid().null())
                    .col(ColumnDef::new(FaqEntry::Status).string_len(16).not_null())
                    .col(ColumnDef::new(FaqEntry::Version).integer().not_null().default(1))
                    .col(ColumnDef::new(FaqEntry::CreatedById).uuid().not_null())
                    .col(ColumnDef::new(FaqEntry::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(FaqEntry::UpdatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create().from(FaqEntry::Table, FaqEntry::UnitId).to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_faq_entry_section_status")
                    .table(FaqEntry::Table)
                    .col(FaqEntry::Section)
                    .col(FaqEntry::Status)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_faq_entry_unit").table(FaqEntry::Table).col(FaqEntry::UnitId).to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_faq_entry_source_quesito")
                    .table(FaqEntry::Table)
                    .col(FaqEntry::SourceQuesitoId)
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        match db.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE INDEX idx_faq_entry_fts ON faq_entry USING GIN \
                     (to_tsvector('italian', question || ' ' || answer || ' ' || tags))",
                )
                .await?;
            }
            DbBackend::Sqlite => {
                db.execute_unprepared(
                    "CREATE VIRTUAL TABLE faq_fts USING fts5(faq_id UNINDEXED, body, \
                     tokenize = 'unicode61 remove_diacritics 2')",
                )
                .await?;
            }
            _ => {}
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Sqlite {
            db.execute_unprepared("DROP TABLE IF EXISTS faq_fts").await?;
        }
        // The PostgreSQL GIN index goes with its table.
        manager.drop_table(Table::drop().table(FaqEntry::Table).to_owned()).await
    }
}
