//! Outbox storage: enqueueing (inside the caller's transaction), the worker's
//! claim-and-record cycle, and the scoped reads of the admin list.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait, TryInsertResult,
};
use uuid::Uuid;

use entities::{outbox_delivery, outbox_message};

use super::domain::{Channel, DeliveryOutcome, NewMessage, Status, is_root_path};
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::paging::{self, Direction, Page};
use crate::kernel::sorting::{self, ListTotal, Sort, SortField};
use crate::tenancy::{Scope, UnitScope};

use outbox_message::Column as M;

/// What [`enqueue`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnqueueOutcome {
    /// A new message, with this id.
    Enqueued(Uuid),
    /// A message with the same dedupe key already existed (whatever its state); nothing changed.
    AlreadyQueued(Uuid),
}

impl EnqueueOutcome {
    /// The id of the message standing for this notification.
    pub fn id(self) -> Uuid {
        match self {
            EnqueueOutcome::Enqueued(id) | EnqueueOutcome::AlreadyQueued(id) => id,
        }
    }

    pub fn is_new(self) -> bool {
        matches!(self, EnqueueOutcome::Enqueued(_))
    }
}

/// Puts a notification in the outbox. Pass the caller's transaction, so the
/// change and its notification commit (or roll back) together. Idempotent on
/// `dedupe_key`: `INSERT … ON CONFLICT (dedupe_key) DO NOTHING`, which on
/// PostgreSQL does not abort the surrounding transaction.
pub async fn enqueue(conn: &impl ConnectionTrait, msg: NewMessage) -> AppResult<EnqueueOutcome> {
    msg.validate()?;
    let now = Utc::now();
    let id = Uuid::now_v7();
    let dedupe_key = msg.dedupe_key.clone();
    let row = outbox_message::ActiveModel {
        id: Set(id),
        channel: Set(msg.channel),
        event: Set(msg.event),
        dedupe_key: Set(msg.dedupe_key),
        unit_id: Set(msg.unit_id),
        reference: Set(msg.reference),
        recipient: Set(msg.recipient),
        subject: Set(msg.subject),
        sender: Set(msg.sender),
        cc: Set(msg.cc),
        body: Set(msg.body),
        attachment_name: Set(msg.attachment.as_ref().map(|a| a.name.clone())),
        attachment: Set(msg.attachment.map(|a| a.text)),
        signing_secret: Set(msg.signing_secret),
        status: Set(Status::Pending),
        attempts: Set(0),
        next_attempt_at: Set(msg.not_before.unwrap_or(now)),
        locked_until: Set(None),
        lease_token: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
    };
    let inserted = outbox_message::Entity::insert(row)
        .on_conflict_do_nothing_on([M::DedupeKey])
        .exec_without_returning(conn)
        .await?;
    if matches!(inserted, TryInsertResult::Inserted(n) if n > 0) {
        return Ok(EnqueueOutcome::Enqueued(id));
    }
    let existing = outbox_message::Entity::find()
        .select_only()
        .column(M::Id)
        .filter(M::DedupeKey.eq(dedupe_key))
        .into_tuple::<Uuid>()
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("outbox insert conflicted but no row has the dedupe key"))?;
    Ok(EnqueueOutcome::AlreadyQueued(existing))
}

