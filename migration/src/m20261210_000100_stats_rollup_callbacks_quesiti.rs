//! The daily rollups of the callback and quesiti counts (issue 15 item 5),
//! beside the bookings' (`m20261208_000500_stats_rollup`), kept exact the
//! same way: a trigger marks in `stats_dirty`, in the writer's transaction,
//! what every inserted, changed or deleted row touches, and the server
//! recounts the marked days before `stats` reads them
//! (`api/src/monitoring/store/rollup.rs`).
//!
//! - `stats_callback_day`: per office and Rome day of the request, the
//!   requests and, of those, the ones waiting now and served by outcome;
//! - `stats_quesito_day`: per CRIC, Rome day of filing and section, the
//!   quesiti received and, of those, answered, at the CRIC now, forwarded,
//!   and the SLA breaches that no longer depend on the clock (answered late,
//!   or paused for the citizen when already late). An open quesito with its
//!   clock running becomes a breach by the clock alone, with no write to
//!   mark it: those few are counted from their rows at each read (the
//!   existing index on (status, due date) finds them).
//!
//! The databases have no time-zone rules in common (SQLite has none), so a
//! mark names the **UTC** day of the row's instant (`area` `callback` or
//! `quesito`); the server recounts both Rome days that UTC day overlaps.
//! Bookings' marks keep naming their Rome day (`area` `appointment`, the
//! column's default, so their trigger is unchanged).
//!
//! Medians are not rolled up (they cannot be summed): the index
//! `idx_quesito_answered_cover` holds everything the median of the answer
//! times reads, so a national year is read from the index alone.
//!
//! Existing rows are marked here: the first read after this migration counts them.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The callback counts of the rollup, in the order of `api::monitoring::store::rollup`'s.
pub const CALLBACK_COUNTS: [&str; 6] = ["requested", "waiting", "served", "resolved", "routed_internally", "no_answer"];

/// The quesiti counts of the rollup (per section), in the order of `api::monitoring::store::rollup`'s.
pub const QUESITO_COUNTS: [&str; 5] = ["received", "answered", "backlog", "forwarded", "sla_breaches"];

/// The UTC day of a timestamp column, as marks name it: the one date
/// expression both databases agree on (SQLite stores RFC 3339 text).
pub fn utc_day_sql(backend: DbBackend, col: &str) -> String {
    match backend {
        DbBackend::Postgres => format!("CAST(({col} AT TIME ZONE 'UTC') AS DATE)"),
        _ => format!("date({col})"),
    }
}

/// A table whose rows are marked by their unit and the UTC day of an instant.
struct Marked {
    table: &'static str,
    /// The instant that puts a row in a day.
    at: &'static str,
    /// The mark's `area`, and the rollup it invalidates.
    area: &'static str,
    rollup: &'static str,
    /// The reach setting that guards the rollup's rows (as the table's own).
    setting: &'static str,
}

const MARKED: [Marked; 2] = [
    Marked {
        table: "callback_request",
        at: "requested_at",
        area: "callback",
        rollup: "stats_callback_day",
        setting: "accoglienza.callback",
    },
    Marked {
        table: "quesito",
        at: "created_at",
        area: "quesito",
        rollup: "stats_quesito_day",
        setting: "accoglienza.quesito",
    },
];

#[derive(DeriveIden)]
enum StatsDirty {
    Table,
    Area,
}

fn policy(setting: &str) -> String {
    format!(
        "('*' = ANY (string_to_array(current_setting('{setting}', true), ',')) \
         OR unit_id IN (SELECT u.id FROM org_unit u WHERE u.path LIKE ANY \
         (string_to_array(current_setting('{setting}', true), ','))))"
    )
}

fn postgres_up(m: &Marked) -> Vec<String> {
    let (table, at, area, rollup) = (m.table, m.at, m.area, m.rollup);
    let day = |row: &str| utc_day_sql(DbBackend::Postgres, &format!("{row}.{at}"));
    let function = format!("stats_mark_{table}_day");
    let policy = policy(m.setting);
    vec![
        format!(
            "CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN \
               IF TG_OP <> 'INSERT' THEN \
                 INSERT INTO stats_dirty (unit_id, day, claimed, area) VALUES (OLD.unit_id, {old}, 0, '{area}'); \
               END IF; \
               IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.unit_id IS DISTINCT FROM OLD.unit_id \
                  OR NEW.{at} IS DISTINCT FROM OLD.{at})) THEN \
                 INSERT INTO stats_dirty (unit_id, day, claimed, area) VALUES (NEW.unit_id, {new}, 0, '{area}'); \
               END IF; \
               RETURN NULL; \
             END $$",
            old = day("OLD"),
            new = day("NEW"),
        ),
        format!(
            "CREATE TRIGGER {function} AFTER INSERT OR UPDATE OR DELETE ON {table} \
             FOR EACH ROW EXECUTE FUNCTION {function}()"
        ),
        format!("ALTER TABLE {rollup} ENABLE ROW LEVEL SECURITY"),
        format!("ALTER TABLE {rollup} FORCE ROW LEVEL SECURITY"),
        format!("CREATE POLICY within_reach ON {rollup} USING {policy} WITH CHECK {policy}"),
    ]
}

