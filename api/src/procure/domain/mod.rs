//! Procure management rules (docs/domain.md §6), pure functions tested beside
//! them: [`procura`] (the delegable services, a procura's status on a day, its
//! events), [`professional`] (the Entratel user types that may declare, the
//! register entry, names) and [`check`] (the two checks that matter).

use chrono::{NaiveDate, Utc};

pub mod check;
pub mod procura;
pub mod professional;

pub use check::*;
pub use procura::*;
pub use professional::*;

/// The office-local day (Europe/Rome): validity dates are calendar days there.
pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&chrono_tz::Europe::Rome).date_naive()
}

#[cfg(test)]
mod fixtures {
    use chrono::NaiveDate;

    use super::Validity;

    pub(super) fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    pub(super) fn validity(from: &str, to: &str, revoked: Option<&str>) -> Validity {
        Validity { valid_from: d(from), valid_to: d(to), revoked_on: revoked.map(d) }
    }
}
