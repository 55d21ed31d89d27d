//! Data loaded into an empty database: the demo organisation of docs/domain.md §2.
pub mod appointments;
pub mod calendar;
pub mod demo;
pub mod generate;
pub mod outbox;
pub mod procure;
pub mod quesiti;

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// A UUIDv7 carrying `at` as its time, for a demo record dated in the past: lists order by id
/// (newest first), so a backdated record with today's id would stand above newer ones.
pub fn id_at(at: DateTime<Utc>) -> Uuid {
    let nanos = at.timestamp_subsec_nanos();
    Uuid::new_v7(uuid::Timestamp::from_unix(uuid::NoContext, at.timestamp().max(0) as u64, nanos))
}
