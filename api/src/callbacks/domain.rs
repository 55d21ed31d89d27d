//! Callback rules: opening hours, attempts, states.

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc, Weekday};
use chrono_tz::Europe::Rome;

use crate::appointments::domain::{closed_list, rome_instant};
use crate::error::{AppError, AppResult};

/// At most this many attempts; the last unanswered one closes the request.
pub const MAX_ATTEMPTS: i32 = 3;

closed_list! {
    CallbackStatus {
        Waiting = "WAITING",
        Assigned = "ASSIGNED",
        Done = "DONE",
    }
}

closed_list! {
    CallbackOutcome {
        Resolved = "RESOLVED",
        /// Put through to the unit that holds the file.
        RoutedInternally = "ROUTED_INTERNALLY",
        /// Nobody answered: retried up to 3 attempts.
        NoAnswer = "NO_ANSWER",
    }
}

fn opening() -> NaiveTime {
    NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default()
}

fn closing() -> NaiveTime {
    NaiveTime::from_hms_opt(13, 0, 0).unwrap_or_default()
}

fn is_working_day(d: Weekday) -> bool {
    !matches!(d, Weekday::Sat | Weekday::Sun)
}

/// When a request made at `at` may be served: at once within opening hours
/// (Monday–Friday 09:00–13:00, Europe/Rome), otherwise at the next opening.
pub fn available_from(at: DateTime<Utc>) -> DateTime<Utc> {
    let local = at.with_timezone(&Rome);
    let mut day = local.date_naive();
    let time = local.time();
    if is_working_day(day.weekday()) && time >= opening() && time < closing() {
        return at;
    }
    if !(is_working_day(day.weekday()) && time < opening()) {
        day += Duration::days(1);
    }
    while !is_working_day(day.weekday()) {
        day += Duration::days(1);
    }
    rome_instant(day, opening()).unwrap_or(at)
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

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_request_within_opening_hours_is_served_at_once() {
        // Tuesday 24 Nov 2026, 10:00 in Rome.
        let at = utc("2026-11-24T09:00:00Z");
        assert_eq!(available_from(at), at);
    }

    #[test]
    fn a_request_before_nine_waits_for_the_same_morning() {
        assert_eq!(available_from(utc("2026-11-24T06:00:00Z")), utc("2026-11-24T08:00:00Z"));
    }

    #[test]
    fn a_request_in_the_afternoon_waits_for_the_next_morning() {
        assert_eq!(available_from(utc("2026-11-24T14:00:00Z")), utc("2026-11-25T08:00:00Z"));
    }

    #[test]
    fn a_request_on_friday_afternoon_or_the_weekend_waits_for_monday() {
        assert_eq!(available_from(utc("2026-11-27T15:00:00Z")), utc("2026-11-30T08:00:00Z"));
        assert_eq!(available_from(utc("2026-11-28T10:00:00Z")), utc("2026-11-30T08:00:00Z"));
    }

    #[test]
    fn thirteen_o_clock_is_already_closed() {
        assert_eq!(available_from(utc("2026-11-24T12:00:00Z")), utc("2026-11-25T08:00:00Z"));
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
