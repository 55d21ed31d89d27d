//! Outbox rules: message kinds and states, validation of what is enqueued,
//! the retry schedule, webhook signatures, and keeping personal data out of
//! logs and error columns. Pure functions, tested below.

use std::time::Duration;

use chrono::{DateTime, Utc};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use uuid::Uuid;

use crate::error::{AppError, AppResult};

pub use entities::outbox_delivery::DeliveryOutcome;
pub use entities::outbox_message::{Channel, Status};

pub const MAX_DEDUPE_KEY_LEN: usize = 200;
pub const MAX_EVENT_LEN: usize = 64;
pub const MAX_REFERENCE_LEN: usize = 100;
pub const MAX_URL_LEN: usize = 2048;
pub const MAX_SUBJECT_LEN: usize = 255;
/// Large enough for any notification we write; a bigger body is a bug upstream.
pub const MAX_BODY_LEN: usize = 256 * 1024;
/// A national report's CSV with its per-person tables stays well below this.
pub const MAX_ATTACHMENT_LEN: usize = 8 * 1024 * 1024;

/// A text file carried by an e-mail (a report's CSV).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    /// The file name people see, e.g. `rapporto-UT-CA1-2026-12-07.csv`.
    pub name: String,
    pub text: String,
}

/// A notification to enqueue. Build it with [`NewMessage::email`] or
/// [`NewMessage::webhook`], refine it with the `with_*`/`unit`/`not_before`
/// methods, and pass it to [`crate::outbox::enqueue`].
#[derive(Clone, Debug)]
pub struct NewMessage {
    pub channel: Channel,
    pub dedupe_key: String,
    pub event: String,
    pub recipient: String,
    pub subject: Option<String>,
    /// An e-mail's own sender; `None`: the server's (`OUTBOX_MAIL_FROM`).
    pub sender: Option<String>,
    /// An e-mail's copy.
    pub cc: Option<String>,
    pub body: String,
    /// An e-mail's attachment.
    pub attachment: Option<Attachment>,
    pub signing_secret: Option<String>,
    pub unit_id: Option<Uuid>,
    pub reference: Option<String>,
    pub not_before: Option<DateTime<Utc>>,
}

impl NewMessage {
    /// A plain-text e-mail. `dedupe_key` names the logical notification
    /// (e.g. `quesito:<id>:answered`): enqueueing it again is a no-op.
    pub fn email(
        dedupe_key: impl Into<String>,
        to: impl Into<String>,
        subject: impl Into<String>,
        body: impl Into<String>,
    ) -> Self {
        NewMessage {
            channel: Channel::Email,
            dedupe_key: dedupe_key.into(),
            event: "notification".to_owned(),
            recipient: to.into(),
            subject: Some(subject.into()),
            sender: None,
            cc: None,
            body: body.into(),
            attachment: None,
            signing_secret: None,
            unit_id: None,
            reference: None,
            not_before: None,
        }
    }

    /// A signed JSON POST to `url`. The event name (`X-Accoglienza-Event`) is
    /// the payload's `"event"` string when it has one; set it with
    /// [`NewMessage::event`] otherwise.
    pub fn webhook(
        dedupe_key: impl Into<String>,
        url: impl Into<String>,
        json_payload: &serde_json::Value,
        signing_secret: impl Into<String>,
    ) -> Self {
        let event = json_payload.get("event").and_then(serde_json::Value::as_str).unwrap_or("notification").to_owned();
        NewMessage {
            channel: Channel::Webhook,
            dedupe_key: dedupe_key.into(),
            event,
            recipient: url.into(),
            subject: None,
            sender: None,
            cc: None,
            body: json_payload.to_string(),
            attachment: None,
            signing_secret: Some(signing_secret.into()),
            unit_id: None,
            reference: None,
            not_before: None,
        }
    }

    /// What happened, e.g. `quesito.answered` (shown to admins, sent as `X-Accoglienza-Event`).
    pub fn event(mut self, event: impl Into<String>) -> Self {
        self.event = event.into();
        self
    }

    /// Sent as this person (`From:`), the server's address staying the `Sender:`.
    pub fn from_address(mut self, address: impl Into<String>) -> Self {
        self.sender = Some(address.into());
        self
    }

