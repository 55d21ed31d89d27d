//! Callback rules: opening hours, attempts, states.
//!
//! The callback window is 09:00–13:00 on the working days of the unit that
//! calls back, by its [`UnitCalendar`]: national holidays, weekends, and its
//! own closures and those of the units above it (the patron saint's day of a
//! DP closes its callbacks too).

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Europe::Rome;

use crate::error::{AppError, AppResult, Msg};
use crate::kernel::calendar::{DailyWindow, hour_minute, italian_weekday};
use crate::kernel::unit_calendar::UnitCalendar;

/// At most this many attempts; the last unanswered one closes the request.
pub const MAX_ATTEMPTS: i32 = 3;

pub use entities::callback_request::{CallbackOutcome, CallbackStatus};

/// Callbacks are made on the unit's working days, 09:00–13:00 Rome time (seed 002).
pub const CALLBACK_HOURS: DailyWindow = DailyWindow { opens: hour_minute(9, 0), closes: hour_minute(13, 0) };

/// The next opening of the callback window of a unit with `calendar` (`at` itself when open).
fn next_opening(calendar: &UnitCalendar, at: DateTime<Utc>) -> DateTime<Utc> {
    CALLBACK_HOURS.next_open_instant_on(at, |d| calendar.is_working_day(d))
}

/// When a request made at `at` may be served: at once within callback hours,
/// otherwise at the next opening.
pub fn available_from(calendar: &UnitCalendar, at: DateTime<Utc>) -> DateTime<Utc> {
    next_opening(calendar, at)
}

/// Attempts are made only in callback hours, 09:00 to 13:00 Rome time on
/// the unit's working days, both minutes included (docs/callbacks.md, seed 002):
/// an attempt recorded at another time is refused, with when the next window opens.
pub fn check_attempt_time(calendar: &UnitCalendar, at: DateTime<Utc>) -> AppResult<()> {
    if CALLBACK_HOURS.includes_on(at, |d| calendar.is_working_day(d)) {
        return Ok(());
    }
    let next = next_opening(calendar, at).with_timezone(&Rome);
    let (day, time) = (next.format("%d/%m/%Y"), next.format("%H:%M"));
    Err(AppError::BadUserInput {
        field: None,
        msg: Msg::new(
            format!(
                "Le richiamate si fanno dalle 09:00 alle 13:00 nei giorni lavorativi: \
                 la prossima finestra apre {} {day} alle {time}",
                italian_weekday(next.weekday())
            ),
            format!(
                "Callbacks are made from 09:00 to 13:00 on working days: \
                 the next window opens on {} {day} at {time}",
                next.format("%A")
            ),
        ),
    })
}

/// When the operator may next attempt a request available from
/// `available_from`: `None` when an attempt may be recorded now (callback
/// hours, the request already available), otherwise when the window opens.
pub fn next_attempt_window(
    calendar: &UnitCalendar,
    now: DateTime<Utc>,
    available_from: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    if available_from <= now && CALLBACK_HOURS.includes_on(now, |d| calendar.is_working_day(d)) {
        return None;
    }
    Some(next_opening(calendar, now.max(available_from)))
}

/// The state after an attempt: (status, attempts).
pub fn attempt(status: CallbackStatus, attempts: i32, outcome: CallbackOutcome) -> AppResult<(CallbackStatus, i32)> {
    if status != CallbackStatus::Assigned {
        return Err(AppError::conflict(
            "La richiesta di richiamata non è assegnata o è già conclusa",
            "The callback request is not assigned or is already done",
        ));
    }
    let attempts = attempts + 1;
    let status = match outcome {
        CallbackOutcome::NoAnswer if attempts < MAX_ATTEMPTS => CallbackStatus::Assigned,
        _ => CallbackStatus::Done,
    };
    Ok((status, attempts))
}

