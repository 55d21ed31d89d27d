//! Figures per person (issue 18, item 1): per operator of the offices, per
//! expert of the CRIC, and the quesiti per classification, for the same unit,
//! period and scope as the unit figures. The grouped SQL is in
//! `store/per_person.rs`; this module holds what each figure means and how the
//! rows of several statements merge into one per person.
//!
//! A row is one person at one unit (an operator who worked at two offices has
//! two rows). A person is listed only when they hold a role on a unit inside
//! the report's unit and inside the caller's reach: work done by someone from
//! elsewhere (an administrator, the central directorate's experts answering a
//! forwarded quesito) counts in the unit figures but never names them.
//!
//! Cohorts are those of the unit figures (see `domain.rs`): precalls and
//! counter sessions by the appointment's day, follow-ups by the day they were
//! opened, quesiti by the day they were filed; "now" figures (follow-ups open,
//! quesiti open) are the current state of that cohort.

use std::collections::BTreeMap;

use async_graphql::{ComplexObject, ID, SimpleObject};
use uuid::Uuid;

use entities::org_unit;

use crate::appointments::domain::CounterOutcome;
use crate::org::graphql::OrgUnit;
use crate::quesiti::domain::Section;

use super::domain::share;

/// Counter sessions of one outcome.
#[derive(SimpleObject, Clone, Debug, PartialEq, Eq)]
#[graphql(name = "CounterOutcomeCount")]
pub struct OutcomeCount {
    pub outcome: CounterOutcome,
    pub count: i64,
}

/// Every counter outcome with a zero count, in the closed list's order.
fn no_sessions() -> Vec<OutcomeCount> {
    CounterOutcome::ALL.iter().map(|o| OutcomeCount { outcome: *o, count: 0 }).collect()
}

/// One operator's work at one office in the period.
#[derive(SimpleObject, Clone, Debug, PartialEq)]
#[graphql(complex)]
pub struct OperatorFigures {
    #[graphql(skip)]
    pub person_id: Uuid,
    /// The person's name (never the username).
    pub name: String,
    #[graphql(skip)]
    pub unit: Option<org_unit::Model>,
    #[graphql(skip)]
    pub unit_id: Uuid,
    /// Bookings of the period whose precall is assigned to them (except those
    /// cancelled before any precall, as in the unit's "to precall").
    pub precalls_assigned: i64,
    /// Of those, with a precall outcome recorded.
    pub precalls_done: i64,
    /// Of those, first precalled on a day at least 3 days before the appointment.
    pub precalls_in_time: i64,
    /// Counter sessions they held with an outcome, by outcome (every outcome, zeros included).
    pub sessions_by_outcome: Vec<OutcomeCount>,
    /// Median duration of their sessions with a start and an end, in seconds.
    pub median_session_seconds: Option<f64>,
    /// Their sessions that lasted more than 15 minutes.
    pub sessions_over_15_minutes: i64,
    /// Follow-up items assigned to them, opened in the period, still open now.
    pub follow_ups_open: i64,
    /// Of those, past their due date now.
    pub follow_ups_overdue: i64,
}

#[ComplexObject]
impl OperatorFigures {
    async fn person_id(&self) -> ID {
        ID(self.person_id.to_string())
    }
    /// The office.
    async fn unit(&self) -> Option<OrgUnit> {
        self.unit.clone().map(OrgUnit)
    }
    /// Counter sessions with an outcome.
    async fn sessions(&self) -> i64 {
        self.sessions_total()
    }
    /// Precalls in time / precalls assigned (null when none is assigned).
    async fn precalls_in_time_share(&self) -> Option<f64> {
        share(self.precalls_in_time, self.precalls_assigned)
    }
    /// The median session duration in minutes.
    async fn median_session_minutes(&self) -> Option<f64> {
        self.median_session_seconds.map(|s| s / 60.0)
    }
}

impl OperatorFigures {
    pub fn new(person_id: Uuid, unit_id: Uuid, name: String) -> OperatorFigures {
        OperatorFigures {
            person_id,
            name,
            unit: None,
            unit_id,
            precalls_assigned: 0,
            precalls_done: 0,
            precalls_in_time: 0,
            sessions_by_outcome: no_sessions(),
            median_session_seconds: None,
            sessions_over_15_minutes: 0,
            follow_ups_open: 0,
            follow_ups_overdue: 0,
        }
    }

    pub fn sessions_total(&self) -> i64 {
        self.sessions_by_outcome.iter().map(|c| c.count).sum()
    }

    pub fn sessions_with(&self, outcome: CounterOutcome) -> i64 {
        self.sessions_by_outcome.iter().find(|c| c.outcome == outcome).map_or(0, |c| c.count)
    }

