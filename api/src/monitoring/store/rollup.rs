//! The figures kept per office and Rome day (issue 15 item 5): the bookings'
//! counts in `stats_appointment_day` (migration `m20261208_000500_stats_rollup`),
//! the callbacks' in `stats_callback_day` and the quesiti's, per section, in
//! `stats_quesito_day` (migration `m20261210_000100_stats_rollup_callbacks_quesiti`).
//!
//! Bookings are 98 % of the rows `stats` counts (3.3 million a year at
//! national size): a national year sums about 90,000 rollup rows instead.
//! Callbacks (145,000 a year) and quesiti (60,000) are rolled up the same
//! way. Every rolled-up figure is a count over the rows of one day (their
//! cohort date) with no "now" in it, so the counts of a period are the sums
//! of its days' counts, exactly. What does depend on "now" is read from the
//! rows: the open quesiti whose clock has run past their due date (a few,
//! through the index on (status, due date)) and the follow-ups (few, never generated in
//! bulk). Medians cannot be summed: they stay computed from the rows.
//!
//! Exact as records change: a trigger marks what every row written touches
//! in `stats_dirty`, in the writer's transaction: its unit and, by [`Area`],
//! a booking's Rome day or the UTC day of a callback's request or a
//! quesito's filing (the databases share no time-zone rules; a UTC day
//! overlaps two Rome days, and both are recounted). [`bring_up_to_date`]
//! runs before the rollups are read: when marks exist, one transaction
//! - takes the rollups' lock (PostgreSQL: an advisory lock per schema, so
//!   instances refresh one after the other; SQLite: the write lock of
//!   `BEGIN IMMEDIATE`),
//! - claims the marks it sees (`claimed = 1`; marks of transactions still
//!   running are not visible yet and stay for the next refresh),
//! - recomputes each claimed (unit, Rome day) from the raw rows, with a
//!   snapshot taken after the claim, so every change behind a claimed mark is
//!   counted,
//! - deletes the claimed marks, and commits.
//!
//! A refresh works for nobody in particular (it rebuilds figures of every
//! region), so on PostgreSQL it runs with the whole reach; it reads and
//! writes only the rollups' own tables and the rows it recounts.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate};
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, Statement};

use entities::org_unit;

use super::{Grouping, Sql, count_if, counter_cells, done_with, eq, is_in, key_and_group, seconds_between};
use crate::appointments::domain::{
    AppointmentStatus, Channel, CounterOutcome, PrecallOutcome, PrecallResult, PrecallStatus,
};
use crate::callbacks::domain::{CallbackOutcome, CallbackStatus};
use crate::error::{AppError, AppResult};
use crate::kernel::reach::{Reach, set_sql};
use crate::kernel::write_txn::begin_write;
use crate::monitoring::domain::{MAX_SESSION_SECONDS, Period, precall_deadline, rome_midnight};
use crate::quesiti::domain::{Lifecycle, QuesitoStatus};
use crate::quesiti::store::overdue_paused_sql;
use crate::tenancy::UnitScope;

/// What a mark in `stats_dirty` names (its `area`): the rollup it makes
/// stale, and what its day is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Area {
    /// Bookings: the mark's day is the booking's Rome day (`local_date`).
    Appointment,
    /// Callback requests: the UTC day of `requested_at`.
    Callback,
    /// Quesiti: the UTC day of `created_at` (filing).
    Quesito,
}

/// A rollup counted from rows stamped with an instant, per unit, Rome day and `keys`.
pub(super) struct Stamped {
    pub table: &'static str,
    pub alias: &'static str,
    /// The instant that puts a row in a day.
    pub at: &'static str,
    /// Grouped by besides the unit and the day (columns of both tables).
    pub keys: &'static [&'static str],
}

impl Area {
    pub const ALL: [Area; 3] = [Area::Appointment, Area::Callback, Area::Quesito];

