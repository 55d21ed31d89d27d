//! The notifications outbox: one message per logical notification, delivered
//! once through worker crashes and concurrent workers, signed webhooks that
//! reach a receiver once it is back, and monitoring for administrators only.

use std::collections::{HashMap, HashSet};
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::http::StatusCode;
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use chrono::Utc;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use api::config::Settings;
use api::outbox::domain::{self, NewMessage};
use api::outbox::store;
use api::outbox::worker::Worker;
use entities::{org_unit, outbox_message, person, role_assignment};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};

const SECRET: &str = "partner-secret-0123456789";
const CITIZEN: &str = "mario.rossi@example.it";

fn email(key: &str) -> NewMessage {
    NewMessage::email(key, CITIZEN, "Risposta al quesito", "Gentile contribuente, la risposta è pronta.")
        .event("quesito.answered")
}

fn webhook(key: &str, url: &str) -> NewMessage {
    NewMessage::webhook(key, url, &json!({ "event": "procura.revoked", "procuraId": key }), SECRET)
        .reference("webhook:test")
}

async fn enqueue(app: &TestApp, msg: NewMessage) -> Uuid {
    api::outbox::enqueue(&app.state.db, msg).await.unwrap().id()
}

async fn message(app: &TestApp, key: &str) -> outbox_message::Model {
    store::by_dedupe_key(&app.state.db, key).await.unwrap().expect("the message exists")
}

/// The delivery log as (attempt, outcome, status code).
async fn log(app: &TestApp, id: Uuid) -> Vec<(i32, String, Option<i32>)> {
    store::deliveries_of(&app.state.db, &[id])
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.attempt, d.outcome.to_string(), d.status_code))
        .collect()
}

fn eml_files(app: &TestApp) -> Vec<PathBuf> {
    let Ok(dir) = std::fs::read_dir(app.mail_dir()) else { return Vec::new() };
    let mut files: Vec<PathBuf> =
        dir.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "eml")).collect();
    files.sort();
    files
}

async fn unit_id(app: &TestApp, code: &str) -> Uuid {
    org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq(code))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("demo unit")
        .id
}

// ---------------------------------------------------------------------------
// A partner's webhook receiver on 127.0.0.1
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Hook {
    path: String,
    headers: HashMap<String, String>,
    body: String,
}

impl Hook {
    fn header(&self, name: &str) -> &str {
        self.headers.get(&name.to_ascii_lowercase()).map_or("", String::as_str)
    }

    /// What a partner app does with the request: verify the signature.
    fn signature_is_valid(&self) -> bool {
        let Ok(ts) = self.header(domain::HEADER_TIMESTAMP).parse::<i64>() else { return false };
        domain::verify(SECRET, ts, &self.body, self.header(domain::HEADER_SIGNATURE), Utc::now())
    }
}

struct Receiver {
    addr: SocketAddr,
    status: Arc<AtomicU16>,
    received: Arc<Mutex<Vec<Hook>>>,
}

impl Receiver {
    fn start(status: u16) -> Receiver {
        Self::start_on(TcpListener::bind("127.0.0.1:0").unwrap(), status)
    }

    /// Answers every request with `status`, recording it.
    fn start_on(listener: TcpListener, status: u16) -> Receiver {
        let addr = listener.local_addr().unwrap();
        let status = Arc::new(AtomicU16::new(status));
        let received = Arc::new(Mutex::new(Vec::new()));
        let (s, r) = (status.clone(), received.clone());
        let server = HttpServer::new(move || {
            let (s, r) = (s.clone(), r.clone());
            App::new().default_service(web::to(move |req: HttpRequest, body: web::Bytes| {
                let (s, r) = (s.clone(), r.clone());
                async move {
                    let headers = req
                        .headers()
                        .iter()
                        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or_default().to_owned()))
                        .collect();
                    r.lock().unwrap().push(Hook {
                        path: req.uri().to_string(),
                        headers,
                        body: String::from_utf8_lossy(&body).into_owned(),
                    });
                    HttpResponse::build(StatusCode::from_u16(s.load(Ordering::SeqCst)).unwrap()).body("thanks")
                }
            }))
        })
        .workers(1)
        .disable_signals()
        .listen(listener)
        .unwrap()
        .run();
        tokio::spawn(server);
        Receiver { addr, status, received }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn received(&self) -> Vec<Hook> {
        self.received.lock().unwrap().clone()
    }

    fn answer(&self, status: u16) {
        self.status.store(status, Ordering::SeqCst);
    }
}

