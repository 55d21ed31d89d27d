//! Bookings, precalls and counter sessions (docs/domain.md §5): the closed lists,
//! the state machine and the rules on time, as pure functions.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Rome;

use crate::error::{AppError, AppResult};

/// CUP shows this many calendar days ahead; bookings further out are refused.
pub const CUP_WINDOW_DAYS: i64 = 24;
/// A precall "covers" a booking when made at least this many days before it.
pub const PRECALL_LEAD_DAYS: i64 = 3;
/// Counter sessions last at most this long; longer ones are flagged.
pub const MAX_SESSION_MINUTES: i64 = 15;
/// Longest free note accepted with a confirmation ("note motivazione conferma app.to").
pub const MAX_NOTE_CHARS: usize = 300;

// The closed lists stored in the booking's columns are defined with the
// table (entities::appointment); their rules are here.
pub use entities::appointment::{
    AppointmentSource, AppointmentStatus, Channel, CounterOutcome, PrecallOutcome, PrecallReason, PrecallResult,
    PrecallStatus,
};

entities::closed_list! {
    /// Derived: was the booking precalled at least 3 days before it?
    PrecallCoverage {
        NotRequired = "NOT_REQUIRED",
        /// Not precalled yet and there is still time.
        Pending = "PENDING",
        Covered = "COVERED",
        /// Precalled, but less than 3 days before.
        Late = "LATE",
        /// Not precalled and no longer in time.
        Missed = "MISSED",
    }
}

/// What a precall outcome does to the booking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrecallRecord {
    pub outcome: PrecallOutcome,
    pub reason: Option<PrecallReason>,
    pub result: Option<PrecallResult>,
    pub note: Option<String>,
    /// The booking's status afterwards.
    pub status: AppointmentStatus,
    /// The channel afterwards, when the outcome fixes it.
    pub channel: Option<Channel>,
}

/// What the booking looks like to the precall rules.
#[derive(Clone, Copy, Debug)]
pub struct PrecallContext {
    pub status: AppointmentStatus,
    pub precall_status: PrecallStatus,
    pub previous_outcome: Option<PrecallOutcome>,
    pub has_phone: bool,
    pub office_has_virtual_counter: bool,
}

fn precall_input(field: &str, it: &str, en: &str) -> AppError {
    AppError::bad_input(field, it, en)
}

