//! Alerts and live updates (issue 18 item 4, docs/alerts.md): a new quesito
//! reaches the experts of its CRIC section and nobody else, an assignment its
//! assignee alone, scans raise an alert once, and subscriptions over
//! `/graphql/ws` push them as they are written — across instances through Redis.

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::{Message, client::IntoClientRequest};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, data};
use crate::quesiti_support::{file, filing};

const ALERTS: &str = "{ alerts(first: 50) { unreadCount nodes { kind title recordType recordId } } }";

async fn alerts_of(app: &TestApp, token: &str) -> Value {
    let res = app.graphql(Some(token), ALERTS, json!({})).await;
    data(&res)["alerts"].clone()
}

fn titles(alerts: &Value, kind: &str) -> Vec<String> {
    alerts["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == kind)
        .map(|a| a["title"].as_str().unwrap().to_owned())
        .collect()
}

async fn file_pensioni(app: &TestApp, region: &str, subject: &str) -> Value {
    let ccm = app.login("ccm.op").await;
    let input = filing(app, &ccm, region, subject).await;
    data(&file(app, &ccm, input).await)["fileQuesito"].clone()
}

both_backends!(a_new_quesito_alerts_the_experts_of_its_cric_section_only, |app: TestApp| async move {
    let quesito = file_pensioni(&app, "DR-SAR", "Decorrenza della pensione (avviso)").await;
    let expected = "Nuovo quesito: Decorrenza della pensione (avviso)";

    for expert in ["cric.sardegna", "cric.sardegna.pensioni"] {
        let token = app.login(expert).await;
        let alerts = alerts_of(&app, &token).await;
        assert_eq!(titles(&alerts, "QUESITO_FILED"), vec![expected], "{expert}: {alerts}");
        let node = alerts["nodes"].as_array().unwrap().iter().find(|a| a["kind"] == "QUESITO_FILED").unwrap();
        assert_eq!(node["recordId"], quesito["id"]);
        assert!(alerts["unreadCount"].as_u64().unwrap() >= 1);
    }
    // Another region's CRIC, the CCM that filed it, an office operator: nothing.
    for other in ["cric.lazio", "ccm.op", "op.cagliari1"] {
        let token = app.login(other).await;
        let alerts = alerts_of(&app, &token).await;
        assert!(titles(&alerts, "QUESITO_FILED").is_empty(), "{other} sees {alerts}");
    }

    // Read: nothing unread until the next one.
    let token = app.login("cric.sardegna").await;
    let res = app.graphql(Some(&token), "mutation { markAlertsRead }", json!({})).await;
    assert_eq!(data(&res)["markAlertsRead"], 0, "{res}");
    assert_eq!(alerts_of(&app, &token).await["unreadCount"], 0);
    file_pensioni(&app, "DR-SAR", "Ricostituzione della pensione").await;
    assert_eq!(alerts_of(&app, &token).await["unreadCount"], 1);
});

both_backends!(an_expert_narrowed_to_a_section_is_not_alerted_of_another, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let classification =
        crate::quesiti_support::classification_id(&app, &ccm, "DR-SAR", "SOSTEGNO_REDDITO", "NASPI").await;
    let mut input = filing(&app, &ccm, "DR-SAR", "Domanda di NASpI dopo le dimissioni").await;
    input["section"] = json!("SOSTEGNO_REDDITO");
    input["classification"] = json!(classification);
    let res = file(&app, &ccm, input).await;
    assert!(res.get("errors").is_none(), "{res}");

    let all_sections = alerts_of(&app, &app.login("cric.sardegna").await).await;
    assert_eq!(titles(&all_sections, "QUESITO_FILED"), vec!["Nuovo quesito: Domanda di NASpI dopo le dimissioni"]);
    let pensioni_only = alerts_of(&app, &app.login("cric.sardegna.pensioni").await).await;
    assert!(titles(&pensioni_only, "QUESITO_FILED").is_empty(), "{pensioni_only}");
});

both_backends!(a_precall_assignment_alerts_its_operator_alone, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let res = app
        .graphql(
            Some(&director),
            "{ appointments(filter: { officeCode: \"UT-CA1\", precallStatus: UNASSIGNED }, first: 1) \
               { nodes { id cupNumber } } }",
            json!({}),
        )
        .await;
    let booking = data(&res)["appointments"]["nodes"][0].clone();
    let res = app
        .graphql(
            Some(&director),
            "mutation($ids: [ID!]!) { assignPrecalls(appointmentIds: $ids, username: \"op.cagliari1\") { id } }",
            json!({ "ids": [booking["id"]] }),
        )
        .await;
    assert!(res.get("errors").is_none(), "{res}");

    let mine = alerts_of(&app, &app.login("op.cagliari1").await).await;
    let assigned = titles(&mine, "ASSIGNED");
    assert_eq!(assigned.len(), 1, "{mine}");
    let cup = booking["cupNumber"].as_str().unwrap();
    assert!(
        assigned[0].starts_with(&format!("Prechiamata assegnata a te: prenotazione n. {cup} del ")),
        "{assigned:?}"
    );
    for other in ["op2.cagliari1", "dir.cagliari1", "op.sassari"] {
        let theirs = alerts_of(&app, &app.login(other).await).await;
        assert!(titles(&theirs, "ASSIGNED").is_empty(), "{other} sees {theirs}");
    }
});