// ---------------------------------------------------------------------------
// Enqueueing
// ---------------------------------------------------------------------------

both_backends!(enqueueing_the_same_notification_twice_keeps_one_message, |app: TestApp| async move {
    let db = &app.state.db;
    let first = api::outbox::enqueue(db, email("quesito:1:answered")).await.unwrap();
    let second = api::outbox::enqueue(db, email("quesito:1:answered")).await.unwrap();
    assert!(first.is_new());
    assert!(!second.is_new());
    assert_eq!(first.id(), second.id());

    // Inside the caller's transaction: a duplicate does not spoil it (ON CONFLICT
    // DO NOTHING, not a unique violation that would abort a PostgreSQL transaction).
    let txn = db.begin().await.unwrap();
    let a = api::outbox::enqueue(&txn, email("quesito:2:answered")).await.unwrap();
    let b = api::outbox::enqueue(&txn, email("quesito:2:answered")).await.unwrap();
    let c = api::outbox::enqueue(&txn, email("quesito:1:answered")).await.unwrap();
    assert_eq!(a.id(), b.id());
    assert_eq!(c.id(), first.id());
    txn.commit().await.unwrap();

    // A change rolled back takes its notification with it.
    let txn = db.begin().await.unwrap();
    api::outbox::enqueue(&txn, email("quesito:3:answered")).await.unwrap();
    txn.rollback().await.unwrap();
    assert!(store::by_dedupe_key(db, "quesito:3:answered").await.unwrap().is_none());

    let ours = outbox_message::Entity::find()
        .filter(outbox_message::Column::DedupeKey.starts_with("quesito:"))
        .count(db)
        .await
        .unwrap();
    assert_eq!(ours, 2);
    assert_eq!(app.drain_outbox().await, 2);
    // Once sent, the same notification enqueued again is still the one message.
    assert!(!api::outbox::enqueue(db, email("quesito:1:answered")).await.unwrap().is_new());
    assert_eq!(app.drain_outbox().await, 0);
    assert_eq!(eml_files(&app).len(), 2);
});

both_backends!(an_invalid_message_is_refused_and_nothing_is_written, |app: TestApp| async move {
    let bad = NewMessage::email("quesito:9:answered", "not-an-address", "Oggetto", "Testo");
    let err = api::outbox::enqueue(&app.state.db, bad).await.unwrap_err();
    assert_eq!(err.code(), "BAD_USER_INPUT");
    assert!(store::by_dedupe_key(&app.state.db, "quesito:9:answered").await.unwrap().is_none());
});

both_backends!(a_scheduled_message_waits_and_a_cancelled_one_never_leaves, |app: TestApp| async move {
    let db = &app.state.db;
    // (Sooner than the demo data's own reminder, which is two days away.)
    let in_an_hour = Utc::now() + chrono::Duration::hours(1);
    enqueue(&app, email("appointment:1:reminder").not_before(in_an_hour)).await;
    enqueue(&app, email("appointment:2:reminder").not_before(in_an_hour)).await;
    assert_eq!(app.drain_outbox().await, 0);

    assert!(api::outbox::cancel(db, "appointment:2:reminder", Utc::now()).await.unwrap());
    let worker = Worker::new(&app.state).unwrap();
    assert_eq!(worker.drain_at(in_an_hour + chrono::Duration::seconds(1)).await.unwrap(), 1);
    assert_eq!(message(&app, "appointment:1:reminder").await.status.as_str(), "SENT");
    assert_eq!(message(&app, "appointment:2:reminder").await.status.as_str(), "CANCELLED");
    // A sent message cannot be cancelled any more.
    assert!(!api::outbox::cancel(db, "appointment:1:reminder", Utc::now()).await.unwrap());
});

// ---------------------------------------------------------------------------
// Delivery through crashes and concurrent workers
// ---------------------------------------------------------------------------