/// Checks an outcome against the closed lists of docs/domain.md §5.2 and the
/// booking, and says what it changes. Combinations that make no sense are
/// `BAD_USER_INPUT`; a booking that cannot take an outcome now is `CONFLICT`.
pub fn record_precall(
    ctx: PrecallContext,
    outcome: PrecallOutcome,
    reason: Option<PrecallReason>,
    result: Option<PrecallResult>,
    note: Option<&str>,
) -> AppResult<PrecallRecord> {
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    match outcome {
        PrecallOutcome::NotContactable => {
            if reason != Some(PrecallReason::MissingPhone) {
                return Err(precall_input(
                    "reason",
                    "«Non contattabile» richiede la motivazione MISSING_PHONE",
                    "NOT_CONTACTABLE requires reason MISSING_PHONE",
                ));
            }
            if ctx.has_phone {
                return Err(precall_input(
                    "reason",
                    "La prenotazione ha un numero di telefono: l'esito è NEGATIVE, non NOT_CONTACTABLE",
                    "The booking has a phone number: the outcome is NEGATIVE, not NOT_CONTACTABLE",
                ));
            }
        }
        PrecallOutcome::Negative => {
            if !matches!(reason, Some(PrecallReason::WrongNumber | PrecallReason::NoAnswer)) {
                return Err(precall_input(
                    "reason",
                    "L'esito negativo richiede la motivazione WRONG_NUMBER o NO_ANSWER",
                    "NEGATIVE requires reason WRONG_NUMBER or NO_ANSWER",
                ));
            }
            if !ctx.has_phone {
                return Err(precall_input(
                    "outcome",
                    "La prenotazione non ha un numero di telefono: l'esito è NOT_CONTACTABLE",
                    "The booking has no phone number: the outcome is NOT_CONTACTABLE",
                ));
            }
        }
        PrecallOutcome::Positive => {
            if reason.is_some() {
                return Err(precall_input(
                    "reason",
                    "Un esito positivo non ha motivazione di non contattabilità",
                    "A POSITIVE outcome takes no reason",
                ));
            }
            let Some(r) = result else {
                return Err(precall_input(
                    "result",
                    "Un esito positivo richiede l'esito del contatto",
                    "A POSITIVE outcome requires a result",
                ));
            };
            if r == PrecallResult::ConfirmedVirtual && !ctx.office_has_virtual_counter {
                return Err(precall_input(
                    "result",
                    "L'ufficio non ha lo sportello virtuale attivo",
                    "The office has no active virtual counter",
                ));
            }
        }
    }
    if outcome != PrecallOutcome::Positive && result.is_some() {
        return Err(precall_input(
            "result",
            "L'esito del contatto si indica solo per un esito positivo",
            "A result is given only with a POSITIVE outcome",
        ));
    }
    let confirmation = matches!(result, Some(PrecallResult::ConfirmedVirtual | PrecallResult::ConfirmedInPerson));
    if let Some(n) = note {
        if !confirmation {
            return Err(precall_input(
                "note",
                "La nota è ammessa solo per la conferma dell'appuntamento",
                "A note is allowed only with a confirmation",
            ));
        }
        if n.chars().count() > MAX_NOTE_CHARS {
            return Err(precall_input(
                "note",
                &format!("La nota supera {MAX_NOTE_CHARS} caratteri"),
                &format!("The note is longer than {MAX_NOTE_CHARS} characters"),
            ));
        }
    }
    // The booking must be waiting for this precall.
    let open = ctx.status == AppointmentStatus::Booked
        && match ctx.precall_status {
            PrecallStatus::Assigned => true,
            // A new attempt after a negative one or a missing phone.
            PrecallStatus::Done => ctx.previous_outcome != Some(PrecallOutcome::Positive),
            PrecallStatus::NotRequired | PrecallStatus::Unassigned => false,
        };
    if !open {
        return Err(AppError::conflict(
            "La prenotazione non attende una prechiamata",
            "The booking is not waiting for a precall",
        ));
    }
    let (status, channel) = match result {
        Some(PrecallResult::ServedRemotely | PrecallResult::RedirectedEmailPec) => {
            (AppointmentStatus::ResolvedByPrecall, None)
        }
        Some(PrecallResult::ConfirmedVirtual) => (AppointmentStatus::Confirmed, Some(Channel::Virtual)),
        Some(PrecallResult::ConfirmedInPerson) => (AppointmentStatus::Confirmed, Some(Channel::InPerson)),
        Some(PrecallResult::CancelledByCitizen) => (AppointmentStatus::Cancelled, None),
        None => (AppointmentStatus::Booked, None),
    };
    Ok(PrecallRecord { outcome, reason, result, note: note.map(str::to_owned), status, channel })
}

/// May the booking's precall be (re)assigned now?
pub fn can_assign_precall(
    status: AppointmentStatus,
    precall: PrecallStatus,
    outcome: Option<PrecallOutcome>,
) -> AppResult<()> {
    if precall == PrecallStatus::NotRequired {
        return Err(AppError::conflict(
            "Il servizio è veloce: la prenotazione non si prechiama",
            "Fast service: the booking is not precalled",
        ));
    }
    if status != AppointmentStatus::Booked || outcome == Some(PrecallOutcome::Positive) {
        return Err(AppError::conflict(
            "La prechiamata di questa prenotazione è conclusa o la prenotazione non è più attiva",
            "This booking's precall is over or the booking is no longer active",
        ));
    }
    Ok(())
}

/// May a counter operator be designated (or changed) now?
pub fn can_assign_counter(
    status: AppointmentStatus,
    channel: Channel,
    office_has_virtual_counter: bool,
) -> AppResult<()> {
    if !matches!(status, AppointmentStatus::Booked | AppointmentStatus::Confirmed | AppointmentStatus::CounterAssigned)
    {
        return Err(AppError::conflict(
            "La prenotazione non può essere assegnata allo sportello nel suo stato attuale",
            "The booking cannot be assigned to a counter in its current state",
        ));
    }
    if channel == Channel::Virtual && !office_has_virtual_counter {
        return Err(crate::kernel::messages::no_virtual_counter("channel"));
    }
    Ok(())
}

