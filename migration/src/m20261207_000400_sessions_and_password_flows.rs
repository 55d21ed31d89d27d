//! Sessions people can see and end, and password flows (issue 17 items 2–3):
//! when and from what a session was last used; whether a person must choose a
//! new password before doing anything else; one-time reset links (only their
//! SHA-256 stored). Not guarded by row-level security, like sessions: a
//! person's own, looked up by token before anyone is signed in.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Session {
    Table,
    LastUsedAt,
    UserAgent,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
    MustChangePassword,
}

#[derive(DeriveIden)]
enum PasswordReset {
    Table,
    Id,
    PersonId,
    TokenHash,
    IssuedById,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in [
            ColumnDef::new(Session::LastUsedAt).timestamp_with_time_zone().null().to_owned(),
            ColumnDef::new(Session::UserAgent).string_len(200).null().to_owned(),
        ] {
            manager.alter_table(Table::alter().table(Session::Table).add_column(column).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Person::Table)
                    .add_column(ColumnDef::new(Person::MustChangePassword).boolean().not_null().default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PasswordReset::Table)
                    .col(ColumnDef::new(PasswordReset::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(PasswordReset::PersonId).uuid().not_null())
                    .col(ColumnDef::new(PasswordReset::TokenHash).string_len(64).not_null().unique_key())
                    .col(ColumnDef::new(PasswordReset::IssuedById).uuid().null())
                    .col(ColumnDef::new(PasswordReset::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(PasswordReset::ExpiresAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(PasswordReset::UsedAt).timestamp_with_time_zone().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(PasswordReset::Table, PasswordReset::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // A new link voids the person's earlier ones.
        manager
            .create_index(
                Index::create()
                    .name("idx_password_reset_person")
                    .table(PasswordReset::Table)
                    .col(PasswordReset::PersonId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(PasswordReset::Table).to_owned()).await?;
        manager
            .alter_table(Table::alter().table(Person::Table).drop_column(Person::MustChangePassword).to_owned())
            .await?;
        for column in [Session::UserAgent, Session::LastUsedAt] {
            manager.alter_table(Table::alter().table(Session::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
