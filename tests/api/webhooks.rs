//! Webhooks of procure management: a partner's receiver on 127.0.0.1 gets each
//! status change of the professional's procure once, signed with the secret it
//! was given; a receiver that was down gets it once it is back.

use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener};
use std::sync::{Arc, Mutex};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use chrono::Utc;
use serde_json::{Value, json};

use api::outbox::domain::{self as outbox_domain};
use api::outbox::worker::Worker;

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::procure::{CLIENT, COMPANY, declared, input, registered_professional, today};

#[derive(Clone, Debug)]
struct Hook {
    headers: HashMap<String, String>,
    body: String,
}

impl Hook {
    fn header(&self, name: &str) -> &str {
        self.headers.get(&name.to_ascii_lowercase()).map_or("", String::as_str)
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }

    /// What the partner app does: recompute the HMAC with its secret.
    fn signed_with(&self, secret: &str) -> bool {
        let Ok(ts) = self.header(outbox_domain::HEADER_TIMESTAMP).parse::<i64>() else { return false };
        outbox_domain::verify(secret, ts, &self.body, self.header(outbox_domain::HEADER_SIGNATURE), Utc::now())
    }
}

/// A partner's endpoint: answers 200 and records what it got.
struct Receiver {
    addr: SocketAddr,
    received: Arc<Mutex<Vec<Hook>>>,
}

impl Receiver {
    fn start_on(listener: TcpListener) -> Receiver {
        let addr = listener.local_addr().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let r = received.clone();
        let server = HttpServer::new(move || {
            let r = r.clone();
            App::new().default_service(web::to(move |req: HttpRequest, body: web::Bytes| {
                let r = r.clone();
                async move {
                    let headers = req
                        .headers()
                        .iter()
                        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or_default().to_owned()))
                        .collect();
                    r.lock().unwrap().push(Hook { headers, body: String::from_utf8_lossy(&body).into_owned() });
                    HttpResponse::Ok().body("grazie")
                }
            }))
        })
        .workers(1)
        .disable_signals()
        .listen(listener)
        .unwrap()
        .run();
        tokio::spawn(server);
        Receiver { addr, received }
    }

    fn start() -> Receiver {
        Self::start_on(TcpListener::bind("127.0.0.1:0").unwrap())
    }

    fn url(&self) -> String {
        format!("http://{}/hooks/accoglienza", self.addr)
    }

    fn received(&self) -> Vec<Hook> {
        self.received.lock().unwrap().clone()
    }
}

const REGISTER: &str = "mutation($u: String!) { registerWebhook(url: $u) { secret webhook { id url } } }";

async fn register(app: &TestApp, token: &str, url: &str) -> String {
    let res = app.graphql(Some(token), REGISTER, json!({ "u": url })).await;
    let secret = data(&res)["registerWebhook"]["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("acc_whsec_"));
    secret
}

/// (event, procura id) of every notification received.
fn events(receiver: &Receiver) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = receiver
        .received()
        .iter()
        .map(|h| {
            let j = h.json();
            (j["event"].as_str().unwrap().to_owned(), j["procura"]["id"].as_str().unwrap().to_owned())
        })
        .collect();
    v.sort();
    v
}

