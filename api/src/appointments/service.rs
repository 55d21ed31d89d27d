//! The operations on bookings, transport-free: the GraphQL layer and other
//! areas (quesito conversion calls [`book_at`]) use them alike.
//!
//! Each operation: find the booking within the caller's scope (outside it:
//! NOT_FOUND), authorise on its office, check the domain rules, then write in
//! one transaction with a versioned `UPDATE` (a lost race is `CONFLICT`) and
//! its audit event.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use entities::{appointment, org_unit, person, service};

use super::checks;
use super::cup;
use super::domain::{
    self, AppointmentSource, AppointmentStatus, Channel, CounterOutcome, PrecallContext, PrecallOutcome, PrecallReason,
    PrecallResult, PrecallStatus,
};
use super::store::{self, Changes};
use crate::audit::AuditRecord;
use crate::auth::Assignment;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::ids::AppointmentId;
use crate::kernel::versioned::update_versioned;
use crate::outbox;
use crate::services::store as services;
use crate::tenancy::Scope;

use crate::kernel::messages::office_not_found;
use appointment::Column as C;

/// Reason written on bookings cancelled because they left the CUP export.
pub const CUP_MISSING_REASON: &str = "Non più presente nell'export CUP";

/// The territorial office `code`, when `action` reaches it for the caller.
pub async fn office_for(scope: &Scope, action: Action, code: &str) -> AppResult<org_unit::Model> {
    office_for_in(scope.db(), scope, action, code).await
}

/// [`office_for`] on `conn` (the caller's transaction, when it holds one).
pub async fn office_for_in(
    conn: &impl ConnectionTrait,
    scope: &Scope,
    action: Action,
    code: &str,
) -> AppResult<org_unit::Model> {
    let units = scope.units_for(action);
    org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq(code.trim()))
        .filter(org_unit::Column::Kind.eq(crate::org::domain::UnitKind::TerritorialOffice.as_str()))
        .filter(units.path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))))
        .one(conn)
        .await?
        .ok_or_else(office_not_found)
}

/// A booking the caller can see, with its office.
pub async fn load(scope: &Scope, id: AppointmentId) -> AppResult<(appointment::Model, org_unit::Model)> {
    let a = store::find(scope, id).await?.ok_or_else(store::not_found)?;
    let office = store::units_by_ids(scope, &[a.unit_id]).await?.into_iter().next().ok_or_else(store::not_found)?;
    Ok((a, office))
}

/// Refuses when the client's view is stale.
fn check_version(a: &appointment::Model, expected: Option<i32>) -> AppResult<()> {
    match expected {
        Some(v) if v != a.version => Err(AppError::conflict(
            "La prenotazione è stata modificata nel frattempo: ricarica e riprova",
            "The booking changed in the meantime: reload and try again",
        )),
        _ => Ok(()),
    }
}

fn record(action: &str, a: &appointment::Model) -> AuditRecord {
    AuditRecord::new(action).record("appointment", a.id.to_string()).unit(a.unit_id)
}

/// The caller works on this booking: as its assignee (`is_assignee`) with
/// `appointments:work` on the office, or as a supervisor with `appointments:assign`.
fn authorize_work<'s>(scope: &'s Scope, office: &org_unit::Model, is_assignee: bool) -> AppResult<&'s Assignment> {
    if let Ok(acting) = scope.authorize(Action::AppointmentAssign, &office.path) {
        return Ok(acting);
    }
    let acting = scope.authorize(Action::AppointmentWork, &office.path)?;
    if !is_assignee {
        return Err(AppError::forbidden("La prenotazione non è assegnata a te", "The booking is not assigned to you"));
    }
    Ok(acting)
}

// ---------------------------------------------------------------- booking

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
/// (the CCM: anywhere).
pub async fn book(scope: &Scope, input: BookingInput) -> AppResult<appointment::Model> {
    let office = office_for(scope, Action::AppointmentBook, &input.office_code).await?;
    let acting = scope.authorize(Action::AppointmentBook, &office.path)?;
    let (booking, rec) = prepare_booking(scope.db(), scope, acting, &office, input).await?;
    let op = Operation::begin(scope, acting).await?;
    store::insert(&op, &booking).await?;
    op.audit(rec).await?;
    op.commit().await?;
    Ok(booking)
}

