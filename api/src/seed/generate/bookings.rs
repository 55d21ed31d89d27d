//! Generated bookings (with precalls and counter sessions) and callback requests.

use chrono::{Duration, NaiveDate};
use sea_orm::{DatabaseConnection, EntityTrait, TransactionTrait};
use uuid::Uuid;

use entities::{appointment, callback_request, org_unit, service};

use crate::appointments::domain::{
    AppointmentSource, AppointmentStatus, Channel, CounterOutcome, PrecallOutcome, PrecallReason, PrecallResult,
    PrecallStatus,
};
use crate::appointments::service::new_booking;
use crate::callbacks::domain::{CallbackOutcome, CallbackStatus};

use super::{CHUNK, Gen, Office, at};

/// Bookings of every office and working day, with what happened to them.
pub(super) async fn appointments(
    db: &DatabaseConnection,
    g: &mut Gen,
    offices: &[Office],
    services: &[service::Model],
    days: &[NaiveDate],
    until: NaiveDate,
) -> anyhow::Result<usize> {
    let citizens = crate::seed::appointments::CITIZENS;
    let mut rows: Vec<appointment::ActiveModel> = Vec::new();
    let mut total = 0;
    let txn = db.begin().await?;
    for office in offices {
        for (day_no, day) in days.iter().enumerate() {
            let n = if office.large { g.range(40, 56) } else { g.range(15, 25) };
            for i in 0..n {
                let minutes = i * 240 / n.max(1);
                let starts_at = at(*day, 8, 45) + Duration::minutes(minutes);
                let Some(svc) = g.pick(services) else { continue };
                let Some(&(fiscal_code, name, phone, email)) = g.pick(citizens) else { continue };
                let booked_at = starts_at - Duration::days(g.range(4, 20));
                let channel =
                    if office.unit.virtual_counter && g.pct(20) { Channel::Virtual } else { Channel::InPerson };
                let mut a = new_booking(
                    &office.unit,
                    svc,
                    format!("G{}-{day_no:03}-{i:03}", day.format("%y%m%d")),
                    starts_at,
                    fiscal_code.to_owned(),
                    name.to_owned(),
                    phone.map(str::to_owned),
                    email.map(str::to_owned),
                    channel,
                    AppointmentSource::CupImport,
                    None,
                    booked_at,
                );
                // Deterministic ids, so the same seed gives the same rows.
                a.id = g.id(booked_at);
                live(g, office, &mut a, *day, until);
                rows.push(appointment::ActiveModel::from(a));
                total += 1;
                if rows.len() >= CHUNK {
                    appointment::Entity::insert_many(std::mem::take(&mut rows)).exec(&txn).await?;
                }
            }
        }
    }
    if !rows.is_empty() {
        appointment::Entity::insert_many(rows).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(total)
}

/// What happens to one booking: precall, pre-contact e-mail, counter.
fn live(g: &mut Gen, office: &Office, a: &mut appointment::Model, day: NaiveDate, until: NaiveDate) {
    let operator = g.pick(&office.operators).copied();
    let fast = a.precall_status == PrecallStatus::NotRequired;
    let mut last = a.created_at;
    if day >= until {
        // Open work: precalls to make; today's sessions assigned.
        if !fast {
            a.precall_status = PrecallStatus::Assigned;
            a.precall_assignee_id = operator;
            a.precall_assigned_at = Some(a.created_at + Duration::hours(1));
        }
        if day == until {
            if !fast {
                a.precall_status = PrecallStatus::Done;
                a.precall_outcome = Some(PrecallOutcome::Positive);
                a.precall_result = Some(PrecallResult::ConfirmedInPerson);
                a.precalled_at = Some(at(day - Duration::days(4), 10, 0));
                a.channel = Channel::InPerson;
            }
            a.status = AppointmentStatus::CounterAssigned;
            a.counter_operator_id = operator;
            a.counter_channel = Some(a.channel);
            a.counter_assigned_at = Some(at(day - Duration::days(1), 15, 0));
            a.updated_at = at(day - Duration::days(1), 15, 0);
        }
        return;
    }
    // Disappeared from CUP before anyone called.
    if g.pct(4) {
        a.status = AppointmentStatus::Cancelled;
        a.cancel_reason = Some("Prenotazione non più presente su CUP".to_owned());
        let when = a.starts_at - Duration::days(2);
        a.cancelled_at = Some(when);
        a.updated_at = when;
        return;
    }
    if !fast {
        a.precall_status = PrecallStatus::Assigned;
        a.precall_assignee_id = operator;
        let assigned = (a.starts_at - Duration::days(9)).max(a.created_at);
        a.precall_assigned_at = Some(assigned);
        last = assigned;
        if office.large && g.pct(25) {
            a.precontact_sent_at = Some(assigned + Duration::hours(2));
            a.precontact_sent_by_id = operator;
        }
        // About 6% never precalled; the rest mostly 3–8 days ahead, some late.
        if !g.pct(6) {
            let lead = if g.pct(88) { g.range(3, 8) } else { g.range(1, 2) };
            let precalled = at(
                day - Duration::days(lead),
                u32::try_from(g.range(9, 12)).unwrap_or(9),
                u32::try_from(g.range(0, 59)).unwrap_or(0),
            );
            a.precalled_at = Some(precalled);
            a.precall_status = PrecallStatus::Done;
            last = precalled;
            if a.phone.is_none() {
                a.precall_outcome = Some(PrecallOutcome::NotContactable);
                a.precall_reason = Some(PrecallReason::MissingPhone);
            } else if g.pct(12) {
                a.precall_outcome = Some(PrecallOutcome::Negative);
                a.precall_reason = Some(if g.pct(80) { PrecallReason::NoAnswer } else { PrecallReason::WrongNumber });
            } else {
                a.precall_outcome = Some(PrecallOutcome::Positive);
                let roll = g.range(0, 99);
                let result = match roll {
                    0..=34 => PrecallResult::ServedRemotely,
                    35..=51 => PrecallResult::RedirectedEmailPec,
                    52..=61 => PrecallResult::CancelledByCitizen,
                    62..=75 if office.unit.virtual_counter => PrecallResult::ConfirmedVirtual,
                    _ => PrecallResult::ConfirmedInPerson,
                };
                a.precall_result = Some(result);
                match result {
                    PrecallResult::ServedRemotely | PrecallResult::RedirectedEmailPec => {
                        a.status = AppointmentStatus::ResolvedByPrecall;
                        a.updated_at = precalled;
                        return;
                    }
                    PrecallResult::CancelledByCitizen => {
                        a.status = AppointmentStatus::Cancelled;
                        a.cancel_reason = Some("Annullato dal cittadino alla prechiamata".to_owned());
                        a.cancelled_at = Some(precalled);
                        a.updated_at = precalled;
                        return;
                    }
                    PrecallResult::ConfirmedVirtual => a.channel = Channel::Virtual,
                    _ => a.channel = Channel::InPerson,
                }
                a.status = AppointmentStatus::Confirmed;
                if g.pct(30) {
                    a.precall_note = Some("Porta la documentazione richiesta".to_owned());
                }
            }
        }
    }
    // The counter.
    if a.channel == Channel::Virtual && !office.unit.virtual_counter {
        a.channel = Channel::InPerson;
    }
    a.counter_operator_id = operator;
    a.counter_channel = Some(a.channel);
    let assigned = (a.starts_at - Duration::days(1)).max(last);
    a.counter_assigned_at = Some(assigned);
    let roll = g.range(0, 99);
    let (outcome, minutes) = match roll {
        0..=7 => (CounterOutcome::NoShow, None),
        8..=10 => (CounterOutcome::NotDeliverable, Some(g.range(2, 6))),
        11..=20 => (CounterOutcome::TransferredToBackOffice, Some(g.range(8, 22))),
        _ => (CounterOutcome::Completed, Some(if g.pct(10) { g.range(16, 30) } else { g.range(4, 14) })),
    };
    let start = a.starts_at + Duration::minutes(g.range(0, 10));
    let end = minutes.map(|m| start + Duration::minutes(m) + Duration::seconds(g.range(0, 59)));
    if let Some(end) = end {
        a.counter_started_at = Some(start);
        a.counter_ended_at = Some(end);
    }
    if outcome == CounterOutcome::TransferredToBackOffice {
        a.protocol_number = Some(format!("{}/{:06}", day.format("%Y"), g.range(1, 999_999)));
    }
    a.counter_outcome = Some(outcome);
    a.status = AppointmentStatus::Closed;
    a.updated_at = end.unwrap_or(start + Duration::minutes(15));
    a.version = 4;
}

const CALLBACK_TOPICS: &[&str] = &[
    "Stato del rimborso IRPEF",
    "Comunicazione di irregolarità ricevuta",
    "Registrazione contratto di locazione",
    "Cartella di pagamento",
    "Dichiarazione di successione",
];

/// Callback requests per provincial directorate and working day.
pub(super) async fn callbacks(
    db: &DatabaseConnection,
    g: &mut Gen,
    dps: &[org_unit::Model],
    offices: &[Office],
    days: &[NaiveDate],
    until: NaiveDate,
) -> anyhow::Result<usize> {
    let mut rows = Vec::new();
    for dp in dps {
        let operators: Vec<Uuid> = offices
            .iter()
            .filter(|o| o.unit.path.starts_with(dp.path.as_str()))
            .flat_map(|o| o.operators.iter().copied())
            .collect();
        for day in days.iter().filter(|d| **d <= until) {
            for _ in 0..g.range(3, 9) {
                let requested =
                    at(*day, u32::try_from(g.range(8, 16)).unwrap_or(8), u32::try_from(g.range(0, 59)).unwrap_or(0));
                let available = crate::callbacks::domain::available_from(&Default::default(), requested);
                let mut c = callback_request::Model {
                    id: g.id(requested),
                    unit_id: dp.id,
                    phone: format!("3{:09}", g.range(100_000_000, 999_999_999)),
                    topic: g.pick(CALLBACK_TOPICS).copied().unwrap_or("Informazioni").to_owned(),
                    requested_at: requested,
                    available_from: available,
                    status: CallbackStatus::Waiting,
                    assignee_id: None,
                    assigned_at: None,
                    attempts: 0,
                    last_attempt_at: None,
                    outcome: None,
                    note: None,
                    requested_by_id: None,
                    requested_by_unit_id: None,
                    call_id: None,
                    version: 1,
                    created_at: requested,
                    updated_at: requested,
                };
                if *day < until {
                    let done = available + Duration::minutes(g.range(10, 180));
                    c.status = CallbackStatus::Done;
                    c.assignee_id = g.pick(&operators).copied();
                    c.assigned_at = Some(available);
                    let roll = g.range(0, 99);
                    let (outcome, attempts) = match roll {
                        0..=59 => (CallbackOutcome::Resolved, g.range(1, 2)),
                        60..=84 => (CallbackOutcome::RoutedInternally, 1),
                        _ => (CallbackOutcome::NoAnswer, 3),
                    };
                    c.outcome = Some(outcome);
                    c.attempts = i32::try_from(attempts).unwrap_or(1);
                    c.last_attempt_at = Some(done);
                    c.updated_at = done;
                    c.version = 2 + c.attempts;
                } else if g.pct(40) {
                    c.status = CallbackStatus::Assigned;
                    c.assignee_id = g.pick(&operators).copied();
                    c.assigned_at = Some(available);
                }
                rows.push(callback_request::ActiveModel::from(c));
            }
        }
    }
    let n = rows.len();
    let txn = db.begin().await?;
    for chunk in rows.chunks(CHUNK) {
        callback_request::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(n)
}
