//! How long citizens' personal data is kept, per kind of record, and what
//! "past retention" means at a given instant (docs/operations.md, *Personal
//! data and retention*).
//!
//! Past retention a record keeps its row (monitoring counts rows, durations,
//! statuses and outcomes) and loses what identifies or describes the citizen:
//! fiscal code, name, phone, e-mail and the free texts written by or about
//! them. The values are overwritten with [`ERASED`] (or NULL where the column
//! allows it), not with a hash: a fiscal code has too little entropy for a
//! hash to hide it.

use chrono::{DateTime, Months, Utc};

use crate::config::ConfigError;

/// What an erased text or fiscal code reads afterwards.
pub const ERASED: &str = "[cancellato]";

/// Months each kind of record keeps its personal data, counted from the
/// record's own date (a booking's start, a contact's recording, a quesito's or
/// callback's creation, a message's creation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetentionPolicy {
    /// `RETENTION_BOOKINGS_MONTHS` (default 24): bookings and their follow-ups.
    pub bookings: u32,
    /// `RETENTION_CONTACTS_MONTHS` (default 24): contacts and the audit trail's searches by fiscal code.
    pub contacts: u32,
    /// `RETENTION_QUESITI_MONTHS` (default 60): closed quesiti (an answer may be needed in a dispute).
    pub quesiti: u32,
    /// `RETENTION_CALLBACKS_MONTHS` (default 12): callback requests no longer open.
    pub callbacks: u32,
    /// `RETENTION_OUTBOX_MONTHS` (default 3): bodies and recipients of messages no longer to send.
    pub outbox: u32,
    /// `RETENTION_ALERTS_DAYS` (default 90; 0 keeps them): alerts (docs/alerts.md) are
    /// deleted this many days after they were raised, rows and all.
    pub alert_days: u32,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        RetentionPolicy { bookings: 24, contacts: 24, quesiti: 60, callbacks: 12, outbox: 3, alert_days: 90 }
    }
}

impl RetentionPolicy {
    pub fn from_lookup(get: &impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let months = |key: &'static str, default: u32| -> Result<u32, ConfigError> {
            match get(key) {
                None => Ok(default),
                Some(v) => match v.parse::<u32>() {
                    Ok(n) if (1..=1200).contains(&n) => Ok(n),
                    _ => Err(ConfigError::BadValue(key, format!("`{v}` is not a number of months from 1 to 1200"))),
                },
            }
        };
        let days = |key: &'static str, default: u32| -> Result<u32, ConfigError> {
            match get(key) {
                None => Ok(default),
                Some(v) => match v.parse::<u32>() {
                    Ok(n) if n <= 36_500 => Ok(n),
                    _ => Err(ConfigError::BadValue(key, format!("`{v}` is not a number of days from 0 to 36500"))),
                },
            }
        };
        let d = RetentionPolicy::default();
        Ok(RetentionPolicy {
            bookings: months("RETENTION_BOOKINGS_MONTHS", d.bookings)?,
            contacts: months("RETENTION_CONTACTS_MONTHS", d.contacts)?,
            quesiti: months("RETENTION_QUESITI_MONTHS", d.quesiti)?,
            callbacks: months("RETENTION_CALLBACKS_MONTHS", d.callbacks)?,
            outbox: months("RETENTION_OUTBOX_MONTHS", d.outbox)?,
            alert_days: days("RETENTION_ALERTS_DAYS", d.alert_days)?,
        })
    }

    /// The instants before which each kind's personal data is past retention at `now`.
    pub fn cutoffs(&self, now: DateTime<Utc>) -> Cutoffs {
        let before = |months: u32| now.checked_sub_months(Months::new(months)).unwrap_or(DateTime::<Utc>::MIN_UTC);
        Cutoffs {
            bookings: before(self.bookings),
            contacts: before(self.contacts),
            quesiti: before(self.quesiti),
            callbacks: before(self.callbacks),
            outbox: before(self.outbox),
            alerts: (self.alert_days > 0).then(|| {
                now.checked_sub_signed(chrono::Duration::days(i64::from(self.alert_days)))
                    .unwrap_or(DateTime::<Utc>::MIN_UTC)
            }),
        }
    }
}

