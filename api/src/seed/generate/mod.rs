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
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryOrder};
use uuid::Uuid;

use entities::{org_unit, service};

use crate::appointments::domain::rome_instant;
use crate::quesiti::domain::is_working_day;

mod bookings;
mod org;
mod procure;
mod quesiti;

pub use procure::vat_code;

use bookings::{appointments, callbacks};
use org::{add_regions, staff};
use procure::procure;
use quesiti::quesiti;

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

pub(super) struct Gen {
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

/// The rebuild deleted one mark per generated row (6.9 million at national
/// size): until autovacuum reached the table, every `stats` read's check for
/// marks scanned their dead rows (200 ms a read at scale 10, 3.7 s for a
/// national year). PostgreSQL only, and only the table's owner may (the
/// serving role gets a warning and nothing happens): `generate-data` connects
/// as the owner.
async fn reclaim_marks(db: &DatabaseConnection) -> anyhow::Result<()> {
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        db.execute_unprepared("VACUUM stats_dirty").await?;
    }
    Ok(())
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
    // Every day of bookings, callbacks and quesiti was marked; one recount
    // per area and day is cheaper than refreshing the marks.
    crate::monitoring::store::rollup::rebuild(db).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
    reclaim_marks(db).await?;
    out.procure = procure(db, &mut g, opts).await?;
    Ok(out)
}
