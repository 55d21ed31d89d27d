//! Follow-up figures (issue 14, item 5): of the items opened in the period
//! (cohort: the day they were opened, Europe/Rome), how many are closed as
//! done, cancelled, still open and overdue now, and the median time from
//! opening to done. Same grouping and scope as the other areas.

use chrono::NaiveDate;
use sea_orm::{DbBackend, QueryResult, Statement};

use entities::follow_up::FollowUpStatus;
use entities::org_unit;

use super::{
    CHILD_KEY, GroupKey, Grouping, InstantCohort, KeyKind, MiddleRows, Sql, count_if, group_key, instant_cohort_sql,
    is_in, middle_seconds_sql,
};
use crate::error::AppResult;
use crate::kernel::median;
use crate::monitoring::domain::{Figures, Period};
use crate::tenancy::UnitScope;

pub(super) fn counts_sql(
    backend: DbBackend,
    units: &UnitScope,
    unit: &org_unit::Model,
    period: Period,
    grouping: Grouping<'_>,
    today: NaiveDate,
) -> Statement {
    let cohort = InstantCohort { table: "follow_up", alias: "f", at: "f.created_at", extra_group: &[] };
    instant_cohort_sql(backend, cohort, units, unit, period, grouping, |q| {
        let today = q.p(today);
        vec![
            "COUNT(*) AS opened".to_owned(),
            count_if(&is_in("f.status", &[FollowUpStatus::Done.as_str()]), "done"),
            count_if(&is_in("f.status", &[FollowUpStatus::Cancelled.as_str()]), "cancelled"),
            count_if(&is_in("f.status", &[FollowUpStatus::Open.as_str()]), "still_open"),
            count_if(
                &format!("{} AND f.due_on < {today}", is_in("f.status", &[FollowUpStatus::Open.as_str()])),
                "overdue",
            ),
        ]
    })
}

/// Per group: the sum and count of the middle time(s) from opening to done.
pub(super) fn median_sql(
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
        Grouping::Daily => q.day_bucket("f.created_at", period),
    };
    let (from, cond) = q.scoped_from("follow_up", "f", units, unit, grouping);
    let start = q.p(period.start());
    let end = q.p(period.end());
    let done = is_in("f.status", &[FollowUpStatus::Done.as_str()]);
    let rows = MiddleRows {
        select: format!("{key} AS k"),
        keys: &[],
        later: "f.closed_at",
        earlier: "f.created_at",
        from_where: format!(
            "{from} WHERE {cond} AND {done} AND f.closed_at IS NOT NULL \
             AND f.created_at >= {start} AND f.created_at < {end}"
        ),
    };
    q.finish(middle_seconds_sql(backend, &rows))
}

/// Fills the follow-up figures of every group in `out` (adding groups that only have follow-ups).
/// Adds the rows of [`counts_sql`] and [`median_sql`] to the figures.
pub(super) fn fill(
    counts: Vec<QueryResult>,
    medians: Vec<QueryResult>,
    grouping: Grouping<'_>,
    period: Period,
    out: &mut std::collections::HashMap<GroupKey, Figures>,
) -> AppResult<()> {
    for row in counts {
        let key = group_key(&row, grouping, period, KeyKind::Bucket)?;
        let f = &mut out.entry(key).or_default().follow_ups;
        let n = |c: &str| -> AppResult<i64> { Ok(row.try_get::<Option<i64>>("", c)?.unwrap_or(0)) };
        f.opened = n("opened")?;
        f.done = n("done")?;
        f.cancelled = n("cancelled")?;
        f.still_open = n("still_open")?;
        f.overdue = n("overdue")?;
    }
    for row in medians {
        let key = group_key(&row, grouping, period, KeyKind::Bucket)?;
        let sum = row.try_get::<Option<i64>>("", "middle_sum")?.unwrap_or(0);
        let middle = row.try_get::<i64>("", "middle_count")?;
        out.entry(key).or_default().follow_ups.median_closing_seconds = median::from_middle(sum, middle);
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn unit() -> org_unit::Model {
        crate::monitoring::store::test_office()
    }

    #[test]
    fn the_follow_up_counts_are_scoped_and_overdue_is_open_past_due() {
        let period =
            Period::new(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 12, 7).unwrap())
                .unwrap();
        let units = UnitScope::Under(vec!["/IT/SAR/".into()]);
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let s = counts_sql(DbBackend::Postgres, &units, &unit(), period, Grouping::Total, today);
        assert!(s.sql.contains("FROM follow_up f JOIN org_unit u ON u.id = f.unit_id"), "{}", s.sql);
        assert!(s.sql.contains("AND (u.path LIKE $"), "{}", s.sql);
        assert!(s.sql.contains("f.status IN ('OPEN') AND f.due_on < $"), "{}", s.sql);
        let m = median_sql(DbBackend::Sqlite, &units, &unit(), period, Grouping::Total);
        assert!(m.sql.contains("f.status IN ('DONE')"), "{}", m.sql);
    }
}
