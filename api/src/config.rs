//! Settings, read once from environment variables (documented in the README).

use std::path::PathBuf;
use std::time::Duration;

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
    /// HTTP worker threads; `None` = one per core.
    pub http_workers: Option<usize>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("APP_ENV must be `development` or `production`, got `{0}`")]
    BadAppEnv(String),
    #[error("{0} must be true or false, got `{1}`")]
    BadBool(&'static str, String),
    #[error("{0} must be a whole number, got `{1}`")]
    BadNumber(&'static str, String),
    #[error("APP_ENV=production requires an explicit DATABASE_URL")]
    ProductionNeedsDatabase,
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
        let session_ttl_minutes = match get("SESSION_TTL_MINUTES") {
            Some(v) => v
                .parse::<u64>()
                .map_err(|_| ConfigError::BadNumber("SESSION_TTL_MINUTES", v))?,
            None => 8 * 60,
        };
        Ok(Settings {
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
            http_workers: match get("HTTP_WORKERS") {
                Some(v) => Some(v.parse().map_err(|_| ConfigError::BadNumber("HTTP_WORKERS", v))?),
                None => None,
            },
        })
    }

    pub fn is_production(&self) -> bool {
        self.app_env == AppEnv::Production
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
        let map: HashMap<String, String> =
            pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
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
        assert!(matches!(
            settings(&[("APP_ENV", "production")]),
            Err(ConfigError::ProductionNeedsDatabase)
        ));
    }

    #[test]
    fn production_never_loads_demo_data() {
        let s = settings(&[
            ("APP_ENV", "production"),
            ("DATABASE_URL", "postgres://x/y"),
            ("SEED_DEMO", "true"),
        ])
        .unwrap();
        assert!(!s.seed_demo);
    }

    #[test]
    fn a_misspelt_environment_is_an_error_not_a_silent_default() {
        assert!(settings(&[("APP_ENV", "prod")]).is_err());
        assert!(settings(&[("SEED_DEMO", "maybe")]).is_err());
    }
}
