//! Bookings made through the API (CCM, quesito conversion, office staff) and cancellations.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use entities::{appointment, org_unit, service};

use crate::appointments::checks;
use crate::appointments::domain::{self, AppointmentSource, AppointmentStatus, Channel, PrecallStatus};
use crate::appointments::hours;
use crate::appointments::store::{self, Changes};
use crate::audit::AuditRecord;
use crate::auth::Assignment;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::ids::AppointmentId;
use crate::kernel::versioned::update_versioned;
use crate::services::store as services;
use crate::tenancy::Scope;

use super::{check_version, record};
use crate::appointments::queries::{load, office_for, office_for_in};
use appointment::Column as C;

/// A booking made through the API (CCM, quesito conversion, office staff).
#[derive(Clone, Debug)]
pub struct BookingInput {
    pub office_code: String,
    /// The CUP booking number when the slot was taken in CUP; otherwise one is generated.
    pub cup_number: Option<String>,
    /// Office-local (Europe/Rome) day and time.
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub service_code: String,
    pub fiscal_code: String,
    pub citizen_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub channel: Option<Channel>,
}

fn bad(field: &str, (it, en): (String, String)) -> AppError {
    AppError::bad_input(field, it, en)
}

/// A new booking with the usual defaults (also used by the data generator).
#[allow(clippy::too_many_arguments)]
pub(crate) fn new_booking(
    office: &org_unit::Model,
    svc: &service::Model,
    cup_number: String,
    starts_at: DateTime<Utc>,
    fiscal_code: String,
    citizen_name: String,
    phone: Option<String>,
    email: Option<String>,
    channel: Channel,
    source: AppointmentSource,
    booked_by: Option<(Uuid, Option<Uuid>)>,
    now: DateTime<Utc>,
) -> appointment::Model {
    let precall = if svc.fast { PrecallStatus::NotRequired } else { PrecallStatus::Unassigned };
    appointment::Model {
        id: Uuid::now_v7(),
        unit_id: office.id,
        cup_number,
        starts_at,
        local_date: domain::rome_date(starts_at),
        service_id: svc.id,
        fiscal_code,
        citizen_name,
        phone,
        email,
        channel,
        status: AppointmentStatus::Booked,
        source,
        booked_by_id: booked_by.map(|b| b.0),
        booked_by_unit_id: booked_by.and_then(|b| b.1),
        cancel_reason: None,
        cancelled_at: None,
        precall_status: precall,
        precall_assignee_id: None,
        precall_assigned_at: None,
        precall_outcome: None,
        precall_reason: None,
        precall_result: None,
        precall_note: None,
        precalled_at: None,
        precontact_sent_at: None,
        precontact_sent_by_id: None,
        citizen_reply: None,
        citizen_reply_at: None,
        counter_operator_id: None,
        counter_channel: None,
        counter_assigned_at: None,
        counter_started_at: None,
        counter_ended_at: None,
        counter_outcome: None,
        protocol_number: None,
        version: 1,
        created_at: now,
        updated_at: now,
    }
}

/// Books an appointment at an office, with the audit event
/// `appointment.book`. The caller must hold `appointments:book` on the office
/// (the CCM: anywhere). `now` is the app's clock (decides past, window, hours).
pub async fn book(scope: &Scope, input: BookingInput, now: DateTime<Utc>) -> AppResult<appointment::Model> {
    let office = office_for(scope, Action::AppointmentBook, &input.office_code).await?;
    let acting = scope.authorize(Action::AppointmentBook, &office.path)?;
    let (booking, rec) = prepare_booking(scope.db(), scope, acting, &office, input, now).await?;
    let op = Operation::begin(scope, acting).await?;
    store::insert(&op, &booking).await?;
    op.audit(rec).await?;
    op.commit().await?;
    Ok(booking)
}

/// Like [`book`], inside the caller's transaction (its [`Operation`]), which
/// commits or rolls back both.
pub async fn book_in(
    conn: &impl ConnectionTrait,
    scope: &Scope,
    input: BookingInput,
    now: DateTime<Utc>,
) -> AppResult<appointment::Model> {
    let office = office_for_in(conn, scope, Action::AppointmentBook, &input.office_code).await?;
    let acting = scope.authorize(Action::AppointmentBook, &office.path)?;
    book_at(conn, scope, acting, &office, input, now).await
}

/// Books at `office` under an authorisation the caller already checked:
/// `acting` is what the audit trail records. Quesito conversion uses it (a
/// CRIC holds no `appointments:book`: it books only by converting a quesito
/// of its own, at an office of its region) and passes its open write (its
/// [`Operation`]), so the quesito, the booking and the booking's audit event
/// commit together.
pub(crate) async fn book_at(
    conn: &impl ConnectionTrait,
    scope: &Scope,
    acting: &Assignment,
    office: &org_unit::Model,
    input: BookingInput,
    now: DateTime<Utc>,
) -> AppResult<appointment::Model> {
    let (booking, rec) = prepare_booking(conn, scope, acting, office, input, now).await?;
    store::insert(conn, &booking).await?;
    // The caller's operation audits under its own name; the booking's event
    // goes into the same transaction (it may be another area's operation).
    crate::audit::record_as(conn, scope, acting, rec).await?;
    Ok(booking)
}

