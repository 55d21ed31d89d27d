//! The figures per person (see `monitoring/per_person.rs`), counted by the
//! database: grouped by the person a record is assigned to and its unit, each
//! group kept only when that person holds a role on a unit inside the report's
//! unit and the caller's reach ([`staff_in_reach`]). Operators cost 4
//! statements and experts 2, plus one for the units the rows name; the
//! classification counts one. No row leaves the database, only the groups.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DbBackend, EntityTrait, QueryFilter, QueryResult, Statement};
use uuid::Uuid;

use entities::follow_up::FollowUpStatus;
use entities::org_unit;

use super::{Grouping, Sql, count_if, eq, is_in, read_all_for_period, read_for_period, seconds_between};
use crate::appointments::domain::{AppointmentStatus, CounterOutcome};
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::median;
use crate::monitoring::domain::{MAX_SESSION_SECONDS, Period, precall_deadline};
use crate::monitoring::per_person::{ClassificationCount, ExpertFigures, OperatorFigures, PerPerson};
use crate::quesiti::domain::{QuesitoStatus, Section};
use crate::tenancy::{Scope, UnitScope};

/// What every per-person statement needs.
#[derive(Clone, Copy)]
pub struct Report<'a> {
    pub units: &'a UnitScope,
    pub unit: &'a org_unit::Model,
    pub period: Period,
    pub now: DateTime<Utc>,
}

/// `EXISTS (…)`: the person in `person_col` holds a role on a unit under the
/// report's unit and in the caller's reach.
fn staff_in_reach(q: &mut Sql, person_col: &str, r: Report<'_>) -> String {
    let subtree = q.p(format!("{}%", r.unit.path));
    let mut cond = format!(
        "EXISTS (SELECT 1 FROM role_assignment ra JOIN org_unit ru ON ru.id = ra.unit_id \
         WHERE ra.person_id = {person_col} AND ru.path LIKE {subtree}"
    );
    match r.units {
        UnitScope::Everywhere => {}
        UnitScope::Under(prefixes) if prefixes.is_empty() => cond.push_str(" AND 1 = 0"),
        UnitScope::Under(prefixes) => {
            let ors: Vec<String> = prefixes.iter().map(|p| format!("ru.path LIKE {}", q.p(format!("{p}%")))).collect();
            cond.push_str(&format!(" AND ({})", ors.join(" OR ")));
        }
    }
    cond.push(')');
    cond
}

/// `SELECT g.*, p.display_name AS name FROM (<grouped>) g JOIN person p …
/// WHERE <staff in reach>`. `grouped` must select `pid` and `uid`; it binds
/// its values before the wrapper's (positional placeholders on SQLite).
fn per_staff(q: &mut Sql, grouped: String, r: Report<'_>) -> String {
    let reach = staff_in_reach(q, "g.pid", r);
    format!("SELECT g.*, p.display_name AS name FROM ({grouped}) g JOIN person p ON p.id = g.pid WHERE {reach}")
}

/// `FROM <table> <alias> JOIN org_unit u … WHERE <subtree and scope>`.
fn scoped(q: &mut Sql, table: &str, alias: &str, r: Report<'_>) -> (String, String) {
    q.scoped_from(table, alias, r.units, r.unit, Grouping::Total)
}

/// Per precall assignee: assigned, done, done in time.
pub fn precalls_sql(backend: DbBackend, r: Report<'_>) -> Statement {
    let mut q = Sql::new(backend);
    // In time: before the deadline of the booking's own day (as the unit figures).
    let mut deadline = String::from("CASE a.local_date");
    for day in r.period.days() {
        let d = q.p(day);
        let t = q.p(precall_deadline(day));
        deadline.push_str(&format!(" WHEN {d} THEN {t}"));
    }
    deadline.push_str(" END");
    let cols = [
        "COUNT(*) AS assigned".to_owned(),
        count_if("a.precall_outcome IS NOT NULL", "done"),
        count_if(&format!("a.precall_outcome IS NOT NULL AND a.precalled_at < {deadline}"), "in_time"),
    ];
    let (from, cond) = scoped(&mut q, "appointment", "a", r);
    let (from_day, to_day) = (q.p(r.period.from), q.p(r.period.to));
    let cancelled_unprecalled =
        format!("{} AND a.precalled_at IS NULL", eq("a.status", AppointmentStatus::Cancelled.as_str()));
    let grouped = format!(
        "SELECT a.precall_assignee_id AS pid, a.unit_id AS uid, {cols} {from} WHERE {cond} \
         AND a.local_date >= {from_day} AND a.local_date <= {to_day} \
         AND a.precall_assignee_id IS NOT NULL AND NOT ({cancelled_unprecalled}) \
         GROUP BY a.precall_assignee_id, a.unit_id",
        cols = cols.join(", ")
    );
    let sql = per_staff(&mut q, grouped, r);
    q.finish(sql)
}