both_backends!(a_message_whose_worker_died_is_sent_once_after_the_lease, |app: TestApp| async move {
    let id = enqueue(&app, email("appointment:42:reminder")).await;
    let now = Utc::now();

    // A worker claims the message and dies before sending it: the process is
    // gone, the row stays SENDING with its lease running.
    let claims = store::claim_due(&app.state.db, now, Duration::from_secs(60), 16).await.unwrap();
    assert_eq!(claims.len(), 1);
    drop(claims);
    assert_eq!(message(&app, "appointment:42:reminder").await.status.as_str(), "SENDING");

    // The restarted instance leaves it alone while the lease runs...
    let restarted = app.spawn_sibling().await;
    assert_eq!(restarted.drain_outbox().await, 0);
    assert!(eml_files(&app).is_empty());

    // ...and sends it once the lease has expired.
    let worker = Worker::new(&restarted.state).unwrap();
    let after_lease = now + chrono::Duration::seconds(61);
    assert_eq!(worker.drain_at(after_lease).await.unwrap(), 1);
    let sent = message(&app, "appointment:42:reminder").await;
    assert_eq!(sent.status.as_str(), "SENT");
    assert_eq!(sent.attempts, 2);
    assert!(sent.sent_at.is_some() && sent.locked_until.is_none() && sent.lease_token.is_none());
    assert_eq!(log(&app, id).await, vec![(1, "LEASE_EXPIRED".into(), None), (2, "SENT".into(), None)]);
    let files = eml_files(&app);
    assert_eq!(files, vec![app.mail_dir().join(format!("{id}.eml"))]);
    let eml = std::fs::read_to_string(&files[0]).unwrap();
    assert!(eml.contains("Subject: Risposta al quesito"), "{eml}");
    assert!(eml.contains(&format!("Message-ID: <{id}@accoglienza.invalid>")), "{eml}");
    assert!(eml.contains(CITIZEN), "{eml}");

    // A sent message is never sent again, whoever looks and whenever.
    assert_eq!(app.drain_outbox().await, 0);
    assert_eq!(restarted.drain_outbox().await, 0);
    assert_eq!(worker.drain_at(after_lease + chrono::Duration::days(1)).await.unwrap(), 0);
    assert_eq!(log(&app, id).await.len(), 2);
});

both_backends!(two_workers_draining_at_once_deliver_each_message_once, |app: TestApp| async move {
    let receiver = Receiver::start(200);
    let mut ids = HashSet::new();
    for i in 0..12 {
        ids.insert(enqueue(&app, webhook(&format!("procura:{i}:revoked"), &receiver.url("/hook"))).await);
    }
    let sibling = app.spawn_sibling().await;
    let (a, b) = (Worker::new(&app.state).unwrap(), Worker::new(&sibling.state).unwrap());
    let (na, nb) = tokio::join!(a.drain_once(), b.drain_once());
    assert_eq!(na.unwrap() + nb.unwrap(), 12);

    let hooks = receiver.received();
    let delivered: HashSet<Uuid> =
        hooks.iter().map(|h| Uuid::parse_str(h.header(domain::HEADER_DELIVERY)).unwrap()).collect();
    assert_eq!(hooks.len(), 12, "a message was delivered twice");
    assert_eq!(delivered, ids);
    assert_eq!(a.drain_once().await.unwrap() + b.drain_once().await.unwrap(), 0);
});

// ---------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------

both_backends!(a_partner_receives_a_signed_webhook_once, |app: TestApp| async move {
    let receiver = Receiver::start(204);
    let url = receiver.url("/hooks/accoglienza?app=gestionale");
    let id = enqueue(&app, webhook("procura:7:revoked", &url)).await;
    assert_eq!(app.drain_outbox().await, 1);

    let hooks = receiver.received();
    assert_eq!(hooks.len(), 1);
    let hook = &hooks[0];
    assert_eq!(hook.path, "/hooks/accoglienza?app=gestionale");
    assert_eq!(hook.header("content-type"), "application/json");
    assert_eq!(hook.header(domain::HEADER_EVENT), "procura.revoked");
    assert_eq!(hook.header(domain::HEADER_DELIVERY), id.to_string());
    assert!(hook.signature_is_valid(), "{hook:?}");
    let body: serde_json::Value = serde_json::from_str(&hook.body).unwrap();
    assert_eq!(body, json!({ "event": "procura.revoked", "procuraId": "procura:7:revoked" }));

    let sent = message(&app, "procura:7:revoked").await;
    assert_eq!(sent.status.as_str(), "SENT");
    assert!(sent.signing_secret.is_none(), "the secret is erased once it is no longer needed");
    assert_eq!(log(&app, id).await, vec![(1, "SENT".into(), Some(204))]);
    // The owning module lists its deliveries by reference.
    let mine = store::by_reference(&app.state.db, "webhook:test", None, 10).await.unwrap();
    assert_eq!(mine.iter().map(|m| m.id).collect::<Vec<_>>(), vec![id]);

    assert_eq!(app.drain_outbox().await, 0);
    assert_eq!(receiver.received().len(), 1);
});