/// Records dated strictly before these instants are past retention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cutoffs {
    pub bookings: DateTime<Utc>,
    pub contacts: DateTime<Utc>,
    pub quesiti: DateTime<Utc>,
    pub callbacks: DateTime<Utc>,
    pub outbox: DateTime<Utc>,
    /// Alerts raised before this are deleted; `None`: alerts are kept.
    pub alerts: Option<DateTime<Utc>>,
}

/// What a pass removed: how many records of each kind lost their personal
/// data, and how many alerts past retention were deleted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ErasureReport {
    pub bookings: u64,
    pub follow_ups: u64,
    pub contacts: u64,
    pub quesiti: u64,
    pub quesito_notes: u64,
    pub callbacks: u64,
    pub outbox_messages: u64,
    pub audit_events: u64,
    /// Alerts deleted (a pass only: an erasure request leaves alerts, which name no citizen).
    pub alerts: u64,
}

impl ErasureReport {
    pub fn total(&self) -> u64 {
        self.bookings
            + self.follow_ups
            + self.contacts
            + self.quesiti
            + self.quesito_notes
            + self.callbacks
            + self.outbox_messages
            + self.audit_events
            + self.alerts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(pairs: &[(&str, &str)]) -> Result<RetentionPolicy, ConfigError> {
        RetentionPolicy::from_lookup(&|k: &str| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| (*v).to_owned()))
    }

    #[test]
    fn each_kind_is_configured_on_its_own_and_defaults_otherwise() {
        let p = policy(&[("RETENTION_CALLBACKS_MONTHS", "6")]).unwrap();
        assert_eq!(p, RetentionPolicy { callbacks: 6, ..RetentionPolicy::default() });
    }

    #[test]
    fn a_retention_of_zero_or_not_a_number_is_refused() {
        assert!(policy(&[("RETENTION_BOOKINGS_MONTHS", "0")]).is_err());
        assert!(policy(&[("RETENTION_OUTBOX_MONTHS", "three")]).is_err());
        assert!(policy(&[("RETENTION_QUESITI_MONTHS", "-1")]).is_err());
    }

    #[test]
    fn cutoffs_count_calendar_months_back_from_now() {
        let now = "2026-03-31T10:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let c = RetentionPolicy { bookings: 24, contacts: 1, quesiti: 60, callbacks: 12, outbox: 3, alert_days: 90 }
            .cutoffs(now);
        assert_eq!(c.bookings.to_rfc3339(), "2024-03-31T10:00:00+00:00");
        // 31 March minus one month is the last day of February.
        assert_eq!(c.contacts.to_rfc3339(), "2026-02-28T10:00:00+00:00");
        assert_eq!(c.outbox.to_rfc3339(), "2025-12-31T10:00:00+00:00");
        assert_eq!(c.quesiti.to_rfc3339(), "2021-03-31T10:00:00+00:00");
        assert_eq!(c.alerts.unwrap().to_rfc3339(), "2025-12-31T10:00:00+00:00");
    }

    #[test]
    fn alerts_are_kept_90_days_by_default_and_for_ever_with_zero() {
        assert_eq!(RetentionPolicy::default().alert_days, 90);
        let keep = policy(&[("RETENTION_ALERTS_DAYS", "0")]).unwrap();
        assert_eq!(keep.alert_days, 0);
        assert_eq!(keep.cutoffs(Utc::now()).alerts, None);
        assert_eq!(policy(&[("RETENTION_ALERTS_DAYS", "30")]).unwrap().alert_days, 30);
        assert!(policy(&[("RETENTION_ALERTS_DAYS", "-1")]).is_err());
        assert!(policy(&[("RETENTION_ALERTS_DAYS", "ninety")]).is_err());
    }
}
