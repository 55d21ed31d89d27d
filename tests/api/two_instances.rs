//! Two real server processes on one PostgreSQL schema and one Redis, under
//! faults (issue 19 item 2): sessions and limits are shared, the outbox
//! delivers every message through a SIGKILL mid-delivery, the scheduled jobs
//! act once, and both instances recover from Redis and PostgreSQL outages
//! without a restart. Recovery times are printed (`--nocapture` shows them).
//!
//! Needs `TEST_DATABASE_URL` and `TEST_REDIS_URL` (the Redis it uses is a
//! `redis-server` the test starts itself, so that it can stop it; PostgreSQL
//! is reached through a proxy the test cuts).

use std::collections::HashSet;
use std::time::Duration;

use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;

use api::outbox::domain::NewMessage;
use api::outbox::worker::CONCURRENCY;
use entities::outbox_message::{self, Status};

use crate::fleet::{Instance, RedisServer, WebhookReceiver, time_until};
use crate::helpers::error_code;
use crate::tcp_proxy::{Mode, TcpProxy};

const LOGIN: &str = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }";
const ME: &str = "{ me { username } }";
/// A query that needs the database.
const UNITS: &str = "{ orgUnits(first: 1) { edges { node { code } } } }";
/// Longer than a held webhook ever waits in these tests, so that only a dead worker loses its lease.
const LEASE_SECS: u64 = 5;

/// Two instances `a` and `b` on a fresh schema, Redis of their own and PostgreSQL behind a proxy.
struct Fleet {
    a: Instance,
    b: Instance,
    redis: RedisServer,
    postgres: TcpProxy,
    /// The test's own connection, straight to PostgreSQL (not through the proxy).
    db: DatabaseConnection,
    /// Before the first instance started.
    started: chrono::DateTime<chrono::Utc>,
    _schema: Schema,
    _dir: tempfile::TempDir,
}

/// The test schema, dropped at the end.
struct Schema {
    url: String,
    name: String,
}

impl Drop for Schema {
    fn drop(&mut self) {
        let (url, name) = (self.url.clone(), self.name.clone());
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
            rt.block_on(async {
                if let Ok(db) = sea_orm::Database::connect(&url).await {
                    let _ = db.execute_unprepared(&format!("DROP SCHEMA \"{name}\" CASCADE")).await;
                }
            });
        })
        .join();
    }
}

impl Fleet {
    /// `None` (and a "not run" line) without PostgreSQL, Redis or a `redis-server` binary.
    async fn start(test: &str) -> Option<Fleet> {
        let set = |key: &str| std::env::var(key).ok().filter(|v| !v.is_empty());
        let (Some(pg_url), Some(_)) = (set("TEST_DATABASE_URL"), set("TEST_REDIS_URL")) else {
            crate::not_run::report(test, crate::not_run::postgres_or_redis_missing());
            return None;
        };
        let Some(redis) = RedisServer::start().await else {
            crate::not_run::report(test, "no redis-server binary");
            return None;
        };
        let schema = Schema { url: pg_url.clone(), name: format!("t_{}", Uuid::new_v4().simple()) };
        let owner = sea_orm::Database::connect(&pg_url).await.expect("connect to TEST_DATABASE_URL");
        owner.execute_unprepared(&format!("CREATE SCHEMA \"{}\"", schema.name)).await.unwrap();

        let mut url = url::Url::parse(&pg_url).unwrap();
        let upstream = tokio::net::lookup_host((url.host_str().unwrap(), url.port().unwrap_or(5432)))
            .await
            .unwrap()
            .next()
            .unwrap();
        let postgres = TcpProxy::start(upstream).await;
        url.set_host(Some("127.0.0.1")).unwrap();
        url.set_port(Some(postgres.port)).unwrap();

        let dir = tempfile::tempdir().unwrap();
        let env = |seed: bool| {
            vec![
                ("DATABASE_URL", url.to_string()),
                ("DATABASE_SCHEMA", schema.name.clone()),
                ("REDIS_URL", redis.url()),
                ("REDIS_PREFIX", format!("test:{}:", schema.name)),
                ("REDIS_TIMEOUT_MS", "300".to_owned()),
                ("SEED_DEMO", seed.to_string()),
                ("OUTBOX_WORKER", "true".to_owned()),
                ("OUTBOX_POLL_MS", "100".to_owned()),
                ("OUTBOX_LEASE_SECS", LEASE_SECS.to_string()),
                ("OUTBOX_WEBHOOK_TIMEOUT_SECS", "4".to_owned()),
                ("OUTBOX_WEBHOOK_ALLOW_PRIVATE", "true".to_owned()),
                ("OUTBOX_RETRY_BASE_SECS", "1".to_owned()),
                ("APPOINTMENT_SCHEDULER_SECS", "1".to_owned()),
            ]
        };
        // The first one migrates and seeds; the second finds it done.
        let started = chrono::Utc::now();
        let a = Instance::start("a", dir.path(), &env(true)).await;
        let b = Instance::start("b", dir.path(), &env(false)).await;

        let mut settings = api::config::Settings::from_lookup(|_| None).unwrap();
        settings.database_url = pg_url;
        settings.database_schema = Some(schema.name.clone());
        let db = api::db::connect_owner(&settings).await.unwrap();
        Some(Fleet { a, b, redis, postgres, db, started, _schema: schema, _dir: dir })
    }

