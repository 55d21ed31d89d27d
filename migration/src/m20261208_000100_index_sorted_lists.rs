//! Lists sorted by a picked column (issue 16) read their default order from an
//! index: keyset pages on `(column, id)`, within the unit where the list is
//! scoped by one.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (index, table, columns): each list's default order.
const INDEXES: &[(&str, &str, &[&str])] = &[
    // The audit trail, newest first.
    ("idx_audit_occurred_id", "audit_event", &["occurred_at", "id"]),
    // A CCM's contacts, by date.
    ("idx_ccm_contact_unit_recorded", "ccm_contact", &["unit_id", "recorded_at", "id"]),
    // An office's follow-ups, by due date whatever their status.
    ("idx_follow_up_unit_due", "follow_up", &["unit_id", "due_on", "id"]),
    // The register of professionals, newest first.
    ("idx_professional_created", "professional", &["created_at", "id"]),
    // Notifications, newest first.
    ("idx_outbox_created", "outbox_message", &["created_at", "id"]),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, columns) in INDEXES {
            let mut index = Index::create();
            index.name(*name).table(Alias::new(*table));
            for column in *columns {
                index.col(Alias::new(*column));
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in INDEXES.iter().rev() {
            manager.drop_index(Index::drop().name(*name).table(Alias::new(*table)).to_owned()).await?;
        }
        Ok(())
    }
}