both_backends!(a_receiver_that_is_down_gets_the_webhook_after_it_comes_back, |app: TestApp| async move {
    // A port nobody listens on.
    let addr = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let id = enqueue(&app, webhook("procura:8:revoked", &format!("http://{addr}/hook"))).await;
    let before = Utc::now();
    assert_eq!(app.drain_outbox().await, 1);

    let waiting = message(&app, "procura:8:revoked").await;
    assert_eq!(waiting.status.as_str(), "PENDING");
    assert_eq!(waiting.attempts, 1);
    assert!(waiting.last_error.is_some());
    // First retry after a minute, ±20 %.
    assert!(waiting.next_attempt_at >= before + chrono::Duration::seconds(48), "{waiting:?}");
    assert_eq!(log(&app, id).await, vec![(1, "RETRY".into(), None)]);
    assert_eq!(app.drain_outbox().await, 0, "not due yet");

    // The receiver comes back on the same address; the retry reaches it.
    let receiver = Receiver::start_on(TcpListener::bind(addr).unwrap(), 200);
    let worker = Worker::new(&app.state).unwrap();
    assert_eq!(worker.drain_at(waiting.next_attempt_at + chrono::Duration::seconds(1)).await.unwrap(), 1);
    let hooks = receiver.received();
    assert_eq!(hooks.len(), 1);
    assert!(hooks[0].signature_is_valid());
    assert_eq!(hooks[0].header(domain::HEADER_DELIVERY), id.to_string());
    assert_eq!(message(&app, "procura:8:revoked").await.status.as_str(), "SENT");
    assert_eq!(log(&app, id).await, vec![(1, "RETRY".into(), None), (2, "SENT".into(), Some(200))]);
});

fn two_quick_attempts(s: &mut Settings) {
    s.outbox.max_attempts = 2;
    s.outbox.retry_base = Duration::ZERO;
}

const OUTBOX_QUERY: &str = "query($f: OutboxMessageFilter, $first: Int, $after: String) {
  outboxMessages(filter: $f, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id channel event status recipient reference attempts lastError createdAt sentAt unit { code }
            deliveries { attempt outcome statusCode error } } } }";

const RETRY: &str = "mutation($id: ID!) { retryOutboxMessage(id: $id) { id status attempts } }";

both_backends!(
    a_webhook_that_keeps_failing_is_given_up_then_retried_by_an_administrator,
    configure: two_quick_attempts,
    |app: TestApp| async move {
        let receiver = Receiver::start(500);
        let id = enqueue(&app, webhook("procura:9:revoked", &receiver.url("/hook"))).await;
        assert_eq!(app.drain_outbox().await, 1);
        assert_eq!(message(&app, "procura:9:revoked").await.status.as_str(), "PENDING");
        assert_eq!(app.drain_outbox().await, 1);
        assert_eq!(message(&app, "procura:9:revoked").await.status.as_str(), "FAILED");
        assert_eq!(app.drain_outbox().await, 0, "a failed message is not retried by itself");

        let admin = app.login("admin").await;
        let failed = monitored(&app, &admin, json!({ "status": "FAILED" })).await;
        let nodes: Vec<_> = failed.into_iter().filter(|n| n["id"] == id.to_string()).collect();
        assert_eq!(nodes.len(), 1);
        assert_eq!(nodes[0]["lastError"], "HTTP 500 Internal Server Error");
        assert_eq!(nodes[0]["recipient"], format!("http://{}", receiver.addr));
        assert_eq!(
            nodes[0]["deliveries"],
            json!([
                { "attempt": 1, "outcome": "RETRY", "statusCode": 500, "error": "HTTP 500 Internal Server Error" },
                { "attempt": 2, "outcome": "FAILED", "statusCode": 500, "error": "HTTP 500 Internal Server Error" }
            ])
        );

        // Only administrators may retry; to others the message does not exist.
        let operator = app.login("op.cagliari1").await;
        let res = app.graphql(Some(&operator), RETRY, json!({ "id": id })).await;
        assert_eq!(error_code(&res), Some("NOT_FOUND"));

        receiver.answer(200);
        let res = app.graphql(Some(&admin), RETRY, json!({ "id": id })).await;
        assert_eq!(data(&res)["retryOutboxMessage"]["status"], "PENDING");
        assert_eq!(app.drain_outbox().await, 1);
        assert_eq!(message(&app, "procura:9:revoked").await.status.as_str(), "SENT");
        assert_eq!(receiver.received().len(), 3);
        assert!(receiver.received().iter().all(Hook::signature_is_valid));

        // A sent message cannot be retried.
        let res = app.graphql(Some(&admin), RETRY, json!({ "id": id })).await;
        assert_eq!(error_code(&res), Some("CONFLICT"));

        let res = app
            .graphql(Some(&admin), "{ auditEvents(filter: {action: \"outbox.retry\"}) { nodes { recordId actor } } }", json!({}))
            .await;
        assert_eq!(data(&res)["auditEvents"]["nodes"], json!([{ "recordId": id.to_string(), "actor": "admin" }]));
    }
);

