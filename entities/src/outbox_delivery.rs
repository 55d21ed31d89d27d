use sea_orm::entity::prelude::*;

/// One delivery attempt of an outbox message. Append-only.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_delivery")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub message_id: Uuid,
    /// 1 for the first attempt.
    pub attempt: i32,
    pub at: DateTimeUtc,
    /// `SENT`, `RETRY` (failed, will retry), `FAILED` (failed, gave up) or
    /// `LEASE_EXPIRED` (the worker vanished mid-attempt).
    pub outcome: DeliveryOutcome,
    /// HTTP status of a webhook, SMTP reply code of an e-mail.
    pub status_code: Option<i32>,
    /// Start of the receiver's reply, without personal data.
    pub response: Option<String>,
    pub error: Option<String>,
    pub duration_ms: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

closed_list! {
    /// Outcome of one delivery attempt, as kept in the delivery log.
    DeliveryOutcome {
        /// Delivered (2xx, or accepted by the mail server).
        Sent = "SENT",
        /// Failed; another attempt is scheduled.
        Retry = "RETRY",
        /// Failed; no more attempts.
        Failed = "FAILED",
        /// The worker holding the message vanished before recording an outcome.
        LeaseExpired = "LEASE_EXPIRED",
    }
}