/// Per counter operator: sessions by outcome and over 15 minutes.
pub fn sessions_sql(backend: DbBackend, r: Report<'_>) -> Statement {
    let mut q = Sql::new(backend);
    let over_15 = format!(
        "a.counter_started_at IS NOT NULL AND a.counter_ended_at IS NOT NULL AND {} > {MAX_SESSION_SECONDS}",
        seconds_between(backend, "a.counter_ended_at", "a.counter_started_at")
    );
    let mut cols: Vec<String> = CounterOutcome::ALL
        .iter()
        .enumerate()
        .map(|(i, o)| count_if(&eq("a.counter_outcome", o.as_str()), &format!("outcome_{i}")))
        .collect();
    cols.push(count_if(&over_15, "over_15"));
    let (from, cond) = scoped(&mut q, "appointment", "a", r);
    let (from_day, to_day) = (q.p(r.period.from), q.p(r.period.to));
    let grouped = format!(
        "SELECT a.counter_operator_id AS pid, a.unit_id AS uid, {cols} {from} WHERE {cond} \
         AND a.local_date >= {from_day} AND a.local_date <= {to_day} \
         AND a.counter_operator_id IS NOT NULL AND a.counter_outcome IS NOT NULL \
         GROUP BY a.counter_operator_id, a.unit_id",
        cols = cols.join(", ")
    );
    let sql = per_staff(&mut q, grouped, r);
    q.finish(sql)
}

/// Per counter operator: the sum and count of the middle session duration(s).
pub fn session_median_sql(backend: DbBackend, r: Report<'_>) -> Statement {
    let mut q = Sql::new(backend);
    let secs = seconds_between(backend, "a.counter_ended_at", "a.counter_started_at");
    let (from, cond) = scoped(&mut q, "appointment", "a", r);
    let (from_day, to_day) = (q.p(r.period.from), q.p(r.period.to));
    let base = format!(
        "SELECT a.counter_operator_id AS pid, a.unit_id AS uid, {secs} AS secs {from} WHERE {cond} \
         AND a.local_date >= {from_day} AND a.local_date <= {to_day} AND a.counter_operator_id IS NOT NULL \
         AND a.counter_started_at IS NOT NULL AND a.counter_ended_at IS NOT NULL"
    );
    let grouped = middle_of(&base, "");
    let sql = per_staff(&mut q, grouped, r);
    q.finish(sql)
}

/// Per follow-up assignee: of the items opened in the period, open now and overdue now.
pub fn follow_ups_sql(backend: DbBackend, r: Report<'_>) -> Statement {
    let mut q = Sql::new(backend);
    let today = q.p(crate::appointments::domain::rome_date(r.now));
    let open = is_in("f.status", &[FollowUpStatus::Open.as_str()]);
    let cols = [count_if(&open, "open"), count_if(&format!("{open} AND f.due_on < {today}"), "overdue")];
    let (from, cond) = scoped(&mut q, "follow_up", "f", r);
    let (start, end) = (q.p(r.period.start()), q.p(r.period.end()));
    let grouped = format!(
        "SELECT f.assignee_id AS pid, f.unit_id AS uid, {cols} {from} WHERE {cond} \
         AND f.created_at >= {start} AND f.created_at < {end} AND f.assignee_id IS NOT NULL \
         GROUP BY f.assignee_id, f.unit_id",
        cols = cols.join(", ")
    );
    let sql = per_staff(&mut q, grouped, r);
    q.finish(sql)
}

