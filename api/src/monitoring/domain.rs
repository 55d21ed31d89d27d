//! Monitoring figures for directors (docs/domain.md §7): what each figure means,
//! the period and its days in Europe/Rome, and the CSV layout. Pure
//! functions; the grouped SQL that counts them is in `store.rs`.
//!
//! Every figure belongs to a *cohort* with one date, so that the figures of a
//! unit are the sum of its children's and of its days':
//! - bookings, precalls and counter sessions: the appointment's day
//!   (`appointment.local_date`, already a Europe/Rome date);
//! - callbacks: the day the callback was requested (Europe/Rome);
//! - quesiti: the day the quesito was filed (Europe/Rome).
//!
//! Figures describing a state (callbacks waiting, CRIC backlog, open SLA
//! breaches) are the *current* state of that cohort: "of the quesiti filed in
//! the period, how many are still open now".

use async_graphql::{ComplexObject, SimpleObject};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use crate::appointments::domain::{Channel, CounterOutcome, rome_instant};
use crate::error::{AppError, AppResult};
use crate::quesiti::domain::Section;

/// Longest period a report may cover (a leap year).
pub const MAX_PERIOD_DAYS: i64 = 366;
/// A counter session longer than this is flagged (docs/domain.md §5.4).
pub const MAX_SESSION_SECONDS: i64 = 15 * 60;

/// A closed range of Europe/Rome calendar days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> AppResult<Period> {
        if to < from {
            return Err(AppError::bad_input(
                "to",
                "La data finale precede quella iniziale",
                "The end date is before the start date",
            ));
        }
        if (to - from).num_days() + 1 > MAX_PERIOD_DAYS {
            return Err(AppError::bad_input(
                "to",
                format!("Il periodo supera {MAX_PERIOD_DAYS} giorni"),
                format!("The period is longer than {MAX_PERIOD_DAYS} days"),
            ));
        }
        Ok(Period { from, to })
    }

    /// Every day of the period, in order.
    pub fn days(&self) -> Vec<NaiveDate> {
        self.from.iter_days().take_while(|d| *d <= self.to).collect()
    }

    /// The instant each day starts in Rome, followed by the instant the last
    /// one ends: `days().len() + 1` bounds, for bucketing timestamps.
    pub fn day_bounds(&self) -> Vec<DateTime<Utc>> {
        let mut bounds: Vec<DateTime<Utc>> = self.days().into_iter().map(rome_midnight).collect();
        bounds.push(rome_midnight(self.to + Duration::days(1)));
        bounds
    }

    pub fn start(&self) -> DateTime<Utc> {
        rome_midnight(self.from)
    }

    pub fn end(&self) -> DateTime<Utc> {
        rome_midnight(self.to + Duration::days(1))
    }
}

/// When a day starts in Rome. Midnight always exists there (the clocks change
/// at 02:00 and 03:00).
pub fn rome_midnight(day: NaiveDate) -> DateTime<Utc> {
    rome_instant(day, NaiveTime::MIN).unwrap_or_else(|| day.and_time(NaiveTime::MIN).and_utc())
}

/// A booking of `day` is precalled in time when precalled before this instant:
/// on a Rome calendar day at least 3 days before the appointment, as
/// `appointments::domain::precall_coverage` says.
pub fn precall_deadline(day: NaiveDate) -> DateTime<Utc> {
    rome_midnight(day - Duration::days(crate::appointments::domain::PRECALL_LEAD_DAYS - 1))
}

/// Counter sessions with one channel and outcome.
#[derive(SimpleObject, Clone, Debug, PartialEq, Eq)]
#[graphql(name = "CounterSessionCount")]
pub struct CounterCount {
    pub channel: Channel,
    pub outcome: CounterOutcome,
    pub count: i64,
}

/// Bookings, precalls and counter sessions of the appointments whose day
/// falls in the period.
#[derive(SimpleObject, Clone, Debug, Default, PartialEq, Eq)]
#[graphql(complex)]
pub struct AppointmentFigures {
    /// Bookings of the period (cancelled ones included).
    pub bookings: i64,
    /// Bookings cancelled (on CUP, by the office or by the citizen at the precall).
    pub cancelled: i64,
    /// Bookings to precall: non-fast services, except those cancelled before any precall.
    pub to_precall: i64,
    /// Bookings with a precall outcome recorded.
    pub precalled: i64,
    /// Bookings first precalled on a day at least 3 days before the appointment.
    pub precalled_in_time: i64,
    /// Precall outcome NOT_CONTACTABLE (no phone number).
    pub not_contactable: i64,
    /// Precall outcome NEGATIVE (wrong number, no answer).
    pub negative: i64,
    /// Precall outcome POSITIVE.
    pub positive: i64,
    /// Positive precall, served on the phone.
    pub served_remotely: i64,
    /// Positive precall, the citizen will send documents by e-mail/PEC.
    pub redirected_email_pec: i64,
    /// Positive precall, confirmed at the virtual counter.
    pub confirmed_virtual: i64,
    /// Positive precall, confirmed in person.
    pub confirmed_in_person: i64,
    /// Positive precall, the citizen cancelled.
    pub cancelled_by_citizen: i64,
    /// Counter sessions with an outcome, by channel and outcome (every combination, zeros included).
    pub counter_sessions: Vec<CounterCount>,
    /// Counter sessions that lasted more than 15 minutes.
    pub sessions_over_15_minutes: i64,
    /// Of those, closed as COMPLETED (with the operator's confirmation) rather
    /// than transferred to the back office: "concluse oltre 15 minuti".
    pub completed_over_15_minutes: i64,
}

