//! Test harness: start the real server on a fresh database and talk to it
//! like a client would.
//!
//! `TestApp::spawn(Backend::Sqlite)` uses a new SQLite file; `Backend::postgres()`
//! a new schema in the PostgreSQL of `TEST_DATABASE_URL` (dropped afterwards),
//! and Redis from `TEST_REDIS_URL` with a key prefix of its own. Tests written
//! with [`both_backends!`] run on each backend that is configured.

#![allow(dead_code)]

use std::sync::Once;

use api::config::Settings;
use api::startup::Application;
use chrono::Utc;
use entities::org_unit;
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::{Value, json};
use uuid::Uuid;

#[derive(Clone, Debug)]
pub enum Backend {
    Sqlite,
    Postgres { url: String, redis_url: Option<String> },
}

impl Backend {
    /// PostgreSQL (and Redis) when the environment names them.
    pub fn postgres() -> Option<Backend> {
        let url = std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty())?;
        let redis_url = std::env::var("TEST_REDIS_URL").ok().filter(|u| !u.is_empty());
        Some(Backend::Postgres { url, redis_url })
    }
}

/// Runs an async test body once per configured backend:
/// `both_backends!(name, |app| async move { ... })` defines `name::sqlite` and `name::postgres`.
/// `both_backends!(name, configure: |s: &mut Settings| ..., |app| async move { ... })`
/// adjusts the settings before start-up.
#[macro_export]
macro_rules! both_backends {
    ($name:ident, configure: $configure:expr, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app =
                    $crate::helpers::TestApp::spawn_configured($crate::helpers::Backend::Sqlite, $configure).await;
                api::kernel::reach::Reach::system().run(($body)(app)).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(backend) = $crate::helpers::Backend::postgres() else {
                    $crate::not_run::report(concat!(module_path!(), "::postgres"), $crate::not_run::NO_POSTGRES);
                    return;
                };
                let app = $crate::helpers::TestApp::spawn_configured(backend, $configure).await;
                api::kernel::reach::Reach::system().run(($body)(app)).await;
            }
        }
    };
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $crate::helpers::TestApp::spawn($crate::helpers::Backend::Sqlite).await;
                api::kernel::reach::Reach::system().run(($body)(app)).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(backend) = $crate::helpers::Backend::postgres() else {
                    $crate::not_run::report(concat!(module_path!(), "::postgres"), $crate::not_run::NO_POSTGRES);
                    return;
                };
                let app = $crate::helpers::TestApp::spawn(backend).await;
                api::kernel::reach::Reach::system().run(($body)(app)).await;
            }
        }
    };
}

/// The client a test talks to its server with. It drops a connection idle
/// for a second, well before the server closes an idle keep-alive connection
/// (actix-web: after 5 s): reusing one at the moment the server closes it
/// fails the request with `IncompleteMessage` (hyper's known race), which a
/// test that pauses between requests on a busy machine met in CI.
pub fn test_client() -> reqwest::Client {
    reqwest::Client::builder().pool_idle_timeout(std::time::Duration::from_secs(1)).build().expect("a client")
}

pub struct TestApp {
    pub address: String,
    pub settings: Settings,
    pub client: reqwest::Client,
    pub state: api::state::AppState,
    stop: api::startup::StopHandle,
    served: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    cleanup: Option<PgCleanup>,
    _dir: Option<tempfile::TempDir>,
}

struct PgCleanup {
    url: String,
    schema: String,
}

static TRACING: Once = Once::new();

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_configured(backend, |_| {}).await
    }

    /// Like [`TestApp::spawn`], with settings adjusted before start-up
    /// (e.g. `|s| s.outbox.worker = true`).
    pub async fn spawn_configured(backend: Backend, configure: impl FnOnce(&mut Settings)) -> TestApp {
        let (mut settings, cleanup, dir) = test_settings(&backend).await;
        configure(&mut settings);
        Self::spawn_with(settings, cleanup, dir).await
    }

    /// A second server on the same database and Redis (several instances side by side).
    pub async fn spawn_sibling(&self) -> TestApp {
        let mut settings = self.settings.clone();
        settings.seed_demo = false;
        Self::spawn_with(settings, None, None).await
    }

    /// A second server on the same database whose clock is fixed at `now`:
    /// a later day of the same story (e.g. the citizen replying two days on).
    pub async fn spawn_sibling_at(&self, now: chrono::DateTime<Utc>) -> TestApp {
        let mut settings = self.settings.clone();
        settings.seed_demo = false;
        settings.fixed_now = Some(now);
        Self::spawn_with(settings, None, None).await
    }

    async fn spawn_with(settings: Settings, cleanup: Option<PgCleanup>, dir: Option<tempfile::TempDir>) -> TestApp {
        TRACING.call_once(|| {
            if std::env::var("TEST_LOG").is_ok() {
                api::telemetry::init(false);
            }
        });
        let app = Application::build(settings.clone()).await.expect("failed to build the application");
        let address = format!("http://127.0.0.1:{}", app.port());
        let state = app.state().clone();
        let stop = app.stop_handle();
        let served = Some(tokio::spawn(app.run_until_stopped()));
        TestApp { address, settings, client: test_client(), state, stop, served, cleanup, _dir: dir }
    }

    /// Shuts the server down as SIGTERM would and waits until it has stopped.
    pub async fn shut_down(&mut self) {
        self.stop.stop();
        if let Some(served) = self.served.take() {
            served.await.expect("the server task panicked").expect("the server failed");
        }
    }

    /// POSTs a GraphQL operation and returns the whole JSON response.
    pub async fn graphql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let mut req = self
            .client
            .post(format!("{}/graphql", self.address))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        let res = req.send().await.expect("request failed");
        res.json().await.expect("response is not JSON")
    }

    /// Signs in and returns the bearer token; panics with the response if it fails.
    ///
    /// The caller's first request then resolves and caches their principal
    /// (auth::principal_cache), as a browser's first screen does; so tests
    /// that count a query's statements count that query's own.
    pub async fn login(&self, username: &str) -> String {
        let res = self.try_login(username, "demo").await;
        let token = res["data"]["login"]["token"]
            .as_str()
            .unwrap_or_else(|| panic!("login of {username} failed: {res}"))
            .to_owned();
        self.graphql(Some(&token), "{ me { username } }", json!({})).await;
        token
    }

    pub async fn try_login(&self, username: &str, password: &str) -> Value {
        self.graphql(
            None,
            "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt } }",
            json!({ "u": username, "p": password }),
        )
        .await
    }

    /// Delivers what the outbox has due, as the background worker would (it is
    /// off in tests, so deliveries happen exactly when a test asks). Returns how
    /// many messages were attempted.
    pub async fn drain_outbox(&self) -> usize {
        api::outbox::drain_once(&self.state).await.expect("outbox drain failed")
    }

    /// Where this app's e-mails land (`<message id>.eml` files).
    pub fn mail_dir(&self) -> &std::path::Path {
        &self.settings.outbox.mail_dir
    }

    pub fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.client.get(format!("{}{path}", self.address))
    }

    pub fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.client.post(format!("{}{path}", self.address))
    }
}

