//! The live office board (issue 18 item 4, docs/alerts.md): a subscription to
//! `officeBoardChanged` is told when its office's bookings change (a counter
//! session started here) and not when another office's do; it is refused for
//! an office outside the caller's reach exactly like `officeBoard`; a change
//! whose wake was lost is found when the board looks by itself; and the wake
//! travels to a subscription on another instance through Redis.

use std::time::Duration;

use futures::SinkExt;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use crate::alerts::{Socket, connect, next_message};
use crate::both_backends;
use crate::helpers::{Backend, TestApp, data, error_code};

const SUBSCRIBE: &str = "subscription($u: ID!) { officeBoardChanged(unitId: $u) { unitId seenAt } }";
const NEXT_DAYS: &str = "query($o: String!, $from: NaiveDate!, $to: NaiveDate!) { appointments(filter: { officeCode: $o, from: $from, to: $to, status: COUNTER_ASSIGNED }, first: 100) { \
    nodes { id status counter { operator { username } } } } }";
const START: &str = "mutation($id: ID!) { startCounterSession(id: $id) { id status } }";

async fn unit_id(app: &TestApp, token: &str, code: &str) -> String {
    let res = app.graphql(Some(token), "query($c: String!) { orgUnit(code: $c) { id } }", json!({ "c": code })).await;
    data(&res)["orgUnit"]["id"].as_str().unwrap_or_else(|| panic!("{res}")).to_owned()
}

/// A signed-in `graphql-transport-ws` connection, acknowledged.
async fn socket_of(app: &TestApp, username: &str) -> Socket {
    let mut socket = connect(app, &app.login(username).await).await;
    let ack = next_message(&mut socket, Duration::from_secs(5)).await.expect("connection_ack");
    assert!(ack.to_text().unwrap().contains("connection_ack"), "{ack:?}");
    socket
}

/// Subscribes (as operation `id`) to the board of `unit`.
async fn watch(socket: &mut Socket, id: &str, unit: &str) {
    let subscribe =
        json!({ "id": id, "type": "subscribe", "payload": { "query": SUBSCRIBE, "variables": { "u": unit } } });
    socket.send(Message::text(subscribe.to_string())).await.unwrap();
}

/// The next protocol message as JSON, or `None` after `wait`.
async fn next_json(socket: &mut Socket, wait: Duration) -> Option<Value> {
    let message = next_message(socket, wait).await?;
    serde_json::from_str(message.to_text().ok()?).ok()
}

/// A booking of UT-CA1 whose counter is assigned to op.cagliari1 (the demo has some on the office's
/// first working day from today): its id.
async fn counter_assigned(app: &TestApp) -> String {
    let director = app.login("dir.cagliari1").await;
    let today = api::appointments::domain::rome_date(chrono::Utc::now());
    let vars = json!({ "o": "UT-CA1", "from": today, "to": today + chrono::Duration::days(14) });
    let res = app.graphql(Some(&director), NEXT_DAYS, vars).await;
    let nodes = data(&res)["appointments"]["nodes"].as_array().unwrap().clone();
    let booking = nodes
        .iter()
        .find(|n| n["status"] == "COUNTER_ASSIGNED" && n["counter"]["operator"]["username"] == "op.cagliari1")
        .unwrap_or_else(|| panic!("a demo booking with its counter assigned: {nodes:?}"));
    booking["id"].as_str().unwrap().to_owned()
}

async fn check_in(app: &TestApp, booking: &str) {
    let operator = app.login("op.cagliari1").await;
    let res = app.graphql(Some(&operator), START, json!({ "id": booking })).await;
    assert_eq!(data(&res)["startCounterSession"]["status"], "IN_SESSION", "{res}");
}

both_backends!(a_check_in_wakes_the_board_of_its_office_and_not_another, |app: TestApp| async move {
    let director = app.login("dr.sardegna").await;
    let (cagliari, sassari) = (unit_id(&app, &director, "UT-CA1").await, unit_id(&app, &director, "UT-SS").await);
    let booking = counter_assigned(&app).await;
    let mut on_cagliari = socket_of(&app, "dr.sardegna").await;
    let mut on_sassari = socket_of(&app, "dr.sardegna").await;
    watch(&mut on_cagliari, "a", &cagliari).await;
    watch(&mut on_sassari, "b", &sassari).await;
    // The subscriptions start when the server has read them.
    tokio::time::sleep(Duration::from_millis(500)).await;

    check_in(&app, &booking).await;
    // Woken by the commit: well before the subscription's own polling (30 s).
    let pushed = next_json(&mut on_cagliari, Duration::from_secs(5)).await.expect("UT-CA1's board is told");
    assert_eq!(pushed["type"], "next", "{pushed}");
    assert_eq!(pushed["id"], "a");
    assert_eq!(pushed["payload"]["data"]["officeBoardChanged"]["unitId"], cagliari.as_str());
    assert!(next_json(&mut on_sassari, Duration::from_secs(2)).await.is_none(), "nothing for UT-SS's board");
    // Told once per change.
    assert!(next_json(&mut on_cagliari, Duration::from_secs(1)).await.is_none(), "one change, one message");
});