    /// The mark's `area` code.
    pub fn code(self) -> &'static str {
        match self {
            Area::Appointment => "appointment",
            Area::Callback => "callback",
            Area::Quesito => "quesito",
        }
    }

    fn parse(code: &str) -> AppResult<Area> {
        Area::ALL
            .into_iter()
            .find(|a| a.code() == code)
            .ok_or_else(|| AppError::internal(format!("stats_dirty: unknown area {code}")))
    }

    pub fn rollup(self) -> &'static str {
        match self {
            Area::Appointment => "stats_appointment_day",
            Area::Callback => "stats_callback_day",
            Area::Quesito => "stats_quesito_day",
        }
    }

    /// The rows behind the rollup, when they carry an instant (bookings carry their Rome day).
    pub(super) fn stamped(self) -> Option<Stamped> {
        match self {
            Area::Appointment => None,
            Area::Callback => Some(Stamped { table: "callback_request", alias: "cb", at: "requested_at", keys: &[] }),
            Area::Quesito => Some(Stamped { table: "quesito", alias: "q", at: "created_at", keys: &["section"] }),
        }
    }

    /// The rollup's counts: column, and condition over the rows of one day.
    fn counts(self, backend: DbBackend, deadline: &str) -> Vec<(String, String)> {
        match self {
            Area::Appointment => counts(backend, deadline),
            Area::Callback => callback_counts(),
            Area::Quesito => quesito_counts(),
        }
    }

    /// The rollup's count columns, in the table's order.
    pub fn columns(self) -> Vec<String> {
        self.counts(DbBackend::Sqlite, "NULL").into_iter().map(|(c, _)| c).collect()
    }

    /// The Rome days a mark of `marked` makes stale: its own for a booking;
    /// the two a UTC day overlaps (Rome is 1 or 2 hours ahead) for an instant.
    fn stale_days(self, marked: NaiveDate) -> Vec<NaiveDate> {
        match self.stamped() {
            None => vec![marked],
            Some(_) => vec![marked, marked + Duration::days(1)],
        }
    }

    /// The marked days that make Rome day `day` stale: [`Self::stale_days`]' inverse.
    fn marking_days(self, day: NaiveDate) -> Vec<NaiveDate> {
        match self.stamped() {
            None => vec![day],
            Some(_) => vec![day - Duration::days(1), day],
        }
    }
}

/// The callback counts of the requests of one day: column and condition over `cb`.
fn callback_counts() -> Vec<(String, String)> {
    let named = [
        ("requested", "1 = 1".to_owned()),
        ("waiting", is_in("cb.status", &[CallbackStatus::Waiting.as_str(), CallbackStatus::Assigned.as_str()])),
        ("served", is_in("cb.status", &[CallbackStatus::Done.as_str()])),
        ("resolved", done_with(CallbackOutcome::Resolved)),
        ("routed_internally", done_with(CallbackOutcome::RoutedInternally)),
        ("no_answer", done_with(CallbackOutcome::NoAnswer)),
    ];
    named.into_iter().map(|(c, e)| (c.to_owned(), e)).collect()
}

/// The quesiti counts of the filings of one day and section: column and condition over `q`.
fn quesito_counts() -> Vec<(String, String)> {
    let named = [
        ("received", "1 = 1".to_owned()),
        ("answered", is_in("q.status", &[QuesitoStatus::Answered.as_str()])),
        ("backlog", is_in("q.status", &QuesitoStatus::AT_THE_CRIC.map(QuesitoStatus::as_str))),
        ("forwarded", "q.forwarded_to_unit_id IS NOT NULL".to_owned()),
        // The SLA breaches no clock changes: answered late, or paused for the
        // citizen when already late. An open quesito with its clock running
        // becomes one by the clock alone: those are counted at each read
        // (`monitoring::store::quesiti_sql`).
        (
            "sla_breaches",
            format!(
                "(q.answered_at IS NOT NULL AND q.answered_at > q.due_at) OR (q.answered_at IS NULL AND {})",
                overdue_paused_sql("q")
            ),
        ),
    ];
    named.into_iter().map(|(c, e)| (c.to_owned(), e)).collect()
}

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

/// The bookings rollup's count columns, in the table's order.
pub fn columns() -> Vec<String> {
    Area::Appointment.columns()
}

/// `unit_col IN (…)`: the units whose claimed marks of `area` make Rome day `day` stale.
fn marked_units(q: &mut Sql, area: Area, unit_col: &str, day: NaiveDate) -> String {
    let days: Vec<String> = area.marking_days(day).into_iter().map(|d| q.p(d)).collect();
    format!(
        "{unit_col} IN (SELECT m.unit_id FROM stats_dirty m WHERE m.claimed = 1 AND m.area = '{}' AND m.day IN ({}))",
        area.code(),
        days.join(", ")
    )
}

