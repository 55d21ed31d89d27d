//! The figures, counted by the database with grouped SQL: one statement per
//! area (appointments, callbacks, quesiti, median answer times) for a unit's
//! totals, one per area for all its children at once, one per area for the
//! daily series. No row leaves the database; only the groups' counts do.
//! Bookings, callbacks and quesiti are summed from their daily rollups
//! ([`rollup`]), which are brought up to date before they are read; what
//! depends on "now" (open quesiti past due), follow-ups and medians are
//! counted from their rows.
//!
//! The SQL is the same on SQLite and PostgreSQL except for the seconds
//! between two timestamps ([`seconds_between`]) and the medians'
//! statement ([`middle_seconds_sql`]). Days are Europe/Rome days:
//! appointments and rollup rows carry their Rome day; timestamps are
//! bucketed with the instants each Rome day starts, computed in Rust and
//! passed as parameters (so no time-zone support is needed in the database).
//! Medians come back as the middle value(s) of each group only.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QueryResult, Statement, Value,
};

use entities::org_unit;

use super::domain::{CounterCount, Figures, Period};
use crate::appointments::domain::{Channel, CounterOutcome};
use crate::authz::Action;
use crate::callbacks::domain::{CallbackOutcome, CallbackStatus};
use crate::error::{AppError, AppResult};
use crate::kernel::median;
use crate::kernel::reach::Reach;
use crate::quesiti::domain::Section;
use crate::tenancy::{Scope, UnitScope};

mod followups;
pub mod per_person;
pub mod rollup;

use rollup::Area;

/// How the figures are grouped.
#[derive(Clone, Copy, Debug)]
pub enum Grouping<'a> {
    /// One group: the unit and everything under it.
    Total,
    /// One group per child of this unit, each with everything under it.
    Children(&'a org_unit::Model),
    /// One group per Rome day of the period.
    Daily,
}

/// Which group a row of the result belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum GroupKey {
    Total,
    /// A child unit, by code.
    Unit(String),
    Day(NaiveDate),
}

/// The unit with this code, if the caller may read its figures; `NOT_FOUND`
/// otherwise (whether or not it exists).
pub async fn unit_for_stats(scope: &Scope, code: &str) -> AppResult<org_unit::Model> {
    let units = scope.units_for(Action::StatsRead);
    let not_found = crate::kernel::messages::unit_not_found;
    if units.is_nowhere() {
        return Err(not_found());
    }
    org_unit::Entity::find()
        .filter(units.path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))))
        .filter(org_unit::Column::Code.eq(code))
        .one(scope.db())
        .await?
        .ok_or_else(not_found)
}

/// The direct children of a unit the caller may read figures of, in tree order.
pub async fn children(scope: &Scope, unit: &org_unit::Model) -> AppResult<Vec<org_unit::Model>> {
    let units = scope.units_for(Action::StatsRead);
    Ok(org_unit::Entity::find()
        .filter(units.path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))))
        .filter(org_unit::Column::ParentId.eq(unit.id))
        .order_by_asc(org_unit::Column::Path)
        .all(scope.db())
        .await?)
}

