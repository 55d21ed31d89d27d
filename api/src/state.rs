//! What the server holds for its whole life, shared by every request.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use sea_orm::DatabaseConnection;

use crate::auth::SessionStore;
use crate::authz::Authz;
use crate::config::Settings;
use crate::kernel::Clock;
use crate::kv::Kv;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub kv: Kv,
    pub sessions: SessionStore,
    pub authz: Authz,
    pub settings: Arc<Settings>,
    /// SQL statements run so far (see [`crate::db::connect_counted`]).
    pub statement_count: Arc<AtomicU64>,
    /// Set when shutdown has begun: `/readyz` answers 503 so that load
    /// balancers stop sending, while requests are still served.
    pub draining: Arc<AtomicBool>,
    /// "Now" for decisions by time of day or date (fixed in tests, see [`Clock`]).
    pub clock: Clock,
    /// Callers resolved recently (see [`crate::auth::principal_cache`]).
    pub principals: Arc<crate::auth::principal_cache::PrincipalCache>,
    /// Wakes live subscriptions when alerts are written (docs/alerts.md).
    pub alerts: crate::alerts::AlertBus,
    /// The OpenID provider for single sign-on, when configured (`OIDC_ISSUER_URL`).
    pub oidc: Option<Arc<crate::auth::oidc::OidcProvider>>,
}

impl AppState {
    pub fn with_statement_counter(mut self, counter: Arc<AtomicU64>) -> Self {
        self.statement_count = counter;
        self
    }

    pub fn is_draining(&self) -> bool {
        self.draining.load(Ordering::Relaxed)
    }

    pub fn start_draining(&self) {
        self.draining.store(true, Ordering::Relaxed);
    }

    pub async fn new(settings: Settings, db: DatabaseConnection) -> anyhow::Result<Self> {
        let kv = match &settings.redis_url {
            Some(url) => Kv::redis(url, &settings.redis_prefix, settings.redis_timeout).await?,
            None => Kv::memory(),
        };
        let sessions = SessionStore::for_kv(&kv, &db);
        let authz = Authz::load().await?;
        let clock = Clock::from_setting(settings.fixed_now);
        let alerts = crate::alerts::AlertBus::new(kv.clone());
        let oidc = match &settings.oidc {
            Some(oidc) => Some(Arc::new(crate::auth::oidc::OidcProvider::new(oidc.clone())?)),
            None => None,
        };
        Ok(AppState {
            oidc,
            alerts,
            db,
            kv,
            sessions,
            authz,
            settings: Arc::new(settings),
            statement_count: Arc::default(),
            draining: Arc::default(),
            clock,
            principals: Arc::default(),
        })
    }
}
