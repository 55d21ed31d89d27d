//! Callback requests ("richiamata", docs/domain.md §5.6).

use api::config::Settings;
use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc, Weekday};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};

/// The server's clock in these tests: Thursday 26 November 2026, 10:00 in
/// Rome, inside callback hours (attempts are refused outside them). With the
/// real clock the requests below, made on the last Tuesday and so on, would
/// fall on a holiday some weeks (8 December) and the attempts outside hours
/// whenever the suite ran in the afternoon.
const FIXED_NOW: &str = "2026-11-26T10:00:00+01:00";

fn rome(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn at(instant: &'static str) -> impl FnOnce(&mut Settings) {
    move |s: &mut Settings| s.fixed_now = Some(rome(instant))
}

fn in_hours(s: &mut Settings) {
    at(FIXED_NOW)(s)
}

/// The most recent past `weekday` (before the fixed today) at hh:mm in Rome.
fn last(weekday: Weekday, h: u32, m: u32) -> DateTime<Utc> {
    let mut day = api::appointments::domain::rome_date(rome(FIXED_NOW)) - Duration::days(1);
    while day.weekday() != weekday {
        day -= Duration::days(1);
    }
    api::appointments::domain::rome_instant(day, NaiveTime::from_hms_opt(h, m, 0).unwrap()).unwrap()
}

const REQUEST: &str = "mutation($i: RequestCallbackInput!) { requestCallback(input: $i) {
    id status availableFrom requestedAt phone unit { code } version } }";
const ASSIGN: &str = "mutation($id: ID!, $u: String!, $v: Int) { assignCallback(id: $id, username: $u, version: $v) {
    id status assignee { username } version } }";
const ATTEMPT: &str = "mutation($id: ID!, $o: CallbackOutcome!) { recordCallbackAttempt(id: $id, outcome: $o) {
    status attempts outcome } }";

async fn request(app: &TestApp, token: &str, unit: &str, at: DateTime<Utc>) -> Value {
    let res = app
        .graphql(
            Some(token),
            REQUEST,
            json!({ "i": { "unitCode": unit, "phone": "347 000 1122", "topic": "Stato del rimborso", "requestedAt": at.to_rfc3339() } }),
        )
        .await;
    data(&res)["requestCallback"].clone()
}

fn same_instant(a: &Value, b: DateTime<Utc>) -> bool {
    DateTime::parse_from_rfc3339(a.as_str().unwrap()).unwrap() == b
}

both_backends!(
    a_request_in_opening_hours_waits_for_no_one_and_one_outside_waits_for_the_next_opening,
    configure: in_hours,
    |app: TestApp| async move {
        let ccm = app.login("ccm.op").await;
        let tuesday_ten = last(Weekday::Tue, 10, 0);
        let cb = request(&app, &ccm, "DP-CA", tuesday_ten).await;
        assert_eq!(cb["status"], "WAITING");
        assert!(same_instant(&cb["availableFrom"], tuesday_ten), "{cb}");
        let friday_three_pm = last(Weekday::Fri, 15, 0);
        let cb = request(&app, &ccm, "DP-CA", friday_three_pm).await;
        let monday_nine = api::appointments::domain::rome_instant(
            api::appointments::domain::rome_date(friday_three_pm) + Duration::days(3),
            NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        )
        .unwrap();
        assert!(same_instant(&cb["availableFrom"], monday_nine), "{cb}");
        // Not in the future, a real phone number.
        let res = app
        .graphql(
            Some(&ccm),
            REQUEST,
            json!({ "i": { "unitCode": "DP-CA", "phone": "347 000 1122", "topic": "x", "requestedAt": (rome(FIXED_NOW) + Duration::days(1)).to_rfc3339() } }),
        )
        .await;
        assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
        let res = app
            .graphql(Some(&ccm), REQUEST, json!({ "i": { "unitCode": "DP-CA", "phone": "nessuno", "topic": "x" } }))
            .await;
        assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    }
);