    /// With this address in copy (`Cc:`).
    pub fn cc(mut self, address: impl Into<String>) -> Self {
        self.cc = Some(address.into());
        self
    }

    /// With this file attached (e-mails only).
    pub fn attach(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.attachment = Some(Attachment { name: name.into(), text: text.into() });
        self
    }

    /// The unit owning the message: admins of that unit (or above) see it.
    pub fn unit(mut self, unit_id: Uuid) -> Self {
        self.unit_id = Some(unit_id);
        self
    }

    /// The record the owning module lists deliveries by, e.g. `webhook:<id>`.
    pub fn reference(mut self, reference: impl Into<String>) -> Self {
        self.reference = Some(reference.into());
        self
    }

    /// Do not send before this time (e.g. a reminder three days ahead).
    pub fn not_before(mut self, at: DateTime<Utc>) -> Self {
        self.not_before = Some(at);
        self
    }

    /// Checks everything the worker would otherwise fail on forever.
    pub fn validate(&self) -> AppResult<()> {
        let key = self.dedupe_key.trim();
        if key.is_empty() || key.len() > MAX_DEDUPE_KEY_LEN || key != self.dedupe_key {
            return Err(AppError::bad_input(
                "dedupeKey",
                format!("Chiave di deduplicazione vuota, con spazi ai lati o oltre {MAX_DEDUPE_KEY_LEN} caratteri"),
                format!("Dedupe key empty, padded with spaces or longer than {MAX_DEDUPE_KEY_LEN} characters"),
            ));
        }
        if self.event.is_empty()
            || self.event.len() > MAX_EVENT_LEN
            || !self.event.chars().all(|c| c.is_ascii_alphanumeric() || "._-:".contains(c))
        {
            return Err(AppError::bad_input(
                "event",
                "Nome dell'evento non valido (lettere, cifre, . _ - :)",
                "Invalid event name (letters, digits, . _ - :)",
            ));
        }
        if self.reference.as_ref().is_some_and(|r| r.is_empty() || r.len() > MAX_REFERENCE_LEN) {
            return Err(AppError::bad_input(
                "reference",
                format!("Riferimento vuoto o oltre {MAX_REFERENCE_LEN} caratteri"),
                format!("Reference empty or longer than {MAX_REFERENCE_LEN} characters"),
            ));
        }
        if self.body.len() > MAX_BODY_LEN {
            return Err(AppError::bad_input("body", "Messaggio troppo lungo", "Message too long"));
        }
        if let Some(attachment) = &self.attachment {
            validate_attachment(self.channel, attachment)?;
        }
        match self.channel {
            Channel::Email => {
                // The project's rule for addresses, and what the mailer can carry.
                let valid = crate::validation::Email::parse(&self.recipient).is_some()
                    && self.recipient.parse::<lettre::Address>().is_ok();
                if !valid {
                    return Err(crate::kernel::messages::invalid_email("email"));
                }
                let subject = self.subject.as_deref().unwrap_or_default();
                if subject.trim().is_empty()
                    || subject.chars().count() > MAX_SUBJECT_LEN
                    || subject.contains(['\r', '\n'])
                {
                    return Err(AppError::bad_input(
                        "subject",
                        format!("Oggetto vuoto, su più righe o oltre {MAX_SUBJECT_LEN} caratteri"),
                        format!("Subject empty, on several lines or longer than {MAX_SUBJECT_LEN} characters"),
                    ));
                }
            }
            Channel::Webhook => {
                validate_webhook_url(&self.recipient)?;
                if self.signing_secret.as_deref().unwrap_or_default().len() < 16 {
                    return Err(AppError::bad_input(
                        "signingSecret",
                        "Il segreto di firma deve avere almeno 16 caratteri",
                        "The signing secret must have at least 16 characters",
                    ));
                }
                if serde_json::from_str::<serde_json::Value>(&self.body).is_err() {
                    return Err(AppError::bad_input("body", "Il contenuto non è JSON", "The payload is not JSON"));
                }
            }
        }
        Ok(())
    }
}

