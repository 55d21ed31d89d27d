//! Service catalogue, operators' skills, CUP bookings (with precall, pre-contact
//! e-mail and counter session on the booking itself) and callback requests
//! (DOMAIN.md §5).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Service {
    Table,
    Id,
    Code,
    Name,
    Fast,
    PuProcess,
    PuProduct,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OperatorSkill {
    Table,
    Id,
    PersonId,
    UnitId,
    ServiceId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Appointment {
    Table,
    Id,
    UnitId,
    CupNumber,
    StartsAt,
    LocalDate,
    ServiceId,
    FiscalCode,
    CitizenName,
    Phone,
    Email,
    Channel,
    Status,
    Source,
    BookedById,
    BookedByUnitId,
    CancelReason,
    CancelledAt,
    PrecallStatus,
    PrecallAssigneeId,
    PrecallAssignedAt,
    PrecallOutcome,
    PrecallReason,
    PrecallResult,
    PrecallNote,
    PrecalledAt,
    PrecontactSentAt,
    PrecontactSentById,
    CitizenReply,
    CitizenReplyAt,
    CounterOperatorId,
    CounterChannel,
    CounterAssignedAt,
    CounterStartedAt,
    CounterEndedAt,
    CounterOutcome,
    ProtocolNumber,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CallbackRequest {
    Table,
    Id,
    UnitId,
    Phone,
    Topic,
    RequestedAt,
    AvailableFrom,
    Status,
    AssigneeId,
    AssignedAt,
    Attempts,
    LastAttemptAt,
    Outcome,
    Note,
    RequestedById,
    RequestedByUnitId,
    Version,
    CreatedAt,
    UpdatedAt,
}

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

fn index(name: &str, table: impl IntoIden, cols: Vec<impl IntoIden>) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table);
    for col in cols {
        index.col(col);
    }
    index.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Service::Table)
                    .col(ColumnDef::new(Service::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Service::Code).string_len(32).not_null().unique_key())
                    .col(ColumnDef::new(Service::Name).string_len(200).not_null())
                    .col(ColumnDef::new(Service::Fast).boolean().not_null())
                    .col(ColumnDef::new(Service::PuProcess).string_len(200).not_null())
                    .col(ColumnDef::new(Service::PuProduct).string_len(200).null())
                    .col(ColumnDef::new(Service::Active).boolean().not_null().default(true))
                    .col(ColumnDef::new(Service::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Service::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OperatorSkill::Table)
                    .col(ColumnDef::new(OperatorSkill::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(OperatorSkill::PersonId).uuid().not_null())
                    // The office where the operator gives the service.
                    .col(ColumnDef::new(OperatorSkill::UnitId).uuid().not_null())
                    .col(ColumnDef::new(OperatorSkill::ServiceId).uuid().not_null())
                    .col(ColumnDef::new(OperatorSkill::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(OperatorSkill::Table, OperatorSkill::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OperatorSkill::Table, OperatorSkill::UnitId)
                            .to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OperatorSkill::Table, OperatorSkill::ServiceId)
                            .to(Service::Table, Service::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "uq_operator_skill",
                    OperatorSkill::Table,
                    vec![OperatorSkill::PersonId, OperatorSkill::UnitId, OperatorSkill::ServiceId],
                )
                .unique()
                .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_operator_skill_unit_service",
                OperatorSkill::Table,
                vec![OperatorSkill::UnitId, OperatorSkill::ServiceId],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Appointment::Table)
                    .col(ColumnDef::new(Appointment::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Appointment::UnitId).uuid().not_null())
                    .col(ColumnDef::new(Appointment::CupNumber).string_len(32).not_null())
                    .col(ColumnDef::new(Appointment::StartsAt).timestamp_with_time_zone().not_null())
                    // Day of the appointment in Europe/Rome: "the bookings of day X".
                    .col(ColumnDef::new(Appointment::LocalDate).date().not_null())
                    .col(ColumnDef::new(Appointment::ServiceId).uuid().not_null())
                    .col(ColumnDef::new(Appointment::FiscalCode).string_len(16).not_null())
                    .col(ColumnDef::new(Appointment::CitizenName).string_len(200).not_null())
                    .col(ColumnDef::new(Appointment::Phone).string_len(32).null())
                    .col(ColumnDef::new(Appointment::Email).string_len(254).null())
                    .col(ColumnDef::new(Appointment::Channel).string_len(16).not_null())
                    .col(ColumnDef::new(Appointment::Status).string_len(32).not_null())
                    .col(ColumnDef::new(Appointment::Source).string_len(16).not_null())
                    .col(ColumnDef::new(Appointment::BookedById).uuid().null())
                    .col(ColumnDef::new(Appointment::BookedByUnitId).uuid().null())
                    .col(ColumnDef::new(Appointment::CancelReason).string_len(500).null())
                    .col(ColumnDef::new(Appointment::CancelledAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Appointment::PrecallStatus).string_len(16).not_null())
                    .col(ColumnDef::new(Appointment::PrecallAssigneeId).uuid().null())
                    .col(ColumnDef::new(Appointment::PrecallAssignedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Appointment::PrecallOutcome).string_len(32).null())
                    .col(ColumnDef::new(Appointment::PrecallReason).string_len(32).null())
                    .col(ColumnDef::new(Appointment::PrecallResult).string_len(32).null())
                    .col(ColumnDef::new(Appointment::PrecallNote).string_len(500).null())
                    .col(ColumnDef::new(Appointment::PrecalledAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Appointment::PrecontactSentAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Appointment::PrecontactSentById).uuid().null())
                    .col(ColumnDef::new(Appointment::CitizenReply).text().null())
                    .col(ColumnDef::new(Appointment::CitizenReplyAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Appointment::CounterOperatorId).uuid().null())
                    .col(ColumnDef::new(Appointment::CounterChannel).string_len(16).null())
                    .col(ColumnDef::new(Appointment::CounterAssignedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Appointment::CounterStartedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Appointment::CounterEndedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(Appointment::CounterOutcome).string_len(32).null())
                    .col(ColumnDef::new(Appointment::ProtocolNumber).string_len(64).null())
                    .col(ColumnDef::new(Appointment::Version).integer().not_null().default(1))
                    .col(ColumnDef::new(Appointment::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Appointment::UpdatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Appointment::Table, Appointment::UnitId)
                            .to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Appointment::Table, Appointment::ServiceId)
                            .to(Service::Table, Service::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "uq_appointment_cup_number",
                    Appointment::Table,
                    vec![Appointment::UnitId, Appointment::CupNumber],
                )
                .unique()
                .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_appointment_unit_day", vec![Appointment::UnitId, Appointment::LocalDate, Appointment::StartsAt]),
            ("idx_appointment_starts_at", vec![Appointment::StartsAt, Appointment::Id]),
            ("idx_appointment_day_status", vec![Appointment::LocalDate, Appointment::Status]),
            ("idx_appointment_precall", vec![Appointment::PrecallAssigneeId, Appointment::PrecallStatus]),
            ("idx_appointment_counter", vec![Appointment::CounterOperatorId, Appointment::LocalDate]),
            ("idx_appointment_booked_by_unit", vec![Appointment::BookedByUnitId, Appointment::StartsAt]),
            ("idx_appointment_status", vec![Appointment::Status, Appointment::PrecallStatus]),
            ("idx_appointment_channel", vec![Appointment::Channel]),
        ] {
            manager.create_index(index(name, Appointment::Table, cols)).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(CallbackRequest::Table)
                    .col(ColumnDef::new(CallbackRequest::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(CallbackRequest::UnitId).uuid().not_null())
                    .col(ColumnDef::new(CallbackRequest::Phone).string_len(32).not_null())
                    .col(ColumnDef::new(CallbackRequest::Topic).string_len(500).not_null())
                    .col(ColumnDef::new(CallbackRequest::RequestedAt).timestamp_with_time_zone().not_null())
                    // First moment within opening hours (09:00–13:00 Europe/Rome) it may be served.
                    .col(ColumnDef::new(CallbackRequest::AvailableFrom).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(CallbackRequest::Status).string_len(16).not_null())
                    .col(ColumnDef::new(CallbackRequest::AssigneeId).uuid().null())
                    .col(ColumnDef::new(CallbackRequest::AssignedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(CallbackRequest::Attempts).integer().not_null().default(0))
                    .col(ColumnDef::new(CallbackRequest::LastAttemptAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(CallbackRequest::Outcome).string_len(32).null())
                    .col(ColumnDef::new(CallbackRequest::Note).string_len(500).null())
                    .col(ColumnDef::new(CallbackRequest::RequestedById).uuid().null())
                    .col(ColumnDef::new(CallbackRequest::RequestedByUnitId).uuid().null())
                    .col(ColumnDef::new(CallbackRequest::Version).integer().not_null().default(1))
                    .col(ColumnDef::new(CallbackRequest::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(CallbackRequest::UpdatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(CallbackRequest::Table, CallbackRequest::UnitId)
                            .to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_callback_unit_status", vec![CallbackRequest::UnitId, CallbackRequest::Status, CallbackRequest::Id]),
            ("idx_callback_assignee", vec![CallbackRequest::AssigneeId, CallbackRequest::Status]),
            ("idx_callback_requested_by_unit", vec![CallbackRequest::RequestedByUnitId, CallbackRequest::Id]),
        ] {
            manager.create_index(index(name, CallbackRequest::Table, cols)).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CallbackRequest::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Appointment::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(OperatorSkill::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Service::Table).to_owned()).await
    }
}