// ---------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------

async fn monitored(app: &TestApp, token: &str, filter: serde_json::Value) -> Vec<serde_json::Value> {
    let res = app.graphql(Some(token), OUTBOX_QUERY, json!({ "f": filter, "first": 50 })).await;
    data(&res)["outboxMessages"]["nodes"].as_array().unwrap().clone()
}

/// Makes `username` an ADMIN of the unit `code` as well (no such demo account).
pub(crate) async fn make_admin_of(app: &TestApp, username: &str, code: &str) {
    let person =
        person::Entity::find().filter(person::Column::Username.eq(username)).one(&app.state.db).await.unwrap().unwrap();
    role_assignment::Entity::insert(role_assignment::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person.id),
        role: Set(api::authz::Role::Admin),
        unit_id: Set(Some(unit_id(app, code).await)),
        section: Set(None),
        created_at: Set(Utc::now()),
    })
    .exec(&app.state.db)
    .await
    .unwrap();
}

both_backends!(administrators_monitor_their_units_outbox_without_personal_data, |app: TestApp| async move {
    let receiver = Receiver::start(200);
    let sar = enqueue(&app, email("quesito:sar:answered").unit(unit_id(&app, "CRIC-SAR").await)).await;
    let laz = enqueue(&app, email("quesito:laz:answered").unit(unit_id(&app, "CRIC-LAZ").await)).await;
    let hook = enqueue(&app, webhook("procura:1:declared", &receiver.url("/h?token=abc"))).await;
    assert_eq!(app.drain_outbox().await, 3);

    // The national administrator sees all three, masked, with their delivery log.
    let admin = app.login("admin").await;
    let all = monitored(&app, &admin, json!(null)).await;
    let ours = [hook.to_string(), laz.to_string(), sar.to_string()];
    // Newest first (the demo data's messages are older).
    assert_eq!(all.iter().take(3).map(|n| n["id"].as_str().unwrap()).collect::<Vec<_>>(), ours);
    // In time order, the demo's backdated messages included (their ids carry their creation time).
    let created: Vec<&str> = all.iter().map(|n| n["createdAt"].as_str().unwrap()).collect();
    let mut newest_first = created.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(created, newest_first);
    let sar_node = &all[2];
    assert_eq!(sar_node["recipient"], "m***@example.it");
    assert_eq!(sar_node["unit"]["code"], "CRIC-SAR");
    assert_eq!(sar_node["event"], "quesito.answered");
    assert_eq!(sar_node["deliveries"], json!([{ "attempt": 1, "outcome": "SENT", "statusCode": null, "error": null }]));
    assert_eq!(all[0]["recipient"], format!("http://{}", receiver.addr), "no path nor query of the URL");
    let text = serde_json::to_string(&all[..3]).unwrap();
    assert!(!text.contains("mario.rossi") && !text.contains("Gentile") && !text.contains(SECRET), "{text}");
    // Bodies are not part of the schema at all.
    let res = app.graphql(Some(&admin), "{ outboxMessages { nodes { body } } }", json!({})).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));

    // Filters.
    let webhooks = monitored(&app, &admin, json!({ "channel": "WEBHOOK" })).await;
    assert!(webhooks.iter().all(|n| n["channel"] == "WEBHOOK"));
    assert!(webhooks.iter().any(|n| n["id"] == hook.to_string()));
    let sent = monitored(&app, &admin, json!({ "status": "SENT", "channel": "EMAIL" })).await;
    assert!(sent.iter().all(|n| n["status"] == "SENT" && n["channel"] == "EMAIL"));
    assert!(sent.iter().any(|n| n["id"] == sar.to_string()));
    assert!(!sent.iter().any(|n| n["id"] == hook.to_string()));

    // Pages of two follow each other without gaps or repeats.
    let mut paged = Vec::new();
    let mut after = serde_json::Value::Null;
    loop {
        let res = app.graphql(Some(&admin), OUTBOX_QUERY, json!({ "first": 2, "after": after })).await;
        let page = &data(&res)["outboxMessages"];
        paged.extend(page["nodes"].as_array().unwrap().iter().map(|n| n["id"].clone()));
        if page["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
    assert_eq!(paged, all.iter().map(|n| n["id"].clone()).collect::<Vec<_>>());

    // Other roles see nothing.
    for username in ["dr.sardegna", "op.cagliari1", "cric.sardegna", "auditor.sardegna"] {
        let token = app.login(username).await;
        assert!(monitored(&app, &token, json!(null)).await.is_empty(), "{username}");
    }

    // An administrator of one region sees that region's messages only: not
    // another region's, not the unit-less webhooks, and cannot retry them.
    make_admin_of(&app, "dr.lazio", "DR-LAZ").await;
    let lazio = app.login("dr.lazio").await;
    let seen = monitored(&app, &lazio, json!(null)).await;
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0]["id"], laz.to_string());
    assert_eq!(seen[0]["unit"]["code"], "CRIC-LAZ");
    for other in [sar, hook] {
        let res = app.graphql(Some(&lazio), RETRY, json!({ "id": other })).await;
        assert_eq!(error_code(&res), Some("NOT_FOUND"));
    }
    let res = app.graphql(Some(&lazio), RETRY, json!({ "id": laz })).await;
    assert_eq!(error_code(&res), Some("CONFLICT"), "already sent");
});