/// Only e-mails carry files; the name becomes a MIME header, so it is one plain line.
fn validate_attachment(channel: Channel, attachment: &Attachment) -> AppResult<()> {
    let name_ok = !attachment.name.trim().is_empty()
        && attachment.name.len() <= MAX_SUBJECT_LEN
        && attachment.name.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    if channel != Channel::Email || !name_ok || attachment.text.len() > MAX_ATTACHMENT_LEN {
        return Err(AppError::bad_input(
            "attachment",
            "Allegato non valido: solo per e-mail, nome di file semplice, al massimo 8 MB",
            "Invalid attachment: e-mails only, a plain file name, at most 8 MB",
        ));
    }
    Ok(())
}

/// True for the path of a root of the organisation tree (e.g. `/IT/`): who
/// holds the outbox actions there also sees the messages that belong to no
/// unit (professionals' webhooks).
pub fn is_root_path(path: &str) -> bool {
    path.len() > 2 && path.starts_with('/') && path.ends_with('/') && path.matches('/').count() == 2
}

/// A webhook target must be an absolute http(s) URL without credentials in it.
/// (Which hosts are acceptable is the registering module's decision.)
pub fn validate_webhook_url(url: &str) -> AppResult<reqwest::Url> {
    let bad = || {
        AppError::bad_input(
            "url",
            "URL non valido: serve un indirizzo http(s) assoluto, senza credenziali",
            "Invalid URL: an absolute http(s) address without credentials is required",
        )
    };
    if url.len() > MAX_URL_LEN {
        return Err(bad());
    }
    let parsed = reqwest::Url::parse(url).map_err(|_| bad())?;
    let scheme_ok = matches!(parsed.scheme(), "http" | "https");
    if !scheme_ok || parsed.host_str().is_none() || !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(bad());
    }
    Ok(parsed)
}

/// Retry policy: exponential back-off from `base`, doubled per failed attempt,
/// capped at [`MAX_RETRY_DELAY`], spread by ±20 % jitter so that messages that
/// failed together (a receiver that was down) do not all return together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    pub base: Duration,
    pub max_attempts: u32,
}

pub const MAX_RETRY_DELAY: Duration = Duration::from_secs(6 * 60 * 60);

/// What to do after a failed attempt.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AfterFailure {
    RetryIn(Duration),
    GiveUp,
}

impl RetryPolicy {
    /// `attempts` counts the attempts made so far, this one included;
    /// `jitter` is a random number in `[0, 1)`.
    pub fn after_failure(&self, attempts: u32, permanent: bool, jitter: f64) -> AfterFailure {
        if permanent || attempts >= self.max_attempts {
            return AfterFailure::GiveUp;
        }
        AfterFailure::RetryIn(self.delay(attempts, jitter))
    }

    /// The pause after the `attempts`-th failure: base · 2^(attempts−1), capped, ±20 %.
    pub fn delay(&self, attempts: u32, jitter: f64) -> Duration {
        let doublings = attempts.saturating_sub(1).min(30);
        let raw = self.base.saturating_mul(1u32 << doublings).min(MAX_RETRY_DELAY);
        raw.mul_f64(0.8 + 0.4 * jitter.clamp(0.0, 1.0))
    }
}

/// A random number in `[0, 1)` for the jitter.
pub fn random_jitter() -> f64 {
    getrandom::u32().map_or(0.5, |r| f64::from(r) / (f64::from(u32::MAX) + 1.0))
}

// ---------------------------------------------------------------------------
// Webhook signatures
// ---------------------------------------------------------------------------

/// Headers sent with every webhook.
pub const HEADER_EVENT: &str = "X-Accoglienza-Event";
pub const HEADER_DELIVERY: &str = "X-Accoglienza-Delivery";
pub const HEADER_TIMESTAMP: &str = "X-Accoglienza-Timestamp";
pub const HEADER_SIGNATURE: &str = "X-Accoglienza-Signature";

/// How far a receiver should accept a timestamp from its own clock.
pub const SIGNATURE_TOLERANCE_SECS: i64 = 5 * 60;