pub fn can_start_session(status: AppointmentStatus) -> AppResult<()> {
    if status != AppointmentStatus::CounterAssigned {
        return Err(AppError::conflict(
            "La sessione può iniziare solo per una prenotazione assegnata allo sportello e non ancora iniziata",
            "A session can start only for a booking assigned to a counter and not started yet",
        ));
    }
    Ok(())
}

/// Checks a counter outcome: the protocol number is required for a transfer to
/// the back office and refused otherwise; COMPLETED and TRANSFERRED need a
/// started session, NO_SHOW and NOT_DELIVERABLE may close an unstarted one.
pub fn record_counter(
    status: AppointmentStatus,
    outcome: CounterOutcome,
    protocol_number: Option<&str>,
) -> AppResult<Option<String>> {
    let protocol = protocol_number.map(str::trim).filter(|p| !p.is_empty());
    let protocol = match (outcome, protocol) {
        (CounterOutcome::TransferredToBackOffice, None) => {
            return Err(AppError::bad_input(
                "protocolNumber",
                "Il trasferimento al back office richiede il numero di protocollo",
                "A transfer to the back office requires the protocol number",
            ));
        }
        (CounterOutcome::TransferredToBackOffice, Some(p)) => {
            let valid =
                p.len() <= 40 && p.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '.' | ' '));
            if !valid {
                return Err(AppError::bad_input(
                    "protocolNumber",
                    "Numero di protocollo non valido (al più 40 caratteri: lettere, cifre, / - .)",
                    "Invalid protocol number (at most 40 characters: letters, digits, / - .)",
                ));
            }
            Some(p.to_owned())
        }
        (_, Some(_)) => {
            return Err(AppError::bad_input(
                "protocolNumber",
                "Il numero di protocollo si indica solo per il trasferimento al back office",
                "A protocol number is given only with TRANSFERRED_TO_BACK_OFFICE",
            ));
        }
        (_, None) => None,
    };
    let allowed = match outcome {
        CounterOutcome::Completed | CounterOutcome::TransferredToBackOffice => status == AppointmentStatus::InSession,
        CounterOutcome::NoShow | CounterOutcome::NotDeliverable => {
            matches!(status, AppointmentStatus::InSession | AppointmentStatus::CounterAssigned)
        }
    };
    if !allowed {
        return Err(AppError::conflict(
            "La sessione di sportello non è in corso",
            "The counter session is not under way",
        ));
    }
    Ok(protocol)
}

/// The person named as assignee or counter operator is not staff of the office.
pub fn not_office_staff() -> AppError {
    crate::kernel::messages::not_office_staff("username")
}

/// The booking has no e-mail address (pre-contact e-mail).
pub fn no_email() -> AppError {
    AppError::conflict("La prenotazione non ha un indirizzo e-mail", "The booking has no e-mail address")
}

/// May the booking be cancelled?
pub fn can_cancel(status: AppointmentStatus) -> AppResult<()> {
    if matches!(status, AppointmentStatus::InSession | AppointmentStatus::Closed | AppointmentStatus::Cancelled) {
        return Err(AppError::conflict(
            "La prenotazione non può più essere annullata",
            "The booking can no longer be cancelled",
        ));
    }
    Ok(())
}

/// The day of an instant in Europe/Rome.
pub fn rome_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Rome).date_naive()
}

/// An office-local date and time as an instant. A time skipped by the
/// daylight-saving change does not exist and is refused; an ambiguous one
/// (the repeated hour) is taken at its first occurrence.
pub fn rome_instant(date: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    Rome.from_local_datetime(&NaiveDateTime::new(date, time)).earliest().map(|t| t.with_timezone(&Utc))
}

/// Bookings are accepted from today to [`CUP_WINDOW_DAYS`] days ahead (Europe/Rome).
pub fn check_cup_window(date: NaiveDate, now: DateTime<Utc>) -> Result<(), (String, String)> {
    let today = rome_date(now);
    let ahead = (date - today).num_days();
    if ahead < 0 {
        return Err(("La data è passata".into(), "The date is in the past".into()));
    }
    if ahead > CUP_WINDOW_DAYS {
        return Err((
            format!("La data è oltre la finestra CUP di {CUP_WINDOW_DAYS} giorni"),
            format!("The date is beyond the {CUP_WINDOW_DAYS}-day CUP window"),
        ));
    }
    Ok(())
}

