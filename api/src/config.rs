//! Settings, read once from environment variables (documented in the README).

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppEnv {
    Development,
    Production,
}

#[derive(Clone, Debug)]
pub struct Settings {
    pub app_env: AppEnv,
    pub database_url: String,
    pub redis_url: Option<String>,
    /// Prefix of every Redis key, so several deployments (or test runs) can share one Redis.
    pub redis_prefix: String,
    pub bind_addr: String,
    pub seed_demo: bool,
    /// Where the built admin app lives; served at `/` when present.
    pub ui_dir: PathBuf,
    pub session_ttl: Duration,
    /// PostgreSQL schema to work in (tests use one schema each); `None` = default.
    pub database_schema: Option<String>,
    /// PostgreSQL: the owner's URL, used only to run migrations and load data
    /// (`DATABASE_MIGRATION_URL`). Without it `DATABASE_URL` serves both, and the
    /// server drops to the role `accoglienza_app` on every connection it serves
    /// requests with (see `crate::db`).
    pub database_migration_url: Option<String>,
    /// HTTP worker threads; `None` = one per core.
    pub http_workers: Option<usize>,
    /// `REDIS_TIMEOUT_MS` (default 500): most a Redis connection attempt or answer
    /// may take before the call fails (and the circuit opens, see `api/src/kv.rs`).
    pub redis_timeout: Duration,
    /// `SHUTDOWN_DRAIN_SECS` (default 3): after SIGTERM/SIGINT, how long the server
    /// keeps serving while `/readyz` answers 503 (so load balancers stop sending)
    /// before it stops accepting connections.
    pub shutdown_drain: Duration,
    /// `SHUTDOWN_GRACE_SECS` (default 10): after the drain, how long requests in
    /// flight may take to finish before their connections are closed.
    pub shutdown_grace: Duration,
    /// `BODY_READ_TIMEOUT_SECS` (default 10): most the whole body of a request
    /// may take to arrive; a slower one gets 408 and its connection is closed.
    pub body_read_timeout: Duration,
    /// The notifications outbox: its worker and transports.
    pub outbox: OutboxSettings,
    /// Citizen notifications of bookings (reminders, virtual-counter links).
    pub appointments: AppointmentNotificationSettings,
    /// `ACCOGLIENZA_FIXED_NOW` (RFC 3339, e.g. `2026-12-24T10:00:00+01:00`): for
    /// tests and demos only, refused in production. The instant the server's
    /// [`crate::kernel::Clock`] always answers, for the decisions that depend on
    /// the time of day or the date (callback hours, due dates, monitoring's
    /// "today"). Unset: the real time.
    pub fixed_now: Option<DateTime<Utc>>,
    /// `METRICS_TOKEN`: with `APP_ENV=production`, `/metrics` answers only
    /// `Authorization: Bearer <token>` (and 404 without one configured).
    pub metrics_token: Option<String>,
    /// `REPORTS_SCAN_SECS` (default 300; 0 = off): how often each instance looks
    /// for subscribed reports due (`api/src/monitoring/reports`); each report is
    /// sent once whichever instance finds it first.
    pub reports_scan_interval: Duration,
    /// `PUBLIC_URL`: where people reach the admin app, for links sent by
    /// e-mail (password reset links). Default `http://127.0.0.1:8080`.
    pub public_url: String,
    /// How long citizens' personal data (`RETENTION_*_MONTHS`) and alerts (`RETENTION_ALERTS_DAYS`) are kept, see `crate::retention`.
    pub retention: crate::retention::domain::RetentionPolicy,
    /// `OIDC_*`: single sign-on through an OpenID provider; `None` = off.
    pub oidc: Option<crate::auth::oidc::OidcSettings>,
    /// `PASSWORD_LOGIN` (default `staff`): who may still sign in with a password.
    pub password_login: crate::auth::oidc::PasswordLogin,
}

