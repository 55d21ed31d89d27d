//! Linea quesiti: sections, priorities, the life-cycle state machine and the
//! SLA calendar (docs/domain.md §4). Pure functions, unit-tested below.

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Rome;

pub use entities::quesito::{Priority, QuesitoStatus, Section};

/// The rules of a section (the closed list itself is `entities::quesito::Section`).
pub trait SectionRules {
    /// Working days to answer when no override is configured (see [`due_at`]).
    fn default_sla_working_days(self) -> u32;
}

impl SectionRules for Section {
    /// Income-support questions are the most urgent for the citizen.
    fn default_sla_working_days(self) -> u32 {
        match self {
            Section::Pensioni => 10,
            Section::SostegnoReddito => 5,
            Section::SoggettoContribuente => 10,
        }
    }
}

/// The life cycle of a quesito (the closed list itself is `entities::quesito::QuesitoStatus`).
pub trait Lifecycle: Sized {
    /// Still waiting for an answer, at the CRIC (waiting for the citizen
    /// included) or at the central directorate.
    const OPEN: [Self; 4];
    /// Open with the SLA clock running: past its due date, one of these is an
    /// SLA breach. A quesito waiting for the citizen has its clock paused.
    const CLOCK_RUNNING: [Self; 3];
    /// Waiting at the CRIC: the monitoring figures' backlog, where forwarded
    /// quesiti are counted apart (as `forwarded`). Waiting for the citizen is
    /// part of it (the CRIC still owes the answer), and counted apart too.
    const AT_THE_CRIC: [Self; 3];
    fn is_open(&self) -> bool;
    /// The status after `transition`, or `None` when the life cycle does not allow it.
    fn apply(self, transition: Transition) -> Option<Self>;
}

impl Lifecycle for QuesitoStatus {
    const OPEN: [QuesitoStatus; 4] = [
        QuesitoStatus::New,
        QuesitoStatus::InProgress,
        QuesitoStatus::WaitingForCitizen,
        QuesitoStatus::ForwardedCentral,
    ];
    const CLOCK_RUNNING: [QuesitoStatus; 3] =
        [QuesitoStatus::New, QuesitoStatus::InProgress, QuesitoStatus::ForwardedCentral];
    const AT_THE_CRIC: [QuesitoStatus; 3] =
        [QuesitoStatus::New, QuesitoStatus::InProgress, QuesitoStatus::WaitingForCitizen];

    fn is_open(&self) -> bool {
        Self::OPEN.contains(self)
    }

    fn apply(self, transition: Transition) -> Option<QuesitoStatus> {
        use QuesitoStatus::*;
        match (self, transition) {
            (New, Transition::Take) => Some(InProgress),
            (InProgress, Transition::Release) => Some(New),
            (InProgress | ForwardedCentral, Transition::Answer) => Some(Answered),
            (New | InProgress, Transition::Forward) => Some(ForwardedCentral),
            (New | InProgress, Transition::ConvertToAppointment) => Some(ConvertedToAppointment),
            // Asking a NEW quesito's citizen takes it too (someone must hold it).
            (New | InProgress, Transition::AskCitizen) => Some(WaitingForCitizen),
            (WaitingForCitizen, Transition::CitizenReplied) => Some(InProgress),
            // A citizen who never replies: the CRIC or the CCM closes it.
            (New | InProgress | WaitingForCitizen, Transition::Cancel) => Some(Cancelled),
            _ => None,
        }
    }
}

/// The orders a list of quesiti comes in.
#[derive(async_graphql::Enum, Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum QuesitoOrder {
    /// Newest first (the default).
    #[default]
    NewestFirst,
    /// The CRIC queue's order: soonest due first (so the overdue come first),
    /// then the more urgent priority (quesiti filed the same day share their
    /// due time), then the first filed.
    DueFirst,
}

