//! CCM contacts, Linea quesiti with their events, per-section classifications
//! and SLA overrides (DOMAIN.md §4).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrgUnit {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum QuesitoClassification {
    Table,
    Id,
    UnitId,
    Section,
    Code,
    Label,
    Active,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum QuesitoSla {
    Table,
    Id,
    UnitId,
    Section,
    WorkingDays,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CcmContact {
    Table,
    Id,
    UnitId,
    Section,
    Channel,
    Topic,
    CitizenFiscalCode,
    Outcome,
    QuesitoId,
    AppointmentId,
    CallbackId,
    Note,
    RecordedById,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Quesito {
    Table,
    Id,
    UnitId,
    FiledByUnitId,
    ForwardedToUnitId,
    Section,
    ClassificationId,
    Subject,
    Question,
    CitizenFiscalCode,
    CitizenPhone,
    CitizenEmail,
    Priority,
    Status,
    DueAt,
    ContactId,
    IdempotencyKey,
    FiledById,
    TakenById,
    TakenAt,
    Answer,
    AnsweredById,
    AnsweredAt,
    ForwardReason,
    CancelReason,
    AppointmentId,
    FaqEntryId,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum QuesitoEvent {
    Table,
    Id,
    QuesitoId,
    FromStatus,
    ToStatus,
    ActorId,
    ActorUsername,
    ActingRole,
    Note,
    OccurredAt,
}

fn index(name: &str, table: impl IntoIden, cols: &[&'static str]) -> IndexCreateStatement {
    let mut idx = Index::create();
    idx.name(name).table(table);
    for col in cols {
        idx.col(Alias::new(*col));
    }
    idx.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(QuesitoClassification::Table)
                    .col(ColumnDef::new(QuesitoClassification::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(QuesitoClassification::UnitId).uuid().not_null())
                    .col(ColumnDef::new(QuesitoClassification::Section).string_len(32).not_null())
                    .col(ColumnDef::new(QuesitoClassification::Code).string_len(40).not_null())
                    .col(ColumnDef::new(QuesitoClassification::Label).string_len(200).not_null())
                    .col(ColumnDef::new(QuesitoClassification::Active).boolean().not_null().default(true))
                    .col(ColumnDef::new(QuesitoClassification::Version).integer().not_null().default(1))
                    .col(ColumnDef::new(QuesitoClassification::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(QuesitoClassification::UpdatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(QuesitoClassification::Table, QuesitoClassification::UnitId)
                            .to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                index("uq_quesito_classification_code", QuesitoClassification::Table, &["unit_id", "section", "code"])
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index("idx_quesito_classification_section", QuesitoClassification::Table, &["section"]))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(QuesitoSla::Table)
                    .col(ColumnDef::new(QuesitoSla::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(QuesitoSla::UnitId).uuid().not_null())
                    .col(ColumnDef::new(QuesitoSla::Section).string_len(32).not_null())
                    .col(ColumnDef::new(QuesitoSla::WorkingDays).integer().not_null())
                    .col(ColumnDef::new(QuesitoSla::Version).integer().not_null().default(1))
                    .col(ColumnDef::new(QuesitoSla::UpdatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(QuesitoSla::Table, QuesitoSla::UnitId)
                            .to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                index("uq_quesito_sla_unit_section", QuesitoSla::Table, &["unit_id", "section"]).unique().to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Quesito::Table)
                    .col(ColumnDef::new(Quesito::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Quesito::UnitId).uuid().not_null())
                    .col(ColumnDef::new(Quesito::FiledByUnitId).uuid().not_null())
                    .col(ColumnDef::new(Quesito::ForwardedToUnitId).uuid().null())
                    .col(ColumnDef::new(Quesito::Section).string_len(32).not_null())
                    .col(ColumnDef::new(Quesito::ClassificationId).uuid().not_null())
                    .col(ColumnDef::new(Quesito::Subject).string_len(200).not_null())
                    .col(ColumnDef::new(Quesito::Question).text().not_null())
                    .col(ColumnDef::new(Quesito::CitizenFiscalCode).string_len(16).not_null())
                    .col(ColumnDef::new(Quesito::CitizenPhone).string_len(20).null())
                    .col(ColumnDef::new(Quesito::CitizenEmail).string_len(254).null())
                    .col(ColumnDef::new(Quesito::Priority).string_len(16).not_null())
                    .col(ColumnDef::new(Quesito::Status).string_len(32).not_null())
                    .col(ColumnDef::new(Quesito::DueAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Quesito::ContactId).uuid().null())
                    .col(ColumnDef::new(Quesito::IdempotencyKey).string_len(100).null())
                    .col(ColumnDef::new(Quesito::FiledById).uuid().not_null())
                    .col(ColumnDef::new(Quesito::TakenById).uuid().null())
                    .col(ColumnDef::new(Quesito::TakenAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Quesito::Answer).text().null())
                    .col(ColumnDef::new(Quesito::AnsweredById).uuid().null())
                    .col(ColumnDef::new(Quesito::AnsweredAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Quesito::ForwardReason).text().null())
                    .col(ColumnDef::new(Quesito::CancelReason).text().null())
                    .col(ColumnDef::new(Quesito::AppointmentId).uuid().null())
                    .col(ColumnDef::new(Quesito::FaqEntryId).uuid().null())
                    .col(ColumnDef::new(Quesito::Version).integer().not_null().default(1))
                    .col(ColumnDef::new(Quesito::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Quesito::UpdatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create().from(Quesito::Table, Quesito::UnitId).to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Quesito::Table, Quesito::FiledByUnitId)
                            .to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Quesito::Table, Quesito::ForwardedToUnitId)
                            .to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Quesito::Table, Quesito::ClassificationId)
                            .to(QuesitoClassification::Table, QuesitoClassification::Id),
                    )
                    .foreign_key(
                        ForeignKey::create().from(Quesito::Table, Quesito::FiledById).to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // One index per filter the API offers; the scope's unit columns lead.
        for (name, cols) in [
            ("idx_quesito_unit_status", &["unit_id", "status"][..]),
            ("idx_quesito_filed_by_unit", &["filed_by_unit_id"][..]),
            ("idx_quesito_forwarded_to_unit", &["forwarded_to_unit_id"][..]),
            ("idx_quesito_section", &["section", "status"][..]),
            ("idx_quesito_classification", &["classification_id"][..]),
            ("idx_quesito_status_due", &["status", "due_at"][..]),
            ("idx_quesito_citizen", &["citizen_fiscal_code"][..]),
            ("idx_quesito_contact", &["contact_id"][..]),
        ] {
            manager.create_index(index(name, Quesito::Table, cols)).await?;
        }
        // The same idempotency key from the same person is one quesito.
        manager
            .create_index(
                index("uq_quesito_idempotency", Quesito::Table, &["filed_by_id", "idempotency_key"])
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(QuesitoEvent::Table)
                    .col(ColumnDef::new(QuesitoEvent::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(QuesitoEvent::QuesitoId).uuid().not_null())
                    .col(ColumnDef::new(QuesitoEvent::FromStatus).string_len(32).null())
                    .col(ColumnDef::new(QuesitoEvent::ToStatus).string_len(32).not_null())
                    .col(ColumnDef::new(QuesitoEvent::ActorId).uuid().not_null())
                    .col(ColumnDef::new(QuesitoEvent::ActorUsername).string_len(64).not_null())
                    .col(ColumnDef::new(QuesitoEvent::ActingRole).string_len(32).null())
                    .col(ColumnDef::new(QuesitoEvent::Note).text().null())
                    .col(ColumnDef::new(QuesitoEvent::OccurredAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(QuesitoEvent::Table, QuesitoEvent::QuesitoId)
                            .to(Quesito::Table, Quesito::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("idx_quesito_event_quesito", QuesitoEvent::Table, &["quesito_id", "id"])).await?;

        manager
            .create_table(
                Table::create()
                    .table(CcmContact::Table)
                    .col(ColumnDef::new(CcmContact::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(CcmContact::UnitId).uuid().not_null())
                    .col(ColumnDef::new(CcmContact::Section).string_len(32).not_null())
                    .col(ColumnDef::new(CcmContact::Channel).string_len(16).not_null())
                    .col(ColumnDef::new(CcmContact::Topic).string_len(200).not_null())
                    .col(ColumnDef::new(CcmContact::CitizenFiscalCode).string_len(16).null())
                    .col(ColumnDef::new(CcmContact::Outcome).string_len(32).not_null())
                    .col(ColumnDef::new(CcmContact::QuesitoId).uuid().null())
                    .col(ColumnDef::new(CcmContact::AppointmentId).uuid().null())
                    .col(ColumnDef::new(CcmContact::CallbackId).uuid().null())
                    .col(ColumnDef::new(CcmContact::Note).text().null())
                    .col(ColumnDef::new(CcmContact::RecordedById).uuid().not_null())
                    .col(ColumnDef::new(CcmContact::RecordedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(CcmContact::Table, CcmContact::UnitId)
                            .to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CcmContact::Table, CcmContact::QuesitoId)
                            .to(Quesito::Table, Quesito::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CcmContact::Table, CcmContact::RecordedById)
                            .to(Person::Table, Person::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_ccm_contact_unit", &["unit_id", "id"][..]),
            ("idx_ccm_contact_section_outcome", &["section", "outcome"][..]),
            ("idx_ccm_contact_channel", &["channel"][..]),
            ("idx_ccm_contact_citizen", &["citizen_fiscal_code"][..]),
            ("idx_ccm_contact_recorded_at", &["recorded_at"][..]),
            ("idx_ccm_contact_quesito", &["quesito_id"][..]),
        ] {
            manager.create_index(index(name, CcmContact::Table, cols)).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CcmContact::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(QuesitoEvent::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Quesito::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(QuesitoSla::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(QuesitoClassification::Table).to_owned()).await
    }
}