/// Validates a booking and builds it with its audit event (nothing written).
/// The office must be open for the whole session ([`hours`]): both the API's
/// bookings and a quesito's conversion come through here.
async fn prepare_booking(
    conn: &impl ConnectionTrait,
    scope: &Scope,
    acting: &Assignment,
    office: &org_unit::Model,
    input: BookingInput,
    now: DateTime<Utc>,
) -> AppResult<(appointment::Model, AuditRecord)> {
    let cup_number = match input.cup_number.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(raw) => domain::check_cup_number(raw).ok_or_else(|| {
            AppError::bad_input("cupNumber", "Numero di prenotazione non valido", "Invalid booking number")
        })?,
        None => generated_cup_number(),
    };
    domain::check_cup_window(input.date, now).map_err(|r| bad("date", r))?;
    let starts_at = domain::rome_instant(input.date, input.time).ok_or_else(|| {
        AppError::bad_input("time", "Ora inesistente per il cambio dell'ora legale", "Time skipped by daylight saving")
    })?;
    if starts_at <= now {
        return Err(AppError::bad_input("time", "L'orario è già passato", "The time has already passed"));
    }
    let calendar = crate::calendar::store::calendar_of(conn, office).await?;
    if let Some(outside) = hours::outside_hours(&calendar, starts_at) {
        let from = starts_at.max(now);
        let until = from + chrono::Duration::days(hours::PROPOSAL_HORIZON_DAYS);
        let busy = store::busy_starts(conn, office.id, from, until).await?;
        return Err(hours::refusal(outside, &hours::next_slots(&calendar, from, &busy)));
    }
    let svc = services::by_code(conn, &input.service_code.trim().to_ascii_uppercase())
        .await?
        .filter(|s| s.active)
        .ok_or_else(|| crate::kernel::messages::unknown_service("serviceCode"))?;
    let fiscal_code = checks::fiscal_code(&input.fiscal_code).map_err(|r| bad("fiscalCode", r))?;
    let citizen_name = input.citizen_name.trim().to_owned();
    if citizen_name.is_empty() || citizen_name.chars().count() > 200 {
        return Err(AppError::bad_input("citizenName", "Cognome e nome obbligatori", "Name is required"));
    }
    let phone = checks::optional_phone(input.phone.as_deref().unwrap_or_default()).map_err(|r| bad("phone", r))?;
    let email = checks::optional_email(input.email.as_deref().unwrap_or_default()).map_err(|r| bad("email", r))?;
    let channel = input.channel.unwrap_or(Channel::InPerson);
    if channel == Channel::Virtual && !office.virtual_counter {
        return Err(crate::kernel::messages::no_virtual_counter("channel"));
    }
    let booking = new_booking(
        office,
        &svc,
        cup_number,
        starts_at,
        fiscal_code,
        citizen_name,
        phone,
        email,
        channel,
        AppointmentSource::Booked,
        Some((scope.person_id(), acting.unit_id())),
        Utc::now(),
    );
    let rec = record("appointment.book", &booking).detail(json!({
        "cupNumber": booking.cup_number, "service": svc.code, "date": booking.local_date, "channel": booking.channel.as_str(),
    }));
    Ok((booking, rec))
}

fn generated_cup_number() -> String {
    let id = Uuid::now_v7().simple().to_string();
    // The random tail of a UUIDv7, prefixed so it never collides with CUP's numbers.
    format!("ACC-{}", id[20..].to_ascii_uppercase())
}

/// Cancels a booking (never deletes it).
pub async fn cancel(
    scope: &Scope,
    id: AppointmentId,
    reason: &str,
    version: Option<i32>,
) -> AppResult<appointment::Model> {
    let (a, office) = load(scope, id).await?;
    let acting = scope.authorize(Action::AppointmentCancel, &office.path)?;
    check_version(&a, version)?;
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(AppError::bad_input(
            "reason",
            "Motivo obbligatorio (al più 500 caratteri)",
            "Reason required (at most 500 characters)",
        ));
    }
    domain::can_cancel(a.status)?;
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<appointment::Entity>(
        &op,
        a.id,
        a.version,
        Changes::default()
            .set(C::Status, AppointmentStatus::Cancelled)
            .set(C::CancelReason, reason)
            .set(C::CancelledAt, Utc::now()),
    )
    .await?;
    op.audit(record("appointment.cancel", &a).detail(json!({ "reason": reason }))).await?;
    crate::appointments::notifications::withdraw(&op, &a, true).await?;
    let updated = store::reload(&op, a.id).await?;
    op.commit().await?;
    Ok(updated)
}
