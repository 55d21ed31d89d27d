//! The 15-minute rule (seed 000 §I.6–7, issue 14 item 6): a counter session
//! lasts at most 15 minutes; past them the operator should transfer the
//! citizen to the back office. Closing as COMPLETED after 15 minutes is
//! allowed only with an explicit confirmation, and monitoring counts those
//! sessions apart ("concluse oltre 15 minuti").

use chrono::{DateTime, Utc};

use crate::error::{AppError, AppResult};

use super::domain::{CounterOutcome, MAX_SESSION_MINUTES, session_duration};

/// Whether closing with `outcome` at `ended` may go ahead: a COMPLETED
/// session over the limit needs `confirmed`. Returns whether the session is
/// over the limit (for the audit trail).
pub fn check_completion(
    outcome: CounterOutcome,
    started: Option<DateTime<Utc>>,
    ended: DateTime<Utc>,
    confirmed: bool,
) -> AppResult<bool> {
    let over = session_duration(started, Some(ended)).is_some_and(|(_, over)| over);
    if over && outcome == CounterOutcome::Completed && !confirmed {
        return Err(AppError::bad_input(
            "confirmOverFifteenMinutes",
            format!(
                "La sessione dura da oltre {MAX_SESSION_MINUTES} minuti: trasferisci la pratica al back office \
                 (con il numero di protocollo) oppure conferma esplicitamente la chiusura come conclusa"
            ),
            format!(
                "The session has lasted over {MAX_SESSION_MINUTES} minutes: transfer it to the back office \
                 (with the protocol number) or explicitly confirm closing it as completed"
            ),
        ));
    }
    Ok(over)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    const START: &str = "2026-12-01T09:00:00Z";

    #[test]
    fn completing_within_fifteen_minutes_needs_no_confirmation() {
        let ended = utc("2026-12-01T09:15:00Z");
        assert_eq!(check_completion(CounterOutcome::Completed, Some(utc(START)), ended, false), Ok(false));
    }

    #[test]
    fn completing_after_fifteen_minutes_needs_the_confirmation() {
        let ended = utc("2026-12-01T09:15:01Z");
        let err = check_completion(CounterOutcome::Completed, Some(utc(START)), ended, false).unwrap_err();
        assert!(matches!(&err, AppError::BadUserInput { field: Some(f), .. } if f == "confirmOverFifteenMinutes"));
        assert!(err.msg().it.contains("back office"), "{}", err.msg().it);
        assert_eq!(check_completion(CounterOutcome::Completed, Some(utc(START)), ended, true), Ok(true));
    }

    #[test]
    fn a_transfer_after_fifteen_minutes_is_what_the_rule_asks() {
        let ended = utc("2026-12-01T09:40:00Z");
        assert_eq!(check_completion(CounterOutcome::TransferredToBackOffice, Some(utc(START)), ended, false), Ok(true));
        assert_eq!(check_completion(CounterOutcome::NoShow, None, ended, false), Ok(false));
    }
}
