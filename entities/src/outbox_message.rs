use sea_orm::entity::prelude::*;

/// A notification waiting for, or done with, delivery. Written by the module
/// that causes it, in its own transaction; sent by the outbox worker.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_message")]
pub struct Model {
    /// UUIDv7; also the delivery id partner apps see (`X-Accoglienza-Delivery`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `EMAIL` or `WEBHOOK`.
    pub channel: Channel,
    /// What happened, e.g. `quesito.answered`, `procura.revoked`.
    pub event: String,
    /// One logical notification, e.g. `appointment:<id>:reminder`.
    #[sea_orm(unique)]
    pub dedupe_key: String,
    /// Owning unit, for the admin's scope; `None` for person-owned messages (webhooks).
    pub unit_id: Option<Uuid>,
    /// The record the owning module attaches the message to, e.g. `webhook:<id>`.
    pub reference: Option<String>,
    /// E-mail address or URL. Personal data: never logged, shown masked.
    pub recipient: String,
    pub subject: Option<String>,
    /// An e-mail's own sender (e.g. the operator's address); `None`: the server's `OUTBOX_MAIL_FROM`.
    pub sender: Option<String>,
    /// An e-mail's copy (e.g. the office's function mailbox). Personal data like the recipient.
    pub cc: Option<String>,
    /// E-mail text or JSON payload. Personal data: never logged nor shown.
    pub body: String,
    /// An e-mail's attachment's file name (e.g. a report's CSV); `None`: no attachment.
    pub attachment_name: Option<String>,
    /// The attachment's text (UTF-8). Personal data like the body.
    pub attachment: Option<String>,
    /// HMAC key of a webhook; read by the worker only, erased once sent.
    pub signing_secret: Option<String>,
    /// `PENDING`, `SENDING`, `SENT`, `FAILED` (gave up) or `CANCELLED`.
    pub status: Status,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    /// Lease of the worker sending it; past = the worker is gone.
    pub locked_until: Option<DateTimeUtc>,
    /// Which claim holds the lease: only its holder may record the outcome.
    pub lease_token: Option<Uuid>,
    /// Last failure, without personal data.
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

closed_list! {
    /// How a message travels.
    Channel {
        Email = "EMAIL",
        Webhook = "WEBHOOK",
    }
}

closed_list! {
    /// Where a message is in its life:
    /// `PENDING → SENDING → SENT`, `SENDING → PENDING` (retry scheduled),
    /// `SENDING → FAILED` (gave up), `FAILED → PENDING` (an admin retries),
    /// `PENDING → CANCELLED` (the owning module withdrew it before it left).
    /// A `SENDING` message whose lease expired is claimable again: its worker died.
    Status {
        Pending = "PENDING",
        Sending = "SENDING",
        Sent = "SENT",
        /// Gave up after the last attempt, or on a permanent refusal.
        Failed = "FAILED",
        Cancelled = "CANCELLED",
    }
}