/// The figures of `unit` (and everything under it) for the period, grouped.
/// Groups without any record are absent; callers fill them with zeros.
pub async fn figures(
    scope: &Scope,
    unit: &org_unit::Model,
    period: Period,
    grouping: Grouping<'_>,
    now: DateTime<Utc>,
) -> AppResult<HashMap<GroupKey, Figures>> {
    let units = scope.units_for(Action::StatsRead);
    let mut out: HashMap<GroupKey, Figures> = HashMap::new();
    let db = scope.db();
    let backend = db.get_database_backend();

    // Bookings, callbacks and quesiti come from their daily rollups, brought up
    // to date first. Then the six reads, on one connection.
    rollup::bring_up_to_date(db).await?;
    let reads = statements(backend, &units, unit, period, grouping, now);
    let [bookings, callbacks, quesiti, medians, followup_counts, followup_medians]: [Vec<QueryResult>; 6] =
        read_all_for_period(db, reads).await?.try_into().map_err(|_| AppError::Internal)?;

    for row in bookings {
        let key = group_key(&row, grouping, period, KeyKind::LocalDate)?;
        let f = &mut out.entry(key).or_default().appointments;
        let n = |c: &str| -> AppResult<i64> { Ok(row.try_get::<Option<i64>>("", c)?.unwrap_or(0)) };
        f.bookings = n("bookings")?;
        f.cancelled = n("cancelled")?;
        f.to_precall = n("to_precall")?;
        f.precalled = n("precalled")?;
        f.precalled_in_time = n("precalled_in_time")?;
        f.not_contactable = n("not_contactable")?;
        f.negative = n("negative")?;
        f.positive = n("positive")?;
        f.served_remotely = n("served_remotely")?;
        f.redirected_email_pec = n("redirected_email_pec")?;
        f.confirmed_virtual = n("confirmed_virtual")?;
        f.confirmed_in_person = n("confirmed_in_person")?;
        f.cancelled_by_citizen = n("cancelled_by_citizen")?;
        f.sessions_over_15_minutes = n("over_15")?;
        f.completed_over_15_minutes = n("completed_over_15")?;
        let mut cells = Vec::new();
        for (ch, o) in counter_cells() {
            cells.push(CounterCount { channel: ch, outcome: o, count: n(&rollup::counter_column(ch, o))? });
        }
        f.counter_sessions = cells;
    }

    for row in callbacks {
        let key = group_key(&row, grouping, period, KeyKind::LocalDate)?;
        let f = &mut out.entry(key).or_default().callbacks;
        let n = |c: &str| -> AppResult<i64> { Ok(row.try_get::<Option<i64>>("", c)?.unwrap_or(0)) };
        f.requested = n("requested")?;
        f.waiting = n("waiting")?;
        f.served = n("served")?;
        f.resolved = n("resolved")?;
        f.routed_internally = n("routed_internally")?;
        f.no_answer = n("no_answer")?;
    }

    for row in quesiti {
        let key = group_key(&row, grouping, period, KeyKind::LocalDate)?;
        let Some(section) = section_of(&row)? else { continue };
        let n = |c: &str| -> AppResult<i64> { Ok(row.try_get::<Option<i64>>("", c)?.unwrap_or(0)) };
        if let Some(s) = out.entry(key).or_default().section_mut(section) {
            s.received = n("received")?;
            s.answered = n("answered")?;
            s.backlog = n("backlog")?;
            s.forwarded = n("forwarded")?;
            s.sla_breaches = n("sla_breaches")?;
        }
    }

    for row in medians {
        let key = group_key(&row, grouping, period, KeyKind::Bucket)?;
        let Some(section) = section_of(&row)? else { continue };
        let sum = row.try_get::<Option<i64>>("", "middle_sum")?.unwrap_or(0);
        let middle = row.try_get::<i64>("", "middle_count")?;
        if let Some(s) = out.entry(key).or_default().section_mut(section) {
            s.median_answer_seconds = median::from_middle(sum, middle);
        }
    }
    followups::fill(followup_counts, followup_medians, grouping, period, &mut out)?;
    Ok(out)
}

/// Runs one statement of figures over a period, planned for its values every
/// time ([`crate::kernel::reach::Plans::Custom`]).
async fn read_for_period(db: &sea_orm::DatabaseConnection, statement: Statement) -> AppResult<Vec<QueryResult>> {
    Ok(Reach::planned_for_values(db.query_all_raw(statement)).await?)
}

/// Runs statements of figures over a period one after another in one
/// transaction, planned for their values like [`read_for_period`]: on
/// PostgreSQL one hand-out of a connection (one reach written) and one ping
/// on release for all of them, instead of one each. Side by side on the pool
/// they cost three round trips each, which for a month's figures took longer
/// than the reads themselves (docs/performance.md, "`stats` on one connection");
/// a year's slowest reads add up instead, well within its target.
async fn read_all_for_period(
    db: &sea_orm::DatabaseConnection,
    statements: Vec<Statement>,
) -> AppResult<Vec<Vec<QueryResult>>> {
    Reach::planned_for_values(async {
        let txn = sea_orm::TransactionTrait::begin(db).await?;
        let mut results = Vec::with_capacity(statements.len());
        for statement in statements {
            results.push(txn.query_all_raw(statement).await?);
        }
        txn.commit().await?;
        Ok(results)
    })
    .await
}

