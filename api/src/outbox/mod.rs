//! The notifications outbox: e-mails to citizens and signed webhooks to
//! partner apps, written in the same transaction as the change they announce
//! and delivered afterwards by a worker, with retries and a delivery log.
//!
//! For other modules' operations (see `crate::kernel::Operation`):
//! ```ignore
//! use crate::outbox::NewMessage;
//! let op = Operation::begin(scope, acting).await?;
//! // … the change, its audit event …
//! op.notify(NewMessage::email(format!("quesito:{id}:answered"), to, subject, body)
//!     .event("quesito.answered").unit(unit_id)).await?;
//! op.commit().await?;
//! ```
//! Code without a caller (workers, seeding) calls [`enqueue`] in its own
//! transaction (`crate::kernel::write_txn::begin_write`).
//! Delivery is at least once: a worker that dies after sending but before
//! recording it causes one resend after its lease. Webhook receivers
//! de-duplicate on `X-Accoglienza-Delivery`; e-mails carry a stable `Message-ID`.

pub mod domain;
pub mod graphql;
pub mod operations;
pub mod store;
pub mod transport;
pub mod worker;

pub use domain::{Channel, NewMessage, Status};
pub use store::{EnqueueOutcome, by_dedupe_key, cancel, enqueue};
pub use worker::drain_once;
