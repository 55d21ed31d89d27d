//! Webhooks: a professional registers URLs that receive a signed JSON POST
//! whenever one of their procure changes status (declared, revoked, expiring
//! within 30 days, expired). Notifications are written to the durable outbox
//! in the same transaction as the change, and delivered from there with
//! retries, back-off and a delivery log (see `crate::outbox`).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use entities::procura;

use super::domain::{ProcuraEventKind, today};
use super::store;
use crate::auth::new_token;
use crate::error::{AppError, AppResult};
use crate::outbox::{self, NewMessage};

/// Signing secrets start with this, so a leaked one is recognisable.
pub const SECRET_PREFIX: &str = "acc_whsec_";

pub fn new_secret() -> AppResult<String> {
    new_token(SECRET_PREFIX)
}

/// How long a rotated-out secret keeps signing deliveries beside the new one.
pub const ROTATION_GRACE: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// The secrets a delivery enqueued at `now` is signed with, newest first,
/// separated by a space (what the outbox stores; see
/// [`crate::outbox::domain::sign_with_each`]): the current one, and the one a
/// rotation replaced while its grace period lasts.
pub fn signing_secrets(hook: &entities::webhook::Model, now: DateTime<Utc>) -> String {
    match (&hook.previous_secret, hook.previous_secret_until) {
        (Some(previous), Some(until)) if until > now => format!("{} {previous}", hook.secret),
        _ => hook.secret.clone(),
    }
}

/// A webhook URL must be absolute http(s) without credentials; in production
/// only https, and never to this machine or a private network (the server
/// must not be usable to reach internal services).
pub fn validate_url(url: &str, production: bool) -> AppResult<String> {
    let bad = |it: &str, en: &str| AppError::bad_input("url", it, en);
    let url = url.trim();
    if url.len() > 2000 {
        return Err(bad("URL troppo lungo (al massimo 2000 caratteri)", "URL too long (at most 2000 characters)"));
    }
    let parsed = url::Url::parse(url).map_err(|_| bad("URL non valido", "Invalid URL"))?;
    let scheme_ok = match parsed.scheme() {
        "https" => true,
        "http" => !production,
        _ => false,
    };
    if !scheme_ok {
        return Err(bad("L'URL deve usare https", "The URL must use https"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(bad("L'URL non può contenere credenziali", "The URL must not contain credentials"));
    }
    let Some(host) = parsed.host() else { return Err(bad("L'URL deve indicare un host", "The URL must name a host")) };
    if production && is_internal(&host) {
        return Err(bad(
            "L'URL non può puntare a questa macchina o a una rete privata",
            "The URL must not point at this machine or a private network",
        ));
    }
    Ok(parsed.to_string())
}

/// In production, a URL whose host name resolves, now, only to non-public
/// addresses (`localtest.me` → 127.0.0.1) is refused at registration, so the
/// partner learns at once. What protects is the check at delivery (the name
/// may resolve differently later); a name that does not resolve now, or not
/// within 2 s, is accepted here and judged there.
pub async fn check_resolved_host(url: &str, production: bool) -> AppResult<()> {
    if !production {
        return Ok(());
    }
    let Some(host) = url::Url::parse(url).ok().and_then(|u| u.host_str().map(str::to_owned)) else { return Ok(()) };
    let lookup = tokio::net::lookup_host((host.trim_matches(|c| c == '[' || c == ']'), 443));
    let Ok(Ok(addrs)) = tokio::time::timeout(std::time::Duration::from_secs(2), lookup).await else { return Ok(()) };
    let addrs: Vec<std::net::SocketAddr> = addrs.collect();
    if !addrs.is_empty() && !addrs.iter().any(|a| crate::net::is_public_address(a.ip())) {
        return Err(AppError::bad_input(
            "url",
            "L'URL non può puntare a questa macchina o a una rete privata",
            "The URL must not point at this machine or a private network",
        ));
    }
    Ok(())
}

/// A name of this machine or of an internal network, or any address outside
/// the public unicast space ([`crate::net::is_public_address`]). A name that
/// resolves to such an address is refused at delivery (the webhook client's
/// resolver keeps only public addresses), where the answer that counts is.
fn is_internal(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Domain(d) => {
            let d = d.to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost") || d.ends_with(".internal") || d.ends_with(".local")
        }
        url::Host::Ipv4(ip) => !crate::net::is_public_address((*ip).into()),
        url::Host::Ipv6(ip) => !crate::net::is_public_address((*ip).into()),
    }
}

/// The JSON body receivers get. Stable: documented in docs/partner-api.md.
pub fn payload(
    p: &procura::Model,
    kind: ProcuraEventKind,
    occurred_at: DateTime<Utc>,
    day: NaiveDate,
) -> serde_json::Value {
    json!({
        "event": super::domain::webhook_event(kind),
        "occurredAt": occurred_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "procura": {
            "id": p.id.to_string(),
            "clientFiscalCode": p.client_fiscal_code,
            "services": store::services(p).to_vec().iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            "validFrom": p.valid_from.to_string(),
            "validTo": p.valid_to.to_string(),
            "collaboratorsAuthorized": p.collaborators_authorized,
            "status": status_name(store::validity(p).status_on(day)),
            "revokedAt": p.revoked_at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        },
    })
}

fn status_name(s: super::domain::ProcuraStatus) -> &'static str {
    use super::domain::ProcuraStatus::*;
    match s {
        Active => "ACTIVE",
        NotYetValid => "NOT_YET_VALID",
        Expired => "EXPIRED",
        Revoked => "REVOKED",
    }
}