/// The statements [`figures`] runs, for measuring them as plain SQL (the benchmark).
pub fn statements(
    backend: DbBackend,
    units: &UnitScope,
    unit: &org_unit::Model,
    period: Period,
    grouping: Grouping<'_>,
    now: DateTime<Utc>,
) -> Vec<Statement> {
    vec![
        rollup::read_sql(backend, units, unit, period, grouping),
        callbacks_sql(backend, units, unit, period, grouping),
        quesiti_sql(backend, units, unit, period, grouping, now),
        median_sql(backend, units, unit, period, grouping),
        followups::counts_sql(backend, units, unit, period, grouping, crate::appointments::domain::rome_date(now)),
        followups::median_sql(backend, units, unit, period, grouping),
    ]
}

fn section_of(row: &QueryResult) -> AppResult<Option<Section>> {
    let raw: String = row.try_get("", "section")?;
    Ok(raw.parse::<Section>().ok())
}

/// The (channel, outcome) pairs, in the order of the `counter_N` columns.
fn counter_cells() -> Vec<(Channel, CounterOutcome)> {
    Channel::ALL.iter().flat_map(|ch| CounterOutcome::ALL.iter().map(|o| (*ch, *o))).collect()
}

#[derive(Clone, Copy)]
enum KeyKind {
    /// The key is a Rome day (`appointment.local_date`, a rollup's `day`).
    LocalDate,
    /// The key is the index of the day bucket.
    Bucket,
}

fn group_key(row: &QueryResult, grouping: Grouping<'_>, period: Period, kind: KeyKind) -> AppResult<GroupKey> {
    Ok(match grouping {
        Grouping::Total => GroupKey::Total,
        Grouping::Children(_) => GroupKey::Unit(row.try_get::<String>("", "k")?),
        Grouping::Daily => match kind {
            KeyKind::LocalDate => GroupKey::Day(row.try_get::<NaiveDate>("", "k")?),
            KeyKind::Bucket => {
                let i = row.try_get::<i64>("", "k")?;
                let day = usize::try_from(i).ok().and_then(|i| period.days().get(i).copied());
                GroupKey::Day(day.ok_or_else(|| AppError::internal(format!("day bucket {i} out of range")))?)
            }
        },
    })
}

/// The code of the child a row is counted under, in [`Grouping::Children`]'s statements.
const CHILD_KEY: &str = "u.child";

/// Builds one SQL statement with positional parameters for either backend.
struct Sql {
    backend: DbBackend,
    values: Vec<Value>,
}

impl Sql {
    fn new(backend: DbBackend) -> Sql {
        Sql { backend, values: Vec::new() }
    }

    /// Binds a value and returns its placeholder.
    fn p(&mut self, v: impl Into<Value>) -> String {
        self.values.push(v.into());
        match self.backend {
            DbBackend::Postgres => format!("${}", self.values.len()),
            _ => "?".to_owned(),
        }
    }

    fn finish(self, sql: String) -> Statement {
        Statement::from_sql_and_values(self.backend, sql, self.values)
    }

    /// `FROM <table> <alias> JOIN <units> u ON u.id = <alias>.unit_id` and the
    /// WHERE conditions that keep to `unit`'s subtree and to the caller's
    /// scope. Returns (from+joins, where). For [`Grouping::Children`] the
    /// units are [`Self::units_with_child_sql`]'s, so each row finds its child
    /// by equality on its unit, not by a path prefix per row and child.
    fn scoped_from(
        &mut self,
        table: &str,
        alias: &str,
        units: &UnitScope,
        unit: &org_unit::Model,
        grouping: Grouping<'_>,
    ) -> (String, String) {
        let units_table = match grouping {
            Grouping::Children(parent) => format!("({})", self.units_with_child_sql(parent)),
            _ => "org_unit".to_owned(),
        };
        let from = format!("FROM {table} {alias} JOIN {units_table} u ON u.id = {alias}.unit_id");
        let subtree = self.p(format!("{}%", unit.path));
        let mut cond = format!("u.path LIKE {subtree}");
        match units {
            UnitScope::Everywhere => {}
            UnitScope::Under(prefixes) if prefixes.is_empty() => cond.push_str(" AND 1 = 0"),
            UnitScope::Under(prefixes) => {
                let ors: Vec<String> =
                    prefixes.iter().map(|p| format!("u.path LIKE {}", self.p(format!("{p}%")))).collect();
                cond.push_str(&format!(" AND ({})", ors.join(" OR ")));
            }
        }
        (from, cond)
    }

