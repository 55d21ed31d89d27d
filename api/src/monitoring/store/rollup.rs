//! The booking figures from the daily rollup (issue 15 item 5).
//!
//! Bookings are 98 % of the rows `stats` counts (3.3 million a year at
//! national size), so their counts are kept per office and Rome day in
//! `stats_appointment_day` (migration `m20261208_000500_stats_rollup`): a
//! national year sums about 90,000 rows. Every booking figure is a count
//! over bookings of one day (its cohort date) with no "now" in it, so the
//! counts of a period are the sums of its days' counts, exactly. The other
//! areas (callbacks, quesiti with their medians, follow-ups) are small and
//! stay counted from their rows; medians could not be summed anyway.
//!
//! Exact as records change: a trigger marks the (unit, day) of every booking
//! written in `stats_dirty`, in the writer's transaction. [`bring_up_to_date`]
//! runs before the rollup is read: when marks exist, one transaction
//! - takes the rollup's lock (PostgreSQL: an advisory lock per schema, so
//!   instances refresh one after the other; SQLite: the write lock of
//!   `BEGIN IMMEDIATE`),
//! - claims the marks it sees (`claimed = 1`; marks of transactions still
//!   running are not visible yet and stay for the next refresh),
//! - recomputes each claimed (unit, day) from the raw bookings, with a
//!   snapshot taken after the claim, so every change behind a claimed mark is
//!   counted,
//! - deletes the claimed marks, and commits.
//!
//! A refresh works for nobody in particular (it rebuilds figures of every
//! region), so on PostgreSQL it runs with the whole reach; it reads and
//! writes only the rollup's own tables and the bookings it recounts.

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, Statement};

use entities::org_unit;

use super::{Grouping, Sql, count_if, counter_cells, eq, key_and_group, seconds_between};
use crate::appointments::domain::{
    AppointmentStatus, Channel, CounterOutcome, PrecallOutcome, PrecallResult, PrecallStatus,
};
use crate::error::AppResult;
use crate::kernel::reach::{Reach, set_sql};
use crate::kernel::write_txn::begin_write;
use crate::monitoring::domain::{MAX_SESSION_SECONDS, Period, precall_deadline};
use crate::tenancy::UnitScope;

/// The column of the counter sessions with this channel and outcome.
pub fn counter_column(channel: Channel, outcome: CounterOutcome) -> String {
    format!("counter_{}_{}", channel.as_str().to_lowercase(), outcome.as_str().to_lowercase())
}

/// Each count of the rollup: its column and how it is counted over the
/// bookings of one day (`deadline` is that day's precall deadline).
fn counts(backend: DbBackend, deadline: &str) -> Vec<(String, String)> {
    let over_15 = format!(
        "a.counter_started_at IS NOT NULL AND a.counter_ended_at IS NOT NULL AND {} > {MAX_SESSION_SECONDS}",
        seconds_between(backend, "a.counter_ended_at", "a.counter_started_at")
    );
    let cancelled = eq("a.status", AppointmentStatus::Cancelled.as_str());
    let named: Vec<(&str, String)> = vec![
        ("bookings", "1 = 1".to_owned()),
        ("cancelled", cancelled.clone()),
        (
            "to_precall",
            format!(
                "a.precall_status <> '{}' AND NOT ({cancelled} AND a.precalled_at IS NULL)",
                PrecallStatus::NotRequired.as_str()
            ),
        ),
        ("precalled", "a.precall_outcome IS NOT NULL".to_owned()),
        ("precalled_in_time", format!("a.precall_outcome IS NOT NULL AND a.precalled_at < {deadline}")),
        ("not_contactable", eq("a.precall_outcome", PrecallOutcome::NotContactable.as_str())),
        ("negative", eq("a.precall_outcome", PrecallOutcome::Negative.as_str())),
        ("positive", eq("a.precall_outcome", PrecallOutcome::Positive.as_str())),
        ("served_remotely", eq("a.precall_result", PrecallResult::ServedRemotely.as_str())),
        ("redirected_email_pec", eq("a.precall_result", PrecallResult::RedirectedEmailPec.as_str())),
        ("confirmed_virtual", eq("a.precall_result", PrecallResult::ConfirmedVirtual.as_str())),
        ("confirmed_in_person", eq("a.precall_result", PrecallResult::ConfirmedInPerson.as_str())),
        ("cancelled_by_citizen", eq("a.precall_result", PrecallResult::CancelledByCitizen.as_str())),
        ("over_15", over_15.clone()),
        ("completed_over_15", format!("{over_15} AND {}", eq("a.counter_outcome", CounterOutcome::Completed.as_str()))),
    ];
    let mut owned: Vec<(String, String)> = named.into_iter().map(|(c, e)| (c.to_owned(), e)).collect();
    for (ch, o) in counter_cells() {
        owned.push((
            counter_column(ch, o),
            format!("{} AND {}", eq("a.counter_channel", ch.as_str()), eq("a.counter_outcome", o.as_str())),
        ));
    }
    owned
}