both_backends!(a_receiver_gets_each_status_change_once_with_a_valid_signature, |app: TestApp| async move {
    let receiver = Receiver::start();
    let rossi = app.login("prof.rossi").await;
    let secret = register(&app, &rossi, &receiver.url()).await;

    let revoked = declared(&app, &rossi, input(CLIENT, &["REFUND_DOCUMENTATION"], 0, 200, true)).await;
    app.graphql(Some(&rossi), "mutation($id: ID!) { revokeProcura(id: $id) { id } }", json!({ "id": revoked })).await;
    let soon = declared(&app, &rossi, input(COMPANY, &["STATUS_INFORMATION"], -10, 10, false)).await;
    let over = declared(&app, &rossi, input(COMPANY, &["REFUND_DOCUMENTATION"], -100, -1, false)).await;
    // Another professional's procura is none of this receiver's business.
    let neri = registered_professional(&app, "prof.neri", "NRENNA80A41B354V", "A10").await;
    declared(&app, &neri, input(CLIENT, &["REFUND_DOCUMENTATION"], 0, 5, false)).await;

    // The daily scan, run several times (and by two instances at once), announces once.
    let db = app.state.db.clone();
    let (a, b) = tokio::join!(api::procure::expiry::scan(&db, today()), api::procure::expiry::scan(&db, today()));
    a.unwrap();
    b.unwrap();
    app.drain_outbox().await;
    api::procure::expiry::scan(&db, today()).await.unwrap();
    app.drain_outbox().await;
    app.drain_outbox().await;

    let mut expected = vec![
        ("procura.declared".to_owned(), revoked.clone()),
        ("procura.revoked".to_owned(), revoked.clone()),
        ("procura.declared".to_owned(), soon.clone()),
        ("procura.expiring".to_owned(), soon.clone()),
        ("procura.declared".to_owned(), over.clone()),
        ("procura.expired".to_owned(), over.clone()),
    ];
    expected.sort();
    // (The demo procure may be announced too, depending on when the start-up scan ran.)
    let ours = [&revoked, &soon, &over];
    let got: Vec<(String, String)> = events(&receiver).into_iter().filter(|(_, id)| ours.contains(&id)).collect();
    assert_eq!(got, expected);

    let hooks = receiver.received();
    assert!(hooks.iter().all(|h| h.signed_with(&secret)), "bad signature");
    assert!(!hooks[0].signed_with("acc_whsec_someone-else"));
    assert!(hooks.iter().all(|h| h.header(outbox_domain::HEADER_EVENT) == h.json()["event"].as_str().unwrap()));
    let mut deliveries: Vec<&str> = hooks.iter().map(|h| h.header(outbox_domain::HEADER_DELIVERY)).collect();
    deliveries.sort();
    deliveries.dedup();
    assert_eq!(deliveries.len(), hooks.len());
    let revocation = hooks.iter().find(|h| h.json()["event"] == "procura.revoked").unwrap().json();
    assert_eq!(revocation["procura"]["status"], "REVOKED");
    assert_eq!(revocation["procura"]["clientFiscalCode"], CLIENT);
    assert_eq!(revocation["procura"]["services"], json!(["REFUND_DOCUMENTATION"]));

    // The professional sees the delivery log.
    let res = app
        .graphql(
            Some(&rossi),
            "{ webhooks { url deliveries { event status attempts { outcome statusCode } } } }",
            json!({}),
        )
        .await;
    let log = data(&res)["webhooks"][0]["deliveries"].as_array().unwrap().clone();
    assert!(log.len() >= 6);
    assert!(
        log.iter().all(|d| d["status"] == "SENT" && d["attempts"] == json!([{ "outcome": "SENT", "statusCode": 200 }]))
    );
});

both_backends!(a_receiver_that_is_down_gets_the_notification_after_it_comes_back, |app: TestApp| async move {
    // A port nobody listens on (yet).
    let addr = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let rossi = app.login("prof.rossi").await;
    let secret = register(&app, &rossi, &format!("http://{addr}/hooks/accoglienza")).await;
    let id = declared(&app, &rossi, input(CLIENT, &["REFUND_DOCUMENTATION"], 0, 200, false)).await;
    assert_eq!(app.drain_outbox().await, 1);

    let q = "{ webhooks { deliveries { status nextAttemptAt lastError attempts { outcome } } } }";
    let res = app.graphql(Some(&rossi), q, json!({})).await;
    let waiting = data(&res)["webhooks"][0]["deliveries"][0].clone();
    assert_eq!(waiting["status"], "PENDING");
    assert_eq!(waiting["attempts"], json!([{ "outcome": "RETRY" }]));
    assert_eq!(app.drain_outbox().await, 0, "not due yet (back-off)");

    // The receiver comes back on the same address; the retry reaches it.
    let receiver = Receiver::start_on(TcpListener::bind(addr).unwrap());
    let due: chrono::DateTime<Utc> = waiting["nextAttemptAt"].as_str().unwrap().parse().unwrap();
    let worker = Worker::new(&app.state).unwrap();
    assert_eq!(worker.drain_at(due + chrono::Duration::seconds(1)).await.unwrap(), 1);
    let hooks = receiver.received();
    assert_eq!(hooks.len(), 1);
    assert!(hooks[0].signed_with(&secret));
    assert_eq!(hooks[0].json()["event"], "procura.declared");
    assert_eq!(hooks[0].json()["procura"]["id"], id.as_str());
    let res = app.graphql(Some(&rossi), q, json!({})).await;
    let sent = &data(&res)["webhooks"][0]["deliveries"][0];
    assert_eq!(sent["status"], "SENT");
    assert_eq!(sent["attempts"], json!([{ "outcome": "RETRY" }, { "outcome": "SENT" }]));
});

