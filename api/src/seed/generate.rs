//! `api generate-data`: realistic, internally consistent data at scale, for
//! the monitoring figures, demos and the benchmark (issue 6 §4).
//!
//! Fills an EMPTY database: the demo organisation and accounts first
//! ([`super::demo::seed_if_empty`]), then — with `--scale N` above 1 — more
//! regions (each with a CRIC, 5 provincial directorates and 20 offices) up to
//! 20 regions, about 100 DPs and 400 offices at `--scale 10`; generated staff
//! (operators per office, experts per CRIC, without passwords); and, for
//! every working day of the period:
//! - CUP bookings per office by its size (LARGE ≈ 48, SMALL ≈ 20 a day),
//!   with precalls (about 85% in time, the rest late or missed), their
//!   outcomes in the directive's proportions (about 40% of the bookings to
//!   precall do not reach the counter), pre-contact e-mails at large offices,
//!   counter sessions and their outcomes (some over 15 minutes, transfers to
//!   the back office with a protocol number, no-shows);
//! - callback requests per provincial directorate;
//! - quesiti per CRIC section, with their events, answer times and some SLA breaches.
//!
//! Days before `until` are closed (every outcome recorded); `until` itself and
//! the next 10 days hold open work (precalls to make, today's counter
//! sessions, callbacks waiting, quesiti new or in progress).
//!
//! Deterministic: the same `--seed`, `--days`, `--scale` and `--until` give
//! the same rows (ids included, apart from the demo organisation's own).
//! Rows go in with multi-row INSERTs of a few hundred rows, one transaction
//! per area.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use uuid::Uuid;

use entities::{
    appointment, callback_request, org_unit, person, procura, professional, quesito, quesito_classification,
    quesito_event, role_assignment, service,
};

use crate::appointments::domain::{
    AppointmentSource, AppointmentStatus, Channel, CounterOutcome, PrecallOutcome, PrecallReason, PrecallResult,
    PrecallStatus, rome_instant,
};
use crate::appointments::service::new_booking;
use crate::authz::Role;
use crate::callbacks::domain::{CallbackOutcome, CallbackStatus};
use crate::org::domain::{OfficeSize, UnitKind};
use crate::quesiti::domain::{Priority, QuesitoStatus, Section, SectionRules, due_at, is_working_day};

/// Rows per multi-row INSERT: well under SQLite's and PostgreSQL's parameter limits.
const CHUNK: usize = 400;
/// Days after `until` that get open bookings (the CUP window the offices work on).
const OPEN_DAYS: i64 = 10;

#[derive(Clone, Debug)]
pub struct GenerateOptions {
    /// 1 = the demo organisation; each step adds two regions, up to 20 regions.
    pub scale: u32,
    /// Days of history, ending the day before `until`.
    pub days: u32,
    pub seed: u64,
    /// The first day of open work ("today"); everything before it is history.
    pub until: NaiveDate,
}

/// What was generated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Generated {
    pub units: usize,
    pub people: usize,
    pub appointments: usize,
    pub callbacks: usize,
    pub quesiti: usize,
    pub quesito_events: usize,
    pub procure: usize,
}

struct Gen {
    rng: StdRng,
}

impl Gen {
    fn pct(&mut self, p: u32) -> bool {
        self.rng.random_range(0..100) < p
    }

    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        self.rng.random_range(lo..=hi)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            return None;
        }
        items.get(self.rng.random_range(0..items.len()))
    }

    /// A UUIDv7 for a row created at `at`, with random bits from the seeded generator.
    fn id(&mut self, at: DateTime<Utc>) -> Uuid {
        let mut bytes = [0u8; 10];
        bytes[..8].copy_from_slice(&self.rng.random::<u64>().to_le_bytes());
        bytes[8..].copy_from_slice(&self.rng.random::<u16>().to_le_bytes());
        let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
        uuid::Builder::from_unix_timestamp_millis(millis, &bytes).into_uuid()
    }
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN);
    rome_instant(day, time).unwrap_or_else(|| day.and_time(time).and_utc())
}