/// Like [`book`], inside the caller's transaction (its [`Operation`]), which
/// commits or rolls back both.
pub async fn book_in(conn: &impl ConnectionTrait, scope: &Scope, input: BookingInput) -> AppResult<appointment::Model> {
    let office = office_for_in(conn, scope, Action::AppointmentBook, &input.office_code).await?;
    let acting = scope.authorize(Action::AppointmentBook, &office.path)?;
    book_at(conn, scope, acting, &office, input).await
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
) -> AppResult<appointment::Model> {
    let (booking, rec) = prepare_booking(conn, scope, acting, office, input).await?;
    store::insert(conn, &booking).await?;
    // The caller's operation audits under its own name; the booking's event
    // goes into the same transaction (it may be another area's operation).
    crate::audit::record_as(conn, scope, acting, rec).await?;
    Ok(booking)
}

/// Validates a booking and builds it with its audit event (nothing written).
async fn prepare_booking(
    conn: &impl ConnectionTrait,
    scope: &Scope,
    acting: &Assignment,
    office: &org_unit::Model,
    input: BookingInput,
) -> AppResult<(appointment::Model, AuditRecord)> {
    let now = Utc::now();
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
    let svc = services::by_code(conn, &input.service_code.trim().to_ascii_uppercase())
        .await?
        .filter(|s| s.active)
        .ok_or_else(|| {
            AppError::bad_input("serviceCode", "Servizio sconosciuto o non attivo", "Unknown or inactive service")
        })?;
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
        now,
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
    super::notifications::withdraw(&op, &a, true).await?;
    let updated = store::reload(&op, a.id).await?;
    op.commit().await?;
    Ok(updated)
}

// ---------------------------------------------------------------- CUP import

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedRow {
    pub row: u64,
    pub cup_number: Option<String>,
    pub reason_it: String,
    pub reason_en: String,
}

#[derive(Clone, Debug, Default)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub cancelled: usize,
    pub rejected: Vec<RejectedRow>,
    /// The days the file covers (bookings of these days missing from it were cancelled).
    pub days: Vec<NaiveDate>,
}