    fn both(&self) -> [&Instance; 2] {
        [&self.a, &self.b]
    }

    /// Enqueues `n` webhooks to `url`, as the procure module would; their ids.
    async fn enqueue_webhooks(&self, tag: &str, n: usize, url: &str) -> Vec<Uuid> {
        let mut ids = Vec::with_capacity(n);
        for i in 0..n {
            let payload = json!({ "event": "procura.revoked", "procuraId": format!("{tag}-{i}") });
            let msg = NewMessage::webhook(format!("test:{tag}:{i}"), url, &payload, "partner-secret-0123456789");
            ids.push(api::outbox::store::enqueue(&self.db, msg).await.unwrap().id());
        }
        ids
    }

    /// Waits until every message in `ids` is `SENT`; how long it took.
    async fn all_sent(&self, ids: &[Uuid], within: Duration) -> Duration {
        let db = &self.db;
        let took = time_until(within, || async move {
            let sent = outbox_message::Entity::find()
                .filter(outbox_message::Column::Id.is_in(ids.to_vec()))
                .filter(outbox_message::Column::Status.eq(Status::Sent.as_str()))
                .all(db)
                .await
                .unwrap();
            sent.len() == ids.len()
        })
        .await;
        took.unwrap_or_else(|| panic!("not every message was sent within {within:?}"))
    }

    async fn count(&self, sql: &str) -> i64 {
        fleet_count(&self.db, sql).await
    }

    /// Polls until both instances' `/readyz` answers `status`; how long each took.
    async fn both_ready(&self, status: u16, within: Duration) -> [Duration; 2] {
        let [a, b] = self.both();
        let (ta, tb) = tokio::join!(
            time_until(within, || async move { a.readyz().await == status }),
            time_until(within, || async move { b.readyz().await == status }),
        );
        [ta, tb].map(|t| t.unwrap_or_else(|| panic!("/readyz did not answer {status} within {within:?}")))
    }
}

async fn login(instance: &Instance, username: &str, password: &str) -> Value {
    instance.graphql(None, LOGIN, json!({ "u": username, "p": password })).await
}

fn token(res: &Value) -> String {
    res["data"]["login"]["token"].as_str().unwrap_or_else(|| panic!("no token: {res}")).to_owned()
}

fn retryable(res: &Value) -> bool {
    res["errors"][0]["extensions"]["retryable"] == json!(true) && error_code(res).is_some()
}

