//! Alerts and live updates (issue 18 item 4, docs/alerts.md): what staff should
//! know now, kept as rows (so the notification area survives a reload and
//! counts what is unread) and pushed to open GraphQL subscriptions.
//!
//! - [`domain`]: the kinds, who they are for, the thresholds and the titles;
//! - [`store`]: writing an alert once, and reading those the caller may see
//!   (the audience rule is SQL, in one function);
//! - [`bus`]: wakes subscriptions when alerts are written, across instances
//!   through Redis pub/sub when `REDIS_URL` is set;
//! - [`scanner`]: alerts that come from time passing (due soon, follow-ups
//!   due today, callbacks waiting), raised once whichever instance scans;
//! - [`graphql`]: `alerts`, `markAlertsRead` and the `alerts` subscription.

pub mod bus;
pub mod domain;
pub mod graphql;
pub mod scanner;
pub mod store;

pub use bus::AlertBus;
pub use domain::NewAlert;
