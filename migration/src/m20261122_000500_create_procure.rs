//! Procure management (DOMAIN.md §6): professionals, their procure with history,
//! collaborators, partner API keys and webhook endpoints.
//!
//! Procure are owned by a professional (a person), not by an organisational
//! unit. A procura's status is never stored: it is derived from `valid_from`,
//! `valid_to` and `revoked_on` at read time.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Professional {
    Table,
    Id,
    PersonId,
    FiscalCode,
    Name,
    EntratelType,
    AlboName,
    AlboProvince,
    AlboNumber,
    SelfRegistered,
    VerifiedAt,
    VerifiedBy,
    CreatedAt,
    Version,
}

#[derive(DeriveIden)]
enum Procura {
    Table,
    Id,
    ProfessionalId,
    ClientFiscalCode,
    ServiceReviewIrregularity,
    ServiceRefundDocumentation,
    ServiceReviewAssessments41bis,
    ServiceStatusInformation,
    ValidFrom,
    ValidTo,
    CollaboratorsAuthorized,
    PrivacyNoticeGiven,
    DeclaredAt,
    RevokedAt,
    RevokedOn,
    Version,
}

#[derive(DeriveIden)]
enum ProcuraEvent {
    Table,
    Id,
    ProcuraId,
    Kind,
    OccurredAt,
    ActorId,
    Detail,
}

#[derive(DeriveIden)]
enum Collaborator {
    Table,
    Id,
    ProfessionalId,
    FiscalCode,
    ValidFrom,
    ValidTo,
    CreatedAt,
    EndedAt,
    Version,
}

