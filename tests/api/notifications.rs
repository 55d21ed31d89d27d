//! Booking notifications through the outbox: reminder 3 days before without
//! precall, link the day before a virtual session, closing e-mail; each sent
//! once, also across a restart.

use chrono::{Duration, NaiveDate, Utc};
use serde_json::json;

use crate::appointments::{by_cup, fixture, import};
use crate::both_backends;
use crate::helpers::{TestApp, data};

const LINK_BASE: &str = "https://sportello.test/sessione/";

async fn message(app: &TestApp, key: &str) -> Option<entities::outbox_message::Model> {
    api::outbox::by_dedupe_key(&app.state.db, key).await.unwrap()
}

fn mails(app: &TestApp) -> usize {
    std::fs::read_dir(app.mail_dir()).map(|d| d.count()).unwrap_or(0)
}

both_backends!(reminders_are_sent_once_even_across_a_restart, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    data(&import(&app, &director, "UT-CA1", &fixture("visualizza-ut-ca1.csv")).await);
    let id = |cup: &'static str| {
        let app = &app;
        let director = director.clone();
        async move { by_cup(app, &director, "UT-CA1", cup).await["id"].as_str().unwrap().to_owned() }
    };
    let (with_email, no_email, to_precall) = (id("770001").await, id("770002").await, id("770003").await);

    // Tomorrow the fixture's first day (today + 4) is 3 days ahead.
    let tomorrow = Utc::now() + Duration::days(1);
    let due = api::appointments::notifications::enqueue_due(&app.state.db, LINK_BASE, tomorrow).await.unwrap();
    assert!(due.reminders >= 2, "{due:?}");
    let reminder = message(&app, &format!("appointment:{with_email}:reminder")).await.expect("reminder queued");
    assert_eq!(reminder.recipient, "giovanna.melis@example.it");
    assert!(reminder.subject.as_deref().unwrap().contains("770001"));
    assert!(message(&app, &format!("appointment:{no_email}:reminder")).await.is_none());

    // A precall that did not reach the citizen leaves the reminder; one that did withdraws it.
    let op = app.login("op.cagliari1").await;
    data(
        &app.graphql(
            Some(&director),
            "mutation($ids: [ID!]!) { assignPrecalls(appointmentIds: $ids, username: \"op.cagliari1\") { id } }",
            json!({ "ids": [to_precall] }),
        )
        .await,
    );
    data(&app
        .graphql(
            Some(&op),
            "mutation($id: ID!) { recordPrecallOutcome(appointmentId: $id, input: { outcome: NOT_CONTACTABLE, reason: MISSING_PHONE }) { id } }",
            json!({ "id": to_precall }),
        )
        .await);
    let reminder_of = |id: String| {
        let app = &app;
        async move { message(app, &format!("appointment:{id}:reminder")).await.unwrap().status }
    };
    assert_eq!(reminder_of(to_precall.clone()).await.as_str(), "PENDING", "nobody reached the citizen");
    data(&app
        .graphql(
            Some(&op),
            "mutation($id: ID!) { recordPrecallOutcome(appointmentId: $id, input: { outcome: POSITIVE, result: CONFIRMED_IN_PERSON }) { id } }",
            json!({ "id": to_precall }),
        )
        .await);
    assert_eq!(reminder_of(to_precall.clone()).await.as_str(), "CANCELLED", "reached on the phone");

    // Running the scheduler again queues nothing new.
    let again = api::appointments::notifications::enqueue_due(&app.state.db, LINK_BASE, tomorrow).await.unwrap();
    assert_eq!((again.reminders, again.links), (0, 0));
    app.drain_outbox().await;
    let sent = mails(&app);
    assert!(sent >= 1);
    assert_eq!(message(&app, &format!("appointment:{with_email}:reminder")).await.unwrap().status.as_str(), "SENT");

    // A restart (a new instance on the same database) runs the scheduler and the worker again: no duplicates.
    let restarted = app.spawn_sibling().await;
    let after = api::appointments::notifications::enqueue_due(&restarted.state.db, LINK_BASE, tomorrow).await.unwrap();
    assert_eq!((after.reminders, after.links), (0, 0));
    assert_eq!(restarted.drain_outbox().await, 0);
    assert_eq!(mails(&app), sent);
});

