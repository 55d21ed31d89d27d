//! Follow-up rules: due date, overdue, the closing transitions, and the
//! subject a citizen must give the documents they send.

use chrono::NaiveDate;

pub use entities::follow_up::{FollowUpOrigin, FollowUpStatus};

use crate::error::{AppError, AppResult};
use crate::kernel::unit_calendar::UnitCalendar;

/// Working days of the office within which an item is due ("nel giro di 2/3 giorni").
pub const DUE_WITHIN_WORKING_DAYS: u32 = 3;

/// The due date of an item opened on `opened_on` at an office with `calendar`.
pub fn due_on(calendar: &UnitCalendar, opened_on: NaiveDate) -> NaiveDate {
    calendar.working_days_after(opened_on, DUE_WITHIN_WORKING_DAYS)
}

/// Open and past its due date (`today` is the office's day, Rome time).
pub fn is_overdue(status: FollowUpStatus, due_on: NaiveDate, today: NaiveDate) -> bool {
    status == FollowUpStatus::Open && today > due_on
}

/// Only an open item is closed; closing needs to say what was done (or why not).
pub fn close(status: FollowUpStatus, to: FollowUpStatus, outcome: &str) -> AppResult<String> {
    if status != FollowUpStatus::Open {
        return Err(crate::kernel::messages::follow_up_already_closed());
    }
    debug_assert!(to != FollowUpStatus::Open);
    let outcome = outcome.trim();
    if outcome.is_empty() || outcome.chars().count() > 2000 {
        let (it, en) = match to {
            FollowUpStatus::Cancelled => {
                ("Indica perché l'attività non serve più", "Say why the item is no longer needed")
            }
            _ => ("Indica che cosa è stato fatto", "Say what was done"),
        };
        return Err(AppError::bad_input("outcome", it, en));
    }
    Ok(outcome.to_owned())
}

/// The subject a citizen must write when sending documents for a virtual
/// appointment by e-mail (seed 000 §II.B): read out or sent by the operator.
pub fn documents_subject(cup_number: &str, citizen_name: &str) -> String {
    format!("Prenotazione n. {cup_number} appuntamento virtuale CONSEGNA DOCUMENTI – {citizen_name}")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn an_item_is_due_three_working_days_later_and_overdue_the_day_after() {
        // Friday 4 December: Monday 7, Wednesday 9 (Tuesday 8 is the Immacolata), Thursday 10.
        let due = due_on(&UnitCalendar::default(), d(12, 4));
        assert_eq!(due, d(12, 10));
        assert!(!is_overdue(FollowUpStatus::Open, due, d(12, 10)));
        assert!(is_overdue(FollowUpStatus::Open, due, d(12, 11)));
        assert!(!is_overdue(FollowUpStatus::Done, due, d(12, 11)));
    }

    #[test]
    fn only_an_open_item_closes_and_it_needs_a_reason() {
        assert!(close(FollowUpStatus::Open, FollowUpStatus::Done, "Pratica evasa").is_ok());
        assert!(close(FollowUpStatus::Done, FollowUpStatus::Cancelled, "x").is_err());
        let err = close(FollowUpStatus::Open, FollowUpStatus::Cancelled, "  ").unwrap_err();
        assert_eq!(err.code(), "BAD_USER_INPUT");
    }

    #[test]
    fn the_documents_subject_names_the_booking_and_the_citizen() {
        assert_eq!(
            documents_subject("401234", "Maria Rossi"),
            "Prenotazione n. 401234 appuntamento virtuale CONSEGNA DOCUMENTI – Maria Rossi"
        );
    }
}