/// The rollup's count columns, in the table's order.
pub fn columns() -> Vec<String> {
    counts(DbBackend::Sqlite, "NULL").into_iter().map(|(c, _)| c).collect()
}

/// Recounts one day from the raw bookings: every office (`only_marked`
/// false) or the offices whose (unit, day) the running refresh claimed.
fn recount_day_sql(backend: DbBackend, day: NaiveDate, only_marked: bool) -> Statement {
    let mut q = Sql::new(backend);
    let deadline = q.p(precall_deadline(day));
    let counts = counts(backend, &deadline);
    let names: Vec<&str> = counts.iter().map(|(c, _)| c.as_str()).collect();
    let sums: Vec<String> = counts.iter().map(|(c, cond)| count_if(cond, c)).collect();
    let d = q.p(day);
    let mut sql = format!(
        "INSERT INTO stats_appointment_day (unit_id, day, {names}) SELECT a.unit_id, a.local_date, {sums} \
         FROM appointment a WHERE a.local_date = {d}",
        names = names.join(", "),
        sums = sums.join(", ")
    );
    if only_marked {
        let d = q.p(day);
        sql.push_str(&format!(
            " AND a.unit_id IN (SELECT m.unit_id FROM stats_dirty m WHERE m.claimed = 1 AND m.day = {d})"
        ));
    }
    sql.push_str(" GROUP BY a.unit_id, a.local_date");
    q.finish(sql)
}

/// Whether any booking changed since the rollup was last brought up to date.
async fn has_marks(db: &DatabaseConnection) -> AppResult<bool> {
    let backend = db.get_database_backend();
    let row = db.query_one_raw(Statement::from_string(backend, "SELECT 1 AS one FROM stats_dirty LIMIT 1")).await?;
    Ok(row.is_some())
}

/// Opens the refresh's transaction: the whole reach, and the rollup's lock.
async fn begin_refresh(db: &DatabaseConnection) -> AppResult<DatabaseTransaction> {
    let txn = begin_write(db).await?;
    if txn.get_database_backend() == DbBackend::Postgres {
        let values = Reach::system().settings().into_iter().map(sea_orm::Value::from);
        txn.query_one_raw(Statement::from_sql_and_values(DbBackend::Postgres, set_sql(true), values)).await?;
        // One refresh at a time per schema, across instances; released at commit.
        txn.execute_unprepared("SELECT pg_advisory_xact_lock(hashtext(current_schema()), 15005)").await?;
    }
    Ok(txn)
}

async fn days(txn: &DatabaseTransaction, sql: &str) -> AppResult<Vec<NaiveDate>> {
    let backend = txn.get_database_backend();
    let rows = txn.query_all_raw(Statement::from_string(backend, sql)).await?;
    rows.iter().map(|r| Ok(r.try_get::<NaiveDate>("", "day")?)).collect()
}

/// Recomputes the (unit, day) pairs marked since the last refresh; nothing
/// (one indexed look-up) when there are none. Called before every read of
/// the rollup.
pub async fn bring_up_to_date(db: &DatabaseConnection) -> AppResult<()> {
    if !has_marks(db).await? {
        return Ok(());
    }
    let txn = begin_refresh(db).await?;
    let backend = txn.get_database_backend();
    let run = |sql: &str| Statement::from_string(backend, sql.to_owned());
    txn.execute_raw(run("UPDATE stats_dirty SET claimed = 1 WHERE claimed = 0")).await?;
    for day in days(&txn, "SELECT DISTINCT day FROM stats_dirty WHERE claimed = 1").await? {
        let mut q = Sql::new(backend);
        let (d1, d2) = (q.p(day), q.p(day));
        let delete = q.finish(format!(
            "DELETE FROM stats_appointment_day WHERE day = {d1} \
             AND unit_id IN (SELECT m.unit_id FROM stats_dirty m WHERE m.claimed = 1 AND m.day = {d2})"
        ));
        txn.execute_raw(delete).await?;
        txn.execute_raw(recount_day_sql(backend, day, true)).await?;
    }
    txn.execute_raw(run("DELETE FROM stats_dirty WHERE claimed = 1")).await?;
    txn.commit().await?;
    Ok(())
}