    /// Every unit under a child of `parent`, with its path and the child's
    /// code ([`CHILD_KEY`]): a few hundred rows, each unit once (siblings'
    /// paths are disjoint). The path prefix is matched here, unit by child,
    /// never once per counted row and child whatever the planner estimates:
    /// `DISTINCT` keeps the database from merging this join into the outer
    /// one (PostgreSQL does not pull up a `DISTINCT` subquery).
    fn units_with_child_sql(&mut self, parent: &org_unit::Model) -> String {
        let parent_id = self.p(parent.id);
        format!(
            "SELECT DISTINCT uc.id AS id, uc.path AS path, ch.code AS child FROM org_unit uc \
             JOIN org_unit ch ON ch.parent_id = {parent_id} AND uc.path LIKE (ch.path || '%')"
        )
    }

    /// The group key expression for a timestamp column: the index of its Rome day.
    fn day_bucket(&mut self, col: &str, period: Period) -> String {
        let bounds = period.day_bounds();
        let mut case = String::from("CAST(CASE");
        // Rows are already restricted to [start, end): bound i+1 closes day i.
        for (i, b) in bounds.iter().skip(1).enumerate() {
            let p = self.p(*b);
            case.push_str(&format!(" WHEN {col} < {p} THEN {i}"));
        }
        case.push_str(" ELSE -1 END AS BIGINT)");
        case
    }

    /// The Rome day of a timestamp column as a date, the key the rollups'
    /// `day` is compared with (rows already restricted to the period).
    fn day_of(&mut self, col: &str, period: Period) -> String {
        let mut case = String::from("CASE");
        for (day, next) in period.days().into_iter().zip(period.day_bounds().into_iter().skip(1)) {
            let (next, day) = (self.p(next), self.p(day));
            case.push_str(&format!(" WHEN {col} < {next} THEN {day}"));
        }
        case.push_str(" END");
        case
    }
}

/// Seconds from `earlier` to `later`, rounded: the only backend-specific SQL here.
pub fn seconds_between(backend: DbBackend, later: &str, earlier: &str) -> String {
    match backend {
        DbBackend::Postgres => format!("CAST(EXTRACT(EPOCH FROM ({later} - {earlier})) AS BIGINT)"),
        _ => format!("CAST(ROUND((julianday({later}) - julianday({earlier})) * 86400.0) AS INTEGER)"),
    }
}