pub fn can_assign(status: CallbackStatus) -> AppResult<()> {
    if status == CallbackStatus::Done {
        return Err(AppError::conflict("La richiesta di richiamata è conclusa", "The callback request is done"));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::kernel::unit_calendar::Closure;

    /// A unit with no closures of its own: the national calendar.
    fn national() -> UnitCalendar {
        UnitCalendar::default()
    }

    /// DP Cagliari: closed on San Saturnino, 30 October.
    fn cagliari() -> UnitCalendar {
        let day = chrono::NaiveDate::from_ymd_opt(2020, 10, 30).unwrap();
        let patron = Closure { first_day: day, last_day: day, yearly: true, reason: "San Saturnino".into() };
        UnitCalendar { hours: vec![], closures: vec![patron] }
    }

    #[test]
    fn the_patron_saints_day_of_the_unit_has_no_callback_window() {
        // Friday 30 Oct 2026, 10:00 in Rome (UTC+1): San Saturnino in Cagliari.
        let patron_day = utc("2026-10-30T09:00:00Z");
        assert!(check_attempt_time(&national(), patron_day).is_ok(), "elsewhere a working day");
        let err = check_attempt_time(&cagliari(), patron_day).unwrap_err();
        assert_eq!(err.code(), "BAD_USER_INPUT");
        assert!(err.msg().it.contains("lunedì 02/11/2026 alle 09:00"), "{}", err.msg().it);
        // A request filed that morning waits for Monday, and the screen says so.
        assert_eq!(available_from(&cagliari(), patron_day), utc("2026-11-02T08:00:00Z"));
        assert_eq!(next_attempt_window(&cagliari(), patron_day, patron_day), Some(utc("2026-11-02T08:00:00Z")));
        assert_eq!(next_attempt_window(&national(), patron_day, patron_day), None);
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_request_within_opening_hours_is_served_at_once() {
        // Tuesday 24 Nov 2026, 10:00 in Rome.
        let at = utc("2026-11-24T09:00:00Z");
        assert_eq!(available_from(&national(), at), at);
    }

    #[test]
    fn a_request_before_nine_waits_for_the_same_morning() {
        assert_eq!(available_from(&national(), utc("2026-11-24T06:00:00Z")), utc("2026-11-24T08:00:00Z"));
    }

    #[test]
    fn a_request_in_the_afternoon_waits_for_the_next_morning() {
        assert_eq!(available_from(&national(), utc("2026-11-24T14:00:00Z")), utc("2026-11-25T08:00:00Z"));
    }

    #[test]
    fn a_request_on_friday_afternoon_or_the_weekend_waits_for_monday() {
        assert_eq!(available_from(&national(), utc("2026-11-27T15:00:00Z")), utc("2026-11-30T08:00:00Z"));
        assert_eq!(available_from(&national(), utc("2026-11-28T10:00:00Z")), utc("2026-11-30T08:00:00Z"));
    }

    #[test]
    fn a_request_on_christmas_eve_afternoon_waits_for_the_next_working_day() {
        // Thu 24 Dec 2026 15:00 → Fri 25 and Sat 26 are holidays → Monday 28, 09:00.
        assert_eq!(available_from(&national(), utc("2026-12-24T14:00:00Z")), utc("2026-12-28T08:00:00Z"));
    }

    #[test]
    fn thirteen_o_clock_is_already_closed() {
        assert_eq!(available_from(&national(), utc("2026-11-24T12:00:00Z")), utc("2026-11-25T08:00:00Z"));
    }

    #[test]
    fn attempts_are_accepted_from_nine_to_thirteen_both_included() {
        // Tuesday 24 Nov 2026 (Rome is UTC+1).
        assert!(check_attempt_time(&national(), utc("2026-11-24T08:00:00Z")).is_ok());
        assert!(check_attempt_time(&national(), utc("2026-11-24T10:30:00Z")).is_ok());
        assert!(check_attempt_time(&national(), utc("2026-11-24T12:00:00Z")).is_ok());
        assert!(check_attempt_time(&national(), utc("2026-11-24T12:00:59Z")).is_ok());
    }

    #[test]
    fn an_attempt_after_thirteen_is_refused_with_the_next_morning() {
        let err = check_attempt_time(&national(), utc("2026-11-24T12:30:00Z")).unwrap_err();
        assert_eq!(err.code(), "BAD_USER_INPUT");
        let msg = err.msg();
        assert!(msg.it.contains("mercoledì 25/11/2026 alle 09:00"), "{}", msg.it);
        assert!(msg.en.contains("Wednesday 25/11/2026 at 09:00"), "{}", msg.en);
        assert!(check_attempt_time(&national(), utc("2026-11-24T12:01:00Z")).is_err());
        assert!(check_attempt_time(&national(), utc("2026-11-24T07:59:59Z")).is_err());
    }

    #[test]
    fn an_attempt_on_christmas_is_refused_until_the_next_working_day() {
        // Fri 25 Dec 2026 10:00 → 26 (St Stephen) and the weekend → Monday 28.
        let err = check_attempt_time(&national(), utc("2026-12-25T09:00:00Z")).unwrap_err();
        assert_eq!(err.code(), "BAD_USER_INPUT");
        assert!(err.msg().it.contains("lunedì 28/12/2026 alle 09:00"), "{}", err.msg().it);
        assert!(check_attempt_time(&national(), utc("2026-11-28T10:00:00Z")).is_err(), "a Saturday");
    }

    #[test]
    fn the_next_window_is_shown_when_attempts_cannot_be_made_now() {
        // Tuesday 24 Nov 2026: open at 10:00, closed at 13:05 until Wednesday 09:00.
        let open = utc("2026-11-24T09:00:00Z");
        assert_eq!(next_attempt_window(&national(), open, open), None);
        assert_eq!(
            next_attempt_window(&national(), utc("2026-11-24T12:05:00Z"), open),
            Some(utc("2026-11-25T08:00:00Z"))
        );
        // Not yet available: its own opening, even inside today's window.
        assert_eq!(
            next_attempt_window(&national(), open, utc("2026-11-25T08:00:00Z")),
            Some(utc("2026-11-25T08:00:00Z"))
        );
        // Christmas Day → Monday 28.
        assert_eq!(
            next_attempt_window(&national(), utc("2026-12-25T09:00:00Z"), open),
            Some(utc("2026-12-28T08:00:00Z"))
        );
    }

    #[test]
    fn three_unanswered_attempts_close_the_request() {
        let (s, n) = attempt(CallbackStatus::Assigned, 0, CallbackOutcome::NoAnswer).unwrap();
        assert_eq!((s, n), (CallbackStatus::Assigned, 1));
        let (s, n) = attempt(s, n, CallbackOutcome::NoAnswer).unwrap();
        assert_eq!((s, n), (CallbackStatus::Assigned, 2));
        let (s, n) = attempt(s, n, CallbackOutcome::NoAnswer).unwrap();
        assert_eq!((s, n), (CallbackStatus::Done, 3));
        assert_eq!(attempt(s, n, CallbackOutcome::NoAnswer).unwrap_err().code(), "CONFLICT");
    }

    #[test]
    fn an_answered_call_closes_the_request() {
        assert_eq!(attempt(CallbackStatus::Assigned, 1, CallbackOutcome::Resolved).unwrap().0, CallbackStatus::Done);
        assert_eq!(
            attempt(CallbackStatus::Assigned, 0, CallbackOutcome::RoutedInternally).unwrap().0,
            CallbackStatus::Done
        );
    }

    #[test]
    fn a_waiting_request_cannot_take_an_attempt() {
        assert!(attempt(CallbackStatus::Waiting, 0, CallbackOutcome::Resolved).is_err());
    }
}
