//! Sign-in sessions (used when no Redis is configured) and the append-only audit trail.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Session {
    Table,
    Id,
    TokenHash,
    PersonId,
    CreatedAt,
    ExpiresAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Id,
    OccurredAt,
    ActorId,
    ActorUsername,
    ActingRole,
    ActingUnitId,
    UnitId,
    Action,
    RecordType,
    RecordId,
    Detail,
    RequestId,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .col(ColumnDef::new(Session::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Session::TokenHash).string_len(64).not_null().unique_key())
                    .col(ColumnDef::new(Session::PersonId).uuid().not_null())
                    .col(ColumnDef::new(Session::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Session::ExpiresAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(Session::RevokedAt).timestamp_with_time_zone().null())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Session::Table, Session::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditEvent::Table)
                    .col(ColumnDef::new(AuditEvent::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(AuditEvent::OccurredAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(AuditEvent::ActorId).uuid().null())
                    .col(ColumnDef::new(AuditEvent::ActorUsername).string_len(64).null())
                    .col(ColumnDef::new(AuditEvent::ActingRole).string_len(32).null())
                    .col(ColumnDef::new(AuditEvent::ActingUnitId).uuid().null())
                    // The unit the affected record belongs to: what the auditor's scope filters on.
                    .col(ColumnDef::new(AuditEvent::UnitId).uuid().null())
                    .col(ColumnDef::new(AuditEvent::Action).string_len(64).not_null())
                    .col(ColumnDef::new(AuditEvent::RecordType).string_len(64).null())
                    .col(ColumnDef::new(AuditEvent::RecordId).string_len(64).null())
                    .col(ColumnDef::new(AuditEvent::Detail).text().null())
                    .col(ColumnDef::new(AuditEvent::RequestId).string_len(64).null())
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_audit_unit_id", vec![AuditEvent::UnitId, AuditEvent::Id]),
            ("idx_audit_actor", vec![AuditEvent::ActorUsername, AuditEvent::Id]),
            ("idx_audit_action", vec![AuditEvent::Action, AuditEvent::Id]),
            ("idx_audit_occurred_at", vec![AuditEvent::OccurredAt]),
        ] {
            let mut index = Index::create();
            index.name(name).table(AuditEvent::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_index(
                Index::create().name("idx_session_person").table(Session::Table).col(Session::PersonId).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AuditEvent::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Session::Table).to_owned()).await
    }
}
