//! Follow-up work that does not drop out of sight (issue 14 item 5): a session
//! transferred to the back office and a precall that sends the citizen to
//! e-mail/PEC open an item due in 3 working days of the office, in the
//! assignee's list; it closes with what was done; past its due date it is overdue.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};

const START: &str = "mutation($id: ID!) { startCounterSession(id: $id) { id status } }";
const OUTCOME: &str = "mutation($id: ID!, $o: CounterOutcome!, $p: String) { \
    recordCounterOutcome(id: $id, outcome: $o, protocolNumber: $p) { id status } }";
const LIST: &str = "query($office: String, $overdue: Boolean, $mine: Boolean, $status: FollowUpStatus) { \
    followUps(officeCode: $office, overdueOnly: $overdue, mineOnly: $mine, status: $status, first: 50) { \
    totalCount nodes { id origin status citizenName protocolNumber dueOn overdue assignee version appointmentId } } }";
const COMPLETE: &str = "mutation($id: ID!, $v: Int!, $o: String!) { \
    completeFollowUp(id: $id, version: $v, outcome: $o) { status outcome version } }";

async fn list(app: &TestApp, token: &str, vars: Value) -> Value {
    let res = app.graphql(Some(token), LIST, vars).await;
    data(&res)["followUps"].clone()
}

async fn booking_id(app: &TestApp, token: &str, cup: &str) -> String {
    let q = "{ appointments(filter: { officeCode: \"UT-CA1\" }, first: 100) { nodes { id cupNumber } } }";
    let res = app.graphql(Some(token), q, json!({})).await;
    data(&res)["appointments"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["cupNumber"] == cup)
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .unwrap()
}

both_backends!(
    a_session_transferred_to_the_back_office_opens_an_item_due_in_three_working_days,
    |app: TestApp| async move {
        let director = app.login("dir.cagliari1").await;
        let operator = app.login("op.cagliari1").await;
        // Demo data: today's UT-CA1 booking 40100 is designated to op.cagliari1.
        let id = booking_id(&app, &director, "40100").await;
        assert!(app.graphql(Some(&operator), START, json!({ "id": id })).await.get("errors").is_none());
        let res = app
            .graphql(Some(&operator), OUTCOME, json!({ "id": id, "o": "TRANSFERRED_TO_BACK_OFFICE", "p": "2026/0099" }))
            .await;
        assert_eq!(data(&res)["recordCounterOutcome"]["status"], "CLOSED", "{res}");

        let mine = list(&app, &operator, json!({ "mine": true })).await;
        assert_eq!(mine["totalCount"], 1, "{mine}");
        let item = &mine["nodes"][0];
        assert_eq!(item["origin"], "COUNTER_BACK_OFFICE");
        assert_eq!((item["status"].as_str(), item["overdue"].as_bool()), (Some("OPEN"), Some(false)));
        assert_eq!(item["protocolNumber"], "2026/0099");
        assert_eq!(item["assignee"], "op.cagliari1");
        assert_eq!(item["appointmentId"], id.as_str());
        // Three working days of UT-CA1 after today (its calendar: weekdays, national holidays, Cagliari's patron).
        let today = api::appointments::domain::rome_date(chrono::Utc::now());
        let calendar = api::kernel::unit_calendar::UnitCalendar {
            hours: vec![],
            closures: vec![api::kernel::unit_calendar::Closure {
                first_day: chrono::NaiveDate::from_ymd_opt(2026, 10, 30).unwrap(),
                last_day: chrono::NaiveDate::from_ymd_opt(2026, 10, 30).unwrap(),
                yearly: true,
                reason: String::new(),
            }],
        };
        assert_eq!(item["dueOn"], calendar.working_days_after(today, 3).to_string(), "{item}");

        // The office sees it; another region does not, not even counted.
        assert_eq!(list(&app, &director, json!({ "office": "UT-CA1" })).await["totalCount"], 1);
        let lazio = app.login("dr.lazio").await;
        assert_eq!(list(&app, &lazio, json!({})).await["totalCount"], 0);

        let item_id = item["id"].as_str().unwrap();
        let res = app.graphql(Some(&operator), COMPLETE, json!({ "id": item_id, "v": 1, "o": " " })).await;
        assert_eq!(res["errors"][0]["extensions"]["field"], "outcome", "{res}");
        let res = app.graphql(Some(&lazio), COMPLETE, json!({ "id": item_id, "v": 1, "o": "x" })).await;
        assert_eq!(error_code(&res), Some("NOT_FOUND"), "{res}");
        let res =
            app.graphql(Some(&operator), COMPLETE, json!({ "id": item_id, "v": 1, "o": "Pratica lavorata" })).await;
        assert_eq!(data(&res)["completeFollowUp"]["status"], "DONE", "{res}");
        let res = app.graphql(Some(&operator), COMPLETE, json!({ "id": item_id, "v": 2, "o": "ancora" })).await;
        assert_eq!(error_code(&res), Some("CONFLICT"), "{res}");
        assert_eq!(list(&app, &operator, json!({ "mine": true, "status": "OPEN" })).await["totalCount"], 0);
    }
);