both_backends!(the_outbox_monitor_costs_the_same_statements_for_few_and_many_messages, |app: TestApp| async move {
    let (sar, laz) = (unit_id(&app, "CRIC-SAR").await, unit_id(&app, "CRIC-LAZ").await);
    for i in 0..30 {
        let unit = if i % 2 == 0 { sar } else { laz };
        enqueue(&app, email(&format!("quesito:{i}:answered")).unit(unit)).await;
    }
    while app.drain_outbox().await > 0 {}
    let admin = app.login("admin").await;
    let mut costs = Vec::new();
    for first in [3, 30] {
        let before = app.state.statement_count.load(Ordering::SeqCst);
        let res = app.graphql(Some(&admin), OUTBOX_QUERY, json!({ "first": first })).await;
        let after = app.state.statement_count.load(Ordering::SeqCst);
        let nodes = data(&res)["outboxMessages"]["nodes"].as_array().unwrap().clone();
        assert!(nodes.iter().all(|n| n["deliveries"].as_array().unwrap().len() == 1 && n["unit"]["code"].is_string()));
        costs.push((nodes.len(), after - before));
    }
    assert_eq!((costs[0].0, costs[1].0), (3, 30));
    assert_eq!(costs[0].1, costs[1].1, "statements grow with rows: {costs:?}");
});

// ---------------------------------------------------------------------------
// SMTP
// ---------------------------------------------------------------------------

/// A minimal SMTP server on 127.0.0.1: accepts every recipient except those
/// whose address contains `unknown` (a permanent 550, echoing the address as
/// real servers do), and records the messages it accepts.
struct FakeSmtp {
    port: u16,
    accepted: Arc<Mutex<Vec<String>>>,
}

