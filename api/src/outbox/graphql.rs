//! Monitoring of the notifications outbox, for administrators: state,
//! attempts, errors and the delivery log of each message. Bodies, subjects
//! and signing secrets are never exposed; recipients only masked.

use std::collections::HashMap;

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use async_graphql::{Context, Enum, ID, InputObject, Lookahead, Object};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use entities::{outbox_delivery, outbox_message};

use super::domain::{Channel, DeliveryOutcome, Status, mask_recipient};
use super::store::{self, MessageFilter};
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::paging::Page;
use crate::kernel::sorting::{ListTotal, OrderBy, sorted_connection};
use crate::org::graphql::{OrgUnit, UnitLoader};
use crate::tenancy::Scope;

/// A notification in the outbox.
pub struct OutboxMessage(outbox_message::Model);

#[Object]
impl OutboxMessage {
    /// Also the `X-Accoglienza-Delivery` header of a webhook.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn channel(&self) -> Channel {
        self.0.channel
    }
    /// What the message announces, e.g. `quesito.answered`.
    async fn event(&self) -> &str {
        &self.0.event
    }
    async fn status(&self) -> Status {
        self.0.status
    }
    /// Masked: `m***@example.it` for an e-mail, only the origin of a webhook URL.
    async fn recipient(&self) -> String {
        mask_recipient(self.0.channel, &self.0.recipient)
    }
    /// The record the message is about, as the owning module names it (e.g. `webhook:<id>`).
    async fn reference(&self) -> Option<&str> {
        self.0.reference.as_deref()
    }
    /// Attempts made so far.
    async fn attempts(&self) -> i32 {
        self.0.attempts
    }
    /// When the next attempt is due (while PENDING).
    async fn next_attempt_at(&self) -> DateTime<Utc> {
        self.0.next_attempt_at
    }
    /// Why the last attempt failed (no personal data).
    async fn last_error(&self) -> Option<&str> {
        self.0.last_error.as_deref()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn sent_at(&self) -> Option<DateTime<Utc>> {
        self.0.sent_at
    }
    /// The unit the message belongs to; none for a professional's webhook.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        let Some(id) = self.0.unit_id else { return Ok(None) };
        let loader = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
        Ok(loader.load_one(id).await?.map(OrgUnit))
    }
    /// Every delivery attempt, oldest first.
    async fn deliveries(&self, ctx: &Context<'_>) -> AppResult<Vec<OutboxDelivery>> {
        let loader = ctx.data::<DeliveriesLoader>().map_err(AppError::internal)?;
        Ok(loader.load_one(self.0.id).await?.unwrap_or_default().into_iter().map(OutboxDelivery).collect())
    }
}

/// One delivery attempt.
pub struct OutboxDelivery(outbox_delivery::Model);

#[Object]
impl OutboxDelivery {
    /// 1 for the first attempt.
    async fn attempt(&self) -> i32 {
        self.0.attempt
    }
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
    async fn outcome(&self) -> DeliveryOutcome {
        self.0.outcome
    }
    /// HTTP status of a webhook, SMTP reply code of an e-mail.
    async fn status_code(&self) -> Option<i32> {
        self.0.status_code
    }
    /// Start of the receiver's reply.
    async fn response(&self) -> Option<&str> {
        self.0.response.as_deref()
    }
    async fn error(&self) -> Option<&str> {
        self.0.error.as_deref()
    }
    async fn duration_ms(&self) -> Option<i32> {
        self.0.duration_ms
    }
}

#[derive(InputObject, Default)]
pub struct OutboxMessageFilter {
    pub status: Option<Status>,
    pub channel: Option<Channel>,
}

/// What the list of notifications can be sorted by (default: creation, newest first).
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "store::MessageOrderField")]
pub enum OutboxMessageOrderField {
    /// When the message was queued.
    CreatedAt,
    /// When the next delivery attempt is due.
    NextAttemptAt,
    /// When it was delivered (the undelivered last ascending, first descending).
    SentAt,
}

#[derive(Default)]
pub struct OutboxQuery;

#[Object]
impl OutboxQuery {
    /// Notifications of the caller's units, newest first unless `orderBy` says otherwise (ADMIN). Unit-less
    /// messages (professionals' webhooks) are shown to administrators of a
    /// national root. Others get an empty list.
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    async fn outbox_messages(
        &self,
        ctx: &Context<'_>,
        filter: Option<OutboxMessageFilter>,
        order_by: Option<OrderBy<OutboxMessageOrderField>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, OutboxMessage, ListTotal, EmptyFields>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let filter = filter.unwrap_or_default();
        let filter = MessageFilter { status: filter.status, channel: filter.channel };
        let sort = store::message_sort(order_by.map(OrderBy::picked));
        let (rows, total) = store::list(scope, filter, &sort, &page).await?;
        prefetch(ctx, ctx.look_ahead().field("nodes"), &rows).await?;
        prefetch(ctx, ctx.look_ahead().field("edges").field("node"), &rows).await?;
        Ok(sorted_connection(&page, &sort, rows, |m| m.id, OutboxMessage, total))
    }
}

#[derive(Default)]
pub struct OutboxMutation;

#[Object]
impl OutboxMutation {
    /// Makes a FAILED or waiting (PENDING) message due now (ADMIN). A FAILED
    /// message that had used all its attempts gets one more. A sent, cancelled
    /// or in-flight message is a CONFLICT.
    async fn retry_outbox_message(&self, ctx: &Context<'_>, id: ID) -> AppResult<OutboxMessage> {
        // A malformed id is the client's input error, as everywhere (kernel::ids).
        let id = crate::kernel::ids::parse_uuid("id", id.as_str())?;
        Ok(OutboxMessage(super::operations::retry(ctx.scope()?, id).await?))
    }
}

/// Loads, in one call per loader, what the selection will ask of each message
/// of a page (`unit`, `deliveries`), so the statements do not grow with the rows.
async fn prefetch(ctx: &Context<'_>, selection: Lookahead<'_>, rows: &[outbox_message::Model]) -> AppResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    if selection.field("unit").exists() {
        let units = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
        units.load_many(rows.iter().filter_map(|m| m.unit_id)).await?;
    }
    if selection.field("deliveries").exists() {
        let deliveries = ctx.data::<DeliveriesLoader>().map_err(AppError::internal)?;
        deliveries.load_many(rows.iter().map(|m| m.id)).await?;
    }
    Ok(())
}

/// Per-request loader of delivery logs (cached for the request).
pub type DeliveriesLoader = DataLoader<DeliveriesByMessage, HashMapCache>;

/// Delivery logs of the messages on a page, in one scoped query.
pub struct DeliveriesByMessage(pub Scope);

impl Loader<Uuid> for DeliveriesByMessage {
    type Value = Vec<outbox_delivery::Model>;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let mut map: HashMap<Uuid, Vec<outbox_delivery::Model>> = HashMap::new();
        for d in store::deliveries_in_scope(&self.0, keys).await? {
            map.entry(d.message_id).or_default().push(d);
        }
        Ok(map)
    }
}