both_backends!(an_item_past_its_due_date_is_overdue_and_listed_as_such, |app: TestApp| async move {
    use sea_orm::{ConnectionTrait, Statement};
    let director = app.login("dir.cagliari1").await;
    let operator = app.login("op.cagliari1").await;
    let id = booking_id(&app, &director, "40100").await;
    app.graphql(Some(&operator), START, json!({ "id": id })).await;
    app.graphql(Some(&operator), OUTCOME, json!({ "id": id, "o": "TRANSFERRED_TO_BACK_OFFICE", "p": "P-1" })).await;
    assert_eq!(list(&app, &director, json!({ "office": "UT-CA1", "overdue": true })).await["totalCount"], 0);
    // Time passes: the item's due date is now a week ago.
    let db = &app.state.db;
    let past = (api::appointments::domain::rome_date(chrono::Utc::now()) - chrono::Duration::days(7)).to_string();
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        match db.get_database_backend() {
            sea_orm::DbBackend::Postgres => "UPDATE follow_up SET due_on = CAST($1 AS DATE)",
            _ => "UPDATE follow_up SET due_on = ?",
        },
        [past.into()],
    ))
    .await
    .unwrap();
    let overdue = list(&app, &director, json!({ "office": "UT-CA1", "overdue": true })).await;
    assert_eq!(overdue["totalCount"], 1, "{overdue}");
    assert_eq!(overdue["nodes"][0]["overdue"], true);
});

const STATS: &str = "query($d: NaiveDate!) { stats(unitCode: \"UT-CA1\", from: $d, to: $d) { \
    figures { followUps { opened done cancelled closed stillOpen overdue medianClosingSeconds medianClosingHours } } } }";

async fn follow_up_stats(app: &TestApp, token: &str) -> Value {
    let today = api::appointments::domain::rome_date(chrono::Utc::now()).to_string();
    let res = app.graphql(Some(token), STATS, json!({ "d": today })).await;
    data(&res)["stats"]["figures"]["followUps"].clone()
}

// Monitoring counts opened / closed / overdue / median closing time, scoped like the rest.
both_backends!(monitoring_counts_follow_ups_opened_closed_and_overdue, |app: TestApp| async move {
    use sea_orm::{ConnectionTrait, Statement};
    let director = app.login("dir.cagliari1").await;
    let operator = app.login("op.cagliari1").await;
    let before = follow_up_stats(&app, &director).await;
    assert_eq!((before["opened"].as_i64(), before["medianClosingSeconds"].as_f64()), (Some(0), None), "{before}");
    for (cup, protocol) in [("40100", "P-1"), ("40101", "P-2")] {
        let id = booking_id(&app, &director, cup).await;
        app.graphql(Some(&operator), START, json!({ "id": id })).await;
        let res = app
            .graphql(Some(&operator), OUTCOME, json!({ "id": id, "o": "TRANSFERRED_TO_BACK_OFFICE", "p": protocol }))
            .await;
        assert_eq!(data(&res)["recordCounterOutcome"]["status"], "CLOSED", "{res}");
    }
    let opened = follow_up_stats(&app, &director).await;
    assert_eq!((opened["opened"].as_i64(), opened["stillOpen"].as_i64()), (Some(2), Some(2)), "{opened}");
    assert_eq!(opened["closed"], 0);

    // One is done: closed moves, and the median closing time is known.
    let mine = list(&app, &operator, json!({ "mine": true })).await;
    let first = &mine["nodes"][0];
    let res = app
        .graphql(
            Some(&operator),
            COMPLETE,
            json!({ "id": first["id"], "v": first["version"], "o": "Pratica lavorata" }),
        )
        .await;
    assert_eq!(data(&res)["completeFollowUp"]["status"], "DONE", "{res}");
    let closed = follow_up_stats(&app, &director).await;
    assert_eq!((closed["done"].as_i64(), closed["closed"].as_i64()), (Some(1), Some(1)), "{closed}");
    assert!(closed["medianClosingSeconds"].as_f64().is_some_and(|s| s >= 0.0), "{closed}");

    // The other is past its due date: overdue in stats.
    let db = &app.state.db;
    let past = (api::appointments::domain::rome_date(chrono::Utc::now()) - chrono::Duration::days(7)).to_string();
    db.execute_raw(Statement::from_sql_and_values(
        db.get_database_backend(),
        match db.get_database_backend() {
            sea_orm::DbBackend::Postgres => "UPDATE follow_up SET due_on = CAST($1 AS DATE) WHERE status = 'OPEN'",
            _ => "UPDATE follow_up SET due_on = ? WHERE status = 'OPEN'",
        },
        [past.into()],
    ))
    .await
    .unwrap();
    assert_eq!(follow_up_stats(&app, &director).await["overdue"], 1);

    // Scoped: another region's director counts none of them.
    let lazio = app.login("dr.lazio").await;
    let today = api::appointments::domain::rome_date(chrono::Utc::now()).to_string();
    let res = app
        .graphql(
            Some(&lazio),
            "query($d: NaiveDate!) { stats(unitCode: \"DR-LAZ\", from: $d, to: $d) { figures { followUps { opened } } } }",
            json!({ "d": today }),
        )
        .await;
    if res.get("errors").is_none() {
        assert_eq!(data(&res)["stats"]["figures"]["followUps"]["opened"], 0, "{res}");
    }
    let res = app.graphql(Some(&lazio), STATS, json!({ "d": today })).await;
    assert!(res.get("errors").is_some(), "UT-CA1 is outside DR Lazio: {res}");
});