/// When and how booking notifications are enqueued (see `api/src/appointments/notifications.rs`).
#[derive(Clone, Debug)]
pub struct AppointmentNotificationSettings {
    /// `APPOINTMENT_SCHEDULER_SECS` (default 600; 0 = off): how often the due
    /// reminders and link e-mails are enqueued. It runs where the outbox worker runs.
    pub scheduler_interval: Duration,
    /// `VIRTUAL_COUNTER_LINK_BASE` (default `https://sportello.agenzia.example.it/sessione/`):
    /// the virtual session's link is this followed by the booking id.
    pub virtual_link_base: String,
}

/// How the outbox delivers (see `docs/outbox.md`).
#[derive(Clone, Debug)]
pub struct OutboxSettings {
    /// `OUTBOX_WORKER` (default on): run the delivery worker in this process.
    /// Off on instances that must only enqueue; messages wait for a worker elsewhere.
    pub worker: bool,
    /// `OUTBOX_POLL_MS` (default 1000): pause between polls when nothing is due.
    pub poll_interval: Duration,
    /// `OUTBOX_LEASE_SECS` (default 60): how long a claimed message is reserved
    /// for its worker; after that a crashed worker's message is sent by another.
    /// Must exceed the slowest delivery (webhook timeout, SMTP timeout 30 s).
    pub lease: Duration,
    /// `OUTBOX_MAX_ATTEMPTS` (default 8): attempts before a message is FAILED.
    pub max_attempts: u32,
    /// `OUTBOX_RETRY_BASE_SECS` (default 60): pause after the first failure,
    /// doubled after each further one (capped at 6 h, ±20 % jitter).
    pub retry_base: Duration,
    /// `OUTBOX_MAIL_DIR` (default `var/mail`, relative to the working directory):
    /// without `SMTP_URL`, e-mails are written there as `<message id>.eml`.
    pub mail_dir: PathBuf,
    /// `OUTBOX_MAIL_FROM` (default `Accoglienza <noreply@accoglienza.invalid>`).
    pub mail_from: String,
    /// `SMTP_URL`, e.g. `smtps://user:password@smtp.example.it:465` or
    /// `smtp://smtp.example.it:587?tls=required`: send e-mails by SMTP.
    pub smtp_url: Option<SecretString>,
    /// `OUTBOX_WEBHOOK_TIMEOUT_SECS` (default 10): a webhook receiver slower than this is retried.
    pub webhook_timeout: Duration,
    /// `OUTBOX_WEBHOOK_ALLOW_PRIVATE` (default on in development, off in
    /// production): deliver webhooks to loopback, private and other
    /// non-public addresses (a receiver on this machine, in development and
    /// tests). Off, the webhook client connects only to public addresses
    /// ([`crate::net::is_public_address`]), checked on the resolved address.
    pub webhook_allow_private: bool,
}

/// A configuration value that must not appear in logs (`Debug` prints `***`).
#[derive(Clone)]
pub struct SecretString(String);

