//! The SLA clock of a quesito waiting for the citizen (issue 18 item 3).
//! Pure rules, unit-tested below; the operations in
//! `operations/waiting.rs` apply them.
//!
//! While a quesito is WAITING_FOR_CITIZEN its clock is paused: it does not
//! become overdue. When the citizen replies, the due date moves by the
//! working days the clock stood still, counted on the CRIC's calendar
//! (Europe/Rome, national holidays, the CRIC's closures and those above it):
//! the days from the day it paused (included) to the day it resumed
//! (excluded). A pause begun and ended the same day moves nothing.
//!
//! A quesito already past its due date when it was paused stays a breach:
//! its due date does not move, and it counts as overdue while waiting.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Rome;

use crate::kernel::unit_calendar::UnitCalendar;
use crate::quesiti::domain::{Lifecycle, QuesitoStatus, end_of_day};

/// What a resumed pause changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resumed {
    /// Working days the clock stood still.
    pub paused_working_days: u32,
    /// How long the pause lasted.
    pub paused_seconds: i64,
    /// The new due date.
    pub due_at: DateTime<Utc>,
}

/// Working days of `calendar` from the day of `since` (included) to the day
/// of `until` (excluded), Rome dates.
pub fn paused_working_days(calendar: &UnitCalendar, since: DateTime<Utc>, until: DateTime<Utc>) -> u32 {
    let first = since.with_timezone(&Rome).date_naive();
    let last = until.with_timezone(&Rome).date_naive();
    // Bounded like the calendar's own walks: a pause over a year is not one.
    let days = first.iter_days().take_while(|d| *d < last).take(400);
    days.filter(|d| calendar.is_working_day(*d)).count() as u32
}

/// The pause from `since` ends at `now`: how long it lasted and the due date
/// it leaves (moved by the paused working days, unless already overdue when
/// it paused).
pub fn resume(calendar: &UnitCalendar, due_at: DateTime<Utc>, since: DateTime<Utc>, now: DateTime<Utc>) -> Resumed {
    let paused_working_days = paused_working_days(calendar, since, now);
    let paused_seconds = (now - since).num_seconds().max(0);
    let due_at = if due_at < since || paused_working_days == 0 {
        due_at
    } else {
        let due_day = due_at.with_timezone(&Rome).date_naive();
        end_of_day(calendar.working_days_after(due_day, paused_working_days)).unwrap_or(due_at)
    };
    Resumed { paused_working_days, paused_seconds, due_at }
}

/// An SLA breach still open: the clock runs and the due date has passed, or
/// it waits for the citizen but was already late when it paused.
pub fn is_overdue(
    status: QuesitoStatus,
    due_at: DateTime<Utc>,
    waiting_since: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    if status == QuesitoStatus::WaitingForCitizen {
        return waiting_since.is_some_and(|since| due_at < since);
    }
    QuesitoStatus::CLOCK_RUNNING.contains(&status) && due_at < now
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::kernel::unit_calendar::Closure;
    use chrono::{NaiveDate, TimeZone};

    fn rome(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Rome.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap().with_timezone(&Utc)
    }

    fn end_of(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        end_of_day(NaiveDate::from_ymd_opt(y, m, d).unwrap()).unwrap()
    }

    fn national() -> UnitCalendar {
        UnitCalendar::default()
    }

    #[test]
    fn a_pause_of_two_working_days_moves_the_due_date_two_working_days() {
        // Paused Monday 23 Nov 2026 at 10:00, resumed Wednesday 25 at 10:00:
        // Monday and Tuesday stood still; due Tuesday 24 becomes Thursday 26.
        let r = resume(&national(), end_of(2026, 11, 24), rome(2026, 11, 23, 10), rome(2026, 11, 25, 10));
        assert_eq!(r.paused_working_days, 2);
        assert_eq!(r.paused_seconds, 2 * 24 * 3600);
        assert_eq!(r.due_at, end_of(2026, 11, 26));
    }

    #[test]
    fn a_pause_ended_the_same_day_moves_nothing() {
        let r = resume(&national(), end_of(2026, 11, 24), rome(2026, 11, 23, 9), rome(2026, 11, 23, 17));
        assert_eq!(r.paused_working_days, 0);
        assert_eq!(r.paused_seconds, 8 * 3600);
        assert_eq!(r.due_at, end_of(2026, 11, 24));
    }

    #[test]
    fn weekends_and_holidays_in_a_pause_do_not_count_and_the_new_due_date_skips_them() {
        // Paused Friday 4 Dec 2026, resumed Wednesday 9: Fri 4 and Mon 7 count
        // (the weekend and Tuesday 8, a national holiday, do not).
        assert_eq!(paused_working_days(&national(), rome(2026, 12, 4, 11), rome(2026, 12, 9, 11)), 2);
        // Due Monday 7: two working days later is Thursday 10 (Tuesday 8 skipped).
        let r = resume(&national(), end_of(2026, 12, 7), rome(2026, 12, 4, 11), rome(2026, 12, 9, 11));
        assert_eq!(r.due_at, end_of(2026, 12, 10));
    }

    #[test]
    fn a_closure_of_the_cric_is_not_a_paused_working_day() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let closed = UnitCalendar {
            hours: vec![],
            closures: vec![Closure { first_day: day, last_day: day, yearly: false, reason: "Lavori".into() }],
        };
        // Monday to Wednesday with Tuesday closed: Monday only.
        assert_eq!(paused_working_days(&closed, rome(2026, 11, 23, 10), rome(2026, 11, 25, 10)), 1);
        // Due Monday 23 (evening), one day paused: the next working day of the CRIC is Wednesday 25.
        let r = resume(&closed, end_of(2026, 11, 23), rome(2026, 11, 23, 10), rome(2026, 11, 25, 10));
        assert_eq!(r.due_at, end_of(2026, 11, 25));
    }

    #[test]
    fn a_quesito_already_late_when_paused_keeps_its_breach() {
        let due = end_of(2026, 11, 20);
        let r = resume(&national(), due, rome(2026, 11, 23, 10), rome(2026, 11, 25, 10));
        assert_eq!(r.due_at, due);
        assert_eq!(r.paused_working_days, 2);
        assert!(is_overdue(QuesitoStatus::WaitingForCitizen, due, Some(rome(2026, 11, 23, 10)), rome(2026, 11, 24, 9)));
    }

    #[test]
    fn a_waiting_quesito_is_not_overdue_while_its_clock_is_paused() {
        let due = end_of(2026, 11, 24);
        let since = rome(2026, 11, 23, 10);
        let later = rome(2026, 12, 1, 10);
        assert!(!is_overdue(QuesitoStatus::WaitingForCitizen, due, Some(since), later));
        assert!(is_overdue(QuesitoStatus::InProgress, due, None, later));
        assert!(!is_overdue(QuesitoStatus::Answered, due, None, later));
        assert!(!is_overdue(QuesitoStatus::InProgress, due, None, since));
    }
}
