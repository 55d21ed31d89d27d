//! Free slots (issue 14, item 9): the times a booking made here can take at
//! an office for a service — within the office's opening hours, on its
//! working days, inside the CUP window, not past, and not already taken by a
//! live booking of the same service there (the office keeps one agenda per
//! service, as CUP does).
//!
//! Pure: the office's [`UnitCalendar`] and the taken start times in, the free
//! ones out.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::domain::{CUP_WINDOW_DAYS, rome_date};
use super::hours::session_length;
use crate::error::AppError;
use crate::kernel::unit_calendar::UnitCalendar;

/// The longest range of days one request may ask for.
pub const MAX_RANGE_DAYS: i64 = 14;

/// The days to look at: `from`..=`to`, at most [`MAX_RANGE_DAYS`] of them,
/// narrowed to the CUP window (today to [`CUP_WINDOW_DAYS`] ahead). `None`
/// when nothing of the range lies in the window.
pub fn days_to_look_at(
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Option<(NaiveDate, NaiveDate)>, AppError> {
    if to < from {
        return Err(AppError::bad_input("to", "La fine precede l'inizio", "The end is before the start"));
    }
    if (to - from).num_days() >= MAX_RANGE_DAYS {
        return Err(AppError::bad_input(
            "to",
            format!("Si possono chiedere al più {MAX_RANGE_DAYS} giorni alla volta"),
            format!("At most {MAX_RANGE_DAYS} days at a time"),
        ));
    }
    let today = rome_date(now);
    let (first, last) = (from.max(today), to.min(today + Duration::days(CUP_WINDOW_DAYS)));
    Ok((first <= last).then_some((first, last)))
}

/// The slots from `first` to `last` at which a session fits the office's
/// hours, after `now`, and that overlap no session starting at a `taken`
/// time (bookings made here may start off the grid, e.g. at 09:05).
pub fn free_slots(
    calendar: &UnitCalendar,
    first: NaiveDate,
    last: NaiveDate,
    now: DateTime<Utc>,
    taken: &[DateTime<Utc>],
) -> Vec<DateTime<Utc>> {
    let length = session_length();
    calendar
        .open_slots_between(first, last, length)
        .into_iter()
        .filter(|at| *at > now && !taken.iter().any(|t| (*t - *at).abs() < length))
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::kernel::unit_calendar::Interval;
    use chrono::{TimeZone, Weekday};
    use chrono_tz::Europe::Rome;

    fn rome(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Rome.with_ymd_and_hms(y, m, d, h, min, 0).unwrap().with_timezone(&Utc)
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Mornings 09:00–10:00 on weekdays: four slots a day.
    fn mornings() -> UnitCalendar {
        let hours = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri]
            .into_iter()
            .filter_map(|w| Interval::from_minutes(w, 9 * 60, 10 * 60))
            .collect();
        UnitCalendar { hours, closures: Vec::new() }
    }

    #[test]
    fn taken_and_past_slots_are_not_free() {
        let now = rome(2026, 12, 14, 9, 10); // Monday
        let taken = [rome(2026, 12, 15, 9, 15)];
        let free = free_slots(&mornings(), day(2026, 12, 14), day(2026, 12, 15), now, &taken);
        assert_eq!(
            free,
            vec![
                rome(2026, 12, 14, 9, 15),
                rome(2026, 12, 14, 9, 30),
                rome(2026, 12, 14, 9, 45),
                rome(2026, 12, 15, 9, 0),
                rome(2026, 12, 15, 9, 30),
                rome(2026, 12, 15, 9, 45),
            ]
        );
    }

    #[test]
    fn a_booking_off_the_grid_takes_both_slots_it_overlaps() {
        let now = rome(2026, 12, 14, 8, 0);
        let taken = [rome(2026, 12, 14, 9, 5)];
        let free = free_slots(&mornings(), day(2026, 12, 14), day(2026, 12, 14), now, &taken);
        assert_eq!(free, vec![rome(2026, 12, 14, 9, 30), rome(2026, 12, 14, 9, 45)]);
    }

    #[test]
    fn closed_days_have_no_free_slots() {
        let now = rome(2026, 12, 18, 8, 0); // Friday
        let free = free_slots(&mornings(), day(2026, 12, 19), day(2026, 12, 20), now, &[]);
        assert!(free.is_empty(), "{free:?}");
        let christmas = free_slots(&mornings(), day(2026, 12, 25), day(2026, 12, 25), now, &[]);
        assert!(christmas.is_empty());
    }

    #[test]
    fn the_range_is_narrowed_to_the_cup_window() {
        let now = rome(2026, 12, 14, 9, 0);
        assert_eq!(
            days_to_look_at(day(2026, 12, 10), day(2026, 12, 16), now).unwrap(),
            Some((day(2026, 12, 14), day(2026, 12, 16)))
        );
        // 24 days ahead of Monday 14 December is Thursday 7 January.
        assert_eq!(
            days_to_look_at(day(2027, 1, 5), day(2027, 1, 10), now).unwrap(),
            Some((day(2027, 1, 5), day(2027, 1, 7)))
        );
        assert_eq!(days_to_look_at(day(2027, 2, 1), day(2027, 2, 3), now).unwrap(), None);
    }

    #[test]
    fn a_backwards_or_too_long_range_is_refused() {
        let now = rome(2026, 12, 14, 9, 0);
        assert!(days_to_look_at(day(2026, 12, 16), day(2026, 12, 15), now).is_err());
        assert!(days_to_look_at(day(2026, 12, 14), day(2026, 12, 27), now).is_ok());
        assert!(days_to_look_at(day(2026, 12, 14), day(2026, 12, 28), now).is_err());
    }
}