impl SecretString {
    pub fn new(value: impl Into<String>) -> Self {
        SecretString(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SecretString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("APP_ENV must be `development` or `production`, got `{0}`")]
    BadAppEnv(String),
    #[error("{0} must be true or false, got `{1}`")]
    BadBool(&'static str, String),
    #[error("{0} must be a whole number, got `{1}`")]
    BadNumber(&'static str, String),
    #[error("{0} is not valid: {1}")]
    BadValue(&'static str, String),
    #[error("APP_ENV=production requires an explicit DATABASE_URL")]
    ProductionNeedsDatabase,
    #[error("ACCOGLIENZA_FIXED_NOW is for tests and demos: refused with APP_ENV=production")]
    FixedClockInProduction,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://accoglienza.sqlite?mode=rwc";

impl Settings {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|key| std::env::var(key).ok().filter(|v| !v.is_empty()))
    }

    /// Builds settings from any key lookup, so tests need not touch the process environment.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let app_env = match get("APP_ENV").as_deref() {
            None | Some("development") => AppEnv::Development,
            Some("production") => AppEnv::Production,
            Some(other) => return Err(ConfigError::BadAppEnv(other.to_owned())),
        };
        let database_url = match (get("DATABASE_URL"), app_env) {
            (Some(url), _) => url,
            (None, AppEnv::Development) => DEFAULT_DATABASE_URL.to_owned(),
            (None, AppEnv::Production) => return Err(ConfigError::ProductionNeedsDatabase),
        };
        let seed_demo = match get("SEED_DEMO") {
            Some(v) => parse_bool("SEED_DEMO", &v)?,
            None => app_env == AppEnv::Development,
        };
        let seconds = |key: &'static str, default: u64| -> Result<Duration, ConfigError> {
            match get(key) {
                Some(v) => v.parse::<u64>().map(Duration::from_secs).map_err(|_| ConfigError::BadNumber(key, v)),
                None => Ok(Duration::from_secs(default)),
            }
        };
        let redis_timeout = match get("REDIS_TIMEOUT_MS") {
            Some(v) => Duration::from_millis(
                v.parse::<u64>().map_err(|_| ConfigError::BadNumber("REDIS_TIMEOUT_MS", v))?.max(1),
            ),
            None => crate::kv::DEFAULT_REDIS_TIMEOUT,
        };
        let session_ttl_minutes = match get("SESSION_TTL_MINUTES") {
            Some(v) => v.parse::<u64>().map_err(|_| ConfigError::BadNumber("SESSION_TTL_MINUTES", v))?,
            None => 8 * 60,
        };
        let fixed_now = match get("ACCOGLIENZA_FIXED_NOW") {
            None => None,
            Some(_) if app_env == AppEnv::Production => return Err(ConfigError::FixedClockInProduction),
            Some(v) => Some(
                DateTime::parse_from_rfc3339(&v)
                    .map_err(|_| {
                        ConfigError::BadValue("ACCOGLIENZA_FIXED_NOW", format!("not an RFC 3339 instant: `{v}`"))
                    })?
                    .with_timezone(&Utc),
            ),
        };
        let public_url = get("PUBLIC_URL").unwrap_or_else(|| "http://127.0.0.1:8080".to_owned());
        let (oidc, password_login) = crate::auth::oidc::settings::from_lookup(&get, &public_url)?;
        Ok(Settings {
            oidc,
            password_login,
            app_env,
            database_url,
            redis_url: get("REDIS_URL"),
            redis_prefix: get("REDIS_PREFIX").unwrap_or_else(|| "accoglienza:".to_owned()),
            bind_addr: get("BIND_ADDR").unwrap_or_else(|| "127.0.0.1:8080".to_owned()),
            // Demo data never reaches a production database.
            seed_demo: seed_demo && app_env == AppEnv::Development,
            ui_dir: PathBuf::from(get("UI_DIR").unwrap_or_else(|| "admin-ui/dist".to_owned())),
            session_ttl: Duration::from_secs(session_ttl_minutes * 60),
            database_schema: get("DATABASE_SCHEMA"),
            database_migration_url: get("DATABASE_MIGRATION_URL"),
            http_workers: match get("HTTP_WORKERS") {
                Some(v) => Some(v.parse().map_err(|_| ConfigError::BadNumber("HTTP_WORKERS", v))?),
                None => None,
            },
            redis_timeout,
            shutdown_drain: seconds("SHUTDOWN_DRAIN_SECS", 3)?,
            shutdown_grace: seconds("SHUTDOWN_GRACE_SECS", 10)?,
            body_read_timeout: seconds("BODY_READ_TIMEOUT_SECS", 10)?.max(Duration::from_secs(1)),
            outbox: OutboxSettings::from_lookup(&get, app_env)?,
            appointments: AppointmentNotificationSettings {
                scheduler_interval: Duration::from_secs(match get("APPOINTMENT_SCHEDULER_SECS") {
                    Some(v) => v.parse().map_err(|_| ConfigError::BadNumber("APPOINTMENT_SCHEDULER_SECS", v))?,
                    None => 600,
                }),
                virtual_link_base: get("VIRTUAL_COUNTER_LINK_BASE")
                    .unwrap_or_else(|| "https://sportello.agenzia.example.it/sessione/".to_owned()),
            },
            fixed_now,
            reports_scan_interval: seconds("REPORTS_SCAN_SECS", crate::monitoring::reports::domain::SCAN_EVERY_SECS)?,
            metrics_token: get("METRICS_TOKEN").filter(|t| !t.is_empty()),
            public_url,
            retention: crate::retention::domain::RetentionPolicy::from_lookup(&get)?,
        })
    }

