//! The daily rollup of the booking figures (issue 15 item 5): one row per
//! office and Rome day with the counts `stats` sums, so a national year reads
//! about 90,000 rows instead of 3 million bookings.
//!
//! Kept exact by the database itself: a trigger on `appointment` appends the
//! (unit, day) of every inserted, changed or deleted booking to
//! `stats_dirty` in the writer's own transaction, whoever writes (the app,
//! the CUP import, a data load, a hand-made fix). Before `stats` reads the
//! rollup, the server recomputes the marked days from the raw rows
//! (`api/src/monitoring/store/rollup.rs`). Marks are appended, never
//! upserted: a mark becomes visible exactly when the change it marks does.
//!
//! Existing bookings are marked here, so the first read after this migration
//! builds the rollup of a database that already holds data.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The counts of the rollup, in the order of `api::monitoring::store::rollup::COUNTS`.
pub const COUNTS: [&str; 23] = [
    "bookings",
    "cancelled",
    "to_precall",
    "precalled",
    "precalled_in_time",
    "not_contactable",
    "negative",
    "positive",
    "served_remotely",
    "redirected_email_pec",
    "confirmed_virtual",
    "confirmed_in_person",
    "cancelled_by_citizen",
    "over_15",
    "completed_over_15",
    "counter_in_person_completed",
    "counter_in_person_transferred_to_back_office",
    "counter_in_person_no_show",
    "counter_in_person_not_deliverable",
    "counter_virtual_completed",
    "counter_virtual_transferred_to_back_office",
    "counter_virtual_no_show",
    "counter_virtual_not_deliverable",
];

#[derive(DeriveIden)]
enum StatsAppointmentDay {
    Table,
    UnitId,
    Day,
}

#[derive(DeriveIden)]
enum StatsDirty {
    Table,
    UnitId,
    Day,
    Claimed,
}

/// Rows of the rollup are guarded like the bookings they count (see
/// `m20261202_000100_row_level_security`): visible under the caller's
/// appointment reach.
const POLICY: &str = "('*' = ANY (string_to_array(current_setting('accoglienza.appointment', true), ',')) \
     OR unit_id IN (SELECT u.id FROM org_unit u WHERE u.path LIKE ANY \
     (string_to_array(current_setting('accoglienza.appointment', true), ','))))";

fn postgres_up() -> Vec<String> {
    vec![
        "CREATE FUNCTION stats_mark_appointment_day() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN \
           IF TG_OP <> 'INSERT' THEN \
             INSERT INTO stats_dirty (unit_id, day, claimed) VALUES (OLD.unit_id, OLD.local_date, 0); \
           END IF; \
           IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.unit_id IS DISTINCT FROM OLD.unit_id \
              OR NEW.local_date IS DISTINCT FROM OLD.local_date)) THEN \
             INSERT INTO stats_dirty (unit_id, day, claimed) VALUES (NEW.unit_id, NEW.local_date, 0); \
           END IF; \
           RETURN NULL; \
         END $$"
            .to_owned(),
        "CREATE TRIGGER stats_mark_appointment_day AFTER INSERT OR UPDATE OR DELETE ON appointment \
         FOR EACH ROW EXECUTE FUNCTION stats_mark_appointment_day()"
            .to_owned(),
        "ALTER TABLE stats_appointment_day ENABLE ROW LEVEL SECURITY".to_owned(),
        "ALTER TABLE stats_appointment_day FORCE ROW LEVEL SECURITY".to_owned(),
        format!("CREATE POLICY within_reach ON stats_appointment_day USING {POLICY} WITH CHECK {POLICY}"),
    ]
}

fn sqlite_up() -> Vec<String> {
    let mark = |row: &str| {
        format!("INSERT INTO stats_dirty (unit_id, day, claimed) VALUES ({row}.unit_id, {row}.local_date, 0);")
    };
    vec![
        format!("CREATE TRIGGER stats_mark_appointment_insert AFTER INSERT ON appointment BEGIN {} END", mark("NEW")),
        format!(
            "CREATE TRIGGER stats_mark_appointment_update AFTER UPDATE ON appointment BEGIN {} \
             INSERT INTO stats_dirty (unit_id, day, claimed) SELECT NEW.unit_id, NEW.local_date, 0 \
             WHERE NEW.unit_id IS NOT OLD.unit_id OR NEW.local_date IS NOT OLD.local_date; END",
            mark("OLD")
        ),
        format!("CREATE TRIGGER stats_mark_appointment_delete AFTER DELETE ON appointment BEGIN {} END", mark("OLD")),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut rollup = Table::create();
        rollup
            .table(StatsAppointmentDay::Table)
            .col(ColumnDef::new(StatsAppointmentDay::UnitId).uuid().not_null())
            .col(ColumnDef::new(StatsAppointmentDay::Day).date().not_null());
        for count in COUNTS {
            rollup.col(ColumnDef::new(Alias::new(count)).big_integer().not_null().default(0));
        }
        rollup.primary_key(Index::create().col(StatsAppointmentDay::UnitId).col(StatsAppointmentDay::Day));
        manager.create_table(rollup.to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_stats_appointment_day_day")
                    .table(StatsAppointmentDay::Table)
                    .col(StatsAppointmentDay::Day)
                    .to_owned(),
            )
            .await?;
        // No key: the same (unit, day) may be marked by many writers at once,
        // and an append never waits for another writer's mark.
        manager
            .create_table(
                Table::create()
                    .table(StatsDirty::Table)
                    .col(ColumnDef::new(StatsDirty::UnitId).uuid().not_null())
                    .col(ColumnDef::new(StatsDirty::Day).date().not_null())
                    .col(ColumnDef::new(StatsDirty::Claimed).integer().not_null().default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_stats_dirty_claimed_day")
                    .table(StatsDirty::Table)
                    .col(StatsDirty::Claimed)
                    .col(StatsDirty::Day)
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        let statements = match db.get_database_backend() {
            DbBackend::Postgres => postgres_up(),
            _ => sqlite_up(),
        };
        for sql in statements {
            db.execute_unprepared(&sql).await?;
        }
        db.execute_unprepared(
            "INSERT INTO stats_dirty (unit_id, day, claimed) SELECT DISTINCT unit_id, local_date, 0 FROM appointment",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let statements: Vec<&str> = match db.get_database_backend() {
            DbBackend::Postgres => vec![
                "DROP TRIGGER IF EXISTS stats_mark_appointment_day ON appointment",
                "DROP FUNCTION IF EXISTS stats_mark_appointment_day()",
            ],
            _ => vec![
                "DROP TRIGGER IF EXISTS stats_mark_appointment_insert",
                "DROP TRIGGER IF EXISTS stats_mark_appointment_update",
                "DROP TRIGGER IF EXISTS stats_mark_appointment_delete",
            ],
        };
        for sql in statements {
            db.execute_unprepared(sql).await?;
        }
        manager.drop_table(Table::drop().table(StatsDirty::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(StatsAppointmentDay::Table).to_owned()).await?;
        Ok(())
    }
}