/// The `X-Accoglienza-Signature` value: `sha256=` and the lower-case hex
/// HMAC-SHA256, keyed with the webhook's secret, of `"<timestamp>.<body>"`
/// where `timestamp` is the `X-Accoglienza-Timestamp` value (Unix seconds) and
/// `body` the exact bytes of the request body. Signing the timestamp with the
/// body stops an intercepted request from being replayed later.
pub fn sign(secret: &str, timestamp: i64, body: &str) -> String {
    format!("sha256={}", hex::encode(mac(secret, timestamp, body).finalize().into_bytes()))
}

/// The `X-Accoglienza-Signature` value for a message's stored secrets: one or
/// more, separated by spaces (newest first: after a rotation the previous
/// secret signs too, for its grace period). One [`sign`] per secret, joined by
/// `", "`; with one secret, exactly [`sign`].
pub fn sign_with_each(secrets: &str, timestamp: i64, body: &str) -> String {
    secrets.split_whitespace().map(|secret| sign(secret, timestamp, body)).collect::<Vec<_>>().join(", ")
}

/// What a receiver does: recomputes the signature and compares it in
/// constant time with each `sha256=` value of the header (two during a
/// rotation's grace period), and refuses timestamps more than
/// [`SIGNATURE_TOLERANCE_SECS`] away from `now`.
pub fn verify(secret: &str, timestamp: i64, body: &str, signature_header: &str, now: DateTime<Utc>) -> bool {
    if (now.timestamp() - timestamp).abs() > SIGNATURE_TOLERANCE_SECS {
        return false;
    }
    signature_header.split(',').map(str::trim).any(|value| {
        let Some(hex_sig) = value.strip_prefix("sha256=") else { return false };
        let Ok(given) = hex::decode(hex_sig) else { return false };
        mac(secret, timestamp, body).verify_slice(&given).is_ok()
    })
}

fn mac(secret: &str, timestamp: i64, body: &str) -> Hmac<Sha256> {
    // HMAC accepts keys of any length, so this never fails.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    mac
}

// ---------------------------------------------------------------------------
// Personal data
// ---------------------------------------------------------------------------

pub const MAX_ERROR_LEN: usize = 500;

/// Makes a transport error or reply safe to store and show: every word with
/// an `@` (an e-mail address, as mail servers like to echo) is replaced, and
/// the text is cut to [`MAX_ERROR_LEN`] characters.
pub fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_ERROR_LEN));
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(if word.contains('@') { "[redacted]" } else { word });
        if out.chars().count() >= MAX_ERROR_LEN {
            break;
        }
    }
    out.chars().take(MAX_ERROR_LEN).collect()
}

/// The recipient as admins see it: `m***@example.it` for an e-mail address,
/// only scheme, host and port for a URL (paths and queries may hold tokens).
pub fn mask_recipient(channel: Channel, recipient: &str) -> String {
    match channel {
        Channel::Email => match recipient.rsplit_once('@') {
            Some((local, domain)) => {
                let first: String = local.chars().take(1).collect();
                format!("{first}***@{domain}")
            }
            None => "***".to_owned(),
        },
        Channel::Webhook => match reqwest::Url::parse(recipient) {
            Ok(url) => url.origin().ascii_serialization(),
            Err(_) => "***".to_owned(),
        },
    }
}