/// Withdraws a message that has not left yet (e.g. the appointment it reminds
/// of was cancelled). True when it was pending and is now `CANCELLED`; false
/// when there is no such message, or it is being sent or already done.
pub async fn cancel(conn: &impl ConnectionTrait, dedupe_key: &str, now: DateTime<Utc>) -> AppResult<bool> {
    let res = outbox_message::Entity::update_many()
        .col_expr(M::Status, Expr::value(Status::Cancelled.as_str()))
        .col_expr(M::SigningSecret, Expr::value(Option::<String>::None))
        .filter(M::DedupeKey.eq(dedupe_key))
        .filter(M::Status.eq(Status::Pending.as_str()))
        .filter(lease_free(now))
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// The message standing for a dedupe key, whatever its state. For the owning
/// module (which knows the key because it made it) and for tests.
pub async fn by_dedupe_key(conn: &impl ConnectionTrait, dedupe_key: &str) -> AppResult<Option<outbox_message::Model>> {
    Ok(outbox_message::Entity::find().filter(M::DedupeKey.eq(dedupe_key)).one(conn).await?)
}

/// Messages attached to one record by the owning module (e.g. `webhook:<id>`),
/// newest first, keyset on id. The caller must already have checked that the
/// signed-in person may see that record (e.g. owns the webhook).
pub async fn by_reference(
    conn: &impl ConnectionTrait,
    reference: &str,
    before: Option<Uuid>,
    limit: u64,
) -> AppResult<Vec<outbox_message::Model>> {
    let mut query = outbox_message::Entity::find().filter(M::Reference.eq(reference));
    if let Some(before) = before {
        query = query.filter(paging::after_id((outbox_message::Entity, M::Id), before, Direction::Descending));
    }
    Ok(query.order_by_desc(M::Id).limit(limit).all(conn).await?)
}

/// The delivery log of some messages, oldest attempt first. For the owning
/// module after its own access check; the admin list uses [`deliveries_in_scope`].
pub async fn deliveries_of(
    conn: &impl ConnectionTrait,
    message_ids: &[Uuid],
) -> AppResult<Vec<outbox_delivery::Model>> {
    Ok(outbox_delivery::Entity::find()
        .filter(outbox_delivery::Column::MessageId.is_in(message_ids.iter().copied()))
        .order_by_asc(outbox_delivery::Column::MessageId)
        .order_by_asc(outbox_delivery::Column::Attempt)
        .order_by_asc(outbox_delivery::Column::Id)
        .all(conn)
        .await?)
}

// ---------------------------------------------------------------------------
// The worker's side
// ---------------------------------------------------------------------------

/// No live lease: never claimed, released, or its worker is gone.
fn lease_free(now: DateTime<Utc>) -> Condition {
    Condition::any().add(M::LockedUntil.is_null()).add(M::LockedUntil.lt(now))
}

/// A message this worker holds the lease on.
#[derive(Clone, Debug)]
pub struct Claim {
    /// The message as claimed: `attempts` already counts this attempt.
    pub message: outbox_message::Model,
    pub lease_token: Uuid,
}

impl Claim {
    pub fn attempt(&self) -> i32 {
        self.message.attempts
    }
}

/// Claims up to `limit` due messages for `lease`. Each claim is a
/// compare-and-set `UPDATE … WHERE id = ? AND status = ? AND attempts = ?
/// AND (locked_until IS NULL OR locked_until < now)`: of several workers
/// racing for a message exactly one updates the row, the others see 0 rows
/// and move on. A message found `SENDING` with an expired lease belongs to a
/// worker that died mid-attempt; that attempt is logged as `LEASE_EXPIRED`.
pub async fn claim_due(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    lease: Duration,
    limit: u64,
) -> AppResult<Vec<Claim>> {
    let candidates = outbox_message::Entity::find()
        .filter(M::Status.is_in([Status::Pending.as_str(), Status::Sending.as_str()]))
        .filter(M::NextAttemptAt.lte(now))
        .filter(lease_free(now))
        .order_by_asc(M::NextAttemptAt)
        .order_by_asc(M::Id)
        .limit(limit)
        .all(db)
        .await?;
    let locked_until = now + chrono::Duration::from_std(lease).map_err(AppError::internal)?;
    let mut claims = Vec::with_capacity(candidates.len());
    for mut message in candidates {
        let token = Uuid::new_v4();
        let txn = db.begin().await?;
        let res = outbox_message::Entity::update_many()
            .col_expr(M::Status, Expr::value(Status::Sending.as_str()))
            .col_expr(M::LockedUntil, Expr::value(locked_until))
            .col_expr(M::LeaseToken, Expr::value(token))
            .col_expr(M::Attempts, Expr::col(M::Attempts).add(1))
            .filter(M::Id.eq(message.id))
            .filter(M::Status.eq(message.status.as_str()))
            .filter(M::Attempts.eq(message.attempts))
            .filter(lease_free(now))
            .exec(&txn)
            .await?;
        if res.rows_affected != 1 {
            // Another worker was faster.
            continue;
        }
        if message.status == Status::Sending {
            log_delivery(
                &txn,
                message.id,
                message.attempts,
                now,
                DeliveryOutcome::LeaseExpired,
                None,
                None,
                Some("il worker si è interrotto durante l'invio / the worker stopped during the attempt".to_owned()),
                None,
            )
            .await?;
        }
        txn.commit().await?;
        message.status = Status::Sending;
        message.locked_until = Some(locked_until);
        message.lease_token = Some(token);
        message.attempts += 1;
        claims.push(Claim { message, lease_token: token });
    }
    Ok(claims)
}

/// How an attempt ended, as the worker decided from the transport's answer.
#[derive(Clone, Debug)]
pub struct AttemptRecord {
    pub outcome: DeliveryOutcome,
    /// For `Retry`: when to try again.
    pub retry_at: Option<DateTime<Utc>>,
    pub status_code: Option<i32>,
    pub response: Option<String>,
    /// Already free of personal data.
    pub error: Option<String>,
    pub duration_ms: Option<i32>,
}

/// Records the outcome of a claimed attempt: the message's new state (only if
/// this claim still holds the lease) and a delivery-log row, in one transaction.
/// Returns false when the lease had been lost (taken over after expiry).
pub async fn record_attempt(
    db: &DatabaseConnection,
    claim: &Claim,
    rec: AttemptRecord,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let txn = db.begin().await?;
    let mut update = outbox_message::Entity::update_many()
        .col_expr(M::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(M::LeaseToken, Expr::value(Option::<Uuid>::None));
    update = match rec.outcome {
        DeliveryOutcome::Sent => update
            .col_expr(M::Status, Expr::value(Status::Sent.as_str()))
            .col_expr(M::SentAt, Expr::value(now))
            .col_expr(M::LastError, Expr::value(Option::<String>::None))
            // The key is not needed any more: do not keep it.
            .col_expr(M::SigningSecret, Expr::value(Option::<String>::None)),
        DeliveryOutcome::Retry => update
            .col_expr(M::Status, Expr::value(Status::Pending.as_str()))
            .col_expr(M::NextAttemptAt, Expr::value(rec.retry_at.unwrap_or(now)))
            .col_expr(M::LastError, Expr::value(rec.error.clone())),
        DeliveryOutcome::Failed | DeliveryOutcome::LeaseExpired => update
            .col_expr(M::Status, Expr::value(Status::Failed.as_str()))
            .col_expr(M::LastError, Expr::value(rec.error.clone())),
    };
    let res = update
        .filter(M::Id.eq(claim.message.id))
        .filter(M::LeaseToken.eq(claim.lease_token))
        .filter(M::Status.eq(Status::Sending.as_str()))
        .exec(&txn)
        .await?;
    log_delivery(
        &txn,
        claim.message.id,
        claim.attempt(),
        now,
        rec.outcome,
        rec.status_code,
        rec.response,
        rec.error,
        rec.duration_ms,
    )
    .await?;
    txn.commit().await?;
    Ok(res.rows_affected == 1)
}

#[allow(clippy::too_many_arguments)]
async fn log_delivery(
    conn: &impl ConnectionTrait,
    message_id: Uuid,
    attempt: i32,
    at: DateTime<Utc>,
    outcome: DeliveryOutcome,
    status_code: Option<i32>,
    response: Option<String>,
    error: Option<String>,
    duration_ms: Option<i32>,
) -> AppResult<()> {
    outbox_delivery::Entity::insert(outbox_delivery::ActiveModel {
        id: Set(Uuid::now_v7()),
        message_id: Set(message_id),
        attempt: Set(attempt),
        at: Set(at),
        outcome: Set(outcome),
        status_code: Set(status_code),
        response: Set(response),
        error: Set(error),
        duration_ms: Set(duration_ms),
    })
    .exec(conn)
    .await?;
    Ok(())
}

// ---------------------------------------------------------------------------
// The admin's side (scoped)
// ---------------------------------------------------------------------------

/// Which messages an action reaches: those of units in the caller's scope,
/// plus the unit-less ones (person-owned, e.g. professionals' webhooks) for
/// whoever holds the action on a whole national root.
fn visible(units: &UnitScope) -> Condition {
    let by_unit = units.unit_id_condition(Expr::col((outbox_message::Entity, M::UnitId)));
    let national = match units {
        UnitScope::Everywhere => true,
        UnitScope::Under(prefixes) => prefixes.iter().any(|p| is_root_path(p)),
    };
    let mut cond = Condition::any().add(by_unit);
    if national {
        cond = cond.add(M::UnitId.is_null());
    }
    cond
}

#[derive(Default, Clone, Debug)]
pub struct MessageFilter {
    pub status: Option<Status>,
    pub channel: Option<Channel>,
}

/// What the list of messages can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageOrderField {
    CreatedAt,
    NextAttemptAt,
    SentAt,
}

impl SortField for MessageOrderField {
    type Column = M;
    fn name(self) -> &'static str {
        match self {
            MessageOrderField::CreatedAt => "createdAt",
            MessageOrderField::NextAttemptAt => "nextAttemptAt",
            MessageOrderField::SentAt => "sentAt",
        }
    }
    fn column(self) -> M {
        match self {
            MessageOrderField::CreatedAt => M::CreatedAt,
            MessageOrderField::NextAttemptAt => M::NextAttemptAt,
            MessageOrderField::SentAt => M::SentAt,
        }
    }
}