fn sqlite_up(m: &Marked) -> Vec<String> {
    let (table, at, area) = (m.table, m.at, m.area);
    let mark = |row: &str| {
        format!(
            "INSERT INTO stats_dirty (unit_id, day, claimed, area) VALUES ({row}.unit_id, {}, 0, '{area}');",
            utc_day_sql(DbBackend::Sqlite, &format!("{row}.{at}"))
        )
    };
    vec![
        format!("CREATE TRIGGER stats_mark_{table}_insert AFTER INSERT ON {table} BEGIN {} END", mark("NEW")),
        format!(
            "CREATE TRIGGER stats_mark_{table}_update AFTER UPDATE ON {table} BEGIN {} \
             INSERT INTO stats_dirty (unit_id, day, claimed, area) SELECT NEW.unit_id, {}, 0, '{area}' \
             WHERE NEW.unit_id IS NOT OLD.unit_id OR NEW.{at} IS NOT OLD.{at}; END",
            mark("OLD"),
            utc_day_sql(DbBackend::Sqlite, &format!("NEW.{at}"))
        ),
        format!("CREATE TRIGGER stats_mark_{table}_delete AFTER DELETE ON {table} BEGIN {} END", mark("OLD")),
    ]
}

/// A rollup table: unit, day, the key columns, the counts; keyed by all but the counts.
fn rollup_table(name: &str, keys: &[&str], counts: &[&str]) -> TableCreateStatement {
    let mut t = Table::create();
    t.table(Alias::new(name))
        .col(ColumnDef::new(Alias::new("unit_id")).uuid().not_null())
        .col(ColumnDef::new(Alias::new("day")).date().not_null());
    for key in keys {
        t.col(ColumnDef::new(Alias::new(*key)).string().not_null());
    }
    for count in counts {
        t.col(ColumnDef::new(Alias::new(*count)).big_integer().not_null().default(0));
    }
    let mut pk = Index::create();
    for col in ["unit_id", "day"].iter().chain(keys) {
        pk.col(Alias::new(*col));
    }
    t.primary_key(&mut pk);
    t.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(StatsDirty::Table)
                    .add_column(ColumnDef::new(StatsDirty::Area).string().not_null().default("appointment"))
                    .to_owned(),
            )
            .await?;
        manager.create_table(rollup_table("stats_callback_day", &[], &CALLBACK_COUNTS)).await?;
        manager.create_table(rollup_table("stats_quesito_day", &["section"], &QUESITO_COUNTS)).await?;
        for m in &MARKED {
            manager
                .create_index(
                    Index::create()
                        .name(format!("idx_{}_day", m.rollup))
                        .table(Alias::new(m.rollup))
                        .col(Alias::new("day"))
                        .to_owned(),
                )
                .await?;
        }
        let db = manager.get_connection();
        let backend = db.get_database_backend();
        let mut statements = vec![match backend {
            // What the median of the answer times reads, in the order it is
            // filtered by: an index-only scan of the period.
            DbBackend::Postgres => "CREATE INDEX idx_quesito_answered_cover ON quesito (created_at) \
                                    INCLUDE (unit_id, section, answered_at) WHERE answered_at IS NOT NULL"
                .to_owned(),
            _ => "CREATE INDEX idx_quesito_answered_cover ON quesito (created_at, unit_id, section, answered_at) \
                  WHERE answered_at IS NOT NULL"
                .to_owned(),
        }];
        for m in &MARKED {
            statements.extend(match backend {
                DbBackend::Postgres => postgres_up(m),
                _ => sqlite_up(m),
            });
            statements.push(format!(
                "INSERT INTO stats_dirty (unit_id, day, claimed, area) SELECT DISTINCT unit_id, {}, 0, '{}' FROM {}",
                utc_day_sql(backend, m.at),
                m.area,
                m.table
            ));
        }
        for sql in statements {
            db.execute_unprepared(&sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = db.get_database_backend();
        let mut statements = Vec::new();
        for m in &MARKED {
            let table = m.table;
            match backend {
                DbBackend::Postgres => {
                    statements.push(format!("DROP TRIGGER IF EXISTS stats_mark_{table}_day ON {table}"));
                    statements.push(format!("DROP FUNCTION IF EXISTS stats_mark_{table}_day()"));
                }
                _ => {
                    for op in ["insert", "update", "delete"] {
                        statements.push(format!("DROP TRIGGER IF EXISTS stats_mark_{table}_{op}"));
                    }
                }
            }
            statements.push(format!("DELETE FROM stats_dirty WHERE area = '{}'", m.area));
        }
        statements.push("DROP INDEX IF EXISTS idx_quesito_answered_cover".to_owned());
        for sql in statements {
            db.execute_unprepared(&sql).await?;
        }
        manager.drop_table(Table::drop().table(Alias::new("stats_quesito_day")).to_owned()).await?;
        manager.drop_table(Table::drop().table(Alias::new("stats_callback_day")).to_owned()).await?;
        manager.alter_table(Table::alter().table(StatsDirty::Table).drop_column(StatsDirty::Area).to_owned()).await?;
        Ok(())
    }
}