/// Coverage of a booking's precall, derived from when it was first precalled.
pub fn precall_coverage(
    precall: PrecallStatus,
    appointment_date: NaiveDate,
    precalled_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> PrecallCoverage {
    if precall == PrecallStatus::NotRequired {
        return PrecallCoverage::NotRequired;
    }
    let deadline = appointment_date - Duration::days(PRECALL_LEAD_DAYS);
    match precalled_at {
        Some(at) if rome_date(at) <= deadline => PrecallCoverage::Covered,
        Some(_) => PrecallCoverage::Late,
        None if rome_date(now) <= deadline => PrecallCoverage::Pending,
        None => PrecallCoverage::Missed,
    }
}

/// Whole minutes and the over-15-minutes flag of a session.
pub fn session_duration(started: Option<DateTime<Utc>>, ended: Option<DateTime<Utc>>) -> Option<(i64, bool)> {
    let secs = (ended? - started?).num_seconds().max(0);
    Some(((secs + 59) / 60, secs > MAX_SESSION_MINUTES * 60))
}

/// `dd/mm/yy`, as in the pre-contact e-mail subject.
pub fn short_date(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:02}", date.day(), date.month(), date.year() % 100)
}

/// A CUP booking number: 1–32 letters, digits or dashes.
pub fn check_cup_number(raw: &str) -> Option<String> {
    let n = raw.trim();
    let ok = !n.is_empty() && n.len() <= 32 && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then(|| n.to_ascii_uppercase())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn ctx(has_phone: bool) -> PrecallContext {
        PrecallContext {
            status: AppointmentStatus::Booked,
            precall_status: PrecallStatus::Assigned,
            previous_outcome: None,
            has_phone,
            office_has_virtual_counter: false,
        }
    }

    fn code(err: AppError) -> &'static str {
        err.code()
    }

    #[test]
    fn a_positive_confirmation_in_person_confirms_the_booking_with_its_note() {
        let r = record_precall(
            ctx(true),
            PrecallOutcome::Positive,
            None,
            Some(PrecallResult::ConfirmedInPerson),
            Some(" porta il modello F24 "),
        )
        .unwrap();
        assert_eq!(r.status, AppointmentStatus::Confirmed);
        assert_eq!(r.channel, Some(Channel::InPerson));
        assert_eq!(r.note.as_deref(), Some("porta il modello F24"));
    }

    #[test]
    fn negative_with_a_result_makes_no_sense() {
        let err = record_precall(
            ctx(true),
            PrecallOutcome::Negative,
            Some(PrecallReason::NoAnswer),
            Some(PrecallResult::ConfirmedVirtual),
            None,
        )
        .unwrap_err();
        assert_eq!(code(err), "BAD_USER_INPUT");
    }

    #[test]
    fn a_note_on_a_non_confirmation_is_refused() {
        for result in
            [PrecallResult::ServedRemotely, PrecallResult::RedirectedEmailPec, PrecallResult::CancelledByCitizen]
        {
            let err =
                record_precall(ctx(true), PrecallOutcome::Positive, None, Some(result), Some("nota")).unwrap_err();
            assert_eq!(code(err), "BAD_USER_INPUT", "{result:?}");
        }
        let err = record_precall(ctx(true), PrecallOutcome::Negative, Some(PrecallReason::NoAnswer), None, Some("x"))
            .unwrap_err();
        assert_eq!(code(err), "BAD_USER_INPUT");
    }

    #[test]
    fn each_outcome_takes_only_its_own_reasons() {
        assert!(
            record_precall(ctx(false), PrecallOutcome::NotContactable, Some(PrecallReason::MissingPhone), None, None)
                .is_ok()
        );
        assert!(
            record_precall(ctx(false), PrecallOutcome::NotContactable, Some(PrecallReason::NoAnswer), None, None)
                .is_err()
        );
        assert!(
            record_precall(ctx(true), PrecallOutcome::Negative, Some(PrecallReason::WrongNumber), None, None).is_ok()
        );
        assert!(
            record_precall(ctx(true), PrecallOutcome::Negative, Some(PrecallReason::MissingPhone), None, None).is_err()
        );
        assert!(record_precall(ctx(true), PrecallOutcome::Negative, None, None, None).is_err());
        assert!(
            record_precall(
                ctx(true),
                PrecallOutcome::Positive,
                Some(PrecallReason::NoAnswer),
                Some(PrecallResult::ServedRemotely),
                None
            )
            .is_err()
        );
        assert!(record_precall(ctx(true), PrecallOutcome::Positive, None, None, None).is_err());
    }

    #[test]
    fn not_contactable_needs_a_booking_without_phone_and_negative_one_with_it() {
        assert!(
            record_precall(ctx(true), PrecallOutcome::NotContactable, Some(PrecallReason::MissingPhone), None, None)
                .is_err()
        );
        assert!(
            record_precall(ctx(false), PrecallOutcome::Negative, Some(PrecallReason::NoAnswer), None, None).is_err()
        );
    }

    #[test]
    fn virtual_confirmation_needs_an_office_with_the_virtual_counter() {
        let err =
            record_precall(ctx(true), PrecallOutcome::Positive, None, Some(PrecallResult::ConfirmedVirtual), None)
                .unwrap_err();
        assert_eq!(code(err), "BAD_USER_INPUT");
        let with_virtual = PrecallContext { office_has_virtual_counter: true, ..ctx(true) };
        let r =
            record_precall(with_virtual, PrecallOutcome::Positive, None, Some(PrecallResult::ConfirmedVirtual), None)
                .unwrap();
        assert_eq!(r.channel, Some(Channel::Virtual));
    }

    #[test]
    fn results_move_the_booking_to_the_right_state() {
        let cases = [
            (PrecallResult::ServedRemotely, AppointmentStatus::ResolvedByPrecall),
            (PrecallResult::RedirectedEmailPec, AppointmentStatus::ResolvedByPrecall),
            (PrecallResult::CancelledByCitizen, AppointmentStatus::Cancelled),
            (PrecallResult::ConfirmedInPerson, AppointmentStatus::Confirmed),
        ];
        for (result, status) in cases {
            let r = record_precall(ctx(true), PrecallOutcome::Positive, None, Some(result), None).unwrap();
            assert_eq!(r.status, status);
        }
    }

    #[test]
    fn a_negative_precall_may_be_retried_but_a_positive_one_is_final() {
        let after_negative = PrecallContext {
            precall_status: PrecallStatus::Done,
            previous_outcome: Some(PrecallOutcome::Negative),
            ..ctx(true)
        };
        assert!(
            record_precall(
                after_negative,
                PrecallOutcome::Positive,
                None,
                Some(PrecallResult::ConfirmedInPerson),
                None
            )
            .is_ok()
        );
        let after_positive = PrecallContext {
            status: AppointmentStatus::Confirmed,
            precall_status: PrecallStatus::Done,
            previous_outcome: Some(PrecallOutcome::Positive),
            ..ctx(true)
        };
        let err = record_precall(after_positive, PrecallOutcome::Negative, Some(PrecallReason::NoAnswer), None, None)
            .unwrap_err();
        assert_eq!(code(err), "CONFLICT");
    }

    #[test]
    fn an_unassigned_precall_cannot_be_recorded() {
        let unassigned = PrecallContext { precall_status: PrecallStatus::Unassigned, ..ctx(true) };
        let err = record_precall(unassigned, PrecallOutcome::Negative, Some(PrecallReason::NoAnswer), None, None)
            .unwrap_err();
        assert_eq!(code(err), "CONFLICT");
    }

    #[test]
    fn a_transfer_to_back_office_needs_a_protocol_number_and_nothing_else_takes_one() {
        let s = AppointmentStatus::InSession;
        assert_eq!(
            code(record_counter(s, CounterOutcome::TransferredToBackOffice, None).unwrap_err()),
            "BAD_USER_INPUT"
        );
        assert_eq!(
            code(record_counter(s, CounterOutcome::TransferredToBackOffice, Some("  ")).unwrap_err()),
            "BAD_USER_INPUT"
        );
        assert_eq!(
            record_counter(s, CounterOutcome::TransferredToBackOffice, Some(" 2026/123456 ")).unwrap().as_deref(),
            Some("2026/123456")
        );
        assert_eq!(code(record_counter(s, CounterOutcome::Completed, Some("1")).unwrap_err()), "BAD_USER_INPUT");
        assert_eq!(record_counter(s, CounterOutcome::Completed, None).unwrap(), None);
    }

    #[test]
    fn a_no_show_closes_an_unstarted_session_but_completion_needs_a_started_one() {
        let assigned = AppointmentStatus::CounterAssigned;
        assert!(record_counter(assigned, CounterOutcome::NoShow, None).is_ok());
        assert_eq!(code(record_counter(assigned, CounterOutcome::Completed, None).unwrap_err()), "CONFLICT");
        assert_eq!(
            code(record_counter(AppointmentStatus::Closed, CounterOutcome::NoShow, None).unwrap_err()),
            "CONFLICT"
        );
    }

    #[test]
    fn virtual_counter_assignment_only_where_the_office_has_it() {
        assert!(can_assign_counter(AppointmentStatus::Confirmed, Channel::Virtual, false).is_err());
        assert!(can_assign_counter(AppointmentStatus::Confirmed, Channel::Virtual, true).is_ok());
        assert!(can_assign_counter(AppointmentStatus::ResolvedByPrecall, Channel::InPerson, true).is_err());
        assert!(can_assign_counter(AppointmentStatus::CounterAssigned, Channel::InPerson, false).is_ok());
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_cup_window_runs_from_today_to_24_days_ahead_in_rome() {
        // 23:30 UTC on 30 Nov is already 1 Dec in Rome.
        let now = utc("2026-11-30T23:30:00Z");
        assert!(check_cup_window(date("2026-11-30"), now).is_err());
        assert!(check_cup_window(date("2026-12-01"), now).is_ok());
        assert!(check_cup_window(date("2026-12-25"), now).is_ok());
        assert!(check_cup_window(date("2026-12-26"), now).is_err());
    }

    #[test]
    fn coverage_counts_precalls_made_at_least_three_days_before() {
        let day = date("2026-12-10");
        let now = utc("2026-12-01T10:00:00Z");
        assert_eq!(
            precall_coverage(PrecallStatus::Done, day, Some(utc("2026-12-07T15:00:00Z")), now),
            PrecallCoverage::Covered
        );
        assert_eq!(
            precall_coverage(PrecallStatus::Done, day, Some(utc("2026-12-08T08:00:00Z")), now),
            PrecallCoverage::Late
        );
        assert_eq!(precall_coverage(PrecallStatus::Assigned, day, None, now), PrecallCoverage::Pending);
        assert_eq!(
            precall_coverage(PrecallStatus::Assigned, day, None, utc("2026-12-08T08:00:00Z")),
            PrecallCoverage::Missed
        );
        assert_eq!(precall_coverage(PrecallStatus::NotRequired, day, None, now), PrecallCoverage::NotRequired);
    }

    #[test]
    fn rome_times_follow_daylight_saving() {
        let summer = rome_instant(date("2026-07-01"), NaiveTime::from_hms_opt(9, 0, 0).unwrap()).unwrap();
        assert_eq!(summer, utc("2026-07-01T07:00:00Z"));
        let winter = rome_instant(date("2026-12-01"), NaiveTime::from_hms_opt(9, 0, 0).unwrap()).unwrap();
        assert_eq!(winter, utc("2026-12-01T08:00:00Z"));
        // 29 March 2026, 02:30 does not exist in Rome.
        assert!(rome_instant(date("2026-03-29"), NaiveTime::from_hms_opt(2, 30, 0).unwrap()).is_none());
    }

    #[test]
    fn sessions_over_fifteen_minutes_are_flagged() {
        let start = utc("2026-12-01T09:00:00Z");
        assert_eq!(session_duration(Some(start), Some(utc("2026-12-01T09:15:00Z"))), Some((15, false)));
        assert_eq!(session_duration(Some(start), Some(utc("2026-12-01T09:15:01Z"))), Some((16, true)));
        assert_eq!(session_duration(None, Some(start)), None);
    }

    #[test]
    fn the_subject_date_is_dd_mm_yy() {
        assert_eq!(short_date(date("2026-12-03")), "03/12/26");
    }

    #[test]
    fn closed_lists_round_trip_through_their_stored_names() {
        for s in AppointmentStatus::ALL {
            assert_eq!(s.as_str().parse::<AppointmentStatus>().unwrap(), *s);
        }
        for r in PrecallResult::ALL {
            assert_eq!(r.as_str().parse::<PrecallResult>().unwrap(), *r);
        }
    }
}