both_backends!(a_virtual_session_gets_its_link_the_day_before_and_a_closing_email, |app: TestApp| async move {
    let dr = app.login("dr.sardegna").await;
    // Demo data: UT-SS 40113 is a confirmed virtual booking on the next working day.
    let booking = by_cup(&app, &dr, "UT-SS", "40113").await;
    let id = booking["id"].as_str().unwrap().to_owned();
    let date = NaiveDate::parse_from_str(booking["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    let today = api::appointments::domain::rome_date(Utc::now());
    let day_before = Utc::now() + Duration::days((date - today).num_days() - 1);
    let due = api::appointments::notifications::enqueue_due(&app.state.db, LINK_BASE, day_before).await.unwrap();
    assert!(due.links >= 1, "{due:?}");
    let link = message(&app, &format!("appointment:{id}:link")).await.expect("link queued");
    assert!(link.body.contains(&format!("{LINK_BASE}{id}")), "{}", link.body);
    assert_eq!(link.recipient, "marco.casu@example.it");

    // Today's virtual session of op.sassari (40112) ends: the closing e-mail is queued with it.
    let op = app.login("op.sassari").await;
    let today_session = by_cup(&app, &op, "UT-SS", "40112").await["id"].clone();
    data(
        &app.graphql(
            Some(&op),
            "mutation($id: ID!) { startCounterSession(id: $id) { id } }",
            json!({ "id": today_session }),
        )
        .await,
    );
    data(&app
        .graphql(
            Some(&op),
            "mutation($id: ID!) { recordCounterOutcome(id: $id, outcome: TRANSFERRED_TO_BACK_OFFICE, protocolNumber: \"2026/77\") { id } }",
            json!({ "id": today_session }),
        )
        .await);
    let closing = message(&app, &format!("appointment:{}:closing", today_session.as_str().unwrap()))
        .await
        .expect("closing queued");
    assert!(closing.body.contains("2026/77"));
    assert!(app.drain_outbox().await >= 2);
    assert_eq!(
        message(&app, &format!("appointment:{}:closing", today_session.as_str().unwrap()))
            .await
            .unwrap()
            .status
            .as_str(),
        "SENT"
    );
});

// Issue 14 item 3: any precall attempt used to suppress the reminder; a citizen
// nobody reached (no phone, no answer) must still get it 3 days before.
both_backends!(a_citizen_the_precall_did_not_reach_still_gets_the_reminder, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    data(&import(&app, &director, "UT-CA1", &fixture("visualizza-ut-ca1.csv")).await);
    let id = by_cup(&app, &director, "UT-CA1", "770003").await["id"].as_str().unwrap().to_owned();
    let op = app.login("op.cagliari1").await;
    data(
        &app.graphql(
            Some(&director),
            "mutation($ids: [ID!]!) { assignPrecalls(appointmentIds: $ids, username: \"op.cagliari1\") { id } }",
            json!({ "ids": [id] }),
        )
        .await,
    );
    data(&app
        .graphql(
            Some(&op),
            "mutation($id: ID!) { recordPrecallOutcome(appointmentId: $id, input: { outcome: NOT_CONTACTABLE, reason: MISSING_PHONE }) { id } }",
            json!({ "id": id }),
        )
        .await);
    let tomorrow = Utc::now() + Duration::days(1);
    api::appointments::notifications::enqueue_due(&app.state.db, LINK_BASE, tomorrow).await.unwrap();
    let reminder = message(&app, &format!("appointment:{id}:reminder")).await;
    assert_eq!(reminder.map(|m| m.status.as_str().to_owned()).as_deref(), Some("PENDING"));
});
