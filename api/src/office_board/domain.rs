//! The board's rules, pure: which days it shows, how far the alarms look,
//! what a day's counts mean, coverage and totals.

use chrono::{Duration, NaiveDate};

use crate::appointments::domain::{CUP_WINDOW_DAYS, PrecallOutcome};
use crate::error::{AppError, AppResult};
use crate::kernel::unit_calendar::UnitCalendar;

/// Days shown when none are asked for: X … X+3 (seed 000 §I.2).
pub const DEFAULT_DAYS: i32 = 4;
/// A precall is due at least this many working days before the booking: a
/// booking closer than that and not reached is an alarm.
pub const ALARM_WORKING_DAYS: u32 = 3;

/// The days of a board: `days` consecutive calendar days from `from`, at most
/// the CUP window (24 days).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Window {
    pub fn new(from: NaiveDate, days: i32) -> AppResult<Window> {
        if !(1..=CUP_WINDOW_DAYS as i32).contains(&days) {
            return Err(AppError::bad_input(
                "days",
                format!("Il numero di giorni deve essere tra 1 e {CUP_WINDOW_DAYS}"),
                format!("`days` must be between 1 and {CUP_WINDOW_DAYS}"),
            ));
        }
        Ok(Window { from, to: from + Duration::days(i64::from(days) - 1) })
    }

    pub fn days(&self) -> Vec<NaiveDate> {
        self.from.iter_days().take_while(|d| *d <= self.to).collect()
    }
}

/// The last day the alarms look at: the office's third working day after
/// today (weekends, holidays and the office's closures do not count).
pub fn alarm_until(calendar: &UnitCalendar, today: NaiveDate) -> NaiveDate {
    calendar.working_days_after(today, ALARM_WORKING_DAYS)
}

/// Whether a booking to precall is an alarm: on a day from today to the alarm
/// horizon, and the citizen not reached yet. An attempt that did not reach
/// them (no answer, wrong number, no phone) leaves it an alarm.
pub fn is_alarm(date: NaiveDate, today: NaiveDate, until: NaiveDate, outcome: Option<PrecallOutcome>) -> bool {
    today <= date && date <= until && outcome != Some(PrecallOutcome::Positive)
}

/// One day's counts, as counted in SQL (cancelled bookings left out).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DayCounts {
    pub bookings: i64,
    /// Bookings of services that need a precall.
    pub to_precall: i64,
    /// Of those, with an assignee.
    pub assigned: i64,
    /// Of those, with an outcome recorded (any outcome: the precall was made).
    pub precalled: i64,
    /// Of those, with the citizen reached (POSITIVE).
    pub reached: i64,
}

/// A row of the board: a day and what it counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoardDay {
    pub date: NaiveDate,
    pub counts: DayCounts,
    /// To precall, within the alarm horizon and not reached.
    pub late: i64,
}

impl BoardDay {
    pub fn new(date: NaiveDate, counts: DayCounts, today: NaiveDate, until: NaiveDate) -> BoardDay {
        let late = if today <= date && date <= until { counts.to_precall - counts.reached } else { 0 };
        BoardDay { date, counts, late }
    }

    /// Precalled over to precall, in percent; `None` when nothing is to precall.
    pub fn coverage(&self) -> Option<f64> {
        coverage(self.counts.precalled, self.counts.to_precall)
    }
}