/// Per expert who took them: quesiti taken, SLA breaches, still in progress.
pub fn taken_sql(backend: DbBackend, r: Report<'_>) -> Statement {
    let mut q = Sql::new(backend);
    let now = q.p(r.now);
    // Open breaches by the quesiti's one rule (a quesito waiting for the citizen has its clock paused).
    let overdue = crate::quesiti::store::overdue_sql("q", &now);
    let held = [QuesitoStatus::InProgress.as_str(), QuesitoStatus::WaitingForCitizen.as_str()];
    let cols = [
        "COUNT(*) AS taken".to_owned(),
        count_if(
            &format!(
                "(q.answered_at IS NOT NULL AND q.answered_at > q.due_at) OR (q.answered_at IS NULL AND {overdue})"
            ),
            "sla_breaches",
        ),
        // Still theirs: in progress, or waiting for the citizen's reply.
        count_if(&is_in("q.status", &held), "open_now"),
    ];
    let (from, cond) = scoped(&mut q, "quesito", "q", r);
    let (start, end) = (q.p(r.period.start()), q.p(r.period.end()));
    let grouped = format!(
        "SELECT q.taken_by_id AS pid, q.unit_id AS uid, {cols} {from} WHERE {cond} \
         AND q.created_at >= {start} AND q.created_at < {end} AND q.taken_by_id IS NOT NULL \
         GROUP BY q.taken_by_id, q.unit_id",
        cols = cols.join(", ")
    );
    let sql = per_staff(&mut q, grouped, r);
    q.finish(sql)
}

/// Per expert who answered them: how many, and the middle answer time(s).
pub fn answered_sql(backend: DbBackend, r: Report<'_>) -> Statement {
    let mut q = Sql::new(backend);
    let secs = seconds_between(backend, "q.answered_at", "q.created_at");
    let (from, cond) = scoped(&mut q, "quesito", "q", r);
    let (start, end) = (q.p(r.period.start()), q.p(r.period.end()));
    let answered = is_in("q.status", &[QuesitoStatus::Answered.as_str()]);
    let base = format!(
        "SELECT q.answered_by_id AS pid, q.unit_id AS uid, {secs} AS secs {from} WHERE {cond} \
         AND q.created_at >= {start} AND q.created_at < {end} AND q.answered_by_id IS NOT NULL \
         AND q.answered_at IS NOT NULL AND {answered}"
    );
    // The group's size is the number answered: it comes back with the middle rows.
    let grouped = middle_of(&base, ", n");
    let sql = per_staff(&mut q, grouped, r);
    q.finish(sql)
}

/// Per (pid, uid) of `base` (which selects pid, uid, secs): the sum and count
/// of the middle value(s), and `extra` columns of the window (`, n`).
fn middle_of(base: &str, extra: &str) -> String {
    format!(
        "SELECT pid, uid{extra}, CAST(SUM(secs) AS BIGINT) AS middle_sum, COUNT(*) AS middle_count FROM (\
           SELECT pid, uid, secs, ROW_NUMBER() OVER (PARTITION BY pid, uid ORDER BY secs) AS rn, \
                  COUNT(*) OVER (PARTITION BY pid, uid) AS n FROM ({base}) base\
         ) ranked WHERE {middle} GROUP BY pid, uid{extra}",
        middle = median::middle_rows_sql("rn", "n"),
    )
}

/// Quesiti filed in the period, per section and classification.
pub fn classifications_sql(backend: DbBackend, r: Report<'_>) -> Statement {
    let mut q = Sql::new(backend);
    let (from, cond) = scoped(&mut q, "quesito", "q", r);
    let (start, end) = (q.p(r.period.start()), q.p(r.period.end()));
    let sql = format!(
        "SELECT q.section AS section, c.code AS code, c.label AS label, COUNT(*) AS received {from} \
         JOIN quesito_classification c ON c.id = q.classification_id \
         WHERE {cond} AND q.created_at >= {start} AND q.created_at < {end} \
         GROUP BY q.section, c.id, c.code, c.label ORDER BY q.section, received DESC, c.label"
    );
    q.finish(sql)
}

fn n(row: &QueryResult, col: &str) -> AppResult<i64> {
    Ok(row.try_get::<Option<i64>>("", col)?.unwrap_or(0))
}

fn key(row: &QueryResult) -> AppResult<(Uuid, Uuid, String)> {
    Ok((row.try_get("", "pid")?, row.try_get("", "uid")?, row.try_get("", "name")?))
}

