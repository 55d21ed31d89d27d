//! The operations on bookings, transport-free: the GraphQL layer and other
//! areas (quesito conversion calls [`book_at`]) use them alike. One file per
//! workflow: [`booking`], [`import`] (CUP), [`precalls`], [`precontact`] and
//! [`counter`]; the reads they share are in [`super::queries`].
//!
//! Each operation: find the booking within the caller's scope (outside it:
//! NOT_FOUND), authorise on its office, check the domain rules, then write in
//! one transaction with a versioned `UPDATE` (a lost race is `CONFLICT`) and
//! its audit event.

pub mod booking;
pub mod counter;
pub mod import;
pub mod precalls;
pub mod precontact;

pub use booking::*;
pub use counter::*;
pub use import::*;
pub use precalls::*;
pub use precontact::*;

use entities::{appointment, org_unit};

use crate::audit::AuditRecord;
use crate::auth::Assignment;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::tenancy::Scope;

/// Refuses when the client's view is stale.
pub(super) fn check_version(a: &appointment::Model, expected: Option<i32>) -> AppResult<()> {
    match expected {
        Some(v) if v != a.version => Err(AppError::conflict(
            "La prenotazione è stata modificata nel frattempo: ricarica e riprova",
            "The booking changed in the meantime: reload and try again",
        )),
        _ => Ok(()),
    }
}

pub(super) fn record(action: &str, a: &appointment::Model) -> AuditRecord {
    AuditRecord::new(action).record("appointment", a.id.to_string()).unit(a.unit_id)
}

/// The caller works on this booking: as its assignee (`is_assignee`) with
/// `appointments:work` on the office, or as a supervisor with `appointments:assign`.
pub(super) fn authorize_work<'s>(
    scope: &'s Scope,
    office: &org_unit::Model,
    is_assignee: bool,
) -> AppResult<&'s Assignment> {
    if let Ok(acting) = scope.authorize(Action::AppointmentAssign, &office.path) {
        return Ok(acting);
    }
    let acting = scope.authorize(Action::AppointmentWork, &office.path)?;
    if !is_assignee {
        return Err(AppError::forbidden("La prenotazione non è assegnata a te", "The booking is not assigned to you"));
    }
    Ok(acting)
}
