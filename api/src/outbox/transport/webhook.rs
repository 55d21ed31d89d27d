//! Webhooks: the JSON body POSTed to the partner's URL, signed (see
//! [`crate::outbox::domain::sign`]). 2xx is delivered; any other status, a
//! timeout or a connection error is retried. Redirects are not followed (a
//! redirect is a failure), so the signed body only ever goes where it was registered.
//!
//! Unless `OUTBOX_WEBHOOK_ALLOW_PRIVATE` is on (development), the client
//! connects only to public addresses ([`crate::net::is_public_address`]): a
//! name is resolved by [`PublicOnlyResolver`], which drops the others, so the
//! address connected to is the one checked (no DNS-rebinding window); an IP
//! literal (which reqwest does not resolve) is checked before the request;
//! and no proxy is used (a proxy would resolve the name itself).

use std::time::Duration;

use chrono::Utc;
use reqwest::header::CONTENT_TYPE;

use entities::outbox_message;

use super::{Delivered, DeliveryResult, Failure, error_chain};
use crate::net::{NO_PUBLIC_ADDRESS, PublicOnlyResolver, is_public_address};
use crate::outbox::domain::{
    HEADER_DELIVERY, HEADER_EVENT, HEADER_SIGNATURE, HEADER_TIMESTAMP, redact, sign_with_each,
};

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
    allow_private: bool,
}

impl WebhookTransport {
    pub fn new(timeout: Duration, allow_private: bool) -> anyhow::Result<Self> {
        install_crypto_provider();
        let mut builder = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Accoglienza-Webhooks/", env!("CARGO_PKG_VERSION")));
        if !allow_private {
            builder = builder.dns_resolver(std::sync::Arc::new(PublicOnlyResolver)).no_proxy();
        }
        Ok(WebhookTransport { client: builder.build()?, allow_private })
    }

    /// A URL whose host is a non-public IP address: permanent, the address
    /// cannot change. (Names are checked by the resolver, on each attempt.)
    fn refuse_address(&self, url: &str) -> Option<Failure> {
        if self.allow_private {
            return None;
        }
        let ip: std::net::IpAddr = match url::Url::parse(url).ok()?.host()? {
            url::Host::Ipv4(ip) => ip.into(),
            url::Host::Ipv6(ip) => ip.into(),
            url::Host::Domain(_) => return None,
        };
        (!is_public_address(ip)).then(|| Failure::permanent(format!("refused: {ip} is not a public address")))
    }

    pub async fn send(&self, message: &outbox_message::Model) -> DeliveryResult {
        let Some(secret) = message.signing_secret.as_deref() else {
            return Err(Failure::permanent("no signing secret stored for this webhook"));
        };
        if let Some(refused) = self.refuse_address(&message.recipient) {
            return Err(refused);
        }
        let timestamp = Utc::now().timestamp();
        let request = self
            .client
            .post(&message.recipient)
            .header(CONTENT_TYPE, "application/json")
            .header(HEADER_EVENT, &message.event)
            .header(HEADER_DELIVERY, message.id.to_string())
            .header(HEADER_TIMESTAMP, timestamp.to_string())
            .header(HEADER_SIGNATURE, sign_with_each(secret, timestamp, &message.body))
            .body(message.body.clone());
        let mut response = match request.send().await {
            Ok(response) => response,
            Err(err) => {
                let kind = if err.is_timeout() { "timeout: " } else { "" };
                let text = format!("{kind}{}", error_chain(&err.without_url()));
                // A name resolving only to non-public addresses is refused, not
                // sent; retried (DNS may be corrected) up to OUTBOX_MAX_ATTEMPTS.
                let text = if text.contains(NO_PUBLIC_ADDRESS) { format!("refused: {text}") } else { text };
                return Err(Failure::transient(text));
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