/// Recounts one Rome day of an area's rollup from the raw rows: every
/// unit (`only_marked` false) or the units whose marks the running refresh
/// claimed for that day.
fn recount_day_sql(backend: DbBackend, area: Area, day: NaiveDate, only_marked: bool) -> Statement {
    let mut q = Sql::new(backend);
    let (select, from, unit_col, group) = match area.stamped() {
        // Bookings carry their Rome day, and their counts the day's precall deadline.
        None => {
            let deadline = q.p(precall_deadline(day));
            let sums: Vec<String> = area.counts(backend, &deadline).iter().map(|(c, e)| count_if(e, c)).collect();
            let d = q.p(day);
            (
                format!("a.unit_id, a.local_date, {}", sums.join(", ")),
                format!("FROM appointment a WHERE a.local_date = {d}"),
                "a.unit_id".to_owned(),
                "a.unit_id, a.local_date".to_owned(),
            )
        }
        Some(t) => {
            let a = t.alias;
            let d = q.p(day);
            let keys: String = t.keys.iter().map(|k| format!(", {a}.{k}")).collect();
            let sums: Vec<String> = area.counts(backend, "NULL").iter().map(|(c, e)| count_if(e, c)).collect();
            let (start, end) = (q.p(rome_midnight(day)), q.p(rome_midnight(day + Duration::days(1))));
            (
                format!("{a}.unit_id, {d}{keys}, {}", sums.join(", ")),
                format!("FROM {table} {a} WHERE {a}.{at} >= {start} AND {a}.{at} < {end}", table = t.table, at = t.at),
                format!("{a}.unit_id"),
                format!("{a}.unit_id{keys}"),
            )
        }
    };
    let keys: String = area.stamped().map(|t| t.keys.iter().map(|k| format!(", {k}")).collect()).unwrap_or_default();
    let mut sql = format!(
        "INSERT INTO {rollup} (unit_id, day{keys}, {names}) SELECT {select} {from}",
        rollup = area.rollup(),
        names = area.columns().join(", "),
    );
    if only_marked {
        sql.push_str(&format!(" AND {}", marked_units(&mut q, area, &unit_col, day)));
    }
    sql.push_str(&format!(" GROUP BY {group}"));
    q.finish(sql)
}

/// Deletes the rollup rows of one Rome day whose units the running refresh claimed marks of.
fn delete_marked_sql(backend: DbBackend, area: Area, day: NaiveDate) -> Statement {
    let mut q = Sql::new(backend);
    let d = q.p(day);
    let units = marked_units(&mut q, area, "unit_id", day);
    q.finish(format!("DELETE FROM {} WHERE day = {d} AND {units}", area.rollup()))
}

/// Whether any counted row changed since the rollups were last brought up to date.
async fn has_marks(db: &DatabaseConnection) -> AppResult<bool> {
    let backend = db.get_database_backend();
    let row = db.query_one_raw(Statement::from_string(backend, "SELECT 1 AS one FROM stats_dirty LIMIT 1")).await?;
    Ok(row.is_some())
}

/// Opens the refresh's transaction: the whole reach, and the rollups' lock.
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

/// Recomputes the (unit, Rome day) pairs marked since the last refresh, in
/// every area; nothing (one indexed look-up) when there are none. Called
/// before every read of the rollups.
pub async fn bring_up_to_date(db: &DatabaseConnection) -> AppResult<()> {
    if !has_marks(db).await? {
        return Ok(());
    }
    let txn = begin_refresh(db).await?;
    let backend = txn.get_database_backend();
    let run = |sql: &str| Statement::from_string(backend, sql.to_owned());
    txn.execute_raw(run("UPDATE stats_dirty SET claimed = 1 WHERE claimed = 0")).await?;
    let mut stale = BTreeSet::new();
    for row in txn.query_all_raw(run("SELECT DISTINCT area, day FROM stats_dirty WHERE claimed = 1")).await? {
        let area = Area::parse(&row.try_get::<String>("", "area")?)?;
        stale.extend(area.stale_days(row.try_get::<NaiveDate>("", "day")?).into_iter().map(|d| (area, d)));
    }
    for (area, day) in stale {
        txn.execute_raw(delete_marked_sql(backend, area, day)).await?;
        txn.execute_raw(recount_day_sql(backend, area, day, true)).await?;
    }
    txn.execute_raw(run("DELETE FROM stats_dirty WHERE claimed = 1")).await?;
    txn.commit().await?;
    Ok(())
}

/// Rebuilds every rollup from the raw rows, one statement per area and day:
/// after a bulk load (`generate-data`, the demo data), where the marks
/// would name every day anyway.
pub async fn rebuild(db: &DatabaseConnection) -> AppResult<()> {
    let txn = begin_refresh(db).await?;
    let backend = txn.get_database_backend();
    let run = |sql: &str| Statement::from_string(backend, sql.to_owned());
    txn.execute_raw(run("UPDATE stats_dirty SET claimed = 1 WHERE claimed = 0")).await?;
    for area in Area::ALL {
        txn.execute_raw(run(&format!("DELETE FROM {}", area.rollup()))).await?;
        let marked = match area.stamped() {
            None => "SELECT DISTINCT local_date AS day FROM appointment".to_owned(),
            Some(t) => format!("SELECT DISTINCT {} AS day FROM {}", migration::utc_day_sql(backend, t.at), t.table),
        };
        let stale: BTreeSet<NaiveDate> =
            days(&txn, &marked).await?.into_iter().flat_map(|d| area.stale_days(d)).collect();
        for day in stale {
            txn.execute_raw(recount_day_sql(backend, area, day, false)).await?;
        }
    }
    txn.execute_raw(run("DELETE FROM stats_dirty WHERE claimed = 1")).await?;
    txn.commit().await?;
    Ok(())
}