both_backends!(a_change_whose_wake_was_lost_is_found_when_the_board_looks_by_itself, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let cagliari = unit_id(&app, &director, "UT-CA1").await;
    let booking = counter_assigned(&app).await;
    let mut socket = socket_of(&app, "dir.cagliari1").await;
    watch(&mut socket, "a", &cagliari).await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    // Nothing changed: looking tells nothing.
    app.state.alerts.wake_every_board();
    assert!(next_json(&mut socket, Duration::from_secs(1)).await.is_none(), "no change, no message");
    // A change whose announcement was lost (written here, announced nowhere), as a versioned update writes it.
    let id = uuid::Uuid::parse_str(&booking).unwrap();
    entities::appointment::Entity::update_many()
        .col_expr(entities::appointment::Column::Version, Expr::col(entities::appointment::Column::Version).add(1))
        .col_expr(entities::appointment::Column::UpdatedAt, Expr::value(chrono::Utc::now()))
        .filter(entities::appointment::Column::Id.eq(id))
        .exec(&app.state.db)
        .await
        .unwrap();
    assert!(next_json(&mut socket, Duration::from_secs(1)).await.is_none(), "no wake, no message yet");
    // The board looks by itself (every 30 s, or as here when the relay reconnects): told once.
    app.state.alerts.wake_every_board();
    let pushed = next_json(&mut socket, Duration::from_secs(5)).await.expect("the change is found");
    assert_eq!(pushed["payload"]["data"]["officeBoardChanged"]["unitId"], cagliari.as_str(), "{pushed}");
    app.state.alerts.wake_every_board();
    assert!(next_json(&mut socket, Duration::from_secs(1)).await.is_none(), "told once");
});

/// The error a subscription got (graphql-transport-ws sends `error` or a `next` with errors).
fn refused_code(message: &Value) -> Option<String> {
    let error = match message["type"].as_str()? {
        "error" => &message["payload"][0],
        "next" => &message["payload"]["errors"][0],
        _ => return None,
    };
    error["extensions"]["code"].as_str().map(str::to_owned)
}

both_backends!(a_lazio_person_cannot_watch_a_sardinian_board, |app: TestApp| async move {
    let admin = app.login("admin").await;
    let cagliari = unit_id(&app, &admin, "UT-CA1").await;
    let lazio = app.login("dr.lazio").await;
    // The query's answer for the same office…
    let res = app
        .graphql(Some(&lazio), "query($u: ID!) { officeBoard(unitId: $u) { from } }", json!({ "u": cagliari }))
        .await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"), "{res}");
    // …is the subscription's.
    let mut socket = socket_of(&app, "dr.lazio").await;
    watch(&mut socket, "x", &cagliari).await;
    let refused = next_json(&mut socket, Duration::from_secs(5)).await.expect("an answer");
    assert_eq!(refused_code(&refused).as_deref(), Some("FORBIDDEN"), "{refused}");
    // Not an office: NOT_FOUND, as the query.
    let region = unit_id(&app, &admin, "DR-LAZ").await;
    watch(&mut socket, "y", &region).await;
    let mut refused = next_json(&mut socket, Duration::from_secs(5)).await.expect("an answer");
    // The refused subscription "x" may be completed first.
    if refused["type"] == "complete" {
        refused = next_json(&mut socket, Duration::from_secs(5)).await.expect("an answer");
    }
    assert_eq!(refused["id"], "y", "{refused}");
    assert_eq!(refused_code(&refused).as_deref(), Some("NOT_FOUND"), "{refused}");
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_check_in_on_one_instance_wakes_a_board_watched_on_another() {
    let Some(backend @ Backend::Postgres { redis_url: Some(_), .. }) = Backend::postgres() else {
        crate::not_run::report(
            crate::this_test!("a_check_in_on_one_instance_wakes_a_board_watched_on_another"),
            crate::not_run::postgres_or_redis_missing(),
        );
        return;
    };
    let one = TestApp::spawn(backend).await;
    let two = one.spawn_sibling().await;
    api::kernel::reach::Reach::system()
        .run(async {
            // The relay of instance two subscribes to Redis as it starts.
            tokio::time::sleep(Duration::from_millis(500)).await;
            let director = two.login("dir.cagliari1").await;
            let cagliari = unit_id(&two, &director, "UT-CA1").await;
            let booking = counter_assigned(&one).await;
            let mut on_two = socket_of(&two, "dir.cagliari1").await;
            watch(&mut on_two, "a", &cagliari).await;
            tokio::time::sleep(Duration::from_millis(500)).await;
            check_in(&one, &booking).await;
            // Through Redis pub/sub: well within the 30 s the subscription would take to look by itself.
            let pushed = next_json(&mut on_two, Duration::from_secs(5)).await.expect("told on instance two");
            assert_eq!(pushed["payload"]["data"]["officeBoardChanged"]["unitId"], cagliari.as_str(), "{pushed}");
        })
        .await;
}
