//! Webhooks: the JSON body POSTed to the partner's URL, signed (see
//! [`crate::outbox::domain::sign`]). 2xx is delivered; any other status, a
//! timeout or a connection error is retried. Redirects are not followed (a
//! redirect is a failure), so the signed body only ever goes where it was registered.

use std::time::Duration;

use chrono::Utc;
use reqwest::header::CONTENT_TYPE;

use entities::outbox_message;

use super::{Delivered, DeliveryResult, Failure, error_chain};
use crate::outbox::domain::{HEADER_DELIVERY, HEADER_EVENT, HEADER_SIGNATURE, HEADER_TIMESTAMP, redact, sign};

/// How much of the receiver's reply goes into the delivery log.
const MAX_RESPONSE_BYTES: usize = 512;

/// reqwest is built without a bundled TLS crypto provider (the default one,
/// aws-lc, is a large C build); this installs ring, which sqlx already brings,
/// as the process-wide default. Any `reqwest::Client` (tests' too) needs it
/// first; `Application::build` calls it. Installing twice is harmless.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

pub struct WebhookTransport {
    client: reqwest::Client,
}

impl WebhookTransport {
    pub fn new(timeout: Duration) -> anyhow::Result<Self> {
        install_crypto_provider();
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Accoglienza-Webhooks/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(WebhookTransport { client })
    }

    pub async fn send(&self, message: &outbox_message::Model) -> DeliveryResult {
        let Some(secret) = message.signing_secret.as_deref() else {
            return Err(Failure::permanent("no signing secret stored for this webhook"));
        };
        let timestamp = Utc::now().timestamp();
        let request = self
            .client
            .post(&message.recipient)
            .header(CONTENT_TYPE, "application/json")
            .header(HEADER_EVENT, &message.event)
            .header(HEADER_DELIVERY, message.id.to_string())
            .header(HEADER_TIMESTAMP, timestamp.to_string())
            .header(HEADER_SIGNATURE, sign(secret, timestamp, &message.body))
            .body(message.body.clone());
        let mut response = match request.send().await {
            Ok(response) => response,
            Err(err) => {
                let kind = if err.is_timeout() { "timeout: " } else { "" };
                return Err(Failure::transient(format!("{kind}{}", error_chain(&err.without_url()))));
            }
        };
        let status = response.status();
        let mut head = Vec::new();
        while head.len() < MAX_RESPONSE_BYTES {
            match response.chunk().await {
                Ok(Some(chunk)) => head.extend_from_slice(&chunk[..chunk.len().min(MAX_RESPONSE_BYTES - head.len())]),
                _ => break,
            }
        }
        let text = redact(&String::from_utf8_lossy(&head));
        let text = (!text.is_empty()).then_some(text);
        let code = Some(i32::from(status.as_u16()));
        if status.is_success() {
            Ok(Delivered { status_code: code, response: text })
        } else {
            Err(Failure { status_code: code, response: text, error: format!("HTTP {status}"), permanent: false })
        }
    }
}