/// Waits until the receiver holds more requests unanswered than one worker
/// sends at once: both instances are then mid-delivery.
async fn both_mid_delivery(receiver: &WebhookReceiver) {
    let caught = time_until(Duration::from_secs(20), || async { receiver.unanswered().len() > CONCURRENCY }).await;
    assert!(caught.is_some(), "the two workers were never delivering at once: {:?}", receiver.unanswered().len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_share_sessions_and_limits_and_deliver_every_message_through_a_kill() {
    let test = crate::this_test!("two_instances_share_sessions_and_limits_and_deliver_every_message_through_a_kill");
    let Some(mut fleet) = Fleet::start(test).await else { return };

    // A session made on one instance is valid on the other.
    let admin = token(&login(&fleet.a, "admin", "demo").await);
    assert_eq!(fleet.b.graphql(Some(&admin), ME, json!({})).await["data"]["me"]["username"], "admin");
    // The failed-login limit (10) counts the attempts made on both.
    for attempt in 1..=10 {
        let instance = if attempt % 2 == 0 { &fleet.a } else { &fleet.b };
        assert_eq!(error_code(&login(instance, "op.roma1", "wrong").await), Some("UNAUTHENTICATED"), "{attempt}");
    }
    for instance in fleet.both() {
        assert_eq!(error_code(&login(instance, "op.roma1", "wrong").await), Some("RATE_LIMITED"), "{}", instance.name);
    }

    // The scheduled jobs ran on both (every second) and acted once: each reminder
    // e-mail was written by one instance only, and only once.
    let db = &fleet.db;
    let reminders = "SELECT count(*) FROM outbox_message WHERE event = 'appointment.reminder' AND status = 'SENT'";
    let enqueued = time_until(Duration::from_secs(20), || async move { fleet_count(db, reminders).await > 0 }).await;
    assert!(enqueued.is_some(), "no reminder was sent");
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mailed: Vec<String> = fleet.both().iter().flat_map(|i| i.mailed_ids()).collect();
    let distinct: HashSet<&String> = mailed.iter().collect();
    assert_eq!(distinct.len(), mailed.len(), "an e-mail was written by both instances");
    // The demo data's own history has e-mails marked sent long ago; these are the ones sent now.
    let sent_now = format!(
        "SELECT count(*) FROM outbox_message m WHERE channel = 'EMAIL' AND status = 'SENT' AND EXISTS \
         (SELECT 1 FROM outbox_delivery d WHERE d.message_id = m.id AND d.outcome = 'SENT' AND d.at >= '{}')",
        fleet.started.to_rfc3339()
    );
    assert_eq!(mailed.len() as i64, fleet.count(&sent_now).await);
    let alerts = fleet.count("SELECT count(*) FROM alert").await;
    let distinct_alerts = fleet.count("SELECT count(DISTINCT dedupe_key) FROM alert").await;
    assert_eq!(alerts, distinct_alerts);
    println!(
        "scheduled jobs on two instances: {} e-mails sent once each ({} reminders), {alerts} alerts raised once each",
        mailed.len(),
        fleet.count(reminders).await
    );

    // Both workers deliver at once: every message exactly once.
    let receiver = WebhookReceiver::start();
    receiver.hold();
    let calm = fleet.enqueue_webhooks("calm", 24, &receiver.url).await;
    both_mid_delivery(&receiver).await;
    receiver.release();
    fleet.all_sent(&calm, Duration::from_secs(30)).await;
    let counts = receiver.counts();
    for id in &calm {
        assert_eq!(counts.get(&id.to_string()), Some(&1), "message {id} while both run");
    }

    // SIGKILL b while both are mid-delivery: nothing is lost; the only messages
    // received twice are some of those unanswered at the kill, with the same
    // delivery id (the receiver's idempotency key), re-sent after the lease.
    receiver.hold();
    let stormy = fleet.enqueue_webhooks("kill", 24, &receiver.url).await;
    both_mid_delivery(&receiver).await;
    let in_flight = receiver.unanswered();
    fleet.b.kill();
    receiver.release();
    let took = fleet.all_sent(&stormy, Duration::from_secs(LEASE_SECS * 4 + 10)).await;
    assert!(!fleet.b.is_running());
    let counts = receiver.counts();
    let twice: Vec<String> = stormy.iter().map(Uuid::to_string).filter(|id| counts.get(id) != Some(&1)).collect();
    for id in &stormy {
        assert!(counts.get(&id.to_string()).is_some_and(|&n| (1..=2).contains(&n)), "message {id}: {counts:?}");
    }
    for id in &twice {
        assert!(in_flight.contains(id), "{id} was received twice but was not in flight at the kill");
    }
    assert!(twice.len() <= CONCURRENCY, "more duplicates than the killed worker had in flight: {twice:?}");
    let taken_over = fleet.count("SELECT count(*) FROM outbox_delivery WHERE outcome = 'LEASE_EXPIRED'").await;
    assert!(taken_over >= 1, "no message was taken over from the killed instance");
    println!(
        "outbox through SIGKILL: {} messages, none lost; {} unanswered at the kill, {} re-sent after the lease \
         ({taken_over} taken over), all sent {:.1} s after the kill",
        stormy.len(),
        in_flight.len(),
        twice.len(),
        took.as_secs_f64()
    );
}

/// The single number `sql` selects.
async fn fleet_count(db: &DatabaseConnection, sql: &str) -> i64 {
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(db.get_database_backend(), sql.to_owned()))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index(0).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_answer_not_ready_during_redis_and_postgres_outages_and_recover_without_a_restart() {
    let test = crate::this_test!(
        "two_instances_answer_not_ready_during_redis_and_postgres_outages_and_recover_without_a_restart"
    );
    let Some(mut fleet) = Fleet::start(test).await else { return };
    fleet.both_ready(200, Duration::from_secs(10)).await;
    let before = token(&login(&fleet.a, "admin", "demo").await);

    // Redis stopped: not ready, sign-in refused with a retryable coded error, the rest answers.
    fleet.redis.stop();
    let [a, b] = fleet.both_ready(503, Duration::from_secs(10)).await;
    println!("redis stopped: /readyz 503 after {} ms (a), {} ms (b)", a.as_millis(), b.as_millis());
    for instance in fleet.both() {
        let res = login(instance, "admin", "demo").await;
        assert!(retryable(&res), "sign-in on {} without Redis: {res}", instance.name);
        let res = instance.graphql(Some(&before), ME, json!({})).await;
        assert!(retryable(&res), "signed-in query on {} without Redis: {res}", instance.name);
        let res = instance.graphql(None, "{ __typename }", json!({})).await;
        assert_eq!(res["data"]["__typename"], "QueryRoot");
    }
    fleet.redis.restart().await;
    let [a, b] = fleet.both_ready(200, Duration::from_secs(30)).await;
    let instance = &fleet.b;
    let signed_in = time_until(Duration::from_secs(30), || async move {
        login(instance, "admin", "demo").await["data"]["login"]["token"].is_string()
    })
    .await
    .expect("no sign-in after Redis came back");
    println!(
        "redis restarted: /readyz 200 after {} ms (a), {} ms (b); sign-in again after {} ms",
        a.as_millis(),
        b.as_millis(),
        signed_in.as_millis()
    );
    // Its data survived (append-only file): the session made before the outage still works.
    assert_eq!(fleet.a.graphql(Some(&before), ME, json!({})).await["data"]["me"]["username"], "admin");

    // PostgreSQL out of reach: not ready, requests that need it fail with a code.
    fleet.postgres.set(Mode::Refuse);
    let [a, b] = fleet.both_ready(503, Duration::from_secs(20)).await;
    println!("postgres cut: /readyz 503 after {} ms (a), {} ms (b)", a.as_millis(), b.as_millis());
    let res = fleet.a.graphql(Some(&before), UNITS, json!({})).await;
    println!("postgres cut: a query that needs it answers {}", res["errors"][0]);
    assert!(error_code(&res).is_some(), "a query without the database: {res}");
    fleet.postgres.set(Mode::Forward);
    let [a, b] = fleet.both_ready(200, Duration::from_secs(60)).await;
    let res = fleet.b.graphql(Some(&before), ME, json!({})).await;
    assert_eq!(res["data"]["me"]["username"], "admin", "{res}");
    let res = fleet.a.graphql(Some(&before), UNITS, json!({})).await;
    assert!(res["data"]["orgUnits"]["edges"].is_array(), "{res}");
    println!("postgres back: /readyz 200 after {} ms (a), {} ms (b)", a.as_millis(), b.as_millis());
}
