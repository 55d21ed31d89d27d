//! Security and caching headers on every response (the admin app and the API
//! alike), and the refusal of source maps in production. README "HTTP
//! hardening" lists the headers and why.
//!
//! - `Content-Security-Policy`: scripts only from our origin (the built admin
//!   app has no inline script: Vite emits `<script type="module" src=…>`),
//!   no plugins, no framing (`frame-ancestors 'none'`), requests only to our
//!   origin. Styles also allow inline `style` attributes, which the UI kit
//!   and the charts set. GraphiQL (development only) loads from a CDN and
//!   gets no policy.
//! - `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`,
//!   `X-Frame-Options: DENY` (for browsers without `frame-ancestors`).
//! - `Strict-Transport-Security` with `APP_ENV=production`: production is
//!   served over TLS (behind the proxy that terminates it); browsers ignore
//!   the header on plain HTTP, so it is not tied to the proxy's
//!   `X-Forwarded-Proto`, which anyone can send.
//! - `Cache-Control`: hashed assets (`/assets/<name>-<hash>.<ext>`) are
//!   immutable for a year; `/graphql` is `no-store` (personal data); the rest
//!   (`index.html`, the SPA's deep links) is `no-cache`, unless the handler
//!   set its own.
//!
//! Compression (gzip, brotli, zstd as the client accepts) is actix-web's
//! `Compress`, wrapped around the whole app in `startup.rs`.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse, web};

use crate::state::AppState;

pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";
pub const HSTS: &str = "max-age=31536000; includeSubDomains";
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The middleware (`actix_web::middleware::from_fn(hardening::headers)`).
pub async fn headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let production = req.app_data::<web::Data<AppState>>().is_some_and(|s| s.settings.is_production());
    let path = req.path().to_owned();
    if production && path.ends_with(".map") {
        // Source maps stay private in production (they would publish the sources).
        let res = HttpResponse::NotFound().finish();
        let mut res = req.into_response(res).map_into_right_body();
        set_security_headers(res.headers_mut(), &path, production);
        return Ok(res);
    }
    let mut res = next.call(req).await?.map_into_left_body();
    let ok = res.status().is_success();
    let headers = res.headers_mut();
    set_security_headers(headers, &path, production);
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_policy(&path, ok)));
    }
    Ok(res)
}

fn set_security_headers(headers: &mut HeaderMap, path: &str, production: bool) {
    let mut set = |name: HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "no-referrer");
    set(header::X_FRAME_OPTIONS, "DENY");
    if path != "/graphiql" {
        set(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
    }
    if production {
        set(header::STRICT_TRANSPORT_SECURITY, HSTS);
    }
}

/// API answers carry personal data: never stored. Hashed assets: forever.
/// The rest (`index.html`, deep links): revalidated on every use.
fn cache_policy(path: &str, ok: bool) -> &'static str {
    if path == "/graphql" {
        "no-store"
    } else if ok && is_hashed_asset(path) {
        IMMUTABLE
    } else {
        "no-cache"
    }
}

/// `/assets/index-B2xk9_Qa.js`: Vite's content-hashed output, safe to cache
/// forever (a new build has new names). The hash is the last `-` part of the
/// file stem, at least 8 characters of `[A-Za-z0-9_-]`.
pub fn is_hashed_asset(path: &str) -> bool {
    let Some(file) = path.strip_prefix("/assets/") else { return false };
    if file.contains('/') {
        return false;
    }
    let Some((stem, _ext)) = file.rsplit_once('.') else { return false };
    let Some((_name, hash)) = stem.rsplit_once('-') else { return false };
    hash.len() >= 8 && hash.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_vites_hashed_file_names_are_immutable() {
        assert!(is_hashed_asset("/assets/index-B2xk9_Qa.js"));
        assert!(is_hashed_asset("/assets/titillium-web-v3-latin-regular-D8hK2mQp.woff2"));
        assert!(!is_hashed_asset("/assets/index.js"));
        assert!(!is_hashed_asset("/assets/logo-dark.svg"));
        assert!(!is_hashed_asset("/index-B2xk9_Qa.js"));
        assert!(!is_hashed_asset("/assets/sub/index-B2xk9_Qa.js"));
        assert!(!is_hashed_asset("/index.html"));
    }

    #[test]
    fn the_policy_allows_no_inline_or_foreign_script_and_no_framing() {
        let script = CONTENT_SECURITY_POLICY.split(';').map(str::trim).find(|d| d.starts_with("script-src")).unwrap();
        assert_eq!(script, "script-src 'self'");
        assert!(CONTENT_SECURITY_POLICY.contains("frame-ancestors 'none'"));
        assert!(CONTENT_SECURITY_POLICY.contains("object-src 'none'"));
    }
}
