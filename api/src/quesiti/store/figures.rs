//! The figures of quesiti, counted in SQL.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, Func};
use sea_orm::{ColumnTrait, Condition, ExprTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use entities::quesito;

use crate::error::AppResult;
use crate::quesiti::domain::{Lifecycle, QuesitoStatus, Section};
use crate::tenancy::Scope;

use super::visible;

/// Per-section counts over the quesiti the caller may see.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct SectionCounts {
    pub section: Section,
    /// Open now (NEW, IN_PROGRESS, WAITING_FOR_CITIZEN, FORWARDED_CENTRAL).
    pub backlog: i64,
    /// Of the backlog, waiting for the citizen now (their SLA clock paused).
    pub waiting_for_citizen: i64,
    pub backlog_up_to_2_days: i64,
    pub backlog_3_to_5_days: i64,
    pub backlog_6_to_10_days: i64,
    pub backlog_over_10_days: i64,
    /// Open and past due now, pauses respected ([`overdue_condition`]).
    pub overdue: i64,
    /// Filed in the period.
    pub filed: i64,
    /// Answered in the period.
    pub answered: i64,
    /// Answered in the period after their due date.
    pub answered_late: i64,
    /// Of those answered in the period: seconds they waited for the citizen.
    pub paused_seconds: i64,
    /// Of those answered in the period: working days their due dates moved.
    pub paused_working_days: i64,
}

/// Open SLA breaches at `now` (the rule of [`crate::quesiti::waiting::is_overdue`]):
/// the clock runs and the due date has passed, or the quesito waits for the
/// citizen but was already late when it paused.
pub fn overdue_condition(now: DateTime<Utc>) -> Condition {
    let col = |c: quesito::Column| Expr::col((quesito::Entity, c));
    let running = QuesitoStatus::CLOCK_RUNNING.map(QuesitoStatus::as_str);
    Condition::any()
        .add(Condition::all().add(col(quesito::Column::Status).is_in(running)).add(col(quesito::Column::DueAt).lt(now)))
        .add(
            Condition::all()
                .add(col(quesito::Column::Status).eq(QuesitoStatus::WaitingForCitizen.as_str()))
                .add(col(quesito::Column::DueAt).lt(col(quesito::Column::WaitingSince))),
        )
}

/// [`overdue_condition`] as SQL text over the table alias `q`, for the
/// monitoring's hand-written SQL; `now` is its already bound placeholder.
pub fn overdue_sql(q: &str, now: &str) -> String {
    format!("({} OR {})", overdue_running_sql(q, now), overdue_paused_sql(q))
}

/// The half of [`overdue_sql`] that the clock alone makes true: running and past due at `now`.
pub fn overdue_running_sql(q: &str, now: &str) -> String {
    let running: Vec<String> = QuesitoStatus::CLOCK_RUNNING.iter().map(|s| format!("'{}'", s.as_str())).collect();
    format!("({q}.status IN ({running}) AND {q}.due_at < {now})", running = running.join(", "))
}

/// The half of [`overdue_sql`] with no "now" in it (a status other than the
/// other half's): waiting for the citizen, and already late when it paused.
pub fn overdue_paused_sql(q: &str) -> String {
    format!("({q}.status = '{}' AND {q}.due_at < {q}.waiting_since)", QuesitoStatus::WaitingForCitizen.as_str())
}

/// `SUM(CASE WHEN cond THEN col ELSE 0 END)` as a BIGINT on both databases.
fn sum_if(cond: Condition, col: quesito::Column) -> Expr {
    let sum = Func::sum(Expr::case(cond, Expr::col((quesito::Entity, col))).finally(0));
    Expr::expr(Func::cast_as(sum, Alias::new("BIGINT")))
}

fn count_if(cond: Condition) -> Expr {
    Expr::expr(Func::count(Expr::case(cond, Expr::val(1))))
}

/// The instants a quesiti report covers, and the instant it is taken at
/// (unlike `monitoring::domain::Period`, which is a range of calendar days).
pub struct ReportWindow {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub now: DateTime<Utc>,
}

