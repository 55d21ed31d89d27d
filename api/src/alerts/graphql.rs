//! `alerts` (the notification area), `markAlertsRead`, and the `alerts`
//! subscription (over `/graphql/ws`, graphql-transport-ws).

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object, Subscription};
use chrono::{DateTime, Utc};
use futures::Stream;
use uuid::Uuid;

use entities::alert;
use entities::quesito::Section;

use super::domain::AlertKind;
use super::{AlertBus, store};
use crate::error::AppResult;
use crate::graphql::context::ContextExt;
use crate::kernel::paging::{Page, connection_with, page_cost};
use crate::tenancy::Scope;

/// A subscription looks for new alerts by itself this often, wakes or not
/// (a wake lost to a Redis outage costs at most this long).
pub const POLL_EVERY_SECS: u64 = 15;
/// A transaction may commit a little after another that wrote later: a
/// subscription looks this far behind its last alert, skipping those it sent.
const LOOKBACK: chrono::Duration = chrono::Duration::seconds(10);

/// Something the caller should know now.
pub struct Alert(alert::Model);

#[Object]
impl Alert {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn kind(&self) -> AlertKind {
        self.0.kind
    }
    /// What it says, in Italian.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// The CRIC section it concerns, for CRIC alerts.
    async fn section(&self) -> Option<Section> {
        self.0.section
    }
    /// What it is about: `quesito`, `appointment`, `callback_request` or `follow_up`.
    async fn record_type(&self) -> &str {
        &self.0.record_type
    }
    async fn record_id(&self) -> ID {
        ID(self.0.record_id.to_string())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

pub struct AlertTotals;

#[Object]
impl AlertTotals {
    /// The caller's alerts written since they last marked them read.
    async fn unread_count(&self, ctx: &Context<'_>) -> AppResult<u64> {
        store::unread_count(ctx.scope()?).await
    }
}

#[derive(Default)]
pub struct AlertsQuery;

#[Object]
impl AlertsQuery {
    /// The caller's alerts, newest first: those for them by name, and those
    /// for whoever may act on the unit and section concerned.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    async fn alerts(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Alert, AlertTotals, EmptyFields>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let rows = store::list(scope, page.after_key()?, page.fetch_limit()).await?;
        Ok(connection_with(&page, rows, |a| (a.created_at, a.id), Alert, AlertTotals))
    }
}

#[derive(Default)]
pub struct AlertsMutation;

#[Object]
impl AlertsMutation {
    /// Marks every alert of the caller written until now as read; answers how
    /// many are unread afterwards. The read mark is the person's own state,
    /// one statement, and not an audited act.
    async fn mark_alerts_read(&self, ctx: &Context<'_>) -> AppResult<u64> {
        let scope = ctx.scope()?;
        store::mark_read(scope.db(), scope.person_id(), Utc::now()).await?;
        store::unread_count(scope).await
    }
}

#[derive(Default)]
pub struct AlertsSubscription;

#[Subscription]
impl AlertsSubscription {
    /// Alerts for the caller as they are written (from the moment of
    /// subscribing), by the same audience rule as `alerts`.
    async fn alerts(&self, ctx: &Context<'_>) -> async_graphql::Result<impl Stream<Item = Alert>> {
        let scope = ctx.scope()?.clone();
        let bus = ctx.app_state()?.alerts.clone();
        Ok(live(scope, bus, Utc::now()))
    }
}

struct Live {
    scope: Scope,
    /// When the subscription started: nothing older is pushed.
    floor: DateTime<Utc>,
    wakes: tokio::sync::watch::Receiver<u64>,
    since: DateTime<Utc>,
    /// Alerts sent within the look-back, by id.
    sent: HashMap<Uuid, DateTime<Utc>>,
    queue: VecDeque<alert::Model>,
    bus_open: bool,
}

fn live(scope: Scope, bus: AlertBus, since: DateTime<Utc>) -> impl Stream<Item = Alert> {
    let state = Live {
        scope,
        floor: since,
        wakes: bus.subscribe(),
        since,
        sent: HashMap::new(),
        queue: VecDeque::new(),
        bus_open: true,
    };
    futures::stream::unfold(state, |mut live| async move {
        loop {
            if let Some(next) = live.queue.pop_front() {
                return Some((Alert(next), live));
            }
            live.wait().await;
            live.look().await;
        }
    })
}

impl Live {
    async fn wait(&mut self) {
        let poll = tokio::time::sleep(Duration::from_secs(POLL_EVERY_SECS));
        if !self.bus_open {
            return poll.await;
        }
        tokio::select! {
            changed = self.wakes.changed() => self.bus_open = changed.is_ok(),
            () = poll => {}
        }
    }

    async fn look(&mut self) {
        // A failed look is retried at the next wake or poll.
        let Ok(rows) = store::newer_than(&self.scope, self.floor.max(self.since - LOOKBACK)).await else { return };
        for row in rows {
            if self.sent.insert(row.id, row.created_at).is_none() {
                self.since = self.since.max(row.created_at);
                self.queue.push_back(row);
            }
        }
        let horizon = self.since - LOOKBACK;
        self.sent.retain(|_, at| *at > horizon);
    }
}