fn median_of(row: &QueryResult) -> AppResult<Option<f64>> {
    Ok(median::from_middle(n(row, "middle_sum")?, row.try_get::<i64>("", "middle_count")?))
}

/// The units the rows name, by id (all in the caller's reach: the rows came from scoped statements).
async fn units_by_id(scope: &Scope, units: &UnitScope, ids: Vec<Uuid>) -> AppResult<HashMap<Uuid, org_unit::Model>> {
    // Asked even when empty, so the statements do not depend on the rows.
    Ok(org_unit::Entity::find()
        .filter(units.path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))))
        .filter(org_unit::Column::Id.is_in(ids))
        .all(scope.db())
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
}

fn sort_key(name: &str, unit: Option<&org_unit::Model>) -> (String, String) {
    (name.to_lowercase(), unit.map(|u| u.name.clone()).unwrap_or_default())
}

/// The figures of every operator of the offices under `unit`, ordered by name.
pub async fn operators(
    scope: &Scope,
    unit: &org_unit::Model,
    period: Period,
    now: DateTime<Utc>,
) -> AppResult<Vec<OperatorFigures>> {
    let units = scope.units_for(Action::StatsRead);
    let r = Report { units: &units, unit, period, now };
    let db = scope.db();
    let backend = db.get_database_backend();
    let mut out = PerPerson::new(OperatorFigures::new);
    let reads = vec![
        precalls_sql(backend, r),
        sessions_sql(backend, r),
        session_median_sql(backend, r),
        follow_ups_sql(backend, r),
    ];
    let [precalls, sessions, medians, follow_ups]: [Vec<QueryResult>; 4] =
        read_all_for_period(db, reads).await?.try_into().map_err(|_| AppError::Internal)?;
    for row in precalls {
        let (pid, uid, name) = key(&row)?;
        let f = out.row(pid, uid, name);
        (f.precalls_assigned, f.precalls_done, f.precalls_in_time) =
            (n(&row, "assigned")?, n(&row, "done")?, n(&row, "in_time")?);
    }
    for row in sessions {
        let (pid, uid, name) = key(&row)?;
        let f = out.row(pid, uid, name);
        for (i, o) in CounterOutcome::ALL.iter().enumerate() {
            f.set_sessions(*o, n(&row, &format!("outcome_{i}"))?);
        }
        f.sessions_over_15_minutes = n(&row, "over_15")?;
    }
    for row in medians {
        let (pid, uid, name) = key(&row)?;
        out.row(pid, uid, name).median_session_seconds = median_of(&row)?;
    }
    for row in follow_ups {
        let (pid, uid, name) = key(&row)?;
        let f = out.row(pid, uid, name);
        (f.follow_ups_open, f.follow_ups_overdue) = (n(&row, "open")?, n(&row, "overdue")?);
    }
    let by_id = units_by_id(scope, &units, out.unit_ids()).await?;
    let mut rows = out.into_sorted(|f| sort_key(&f.name, by_id.get(&f.unit_id)));
    fill_units(&mut rows, |f| f.unit_id, |f, u| f.unit = Some(u), &by_id);
    Ok(rows)
}

/// Sets each row's unit (several rows may share one).
fn fill_units<T>(
    rows: &mut [T],
    id: impl Fn(&T) -> Uuid,
    set: impl Fn(&mut T, org_unit::Model),
    by_id: &HashMap<Uuid, org_unit::Model>,
) {
    for r in rows.iter_mut() {
        if let Some(u) = by_id.get(&id(r)) {
            set(r, u.clone());
        }
    }
}

/// The figures of every expert of the CRIC(s) under `unit`, ordered by name.
pub async fn experts(
    scope: &Scope,
    unit: &org_unit::Model,
    period: Period,
    now: DateTime<Utc>,
) -> AppResult<Vec<ExpertFigures>> {
    let units = scope.units_for(Action::StatsRead);
    let r = Report { units: &units, unit, period, now };
    let db = scope.db();
    let backend = db.get_database_backend();
    let mut out = PerPerson::new(ExpertFigures::new);
    for row in read_for_period(db, taken_sql(backend, r)).await? {
        let (pid, uid, name) = key(&row)?;
        let f = out.row(pid, uid, name);
        (f.taken, f.sla_breaches, f.open_now) = (n(&row, "taken")?, n(&row, "sla_breaches")?, n(&row, "open_now")?);
    }
    for row in read_for_period(db, answered_sql(backend, r)).await? {
        let (pid, uid, name) = key(&row)?;
        let f = out.row(pid, uid, name);
        f.answered = n(&row, "n")?;
        f.median_answer_seconds = median_of(&row)?;
    }
    let by_id = units_by_id(scope, &units, out.unit_ids()).await?;
    let mut rows = out.into_sorted(|f| sort_key(&f.name, by_id.get(&f.unit_id)));
    fill_units(&mut rows, |f| f.unit_id, |f, u| f.unit = Some(u), &by_id);
    Ok(rows)
}