/// Backlog by age, SLA breaches and throughput per section, counted in SQL.
pub async fn section_counts(scope: &Scope, cric_id: Option<Uuid>, p: &ReportWindow) -> AppResult<Vec<SectionCounts>> {
    let col = |c: quesito::Column| Expr::col((quesito::Entity, c));
    let open = || col(quesito::Column::Status).is_in(QuesitoStatus::OPEN.iter().map(|s| s.as_str()));
    let days_ago = |d: i64| p.now - chrono::Duration::days(d);
    let open_filed = |newer_than: Option<i64>, older_than: Option<i64>| {
        let mut c = Condition::all().add(open());
        if let Some(d) = newer_than {
            c = c.add(col(quesito::Column::CreatedAt).gte(days_ago(d)));
        }
        if let Some(d) = older_than {
            c = c.add(col(quesito::Column::CreatedAt).lt(days_ago(d)));
        }
        c
    };
    let answered_in = || {
        Condition::all()
            .add(col(quesito::Column::Status).eq(QuesitoStatus::Answered.as_str()))
            .add(col(quesito::Column::AnsweredAt).gte(p.from))
            .add(col(quesito::Column::AnsweredAt).lt(p.to))
    };
    let mut query = visible(scope);
    if let Some(cric) = cric_id {
        query = query.filter(quesito::Column::UnitId.eq(cric));
    }
    Ok(query
        .select_only()
        .column(quesito::Column::Section)
        .expr_as(count_if(Condition::all().add(open())), "backlog")
        .expr_as(
            count_if(Condition::all().add(col(quesito::Column::Status).eq(QuesitoStatus::WaitingForCitizen.as_str()))),
            "waiting_for_citizen",
        )
        .expr_as(count_if(open_filed(Some(2), None)), "backlog_up_to_2_days")
        .expr_as(count_if(open_filed(Some(5), Some(2))), "backlog_3_to_5_days")
        .expr_as(count_if(open_filed(Some(10), Some(5))), "backlog_6_to_10_days")
        .expr_as(count_if(open_filed(None, Some(10))), "backlog_over_10_days")
        .expr_as(count_if(overdue_condition(p.now)), "overdue")
        .expr_as(
            count_if(
                Condition::all()
                    .add(col(quesito::Column::CreatedAt).gte(p.from))
                    .add(col(quesito::Column::CreatedAt).lt(p.to)),
            ),
            "filed",
        )
        .expr_as(count_if(answered_in()), "answered")
        .expr_as(
            count_if(answered_in().add(col(quesito::Column::AnsweredAt).gt(col(quesito::Column::DueAt)))),
            "answered_late",
        )
        .expr_as(sum_if(answered_in(), quesito::Column::PausedSeconds), "paused_seconds")
        .expr_as(sum_if(answered_in(), quesito::Column::PausedWorkingDays), "paused_working_days")
        .group_by(quesito::Column::Section)
        .into_model::<SectionCounts>()
        .all(scope.db())
        .await?)
}

/// (section, filed at, answered at) of the quesiti answered in the period.
pub async fn answer_times(
    scope: &Scope,
    cric_id: Option<Uuid>,
    p: &ReportWindow,
) -> AppResult<Vec<(Section, DateTime<Utc>, Option<DateTime<Utc>>)>> {
    let mut query = visible(scope)
        .filter(quesito::Column::Status.eq(QuesitoStatus::Answered))
        .filter(quesito::Column::AnsweredAt.gte(p.from))
        .filter(quesito::Column::AnsweredAt.lt(p.to));
    if let Some(cric) = cric_id {
        query = query.filter(quesito::Column::UnitId.eq(cric));
    }
    Ok(query
        .select_only()
        .column(quesito::Column::Section)
        .column(quesito::Column::CreatedAt)
        .column(quesito::Column::AnsweredAt)
        .into_tuple()
        .all(scope.db())
        .await?)
}

/// (classification id, quesiti filed in the period) for the visible quesiti.
pub async fn classification_counts(
    scope: &Scope,
    cric_id: Option<Uuid>,
    p: &ReportWindow,
) -> AppResult<Vec<(Uuid, i64)>> {
    let mut query =
        visible(scope).filter(quesito::Column::CreatedAt.gte(p.from)).filter(quesito::Column::CreatedAt.lt(p.to));
    if let Some(cric) = cric_id {
        query = query.filter(quesito::Column::UnitId.eq(cric));
    }
    Ok(query
        .select_only()
        .column(quesito::Column::ClassificationId)
        .expr(Expr::expr(Func::count(Expr::col((quesito::Entity, quesito::Column::Id)))))
        .group_by(quesito::Column::ClassificationId)
        .into_tuple()
        .all(scope.db())
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overdue_sql_pauses_the_clock_of_quesiti_waiting_for_the_citizen() {
        assert_eq!(
            overdue_sql("q", "$1"),
            "((q.status IN ('NEW', 'IN_PROGRESS', 'FORWARDED_CENTRAL') AND q.due_at < $1) OR \
             (q.status = 'WAITING_FOR_CITIZEN' AND q.due_at < q.waiting_since))"
        );
    }
}
