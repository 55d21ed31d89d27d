//! Wakes the subscriptions of this instance when alerts are written, and
//! those of the other instances through Redis pub/sub.
//!
//! The bus carries no alert: a woken subscription reads the alerts written
//! since its last one through [`super::store::newer_than`], so who sees what is
//! decided by the one SQL audience rule, never by the message. A lost wake
//! (Redis down, a relay reconnecting) costs latency, not alerts: every
//! subscription also looks by itself every [`super::graphql::POLL_EVERY_SECS`].

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use tokio::sync::watch;
use uuid::Uuid;

use crate::kv::Kv;

/// The channel (after the Redis prefix) on which instances announce new alerts.
pub const CHANNEL: &str = "alerts";

#[derive(Clone)]
pub struct AlertBus {
    /// A counter: each change wakes every receiver once (wakes coalesce).
    wakes: Arc<watch::Sender<u64>>,
    kv: Kv,
    /// This instance, so that the relay ignores its own announcements.
    instance: Uuid,
}

impl AlertBus {
    pub fn new(kv: Kv) -> Self {
        AlertBus { wakes: Arc::new(watch::channel(0).0), kv, instance: Uuid::now_v7() }
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

    fn wake_here(&self) {
        self.wakes.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// With Redis: listens to the other instances' announcements, reconnecting
    /// after an outage, for as long as the process runs.
    pub fn spawn_relay(&self, redis_url: &str, prefix: &str) {
        let (bus, url, channel) = (self.clone(), redis_url.to_owned(), format!("{prefix}{CHANNEL}"));
        tokio::spawn(async move {
            loop {
                if let Err(err) = bus.relay(&url, &channel).await {
                    tracing::warn!(error = %err, "alerts: Redis relay interrupted; reconnecting in 2 s");
                }
                // Whatever was announced meanwhile: let subscriptions look now.
                bus.wake_here();
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
        });
    }

    async fn relay(&self, url: &str, channel: &str) -> redis::RedisResult<()> {
        let client = redis::Client::open(url)?;
        let mut pubsub = client.get_async_pubsub().await?;
        pubsub.subscribe(channel).await?;
        let me = self.instance.to_string();
        let mut messages = pubsub.into_on_message();
        while let Some(msg) = messages.next().await {
            let from: String = msg.get_payload().unwrap_or_default();
            if from != me {
                self.wake_here();
            }
        }
        Ok(())
    }
}
