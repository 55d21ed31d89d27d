//! Citizen notifications of bookings (docs/domain.md §5.5, Sportello Digitale):
//! - a reminder 3 days before, for bookings nobody has precalled;
//! - the link e-mail the day before a virtual session;
//! - a closing e-mail after a virtual session.
//!
//! All go through the durable outbox with a dedupe key per booking and kind
//! (`appointment:<id>:reminder|link|closing`), so each is sent once whatever
//! restarts or however many instances run the scheduler. The closing e-mail is
//! queued by the operation that closes the session ([`Operation::notify`]); reminders and links by
//! [`enqueue_due`], which a periodic task runs ([`spawn`]). Cancelling a booking
//! or recording its precall withdraws a reminder not yet sent.
//!
//! [`enqueue_due`] is a system job: it acts for the whole installation, not for
//! a signed-in caller, so it reads bookings without a [`crate::tenancy::Scope`].

use std::collections::HashMap;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use tokio::task::JoinHandle;
use uuid::Uuid;

use entities::{appointment, org_unit, service};

use super::domain::{AppointmentStatus, Channel, CounterOutcome, PRECALL_LEAD_DAYS, PrecallOutcome, rome_date};
use super::messages::{self, BookingFacts};
use crate::error::AppResult;
use crate::kernel::Operation;
use crate::outbox::{self, NewMessage};
use crate::state::AppState;

fn key(id: Uuid, kind: &str) -> String {
    format!("appointment:{id}:{kind}")
}

fn facts<'a>(
    a: &'a appointment::Model,
    office: &'a org_unit::Model,
    svc: Option<&'a service::Model>,
) -> BookingFacts<'a> {
    BookingFacts {
        cup_number: &a.cup_number,
        starts_at: a.starts_at,
        service_name: svc.map_or("", |s| s.name.as_str()),
        office_name: &office.name,
        office_has_virtual_counter: office.virtual_counter,
        virtual_counter_mailbox: office.virtual_counter_mailbox.as_deref(),
    }
}

/// Enqueues the closing e-mail of a virtual session that ended with the
/// service given or moved to the back office, in the caller's transaction.
pub async fn on_session_closed(
    op: &Operation<'_>,
    a: &appointment::Model,
    office: &org_unit::Model,
    outcome: CounterOutcome,
) -> AppResult<()> {
    let virtual_session = a.counter_channel == Some(Channel::Virtual);
    let served = matches!(outcome, CounterOutcome::Completed | CounterOutcome::TransferredToBackOffice);
    let Some(to) = a.email.as_deref().filter(|_| virtual_session && served) else { return Ok(()) };
    let svc = service::Entity::find_by_id(a.service_id).one(op).await?;
    let email = messages::closing(&facts(a, office, svc.as_ref()), a.protocol_number.as_deref());
    op.notify(
        NewMessage::email(key(a.id, "closing"), to, email.subject, email.body)
            .event("appointment.closing")
            .unit(a.unit_id)
            .reference(format!("appointment:{}", a.id)),
    )
    .await?;
    Ok(())
}

/// Withdraws the reminder (and link) of a booking that was cancelled or precalled.
pub async fn withdraw(conn: &impl ConnectionTrait, a: &appointment::Model, link_too: bool) -> AppResult<()> {
    let now = Utc::now();
    outbox::cancel(conn, &key(a.id, "reminder"), now).await?;
    if link_too {
        outbox::cancel(conn, &key(a.id, "link"), now).await?;
    }
    Ok(())
}

/// What one run of the scheduler enqueued (already-queued ones not counted).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Due {
    pub reminders: usize,
    pub links: usize,
}

