//! Directors set their units' hours and closures: validate, authorise,
//! write through the one write path with its audit event.

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde_json::json;
use uuid::Uuid;

use entities::{org_unit, unit_closure};

use super::store;
use crate::audit::AuditRecord;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::unit_calendar::{Interval, describe_hours};
use crate::tenancy::Scope;

/// At most this many intervals a day (a morning and an afternoon, with room to spare).
const MAX_INTERVALS_A_DAY: usize = 4;

async fn unit(scope: &Scope, code: &str) -> AppResult<org_unit::Model> {
    crate::org::store::by_code(scope, code.trim())
        .await?
        .ok_or_else(|| crate::kernel::messages::unknown_unit("unitCode"))
}

/// Checks a week of intervals: each opens before it closes, none overlaps
/// another of its day, at most [`MAX_INTERVALS_A_DAY`] a day.
pub fn validate_hours(intervals: &[(Weekday, NaiveTime, NaiveTime)]) -> AppResult<Vec<Interval>> {
    let bad = |it: String, en: String| AppError::bad_input("hours", it, en);
    let mut out: Vec<Interval> = Vec::new();
    for &(weekday, opens, closes) in intervals {
        if opens >= closes {
            return Err(bad(
                format!(
                    "Un orario deve aprire prima di chiudere ({} – {})",
                    opens.format("%H:%M"),
                    closes.format("%H:%M")
                ),
                "An interval must open before it closes".into(),
            ));
        }
        let interval = Interval { weekday, opens, closes };
        let same_day: Vec<&Interval> = out.iter().filter(|i| i.weekday == weekday).collect();
        if same_day.iter().any(|i| i.opens < closes && opens < i.closes) {
            return Err(bad(
                "Due orari dello stesso giorno si sovrappongono".into(),
                "Two intervals of a day overlap".into(),
            ));
        }
        if same_day.len() >= MAX_INTERVALS_A_DAY {
            return Err(bad(
                format!("Al più {MAX_INTERVALS_A_DAY} orari al giorno"),
                format!("At most {MAX_INTERVALS_A_DAY} intervals a day"),
            ));
        }
        out.push(interval);
    }
    out.sort_by_key(|i| (i.weekday.num_days_from_monday(), i.opens));
    Ok(out)
}

/// Replaces a unit's weekly opening hours.
pub async fn set_opening_hours(
    scope: &Scope,
    unit_code: &str,
    intervals: &[(Weekday, NaiveTime, NaiveTime)],
) -> AppResult<org_unit::Model> {
    let hours = validate_hours(intervals)?;
    let unit = unit(scope, unit_code).await?;
    let acting = scope.authorize(Action::CalendarManage, &unit.path)?;
    let op = Operation::begin(scope, acting).await?;
    store::replace_hours(&op, unit.id, &hours).await?;
    op.audit(
        AuditRecord::new("calendar.set_hours")
            .record("org_unit", unit.id.to_string())
            .unit(unit.id)
            .detail(json!({ "hours": describe_hours(&hours) })),
    )
    .await?;
    op.commit().await?;
    Ok(unit)
}

pub struct NewClosure {
    pub unit_code: String,
    pub first_day: NaiveDate,
    pub last_day: Option<NaiveDate>,
    pub yearly: bool,
    pub reason: String,
}

/// Closes a unit (and everything under it) for some days.
pub async fn add_closure(scope: &Scope, input: NewClosure) -> AppResult<unit_closure::Model> {
    let last_day = input.last_day.unwrap_or(input.first_day);
    if last_day < input.first_day {
        return Err(AppError::bad_input(
            "lastDay",
            "L'ultimo giorno di chiusura non può precedere il primo",
            "The last day cannot come before the first",
        ));
    }
    if (last_day - input.first_day).num_days() > 366 {
        return Err(AppError::bad_input(
            "lastDay",
            "Una chiusura dura al più un anno",
            "A closure lasts at most a year",
        ));
    }
    let reason = input.reason.trim().to_owned();
    if reason.is_empty() || reason.chars().count() > 200 {
        return Err(AppError::bad_input(
            "reason",
            "Indica il motivo della chiusura (al più 200 caratteri)",
            "Give the reason of the closure (at most 200 characters)",
        ));
    }
    let unit = unit(scope, &input.unit_code).await?;
    let acting = scope.authorize(Action::CalendarManage, &unit.path)?;
    let op = Operation::begin(scope, acting).await?;
    let closure = store::insert_closure(
        &op,
        store::NewClosure { unit_id: unit.id, first_day: input.first_day, last_day, yearly: input.yearly, reason },
    )
    .await?;
    op.audit(
        AuditRecord::new("calendar.add_closure")
            .record("unit_closure", closure.id.to_string())
            .unit(unit.id)
            .detail(json!({ "firstDay": closure.first_day, "lastDay": closure.last_day, "yearly": closure.yearly })),
    )
    .await?;
    op.commit().await?;
    Ok(closure)
}

/// Removes a closure of a unit the caller manages.
pub async fn remove_closure(scope: &Scope, id: Uuid) -> AppResult<()> {
    let not_found = || AppError::not_found("Chiusura non trovata", "Closure not found");
    let closure = store::closure_by_id(scope.db(), id).await?.ok_or_else(not_found)?;
    let unit = crate::org::store::by_ids(scope, &[closure.unit_id]).await?.into_iter().next().ok_or_else(not_found)?;
    let acting = scope.authorize(Action::CalendarManage, &unit.path)?;
    let op = Operation::begin(scope, acting).await?;
    store::delete_closure(&op, id).await?;
    op.audit(AuditRecord::new("calendar.remove_closure").record("unit_closure", id.to_string()).unit(unit.id)).await?;
    op.commit().await?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn overlapping_or_inverted_intervals_are_refused() {
        assert!(validate_hours(&[(Weekday::Mon, t(9, 0), t(8, 0))]).is_err());
        assert!(validate_hours(&[(Weekday::Mon, t(8, 0), t(12, 0)), (Weekday::Mon, t(11, 0), t(13, 0))]).is_err());
        let ok = validate_hours(&[(Weekday::Tue, t(14, 0), t(16, 0)), (Weekday::Mon, t(8, 0), t(12, 0))]).unwrap();
        assert_eq!(ok[0].weekday, Weekday::Mon);
        let back_to_back = [(Weekday::Mon, t(8, 0), t(12, 0)), (Weekday::Mon, t(12, 0), t(13, 0))];
        assert!(validate_hours(&back_to_back).is_ok());
    }
}
