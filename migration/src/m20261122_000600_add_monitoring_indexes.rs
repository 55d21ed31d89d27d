//! Indexes for the monitoring figures (grouped by unit subtree and period)
//! and for the audit-trail filters that had none.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (index, table, columns)
const INDEXES: &[(&str, &str, &[&str])] = &[
    // `stats`: quesiti of a CRIC filed in a period.
    ("idx_quesito_unit_created", "quesito", &["unit_id", "created_at"]),
    // `stats`: callback requests of a unit made in a period.
    ("idx_callback_unit_requested", "callback_request", &["unit_id", "requested_at"]),
    // `auditEvents(filter: {recordType})` and the acting-unit scope of events without a record unit.
    ("idx_audit_record_type", "audit_event", &["record_type", "id"]),
    ("idx_audit_acting_unit", "audit_event", &["acting_unit_id", "id"]),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, cols) in INDEXES {
            let mut idx = Index::create();
            idx.name(*name).table(Alias::new(*table));
            for col in *cols {
                idx.col(Alias::new(*col));
            }
            manager.create_index(idx.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in INDEXES {
            manager.drop_index(Index::drop().name(*name).table(Alias::new(*table)).to_owned()).await?;
        }
        Ok(())
    }
}