/// The notifications of one event of a procura: one per live webhook of its
/// professional. Each (webhook, procura, event) is enqueued at most once: the
/// outbox de-duplicates on the key.
pub async fn messages(
    conn: &impl ConnectionTrait,
    p: &procura::Model,
    kind: ProcuraEventKind,
    now: DateTime<Utc>,
) -> AppResult<Vec<NewMessage>> {
    let hooks = store::own_webhooks(conn, p.professional_id).await?;
    let body = payload(p, kind, now, today());
    Ok(hooks
        .iter()
        .map(|hook| {
            NewMessage::webhook(dedupe_key(hook.id, p.id, kind), hook.url.clone(), &body, signing_secrets(hook, now))
                .reference(reference(hook.id))
        })
        .collect())
}

/// Enqueues [`messages`] in a transaction without a caller (the expiry scan;
/// operations queue them with `Operation::notify`).
pub async fn notify(
    conn: &impl ConnectionTrait,
    p: &procura::Model,
    kind: ProcuraEventKind,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let messages = messages(conn, p, kind, now).await?;
    let count = messages.len();
    for msg in messages {
        outbox::enqueue(conn, msg).await?;
    }
    Ok(count)
}

pub fn dedupe_key(webhook_id: Uuid, procura_id: Uuid, kind: ProcuraEventKind) -> String {
    format!("webhook:{webhook_id}:procura:{procura_id}:{}", kind.as_str())
}

/// Reference under which the outbox lists a webhook's deliveries.
pub fn reference(webhook_id: Uuid) -> String {
    format!("webhook:{webhook_id}")
}

/// Stops what is still waiting for a deleted endpoint.
pub async fn cancel_pending(conn: &impl ConnectionTrait, webhook_id: Uuid, now: DateTime<Utc>) -> AppResult<()> {
    let messages = outbox::store::by_reference(conn, &reference(webhook_id), None, 10_000).await?;
    for m in messages.iter().filter(|m| m.status == outbox::Status::Pending) {
        outbox::cancel(conn, &m.dedupe_key, now).await?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn webhook_urls_must_be_https_in_production_and_never_internal() {
        assert!(validate_url("https://partner.example.com/hooks/accoglienza", true).is_ok());
        assert!(validate_url("http://partner.example.com/hook", true).is_err());
        assert!(validate_url("http://127.0.0.1:9000/hook", false).is_ok());
        assert!(validate_url("https://127.0.0.1/hook", true).is_err());
        assert!(validate_url("https://10.1.2.3/hook", true).is_err());
        assert!(validate_url("https://localhost/hook", true).is_err());
        assert!(validate_url("https://[::1]/hook", true).is_err());
        // Special-purpose ranges beyond loopback and private networks.
        for url in [
            "https://100.64.0.1/",
            "https://198.18.0.1/",
            "https://224.0.0.1/",
            "https://[64:ff9b::7f00:1]/",
            "https://169.254.169.254/latest/meta-data",
            "https://[::ffff:10.0.0.1]/",
            "https://[2002:7f00:1::1]/",
            "https://0.0.0.0/",
            "https://255.255.255.255/",
            "https://[fd00::1]/",
        ] {
            assert!(validate_url(url, true).is_err(), "{url}");
        }
        assert!(validate_url("https://93.184.216.34/hook", true).is_ok());
        assert!(validate_url("https://user:pw@partner.example.com/", true).is_err());
        assert!(validate_url("ftp://partner.example.com/", false).is_err());
        assert!(validate_url("not a url", false).is_err());
    }

    #[tokio::test]
    async fn in_production_a_name_resolving_only_to_loopback_is_refused_at_registration() {
        // `localhost` stands for any such name (localtest.me needs the network).
        let err = check_resolved_host("https://localhost:8443/hook", true).await.unwrap_err();
        assert_eq!(err.code(), "BAD_USER_INPUT");
        assert!(check_resolved_host("https://localhost:8443/hook", false).await.is_ok());
        assert!(check_resolved_host("https://127.0.0.1/hook", true).await.is_err());
        assert!(check_resolved_host("https://93.184.216.34/hook", true).await.is_ok());
        // Not resolvable now: judged at delivery.
        assert!(check_resolved_host("https://does-not-exist.invalid/hook", true).await.is_ok());
    }

    #[test]
    fn a_notification_is_deduplicated_per_webhook_procura_and_event() {
        let (w, p) = (Uuid::now_v7(), Uuid::now_v7());
        assert_eq!(dedupe_key(w, p, ProcuraEventKind::Declared), dedupe_key(w, p, ProcuraEventKind::Declared));
        assert_ne!(dedupe_key(w, p, ProcuraEventKind::Declared), dedupe_key(w, p, ProcuraEventKind::Revoked));
    }
}