struct Office {
    unit: org_unit::Model,
    large: bool,
    operators: Vec<Uuid>,
}

struct Cric {
    unit: org_unit::Model,
    experts: Vec<(Uuid, String)>,
}

/// Fills an empty database; refuses one that already has an organisation.
pub async fn generate(db: &DatabaseConnection, opts: &GenerateOptions) -> anyhow::Result<Generated> {
    if org_unit::Entity::find().count(db).await? > 0 {
        anyhow::bail!("the database is not empty: generate-data fills an empty database only");
    }
    if opts.scale == 0 || opts.scale > 10 {
        anyhow::bail!("--scale goes from 1 (the demo organisation) to 10 (national size)");
    }
    super::demo::seed_if_empty(db).await?;
    let mut g = Gen { rng: StdRng::seed_from_u64(opts.seed) };
    let mut out = Generated::default();
    let created = at(opts.until - Duration::days(i64::from(opts.days) + 30), 8, 0);

    out.units = add_regions(db, &mut g, opts.scale, created).await?;
    super::calendar::seed(db).await?;
    let (offices, crics, dps, people) = staff(db, &mut g, created).await?;
    out.people = people;

    let services = service::Entity::find().order_by_asc(service::Column::Code).all(db).await?;
    let first = opts.until - Duration::days(i64::from(opts.days));
    let last = opts.until + Duration::days(OPEN_DAYS);
    let days: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= last).filter(|d| is_working_day(*d)).collect();

    out.appointments = appointments(db, &mut g, &offices, &services, &days, opts.until).await?;
    out.callbacks = callbacks(db, &mut g, &dps, &offices, &days, opts.until).await?;
    let (q, e) = quesiti(db, &mut g, &crics, &days, opts.until).await?;
    out.quesiti = q;
    out.quesito_events = e;
    out.procure = procure(db, &mut g, opts).await?;
    Ok(out)
}

/// Regions beyond the demo's two: `2 × (scale − 1)`, at most 18 more.
async fn add_regions(
    db: &DatabaseConnection,
    g: &mut Gen,
    scale: u32,
    created: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let extra = (2 * (scale - 1)).min(18);
    if extra == 0 {
        return Ok(0);
    }
    let root = org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq("ROOT"))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo root missing"))?;
    let mut rows: Vec<org_unit::ActiveModel> = Vec::new();
    let unit =
        |id, code: String, name: String, kind: UnitKind, parent: Uuid, path: String, size: Option<bool>, vc: bool| {
            org_unit::ActiveModel::from(org_unit::Model {
                id,
                code,
                name,
                kind,
                parent_id: Some(parent),
                path,
                office_size: size.map(|large| if large { OfficeSize::Large } else { OfficeSize::Small }),
                virtual_counter: vc,
                virtual_counter_mailbox: None,
                opening_hours: size.map(|_| "lun-ven 08:45-12:45".to_owned()),
                created_at: created,
            })
        };
    for r in 1..=extra {
        let seg = format!("R{r:02}");
        let dr_id = g.id(created);
        let dr_path = format!("{}{seg}/", root.path);
        rows.push(unit(
            dr_id,
            format!("DR-{seg}"),
            format!("DR Regione {r}"),
            UnitKind::RegionalDirectorate,
            root.id,
            dr_path.clone(),
            None,
            false,
        ));
        rows.push(unit(
            g.id(created),
            format!("CRIC-{seg}"),
            format!("CRIC Regione {r}"),
            UnitKind::Cric,
            dr_id,
            format!("{dr_path}CRIC/"),
            None,
            false,
        ));
        for d in 1..=5 {
            let dp_id = g.id(created);
            let dp_path = format!("{dr_path}P{d}/");
            rows.push(unit(
                dp_id,
                format!("DP-{seg}-P{d}"),
                format!("DP {d} Regione {r}"),
                UnitKind::ProvincialDirectorate,
                dr_id,
                dp_path.clone(),
                None,
                false,
            ));
            for o in 1..=4 {
                let large = o <= 2;
                let vc = g.pct(40);
                rows.push(unit(
                    g.id(created),
                    format!("UT-{seg}-P{d}-{o}"),
                    format!("UT {d}.{o} Regione {r}"),
                    UnitKind::TerritorialOffice,
                    dp_id,
                    format!("{dp_path}U{o}/"),
                    Some(large),
                    vc,
                ));
            }
        }
    }
    let n = rows.len();
    let txn = db.begin().await?;
    for chunk in rows.chunks(CHUNK) {
        org_unit::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(n)
}

