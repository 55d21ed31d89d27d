//! The audit trail: who, acting as which role on which unit, did what, when,
//! on which record. Append-only: this module inserts and reads; nothing in the
//! application updates or deletes an event.

mod domain;
pub mod graphql;
mod store;

pub use domain::{Actor, AuditRecord};
pub use store::{record, record_as, record_citizen_lookup, record_many};