impl FakeSmtp {
    async fn start() -> FakeSmtp {
        use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let accepted = Arc::new(Mutex::new(Vec::new()));
        let store = accepted.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let (read, mut write) = socket.into_split();
                    let mut lines = BufReader::new(read).lines();
                    write.write_all(b"220 fake.smtp ESMTP\r\n").await.unwrap();
                    while let Ok(Some(line)) = lines.next_line().await {
                        let upper = line.to_ascii_uppercase();
                        let reply: String = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                            "250 fake.smtp".into()
                        } else if upper.starts_with("RCPT") && upper.contains("UNKNOWN") {
                            let addr = line.split(':').nth(1).unwrap_or_default().trim().to_owned();
                            format!("550 5.1.1 {addr}: Recipient address rejected")
                        } else if upper.starts_with("DATA") {
                            write.write_all(b"354 go ahead\r\n").await.unwrap();
                            let mut data = String::new();
                            while let Ok(Some(l)) = lines.next_line().await {
                                if l == "." {
                                    break;
                                }
                                data.push_str(&l);
                                data.push('\n');
                            }
                            store.lock().unwrap().push(data);
                            "250 2.0.0 queued as 4711".into()
                        } else if upper.starts_with("QUIT") {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        } else {
                            "250 OK".into()
                        };
                        write.write_all(format!("{reply}\r\n").as_bytes()).await.unwrap();
                    }
                });
            }
        });
        FakeSmtp { port, accepted }
    }
}

/// A worker of `app` that sends e-mails through SMTP at `port`.
fn smtp_worker(app: &TestApp, port: u16) -> Worker {
    let mut state = app.state.clone();
    let mut settings = (*state.settings).clone();
    settings.outbox.smtp_url = Some(api::config::SecretString::new(format!("smtp://127.0.0.1:{port}")));
    state.settings = Arc::new(settings);
    Worker::new(&state).unwrap()
}

both_backends!(an_smtp_server_gets_the_email_and_a_refused_address_is_given_up_at_once, |app: TestApp| async move {
    let smtp = FakeSmtp::start().await;
    let worker = smtp_worker(&app, smtp.port);
    let ok = enqueue(&app, email("quesito:10:answered")).await;
    let refused = enqueue(
        &app,
        NewMessage::email("quesito:11:answered", "unknown.person@example.it", "Risposta al quesito", "Testo"),
    )
    .await;
    assert_eq!(worker.drain_once().await.unwrap(), 2);

    let accepted = smtp.accepted.lock().unwrap().clone();
    assert_eq!(accepted.len(), 1);
    assert!(accepted[0].contains(&format!("Message-ID: <{ok}@accoglienza.invalid>")), "{}", accepted[0]);
    assert!(accepted[0].contains("Subject: Risposta al quesito"));
    assert_eq!(message(&app, "quesito:10:answered").await.status.as_str(), "SENT");
    assert_eq!(log(&app, ok).await, vec![(1, "SENT".into(), Some(250))]);
    assert!(eml_files(&app).is_empty(), "with SMTP nothing is written to the mail directory");

    // A permanent refusal is not retried, and the address does not reach the error column.
    let failed = message(&app, "quesito:11:answered").await;
    assert_eq!(failed.status.as_str(), "FAILED");
    assert_eq!(log(&app, refused).await, vec![(1, "FAILED".into(), Some(550))]);
    let error = failed.last_error.unwrap();
    assert!(error.contains("550") && !error.contains("unknown.person"), "{error}");
    assert_eq!(worker.drain_once().await.unwrap(), 0);
});

// ---------------------------------------------------------------------------
// Shutdown during a delivery
// ---------------------------------------------------------------------------

/// An SMTP server that holds its final "250" after DATA for messages whose
/// subject is [`HELD_SUBJECT`]: it reports (on `data_received`) when such a
/// message's data is complete, then answers after `hold`. Other messages (the
/// demo data's) are accepted at once. `accepted` counts the held ones accepted.
pub(crate) const HELD_SUBJECT: &str = "Messaggio in consegna allo spegnimento";

pub(crate) struct SlowSmtp {
    pub(crate) port: u16,
    pub(crate) accepted: Arc<Mutex<usize>>,
    pub(crate) data_received: tokio::sync::mpsc::UnboundedReceiver<()>,
}