pub(super) fn share(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

impl AppointmentFigures {
    pub fn sessions_with(&self, outcome: Option<CounterOutcome>) -> i64 {
        self.counter_sessions.iter().filter(|c| outcome.is_none_or(|o| c.outcome == o)).map(|c| c.count).sum()
    }

    pub fn served_without_counter_count(&self) -> i64 {
        self.served_remotely + self.redirected_email_pec
    }

    pub fn not_reaching_counter_count(&self) -> i64 {
        self.served_without_counter_count() + self.cancelled_by_citizen
    }

    pub fn add(&mut self, other: &AppointmentFigures) {
        self.bookings += other.bookings;
        self.cancelled += other.cancelled;
        self.to_precall += other.to_precall;
        self.precalled += other.precalled;
        self.precalled_in_time += other.precalled_in_time;
        self.not_contactable += other.not_contactable;
        self.negative += other.negative;
        self.positive += other.positive;
        self.served_remotely += other.served_remotely;
        self.redirected_email_pec += other.redirected_email_pec;
        self.confirmed_virtual += other.confirmed_virtual;
        self.confirmed_in_person += other.confirmed_in_person;
        self.cancelled_by_citizen += other.cancelled_by_citizen;
        self.sessions_over_15_minutes += other.sessions_over_15_minutes;
        self.completed_over_15_minutes += other.completed_over_15_minutes;
        for c in &other.counter_sessions {
            match self.counter_sessions.iter_mut().find(|m| m.channel == c.channel && m.outcome == c.outcome) {
                Some(m) => m.count += c.count,
                None => self.counter_sessions.push(c.clone()),
            }
        }
    }
}

#[ComplexObject]
impl AppointmentFigures {
    /// Precall coverage: precalled in time / bookings to precall (null when there is nothing to precall).
    async fn precall_coverage(&self) -> Option<f64> {
        share(self.precalled_in_time, self.to_precall)
    }
    /// Served without a counter visit: served remotely or redirected to e-mail/PEC at the precall.
    async fn served_without_counter(&self) -> i64 {
        self.served_without_counter_count()
    }
    /// Served without a counter visit / bookings to precall.
    async fn served_without_counter_share(&self) -> Option<f64> {
        share(self.served_without_counter_count(), self.to_precall)
    }
    /// Bookings that did not reach the counter because of the precall:
    /// served without a counter visit plus cancelled by the citizen (the
    /// directive's "about 40%").
    async fn not_reaching_counter(&self) -> i64 {
        self.not_reaching_counter_count()
    }
    /// Not reaching the counter / bookings to precall.
    async fn not_reaching_counter_share(&self) -> Option<f64> {
        share(self.not_reaching_counter_count(), self.to_precall)
    }
    /// Counter sessions with an outcome.
    async fn sessions(&self) -> i64 {
        self.sessions_with(None)
    }
    async fn transfers_to_back_office(&self) -> i64 {
        self.sessions_with(Some(CounterOutcome::TransferredToBackOffice))
    }
    async fn no_shows(&self) -> i64 {
        self.sessions_with(Some(CounterOutcome::NoShow))
    }
}

/// Callback requests made in the period.
#[derive(SimpleObject, Clone, Debug, Default, PartialEq, Eq)]
pub struct CallbackFigures {
    /// Requests made in the period.
    pub requested: i64,
    /// Of those, still waiting now (WAITING or ASSIGNED).
    pub waiting: i64,
    /// Of those, served (DONE).
    pub served: i64,
    /// Served with outcome RESOLVED.
    pub resolved: i64,
    /// Served with outcome ROUTED_INTERNALLY.
    pub routed_internally: i64,
    /// Closed after the last unanswered attempt (NO_ANSWER).
    pub no_answer: i64,
}

impl CallbackFigures {
    pub fn add(&mut self, o: &CallbackFigures) {
        self.requested += o.requested;
        self.waiting += o.waiting;
        self.served += o.served;
        self.resolved += o.resolved;
        self.routed_internally += o.routed_internally;
        self.no_answer += o.no_answer;
    }
}

/// Quesiti of one CRIC section filed in the period.
#[derive(SimpleObject, Clone, Debug, PartialEq)]
#[graphql(name = "QuesitoSectionFigures", complex)]
pub struct SectionFigures {
    pub section: Section,
    /// Quesiti filed in the period.
    pub received: i64,
    /// Of those, answered (by the CRIC or, after forwarding, by the central directorate).
    pub answered: i64,
    /// Of those, still open now at the CRIC (NEW, IN_PROGRESS or
    /// WAITING_FOR_CITIZEN): the CRIC backlog.
    pub backlog: i64,
    /// Of those, forwarded to the central directorate.
    pub forwarded: i64,
    /// Of those, answered after their due date, or unanswered and past it now
    /// (not while waiting for the citizen: the clock is paused, unless it was
    /// late already when it paused).
    pub sla_breaches: i64,
    /// Median time from filing to answer, over the answered ones, in seconds.
    pub median_answer_seconds: Option<f64>,
}

#[ComplexObject]
impl SectionFigures {
    /// The median answer time in hours.
    async fn median_answer_hours(&self) -> Option<f64> {
        self.median_answer_seconds.map(|s| s / 3600.0)
    }
}

impl SectionFigures {
    pub fn empty(section: Section) -> SectionFigures {
        SectionFigures {
            section,
            received: 0,
            answered: 0,
            backlog: 0,
            forwarded: 0,
            sla_breaches: 0,
            median_answer_seconds: None,
        }
    }
}

/// Follow-up items opened in the period (docs/appointments.md, "Follow-up work").
#[derive(SimpleObject, Clone, Debug, Default, PartialEq)]
#[graphql(complex)]
pub struct FollowUpFigures {
    /// Items opened in the period.
    pub opened: i64,
    /// Of those, closed as done.
    pub done: i64,
    /// Of those, cancelled (no longer needed).
    pub cancelled: i64,
    /// Of those, still open now.
    pub still_open: i64,
    /// Of those, open and past their due date now.
    pub overdue: i64,
    /// Median time from opening to done, in seconds, over the done ones.
    pub median_closing_seconds: Option<f64>,
}

#[ComplexObject]
impl FollowUpFigures {
    /// Closed in all: done or cancelled.
    async fn closed(&self) -> i64 {
        self.done + self.cancelled
    }
    /// The median closing time in hours.
    async fn median_closing_hours(&self) -> Option<f64> {
        self.median_closing_seconds.map(|s| s / 3600.0)
    }
}

/// All figures of a unit (or of a day) for a period.
#[derive(SimpleObject, Clone, Debug, PartialEq)]
#[graphql(name = "StatsFigures")]
pub struct Figures {
    pub appointments: AppointmentFigures,
    pub callbacks: CallbackFigures,
    /// One entry per CRIC section, always all three.
    pub quesiti: Vec<SectionFigures>,
    pub follow_ups: FollowUpFigures,
}

impl Default for Figures {
    fn default() -> Self {
        Figures {
            appointments: AppointmentFigures { counter_sessions: all_counter_cells(), ..Default::default() },
            callbacks: CallbackFigures::default(),
            quesiti: Section::ALL.iter().copied().map(SectionFigures::empty).collect(),
            follow_ups: FollowUpFigures::default(),
        }
    }
}

/// Every (channel, outcome) pair with a zero count.
pub fn all_counter_cells() -> Vec<CounterCount> {
    Channel::ALL
        .iter()
        .flat_map(|ch| CounterOutcome::ALL.iter().map(|o| CounterCount { channel: *ch, outcome: *o, count: 0 }))
        .collect()
}

impl Figures {
    pub fn section_mut(&mut self, section: Section) -> Option<&mut SectionFigures> {
        self.quesiti.iter_mut().find(|s| s.section == section)
    }

    pub fn section(&self, section: Section) -> Option<&SectionFigures> {
        self.quesiti.iter().find(|s| s.section == section)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_period_ending_before_it_starts_or_longer_than_a_year_is_refused() {
        assert_eq!(Period::new(date("2026-03-02"), date("2026-03-01")).unwrap_err().code(), "BAD_USER_INPUT");
        assert_eq!(Period::new(date("2025-01-01"), date("2026-01-02")).unwrap_err().code(), "BAD_USER_INPUT");
        assert!(Period::new(date("2024-01-01"), date("2024-12-31")).is_ok());
    }

    #[test]
    fn day_bounds_follow_the_rome_calendar_across_the_daylight_saving_change() {
        let p = Period::new(date("2026-03-28"), date("2026-03-30")).unwrap();
        assert_eq!(
            p.day_bounds(),
            vec![
                utc("2026-03-27T23:00:00Z"),
                utc("2026-03-28T23:00:00Z"),
                // 29 March: clocks go forward, the day has 23 hours.
                utc("2026-03-29T22:00:00Z"),
                utc("2026-03-30T22:00:00Z"),
            ]
        );
        assert_eq!(p.days().len(), 3);
    }

    #[test]
    fn the_precall_deadline_agrees_with_the_coverage_rule() {
        use crate::appointments::domain::{PrecallCoverage, PrecallStatus, precall_coverage};
        let day = date("2026-12-10");
        let deadline = precall_deadline(day);
        let just_before = deadline - Duration::seconds(1);
        let now = utc("2026-12-20T10:00:00Z");
        assert_eq!(precall_coverage(PrecallStatus::Done, day, Some(just_before), now), PrecallCoverage::Covered);
        assert_eq!(precall_coverage(PrecallStatus::Done, day, Some(deadline), now), PrecallCoverage::Late);
    }
}
