//! The OpenID provider as this application sees it: its discovery document
//! and keys (fetched once and cached), the authorization URL with PKCE, `state`
//! and `nonce`, the code exchange and the ID token's checks, all done by the
//! `openidconnect` crate over our own `reqwest` client.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreIdTokenClaims, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, SignatureVerificationError,
};
use tokio::sync::Mutex;

use super::refusal::Refusal;
use super::settings::OidcSettings;

/// How long the discovery document and keys are trusted before they are fetched again.
/// An ID token signed with a key not in the cache refetches them at once (key rotation).
pub const METADATA_TTL: Duration = Duration::from_secs(60 * 60);
/// Most a call to the provider may take.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(10);

type Client =
    CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;

/// What the browser is sent to, and what must be kept to finish the sign-in.
pub struct Authorization {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// The verified identity: who the provider says signed in.
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    pub preferred_username: Option<String>,
    pub email: Option<String>,
    pub email_verified: Option<bool>,
}

pub struct OidcProvider {
    settings: OidcSettings,
    http: reqwest::Client,
    cached: Mutex<Option<(Client, Instant)>>,
}

#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error(transparent)]
    Request(#[from] reqwest::Error),
    #[error(transparent)]
    Response(#[from] openidconnect::http::Error),
}

impl OidcProvider {
    pub fn new(settings: OidcSettings) -> anyhow::Result<Self> {
        crate::outbox::transport::webhook::install_crypto_provider();
        // No redirects: the crate's advice, so a provider cannot bounce its calls elsewhere (SSRF).
        let http = reqwest::Client::builder()
            .timeout(PROVIDER_TIMEOUT)
            .connect_timeout(PROVIDER_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(OidcProvider { settings, http, cached: Mutex::new(None) })
    }

    pub fn settings(&self) -> &OidcSettings {
        &self.settings
    }

    /// The authorization request: authorization code flow, PKCE (S256), a random `state` and `nonce`.
    pub async fn authorize(&self) -> Result<Authorization, Refusal> {
        let client = self.client(false).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("profile".to_owned()))
            .add_scope(Scope::new("email".to_owned()))
            .set_pkce_challenge(challenge)
            .url();
        Ok(Authorization {
            url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        })
    }

    /// Exchanges the code (with the PKCE verifier) and checks the ID token:
    /// signature against the provider's keys, issuer, audience, expiry (by `now`) and nonce.
    pub async fn finish(
        &self,
        code: &str,
        pkce_verifier: &str,
        nonce: &str,
        now: impl Fn() -> DateTime<Utc> + Send + Sync + Copy,
    ) -> Result<Identity, Refusal> {
        let client = self.client(false).await?;
        let http = |request| send(&self.http, request);
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|err| provider_failure("no token endpoint", err))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
            .request_async(&http)
            .await
            .map_err(|err| provider_failure("code exchange", err))?;
        let id_token = openidconnect::TokenResponse::id_token(&response).ok_or(Refusal::InvalidToken)?;
        let nonce = Nonce::new(nonce.to_owned());
        let claims = match id_token.claims(&client.id_token_verifier().set_time_fn(now), &nonce) {
            Err(ClaimsVerificationError::SignatureVerification(SignatureVerificationError::NoMatchingKey)) => {
                // The provider may have rotated its keys since they were cached.
                let fresh = self.client(true).await?;
                id_token.claims(&fresh.id_token_verifier().set_time_fn(now), &nonce).map_err(token_refusal)?.clone()
            }
            verified => verified.map_err(token_refusal)?.clone(),
        };
        Ok(identity(&claims))
    }

    /// The client built from the discovery document, fetched when missing,
    /// older than [`METADATA_TTL`] or `refresh`ed. The lock is held while
    /// fetching, so concurrent sign-ins fetch once.
    async fn client(&self, refresh: bool) -> Result<Client, Refusal> {
        let mut cached = self.cached.lock().await;
        if let Some((client, fetched)) = cached.as_ref()
            && !refresh
            && fetched.elapsed() < METADATA_TTL
        {
            return Ok(client.clone());
        }
        let client = self.discover().await.map_err(|err| provider_failure("discovery", err))?;
        *cached = Some((client.clone(), Instant::now()));
        Ok(client)
    }

    async fn discover(&self) -> anyhow::Result<Client> {
        let s = &self.settings;
        let http = |request| send(&self.http, request);
        let metadata = CoreProviderMetadata::discover_async(IssuerUrl::new(s.issuer_url.clone())?, &http).await?;
        let secret = s.client_secret.as_ref().map(|secret| ClientSecret::new(secret.expose().to_owned()));
        Ok(CoreClient::from_provider_metadata(metadata, ClientId::new(s.client_id.clone()), secret)
            .set_redirect_uri(RedirectUrl::new(s.redirect_url.clone())?))
    }
}

fn identity(claims: &CoreIdTokenClaims) -> Identity {
    Identity {
        issuer: claims.issuer().to_string(),
        subject: claims.subject().to_string(),
        preferred_username: claims.preferred_username().map(|u| u.to_string()),
        email: claims.email().map(|e| e.to_string()),
        email_verified: claims.email_verified(),
    }
}

fn token_refusal(err: ClaimsVerificationError) -> Refusal {
    tracing::warn!(error = %err, "SSO: ID token refused");
    match err {
        ClaimsVerificationError::InvalidNonce(_) => Refusal::Nonce,
        ClaimsVerificationError::Expired(_) => Refusal::Expired,
        _ => Refusal::InvalidToken,
    }
}

fn provider_failure(step: &str, err: impl std::fmt::Debug) -> Refusal {
    tracing::warn!(step, error = ?err, "SSO: the provider failed");
    Refusal::Provider
}

/// One HTTP call of the `openidconnect` crate, made with `reqwest`.
async fn send(
    client: &reqwest::Client,
    request: openidconnect::HttpRequest,
) -> Result<openidconnect::HttpResponse, HttpError> {
    let (parts, body) = request.into_parts();
    let response = client.request(parts.method, parts.uri.to_string()).headers(parts.headers).body(body).send().await?;
    let mut builder = openidconnect::http::Response::builder().status(response.status());
    for (name, value) in response.headers() {
        builder = builder.header(name, value);
    }
    Ok(builder.body(response.bytes().await?.to_vec())?)
}