impl SlowSmtp {
    pub(crate) async fn start(hold: Duration) -> SlowSmtp {
        use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let accepted = Arc::new(Mutex::new(0));
        let (tx, data_received) = tokio::sync::mpsc::unbounded_channel();
        let count = accepted.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let (count, tx) = (count.clone(), tx.clone());
                tokio::spawn(async move {
                    let (read, mut write) = socket.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let _ = write.write_all(b"220 slow.smtp ESMTP\r\n").await;
                    while let Ok(Some(line)) = lines.next_line().await {
                        let upper = line.to_ascii_uppercase();
                        let reply = if upper.starts_with("DATA") {
                            let _ = write.write_all(b"354 go ahead\r\n").await;
                            let mut held = false;
                            while let Ok(Some(l)) = lines.next_line().await {
                                if l == "." {
                                    break;
                                }
                                held |= l.contains(HELD_SUBJECT);
                            }
                            if held {
                                let _ = tx.send(());
                                tokio::time::sleep(hold).await;
                                *count.lock().unwrap() += 1;
                            }
                            "250 2.0.0 queued"
                        } else if upper.starts_with("QUIT") {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        } else {
                            "250 OK"
                        };
                        if write.write_all(format!("{reply}\r\n").as_bytes()).await.is_err() {
                            break;
                        }
                    }
                });
            }
        });
        SlowSmtp { port, accepted, data_received }
    }
}

/// Stops the server while the SMTP server holds its "250" for a message, and
/// checks that the message was recorded SENT and is not sent again by another
/// worker after its lease. On PostgreSQL the server first serves requests so
/// that its HTTP workers open pooled connections: the attempt used to be
/// recorded after the HTTP workers (and their runtimes) had stopped, through
/// such a dead connection, and the message stayed SENDING.
async fn a_message_in_flight_at_shutdown_is_recorded_and_not_sent_twice(backend: crate::helpers::Backend) {
    let mut smtp = SlowSmtp::start(Duration::from_millis(1500)).await;
    let port = smtp.port;
    let mut app = TestApp::spawn_configured(backend, move |s| {
        s.outbox.worker = true;
        s.outbox.poll_interval = Duration::from_millis(50);
        s.outbox.smtp_url = Some(api::config::SecretString::new(format!("smtp://127.0.0.1:{port}")));
        s.shutdown_drain = Duration::from_millis(200);
    })
    .await;
    let token = app.login("admin").await;
    let queries = (0..24).map(|_| app.graphql(Some(&token), "{ me { username } }", json!({})));
    for res in futures::future::join_all(queries).await {
        data(&res);
    }
    let id = enqueue(&app, NewMessage::email("quesito:shutdown:answered", CITIZEN, HELD_SUBJECT, "Testo")).await;
    tokio::time::timeout(Duration::from_secs(10), smtp.data_received.recv())
        .await
        .expect("the worker sends the message")
        .unwrap();

    tokio::time::timeout(Duration::from_secs(30), app.shut_down()).await.expect("the server stops");

    // Read through fresh connections: the stopped server's pool is of no use now.
    let mut state = app.state.clone();
    state.db = api::db::connect(&app.settings).await.unwrap();
    let after = store::by_dedupe_key(&state.db, "quesito:shutdown:answered").await.unwrap().unwrap();
    assert_eq!(after.status.as_str(), "SENT", "the attempt in flight at shutdown is recorded ({:?})", after.last_error);
    let deliveries: Vec<(i32, String)> = store::deliveries_of(&state.db, &[id])
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.attempt, d.outcome.to_string()))
        .collect();
    assert_eq!(deliveries, vec![(1, "SENT".to_owned())]);
    let second = Worker::new(&state).unwrap();
    let past_lease =
        Utc::now() + chrono::Duration::from_std(app.settings.outbox.lease).unwrap() + chrono::Duration::seconds(1);
    assert_eq!(second.drain_at(past_lease).await.unwrap(), 0, "nothing is left to send after the lease");
    assert_eq!(*smtp.accepted.lock().unwrap(), 1, "the SMTP server got the message once");
}

mod a_message_in_flight_at_shutdown {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        a_message_in_flight_at_shutdown_is_recorded_and_not_sent_twice(crate::helpers::Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        let Some(backend) = crate::helpers::Backend::postgres() else {
            crate::not_run::report(crate::this_test!("postgres"), crate::not_run::NO_POSTGRES);
            return;
        };
        // Several rounds: which pooled connection records the attempt is luck.
        for _ in 0..3 {
            a_message_in_flight_at_shutdown_is_recorded_and_not_sent_twice(backend.clone()).await;
        }
    }
}