/// Where a priority comes among quesiti due at the same time: the most urgent first.
pub fn urgency_rank(priority: Priority) -> i64 {
    match priority {
        Priority::High => 0,
        Priority::Normal => 1,
        Priority::Low => 2,
    }
}

/// What can happen to a quesito after it is filed.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Transition {
    Take,
    /// The expert holding it gives it back to the CRIC's queue.
    Release,
    Answer,
    Forward,
    ConvertToAppointment,
    /// Information is asked of the citizen: the SLA clock pauses.
    AskCitizen,
    /// The citizen replied: the clock runs again, the due date moved.
    CitizenReplied,
    Cancel,
}

impl Transition {
    pub const ALL: [Transition; 8] = [
        Transition::Take,
        Transition::Release,
        Transition::Answer,
        Transition::Forward,
        Transition::ConvertToAppointment,
        Transition::AskCitizen,
        Transition::CitizenReplied,
        Transition::Cancel,
    ];

    /// Only the expert holding the quesito may do it (continuity: a quesito
    /// taken stays theirs until answered or released). Asking the citizen of
    /// a NEW quesito makes the caller its holder.
    pub fn needs_holder(self, status: QuesitoStatus) -> bool {
        match self {
            Transition::Release => true,
            Transition::AskCitizen => status == QuesitoStatus::InProgress,
            _ => false,
        }
    }
}

impl Transition {
    /// `area.verb` of the audit event.
    pub fn audit_action(self) -> &'static str {
        match self {
            Transition::Take => "quesito.take",
            Transition::Release => "quesito.release",
            Transition::AskCitizen => "quesito.ask_citizen",
            Transition::CitizenReplied => "quesito.citizen_reply",
            Transition::Answer => "quesito.answer",
            Transition::Forward => "quesito.forward",
            Transition::ConvertToAppointment => "quesito.convert_to_appointment",
            Transition::Cancel => "quesito.cancel",
        }
    }

    /// Italian and English name of the operation, for error messages.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Transition::Take => ("prendere in carico", "take"),
            Transition::Release => ("rilasciare", "release"),
            Transition::AskCitizen => ("mettere in attesa del cittadino", "put waiting for the citizen"),
            Transition::CitizenReplied => ("registrare la risposta del cittadino a", "record the citizen's reply to"),
            Transition::Answer => ("rispondere a", "answer"),
            Transition::Forward => ("inoltrare alla Direzione centrale", "forward to the central directorate"),
            Transition::ConvertToAppointment => ("convertire in appuntamento", "convert to an appointment"),
            Transition::Cancel => ("annullare", "cancel"),
        }
    }
}

/// Continuity with the expert (seed 003, issue 18 item 6): a new quesito of a
/// citizen who filed another one at the same CRIC within this many days is
/// proposed to the expert who took that one.
pub const CONTINUITY_DAYS: i64 = 30;

/// Limits of the free-text fields.
pub mod limits {
    pub const SUBJECT_MAX: usize = 200;
    pub const QUESTION_MIN: usize = 10;
    pub const QUESTION_MAX: usize = 4000;
    pub const ANSWER_MAX: usize = 8000;
    pub const REASON_MIN: usize = 5;
    pub const REASON_MAX: usize = 2000;
    pub const IDEMPOTENCY_KEY_MAX: usize = 100;
    pub const SLA_MAX_WORKING_DAYS: u32 = 60;
    pub const CLASSIFICATION_CODE_MAX: usize = 40;
    pub const CLASSIFICATION_LABEL_MAX: usize = 200;
}

/// Classification codes are stable identifiers for figures: `A-Z`, `0-9`, `_`.
pub fn valid_classification_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= limits::CLASSIFICATION_CODE_MAX
        && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

pub use crate::kernel::calendar::is_working_day;