/// A message that does not exist or lies outside the caller's reach.
pub fn not_found() -> AppError {
    AppError::not_found("Messaggio non trovato", "Message not found")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "s3cr3t-s3cr3t-s3cr3t";

    fn policy() -> RetryPolicy {
        RetryPolicy { base: Duration::from_secs(60), max_attempts: 8 }
    }

    #[test]
    fn the_retry_delay_doubles_after_each_failure() {
        let p = policy();
        let mid = 0.5; // no jitter
        assert_eq!(p.delay(1, mid), Duration::from_secs(60));
        assert_eq!(p.delay(2, mid), Duration::from_secs(120));
        assert_eq!(p.delay(3, mid), Duration::from_secs(240));
        assert_eq!(p.delay(7, mid), Duration::from_secs(64 * 60));
    }

    #[test]
    fn the_retry_delay_is_capped_and_never_overflows() {
        let p = policy();
        assert_eq!(p.delay(20, 0.5), MAX_RETRY_DELAY);
        assert_eq!(p.delay(u32::MAX, 0.5), MAX_RETRY_DELAY);
    }

    #[test]
    fn jitter_spreads_the_delay_by_at_most_twenty_percent() {
        let p = policy();
        assert_eq!(p.delay(1, 0.0), Duration::from_secs(48));
        assert!(p.delay(1, 0.999_999) <= Duration::from_secs(72));
        for _ in 0..100 {
            let d = p.delay(2, random_jitter());
            assert!(d >= Duration::from_secs(96) && d <= Duration::from_secs(144), "{d:?}");
        }
    }

    #[test]
    fn the_eighth_failure_gives_up_and_earlier_ones_retry() {
        let p = policy();
        for attempts in 1..8 {
            assert!(matches!(p.after_failure(attempts, false, 0.5), AfterFailure::RetryIn(_)));
        }
        assert_eq!(p.after_failure(8, false, 0.5), AfterFailure::GiveUp);
        assert_eq!(p.after_failure(9, false, 0.5), AfterFailure::GiveUp);
    }

    #[test]
    fn a_permanent_refusal_gives_up_at_once() {
        assert_eq!(policy().after_failure(1, true, 0.5), AfterFailure::GiveUp);
    }

    #[test]
    fn a_zero_base_retries_immediately() {
        let p = RetryPolicy { base: Duration::ZERO, max_attempts: 3 };
        assert_eq!(p.after_failure(2, false, 0.9), AfterFailure::RetryIn(Duration::ZERO));
    }

    #[test]
    fn a_signature_verifies_with_the_same_secret_body_and_timestamp() {
        let now = Utc::now();
        let ts = now.timestamp();
        let body = r#"{"event":"procura.revoked","id":"1"}"#;
        let sig = sign(SECRET, ts, body);
        assert!(sig.starts_with("sha256="));
        assert_eq!(sig.len(), "sha256=".len() + 64);
        assert!(verify(SECRET, ts, body, &sig, now));
    }

    #[test]
    fn during_a_rotation_each_secret_verifies_its_own_signature() {
        let (new, old) = ("acc_whsec_the-new-secret-0123", "acc_whsec_the-old-secret-4567");
        let now = Utc::now();
        let ts = now.timestamp();
        let header = sign_with_each(&format!("{new} {old}"), ts, "{}");
        assert_eq!(header.matches("sha256=").count(), 2);
        assert!(verify(new, ts, "{}", &header, now));
        assert!(verify(old, ts, "{}", &header, now));
        assert!(!verify("acc_whsec_someone-else-89ab", ts, "{}", &header, now));
        // One secret: the plain signature, as before rotations existed.
        assert_eq!(sign_with_each(new, ts, "{}"), sign(new, ts, "{}"));
    }

    #[test]
    fn a_signature_matches_an_independent_hmac_implementation() {
        // python3 -c "import hmac,hashlib; print(hmac.new(b'key', b'1700000000.{}', hashlib.sha256).hexdigest())"
        assert_eq!(
            sign("key", 1_700_000_000, "{}"),
            "sha256=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae"
        );
    }

    #[test]
    fn a_tampered_body_wrong_secret_or_other_timestamp_fails_verification() {
        let now = Utc::now();
        let ts = now.timestamp();
        let sig = sign(SECRET, ts, "{\"a\":1}");
        assert!(!verify(SECRET, ts, "{\"a\":2}", &sig, now));
        assert!(!verify("another-secret-value", ts, "{\"a\":1}", &sig, now));
        assert!(!verify(SECRET, ts + 1, "{\"a\":1}", &sig, now));
        assert!(!verify(SECRET, ts, "{\"a\":1}", "sha256=zz", now));
        assert!(!verify(SECRET, ts, "{\"a\":1}", sig.trim_start_matches("sha256="), now));
    }

    #[test]
    fn an_old_signature_is_refused_as_a_replay() {
        let now = Utc::now();
        let ts = now.timestamp() - SIGNATURE_TOLERANCE_SECS - 1;
        let sig = sign(SECRET, ts, "{}");
        assert!(!verify(SECRET, ts, "{}", &sig, now));
    }

    #[test]
    fn email_addresses_never_reach_the_error_column() {
        let e = redact("550 5.1.1 <mario.rossi@example.it>: Recipient address rejected");
        assert!(!e.contains("mario"));
        assert_eq!(e, "550 5.1.1 [redacted] Recipient address rejected");
        assert_eq!(redact(&"x".repeat(2000)).len(), MAX_ERROR_LEN);
    }

    #[test]
    fn only_a_top_level_path_is_a_root() {
        assert!(is_root_path("/IT/"));
        assert!(!is_root_path("/IT/SAR/"));
        assert!(!is_root_path("/"));
    }

    #[test]
    fn recipients_are_shown_masked() {
        assert_eq!(mask_recipient(Channel::Email, "mario.rossi@example.it"), "m***@example.it");
        assert_eq!(
            mask_recipient(Channel::Webhook, "https://partner.example.com:8443/hook?token=abc"),
            "https://partner.example.com:8443"
        );
    }

    #[test]
    fn a_valid_email_and_webhook_pass_validation() {
        NewMessage::email("quesito:1:answered", "mario.rossi@example.it", "Risposta", "Testo").validate().unwrap();
        NewMessage::webhook(
            "procura:1:revoked",
            "https://partner.example.com/hook",
            &serde_json::json!({"event": "procura.revoked"}),
            SECRET,
        )
        .validate()
        .unwrap();
    }

    #[test]
    fn the_webhook_event_comes_from_the_payload_unless_set() {
        let payload = serde_json::json!({"event": "procura.declared"});
        let m = NewMessage::webhook("k", "https://x.example/h", &payload, SECRET);
        assert_eq!(m.event, "procura.declared");
        assert_eq!(m.event("procura.expiring").event, "procura.expiring");
    }

    fn field_of(err: AppError) -> Option<String> {
        match err {
            AppError::BadUserInput { field, .. } => field,
            _ => None,
        }
    }

    #[test]
    fn bad_messages_are_refused_naming_the_field() {
        let bad_email = NewMessage::email("k", "not-an-address", "S", "B");
        assert_eq!(field_of(bad_email.validate().unwrap_err()).as_deref(), Some("email"));
        let injected = NewMessage::email("k", "a@b.it", "S\r\nBcc: x@y.it", "B");
        assert_eq!(field_of(injected.validate().unwrap_err()).as_deref(), Some("subject"));
        let no_key = NewMessage::email("", "a@b.it", "S", "B");
        assert_eq!(field_of(no_key.validate().unwrap_err()).as_deref(), Some("dedupeKey"));
        let payload = serde_json::json!({});
        for url in ["ftp://x.example/", "/relative", "https://user:pw@x.example/"] {
            let m = NewMessage::webhook("k", url, &payload, SECRET);
            assert_eq!(field_of(m.validate().unwrap_err()).as_deref(), Some("url"), "{url}");
        }
        let weak = NewMessage::webhook("k", "https://x.example/", &payload, "short");
        assert_eq!(field_of(weak.validate().unwrap_err()).as_deref(), Some("signingSecret"));
    }

    #[test]
    fn only_an_email_carries_a_plainly_named_attachment() {
        let report = NewMessage::email("k", "a@b.it", "S", "B").attach("rapporto-UT-CA1-2026-12-07.csv", "a;b\n");
        report.validate().unwrap();
        let header_injection = NewMessage::email("k", "a@b.it", "S", "B").attach("x.csv\r\nBcc: y@z.it", "a");
        assert_eq!(field_of(header_injection.validate().unwrap_err()).as_deref(), Some("attachment"));
        let payload = serde_json::json!({});
        let webhook = NewMessage::webhook("k", "https://x.example/", &payload, SECRET).attach("x.csv", "a");
        assert_eq!(field_of(webhook.validate().unwrap_err()).as_deref(), Some("attachment"));
    }

    #[test]
    fn states_and_channels_round_trip_through_their_stored_names() {
        for &s in Status::ALL {
            assert_eq!(s.as_str().parse::<Status>(), Ok(s));
        }
        assert_eq!("WEBHOOK".parse::<Channel>(), Ok(Channel::Webhook));
        assert!("webhook".parse::<Channel>().is_err());
        assert_eq!("LEASE_EXPIRED".parse::<DeliveryOutcome>(), Ok(DeliveryOutcome::LeaseExpired));
    }
}
