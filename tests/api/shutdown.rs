//! SIGTERM to the real binary: every request accepted before the signal gets
//! its whole answer, and the process exits 0.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

/// The server binary on a fresh SQLite database, with one HTTP worker.
struct Server {
    child: Child,
    address: String,
    _dir: tempfile::TempDir,
}

impl Server {
    async fn start() -> Server {
        let dir = tempfile::tempdir().unwrap();
        let database = format!("sqlite://{}?mode=rwc", dir.path().join("db.sqlite").display());
        Self::start_with(dir, &[("DATABASE_URL", database.as_str()), ("OUTBOX_WORKER", "false")]).await
    }

    async fn start_with(dir: tempfile::TempDir, env: &[(&str, &str)]) -> Server {
        // The test's own HTTP clients need rustls's provider (the server installs it for itself).
        api::outbox::transport::webhook::install_crypto_provider();
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(env!("CARGO_BIN_EXE_api"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("BIND_ADDR", format!("127.0.0.1:{port}"))
            .env("HTTP_WORKERS", "1")
            .env("SEED_DEMO", "true")
            .env("UI_DIR", dir.path().join("no-ui"))
            .env("SHUTDOWN_DRAIN_SECS", "2")
            .env("OUTBOX_MAIL_DIR", dir.path().join("mail"))
            .env("RUST_LOG", "warn")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .spawn()
            .expect("start the server binary");
        let server = Server { child, address: format!("http://127.0.0.1:{port}"), _dir: dir };
        server.wait_until_up().await;
        server
    }

    async fn wait_until_up(&self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if reqwest::get(format!("{}/healthz", self.address)).await.is_ok_and(|r| r.status().is_success()) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the server did not come up");
    }

    fn sigterm(&self) {
        let status = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap();
        assert!(status.success());
    }

    /// Waits (bounded) for the process to exit and returns its exit code.
    async fn exit_code(&mut self, within: Duration) -> Option<i32> {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let _ = self.child.kill();
        panic!("the server did not exit within {within:?}");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One sign-in (slow: a password hash) on a connection of its own; `Err` when
/// the answer was not a whole HTTP response with a GraphQL body.
async fn sign_in(address: String) -> Result<(), String> {
    let client = reqwest::Client::builder().pool_max_idle_per_host(0).build().unwrap();
    let res = client
        .post(format!("{address}/graphql"))
        .json(&json!({
            "query": "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
            "variables": { "u": "admin", "p": "demo" },
        }))
        .send()
        .await
        .map_err(|e| format!("no answer: {e:?}"))?;
    let status = res.status();
    let body: serde_json::Value = res.json().await.map_err(|e| format!("{status}, body cut: {e:?}"))?;
    if status.is_success() && (body["data"].is_object() || body["errors"].is_array()) {
        Ok(())
    } else {
        Err(format!("{status}: {body}"))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_answers_every_request_already_sent_and_exits_cleanly() {
    let mut server = Server::start().await;
    // More slow requests than the one worker serves at once; the signal comes
    // while they are still connecting and being read.
    let requests: Vec<_> = (0..16).map(|_| tokio::spawn(sign_in(server.address.clone()))).collect();
    tokio::time::sleep(Duration::from_millis(5)).await;
    let signalled = Instant::now();
    server.sigterm();
    // A load balancer polling readiness is told to stop sending at once.
    let mut ready = None;
    while signalled.elapsed() < Duration::from_secs(1) {
        ready = reqwest::get(format!("{}/readyz", server.address)).await.ok().map(|r| r.status().as_u16());
        if ready == Some(503) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let mut failures = Vec::new();
    for request in requests {
        if let Err(err) = request.await.unwrap() {
            failures.push(err);
        }
    }
    assert!(failures.is_empty(), "{} of 16 requests lost: {failures:?}", failures.len());
    assert_eq!(ready, Some(503), "/readyz says 503 within a second of SIGTERM");
    assert_eq!(server.exit_code(Duration::from_secs(30)).await, Some(0));
    assert!(signalled.elapsed() < Duration::from_secs(20), "the drain and grace periods bound the shutdown");
}

/// SIGTERM while the SMTP server holds its "250" for a message: the message is
/// recorded SENT before the process exits, and a worker running after the
/// lease does not send it again. On PostgreSQL, because the HTTP workers first
/// open pooled connections: actix's own SIGTERM handling stopped the whole
/// actix system, HTTP workers' runtimes included, and an attempt recorded
/// through one of their connections failed ("A Tokio 1.x context was found,
/// but it is being shutdown"), leaving the message SENDING to be sent again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_during_an_email_delivery_records_it_and_it_is_not_sent_twice() {
    use api::outbox::worker::Worker;
    use sea_orm::ConnectionTrait;

    let Some(database_url) = std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) else {
        let test = crate::this_test!("sigterm_during_an_email_delivery_records_it_and_it_is_not_sent_twice");
        crate::not_run::report(test, crate::not_run::NO_POSTGRES);
        return;
    };
    let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
    let admin = sea_orm::Database::connect(&database_url).await.unwrap();
    admin.execute_unprepared(&format!("CREATE SCHEMA \"{schema}\"")).await.unwrap();
    // Five rounds, as the issue's done-when asks: a duplicate showed in 2 of 3 rounds before.
    for round in 0..5 {
        if round > 0 {
            admin
                .execute_unprepared(&format!("DROP SCHEMA \"{schema}\" CASCADE; CREATE SCHEMA \"{schema}\""))
                .await
                .unwrap();
        }
        let mut smtp = crate::outbox::SlowSmtp::start(Duration::from_millis(1500)).await;
        let smtp_url = format!("smtp://127.0.0.1:{}", smtp.port);
        let mut server = Server::start_with(
            tempfile::tempdir().unwrap(),
            &[
                ("DATABASE_URL", database_url.as_str()),
                ("DATABASE_SCHEMA", schema.as_str()),
                ("OUTBOX_WORKER", "true"),
                ("OUTBOX_POLL_MS", "50"),
                ("SMTP_URL", smtp_url.as_str()),
                ("SHUTDOWN_DRAIN_SECS", "0"),
            ],
        )
        .await;
        // The HTTP worker opens pooled connections.
        let client = reqwest::Client::new();
        let login = client
            .post(format!("{}/graphql", server.address))
            .json(&json!({ "query": r#"mutation { login(username: "admin", password: "demo") { token } }"# }))
            .send()
            .await
            .unwrap()
            .json::<serde_json::Value>()
            .await
            .unwrap();
        let token = login["data"]["login"]["token"].as_str().expect("signed in").to_owned();
        let queries = (0..24).map(|_| {
            client
                .post(format!("{}/graphql", server.address))
                .bearer_auth(&token)
                .json(&json!({ "query": "{ me { username } }" }))
                .send()
        });
        for res in futures::future::join_all(queries).await {
            assert!(res.unwrap().status().is_success());
        }

        let mut settings = api::config::Settings::from_lookup(|_| None).unwrap();
        settings.database_url = database_url.clone();
        settings.database_schema = Some(schema.clone());
        settings.outbox.smtp_url = Some(api::config::SecretString::new(smtp_url.clone()));
        let db = api::db::connect(&settings).await.unwrap();
        let msg = api::outbox::NewMessage::email(
            "shutdown:1",
            "mario.rossi@example.it",
            crate::outbox::HELD_SUBJECT,
            "Testo",
        );
        api::outbox::enqueue(&db, msg).await.unwrap();
        tokio::time::timeout(Duration::from_secs(10), smtp.data_received.recv())
            .await
            .expect("delivery starts")
            .unwrap();
        server.sigterm();
        assert_eq!(server.exit_code(Duration::from_secs(30)).await, Some(0), "round {round}");

        let after = api::outbox::by_dedupe_key(&db, "shutdown:1").await.unwrap().unwrap();
        assert_eq!(after.status.as_str(), "SENT", "round {round}: the delivery in flight at SIGTERM is recorded");
        let state = api::state::AppState::new(settings.clone(), db.clone()).await.unwrap();
        let past_lease = chrono::Utc::now() + chrono::Duration::minutes(10);
        assert_eq!(Worker::new(&state).unwrap().drain_at(past_lease).await.unwrap(), 0, "round {round}");
        assert_eq!(*smtp.accepted.lock().unwrap(), 1, "round {round}: sent once");
    }
    admin.execute_unprepared(&format!("DROP SCHEMA \"{schema}\" CASCADE")).await.unwrap();
}