both_backends!(webhook_registration_is_checked_and_deleting_stops_deliveries, |app: TestApp| async move {
    let rossi = app.login("prof.rossi").await;
    for url in ["ftp://example.com/x", "not a url", "http://user:pw@example.com/"] {
        let res = app.graphql(Some(&rossi), REGISTER, json!({ "u": url })).await;
        assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{url}: {res}");
        assert_eq!(res["errors"][0]["extensions"]["field"], "url");
    }
    // Staff and unverified professionals cannot register.
    let op = app.login("op.cagliari1").await;
    assert_eq!(
        error_code(&app.graphql(Some(&op), REGISTER, json!({ "u": "https://x.example/h" })).await),
        Some("FORBIDDEN")
    );
    let register_self = r#"mutation($i: RegisterProfessionalInput!) { registerAsProfessional(input: $i) { message } }"#;
    let i = json!({
        "username": "prof.sanna", "password": "password-molto-lunga", "fiscalCode": "NRENNA80A41B354V",
        "name": "Anna Sanna", "entratelUserType": "A30", "albo": "Ordine dei Consulenti del Lavoro di Cagliari",
        "alboProvince": "CA", "alboNumber": "987", "email": "anna.sanna@example.it",
    });
    data(&app.graphql(None, register_self, json!({ "i": i })).await);
    let sanna = app.try_login("prof.sanna", "password-molto-lunga").await["data"]["login"]["token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        error_code(&app.graphql(Some(&sanna), REGISTER, json!({ "u": "https://x.example/h" })).await),
        Some("FORBIDDEN")
    );

    // A deleted endpoint gets nothing more, not even what was waiting.
    let receiver = Receiver::start();
    let res = app.graphql(Some(&rossi), REGISTER, json!({ "u": receiver.url() })).await;
    let hook_id = data(&res)["registerWebhook"]["webhook"]["id"].as_str().unwrap().to_owned();
    declared(&app, &rossi, input(CLIENT, &["REFUND_DOCUMENTATION"], 0, 200, false)).await;
    let res =
        app.graphql(Some(&rossi), "mutation($id: ID!) { deleteWebhook(id: $id) }", json!({ "id": hook_id })).await;
    assert_eq!(data(&res)["deleteWebhook"], true);
    declared(&app, &rossi, input(COMPANY, &["REFUND_DOCUMENTATION"], 0, 200, false)).await;
    app.drain_outbox().await;
    assert!(receiver.received().is_empty());
    let res = app.graphql(Some(&rossi), "{ webhooks { id } }", json!({})).await;
    assert_eq!(data(&res)["webhooks"], json!([]));
    // Someone else's (or a deleted) webhook is not found.
    let res =
        app.graphql(Some(&rossi), "mutation($id: ID!) { deleteWebhook(id: $id) }", json!({ "id": hook_id })).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
});