/// Rebuilds the whole rollup from the raw bookings, one day per statement:
/// after a bulk load (`generate-data`, the demo data), where the marks would
/// name every day anyway.
pub async fn rebuild(db: &DatabaseConnection) -> AppResult<()> {
    let txn = begin_refresh(db).await?;
    let backend = txn.get_database_backend();
    let run = |sql: &str| Statement::from_string(backend, sql.to_owned());
    txn.execute_raw(run("UPDATE stats_dirty SET claimed = 1 WHERE claimed = 0")).await?;
    txn.execute_raw(run("DELETE FROM stats_appointment_day")).await?;
    for day in days(&txn, "SELECT DISTINCT local_date AS day FROM appointment").await? {
        txn.execute_raw(recount_day_sql(backend, day, false)).await?;
    }
    txn.execute_raw(run("DELETE FROM stats_dirty WHERE claimed = 1")).await?;
    txn.commit().await?;
    Ok(())
}

/// The booking figures of `unit` for the period, grouped, summed from the
/// rollup; the same columns a raw count would give, one row per group.
pub fn read_sql(
    backend: DbBackend,
    units: &UnitScope,
    unit: &org_unit::Model,
    period: Period,
    grouping: Grouping<'_>,
) -> Statement {
    let mut q = Sql::new(backend);
    let columns = columns();
    let sum = |alias: &str| -> String {
        columns.iter().map(|c| format!("CAST(SUM({alias}.{c}) AS BIGINT) AS {c}")).collect::<Vec<_>>().join(", ")
    };
    let inner_grouping = match grouping {
        Grouping::Children(_) => Grouping::Total,
        g => g,
    };
    let (from, cond) = q.scoped_from("stats_appointment_day", "s", units, unit, inner_grouping);
    let from_day = q.p(period.from);
    let to_day = q.p(period.to);
    let range = format!("{cond} AND s.day >= {from_day} AND s.day <= {to_day}");
    let sql = match grouping {
        // Summed per office first, so the child join (a path prefix, which no
        // index serves) meets one row per office, not one per office and day.
        Grouping::Children(parent) => {
            let parent_id = q.p(parent.id);
            format!(
                "SELECT ch.code AS k, {outer} FROM (SELECT s.unit_id AS unit_id, {inner} {from} WHERE {range} \
                 GROUP BY s.unit_id) r JOIN org_unit u ON u.id = r.unit_id \
                 JOIN org_unit ch ON ch.parent_id = {parent_id} AND u.path LIKE (ch.path || '%') GROUP BY ch.code",
                outer = sum("r"),
                inner = sum("s"),
            )
        }
        _ => {
            let (key, group_by) = key_and_group(grouping, "s.day".to_owned(), &[]);
            format!("SELECT {key}{sums} {from} WHERE {range}{group_by}", sums = sum("s"))
        }
    };
    q.finish(sql)
}

/// The same counts straight from the raw bookings, as `stats` read them
/// before the rollup (a deadline per day of the period in one `CASE`): what
/// the benchmark compares the rollup's read with.
pub fn raw_sql(
    backend: DbBackend,
    units: &UnitScope,
    unit: &org_unit::Model,
    period: Period,
    grouping: Grouping<'_>,
) -> Statement {
    let mut q = Sql::new(backend);
    let mut deadline = String::from("CASE a.local_date");
    for day in period.days() {
        let d = q.p(day);
        let t = q.p(precall_deadline(day));
        deadline.push_str(&format!(" WHEN {d} THEN {t}"));
    }
    deadline.push_str(" END");
    let cols: Vec<String> = counts(backend, &deadline).iter().map(|(c, cond)| count_if(cond, c)).collect();
    let (from, cond) = q.scoped_from("appointment", "a", units, unit, grouping);
    let from_day = q.p(period.from);
    let to_day = q.p(period.to);
    let (key, group_by) = key_and_group(grouping, "a.local_date".to_owned(), &[]);
    q.finish(format!(
        "SELECT {key}{cols} {from} WHERE {cond} AND a.local_date >= {from_day} AND a.local_date <= {to_day}{group_by}",
        cols = cols.join(", ")
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_rollup_columns_are_the_ones_the_migration_made() {
        assert_eq!(columns(), migration::STATS_ROLLUP_COUNTS.map(str::to_owned).to_vec());
    }

    #[test]
    fn a_day_is_recounted_with_its_own_precall_deadline_and_only_the_marked_offices() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let s = recount_day_sql(DbBackend::Postgres, day, true);
        assert!(s.sql.contains("a.precalled_at < $1"), "{}", s.sql);
        assert!(s.sql.contains("m.claimed = 1 AND m.day = $3"), "{}", s.sql);
        let values = s.values.unwrap().0;
        assert_eq!(values[0], sea_orm::Value::from(precall_deadline(day)));
        assert!(!recount_day_sql(DbBackend::Sqlite, day, false).sql.contains("stats_dirty"));
    }
}
