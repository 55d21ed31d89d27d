//! Organisational units (with a materialised path), people and role assignments.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrgUnit {
    Table,
    Id,
    Code,
    Name,
    Kind,
    ParentId,
    Path,
    OfficeSize,
    VirtualCounter,
    VirtualCounterMailbox,
    OpeningHours,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
    Username,
    DisplayName,
    Email,
    FiscalCode,
    PasswordHash,
    Active,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RoleAssignment {
    Table,
    Id,
    PersonId,
    Role,
    UnitId,
    Section,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OrgUnit::Table)
                    .col(ColumnDef::new(OrgUnit::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(OrgUnit::Code).string_len(32).not_null().unique_key())
                    .col(ColumnDef::new(OrgUnit::Name).string_len(200).not_null())
                    .col(ColumnDef::new(OrgUnit::Kind).string_len(32).not_null())
                    .col(ColumnDef::new(OrgUnit::ParentId).uuid().null())
                    .col(ColumnDef::new(OrgUnit::Path).string_len(400).not_null().unique_key())
                    .col(ColumnDef::new(OrgUnit::OfficeSize).string_len(16).null())
                    .col(ColumnDef::new(OrgUnit::VirtualCounter).boolean().not_null().default(false))
                    .col(ColumnDef::new(OrgUnit::VirtualCounterMailbox).string_len(254).null())
                    .col(ColumnDef::new(OrgUnit::OpeningHours).string_len(200).null())
                    .col(ColumnDef::new(OrgUnit::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create().from(OrgUnit::Table, OrgUnit::ParentId).to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_org_unit_parent").table(OrgUnit::Table).col(OrgUnit::ParentId).to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Person::Table)
                    .col(ColumnDef::new(Person::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Person::Username).string_len(64).not_null().unique_key())
                    .col(ColumnDef::new(Person::DisplayName).string_len(200).not_null())
                    .col(ColumnDef::new(Person::Email).string_len(254).null())
                    .col(ColumnDef::new(Person::FiscalCode).string_len(16).null())
                    // Null for people who only sign in through an external identity provider.
                    .col(ColumnDef::new(Person::PasswordHash).string_len(200).null())
                    .col(ColumnDef::new(Person::Active).boolean().not_null().default(true))
                    .col(ColumnDef::new(Person::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RoleAssignment::Table)
                    .col(ColumnDef::new(RoleAssignment::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(RoleAssignment::PersonId).uuid().not_null())
                    .col(ColumnDef::new(RoleAssignment::Role).string_len(32).not_null())
                    .col(ColumnDef::new(RoleAssignment::UnitId).uuid().null())
                    .col(ColumnDef::new(RoleAssignment::Section).string_len(32).null())
                    .col(ColumnDef::new(RoleAssignment::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(RoleAssignment::Table, RoleAssignment::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(RoleAssignment::Table, RoleAssignment::UnitId)
                            .to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_role_assignment_person")
                    .table(RoleAssignment::Table)
                    .col(RoleAssignment::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_role_assignment_unit")
                    .table(RoleAssignment::Table)
                    .col(RoleAssignment::UnitId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(RoleAssignment::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Person::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(OrgUnit::Table).to_owned()).await
    }
}
