//! Database migrations, applied at start-up (`api` runs them) and by `api migrate`.
//!
//! Every migration must behave the same on SQLite (the embedded default) and
//! PostgreSQL (production): only portable column types, no database-specific SQL
//! unless guarded by a backend check.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_create_org_and_people;
mod m20261122_000002_create_sessions_and_audit;
mod m20261122_000200_create_outbox;
mod m20261122_000300_create_quesiti;
mod m20261122_000310_create_faq;
mod m20261122_000320_index_quesito_periods;
mod m20261122_000400_create_appointments;
mod m20261122_000500_create_procure;
mod m20261122_000600_add_monitoring_indexes;
mod m20261202_000100_row_level_security;
mod m20261206_000100_unit_calendar;
mod m20261206_000200_follow_up;
mod m20261207_000100_index_quesito_due;
mod m20261207_000200_callbacks_ivr;
mod m20261207_000210_precontact_mail;
mod m20261207_000400_sessions_and_password_flows;
mod m20261207_000410_professional_review;
mod m20261207_000420_webhook_secret_rotation;
mod m20261208_000100_index_sorted_lists;
mod m20261208_000200_quesito_waiting_and_continuity;
mod m20261208_000500_stats_rollup;
mod m20261208_000600_alerts;
mod m20261209_000300_person_identity;
mod m20261209_000400_audit_erasure;
mod m20261209_000500_report_subscriptions;
mod m20261210_000100_stats_rollup_callbacks_quesiti;
mod m20261210_000200_index_appointment_changes;
mod m20261210_000300_classification_directorate;

/// How the calendar migration reads free-text hours; the demo data reads its own the same way.
pub use m20261206_000100_unit_calendar::parse_hours;
/// The counts the daily booking rollup stores, column by column (`api::monitoring::store::rollup`).
pub use m20261208_000500_stats_rollup::COUNTS as STATS_ROLLUP_COUNTS;
/// The callback and quesiti rollups' counts, and the UTC day their marks name (`api::monitoring::store::rollup`).
pub use m20261210_000100_stats_rollup_callbacks_quesiti::{
    CALLBACK_COUNTS as STATS_CALLBACK_COUNTS, QUESITO_COUNTS as STATS_QUESITO_COUNTS, utc_day_sql,
};

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_org_and_people::Migration),
            Box::new(m20261122_000002_create_sessions_and_audit::Migration),
            Box::new(m20261122_000200_create_outbox::Migration),
            Box::new(m20261122_000300_create_quesiti::Migration),
            Box::new(m20261122_000310_create_faq::Migration),
            Box::new(m20261122_000400_create_appointments::Migration),
            Box::new(m20261122_000320_index_quesito_periods::Migration),
            Box::new(m20261122_000500_create_procure::Migration),
            Box::new(m20261122_000600_add_monitoring_indexes::Migration),
            Box::new(m20261202_000100_row_level_security::Migration),
            Box::new(m20261206_000100_unit_calendar::Migration),
            Box::new(m20261206_000200_follow_up::Migration),
            Box::new(m20261207_000100_index_quesito_due::Migration),
            Box::new(m20261207_000200_callbacks_ivr::Migration),
            Box::new(m20261207_000210_precontact_mail::Migration),
            Box::new(m20261207_000400_sessions_and_password_flows::Migration),
            Box::new(m20261207_000410_professional_review::Migration),
            Box::new(m20261207_000420_webhook_secret_rotation::Migration),
            Box::new(m20261208_000100_index_sorted_lists::Migration),
            Box::new(m20261208_000200_quesito_waiting_and_continuity::Migration),
            Box::new(m20261208_000500_stats_rollup::Migration),
            Box::new(m20261208_000600_alerts::Migration),
            Box::new(m20261209_000300_person_identity::Migration),
            Box::new(m20261209_000400_audit_erasure::Migration),
            Box::new(m20261209_000500_report_subscriptions::Migration),
            Box::new(m20261210_000100_stats_rollup_callbacks_quesiti::Migration),
            Box::new(m20261210_000200_index_appointment_changes::Migration),
            Box::new(m20261210_000300_classification_directorate::Migration),
        ]
    }
}
