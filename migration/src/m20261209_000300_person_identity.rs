//! Single sign-on (issue 17 item 1): which OpenID Connect identity — the
//! provider's issuer and its subject identifier — a person signs in as. Written
//! at a person's first SSO sign-in; one per issuer and person. Not guarded by
//! row-level security, like sessions: it is looked up before anyone is signed in.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PersonIdentity {
    Table,
    Id,
    PersonId,
    Issuer,
    Subject,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PersonIdentity::Table)
                    .col(ColumnDef::new(PersonIdentity::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(PersonIdentity::PersonId).uuid().not_null())
                    .col(ColumnDef::new(PersonIdentity::Issuer).string_len(500).not_null())
                    // OpenID Connect caps `sub` at 255 ASCII characters.
                    .col(ColumnDef::new(PersonIdentity::Subject).string_len(255).not_null())
                    .col(ColumnDef::new(PersonIdentity::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(PersonIdentity::Table, PersonIdentity::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // Each sign-in looks the identity up by (issuer, subject).
        manager
            .create_index(
                Index::create()
                    .name("uq_person_identity_subject")
                    .table(PersonIdentity::Table)
                    .col(PersonIdentity::Issuer)
                    .col(PersonIdentity::Subject)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // A person is one subject per provider: a second one is refused, not added.
        manager
            .create_index(
                Index::create()
                    .name("uq_person_identity_person")
                    .table(PersonIdentity::Table)
                    .col(PersonIdentity::PersonId)
                    .col(PersonIdentity::Issuer)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(PersonIdentity::Table).to_owned()).await
    }
}