enum Plan {
    Create(Box<appointment::Model>),
    Update { current: Box<appointment::Model>, changes: Vec<&'static str>, set: Changes },
    Cancel(Box<appointment::Model>),
}

/// Imports a CUP export for one office. Rows are validated first; the good
/// ones are written in one transaction, the bad ones reported and not written.
/// Importing the same file again changes nothing.
pub async fn import_cup(scope: &Scope, office_code: &str, bytes: &[u8], now: DateTime<Utc>) -> AppResult<ImportReport> {
    let office = office_for(scope, Action::AppointmentImport, office_code).await?;
    let acting = scope.authorize(Action::AppointmentImport, &office.path)?;
    let parsed = cup::parse(bytes, &office.code, now).map_err(|e| AppError::bad_input("file", e.it, e.en))?;
    let mut report = ImportReport::default();
    let mut rejected: Vec<cup::RowError> = parsed.rejected;

    // Services by code.
    let mut codes: Vec<String> = parsed.rows.iter().map(|r| r.service_code.clone()).collect();
    codes.sort();
    codes.dedup();
    let catalogue: HashMap<String, service::Model> =
        services::by_codes(scope.db(), &codes).await?.into_iter().map(|s| (s.code.clone(), s)).collect();

    let mut rows = Vec::new();
    for row in parsed.rows {
        match catalogue.get(&row.service_code).filter(|s| s.active) {
            None => rejected.push(cup::RowError {
                line: row.line,
                cup_number: Some(row.cup_number.clone()),
                date: Some(row.date),
                reason_it: format!("Servizio {} sconosciuto o non attivo", row.service_code),
                reason_en: format!("Unknown or inactive service {}", row.service_code),
            }),
            Some(_) if row.channel == Channel::Virtual && !office.virtual_counter => rejected.push(cup::RowError {
                line: row.line,
                cup_number: Some(row.cup_number.clone()),
                date: Some(row.date),
                reason_it: "Modalità VIRTUALE ma l'ufficio non ha lo sportello virtuale".into(),
                reason_en: "VIRTUAL mode but the office has no virtual counter".into(),
            }),
            Some(svc) => rows.push((row, svc.clone())),
        }
    }

    // Days covered and numbers present (bad rows included: a broken row is not a missing booking).
    let mut days: Vec<NaiveDate> =
        rows.iter().map(|(r, _)| r.date).chain(rejected.iter().filter_map(|r| r.date)).collect();
    days.sort();
    days.dedup();
    let present: HashSet<String> = rows
        .iter()
        .map(|(r, _)| r.cup_number.clone())
        .chain(rejected.iter().filter_map(|r| r.cup_number.clone()))
        .collect();
    let numbers: Vec<String> = rows.iter().map(|(r, _)| r.cup_number.clone()).collect();
    let existing: HashMap<String, appointment::Model> = store::for_import(scope, office.id, &numbers, &days)
        .await?
        .into_iter()
        .map(|a| (a.cup_number.clone(), a))
        .collect();

    let mut plans: Vec<Plan> = Vec::new();
    for (row, svc) in &rows {
        match existing.get(&row.cup_number) {
            None => plans.push(Plan::Create(Box::new(new_booking(
                &office,
                svc,
                row.cup_number.clone(),
                row.starts_at,
                row.fiscal_code.clone(),
                row.citizen_name.clone(),
                row.phone.clone(),
                row.email.clone(),
                row.channel,
                AppointmentSource::CupImport,
                None,
                now,
            )))),
            Some(current) => {
                let (changes, set) = diff(current, row, svc)?;
                if changes.is_empty() {
                    report.unchanged += 1;
                } else {
                    plans.push(Plan::Update { current: Box::new(current.clone()), changes, set });
                }
            }
        }
    }
    for a in existing.values() {
        let cancellable = matches!(
            a.status,
            AppointmentStatus::Booked | AppointmentStatus::Confirmed | AppointmentStatus::CounterAssigned
        );
        if a.source == AppointmentSource::CupImport
            && days.contains(&a.local_date)
            && !present.contains(&a.cup_number)
            && cancellable
        {
            plans.push(Plan::Cancel(Box::new(a.clone())));
        }
    }

    let op = Operation::begin(scope, acting).await?;
    for plan in plans {
        match plan {
            Plan::Create(a) => {
                store::insert(&op, &a).await?;
                op.audit(record("appointment.import_create", &a).detail(json!({ "cupNumber": a.cup_number }))).await?;
                report.created += 1;
            }
            Plan::Update { current, changes, set } => {
                update_versioned::<appointment::Entity>(&op, current.id, current.version, set).await?;
                op.audit(
                    record("appointment.import_update", &current)
                        .detail(json!({ "cupNumber": current.cup_number, "changed": changes })),
                )
                .await?;
                report.updated += 1;
            }
            Plan::Cancel(a) => {
                update_versioned::<appointment::Entity>(
                    &op,
                    a.id,
                    a.version,
                    Changes::default()
                        .set(C::Status, AppointmentStatus::Cancelled)
                        .set(C::CancelReason, CUP_MISSING_REASON)
                        .set(C::CancelledAt, now),
                )
                .await?;
                op.audit(record("appointment.import_cancel", &a).detail(json!({ "cupNumber": a.cup_number }))).await?;
                super::notifications::withdraw(&op, &a, true).await?;
                report.cancelled += 1;
            }
        }
    }
    rejected.sort_by_key(|r| r.line);
    report.rejected = rejected
        .into_iter()
        .map(|r| RejectedRow { row: r.line, cup_number: r.cup_number, reason_it: r.reason_it, reason_en: r.reason_en })
        .collect();
    report.days = days;
    op.audit(AuditRecord::new("appointment.import").unit(office.id).detail(json!({
        "created": report.created, "updated": report.updated, "unchanged": report.unchanged,
        "cancelled": report.cancelled, "rejected": report.rejected.len(), "days": report.days,
    })))
    .await?;
    op.commit().await?;
    Ok(report)
}

/// What a CUP row changes on an existing booking (field names, and the update).
fn diff(a: &appointment::Model, row: &cup::CupRow, svc: &service::Model) -> AppResult<(Vec<&'static str>, Changes)> {
    let mut names = Vec::new();
    let mut set = Changes::default();
    if a.starts_at != row.starts_at {
        names.push("startsAt");
        set = set.set(C::StartsAt, row.starts_at).set(C::LocalDate, row.date);
    }
    if a.service_id != svc.id {
        names.push("service");
        set = set.set(C::ServiceId, svc.id);
        // The precall follows the service while nobody has taken it yet.
        let p = a.precall_status;
        if matches!(p, PrecallStatus::Unassigned | PrecallStatus::NotRequired) {
            let now_p = if svc.fast { PrecallStatus::NotRequired } else { PrecallStatus::Unassigned };
            set = set.set(C::PrecallStatus, now_p);
        }
    }
    if a.fiscal_code != row.fiscal_code {
        names.push("fiscalCode");
        set = set.set(C::FiscalCode, row.fiscal_code.clone());
    }
    if a.citizen_name != row.citizen_name {
        names.push("citizenName");
        set = set.set(C::CitizenName, row.citizen_name.clone());
    }
    if a.phone != row.phone {
        names.push("phone");
        set = set.set(C::Phone, row.phone.clone());
    }
    if a.email != row.email {
        names.push("email");
        set = set.set(C::Email, row.email.clone());
    }
    let status = a.status;
    // The channel is CUP's until the precall or the counter fixes it.
    if status == AppointmentStatus::Booked && a.channel != row.channel {
        names.push("channel");
        set = set.set(C::Channel, row.channel);
    }
    // Back in CUP after we cancelled it for being missing: reinstated.
    if status == AppointmentStatus::Cancelled && a.cancel_reason.as_deref() == Some(CUP_MISSING_REASON) {
        names.push("reinstated");
        set = set
            .set(C::Status, AppointmentStatus::Booked)
            .set(C::CancelReason, Option::<String>::None)
            .set(C::CancelledAt, Option::<DateTime<Utc>>::None);
    }
    Ok((names, set))
}

// ---------------------------------------------------------------- precalls

/// Assigns (or reassigns) the precalls of these bookings to a staff member of
/// their office. All or nothing.
pub async fn assign_precalls(
    scope: &Scope,
    ids: &[AppointmentId],
    username: &str,
) -> AppResult<Vec<appointment::Model>> {
    if ids.is_empty() || ids.len() > 100 {
        return Err(AppError::bad_input("appointmentIds", "Da 1 a 100 prenotazioni", "Between 1 and 100 bookings"));
    }
    let mut unique: Vec<AppointmentId> = ids.to_vec();
    unique.sort();
    unique.dedup();
    let bookings = store::find_many(scope, &unique).await?;
    if bookings.len() != unique.len() {
        return Err(store::not_found());
    }
    let offices = store::units_by_ids(scope, &bookings.iter().map(|a| a.unit_id).collect::<Vec<_>>()).await?;
    let mut plan = Vec::new();
    let mut assignees: HashMap<Uuid, person::Model> = HashMap::new();
    for a in &bookings {
        let office = offices.iter().find(|o| o.id == a.unit_id).ok_or_else(store::not_found)?;
        let acting = scope.authorize(Action::AppointmentAssign, &office.path)?;
        domain::can_assign_precall(a.status, a.precall_status, a.precall_outcome)?;
        let assignee = match assignees.get(&office.id) {
            Some(p) => p.clone(),
            None => {
                let p = services::staff_member(scope, scope.db(), Action::AppointmentAssign, office.id, username)
                    .await?
                    .ok_or_else(domain::not_office_staff)?;
                assignees.insert(office.id, p.clone());
                p
            }
        };
        plan.push((a, acting, assignee));
    }
    let now = Utc::now();
    // One operation for the batch, acting under the assignment that
    // authorised its first booking (each booking was authorised above).
    let Some(&(_, acting, _)) = plan.first() else { return Ok(Vec::new()) };
    let op = Operation::begin(scope, acting).await?;
    let mut out = Vec::new();
    for (a, _, assignee) in plan {
        let reassign = a.precall_assignee_id.is_some();
        // A reassignment after a failed attempt keeps the outcome history in the audit trail.
        let status =
            if a.precall_status == PrecallStatus::Done { PrecallStatus::Done } else { PrecallStatus::Assigned };
        update_versioned::<appointment::Entity>(
            &op,
            a.id,
            a.version,
            Changes::default()
                .set(C::PrecallAssigneeId, assignee.id)
                .set(C::PrecallAssignedAt, now)
                .set(C::PrecallStatus, status),
        )
        .await?;
        op.audit(
            record(if reassign { "appointment.precall_reassign" } else { "appointment.precall_assign" }, a)
                .detail(json!({ "assignee": assignee.username })),
        )
        .await?;
        out.push(store::reload(&op, a.id).await?);
    }
    op.commit().await?;
    Ok(out)
}

#[derive(Clone, Debug, Default)]
pub struct AutoAssignReport {
    pub assigned: Vec<(appointment::Model, String)>,
    /// Bookings left unassigned because no operator has the service's skill.
    pub without_skilled_operator: Vec<appointment::Model>,
}

/// Spreads the day's unassigned precalls over the office's operators who have
/// the service's skill: each goes to the one with the fewest open precalls
/// (ties by username), counting those just given.
pub async fn auto_assign_precalls(scope: &Scope, office_code: &str, day: NaiveDate) -> AppResult<AutoAssignReport> {
    let office = office_for(scope, Action::AppointmentAssign, office_code).await?;
    let acting = scope.authorize(Action::AppointmentAssign, &office.path)?;
    let today = domain::rome_date(Utc::now());
    let bookings = store::unassigned_precalls(scope, office.id, day).await?;
    let operators = services::operators_with_skills(scope, office.id).await?;
    let mut load: HashMap<Uuid, i64> = store::open_precall_load(scope, office.id, today).await?.into_iter().collect();
    let mut report = AutoAssignReport::default();
    let mut plan = Vec::new();
    for a in bookings {
        let best = operators
            .iter()
            .filter(|(_, skills)| skills.contains(&a.service_id))
            .min_by_key(|(p, _)| (load.get(&p.id).copied().unwrap_or(0), p.username.clone()));
        match best {
            Some((p, _)) => {
                *load.entry(p.id).or_default() += 1;
                plan.push((a, p.clone()));
            }
            None => report.without_skilled_operator.push(a),
        }
    }
    if plan.is_empty() {
        return Ok(report);
    }
    let now = Utc::now();
    let op = Operation::begin(scope, acting).await?;
    for (a, p) in plan {
        update_versioned::<appointment::Entity>(
            &op,
            a.id,
            a.version,
            Changes::default()
                .set(C::PrecallAssigneeId, p.id)
                .set(C::PrecallAssignedAt, now)
                .set(C::PrecallStatus, PrecallStatus::Assigned),
        )
        .await?;
        op.audit(record("appointment.precall_assign", &a).detail(json!({ "assignee": p.username, "automatic": true })))
            .await?;
        report.assigned.push((store::reload(&op, a.id).await?, p.username));
    }
    op.commit().await?;
    Ok(report)
}

pub struct PrecallInput {
    pub outcome: PrecallOutcome,
    pub reason: Option<PrecallReason>,
    pub result: Option<PrecallResult>,
    pub note: Option<String>,
}

/// Records a precall outcome (by its assignee, or a supervisor).
pub async fn record_precall(
    scope: &Scope,
    id: AppointmentId,
    input: PrecallInput,
    version: Option<i32>,
) -> AppResult<appointment::Model> {
    let (a, office) = load(scope, id).await?;
    let acting = authorize_work(scope, &office, a.precall_assignee_id == Some(scope.person_id()))?;
    check_version(&a, version)?;
    let ctx = PrecallContext {
        status: a.status,
        precall_status: a.precall_status,
        previous_outcome: a.precall_outcome,
        has_phone: a.phone.is_some(),
        office_has_virtual_counter: office.virtual_counter,
    };
    let rec = domain::record_precall(ctx, input.outcome, input.reason, input.result, input.note.as_deref())?;
    let now = Utc::now();
    let mut changes = Changes::default()
        .set(C::PrecallStatus, PrecallStatus::Done)
        .set(C::PrecallOutcome, rec.outcome)
        .set(C::PrecallReason, rec.reason)
        .set(C::PrecallResult, rec.result)
        .set(C::PrecallNote, rec.note.clone())
        .set(C::PrecalledAt, a.precalled_at.unwrap_or(now))
        .set(C::Status, rec.status);
    if let Some(channel) = rec.channel {
        changes = changes.set(C::Channel, channel);
    }
    if rec.status == AppointmentStatus::Cancelled {
        changes = changes.set(C::CancelReason, "Annullato dal cittadino alla prechiamata").set(C::CancelledAt, now);
    }
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<appointment::Entity>(&op, a.id, a.version, changes).await?;
    // Reached: no reminder; cancelled by the citizen: no link either. A citizen
    // not reached (no phone, no answer) still gets the reminder 3 days before.
    if rec.outcome == PrecallOutcome::Positive || rec.status == AppointmentStatus::Cancelled {
        super::notifications::withdraw(&op, &a, rec.status == AppointmentStatus::Cancelled).await?;
    }
    op.audit(record("appointment.precall_record", &a).detail(json!({
        "outcome": rec.outcome.as_str(),
        "reason": rec.reason.map(|r| r.as_str()),
        "result": rec.result.map(|r| r.as_str()),
    })))
    .await?;
    let updated = store::reload(&op, a.id).await?;
    // "La richiesta verrà evasa … nel giro di 2/3 giorni": the office owes the citizen that.
    if rec.result == Some(PrecallResult::RedirectedEmailPec) {
        let origin = crate::followups::domain::FollowUpOrigin::PrecallEmailPec;
        crate::followups::operations::open_for(&op, &updated, &office, origin, None, now).await?;
    }
    op.commit().await?;
    Ok(updated)
}

// ---------------------------------------------------------------- pre-contact e-mail

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

// ---------------------------------------------------------------- counter

/// Designates (or changes) the counter operator and channel. The operator must
/// be staff of the office with the service's skill; VIRTUAL only where the
/// office has the virtual counter.
pub async fn assign_counter(
    scope: &Scope,
    id: AppointmentId,
    username: &str,
    channel: Channel,
    version: Option<i32>,
) -> AppResult<appointment::Model> {
    let (a, office) = load(scope, id).await?;
    let acting = scope.authorize(Action::AppointmentAssign, &office.path)?;
    check_version(&a, version)?;
    domain::can_assign_counter(a.status, channel, office.virtual_counter)?;
    let operator = services::staff_member(scope, scope.db(), Action::AppointmentAssign, office.id, username)
        .await?
        .ok_or_else(domain::not_office_staff)?;
    if !services::has_skill(scope, scope.db(), office.id, operator.id, a.service_id).await? {
        return Err(AppError::bad_input(
            "username",
            "L'operatore non ha la competenza per questo servizio",
            "The operator does not have the skill for this service",
        ));
    }
    let reassign = a.counter_operator_id.is_some();
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<appointment::Entity>(
        &op,
        a.id,
        a.version,
        Changes::default()
            .set(C::CounterOperatorId, operator.id)
            .set(C::CounterChannel, channel)
            .set(C::Channel, channel)
            .set(C::CounterAssignedAt, Utc::now())
            .set(C::Status, AppointmentStatus::CounterAssigned),
    )
    .await?;
    op.audit(
        record(if reassign { "appointment.counter_reassign" } else { "appointment.counter_assign" }, &a)
            .detail(json!({ "operator": operator.username, "channel": channel.as_str() })),
    )
    .await?;
    if channel != Channel::Virtual {
        outbox::cancel(&op, &format!("appointment:{}:link", a.id), Utc::now()).await?;
    }
    let updated = store::reload(&op, a.id).await?;
    op.commit().await?;
    Ok(updated)
}

/// The designated operator starts the session.
pub async fn start_session(scope: &Scope, id: AppointmentId, version: Option<i32>) -> AppResult<appointment::Model> {
    let (a, office) = load(scope, id).await?;
    let acting = authorize_work(scope, &office, a.counter_operator_id == Some(scope.person_id()))?;
    check_version(&a, version)?;
    domain::can_start_session(a.status)?;
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<appointment::Entity>(
        &op,
        a.id,
        a.version,
        Changes::default().set(C::Status, AppointmentStatus::InSession).set(C::CounterStartedAt, Utc::now()),
    )
    .await?;
    op.audit(record("appointment.session_start", &a)).await?;
    let updated = store::reload(&op, a.id).await?;
    op.commit().await?;
    Ok(updated)
}

/// Records the session's outcome; the end time is now.
pub async fn record_counter_outcome(
    scope: &Scope,
    id: AppointmentId,
    outcome: CounterOutcome,
    protocol_number: Option<&str>,
    version: Option<i32>,
) -> AppResult<appointment::Model> {
    let (a, office) = load(scope, id).await?;
    let acting = authorize_work(scope, &office, a.counter_operator_id == Some(scope.person_id()))?;
    check_version(&a, version)?;
    let protocol = domain::record_counter(a.status, outcome, protocol_number)?;
    let now = Utc::now();
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<appointment::Entity>(
        &op,
        a.id,
        a.version,
        Changes::default()
            .set(C::Status, AppointmentStatus::Closed)
            .set(C::CounterOutcome, outcome)
            .set(C::ProtocolNumber, protocol.clone())
            .set(C::CounterEndedAt, now),
    )
    .await?;
    let updated = store::reload(&op, a.id).await?;
    let duration = domain::session_duration(updated.counter_started_at, updated.counter_ended_at);
    op.audit(record("appointment.session_outcome", &a).detail(json!({
        "outcome": outcome.as_str(),
        "protocolNumber": protocol,
        "minutes": duration.map(|d| d.0),
        "overtime": duration.map(|d| d.1),
    })))
    .await?;
    super::notifications::on_session_closed(&op, &updated, &office, outcome).await?;
    if outcome == CounterOutcome::TransferredToBackOffice {
        let origin = crate::followups::domain::FollowUpOrigin::CounterBackOffice;
        crate::followups::operations::open_for(&op, &updated, &office, origin, protocol, now).await?;
    }
    op.commit().await?;
    Ok(updated)
}

/// Dequeues the next booking for the signed-in operator and starts its
/// session: first today's bookings designated to them, earliest first; failing
/// those, today's unassigned bookings of their office for a service they have
/// the skill for (taken over by them). `None` when the queue is empty.
pub async fn next_appointment(scope: &Scope) -> AppResult<Option<appointment::Model>> {
    let me = scope.person_id();
    let offices = services::staff_offices(scope, Action::AppointmentWork, me).await?;
    if offices.is_empty() {
        return Err(AppError::forbidden(
            "Non lavori allo sportello di un ufficio",
            "You do not work at an office counter",
        ));
    }
    let mut skills = Vec::new();
    for office in &offices {
        skills
            .extend(services::skills_of(scope, Action::AppointmentWork, *office, me).await?.into_iter().map(|s| s.id));
    }
    let today = domain::rome_date(Utc::now());
    let units = store::units_by_ids(scope, &offices).await?;
    for a in store::next_candidates(scope, me, &offices, &skills, today).await? {
        let Some(office) = units.iter().find(|u| u.id == a.unit_id) else { continue };
        let acting = scope.authorize(Action::AppointmentWork, &office.path)?;
        let mine = a.counter_operator_id == Some(me);
        let channel = if mine { a.counter_channel.unwrap_or(a.channel) } else { a.channel };
        if channel == Channel::Virtual && !office.virtual_counter {
            continue;
        }
        let now = Utc::now();
        let mut changes = Changes::default().set(C::Status, AppointmentStatus::InSession).set(C::CounterStartedAt, now);
        if !mine {
            changes =
                changes.set(C::CounterOperatorId, me).set(C::CounterChannel, channel).set(C::CounterAssignedAt, now);
        }
        let op = Operation::begin(scope, acting).await?;
        match update_versioned::<appointment::Entity>(&op, a.id, a.version, changes).await {
            Ok(_) => {}
            // Someone else took it first: try the next one.
            Err(AppError::Conflict(_)) => {
                op.rollback().await?;
                continue;
            }
            Err(e) => return Err(e),
        }
        op.audit(record("appointment.dequeue", &a).detail(json!({ "takenOver": !mine }))).await?;
        let updated = store::reload(&op, a.id).await?;
        op.commit().await?;
        return Ok(Some(updated));
    }
    Ok(None)
}