/// Generated operators per office and experts per CRIC (no password: they
/// exist for the data's sake), plus the demo accounts already there.
async fn staff(
    db: &DatabaseConnection,
    g: &mut Gen,
    created: DateTime<Utc>,
) -> anyhow::Result<(Vec<Office>, Vec<Cric>, Vec<org_unit::Model>, usize)> {
    let units = org_unit::Entity::find().order_by_asc(org_unit::Column::Path).all(db).await?;
    let assignments = role_assignment::Entity::find().all(db).await?;
    let people = person::Entity::find().all(db).await?;
    let mut new_people = Vec::new();
    let mut new_roles = Vec::new();
    let mut offices = Vec::new();
    let mut crics = Vec::new();
    let mut dps = Vec::new();
    for u in units {
        let existing: Vec<&role_assignment::Model> = assignments.iter().filter(|a| a.unit_id == Some(u.id)).collect();
        match u.kind {
            UnitKind::TerritorialOffice => {
                let large = u.office_size == Some(OfficeSize::Large);
                let mut operators: Vec<Uuid> =
                    existing.iter().filter(|a| a.role == Role::Operator).map(|a| a.person_id).collect();
                let wanted = if large { 6 } else { 3 };
                for n in operators.len()..wanted {
                    let id = g.id(created);
                    let username = format!("op{}.{}", n + 1, u.code.to_lowercase());
                    new_people.push(person_row(id, &username, created));
                    new_roles.push(role_row(g.id(created), id, Role::Operator, u.id, None, created));
                    operators.push(id);
                }
                offices.push(Office { unit: u, large, operators });
            }
            UnitKind::Cric => {
                let mut experts: Vec<(Uuid, String)> = existing
                    .iter()
                    .filter(|a| a.role == Role::CricExpert)
                    .filter_map(|a| people.iter().find(|p| p.id == a.person_id).map(|p| (p.id, p.username.clone())))
                    .collect();
                for n in experts.len()..3 {
                    let id = g.id(created);
                    let username = format!("cric{}.{}", n + 1, u.code.to_lowercase());
                    new_people.push(person_row(id, &username, created));
                    new_roles.push(role_row(g.id(created), id, Role::CricExpert, u.id, None, created));
                    experts.push((id, username));
                }
                crics.push(Cric { unit: u, experts });
            }
            UnitKind::ProvincialDirectorate => dps.push(u),
            _ => {}
        }
    }
    let n = new_people.len();
    let txn = db.begin().await?;
    for chunk in new_people.chunks(CHUNK) {
        person::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    for chunk in new_roles.chunks(CHUNK) {
        role_assignment::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok((offices, crics, dps, n))
}

fn person_row(id: Uuid, username: &str, created: DateTime<Utc>) -> person::ActiveModel {
    person::ActiveModel::from(person::Model {
        id,
        username: username.to_owned(),
        display_name: format!("Funzionario {username}"),
        email: Some(format!("{username}@agenzia.example.it")),
        fiscal_code: None,
        password_hash: None,
        active: true,
        must_change_password: false,
        created_at: created,
    })
}

fn role_row(
    id: Uuid,
    person: Uuid,
    role: Role,
    unit: Uuid,
    section: Option<&str>,
    created: DateTime<Utc>,
) -> role_assignment::ActiveModel {
    role_assignment::ActiveModel::from(role_assignment::Model {
        id,
        person_id: person,
        role,
        unit_id: Some(unit),
        section: section.map(str::to_owned),
        created_at: created,
    })
}

/// Bookings of every office and working day, with what happened to them.
async fn appointments(
    db: &DatabaseConnection,
    g: &mut Gen,
    offices: &[Office],
    services: &[service::Model],
    days: &[NaiveDate],
    until: NaiveDate,
) -> anyhow::Result<usize> {
    let citizens = super::appointments::CITIZENS;
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
async fn callbacks(
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
                let available = crate::callbacks::domain::available_from(requested);
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

fn subject(section: Section) -> (&'static str, &'static str) {
    match section {
        Section::Pensioni => (
            "Decorrenza della pensione anticipata",
            "Il cittadino chiede da quando decorre la pensione anticipata con i contributi figurativi.",
        ),
        Section::SostegnoReddito => (
            "Requisiti per l'indennità di disoccupazione",
            "Il cittadino chiede se il contratto stagionale concluso dà diritto all'indennità.",
        ),
        Section::SoggettoContribuente => (
            "Rateizzazione di una comunicazione di irregolarità",
            "Il contribuente chiede se può rateizzare la somma richiesta dopo la scadenza dei 30 giorni.",
        ),
    }
}

/// Quesiti per CRIC section and working day, with their life-cycle events.
async fn quesiti(
    db: &DatabaseConnection,
    g: &mut Gen,
    crics: &[Cric],
    days: &[NaiveDate],
    until: NaiveDate,
) -> anyhow::Result<(usize, usize)> {
    let ccm = org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq("CCM"))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("CCM unit missing"))?;
    let dc = org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq("DC"))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("DC unit missing"))?;
    let filer = person::Entity::find()
        .filter(person::Column::Username.eq("ccm.op"))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("ccm.op missing"))?;
    let classifications =
        quesito_classification::Entity::find().order_by_asc(quesito_classification::Column::Code).all(db).await?;
    let citizens = super::appointments::CITIZENS;
    let history: Vec<NaiveDate> = days.iter().copied().filter(|d| *d <= until).collect();
    let now = at(until, 12, 0);
    let mut rows = Vec::new();
    let mut events = Vec::new();
    for cric in crics {
        for (i, day) in history.iter().enumerate() {
            let recent = history.len() - i <= 3;
            for &section in Section::ALL {
                let per_day = match section {
                    Section::Pensioni => g.range(2, 6),
                    Section::SostegnoReddito => g.range(1, 5),
                    Section::SoggettoContribuente => g.range(3, 7),
                };
                let choices: Vec<&quesito_classification::Model> =
                    classifications.iter().filter(|c| c.section == section).collect();
                for _ in 0..per_day {
                    let Some(class) = g.pick(&choices).copied() else { continue };
                    let Some(&(fiscal_code, _, phone, email)) = g.pick(citizens) else { continue };
                    let filed = at(
                        *day,
                        u32::try_from(g.range(9, 17)).unwrap_or(9),
                        u32::try_from(g.range(0, 59)).unwrap_or(0),
                    );
                    if filed > now {
                        continue;
                    }
                    let due = due_at(filed, section.default_sla_working_days());
                    let (subj, question) = subject(section);
                    let Some((expert, expert_name)) = g.pick(&cric.experts).cloned() else { continue };
                    let id = g.id(filed);
                    let mut q = quesito::Model {
                        id,
                        unit_id: cric.unit.id,
                        filed_by_unit_id: ccm.id,
                        forwarded_to_unit_id: None,
                        section,
                        classification_id: class.id,
                        subject: subj.to_owned(),
                        question: question.to_owned(),
                        citizen_fiscal_code: fiscal_code.to_owned(),
                        citizen_phone: phone.map(str::to_owned),
                        citizen_email: email.map(str::to_owned),
                        priority: if g.pct(10) { Priority::High } else { Priority::Normal },
                        status: QuesitoStatus::New,
                        due_at: due,
                        contact_id: None,
                        idempotency_key: None,
                        filed_by_id: filer.id,
                        taken_by_id: None,
                        taken_at: None,
                        answer: None,
                        answered_by_id: None,
                        answered_at: None,
                        forward_reason: None,
                        cancel_reason: None,
                        appointment_id: None,
                        faq_entry_id: None,
                        version: 1,
                        created_at: filed,
                        updated_at: filed,
                    };
                    let mut event = |g: &mut Gen,
                                     from: Option<QuesitoStatus>,
                                     to: QuesitoStatus,
                                     who: (Uuid, &str, &str),
                                     when: DateTime<Utc>,
                                     note: Option<&str>| {
                        events.push(quesito_event::ActiveModel::from(quesito_event::Model {
                            id: g.id(when),
                            quesito_id: id,
                            from_status: from,
                            to_status: to,
                            actor_id: who.0,
                            actor_username: who.1.to_owned(),
                            acting_role: Some(who.2.to_owned()),
                            note: note.map(str::to_owned),
                            occurred_at: when,
                        }));
                    };
                    event(g, None, QuesitoStatus::New, (filer.id, "ccm.op", "CCM_OPERATOR"), filed, None);
                    let expert_who = (expert, expert_name.as_str(), "CRIC_EXPERT");
                    if recent && g.pct(50) {
                        rows.push(quesito::ActiveModel::from(q));
                        continue;
                    }
                    if g.pct(3) {
                        let when = filed + Duration::hours(g.range(1, 48));
                        q.status = QuesitoStatus::Cancelled;
                        q.cancel_reason = Some("Il cittadino ha risolto autonomamente".to_owned());
                        q.updated_at = when;
                        q.version = 2;
                        event(
                            g,
                            Some(QuesitoStatus::New),
                            QuesitoStatus::Cancelled,
                            expert_who,
                            when,
                            q.cancel_reason.as_deref(),
                        );
                        rows.push(quesito::ActiveModel::from(q));
                        continue;
                    }
                    let taken = filed + Duration::minutes(g.range(20, 60 * 30));
                    if taken > now {
                        rows.push(quesito::ActiveModel::from(q));
                        continue;
                    }
                    q.status = QuesitoStatus::InProgress;
                    q.taken_by_id = Some(expert);
                    q.taken_at = Some(taken);
                    q.updated_at = taken;
                    q.version = 2;
                    event(g, Some(QuesitoStatus::New), QuesitoStatus::InProgress, expert_who, taken, None);
                    let sla_hours = i64::from(section.default_sla_working_days()) * 24;
                    let answer_after = if g.pct(9) {
                        (due - filed).num_hours() + g.range(4, 96)
                    } else {
                        g.range(2, (sla_hours * 6 / 5).max(3))
                    };
                    let mut answered = (filed + Duration::hours(answer_after)).max(taken + Duration::minutes(10));
                    if g.pct(4) {
                        let when = taken + Duration::hours(g.range(1, 24));
                        if when > now {
                            rows.push(quesito::ActiveModel::from(q));
                            continue;
                        }
                        q.status = QuesitoStatus::ForwardedCentral;
                        q.forwarded_to_unit_id = Some(dc.id);
                        q.forward_reason = Some("Questione di particolare complessità".to_owned());
                        q.updated_at = when;
                        q.version = 3;
                        event(
                            g,
                            Some(QuesitoStatus::InProgress),
                            QuesitoStatus::ForwardedCentral,
                            expert_who,
                            when,
                            q.forward_reason.as_deref(),
                        );
                        answered = answered.max(when + Duration::hours(g.range(24, 24 * 10)));
                        if answered > now || g.pct(30) {
                            rows.push(quesito::ActiveModel::from(q));
                            continue;
                        }
                        q.status = QuesitoStatus::Answered;
                        q.answer = Some("Risposta della Direzione centrale.".to_owned());
                        q.answered_at = Some(answered);
                        q.updated_at = answered;
                        q.version = 4;
                        event(
                            g,
                            Some(QuesitoStatus::ForwardedCentral),
                            QuesitoStatus::Answered,
                            expert_who,
                            answered,
                            None,
                        );
                        rows.push(quesito::ActiveModel::from(q));
                        continue;
                    }
                    if answered > now {
                        rows.push(quesito::ActiveModel::from(q));
                        continue;
                    }
                    q.status = QuesitoStatus::Answered;
                    q.answer = Some(
                        "Risposta fornita sulla base della normativa vigente e delle circolari applicabili.".to_owned(),
                    );
                    q.answered_by_id = Some(expert);
                    q.answered_at = Some(answered);
                    q.updated_at = answered;
                    q.version = 3;
                    event(g, Some(QuesitoStatus::InProgress), QuesitoStatus::Answered, expert_who, answered, None);
                    rows.push(quesito::ActiveModel::from(q));
                }
            }
        }
    }
    let (n, e) = (rows.len(), events.len());
    let txn = db.begin().await?;
    for chunk in rows.chunks(CHUNK) {
        quesito::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    for chunk in events.chunks(CHUNK) {
        quesito_event::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok((n, e))
}

/// An 11-digit Italian VAT code (partita IVA) with its check digit.
pub fn vat_code(first_ten: u64) -> String {
    let digits: Vec<u32> =
        format!("{:010}", first_ten % 10_000_000_000).chars().filter_map(|c| c.to_digit(10)).collect();
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 0 {
                *d
            } else if d * 2 > 9 {
                d * 2 - 9
            } else {
                d * 2
            }
        })
        .sum();
    let check = (10 - sum % 10) % 10;
    format!("{:010}{check}", first_ten % 10_000_000_000)
}