    pub fn is_production(&self) -> bool {
        self.app_env == AppEnv::Production
    }
}

impl OutboxSettings {
    fn from_lookup(get: &impl Fn(&str) -> Option<String>, app_env: AppEnv) -> Result<Self, ConfigError> {
        let number = |key: &'static str, default: u64| -> Result<u64, ConfigError> {
            match get(key) {
                Some(v) => v.parse::<u64>().map_err(|_| ConfigError::BadNumber(key, v)),
                None => Ok(default),
            }
        };
        let mail_from =
            get("OUTBOX_MAIL_FROM").unwrap_or_else(|| "Accoglienza <noreply@accoglienza.invalid>".to_owned());
        if mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(ConfigError::BadValue("OUTBOX_MAIL_FROM", "not an e-mail address".to_owned()));
        }
        let max_attempts = number("OUTBOX_MAX_ATTEMPTS", 8)?;
        if !(1..=100).contains(&max_attempts) {
            return Err(ConfigError::BadValue("OUTBOX_MAX_ATTEMPTS", "must be between 1 and 100".to_owned()));
        }
        let lease = number("OUTBOX_LEASE_SECS", 60)?;
        if lease == 0 {
            return Err(ConfigError::BadValue("OUTBOX_LEASE_SECS", "must be at least 1".to_owned()));
        }
        Ok(OutboxSettings {
            worker: match get("OUTBOX_WORKER") {
                Some(v) => parse_bool("OUTBOX_WORKER", &v)?,
                None => true,
            },
            poll_interval: Duration::from_millis(number("OUTBOX_POLL_MS", 1000)?.max(10)),
            lease: Duration::from_secs(lease),
            max_attempts: max_attempts as u32,
            retry_base: Duration::from_secs(number("OUTBOX_RETRY_BASE_SECS", 60)?),
            mail_dir: PathBuf::from(get("OUTBOX_MAIL_DIR").unwrap_or_else(|| "var/mail".to_owned())),
            mail_from,
            smtp_url: get("SMTP_URL").map(SecretString::new),
            webhook_timeout: Duration::from_secs(number("OUTBOX_WEBHOOK_TIMEOUT_SECS", 10)?.max(1)),
            webhook_allow_private: match get("OUTBOX_WEBHOOK_ALLOW_PRIVATE") {
                Some(v) => parse_bool("OUTBOX_WEBHOOK_ALLOW_PRIVATE", &v)?,
                None => app_env == AppEnv::Development,
            },
        })
    }
}