/// Enqueues the reminders and link e-mails due at `now`:
/// - reminder: bookings of the next [`PRECALL_LEAD_DAYS`] days (Europe/Rome)
///   never precalled, still expected at the office, with an e-mail;
/// - link: virtual sessions of today (not started yet) and tomorrow, with an e-mail.
///
/// Idempotent: a message already queued (or sent) for a booking is not queued again.
pub async fn enqueue_due(db: &DatabaseConnection, link_base: &str, now: DateTime<Utc>) -> AppResult<Due> {
    let today = rome_date(now);
    let expected = [
        AppointmentStatus::Booked.as_str(),
        AppointmentStatus::Confirmed.as_str(),
        AppointmentStatus::CounterAssigned.as_str(),
    ];
    let reminders = appointment::Entity::find()
        .filter(appointment::Column::LocalDate.gt(today))
        .filter(appointment::Column::LocalDate.lte(today + Duration::days(PRECALL_LEAD_DAYS)))
        .filter(appointment::Column::Status.is_in(expected))
        // Nobody reached the citizen yet: no precall with a positive outcome, no reply to a pre-contact e-mail.
        .filter(
            sea_orm::Condition::any()
                .add(appointment::Column::PrecallOutcome.is_null())
                .add(appointment::Column::PrecallOutcome.ne(PrecallOutcome::Positive)),
        )
        .filter(appointment::Column::CitizenReply.is_null())
        .filter(appointment::Column::Email.is_not_null())
        .all(db)
        .await?;
    let links = appointment::Entity::find()
        .filter(appointment::Column::LocalDate.gte(today))
        .filter(appointment::Column::LocalDate.lte(today + Duration::days(1)))
        .filter(appointment::Column::StartsAt.gt(now))
        .filter(appointment::Column::Channel.eq(Channel::Virtual.as_str()))
        .filter(
            appointment::Column::Status
                .is_in([AppointmentStatus::Confirmed.as_str(), AppointmentStatus::CounterAssigned.as_str()]),
        )
        .filter(appointment::Column::Email.is_not_null())
        .all(db)
        .await?;

    let unit_ids: Vec<Uuid> = reminders.iter().chain(&links).map(|a| a.unit_id).collect();
    let service_ids: Vec<Uuid> = reminders.iter().chain(&links).map(|a| a.service_id).collect();
    let offices: HashMap<Uuid, org_unit::Model> = org_unit::Entity::find()
        .filter(org_unit::Column::Id.is_in(unit_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let services: HashMap<Uuid, service::Model> = service::Entity::find()
        .filter(service::Column::Id.is_in(service_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();

    let mut due = Due::default();
    for a in &reminders {
        let (Some(office), Some(to)) = (offices.get(&a.unit_id), a.email.as_deref()) else { continue };
        let email = messages::reminder(&facts(a, office, services.get(&a.service_id)));
        let msg = NewMessage::email(key(a.id, "reminder"), to, email.subject, email.body)
            .event("appointment.reminder")
            .unit(a.unit_id)
            .reference(format!("appointment:{}", a.id));
        if outbox::enqueue(db, msg).await?.is_new() {
            due.reminders += 1;
        }
    }
    for a in &links {
        let (Some(office), Some(to)) = (offices.get(&a.unit_id), a.email.as_deref()) else { continue };
        let link = format!("{link_base}{}", a.id);
        let email = messages::virtual_link(&facts(a, office, services.get(&a.service_id)), &link);
        let msg = NewMessage::email(key(a.id, "link"), to, email.subject, email.body)
            .event("appointment.virtual_link")
            .unit(a.unit_id)
            .reference(format!("appointment:{}", a.id));
        if outbox::enqueue(db, msg).await?.is_new() {
            due.links += 1;
        }
    }
    if due != Due::default() {
        tracing::info!(reminders = due.reminders, links = due.links, "booking notifications enqueued");
    }
    Ok(due)
}

/// Runs [`enqueue_due`] every `APPOINTMENT_SCHEDULER_SECS`, from start-up on.
/// `None` when the interval is 0. Dropping the handle does not stop it; it
/// ends with the runtime.
pub fn spawn(state: &AppState) -> Option<JoinHandle<()>> {
    let every = state.settings.appointments.scheduler_interval;
    if every == StdDuration::ZERO {
        return None;
    }
    let db = state.db.clone();
    let base = state.settings.appointments.virtual_link_base.clone();
    Some(tokio::spawn(crate::kernel::reach::Reach::system().run(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            // Errors are logged where converted (AppError::internal); try again next tick.
            let _ = enqueue_due(&db, &base, Utc::now()).await;
        }
    })))
}