both_backends!(three_unanswered_attempts_close_a_callback_and_a_fourth_is_refused, configure: in_hours, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let dp = app.login("dp.cagliari").await;
    let op = app.login("op.cagliari1").await;
    let cb = request(&app, &ccm, "DP-CA", last(Weekday::Wed, 11, 0)).await;
    let id = cb["id"].clone();
    // Only staff of DP Cagliari or its offices can be the assignee.
    let res = app.graphql(Some(&dp), ASSIGN, json!({ "id": id, "u": "op.sassari" })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    let res = app.graphql(Some(&dp), ASSIGN, json!({ "id": id, "u": "op.cagliari1" })).await;
    assert_eq!(data(&res)["assignCallback"]["status"], "ASSIGNED");
    // Somebody else's callback.
    let op2 = app.login("op2.cagliari1").await;
    let res = app.graphql(Some(&op2), ATTEMPT, json!({ "id": id, "o": "NO_ANSWER" })).await;
    assert!(matches!(error_code(&res), Some("FORBIDDEN") | Some("NOT_FOUND")), "{res}");
    for n in 1..=3 {
        let res = app.graphql(Some(&op), ATTEMPT, json!({ "id": id, "o": "NO_ANSWER" })).await;
        let after = &data(&res)["recordCallbackAttempt"];
        assert_eq!(after["attempts"], n);
        assert_eq!(after["status"], if n < 3 { "ASSIGNED" } else { "DONE" });
    }
    let res = app.graphql(Some(&op), ATTEMPT, json!({ "id": id, "o": "NO_ANSWER" })).await;
    assert_eq!(error_code(&res), Some("CONFLICT"));
    // An answered call closes at once.
    let cb = request(&app, &ccm, "UT-CA1", last(Weekday::Thu, 9, 30)).await;
    let coord = app.login("coord.cagliari1").await;
    data(&app.graphql(Some(&coord), ASSIGN, json!({ "id": cb["id"], "u": "op.cagliari1" })).await);
    let res = app.graphql(Some(&op), ATTEMPT, json!({ "id": cb["id"], "o": "ROUTED_INTERNALLY" })).await;
    assert_eq!(data(&res)["recordCallbackAttempt"]["status"], "DONE");
    // Every step audited.
    let admin = app.login("admin").await;
    let res = app
        .graphql(
            Some(&admin),
            "{ auditEvents(filter: { recordType: \"callback\" }, first: 100) { edges { node { action recordId } } } }",
            json!({}),
        )
        .await;
    let actions: Vec<String> = data(&res)["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["node"]["recordId"] == id)
        .map(|e| e["node"]["action"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(actions.iter().filter(|a| *a == "callback.attempt").count(), 3, "{actions:?}");
    assert!(actions.contains(&"callback.request".to_owned()) && actions.contains(&"callback.assign".to_owned()));
});

both_backends!(callbacks_stay_within_scope_and_reading_the_phone_is_audited, configure: in_hours, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let cb = request(&app, &ccm, "DP-CA", last(Weekday::Mon, 12, 0)).await;
    let id = cb["id"].clone();
    assert_eq!(cb["phone"], "3470001122", "the CCM sees the number it entered");
    let q = "query($id: ID!) { callback(id: $id) { phone topic } }";
    // Another province and another region see nothing.
    for username in ["op.sassari", "op.roma1", "dr.lazio"] {
        let token = app.login(username).await;
        let res = app.graphql(Some(&token), q, json!({ "id": id })).await;
        assert_eq!(error_code(&res), Some("NOT_FOUND"), "{username}");
        let res = app.graphql(Some(&token), "{ callbacks(first: 100) { edges { node { id } } } }", json!({})).await;
        assert!(
            data(&res)["callbacks"]["edges"].as_array().unwrap().iter().all(|e| e["node"]["id"] != id),
            "{username}"
        );
    }
    // The regional director reads it, without the phone number.
    let dr = app.login("dr.sardegna").await;
    let res = app.graphql(Some(&dr), q, json!({ "id": id })).await;
    assert_eq!(data(&res)["callback"]["phone"], Value::Null);
    // The CCM lists only what the CCM filed.
    let res = app.graphql(Some(&ccm), "{ callbacks(first: 100) { edges { node { id } } } }", json!({})).await;
    assert_eq!(data(&res)["callbacks"]["edges"].as_array().unwrap().len(), 1);
    // The assignee (at an office under the DP) reads the phone; the read is audited.
    let dp = app.login("dp.cagliari").await;
    data(&app.graphql(Some(&dp), ASSIGN, json!({ "id": id, "u": "op.cagliari1" })).await);
    let op = app.login("op.cagliari1").await;
    let res = app.graphql(Some(&op), q, json!({ "id": id })).await;
    assert_eq!(data(&res)["callback"]["phone"], "3470001122");
    let admin = app.login("admin").await;
    let res = app
        .graphql(Some(&admin), "{ auditEvents(filter: { action: \"callback.read_contact\" }, first: 100) { edges { node { recordId actor } } } }", json!({}))
        .await;
    let readers: Vec<&str> = data(&res)["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["node"]["recordId"] == id)
        .map(|e| e["node"]["actor"].as_str().unwrap())
        .collect();
    assert!(readers.contains(&"op.cagliari1") && readers.contains(&"ccm.op"), "{readers:?}");
    // It is on the assignee's worklist.
    let res = app.graphql(Some(&op), "{ myWorklist { callbacks { id } } }", json!({})).await;
    assert!(data(&res)["myWorklist"]["callbacks"].as_array().unwrap().iter().any(|c| c["id"] == id));
});

both_backends!(two_people_assigning_a_callback_at_once_one_gets_conflict, configure: in_hours, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let cb = request(&app, &ccm, "UT-CA1", last(Weekday::Tue, 9, 15)).await;
    let (id, version) = (cb["id"].clone(), cb["version"].clone());
    let director = app.login("dir.cagliari1").await;
    let coordinator = app.login("coord.cagliari1").await;
    let (a, b) = tokio::join!(
        app.graphql(Some(&director), ASSIGN, json!({ "id": id, "u": "op.cagliari1", "v": version })),
        app.graphql(Some(&coordinator), ASSIGN, json!({ "id": id, "u": "op2.cagliari1", "v": version })),
    );
    let codes = [error_code(&a), error_code(&b)];
    assert_eq!(codes.iter().filter(|c| c.is_none()).count(), 1, "{a} {b}");
    assert_eq!(codes.iter().filter(|c| **c == Some("CONFLICT")).count(), 1, "{a} {b}");
});

/// Files a callback an hour before `now` and assigns it to op.cagliari1; then
/// the operator records an attempt at the server's (fixed) `now`.
async fn attempt_at_fixed_now(app: &TestApp, now: DateTime<Utc>) -> Value {
    let ccm = app.login("ccm.op").await;
    let cb = request(app, &ccm, "DP-CA", now - Duration::hours(1)).await;
    let dp = app.login("dp.cagliari").await;
    data(&app.graphql(Some(&dp), ASSIGN, json!({ "id": cb["id"], "u": "op.cagliari1" })).await);
    let op = app.login("op.cagliari1").await;
    app.graphql(Some(&op), ATTEMPT, json!({ "id": cb["id"], "o": "NO_ANSWER" })).await
}

fn refused_until(res: &Value, next: &str) {
    assert_eq!(error_code(res), Some("BAD_USER_INPUT"), "{res}");
    let message = res["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("dalle 09:00 alle 13:00") && message.contains(next), "{message}");
}

// Friday 25 December 2026: Christmas; the 26th is a holiday and a Saturday.
both_backends!(an_attempt_on_christmas_morning_is_refused, configure: at("2026-12-25T10:00:00+01:00"), |app: TestApp| async move {
    let res = attempt_at_fixed_now(&app, rome("2026-12-25T10:00:00+01:00")).await;
    refused_until(&res, "lunedì 28/12/2026 alle 09:00");
});

both_backends!(an_attempt_at_half_past_one_on_a_working_day_is_refused, configure: at("2026-11-26T13:30:00+01:00"), |app: TestApp| async move {
    let res = attempt_at_fixed_now(&app, rome("2026-11-26T13:30:00+01:00")).await;
    refused_until(&res, "venerdì 27/11/2026 alle 09:00");
});

// Five minutes after the window closes: refused, and the callback shows when the next window opens.
both_backends!(an_attempt_at_five_past_one_is_refused_and_the_next_window_shown, configure: at("2026-11-26T13:05:00+01:00"), |app: TestApp| async move {
    let res = attempt_at_fixed_now(&app, rome("2026-11-26T13:05:00+01:00")).await;
    refused_until(&res, "venerdì 27/11/2026 alle 09:00");
    let op = app.login("op.cagliari1").await;
    let res = app.graphql(Some(&op), "{ myWorklist { callbacks { nextWindowOpensAt attempts } } }", json!({})).await;
    let callbacks = data(&res)["myWorklist"]["callbacks"].as_array().unwrap().clone();
    let next: Vec<DateTime<Utc>> =
        callbacks.iter().map(|c| rome(c["nextWindowOpensAt"].as_str().expect("closed: a next window"))).collect();
    assert!(next.contains(&rome("2026-11-27T09:00:00+01:00")), "{res}");
});

both_backends!(inside_the_window_the_callback_has_no_next_window, configure: in_hours, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let cb = request(&app, &ccm, "DP-CA", rome(FIXED_NOW) - Duration::hours(1)).await;
    let res = app.graphql(Some(&ccm), "query($id: ID!) { callback(id: $id) { nextWindowOpensAt } }", json!({ "id": cb["id"] })).await;
    assert_eq!(data(&res)["callback"]["nextWindowOpensAt"], Value::Null, "{res}");
});

both_backends!(an_attempt_at_nine_is_recorded, configure: at("2026-11-26T09:00:00+01:00"), |app: TestApp| async move {
    let res = attempt_at_fixed_now(&app, rome("2026-11-26T09:00:00+01:00")).await;
    assert_eq!(data(&res)["recordCallbackAttempt"]["attempts"], 1, "{res}");
});

both_backends!(an_attempt_at_thirteen_is_recorded, configure: at("2026-11-26T13:00:00+01:00"), |app: TestApp| async move {
    let res = attempt_at_fixed_now(&app, rome("2026-11-26T13:00:00+01:00")).await;
    assert_eq!(data(&res)["recordCallbackAttempt"]["attempts"], 1, "{res}");
});

// Friday 30 October 2026: San Saturnino, patron saint of Cagliari (a closure of
// DP Cagliari, and so of its offices), a working day in Rome.
both_backends!(an_attempt_on_the_patron_saints_day_of_the_unit_is_refused, configure: at("2026-10-30T10:00:00+01:00"), |app: TestApp| async move {
    let res = attempt_at_fixed_now(&app, rome("2026-10-30T10:00:00+01:00")).await;
    refused_until(&res, "lunedì 02/11/2026 alle 09:00");
    // The window of DP Roma is open that morning; DP Cagliari's opens on Monday.
    let ccm = app.login("ccm.op").await;
    let roma = request(&app, &ccm, "DP-RM", rome("2026-10-30T09:30:00+01:00")).await;
    let cagliari = request(&app, &ccm, "DP-CA", rome("2026-10-30T09:30:00+01:00")).await;
    assert!(same_instant(&cagliari["availableFrom"], rome("2026-11-02T09:00:00+01:00")), "{cagliari}");
    let q = "query($id: ID!) { callback(id: $id) { nextWindowOpensAt } }";
    let res = app.graphql(Some(&ccm), q, json!({ "id": roma["id"] })).await;
    assert_eq!(data(&res)["callback"]["nextWindowOpensAt"], Value::Null, "{res}");
    let res = app.graphql(Some(&ccm), q, json!({ "id": cagliari["id"] })).await;
    let next = data(&res)["callback"]["nextWindowOpensAt"].as_str().expect("closed today: a next window");
    assert_eq!(rome(next), rome("2026-11-02T09:00:00+01:00"), "{res}");
});

both_backends!(every_attempt_is_kept_in_the_history, configure: in_hours, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let cb = request(&app, &ccm, "DP-CA", last(Weekday::Wed, 11, 0)).await;
    let dp = app.login("dp.cagliari").await;
    data(&app.graphql(Some(&dp), ASSIGN, json!({ "id": cb["id"], "u": "op.cagliari1" })).await);
    let op = app.login("op.cagliari1").await;
    let with_note = "mutation($id: ID!, $o: CallbackOutcome!, $n: String) { recordCallbackAttempt(id: $id, outcome: $o, note: $n) { attempts } }";
    data(&app.graphql(Some(&op), with_note, json!({ "id": cb["id"], "o": "NO_ANSWER", "n": "segreteria" })).await);
    data(&app.graphql(Some(&op), with_note, json!({ "id": cb["id"], "o": "RESOLVED" })).await);
    let q = "query($id: ID!) { callback(id: $id) { attemptHistory { number outcome note by { username } attemptedAt } } }";
    let res = app.graphql(Some(&dp), q, json!({ "id": cb["id"] })).await;
    let history = data(&res)["callback"]["attemptHistory"].as_array().unwrap().clone();
    assert_eq!(history.len(), 2, "{res}");
    assert_eq!((history[0]["number"].as_i64(), history[0]["outcome"].as_str()), (Some(1), Some("NO_ANSWER")));
    assert_eq!(history[0]["note"], "segreteria");
    assert_eq!((history[1]["number"].as_i64(), history[1]["outcome"].as_str()), (Some(2), Some("RESOLVED")));
    assert_eq!(history[1]["by"]["username"], "op.cagliari1");
    // Another province sees neither the request nor its attempts.
    let other = app.login("op.sassari").await;
    let res = app.graphql(Some(&other), q, json!({ "id": cb["id"] })).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
});

both_backends!(the_director_picks_the_assignee_among_the_staff_of_the_unit, configure: in_hours, |app: TestApp| async move {
    let dp = app.login("dp.cagliari").await;
    let q = "query($u: String!) { callbackStaff(unitCode: $u) { username displayName } }";
    let res = app.graphql(Some(&dp), q, json!({ "u": "DP-CA" })).await;
    let names: Vec<&str> =
        data(&res)["callbackStaff"].as_array().unwrap().iter().map(|p| p["username"].as_str().unwrap()).collect();
    assert!(names.contains(&"op.cagliari1") && names.contains(&"dir.cagliari1"), "{names:?}");
    assert!(!names.contains(&"op.sassari") && !names.contains(&"op.roma1"), "{names:?}");
    // The office director picks among the office's staff only, and not for another province.
    let dir = app.login("dir.cagliari1").await;
    let res = app.graphql(Some(&dir), q, json!({ "u": "UT-CA1" })).await;
    assert!(data(&res)["callbackStaff"].as_array().unwrap().iter().all(|p| p["username"] != "dp.cagliari"));
    let res = app.graphql(Some(&dir), q, json!({ "u": "DP-RM" })).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"), "{res}");
});
