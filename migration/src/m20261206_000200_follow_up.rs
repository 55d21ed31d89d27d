//! Follow-up work (docs/domain.md §5.7): what a counter session transferred
//! to the back office, or a precall that sent the citizen to e-mail/PEC, leaves
//! to do within 3 working days. Guarded on PostgreSQL like bookings (the
//! office's unit, and the assignee wherever they work).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FollowUp {
    Table,
    Id,
    UnitId,
    AppointmentId,
    Origin,
    CitizenFiscalCode,
    CitizenName,
    ProtocolNumber,
    AssigneeId,
    Status,
    DueOn,
    Outcome,
    ClosedAt,
    ClosedById,
    CreatedById,
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
enum Appointment {
    Table,
    Id,
}

const REACH: &str = "string_to_array(current_setting('accoglienza.appointment', true), ',')";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FollowUp::Table)
                    .col(ColumnDef::new(FollowUp::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(FollowUp::UnitId).uuid().not_null())
                    .col(ColumnDef::new(FollowUp::AppointmentId).uuid().null())
                    .col(ColumnDef::new(FollowUp::Origin).string_len(32).not_null())
                    .col(ColumnDef::new(FollowUp::CitizenFiscalCode).string_len(16).not_null())
                    .col(ColumnDef::new(FollowUp::CitizenName).string_len(200).not_null())
                    .col(ColumnDef::new(FollowUp::ProtocolNumber).string_len(40).null())
                    .col(ColumnDef::new(FollowUp::AssigneeId).uuid().null())
                    .col(ColumnDef::new(FollowUp::Status).string_len(16).not_null())
                    .col(ColumnDef::new(FollowUp::DueOn).date().not_null())
                    .col(ColumnDef::new(FollowUp::Outcome).string_len(2000).null())
                    .col(ColumnDef::new(FollowUp::ClosedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(FollowUp::ClosedById).uuid().null())
                    .col(ColumnDef::new(FollowUp::CreatedById).uuid().not_null())
                    .col(ColumnDef::new(FollowUp::Version).integer().not_null().default(1))
                    .col(ColumnDef::new(FollowUp::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(FollowUp::UpdatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create().from(FollowUp::Table, FollowUp::UnitId).to(OrgUnit::Table, OrgUnit::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(FollowUp::Table, FollowUp::AppointmentId)
                            .to(Appointment::Table, Appointment::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // The office's open items by due date (board, monitoring), the assignee's worklist,
        // and at most one item per booking and origin.
        for (name, cols, unique) in [
            ("idx_follow_up_unit_status_due", &[FollowUp::UnitId, FollowUp::Status, FollowUp::DueOn][..], false),
            ("idx_follow_up_assignee_status", &[FollowUp::AssigneeId, FollowUp::Status][..], false),
            ("idx_follow_up_unit_created", &[FollowUp::UnitId, FollowUp::CreatedAt][..], false),
            ("uq_follow_up_appointment_origin", &[FollowUp::AppointmentId, FollowUp::Origin][..], true),
        ] {
            let mut idx = Index::create();
            idx.name(name).table(FollowUp::Table);
            for col in cols {
                idx.col(Alias::new(col.to_string()));
            }
            if unique {
                idx.unique();
            }
            manager.create_index(idx.to_owned()).await?;
        }
        let db = manager.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            let visible = format!(
                "('*' = ANY ({REACH}) OR unit_id IN (SELECT u.id FROM org_unit u WHERE u.path LIKE ANY ({REACH})) \
                 OR assignee_id = NULLIF(current_setting('accoglienza.person', true), '')::uuid)"
            );
            for sql in [
                "ALTER TABLE follow_up ENABLE ROW LEVEL SECURITY".to_owned(),
                "ALTER TABLE follow_up FORCE ROW LEVEL SECURITY".to_owned(),
                format!("CREATE POLICY within_reach ON follow_up USING {visible} WITH CHECK {visible}"),
            ] {
                db.execute_unprepared(&sql).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(FollowUp::Table).to_owned()).await
    }
}
