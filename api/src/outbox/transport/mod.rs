//! How messages leave: e-mail (file in development, SMTP when configured)
//! and webhooks (signed HTTP POST). A transport answers with what happened;
//! the worker decides what that means for the message.

pub mod email;
pub mod webhook;

use entities::outbox_message;

use super::domain::{Channel, redact};
use crate::config::OutboxSettings;

pub use email::EmailTransport;
pub use webhook::WebhookTransport;

/// The receiver took the message.
#[derive(Clone, Debug, Default)]
pub struct Delivered {
    /// HTTP status, or SMTP reply code.
    pub status_code: Option<i32>,
    /// Start of the receiver's reply, without personal data.
    pub response: Option<String>,
}

/// The attempt failed.
#[derive(Clone, Debug, Default)]
pub struct Failure {
    pub status_code: Option<i32>,
    pub response: Option<String>,
    /// Without personal data (see [`redact`]).
    pub error: String,
    /// Retrying cannot help (e.g. the mail server rejected the address).
    pub permanent: bool,
}

impl Failure {
    pub fn transient(error: impl AsRef<str>) -> Self {
        Failure { error: redact(error.as_ref()), ..Failure::default() }
    }

    pub fn permanent(error: impl AsRef<str>) -> Self {
        Failure { error: redact(error.as_ref()), permanent: true, ..Failure::default() }
    }
}

pub type DeliveryResult = Result<Delivered, Failure>;

/// Both transports, built once per worker.
pub struct Transports {
    pub email: EmailTransport,
    pub webhook: WebhookTransport,
}

impl Transports {
    pub fn from_settings(settings: &OutboxSettings) -> anyhow::Result<Self> {
        Ok(Transports {
            email: EmailTransport::from_settings(settings)?,
            webhook: WebhookTransport::new(settings.webhook_timeout, settings.webhook_allow_private)?,
        })
    }

    pub async fn deliver(&self, message: &outbox_message::Model) -> DeliveryResult {
        match message.channel {
            Channel::Email => self.email.send(message).await,
            Channel::Webhook => self.webhook.send(message).await,
        }
    }
}

/// An error and its causes on one line ("error sending request: connection refused").
pub(crate) fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let next = cause.to_string();
        if !text.contains(&next) {
            text.push_str(": ");
            text.push_str(&next);
        }
        source = cause.source();
    }
    text
}