/// The list's order: as picked, else by creation time, newest first.
pub fn message_sort(picked: Option<(MessageOrderField, Direction)>) -> Sort<M> {
    Sort::pick(picked, (MessageOrderField::CreatedAt, Direction::Descending))
}

/// A page of the messages the caller may monitor in `sort`'s order, and their total.
pub async fn list(
    scope: &Scope,
    filter: MessageFilter,
    sort: &Sort<M>,
    page: &Page,
) -> AppResult<(Vec<outbox_message::Model>, ListTotal)> {
    let units = scope.units_for(Action::OutboxRead);
    let mut query = outbox_message::Entity::find().filter(visible(&units));
    if let Some(status) = filter.status {
        query = query.filter(M::Status.eq(status.as_str()));
    }
    if let Some(channel) = filter.channel {
        query = query.filter(M::Channel.eq(channel.as_str()));
    }
    sorting::page_of(scope, query, sort, M::Id, page).await
}

/// One message the caller may act on with `action`, or `None` (outside the scope looks like absent).
pub async fn find_in_scope(
    scope: &Scope,
    conn: &impl ConnectionTrait,
    action: Action,
    id: Uuid,
) -> AppResult<Option<outbox_message::Model>> {
    let units = scope.units_for(action);
    Ok(outbox_message::Entity::find_by_id(id).filter(visible(&units)).one(conn).await?)
}

