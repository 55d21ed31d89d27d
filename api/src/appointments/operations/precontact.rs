//! The pre-contact e-mail (docs/domain.md §5.3): sent through the outbox, and the citizen's reply.

use chrono::Utc;

use entities::appointment;

use crate::appointments::domain::{self, AppointmentStatus};
use crate::appointments::store::{self, Changes};
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::ids::AppointmentId;
use crate::kernel::versioned::update_versioned;
use crate::outbox::NewMessage;
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
        return Err(crate::kernel::messages::booking_no_longer_waiting());
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

/// Sends the pre-contact e-mail through the outbox (issue 14, item 4): to the
/// citizen, **from the precall assignee's address**, with **the office's
/// function mailbox in copy** (where the citizen's reply lands for the whole
/// office), at any office size; marks it sent in the same transaction.
///
/// Refused with `BAD_USER_INPUT` when the office has no function mailbox
/// (`functionMailbox`: its director sets it) or the assignee no address
/// (`from`): an e-mail the office could not follow up is not sent. Sent once:
/// a second send is `CONFLICT`.
pub async fn send_precontact_email(
    scope: &Scope,
    id: AppointmentId,
    version: Option<i32>,
) -> AppResult<appointment::Model> {
    let (a, office) = load(scope, id).await?;
    let acting = authorize_work(scope, &office, a.precall_assignee_id == Some(scope.person_id()))?;
    check_version(&a, version)?;
    if a.status != AppointmentStatus::Booked {
        return Err(crate::kernel::messages::booking_no_longer_waiting());
    }
    if a.precontact_sent_at.is_some() {
        return Err(AppError::conflict(
            "L'e-mail di precontatto è già stata inviata",
            "The pre-contact e-mail was already sent",
        ));
    }
    let mail = crate::appointments::queries::precontact_email(scope, id).await?;
    let from = mail.from.ok_or_else(|| {
        AppError::bad_input(
            "from",
            "La prechiamata non è assegnata a un funzionario con un indirizzo e-mail: assegnala prima di inviare",
            "The precall is not assigned to a person with an e-mail address: assign it before sending",
        )
    })?;
    let cc = office.function_mailbox.clone().ok_or_else(|| {
        AppError::bad_input(
            "functionMailbox",
            "L'ufficio non ha una casella funzionale per la copia: il direttore la imposta in «Orari e chiusure»",
            "The office has no function mailbox for the copy: its director sets it under opening hours",
        )
    })?;
    let message = NewMessage::email(format!("appointment:{}:precontact", a.id), mail.to, mail.subject, mail.body)
        .from_address(from)
        .cc(cc)
        .event("appointment.precontact")
        .unit(a.unit_id)
        .reference(format!("appointment:{}", a.id));
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<appointment::Entity>(
        &op,
        a.id,
        a.version,
        Changes::default().set(C::PrecontactSentAt, Utc::now()).set(C::PrecontactSentById, scope.person_id()),
    )
    .await?;
    op.notify(message).await?;
    op.audit(record("appointment.precontact_sent", &a).detail(serde_json::json!({ "via": "outbox" }))).await?;
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