both_backends!(
    a_webhook_to_a_non_public_address_is_refused_at_delivery_and_recorded,
    configure: |s: &mut api::config::Settings| s.outbox.webhook_allow_private = false,
    |app: TestApp| async move {
        // Registered in development (where loopback is allowed), delivered by a
        // worker that connects only to public addresses, as in production.
        let receiver = Receiver::start();
        let rossi = app.login("prof.rossi").await;
        let literal = receiver.url();
        let by_name = format!("http://localhost:{}/hooks/by-name", receiver.addr.port());
        register(&app, &rossi, &literal).await;
        register(&app, &rossi, &by_name).await;
        declared(&app, &rossi, input(CLIENT, &["REFUND_DOCUMENTATION"], 0, 200, false)).await;
        assert_eq!(app.drain_outbox().await, 2);
        assert!(receiver.received().is_empty(), "nothing may reach a loopback receiver");

        let q = "{ webhooks { url deliveries { status lastError attempts { outcome error } } } }";
        let res = app.graphql(Some(&rossi), q, json!({})).await;
        let hooks = data(&res)["webhooks"].as_array().unwrap().clone();
        let delivery = |url: &str| hooks.iter().find(|h| h["url"] == url).unwrap()["deliveries"][0].clone();
        // An IP literal can never become public: given up at once.
        let literal = delivery(&literal);
        assert_eq!(literal["status"], "FAILED", "{literal}");
        assert_eq!(literal["attempts"][0]["outcome"], "FAILED");
        let error = literal["lastError"].as_str().unwrap();
        assert!(error.contains("127.0.0.1 is not a public address"), "{error}");
        // A name is checked on the address it resolves to (DNS may change: retried, bounded by the attempts).
        let by_name = delivery(&by_name);
        assert_eq!(by_name["status"], "PENDING", "{by_name}");
        assert_eq!(by_name["attempts"][0]["outcome"], "RETRY");
        let error = by_name["lastError"].as_str().unwrap();
        assert!(error.contains("resolves to no public address"), "{error}");
    }
);

both_backends!(a_rotated_secret_signs_beside_the_new_one_until_its_grace_ends, |app: TestApp| async move {
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    let receiver = Receiver::start();
    let rossi = app.login("prof.rossi").await;
    let old = register(&app, &rossi, &receiver.url()).await;
    let hooks =
        data(&app.graphql(Some(&rossi), "{ webhooks { id previousSecretValidUntil } }", json!({})).await)["webhooks"]
            .clone();
    let id = hooks[0]["id"].as_str().unwrap().to_owned();
    assert!(hooks[0]["previousSecretValidUntil"].is_null());

    let rotate =
        "mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { id previousSecretValidUntil } } }";
    // Nobody else rotates it.
    let neri = registered_professional(&app, "prof.neri", "NRENNA80A41B354V", "A10").await;
    assert_eq!(error_code(&app.graphql(Some(&neri), rotate, json!({ "id": id })).await), Some("NOT_FOUND"));
    let res = app.graphql(Some(&rossi), rotate, json!({ "id": id })).await;
    let new = data(&res)["rotateWebhookSecret"]["secret"].as_str().unwrap().to_owned();
    assert!(new.starts_with("acc_whsec_") && new != old);
    assert!(data(&res)["rotateWebhookSecret"]["webhook"]["previousSecretValidUntil"].is_string());

    // Within the grace period a receiver with either secret accepts the delivery.
    declared(&app, &rossi, input(CLIENT, &["REFUND_DOCUMENTATION"], 0, 30, false)).await;
    app.drain_outbox().await;
    let first = receiver.received().pop().expect("delivered");
    assert!(first.signed_with(&new) && first.signed_with(&old), "{:?}", first.headers);

    // Once it is over, only the new one.
    entities::webhook::Entity::update_many()
        .col_expr(
            entities::webhook::Column::PreviousSecretUntil,
            Expr::value(Utc::now() - chrono::Duration::minutes(1)),
        )
        .filter(entities::webhook::Column::PreviousSecret.is_not_null())
        .exec(&app.state.db)
        .await
        .unwrap();
    declared(&app, &rossi, input(COMPANY, &["STATUS_INFORMATION"], 0, 30, false)).await;
    app.drain_outbox().await;
    let later = receiver.received().into_iter().find(|h| h.body.contains(COMPANY)).expect("delivered");
    assert!(later.signed_with(&new));
    assert!(!later.signed_with(&old), "the old secret no longer signs");
});