/// The `extensions.code` of the first error, if any.
pub fn error_code(res: &Value) -> Option<&str> {
    res["errors"][0]["extensions"]["code"].as_str()
}

/// Asserts that the response has no errors and returns its data.
pub fn data(res: &Value) -> &Value {
    assert!(res.get("errors").is_none(), "unexpected errors: {res}");
    &res["data"]
}

async fn test_settings(backend: &Backend) -> (Settings, Option<PgCleanup>, Option<tempfile::TempDir>) {
    let mut settings = Settings::from_lookup(|_| None).expect("default settings");
    settings.bind_addr = "127.0.0.1:0".into();
    settings.http_workers = Some(2);
    settings.ui_dir = "does-not-exist".into();
    // Deliveries only when a test calls `drain_outbox`, and e-mails in the test's own directory.
    let dir = tempfile::tempdir().expect("temp dir");
    settings.outbox.worker = false;
    settings.outbox.mail_dir = dir.path().join("mail");
    match backend {
        Backend::Sqlite => {
            settings.database_url = format!("sqlite://{}?mode=rwc", dir.path().join("test.sqlite").display());
            (settings, None, Some(dir))
        }
        Backend::Postgres { url, redis_url } => {
            let schema = format!("t_{}", Uuid::new_v4().simple());
            create_schema(url, &schema).await;
            settings.database_url = url.clone();
            settings.database_schema = Some(schema.clone());
            settings.redis_url = redis_url.clone();
            settings.redis_prefix = format!("test:{schema}:");
            (settings, Some(PgCleanup { url: url.clone(), schema }), Some(dir))
        }
    }
}

async fn create_schema(url: &str, schema: &str) {
    use sea_orm::{ConnectionTrait, Database};
    let db = Database::connect(url).await.expect("connect to TEST_DATABASE_URL");
    db.execute_unprepared(&format!("CREATE SCHEMA \"{schema}\"")).await.expect("create test schema");
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let Some(PgCleanup { url, schema }) = self.cleanup.take() else { return };
        // Drop runs outside any async context we can block on, so use a thread of its own.
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
            rt.block_on(async {
                use sea_orm::{ConnectionTrait, Database};
                if let Ok(db) = Database::connect(&url).await {
                    let _ = db.execute_unprepared(&format!("DROP SCHEMA \"{schema}\" CASCADE")).await;
                }
            });
        })
        .join();
    }
}

/// Adds a provincial directorate `code` with `n` offices under DR Sardegna,
/// straight into the database (for tests that need many rows).
pub async fn directorate_with_offices(app: &TestApp, code: &str, n: usize) {
    let db = &app.state.db;
    let dr = org_unit::Entity::find().all(db).await.unwrap().into_iter().find(|u| u.code == "DR-SAR").unwrap();
    let dp_id = Uuid::now_v7();
    let dp_path = format!("{}{code}/", dr.path);
    let unit = |id, code: String, kind: &str, parent, path| org_unit::ActiveModel {
        id: Set(id),
        code: Set(code.clone()),
        name: Set(code),
        kind: Set(kind.parse().unwrap()),
        parent_id: Set(Some(parent)),
        path: Set(path),
        office_size: Set(None),
        virtual_counter: Set(false),
        virtual_counter_mailbox: Set(None),
        function_mailbox: Set(None),
        opening_hours: Set(None),
        created_at: Set(Utc::now()),
    };
    org_unit::Entity::insert(unit(dp_id, code.to_owned(), "PROVINCIAL_DIRECTORATE", dr.id, dp_path.clone()))
        .exec(db)
        .await
        .unwrap();
    let offices: Vec<_> = (0..n)
        .map(|i| {
            let segment = format!("U{i}");
            unit(
                Uuid::now_v7(),
                format!("{code}-{segment}"),
                "TERRITORIAL_OFFICE",
                dp_id,
                format!("{dp_path}{segment}/"),
            )
        })
        .collect();
    for chunk in offices.chunks(200) {
        org_unit::Entity::insert_many(chunk.to_vec()).exec(db).await.unwrap();
    }
}
