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
//! on the [`AlertBus`], here and, with Redis, on the other instances; a wake
//! naming the office yields. Without one, the subscription looks by itself
//! every [`POLL_EVERY_SECS`] (and when the relay reconnects): it yields when
//! the office's [`super::store::last_change`] moved since it last told, so a
//! lost wake costs latency, and a change already told is not told again.

use std::time::Duration;

use async_graphql::{Context, ID, SimpleObject, Subscription};
use chrono::{DateTime, Utc};
use futures::Stream;
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::time::Instant;
use uuid::Uuid;

use super::store;
use crate::alerts::bus::ANY_OFFICE;
use crate::error::AppResult;
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
        let seen = reach.clone().run(store::last_change(&scope, office.id)).await?;
        let live = LiveBoard { scope, reach, office: office.id, unit_id, wakes, seen, next_poll: next_poll() };
        Ok(futures::stream::unfold(live, |mut live| async move {
            loop {
                let woken = live.wait().await;
                if live.changed(woken).await {
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
    /// The office's last change when last told (or at subscribing).
    seen: Option<(DateTime<Utc>, Uuid, i32)>,
    /// When to look by itself next: wakes of other offices do not put it off.
    next_poll: Instant,
}

impl LiveBoard {
    /// Until this office is announced (`true`), or it is time to look by
    /// itself (`false`): the poll, a wake of every board, a lag behind the wakes.
    async fn wait(&mut self) -> bool {
        loop {
            tokio::select! {
                wake = self.wakes.recv() => match wake {
                    Ok(office) if office == self.office => return true,
                    Ok(office) if office == ANY_OFFICE => return false,
                    Ok(_) => continue,
                    // Fell behind the wakes: one of them may have been this office's.
                    Err(RecvError::Lagged(_)) => return false,
                    // The bus is gone (the server is stopping): polling alone.
                    Err(RecvError::Closed) => {
                        tokio::time::sleep_until(self.next_poll).await;
                        self.next_poll = next_poll();
                        return false;
                    }
                },
                () = tokio::time::sleep_until(self.next_poll) => {
                    self.next_poll = next_poll();
                    return false;
                }
            }
        }
    }

    /// Whether to tell: always when `woken` by this office's announcement,
    /// else when its last change moved since last told. Either way the change
    /// is remembered, so the next poll does not tell it again. A failed look
    /// tells a wake anyway and leaves a poll for the next one.
    async fn changed(&mut self, woken: bool) -> bool {
        match self.last_change().await {
            Ok(now) => {
                let moved = now != self.seen;
                self.seen = now;
                woken || moved
            }
            Err(_) => woken,
        }
    }

    async fn last_change(&self) -> AppResult<Option<(DateTime<Utc>, Uuid, i32)>> {
        self.reach.clone().run(store::last_change(&self.scope, self.office)).await
    }
}
