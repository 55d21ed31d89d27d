//! The pre-contact e-mail of large offices (docs/domain.md §5.3): sent, and the citizen's reply.

use chrono::Utc;

use entities::appointment;

use crate::appointments::domain::{self, AppointmentStatus};
use crate::appointments::store::{self, Changes};
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::ids::AppointmentId;
use crate::kernel::versioned::update_versioned;
use crate::tenancy::Scope;

use super::{authorize_work, check_version, record};
use crate::appointments::queries::load;
use appointment::Column as C;

/// Marks the pre-contact e-mail as sent (from the precall assignee's mailbox).
pub async fn mark_precontact_sent(
    scope: &Scope,
    id: AppointmentId,
    version: Option<i32>,
) -> AppResult<appointment::Model> {
    let (a, office) = load(scope, id).await?;
    let acting = authorize_work(scope, &office, a.precall_assignee_id == Some(scope.person_id()))?;
    check_version(&a, version)?;
    if a.email.is_none() {
        return Err(domain::no_email());
    }
    if a.status != AppointmentStatus::Booked {
        return Err(AppError::conflict("La prenotazione non è più in attesa", "The booking is no longer waiting"));
    }
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<appointment::Entity>(
        &op,
        a.id,
        a.version,
        Changes::default().set(C::PrecontactSentAt, Utc::now()).set(C::PrecontactSentById, scope.person_id()),
    )
    .await?;
    op.audit(record("appointment.precontact_sent", &a)).await?;
    let updated = store::reload(&op, a.id).await?;
    op.commit().await?;
    Ok(updated)
}

/// Records the citizen's reply to the pre-contact e-mail.
pub async fn record_citizen_reply(
    scope: &Scope,
    id: AppointmentId,
    reply: &str,
    version: Option<i32>,
) -> AppResult<appointment::Model> {
    let (a, office) = load(scope, id).await?;
    let acting = authorize_work(scope, &office, a.precall_assignee_id == Some(scope.person_id()))?;
    check_version(&a, version)?;
    let reply = reply.trim();
    if reply.is_empty() || reply.chars().count() > 4000 {
        return Err(AppError::bad_input(
            "reply",
            "Risposta obbligatoria (al più 4000 caratteri)",
            "Reply required (at most 4000 characters)",
        ));
    }
    if a.precontact_sent_at.is_none() {
        return Err(AppError::conflict(
            "L'e-mail di precontatto non risulta inviata",
            "The pre-contact e-mail was not sent",
        ));
    }
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<appointment::Entity>(
        &op,
        a.id,
        a.version,
        Changes::default().set(C::CitizenReply, reply).set(C::CitizenReplyAt, Utc::now()),
    )
    .await?;
    op.audit(record("appointment.citizen_reply", &a)).await?;
    let updated = store::reload(&op, a.id).await?;
    op.commit().await?;
    Ok(updated)
}
