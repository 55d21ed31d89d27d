//! The CUP "VISUALIZZA" export of an office: new rows booked, changed ones
//! updated, bookings missing from the file cancelled.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;

use entities::{appointment, service};

use crate::appointments::cup;
use crate::appointments::domain::{AppointmentSource, AppointmentStatus, Channel, PrecallStatus};
use crate::appointments::hours;
use crate::appointments::store::{self, Changes};
use crate::audit::AuditRecord;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::versioned::update_versioned;
use crate::services::store as services;
use crate::tenancy::Scope;

use super::booking::new_booking;
use super::record;
use crate::appointments::queries::office_for;
use appointment::Column as C;

/// Reason written on bookings cancelled because they left the CUP export.
pub const CUP_MISSING_REASON: &str = "Non più presente nell'export CUP";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedRow {
    pub row: u64,
    pub cup_number: Option<String>,
    pub reason_it: String,
    pub reason_en: String,
}

/// A row imported at a time the office is closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutsideHoursRow {
    pub row: u64,
    pub cup_number: String,
    pub starts_at: DateTime<Utc>,
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
    /// Rows imported although the office is closed then (CUP is the source of
    /// truth; the office sees them here): row, number, why.
    pub outside_opening_hours: Vec<OutsideHoursRow>,
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

    // Imported all the same, but reported: the office is closed then.
    let calendar = crate::calendar::store::calendar_of(scope.db(), &office).await?;
    report.outside_opening_hours = rows
        .iter()
        .filter_map(|(row, _)| {
            hours::outside_hours(&calendar, row.starts_at).map(|o| OutsideHoursRow {
                row: row.line,
                cup_number: row.cup_number.clone(),
                starts_at: row.starts_at,
                reason_it: o.reason_it,
                reason_en: o.reason_en,
            })
        })
        .collect();
    report.outside_opening_hours.sort_by_key(|r| r.row);

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
                crate::appointments::notifications::withdraw(&op, &a, true).await?;
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
        "outsideOpeningHours": report.outside_opening_hours.len(),
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