/// `col IN ('A', 'B')` from a closed list, so no status is spelled in SQL
/// by hand (the values are the enums' own codes, never user input).
fn is_in(col: &str, codes: &[&'static str]) -> String {
    let codes: Vec<String> = codes.iter().map(|c| format!("'{c}'")).collect();
    format!("{col} IN ({})", codes.join(", "))
}

/// `col = 'CODE'` for one value of a closed list (see [`is_in`]).
fn eq(col: &str, code: &'static str) -> String {
    format!("{col} = '{code}'")
}

/// A callback request closed with `outcome`.
fn done_with(outcome: CallbackOutcome) -> String {
    format!("{} AND {}", is_in("cb.status", &[CallbackStatus::Done.as_str()]), is_in("cb.outcome", &[outcome.as_str()]))
}

fn count_if(cond: &str, alias: &str) -> String {
    format!("SUM(CASE WHEN {cond} THEN 1 ELSE 0 END) AS {alias}")
}

/// The key column and GROUP BY clause of a grouping.
fn key_and_group(grouping: Grouping<'_>, daily_key: String, extra_group: &[&str]) -> (String, String) {
    let key = match grouping {
        Grouping::Total => None,
        Grouping::Children(_) => Some(CHILD_KEY.to_owned()),
        Grouping::Daily => Some(daily_key),
    };
    let mut group: Vec<String> = Vec::new();
    let select = match key {
        Some(k) => {
            group.push("k".to_owned());
            format!("{k} AS k, ")
        }
        None => String::new(),
    };
    group.extend(extra_group.iter().map(|g| (*g).to_owned()));
    let group_by = if group.is_empty() { String::new() } else { format!(" GROUP BY {}", group.join(", ")) };
    (select, group_by)
}

/// The callback figures, summed from their daily rollup.
fn callbacks_sql(
    backend: DbBackend,
    units: &UnitScope,
    unit: &org_unit::Model,
    period: Period,
    grouping: Grouping<'_>,
) -> Statement {
    let mut q = Sql::new(backend);
    let part = rollup::rollup_part(&mut q, Area::Callback, units, unit, period, grouping);
    let sql = rollup::sum_parts_sql(Area::Callback, &[part]);
    q.finish(sql)
}

/// The quesiti figures per section, summed from their daily rollup, plus
/// the SLA breaches "now" makes without a write: quesiti of the period still
/// open with their clock running past the due date, counted from their rows
/// (a few hundred of a national year, found through the index on (status,
/// due date)).
fn quesiti_sql(
    backend: DbBackend,
    units: &UnitScope,
    unit: &org_unit::Model,
    period: Period,
    grouping: Grouping<'_>,
    now: DateTime<Utc>,
) -> Statement {
    let mut q = Sql::new(backend);
    let rolled = rollup::rollup_part(&mut q, Area::Quesito, units, unit, period, grouping);
    let key = match grouping {
        Grouping::Total => "0".to_owned(),
        Grouping::Children(_) => CHILD_KEY.to_owned(),
        Grouping::Daily => q.day_of("q.created_at", period),
    };
    let (from, cond) = q.scoped_from("quesito", "q", units, unit, grouping);
    let now = q.p(now);
    let running_late = crate::quesiti::store::overdue_running_sql("q", &now);
    let (start, end) = (q.p(period.start()), q.p(period.end()));
    let counts: Vec<String> = Area::Quesito
        .columns()
        .into_iter()
        .map(|c| format!("{} AS {c}", if c == "sla_breaches" { 1 } else { 0 }))
        .collect();
    let live = format!(
        "SELECT {key} AS k, q.section AS section, {counts} {from} WHERE {cond} AND q.answered_at IS NULL \
         AND {running_late} AND q.created_at >= {start} AND q.created_at < {end}",
        counts = counts.join(", ")
    );
    let sql = rollup::sum_parts_sql(Area::Quesito, &[rolled, live]);
    q.finish(sql)
}

/// A block whose cohort is an instant: callbacks by request, quesiti by filing.
struct InstantCohort<'a> {
    table: &'a str,
    alias: &'a str,
    /// The timestamp column that puts a row in the period (and in its day).
    at: &'a str,
    /// Grouped by besides the key, e.g. the quesito's section.
    extra_group: &'a [&'a str],
}

/// `SELECT <key>, <cols> FROM … WHERE <scope> AND <at> in the period GROUP BY …`.
/// `cols` binds its own values after the day bucket's: on SQLite placeholders
/// are positional, so values are bound in the order they appear in the text.
fn instant_cohort_sql(
    backend: DbBackend,
    cohort: InstantCohort<'_>,
    units: &UnitScope,
    unit: &org_unit::Model,
    period: Period,
    grouping: Grouping<'_>,
    cols: impl FnOnce(&mut Sql) -> Vec<String>,
) -> Statement {
    let mut q = Sql::new(backend);
    let daily = match grouping {
        Grouping::Daily => q.day_bucket(cohort.at, period),
        _ => String::new(),
    };
    let cols = cols(&mut q).join(", ");
    let (from, cond) = q.scoped_from(cohort.table, cohort.alias, units, unit, grouping);
    let start = q.p(period.start());
    let end = q.p(period.end());
    let (key, group_by) = key_and_group(grouping, daily, cohort.extra_group);
    let at = cohort.at;
    let sql = format!("SELECT {key}{cols} {from} WHERE {cond} AND {at} >= {start} AND {at} < {end}{group_by}");
    q.finish(sql)
}

/// Per group and section: the sum and count of the middle answer time(s).
/// Exact, from every answer time of the period (a median cannot be summed
/// from daily rollups); read from the covering index
/// `idx_quesito_answered_cover` alone.
fn median_sql(
    backend: DbBackend,
    units: &UnitScope,
    unit: &org_unit::Model,
    period: Period,
    grouping: Grouping<'_>,
) -> Statement {
    let mut q = Sql::new(backend);
    let key = match grouping {
        Grouping::Total => "0".to_owned(),
        Grouping::Children(_) => CHILD_KEY.to_owned(),
        Grouping::Daily => q.day_bucket("q.created_at", period),
    };
    let (from, cond) = q.scoped_from("quesito", "q", units, unit, grouping);
    let start = q.p(period.start());
    let end = q.p(period.end());
    let rows = MiddleRows {
        select: format!("{key} AS k, q.section AS section"),
        keys: &["section"],
        later: "q.answered_at",
        earlier: "q.created_at",
        from_where: format!(
            "{from} WHERE {cond} AND q.answered_at IS NOT NULL AND q.created_at >= {start} AND q.created_at < {end}"
        ),
    };
    q.finish(middle_seconds_sql(backend, &rows))
}

