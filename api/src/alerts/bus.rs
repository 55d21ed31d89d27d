//! Wakes the subscriptions of this instance when alerts are written or an
//! office's bookings change, and those of the other instances through Redis
//! pub/sub.
//!
//! The bus carries no alert and no booking: a woken alerts subscription reads
//! the alerts written since its last one through [`super::store::newer_than`],
//! so who sees what is decided by the one SQL audience rule, never by the
//! message; a woken office board subscription (`officeBoardChanged`) learns
//! only which office changed, and looks at that office's bookings through the
//! caller's scope. A lost wake (Redis down, a relay reconnecting) costs
//! latency, not updates: every subscription also looks by itself
//! ([`super::graphql::POLL_EVERY_SECS`], [`crate::office_board::live::POLL_EVERY_SECS`]).

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use tokio::sync::{broadcast, watch};
use uuid::Uuid;

use crate::kv::Kv;

/// The channel (after the Redis prefix) on which instances announce new alerts.
pub const CHANNEL: &str = "alerts";
/// The channel (after the Redis prefix) on which instances announce offices
/// whose bookings changed: `<instance> <office id>[,<office id>…]`.
pub const BOARD_CHANNEL: &str = "office_board";
/// An office wake that names no office: every board subscription looks (the
/// relay reconnected, or a subscription fell behind the wakes).
pub const ANY_OFFICE: Uuid = Uuid::nil();
/// Office wakes a slow board subscription may fall behind by before it is
/// told to look anyway ([`broadcast`]'s lag).
const OFFICE_WAKES_KEPT: usize = 256;

#[derive(Clone)]
pub struct AlertBus {
    /// A counter: each change wakes every receiver once (wakes coalesce).
    wakes: Arc<watch::Sender<u64>>,
    /// The offices whose bookings changed, one message per office and commit.
    offices: broadcast::Sender<Uuid>,
    kv: Kv,
    /// This instance, so that the relay ignores its own announcements.
    instance: Uuid,
}

impl AlertBus {
    pub fn new(kv: Kv) -> Self {
        AlertBus {
            wakes: Arc::new(watch::channel(0).0),
            offices: broadcast::channel(OFFICE_WAKES_KEPT).0,
            kv,
            instance: Uuid::now_v7(),
        }
    }

    /// A receiver of the offices whose bookings changed ([`ANY_OFFICE`]: any may have).
    pub fn subscribe_offices(&self) -> broadcast::Receiver<Uuid> {
        self.offices.subscribe()
    }

    /// Called after a change of these offices' bookings was committed: wakes
    /// this instance's board subscriptions of those offices and tells the
    /// other instances. A failed announcement is logged, not raised: the other
    /// instances' subscriptions find the change when they next look by themselves.
    pub async fn announce_offices(&self, offices: &[Uuid]) {
        if offices.is_empty() {
            return;
        }
        for office in offices {
            // No receiver (nobody watches a board here) is not an error.
            let _ = self.offices.send(*office);
        }
        let list = offices.iter().map(Uuid::to_string).collect::<Vec<_>>().join(",");
        if let Err(err) = self.kv.publish(BOARD_CHANNEL, &format!("{} {list}", self.instance)).await {
            tracing::warn!(error = ?err, "office board: could not announce on Redis; other instances will poll");
        }
    }

    /// A receiver that changes whenever alerts may have been written.
    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.wakes.subscribe()
    }

    /// Called after alerts were committed: wakes this instance's subscriptions
    /// and tells the others. A failed announcement is logged, not raised: the
    /// alert is written, and the others' polling finds it.
    pub async fn announce(&self) {
        self.wake_here();
        if let Err(err) = self.kv.publish(CHANNEL, &self.instance.to_string()).await {
            tracing::warn!(error = ?err, "alerts: could not announce on Redis; other instances will poll");
        }
    }

    /// Every board subscription of this instance looks at its office now, and
    /// tells only a change it has not told (what the relay does after
    /// reconnecting, as announcements may have been lost meanwhile).
    pub fn wake_every_board(&self) {
        let _ = self.offices.send(ANY_OFFICE);
    }

    fn wake_here(&self) {
        self.wakes.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// With Redis: listens to the other instances' announcements, reconnecting
    /// after an outage, for as long as the process runs.
    pub fn spawn_relay(&self, redis_url: &str, prefix: &str) {
        let bus = self.clone();
        let url = redis_url.to_owned();
        let channels = (format!("{prefix}{CHANNEL}"), format!("{prefix}{BOARD_CHANNEL}"));
        tokio::spawn(async move {
            loop {
                if let Err(err) = bus.relay(&url, &channels.0, &channels.1).await {
                    tracing::warn!(error = %err, "alerts: Redis relay interrupted; reconnecting in 2 s");
                }
                // Whatever was announced meanwhile: let subscriptions look now.
                bus.wake_here();
                bus.wake_every_board();
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
        });
    }

    async fn relay(&self, url: &str, alerts: &str, boards: &str) -> redis::RedisResult<()> {
        let client = redis::Client::open(url)?;
        let mut pubsub = client.get_async_pubsub().await?;
        pubsub.subscribe(&[alerts, boards]).await?;
        let me = self.instance.to_string();
        let mut messages = pubsub.into_on_message();
        while let Some(msg) = messages.next().await {
            let payload: String = msg.get_payload().unwrap_or_default();
            if msg.get_channel_name() == boards {
                let Some((from, offices)) = payload.split_once(' ') else { continue };
                if from != me {
                    offices_of(offices).for_each(|office| {
                        let _ = self.offices.send(office);
                    });
                }
            } else if payload != me {
                self.wake_here();
            }
        }
        Ok(())
    }
}

/// The offices of a board announcement; one that does not parse wakes every board.
fn offices_of(list: &str) -> impl Iterator<Item = Uuid> + '_ {
    list.split(',').map(|id| Uuid::parse_str(id.trim()).unwrap_or(ANY_OFFICE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_board_announcement_names_its_offices_and_a_garbled_one_wakes_every_board() {
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        assert_eq!(offices_of(&format!("{a},{b}")).collect::<Vec<_>>(), vec![a, b]);
        assert_eq!(offices_of("not-an-id").collect::<Vec<_>>(), vec![ANY_OFFICE]);
    }
}