/// Procure declared by the demo professional (`prof.rossi`) for client
/// companies: 200 per scale step, most active, some expired or revoked.
async fn procure(db: &DatabaseConnection, g: &mut Gen, opts: &GenerateOptions) -> anyhow::Result<usize> {
    let Some(prof) = professional::Entity::find().order_by_asc(professional::Column::FiscalCode).one(db).await? else {
        return Ok(0);
    };
    let mut rows = Vec::new();
    for i in 0..(200 * u64::from(opts.scale)) {
        let from = opts.until - Duration::days(g.range(0, i64::from(opts.days).max(1)));
        let to = from + Duration::days(g.range(180, 3 * 365));
        let declared = at(from, 10, 0);
        let revoked = g.pct(5).then(|| from + Duration::days(g.range(1, 120))).filter(|d| *d <= opts.until);
        let services = g.range(1, 15);
        rows.push(procura::ActiveModel::from(procura::Model {
            id: g.id(declared),
            professional_id: prof.id,
            client_fiscal_code: vat_code(1_000_000_000 + i * 7919),
            service_review_irregularity: services & 1 != 0,
            service_refund_documentation: services & 2 != 0,
            service_review_assessments41bis: services & 4 != 0,
            service_status_information: services & 8 != 0 || services == 0,
            valid_from: from,
            valid_to: to,
            collaborators_authorized: g.pct(40),
            privacy_notice_given: true,
            declared_at: declared,
            revoked_at: revoked.map(|d| at(d, 11, 0)),
            revoked_on: revoked,
            version: if revoked.is_some() { 2 } else { 1 },
        }));
    }
    let n = rows.len();
    let txn = db.begin().await?;
    for chunk in rows.chunks(CHUNK) {
        procura::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_vat_codes_pass_the_validation() {
        for n in [1, 1_000_000_000, 1_234_567_890, 9_999_999_999] {
            let code = vat_code(n);
            assert!(crate::validation::VatCode::parse(&code).is_ok(), "{code}");
        }
    }
}
