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