/// The rows a median is taken over: `SELECT <select> <from_where>`, grouped
/// by `k` (which `select` names) and `keys`, each row a time from `earlier`
/// to `later`.
struct MiddleRows<'a> {
    select: String,
    keys: &'a [&'a str],
    later: &'a str,
    earlier: &'a str,
    from_where: String,
}

/// Per `k` and keys of `rows`: the sum (`middle_sum`) and count
/// (`middle_count`) of the middle value(s) of the times in whole seconds,
/// which give the median ([`median::from_middle`]).
///
/// SQLite numbers each group's rows with window functions and keeps the
/// middle ones. PostgreSQL gathers each group's times into an array (a hash
/// aggregate: no sort of all the rows by group, which at national size
/// spilled to disk) and takes each array's lower and upper middle
/// (`percentile_disc(0.5)` ascending and descending; the same value when the
/// count is odd, hence a count of 2). Rounding to seconds after picking gives
/// the values the window picks: rounding never reorders.
fn middle_seconds_sql(backend: DbBackend, rows: &MiddleRows<'_>) -> String {
    let MiddleRows { select, keys, later, earlier, from_where } = rows;
    let keys: String = keys.iter().map(|k| format!(", {k}")).collect();
    match backend {
        DbBackend::Postgres => {
            let middle = |order: &str| {
                format!("CAST(EXTRACT(EPOCH FROM percentile_disc(0.5) WITHIN GROUP (ORDER BY v{order})) AS BIGINT)")
            };
            format!(
                "SELECT k{keys}, (SELECT {lower} + {upper} FROM unnest(spans) v) AS middle_sum, \
                 CAST(2 AS BIGINT) AS middle_count FROM (\
                   SELECT k{keys}, array_agg(span) AS spans FROM (\
                     SELECT {select}, {later} - {earlier} AS span {from_where}) base GROUP BY k{keys}\
                 ) g",
                lower = middle(""),
                upper = middle(" DESC"),
            )
        }
        _ => format!(
            "SELECT k{keys}, CAST(SUM(secs) AS BIGINT) AS middle_sum, COUNT(*) AS middle_count FROM (\
               SELECT k{keys}, secs, ROW_NUMBER() OVER (PARTITION BY k{keys} ORDER BY secs) AS rn, \
                      COUNT(*) OVER (PARTITION BY k{keys}) AS n \
               FROM (SELECT {select}, {secs} AS secs {from_where}) base\
             ) ranked WHERE {middle} GROUP BY k{keys}",
            secs = seconds_between(backend, later, earlier),
            middle = median::middle_rows_sql("rn", "n"),
        ),
    }
}