/// The path of a message's unit (to authorise an action on the message).
pub async fn unit_path(conn: &impl ConnectionTrait, unit_id: Uuid) -> AppResult<Option<String>> {
    Ok(entities::org_unit::Entity::find_by_id(unit_id).one(conn).await?.map(|u| u.path))
}

/// Delivery logs of messages the caller may read (for the DataLoader).
pub async fn deliveries_in_scope(scope: &Scope, message_ids: &[Uuid]) -> AppResult<Vec<outbox_delivery::Model>> {
    let units = scope.units_for(Action::OutboxRead);
    let mut visible_ids = sea_orm::sea_query::Query::select();
    visible_ids
        .column(M::Id)
        .from(outbox_message::Entity)
        .cond_where(visible(&units))
        .and_where(Expr::col(M::Id).is_in(message_ids.iter().copied()));
    Ok(outbox_delivery::Entity::find()
        .filter(outbox_delivery::Column::MessageId.in_subquery(visible_ids))
        .order_by_asc(outbox_delivery::Column::MessageId)
        .order_by_asc(outbox_delivery::Column::Attempt)
        .order_by_asc(outbox_delivery::Column::Id)
        .all(scope.db())
        .await?)
}

/// Makes a `PENDING` or `FAILED` message due now. A `FAILED` one gets exactly
/// one more attempt (if that fails too it is `FAILED` again, with the new
/// error); a `PENDING` one keeps its remaining attempts. 0 rows (sent, being
/// sent, cancelled, or changed meanwhile) is a `CONFLICT`.
pub async fn make_due_now(
    conn: &impl ConnectionTrait,
    message: &outbox_message::Model,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let res = outbox_message::Entity::update_many()
        .col_expr(M::Status, Expr::value(Status::Pending.as_str()))
        .col_expr(M::NextAttemptAt, Expr::value(now))
        .filter(M::Id.eq(message.id))
        .filter(M::Status.eq(message.status.as_str()))
        .filter(M::Status.is_in([Status::Pending.as_str(), Status::Failed.as_str()]))
        .filter(M::Attempts.eq(message.attempts))
        .filter(lease_free(now))
        .exec(conn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AppError::conflict(
            "Il messaggio è già stato inviato, è in invio o è stato annullato",
            "The message was already sent, is being sent, or was cancelled",
        ));
    }
    Ok(())
}