/// When a quesito filed at `filed_at` must be answered: the end (23:59:59,
/// Europe/Rome) of the `working_days`-th working day after the filing day.
/// Working days exclude Saturdays, Sundays and Italian national holidays; the
/// filing day itself is never counted, so a quesito filed on Friday evening
/// with 1 working day is due at the end of Monday.
pub fn due_at(filed_at: DateTime<Utc>, working_days: u32) -> DateTime<Utc> {
    let date = crate::kernel::calendar::working_days_after(filed_at.with_timezone(&Rome).date_naive(), working_days);
    end_of_day(date).unwrap_or_else(|| filed_at + Duration::days(i64::from(working_days)))
}

/// 23:59:59 of `date` in Rome, the instant a due date falls on.
pub fn end_of_day(date: chrono::NaiveDate) -> Option<DateTime<Utc>> {
    let end = date.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN));
    // 23:59:59 always exists in Rome (DST changes happen at night 02:00-03:00).
    Rome.from_local_datetime(&end).earliest().map(|d| d.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use QuesitoStatus::*;
    use chrono::NaiveDate;

    #[test]
    fn the_happy_path_is_new_in_progress_answered() {
        assert_eq!(New.apply(Transition::Take), Some(InProgress));
        assert_eq!(InProgress.apply(Transition::Answer), Some(Answered));
    }

    #[test]
    fn an_answered_quesito_cannot_be_answered_taken_or_cancelled_again() {
        for t in Transition::ALL {
            assert_eq!(Answered.apply(t), None, "{t:?}");
        }
    }

    #[test]
    fn a_new_quesito_must_be_taken_before_it_is_answered() {
        assert_eq!(New.apply(Transition::Answer), None);
    }

    #[test]
    fn an_in_progress_quesito_cannot_be_taken_twice() {
        assert_eq!(InProgress.apply(Transition::Take), None);
    }

    #[test]
    fn new_or_in_progress_quesiti_can_be_forwarded_converted_or_cancelled() {
        for from in [New, InProgress] {
            assert_eq!(from.apply(Transition::Forward), Some(ForwardedCentral));
            assert_eq!(from.apply(Transition::ConvertToAppointment), Some(ConvertedToAppointment));
            assert_eq!(from.apply(Transition::Cancel), Some(Cancelled));
        }
    }

    #[test]
    fn the_central_directorate_answers_a_forwarded_quesito_and_nothing_else_happens_to_it() {
        assert_eq!(ForwardedCentral.apply(Transition::Answer), Some(Answered));
        for t in Transition::ALL.into_iter().filter(|t| *t != Transition::Answer) {
            assert_eq!(ForwardedCentral.apply(t), None, "{t:?}");
        }
    }

    #[test]
    fn closed_states_are_final() {
        for from in [Answered, ConvertedToAppointment, Cancelled] {
            assert!(!from.is_open());
            for t in Transition::ALL {
                assert_eq!(from.apply(t), None);
            }
        }
    }

    #[test]
    fn an_expert_asks_the_citizen_and_the_reply_puts_the_quesito_back_in_progress() {
        assert_eq!(InProgress.apply(Transition::AskCitizen), Some(WaitingForCitizen));
        assert_eq!(New.apply(Transition::AskCitizen), Some(WaitingForCitizen));
        assert_eq!(WaitingForCitizen.apply(Transition::CitizenReplied), Some(InProgress));
        assert!(WaitingForCitizen.is_open());
        assert!(!QuesitoStatus::CLOCK_RUNNING.contains(&WaitingForCitizen));
    }

    #[test]
    fn a_waiting_quesito_is_only_resumed_or_cancelled() {
        for t in Transition::ALL {
            let expected = match t {
                Transition::CitizenReplied => Some(InProgress),
                Transition::Cancel => Some(Cancelled),
                _ => None,
            };
            assert_eq!(WaitingForCitizen.apply(t), expected, "{t:?}");
        }
        // Only a waiting quesito takes a reply.
        for from in [New, InProgress, ForwardedCentral, Answered] {
            assert_eq!(from.apply(Transition::CitizenReplied), None, "{from:?}");
        }
    }

    #[test]
    fn only_a_quesito_in_progress_is_released_and_only_by_its_holder() {
        assert_eq!(InProgress.apply(Transition::Release), Some(New));
        for from in [New, WaitingForCitizen, ForwardedCentral, Answered] {
            assert_eq!(from.apply(Transition::Release), None, "{from:?}");
        }
        assert!(Transition::Release.needs_holder(InProgress));
        assert!(Transition::AskCitizen.needs_holder(InProgress));
        // Asking a NEW quesito's citizen takes it: there is no holder yet.
        assert!(!Transition::AskCitizen.needs_holder(New));
        assert!(!Transition::Answer.needs_holder(InProgress));
    }

    #[test]
    fn statuses_sections_and_priorities_round_trip_through_their_stored_names() {
        for &s in QuesitoStatus::ALL {
            assert_eq!(s.as_str().parse::<QuesitoStatus>().unwrap(), s);
        }
        for &s in Section::ALL {
            assert_eq!(s.as_str().parse::<Section>().unwrap(), s);
        }
        for &p in Priority::ALL {
            assert_eq!(p.as_str().parse::<Priority>().unwrap(), p);
        }
        assert!("pensioni".parse::<Section>().is_err());
    }

    #[test]
    fn among_quesiti_due_together_the_high_priority_comes_first_and_the_low_last() {
        let mut all = Priority::ALL.to_vec();
        all.sort_by_key(|p| urgency_rank(*p));
        assert_eq!(all, [Priority::High, Priority::Normal, Priority::Low]);
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn rome(y: i32, m: u32, day: u32, h: u32) -> DateTime<Utc> {
        Rome.with_ymd_and_hms(y, m, day, h, 0, 0).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn the_due_date_skips_weekends() {
        // Friday 20 Nov 2026 → 1 working day → Monday 23, end of day.
        let due = due_at(rome(2026, 11, 20, 18), 1);
        assert_eq!(due, Rome.with_ymd_and_hms(2026, 11, 23, 23, 59, 59).unwrap().with_timezone(&Utc));
        // Monday 23 Nov + 10 working days → Monday 7 Dec (8 Dec is a holiday, not reached).
        let due = due_at(rome(2026, 11, 23, 9), 10);
        assert_eq!(due.with_timezone(&Rome).date_naive(), d(2026, 12, 7));
    }

    #[test]
    fn the_due_date_skips_national_holidays() {
        // Friday 4 Dec 2026 + 2 working days: Mon 7, (Tue 8 holiday), Wed 9.
        let due = due_at(rome(2026, 12, 4, 10), 2);
        assert_eq!(due.with_timezone(&Rome).date_naive(), d(2026, 12, 9));
        // Around Christmas: Wed 23 Dec 2026 + 2: Thu 24, (25, 26, 27 off) Mon 28.
        let due = due_at(rome(2026, 12, 23, 10), 2);
        assert_eq!(due.with_timezone(&Rome).date_naive(), d(2026, 12, 28));
    }

    #[test]
    fn a_late_evening_filing_counts_from_the_rome_date_not_the_utc_one() {
        // 00:30 in Rome on Saturday is still Friday in UTC.
        let filed = rome(2026, 11, 21, 0) + Duration::minutes(30);
        assert_eq!(filed.date_naive(), d(2026, 11, 20));
        assert_eq!(due_at(filed, 1).with_timezone(&Rome).date_naive(), d(2026, 11, 23));
    }

    #[test]
    fn classification_codes_are_upper_case_identifiers() {
        assert!(valid_classification_code("DECORRENZA_PENSIONE"));
        assert!(valid_classification_code("ISEE2"));
        assert!(!valid_classification_code("decorrenza"));
        assert!(!valid_classification_code("A B"));
        assert!(!valid_classification_code(""));
    }
}