/// Quesiti filed in the period per section and classification, most frequent first within a section.
pub async fn classifications(
    scope: &Scope,
    unit: &org_unit::Model,
    period: Period,
    now: DateTime<Utc>,
) -> AppResult<Vec<ClassificationCount>> {
    let units = scope.units_for(Action::StatsRead);
    let r = Report { units: &units, unit, period, now };
    let db = scope.db();
    let mut out = Vec::new();
    for row in read_for_period(db, classifications_sql(db.get_database_backend(), r)).await? {
        let raw: String = row.try_get("", "section")?;
        let Ok(section) = raw.parse::<Section>() else { continue };
        out.push(ClassificationCount {
            section,
            code: row.try_get("", "code")?,
            label: row.try_get("", "label")?,
            received: n(&row, "received")?,
        });
    }
    Ok(out)
}

/// The statements of [`operators`] and [`experts`], for tests that read their SQL.
pub fn statements(backend: DbBackend, r: Report<'_>) -> Vec<Statement> {
    vec![
        precalls_sql(backend, r),
        sessions_sql(backend, r),
        session_median_sql(backend, r),
        follow_ups_sql(backend, r),
        taken_sql(backend, r),
        answered_sql(backend, r),
        classifications_sql(backend, r),
    ]
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn unit() -> org_unit::Model {
        crate::monitoring::store::test_office()
    }

    fn report<'a>(units: &'a UnitScope, unit: &'a org_unit::Model) -> Report<'a> {
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        Report { units, unit, period: Period::new(day(1), day(3)).unwrap(), now: Utc::now() }
    }

    #[test]
    fn every_statement_keeps_to_the_scope_and_lists_only_staff_in_reach() {
        let units = UnitScope::Under(vec!["/IT/SAR/".into()]);
        let u = unit();
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            for s in statements(backend, report(&units, &u)) {
                assert!(s.sql.contains("AND (u.path LIKE "), "{}", s.sql);
                let placeholders = match backend {
                    DbBackend::Postgres => s.sql.matches('$').count(),
                    _ => s.sql.matches('?').count(),
                };
                assert_eq!(placeholders, s.values.as_ref().map_or(0, |v| v.0.len()), "{}", s.sql);
                if !s.sql.contains("quesito_classification") {
                    assert!(s.sql.contains("FROM role_assignment ra JOIN org_unit ru"), "{}", s.sql);
                    assert!(s.sql.contains("AND (ru.path LIKE "), "{}", s.sql);
                }
            }
        }
    }

    #[test]
    fn statuses_come_from_the_closed_lists() {
        let units = UnitScope::Everywhere;
        let u = unit();
        let taken = taken_sql(DbBackend::Sqlite, report(&units, &u)).sql;
        assert!(taken.contains("q.status IN ('IN_PROGRESS', 'WAITING_FOR_CITIZEN')"), "{taken}");
        assert!(taken.contains("q.status IN ('NEW', 'IN_PROGRESS', 'FORWARDED_CENTRAL')"), "{taken}");
        assert!(taken.contains("q.due_at < q.waiting_since"), "{taken}");
        let f = follow_ups_sql(DbBackend::Sqlite, report(&units, &u)).sql;
        assert!(f.contains("f.status IN ('OPEN') AND f.due_on < ?"), "{f}");
    }

    #[test]
    fn nobody_is_listed_for_a_caller_who_reaches_nowhere() {
        let units = UnitScope::Under(vec![]);
        let u = unit();
        let s = precalls_sql(DbBackend::Sqlite, report(&units, &u));
        assert_eq!(s.sql.matches("AND 1 = 0").count(), 2, "{}", s.sql);
    }
}