both_backends!(a_scan_raises_a_due_soon_alert_once, |app: TestApp| async move {
    let quesito = file_pensioni(&app, "DR-SAR", "Quesito quasi scaduto").await;
    // Due in an hour: within one working day of its due date.
    let due = chrono::Utc::now() + chrono::Duration::hours(1);
    let db = &app.state.db;
    let id = uuid::Uuid::parse_str(quesito["id"].as_str().unwrap()).unwrap();
    entities::quesito::Entity::update_many()
        .col_expr(entities::quesito::Column::DueAt, sea_orm::sea_query::Expr::value(due))
        .filter(entities::quesito::Column::Id.eq(id))
        .exec(db)
        .await
        .unwrap();

    let now = chrono::Utc::now();
    let first = api::alerts::scanner::scan(db, &app.state.alerts, now).await.unwrap();
    let again = api::alerts::scanner::scan(db, &app.state.alerts, now).await.unwrap();
    assert!(first >= 1, "the first scan raises it");
    assert_eq!(again, 0, "a second scan (any instance) raises nothing new");
    let alerts = alerts_of(&app, &app.login("cric.sardegna").await).await;
    let due_soon = titles(&alerts, "QUESITO_DUE_SOON");
    assert_eq!(due_soon.iter().filter(|t| t.ends_with("Quesito quasi scaduto")).count(), 1, "{alerts}");
    assert!(
        titles(&alerts_of(&app, &app.login("cric.lazio").await).await, "QUESITO_DUE_SOON")
            .iter()
            .all(|t| !t.ends_with("Quesito quasi scaduto"))
    );
});

pub(crate) type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Opens `/graphql/ws` (graphql-transport-ws) and sends `connection_init` with `token`.
pub(crate) async fn connect(app: &TestApp, token: &str) -> Socket {
    let url = format!("{}/graphql/ws", app.address.replacen("http", "ws", 1));
    let mut request = url.into_client_request().unwrap();
    request.headers_mut().insert("Sec-WebSocket-Protocol", "graphql-transport-ws".parse().unwrap());
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    let init = json!({ "type": "connection_init", "payload": { "token": token } });
    socket.send(Message::text(init.to_string())).await.unwrap();
    socket
}

/// The next protocol message (pings skipped), or `None` after `wait`.
pub(crate) async fn next_message(socket: &mut Socket, wait: Duration) -> Option<Message> {
    loop {
        match tokio::time::timeout(wait, socket.next()).await {
            Ok(Some(Ok(Message::Text(text)))) if text.contains("\"ping\"") => continue,
            Ok(Some(Ok(message))) => return Some(message),
            _ => return None,
        }
    }
}

async fn subscribed(app: &TestApp, username: &str) -> Socket {
    let mut socket = connect(app, &app.login(username).await).await;
    let ack = next_message(&mut socket, Duration::from_secs(5)).await.expect("connection_ack");
    assert!(ack.to_text().unwrap().contains("connection_ack"), "{ack:?}");
    let subscribe = json!({ "id": "1", "type": "subscribe",
                            "payload": { "query": "subscription { alerts { kind title } }" } });
    socket.send(Message::text(subscribe.to_string())).await.unwrap();
    // The subscription starts when the server has read it.
    tokio::time::sleep(Duration::from_millis(500)).await;
    socket
}

async fn next_alert(socket: &mut Socket, wait: Duration) -> Option<Value> {
    let message = next_message(socket, wait).await?;
    let value: Value = serde_json::from_str(message.to_text().ok()?).ok()?;
    assert_eq!(value["type"], "next", "{value}");
    Some(value["payload"]["data"]["alerts"].clone())
}

both_backends!(a_subscription_pushes_a_new_quesito_to_its_cric_and_nothing_to_another, |app: TestApp| async move {
    let mut sardegna = subscribed(&app, "cric.sardegna").await;
    let mut lazio = subscribed(&app, "cric.lazio").await;
    file_pensioni(&app, "DR-SAR", "Pensione ai superstiti").await;
    // Woken by the commit: well before the subscriptions' own polling.
    let pushed = next_alert(&mut sardegna, Duration::from_secs(5)).await.expect("pushed to cric.sardegna");
    assert_eq!(pushed, json!({ "kind": "QUESITO_FILED", "title": "Nuovo quesito: Pensione ai superstiti" }));
    assert!(next_alert(&mut lazio, Duration::from_secs(2)).await.is_none(), "nothing for cric.lazio");
});

both_backends!(a_connection_without_a_valid_token_is_refused, |app: TestApp| async move {
    let mut socket = connect(&app, "not-a-token").await;
    let answer = next_message(&mut socket, Duration::from_secs(5)).await;
    let refused = match &answer {
        Some(Message::Close(Some(frame))) => frame.reason.contains("Accesso richiesto"),
        Some(Message::Text(text)) => text.contains("Accesso richiesto"),
        _ => false,
    };
    assert!(refused, "{answer:?}");
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_alert_written_on_one_instance_reaches_a_subscription_on_another() {
    let Some(backend @ Backend::Postgres { redis_url: Some(_), .. }) = Backend::postgres() else {
        crate::not_run::report(
            crate::this_test!("an_alert_written_on_one_instance_reaches_a_subscription_on_another"),
            crate::not_run::postgres_or_redis_missing(),
        );
        return;
    };
    let one = TestApp::spawn(backend).await;
    let two = one.spawn_sibling().await;
    // The relay of instance two subscribes to Redis as it starts.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut on_two = api::kernel::reach::Reach::system().run(subscribed(&two, "cric.sardegna")).await;
    api::kernel::reach::Reach::system().run(file_pensioni(&one, "DR-SAR", "Pensione anticipata")).await;
    // Through Redis pub/sub: well within the 15 s a subscription would take to look by itself.
    let pushed = next_alert(&mut on_two, Duration::from_secs(5)).await.expect("pushed to instance two");
    assert_eq!(pushed["title"], "Nuovo quesito: Pensione anticipata");
}