// Documents by e-mail: the subject the citizen must use and the virtual-counter address.
both_backends!(an_item_for_documents_by_email_shows_the_subject_and_the_mailbox, |app: TestApp| async move {
    let operator = app.login("op.sassari").await;
    let q = "{ appointments(filter: { officeCode: \"UT-SS\", precallStatus: ASSIGNED }, first: 50) { nodes { id cupNumber citizenName version phone precall { assignee { username } } } } }";
    let res = app.graphql(Some(&operator), q, json!({})).await;
    let nodes = data(&res)["appointments"]["nodes"].as_array().unwrap().clone();
    let booking = nodes
        .iter()
        .find(|a| a["precall"]["assignee"]["username"] == "op.sassari")
        .unwrap_or_else(|| panic!("a precall of op.sassari: {res}"))
        .clone();
    let record =
        "mutation($id: ID!, $i: PrecallOutcomeInput!) { recordPrecallOutcome(appointmentId: $id, input: $i) { id } }";
    let res = app
        .graphql(
            Some(&operator),
            record,
            json!({ "id": booking["id"], "i": { "outcome": "POSITIVE", "result": "REDIRECTED_EMAIL_PEC" } }),
        )
        .await;
    data(&res);
    let q = "{ followUps(mineOnly: true, first: 10) { nodes { origin documentsSubject virtualCounterMailbox } } }";
    let res = app.graphql(Some(&operator), q, json!({})).await;
    let item = &data(&res)["followUps"]["nodes"][0];
    assert_eq!(item["origin"], "PRECALL_EMAIL_PEC", "{res}");
    let expected = format!(
        "Prenotazione n. {} appuntamento virtuale CONSEGNA DOCUMENTI – {}",
        booking["cupNumber"].as_str().unwrap(),
        booking["citizenName"].as_str().unwrap()
    );
    assert_eq!(item["documentsSubject"], expected.as_str());
    assert_eq!(item["virtualCounterMailbox"], "sportello.virtuale.ss@agenzia.example.it", "{res}");
});

// A page of follow-ups with the booking's subject and the office's mailbox costs the
// same statements for 1 item as for 3 (DataLoaders).
both_backends!(follow_ups_cost_the_same_statements_for_one_item_and_three, |app: TestApp| async move {
    use std::sync::atomic::Ordering;
    let director = app.login("dir.cagliari1").await;
    let operator = app.login("op.cagliari1").await;
    let q = "{ followUps(officeCode: \"UT-CA1\", first: 50) { totalCount nodes { id documentsSubject virtualCounterMailbox assignee } } }";
    let mut counts = Vec::new();
    let second = app.login("op2.cagliari1").await;
    for (i, (cup, who)) in [("40100", &operator), ("40101", &operator), ("40102", &second)].into_iter().enumerate() {
        let id = booking_id(&app, &director, cup).await;
        app.graphql(Some(who), START, json!({ "id": id })).await;
        let p = format!("P-{i}");
        let res = app.graphql(Some(who), OUTCOME, json!({ "id": id, "o": "TRANSFERRED_TO_BACK_OFFICE", "p": p })).await;
        assert_eq!(data(&res)["recordCounterOutcome"]["status"], "CLOSED", "{res}");
        let before = app.state.statement_count.load(Ordering::SeqCst);
        let res = app.graphql(Some(&director), q, json!({})).await;
        let after = app.state.statement_count.load(Ordering::SeqCst);
        counts.push((data(&res)["followUps"]["nodes"].as_array().unwrap().len(), after - before));
    }
    assert_eq!(counts.iter().map(|c| c.0).collect::<Vec<_>>(), vec![1, 2, 3]);
    assert!(counts.windows(2).all(|w| w[0].1 == w[1].1), "statements grow with rows: {counts:?}");
});
