//! The one source of "now" for decisions that depend on the time of day or the
//! date (callback hours, quesito due dates and SLA, monitoring's "today" and
//! overdue). Production reads the system clock; tests and demos may fix it
//! (`ACCOGLIENZA_FIXED_NOW`, see [`crate::config::Settings::fixed_now`]) so
//! that a test about 13:30 or 25 December does not depend on when it runs.
//!
//! Timestamps that only record when something happened (`created_at`,
//! sessions, the outbox's leases) keep using the system clock: nothing is
//! decided by them, and a fixed clock there would stop session expiry.

use chrono::{DateTime, Utc};

/// Cheap to clone (a copy of an `Option<DateTime>`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    fixed: Option<DateTime<Utc>>,
}

impl Clock {
    /// The real time.
    pub const fn system() -> Self {
        Clock { fixed: None }
    }

    /// Always `at`: time does not move, so a test sees exactly the instant it set.
    pub const fn fixed(at: DateTime<Utc>) -> Self {
        Clock { fixed: Some(at) }
    }

    /// The fixed instant when configured, the system clock otherwise.
    pub fn from_setting(fixed_now: Option<DateTime<Utc>>) -> Self {
        Clock { fixed: fixed_now }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.fixed.unwrap_or_else(Utc::now)
    }

    pub fn is_fixed(&self) -> bool {
        self.fixed.is_some()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_always_answers_its_instant() {
        let at = DateTime::parse_from_rfc3339("2026-12-25T09:00:00Z").unwrap().with_timezone(&Utc);
        let clock = Clock::fixed(at);
        assert_eq!(clock.now(), at);
        assert!(clock.is_fixed());
    }

    #[test]
    fn the_system_clock_moves_with_the_real_time() {
        let before = Utc::now();
        let now = Clock::system().now();
        assert!(now >= before && now <= Utc::now());
        assert!(!Clock::default().is_fixed());
    }
}