#[derive(DeriveIden)]
enum ApiKey {
    Table,
    Id,
    PersonId,
    Name,
    TokenHash,
    Hint,
    CreatedAt,
    LastUsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum Webhook {
    Table,
    Id,
    ProfessionalId,
    Url,
    Secret,
    CreatedAt,
    DeletedAt,
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    cols: Vec<DynIden>,
    unique: bool,
) -> Result<(), DbErr> {
    let mut index = Index::create();
    index.name(name).table(table);
    for col in cols {
        index.col(col);
    }
    if unique {
        index.unique();
    }
    manager.create_index(index.to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Professional::Table)
                    .col(ColumnDef::new(Professional::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Professional::PersonId).uuid().not_null().unique_key())
                    .col(ColumnDef::new(Professional::FiscalCode).string_len(16).not_null().unique_key())
                    .col(ColumnDef::new(Professional::Name).string_len(200).not_null())
                    .col(ColumnDef::new(Professional::EntratelType).string_len(8).not_null())
                    .col(ColumnDef::new(Professional::AlboName).string_len(200).not_null())
                    .col(ColumnDef::new(Professional::AlboProvince).string_len(2).not_null())
                    .col(ColumnDef::new(Professional::AlboNumber).string_len(32).not_null())
                    .col(ColumnDef::new(Professional::SelfRegistered).boolean().not_null())
                    .col(ColumnDef::new(Professional::VerifiedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Professional::VerifiedBy).uuid().null())
                    .col(ColumnDef::new(Professional::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Professional::Version).integer().not_null().default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Professional::Table, Professional::PersonId)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // `professionals(filter: {verified})`, keyset on id.
        index(
            manager,
            "idx_professional_verified",
            Professional::Table,
            vec![Professional::VerifiedAt.into_iden(), Professional::Id.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Procura::Table)
                    .col(ColumnDef::new(Procura::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Procura::ProfessionalId).uuid().not_null())
                    .col(ColumnDef::new(Procura::ClientFiscalCode).string_len(16).not_null())
                    // The four delegable services are fixed by the regulation: one flag each.
                    .col(ColumnDef::new(Procura::ServiceReviewIrregularity).boolean().not_null())
                    .col(ColumnDef::new(Procura::ServiceRefundDocumentation).boolean().not_null())
                    .col(ColumnDef::new(Procura::ServiceReviewAssessments41bis).boolean().not_null())
                    .col(ColumnDef::new(Procura::ServiceStatusInformation).boolean().not_null())
                    .col(ColumnDef::new(Procura::ValidFrom).date().not_null())
                    .col(ColumnDef::new(Procura::ValidTo).date().not_null())
                    .col(ColumnDef::new(Procura::CollaboratorsAuthorized).boolean().not_null())
                    .col(ColumnDef::new(Procura::PrivacyNoticeGiven).boolean().not_null())
                    .col(ColumnDef::new(Procura::DeclaredAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Procura::RevokedAt).timestamp_with_time_zone().null())
                    // The Europe/Rome day the revocation took effect (not valid from that day on).
                    .col(ColumnDef::new(Procura::RevokedOn).date().null())
                    .col(ColumnDef::new(Procura::Version).integer().not_null().default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Procura::Table, Procura::ProfessionalId)
                            .to(Professional::Table, Professional::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            // Own list (keyset on id) and the status filter on dates.
            ("idx_procura_professional", vec![Procura::ProfessionalId.into_iden(), Procura::Id.into_iden()]),
            (
                "idx_procura_professional_valid_to",
                vec![Procura::ProfessionalId.into_iden(), Procura::ValidTo.into_iden()],
            ),
            // procuraCheck and the clientFiscalCode filter.
            (
                "idx_procura_professional_client",
                vec![Procura::ProfessionalId.into_iden(), Procura::ClientFiscalCode.into_iden()],
            ),
            // collaboratorCheck (any professional) by client.
            ("idx_procura_client", vec![Procura::ClientFiscalCode.into_iden()]),
            // The expiry scanner.
            ("idx_procura_valid_to", vec![Procura::ValidTo.into_iden()]),
        ] {
            index(manager, name, Procura::Table, cols, false).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(ProcuraEvent::Table)
                    .col(ColumnDef::new(ProcuraEvent::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(ProcuraEvent::ProcuraId).uuid().not_null())
                    .col(ColumnDef::new(ProcuraEvent::Kind).string_len(32).not_null())
                    .col(ColumnDef::new(ProcuraEvent::OccurredAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(ProcuraEvent::ActorId).uuid().null())
                    .col(ColumnDef::new(ProcuraEvent::Detail).text().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProcuraEvent::Table, ProcuraEvent::ProcuraId)
                            .to(Procura::Table, Procura::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // Each kind happens at most once to a procura; the expiry scanner relies on it
        // to be idempotent when several instances scan at once.
        index(
            manager,
            "idx_procura_event_once",
            ProcuraEvent::Table,
            vec![ProcuraEvent::ProcuraId.into_iden(), ProcuraEvent::Kind.into_iden()],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Collaborator::Table)
                    .col(ColumnDef::new(Collaborator::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Collaborator::ProfessionalId).uuid().not_null())
                    .col(ColumnDef::new(Collaborator::FiscalCode).string_len(16).not_null())
                    .col(ColumnDef::new(Collaborator::ValidFrom).date().not_null())
                    // Null: open-ended.
                    .col(ColumnDef::new(Collaborator::ValidTo).date().null())
                    .col(ColumnDef::new(Collaborator::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Collaborator::EndedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Collaborator::Version).integer().not_null().default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Collaborator::Table, Collaborator::ProfessionalId)
                            .to(Professional::Table, Professional::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_collaborator_professional",
                vec![Collaborator::ProfessionalId.into_iden(), Collaborator::Id.into_iden()],
            ),
            (
                "idx_collaborator_professional_fiscal_code",
                vec![Collaborator::ProfessionalId.into_iden(), Collaborator::FiscalCode.into_iden()],
            ),
        ] {
            index(manager, name, Collaborator::Table, cols, false).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(ApiKey::Table)
                    .col(ColumnDef::new(ApiKey::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(ApiKey::PersonId).uuid().not_null())
                    .col(ColumnDef::new(ApiKey::Name).string_len(100).not_null())
                    // SHA-256 of the key; the key itself is shown once and never stored.
                    .col(ColumnDef::new(ApiKey::TokenHash).string_len(64).not_null().unique_key())
                    .col(ColumnDef::new(ApiKey::Hint).string_len(32).not_null())
                    .col(ColumnDef::new(ApiKey::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(ApiKey::LastUsedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(ApiKey::RevokedAt).timestamp_with_time_zone().null())
                    .foreign_key(
                        ForeignKey::create().from(ApiKey::Table, ApiKey::PersonId).to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_api_key_person", ApiKey::Table, vec![ApiKey::PersonId.into_iden()], false).await?;

        manager
            .create_table(
                Table::create()
                    .table(Webhook::Table)
                    .col(ColumnDef::new(Webhook::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Webhook::ProfessionalId).uuid().not_null())
                    .col(ColumnDef::new(Webhook::Url).string_len(2000).not_null())
                    // HMAC key for signing deliveries: needed in clear to sign.
                    .col(ColumnDef::new(Webhook::Secret).string_len(100).not_null())
                    .col(ColumnDef::new(Webhook::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Webhook::DeletedAt).timestamp_with_time_zone().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Webhook::Table, Webhook::ProfessionalId)
                            .to(Professional::Table, Professional::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_webhook_professional", Webhook::Table, vec![Webhook::ProfessionalId.into_iden()], false)
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Webhook::Table.into_iden(),
            ApiKey::Table.into_iden(),
            Collaborator::Table.into_iden(),
            ProcuraEvent::Table.into_iden(),
            Procura::Table.into_iden(),
            Professional::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