/// One part of a rollup's read (see [`sum_parts_sql`]): the key `k`, the
/// area's keys and counts of its rollup rows in the subtree, the period and
/// the caller's scope.
pub(super) fn rollup_part(
    q: &mut Sql,
    area: Area,
    units: &UnitScope,
    unit: &org_unit::Model,
    period: Period,
    grouping: Grouping<'_>,
) -> String {
    let key = match grouping {
        Grouping::Total => "0".to_owned(),
        Grouping::Children(_) => super::CHILD_KEY.to_owned(),
        Grouping::Daily => "s.day".to_owned(),
    };
    let keys: String =
        area.stamped().map(|t| t.keys.iter().map(|k| format!(", s.{k} AS {k}")).collect()).unwrap_or_default();
    let counts: Vec<String> = area.columns().iter().map(|c| format!("s.{c} AS {c}")).collect();
    let (from, cond) = q.scoped_from(area.rollup(), "s", units, unit, grouping);
    let (from_day, to_day) = (q.p(period.from), q.p(period.to));
    format!(
        "SELECT {key} AS k{keys}, {counts} {from} WHERE {cond} AND s.day >= {from_day} AND s.day <= {to_day}",
        counts = counts.join(", ")
    )
}

/// The sums of an area's counts over `parts` (each a `SELECT` of `k`, the
/// area's keys and counts, e.g. [`rollup_part`]), per `k` and keys.
pub(super) fn sum_parts_sql(area: Area, parts: &[String]) -> String {
    let keys: String =
        area.stamped().map(|t| t.keys.iter().map(|k| format!(", x.{k} AS {k}")).collect()).unwrap_or_default();
    let group: String = area.stamped().map(|t| t.keys.iter().map(|k| format!(", x.{k}")).collect()).unwrap_or_default();
    let sums: Vec<String> = area.columns().iter().map(|c| format!("CAST(SUM(x.{c}) AS BIGINT) AS {c}")).collect();
    format!(
        "SELECT x.k AS k{keys}, {sums} FROM ({parts}) x GROUP BY x.k{group}",
        sums = sums.join(", "),
        parts = parts.join(" UNION ALL ")
    )
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
        assert_eq!(Area::Callback.columns(), migration::STATS_CALLBACK_COUNTS.map(str::to_owned).to_vec());
        assert_eq!(Area::Quesito.columns(), migration::STATS_QUESITO_COUNTS.map(str::to_owned).to_vec());
    }

    #[test]
    fn a_day_is_recounted_with_its_own_precall_deadline_and_only_the_marked_offices() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let s = recount_day_sql(DbBackend::Postgres, Area::Appointment, day, true);
        assert!(s.sql.contains("a.precalled_at < $1"), "{}", s.sql);
        assert!(s.sql.contains("m.claimed = 1 AND m.area = 'appointment' AND m.day IN ($3)"), "{}", s.sql);
        let values = s.values.unwrap().0;
        assert_eq!(values[0], sea_orm::Value::from(precall_deadline(day)));
        assert!(!recount_day_sql(DbBackend::Sqlite, Area::Appointment, day, false).sql.contains("stats_dirty"));
    }

    #[test]
    fn a_rome_day_of_callbacks_is_recounted_between_its_midnights_for_the_utc_days_it_overlaps() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let s = recount_day_sql(DbBackend::Postgres, Area::Callback, day, true);
        assert!(s.sql.starts_with("INSERT INTO stats_callback_day (unit_id, day, requested, waiting"), "{}", s.sql);
        assert!(s.sql.contains("cb.requested_at >= $2 AND cb.requested_at < $3"), "{}", s.sql);
        assert!(s.sql.contains("m.area = 'callback' AND m.day IN ($4, $5)"), "{}", s.sql);
        let values = s.values.unwrap().0;
        // Rome midnight of 3 November is 23:00 UTC of the 2nd: marks of the 2nd and the 3rd.
        assert_eq!(values[1], sea_orm::Value::from(rome_midnight(day)));
        assert_eq!(values[3], sea_orm::Value::from(day - Duration::days(1)));
        assert_eq!(values[4], sea_orm::Value::from(day));
        let q = recount_day_sql(DbBackend::Sqlite, Area::Quesito, day, false);
        assert!(q.sql.ends_with("GROUP BY q.unit_id, q.section"), "{}", q.sql);
    }

    #[test]
    fn a_mark_makes_stale_exactly_the_days_whose_recount_reads_it() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        for area in Area::ALL {
            for stale in area.stale_days(d) {
                assert!(area.marking_days(stale).contains(&d), "{area:?} {stale}");
            }
        }
        assert_eq!(Area::Appointment.stale_days(d), vec![d]);
        assert_eq!(Area::Quesito.stale_days(d), vec![d, d + Duration::days(1)]);
    }
}