/// UT Cagliari 1 as an `org_unit` row, for the unit tests of the SQL builders below this module.
#[cfg(test)]
fn test_office() -> org_unit::Model {
    org_unit::Model {
        id: uuid::Uuid::nil(),
        code: "UT-CA1".into(),
        name: "UT Cagliari 1".into(),
        kind: crate::org::domain::UnitKind::TerritorialOffice,
        parent_id: None,
        path: "/IT/SAR/CA/CA1/".into(),
        office_size: None,
        virtual_counter: false,
        virtual_counter_mailbox: None,
        function_mailbox: None,
        opening_hours: None,
        created_at: Utc::now(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::quesiti::domain::{Lifecycle, QuesitoStatus};

    #[test]
    fn statuses_in_the_sql_come_from_the_domain_lists() {
        let backlog = is_in("q.status", &QuesitoStatus::AT_THE_CRIC.map(QuesitoStatus::as_str));
        assert_eq!(backlog, "q.status IN ('NEW', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN')");
        assert_eq!(done_with(CallbackOutcome::NoAnswer), "cb.status IN ('DONE') AND cb.outcome IN ('NO_ANSWER')");
    }

    fn unit() -> org_unit::Model {
        org_unit::Model {
            id: uuid::Uuid::nil(),
            code: "DR-SAR".into(),
            name: "DR Sardegna".into(),
            kind: crate::org::domain::UnitKind::RegionalDirectorate,
            parent_id: None,
            path: "/IT/SAR/".into(),
            office_size: None,
            virtual_counter: false,
            virtual_counter_mailbox: None,
            function_mailbox: None,
            opening_hours: None,
            created_at: Utc::now(),
        }
    }

    fn period() -> Period {
        Period::new(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 11, 3).unwrap())
            .unwrap()
    }

    #[test]
    fn the_scope_and_the_subtree_are_conditions_in_the_sql() {
        let units = UnitScope::Under(vec!["/IT/SAR/".into()]);
        let s = rollup::read_sql(DbBackend::Postgres, &units, &unit(), period(), Grouping::Total);
        assert!(s.sql.contains("u.path LIKE $"), "{}", s.sql);
        assert!(s.sql.contains("AND (u.path LIKE $"), "{}", s.sql);
        assert!(!s.sql.contains("GROUP BY"), "{}", s.sql);
    }

    #[test]
    fn children_are_grouped_by_the_child_joined_on_its_path_prefix() {
        let u = unit();
        let s = callbacks_sql(DbBackend::Sqlite, &UnitScope::Everywhere, &u, period(), Grouping::Children(&u));
        assert!(
            s.sql.contains(
                "JOIN org_unit ch ON ch.parent_id = ? AND uc.path LIKE (ch.path || '%')) u ON u.id = s.unit_id"
            ),
            "{}",
            s.sql
        );
        assert!(s.sql.contains("FROM stats_callback_day s"), "{}", s.sql);
        assert!(s.sql.ends_with("GROUP BY x.k"), "{}", s.sql);
    }

    #[test]
    fn medians_take_the_middle_times_by_window_on_sqlite_and_by_array_on_postgres() {
        let u = unit();
        let pg = median_sql(DbBackend::Postgres, &UnitScope::Everywhere, &u, period(), Grouping::Children(&u));
        assert!(pg.sql.contains("array_agg(span) AS spans"), "{}", pg.sql);
        assert!(pg.sql.contains("percentile_disc(0.5) WITHIN GROUP (ORDER BY v DESC)"), "{}", pg.sql);
        assert!(pg.sql.contains("q.answered_at - q.created_at AS span"), "{}", pg.sql);
        assert!(!pg.sql.contains("OVER"), "{}", pg.sql);
        let sqlite = median_sql(DbBackend::Sqlite, &UnitScope::Everywhere, &u, period(), Grouping::Children(&u));
        assert!(sqlite.sql.contains("ROW_NUMBER() OVER (PARTITION BY k, section ORDER BY secs)"), "{}", sqlite.sql);
        assert_eq!(pg.values, sqlite.values);
    }

    #[test]
    fn quesiti_sum_their_rollup_and_count_the_clock_s_breaches_from_their_rows() {
        let s =
            quesiti_sql(DbBackend::Postgres, &UnitScope::Everywhere, &unit(), period(), Grouping::Daily, Utc::now());
        assert!(s.sql.contains("SELECT s.day AS k, s.section AS section, s.received AS received"), "{}", s.sql);
        // Open quesiti past due now: one Rome day per bound, the rows of the period only.
        assert_eq!(s.sql.matches("WHEN q.created_at <").count(), 3, "{}", s.sql);
        assert!(s.sql.contains("q.answered_at IS NULL AND (q.status IN ('NEW', 'IN_PROGRESS', 'FORWARDED_CENTRAL')"));
        assert!(s.sql.contains("0 AS received, 0 AS answered, 0 AS backlog, 0 AS forwarded, 1 AS sla_breaches"));
        assert!(s.sql.ends_with("GROUP BY x.k, x.section"), "{}", s.sql);
        // Placeholders are numbered in the order they appear (SQLite binds them by position).
        let numbers: Vec<usize> = s
            .sql
            .split('$')
            .skip(1)
            .map(|p| p.chars().take_while(char::is_ascii_digit).collect::<String>().parse().unwrap())
            .collect();
        assert_eq!(numbers, (1..=numbers.len()).collect::<Vec<_>>(), "{}", s.sql);
    }
}