    pub fn set_sessions(&mut self, outcome: CounterOutcome, count: i64) {
        if let Some(c) = self.sessions_by_outcome.iter_mut().find(|c| c.outcome == outcome) {
            c.count = count;
        }
    }
}

/// One CRIC expert's quesiti in the period.
#[derive(SimpleObject, Clone, Debug, PartialEq)]
#[graphql(complex)]
pub struct ExpertFigures {
    #[graphql(skip)]
    pub person_id: Uuid,
    /// The person's name (never the username).
    pub name: String,
    #[graphql(skip)]
    pub unit: Option<org_unit::Model>,
    #[graphql(skip)]
    pub unit_id: Uuid,
    /// Quesiti filed in the period that they took.
    pub taken: i64,
    /// Quesiti filed in the period that they answered.
    pub answered: i64,
    /// Median time from filing to their answer, in seconds (as the section figures).
    pub median_answer_seconds: Option<f64>,
    /// Of those they took, answered after the due date, or unanswered and past it now.
    pub sla_breaches: i64,
    /// Of those they took, still with them now (in progress or waiting for the citizen).
    pub open_now: i64,
}

#[ComplexObject]
impl ExpertFigures {
    async fn person_id(&self) -> ID {
        ID(self.person_id.to_string())
    }
    /// The CRIC.
    async fn unit(&self) -> Option<OrgUnit> {
        self.unit.clone().map(OrgUnit)
    }
    /// The median answer time in hours.
    async fn median_answer_hours(&self) -> Option<f64> {
        self.median_answer_seconds.map(|s| s / 3600.0)
    }
}

impl ExpertFigures {
    pub fn new(person_id: Uuid, unit_id: Uuid, name: String) -> ExpertFigures {
        ExpertFigures {
            person_id,
            name,
            unit: None,
            unit_id,
            taken: 0,
            answered: 0,
            median_answer_seconds: None,
            sla_breaches: 0,
            open_now: 0,
        }
    }
}

/// Quesiti of one classification (tipologia) filed in the period.
#[derive(SimpleObject, Clone, Debug, PartialEq, Eq)]
#[graphql(name = "ClassificationCount")]
pub struct ClassificationCount {
    pub section: Section,
    pub code: String,
    pub label: String,
    pub received: i64,
}

/// Rows of several statements merged per (person, unit), then ordered by name.
pub struct PerPerson<T> {
    rows: BTreeMap<(Uuid, Uuid), T>,
    make: fn(Uuid, Uuid, String) -> T,
}

impl<T> PerPerson<T> {
    pub fn new(make: fn(Uuid, Uuid, String) -> T) -> PerPerson<T> {
        PerPerson { rows: BTreeMap::new(), make }
    }

    /// The row of this person at this unit, created empty the first time.
    pub fn row(&mut self, person: Uuid, unit: Uuid, name: String) -> &mut T {
        let make = self.make;
        self.rows.entry((person, unit)).or_insert_with(|| make(person, unit, name))
    }

    /// The unit ids the rows name, once each.
    pub fn unit_ids(&self) -> Vec<Uuid> {
        let mut ids: Vec<Uuid> = self.rows.keys().map(|(_, u)| *u).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The rows ordered by `key` (the name, then the unit's name), the order people read a table in.
    pub fn into_sorted(self, key: impl Fn(&T) -> (String, String)) -> Vec<T> {
        let mut rows: Vec<T> = self.rows.into_values().collect();
        rows.sort_by_cached_key(key);
        rows
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_several_statements_merge_per_person_and_unit() {
        let (ann, bob, office) = (Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(10));
        let mut rows = PerPerson::new(OperatorFigures::new);
        rows.row(bob, office, "Bruno Bianchi".into()).precalls_assigned = 3;
        rows.row(ann, office, "Anna Rossi".into()).precalls_assigned = 2;
        rows.row(bob, office, "Bruno Bianchi".into()).set_sessions(CounterOutcome::NoShow, 4);
        assert_eq!(rows.unit_ids(), vec![office]);
        let sorted = rows.into_sorted(|r| (r.name.clone(), String::new()));
        assert_eq!(sorted.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), vec!["Anna Rossi", "Bruno Bianchi"]);
        let bruno = &sorted[1];
        assert_eq!((bruno.precalls_assigned, bruno.sessions_with(CounterOutcome::NoShow)), (3, 4));
        assert_eq!(bruno.sessions_total(), 4);
        assert_eq!(bruno.sessions_by_outcome.len(), CounterOutcome::ALL.len());
    }
}