/// `part` over `whole` in percent, one decimal; `None` when `whole` is 0.
pub fn coverage(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// One row per day of the window (zeros for days without bookings).
pub fn board_days(
    window: Window,
    counted: &[(NaiveDate, DayCounts)],
    today: NaiveDate,
    until: NaiveDate,
) -> Vec<BoardDay> {
    window
        .days()
        .into_iter()
        .map(|d| {
            let counts = counted.iter().find(|(day, _)| *day == d).map(|(_, c)| *c).unwrap_or_default();
            BoardDay::new(d, counts, today, until)
        })
        .collect()
}

/// The totals row: the sums of the days.
pub fn totals(days: &[BoardDay]) -> (DayCounts, i64) {
    days.iter().fold((DayCounts::default(), 0), |(mut c, late), d| {
        c.bookings += d.counts.bookings;
        c.to_precall += d.counts.to_precall;
        c.assigned += d.counts.assigned;
        c.precalled += d.counts.precalled;
        c.reached += d.counts.reached;
        (c, late + d.late)
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::kernel::unit_calendar::Closure;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_window_defaults_to_four_days_and_stops_at_the_cup_window() {
        let w = Window::new(d(2026, 12, 7), DEFAULT_DAYS).unwrap();
        assert_eq!(w.days(), vec![d(2026, 12, 7), d(2026, 12, 8), d(2026, 12, 9), d(2026, 12, 10)]);
        assert_eq!(Window::new(d(2026, 12, 7), 24).unwrap().days().len(), 24);
        assert_eq!(Window::new(d(2026, 12, 7), 25).unwrap_err().code(), "BAD_USER_INPUT");
        assert!(Window::new(d(2026, 12, 7), 0).is_err());
    }

    #[test]
    fn the_alarm_horizon_counts_working_days_of_the_office() {
        let plain = UnitCalendar { hours: vec![], closures: vec![] };
        // Thursday 3 Dec 2026: Fri 4, Mon 7, (Tue 8 is the Immacolata) Wed 9.
        assert_eq!(alarm_until(&plain, d(2026, 12, 3)), d(2026, 12, 9));
        // Wednesday 23 Dec: Thu 24, (25 and 26 holidays, Sunday) Mon 28, Tue 29.
        assert_eq!(alarm_until(&plain, d(2026, 12, 23)), d(2026, 12, 29));
        // A closure of the office on Friday pushes it one working day on.
        let closed = UnitCalendar {
            hours: vec![],
            closures: vec![Closure {
                first_day: d(2026, 12, 4),
                last_day: d(2026, 12, 4),
                yearly: false,
                reason: "x".into(),
            }],
        };
        assert_eq!(alarm_until(&closed, d(2026, 12, 3)), d(2026, 12, 10));
    }

    #[test]
    fn an_attempt_without_reaching_the_citizen_leaves_the_alarm() {
        let (today, until) = (d(2026, 12, 3), d(2026, 12, 8));
        assert!(is_alarm(d(2026, 12, 5), today, until, None));
        assert!(is_alarm(d(2026, 12, 5), today, until, Some(PrecallOutcome::Negative)));
        assert!(is_alarm(d(2026, 12, 5), today, until, Some(PrecallOutcome::NotContactable)));
        assert!(!is_alarm(d(2026, 12, 5), today, until, Some(PrecallOutcome::Positive)));
        assert!(!is_alarm(d(2026, 12, 9), today, until, None), "beyond the horizon");
        assert!(!is_alarm(d(2026, 12, 2), today, until, None), "in the past");
        assert!(is_alarm(until, today, until, None), "the horizon's day is included");
    }

    #[test]
    fn late_counts_only_days_within_the_horizon_and_coverage_is_precalled_over_to_precall() {
        let (today, until) = (d(2026, 12, 3), d(2026, 12, 8));
        let c = DayCounts { bookings: 5, to_precall: 4, assigned: 3, precalled: 2, reached: 1 };
        assert_eq!(BoardDay::new(d(2026, 12, 4), c, today, until).late, 3);
        assert_eq!(BoardDay::new(d(2026, 12, 9), c, today, until).late, 0);
        assert_eq!(BoardDay::new(d(2026, 12, 4), c, today, until).coverage(), Some(50.0));
        assert_eq!(coverage(1, 3), Some(33.3));
        assert_eq!(coverage(0, 0), None);
    }

    #[test]
    fn every_day_of_the_window_has_a_row_and_the_totals_add_them_up() {
        let w = Window::new(d(2026, 12, 3), 3).unwrap();
        let c = DayCounts { bookings: 2, to_precall: 2, assigned: 1, precalled: 1, reached: 0 };
        let days = board_days(w, &[(d(2026, 12, 4), c), (d(2026, 12, 5), c)], d(2026, 12, 3), d(2026, 12, 4));
        assert_eq!(days.len(), 3);
        assert_eq!(days[0].counts, DayCounts::default());
        let (sum, late) = totals(&days);
        assert_eq!((sum.bookings, sum.to_precall, sum.assigned, sum.precalled, sum.reached), (4, 4, 2, 2, 0));
        assert_eq!(late, 2, "only 4 Dec is within the horizon");
    }
}