fn parse_bool(key: &'static str, value: &str) -> Result<bool, ConfigError> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(ConfigError::BadBool(key, value.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(pairs: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Settings::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn no_configuration_means_development_on_sqlite_with_demo_data() {
        let s = settings(&[]).unwrap();
        assert_eq!(s.app_env, AppEnv::Development);
        assert_eq!(s.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(s.bind_addr, "127.0.0.1:8080");
        assert!(s.seed_demo);
        assert!(s.redis_url.is_none());
    }

    #[test]
    fn production_refuses_to_start_without_a_database_url() {
        assert!(matches!(settings(&[("APP_ENV", "production")]), Err(ConfigError::ProductionNeedsDatabase)));
    }

    #[test]
    fn production_never_loads_demo_data() {
        let s =
            settings(&[("APP_ENV", "production"), ("DATABASE_URL", "postgres://x/y"), ("SEED_DEMO", "true")]).unwrap();
        assert!(!s.seed_demo);
    }

    #[test]
    fn the_outbox_worker_runs_by_default_writing_mail_to_files() {
        let s = settings(&[]).unwrap();
        assert!(s.outbox.worker);
        assert_eq!(s.outbox.poll_interval, Duration::from_secs(1));
        assert_eq!(s.outbox.mail_dir, PathBuf::from("var/mail"));
        assert!(s.outbox.smtp_url.is_none());
        assert_eq!(s.outbox.max_attempts, 8);
    }

    #[test]
    fn the_smtp_password_never_shows_in_debug_output() {
        let s = settings(&[("SMTP_URL", "smtps://u:hunter2@smtp.example.it")]).unwrap();
        assert!(!format!("{s:?}").contains("hunter2"));
        assert_eq!(s.outbox.smtp_url.unwrap().expose(), "smtps://u:hunter2@smtp.example.it");
    }

    #[test]
    fn bad_outbox_settings_are_errors() {
        assert!(settings(&[("OUTBOX_WORKER", "sometimes")]).is_err());
        assert!(settings(&[("OUTBOX_POLL_MS", "fast")]).is_err());
        assert!(settings(&[("OUTBOX_MAIL_FROM", "nobody")]).is_err());
        assert!(settings(&[("OUTBOX_MAX_ATTEMPTS", "0")]).is_err());
        assert!(settings(&[("OUTBOX_WEBHOOK_ALLOW_PRIVATE", "maybe")]).is_err());
    }

    #[test]
    fn webhooks_reach_private_addresses_only_in_development_unless_set() {
        assert!(settings(&[]).unwrap().outbox.webhook_allow_private);
        let production = [("APP_ENV", "production"), ("DATABASE_URL", "postgres://db/x")];
        assert!(!settings(&production).unwrap().outbox.webhook_allow_private);
        assert!(!settings(&[("OUTBOX_WEBHOOK_ALLOW_PRIVATE", "off")]).unwrap().outbox.webhook_allow_private);
    }

    #[test]
    fn shutdown_and_redis_bounds_have_defaults_and_can_be_set() {
        let s = settings(&[]).unwrap();
        assert_eq!(s.shutdown_drain, Duration::from_secs(3));
        assert_eq!(s.shutdown_grace, Duration::from_secs(10));
        assert_eq!(s.body_read_timeout, Duration::from_secs(10));
        assert_eq!(s.redis_timeout, Duration::from_millis(500));
        let s = settings(&[("SHUTDOWN_DRAIN_SECS", "0"), ("REDIS_TIMEOUT_MS", "200")]).unwrap();
        assert_eq!(s.shutdown_drain, Duration::ZERO);
        assert_eq!(s.redis_timeout, Duration::from_millis(200));
        assert!(settings(&[("SHUTDOWN_GRACE_SECS", "soon")]).is_err());
    }

    #[test]
    fn the_clock_is_real_unless_fixed_outside_production() {
        assert_eq!(settings(&[]).unwrap().fixed_now, None);
        let s = settings(&[("ACCOGLIENZA_FIXED_NOW", "2026-12-24T10:00:00+01:00")]).unwrap();
        assert_eq!(s.fixed_now.unwrap().to_rfc3339(), "2026-12-24T09:00:00+00:00");
        assert!(settings(&[("ACCOGLIENZA_FIXED_NOW", "yesterday")]).is_err());
        let production = [
            ("APP_ENV", "production"),
            ("DATABASE_URL", "postgres://db/x"),
            ("ACCOGLIENZA_FIXED_NOW", "2026-12-24T10:00:00Z"),
        ];
        assert!(matches!(settings(&production), Err(ConfigError::FixedClockInProduction)));
    }

    #[test]
    fn a_misspelt_environment_is_an_error_not_a_silent_default() {
        assert!(settings(&[("APP_ENV", "prod")]).is_err());
        assert!(settings(&[("SEED_DEMO", "maybe")]).is_err());
    }
}
