//! The live office board: `officeBoardChanged(unitId)`, a subscription (over
//! `/graphql/ws`, like `alerts`) that yields whenever the bookings of an office
//! change, so that an open board reads `officeBoard` again without a reload.
//!
//! It carries nothing of the board: the change it yields says only which
//! office and when; what the screen then shows comes from the board query,
//! under the caller's scope. Who may subscribe is who may read the board
//! ([`super::store::office`]: `NOT_FOUND`, or `FORBIDDEN` outside the caller's reach).
//!
//! What wakes it: every committed act on the office's bookings (an audited
//! `appointment.*` event, see [`crate::kernel::Operation`]) announces the office
//! on the [`AlertBus`], here and, with Redis, on the other instances. A woken
//! subscription compares the office's [`super::store::fingerprint`] with the
//! last it saw and yields only when it moved, so wakes of other offices, a
//! relay's reconnection or a change it already told cost one aggregate at most.
//! It also looks by itself every [`POLL_EVERY_SECS`]: a lost wake costs latency.

use std::time::Duration;

use async_graphql::{Context, ID, SimpleObject, Subscription};
use chrono::{DateTime, Utc};
use futures::Stream;
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::time::Instant;
use uuid::Uuid;

use super::store;
use crate::alerts::bus::ANY_OFFICE;
use crate::graphql::context::ContextExt;
use crate::kernel::ids::{UnitId, parse_id};
use crate::kernel::reach::Reach;
use crate::tenancy::Scope;

/// A board subscription looks at its office by itself this often, wakes or
/// not (a wake lost to a Redis outage costs at most this long).
pub const POLL_EVERY_SECS: u64 = 30;

/// The bookings of an office changed: read its board again.
#[derive(SimpleObject)]
pub struct OfficeBoardChange {
    /// The office (as given to `officeBoard`).
    pub unit_id: ID,
    /// When the change was seen.
    pub seen_at: DateTime<Utc>,
}

#[derive(Default)]
pub struct OfficeBoardSubscription;

#[Subscription]
impl OfficeBoardSubscription {
    /// Yields each time the bookings of the office `unitId` change (booked,
    /// cancelled, imported, precall assigned or recorded, counter session
    /// assigned, started or ended, pre-contact e-mail or reply), from the
    /// moment of subscribing: the signal to read `officeBoard` again. Same
    /// rules as `officeBoard`: `NOT_FOUND` for no such office, `FORBIDDEN` for
    /// an office outside the caller's reach.
    async fn office_board_changed(
        &self,
        ctx: &Context<'_>,
        unit_id: ID,
    ) -> async_graphql::Result<impl Stream<Item = OfficeBoardChange>> {
        let scope = ctx.scope()?.clone();
        let bus = ctx.app_state()?.alerts.clone();
        let id: UnitId = parse_id("unitId", &unit_id)?;
        let office = store::office(&scope, Uuid::from(id)).await?;
        let reach = scope.reach(false);
        // Listening before the first look: a change in between is not missed.
        let wakes = bus.subscribe_offices();
        let seen = reach.clone().run(store::fingerprint(&scope, office.id)).await?;
        let live = LiveBoard { scope, reach, office: office.id, unit_id, wakes, seen, next_poll: next_poll() };
        Ok(futures::stream::unfold(live, |mut live| async move {
            loop {
                live.wait().await;
                if live.changed().await {
                    let change = OfficeBoardChange { unit_id: live.unit_id.clone(), seen_at: Utc::now() };
                    return Some((change, live));
                }
            }
        }))
    }
}

fn next_poll() -> Instant {
    Instant::now() + Duration::from_secs(POLL_EVERY_SECS)
}

struct LiveBoard {
    scope: Scope,
    /// The caller's read reach, for the second wall (PostgreSQL's row-level security).
    reach: Reach,
    office: Uuid,
    unit_id: ID,
    wakes: broadcast::Receiver<Uuid>,
    /// The office's fingerprint when last told (or at subscribing).
    seen: (i64, i64),
    /// When to look by itself next: wakes of other offices do not put it off.
    next_poll: Instant,
}

impl LiveBoard {
    /// Until this office (or any) is announced, or it is time to poll.
    async fn wait(&mut self) {
        loop {
            tokio::select! {
                wake = self.wakes.recv() => match wake {
                    Ok(office) if office == self.office || office == ANY_OFFICE => return,
                    Ok(_) => continue,
                    // Fell behind the wakes: one of them may have been this office's.
                    Err(RecvError::Lagged(_)) => return,
                    // The bus is gone (the server is stopping): polling alone.
                    Err(RecvError::Closed) => {
                        tokio::time::sleep_until(self.next_poll).await;
                        self.next_poll = next_poll();
                        return;
                    }
                },
                () = tokio::time::sleep_until(self.next_poll) => {
                    self.next_poll = next_poll();
                    return;
                }
            }
        }
    }

    /// Whether the office's bookings moved since last told. A failed look is
    /// retried at the next wake or poll.
    async fn changed(&mut self) -> bool {
        let Ok(now) = self.reach.clone().run(store::fingerprint(&self.scope, self.office)).await else { return false };
        let moved = now != self.seen;
        self.seen = now;
        moved
    }
}
