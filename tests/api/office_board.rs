//! The office board over the next days (issue 14 item 2) and the day list
//! export (item 10): per-day counts that match the bookings, the alarm list
//! (a booking 2 working days ahead with no precall; still there after a
//! NO_ANSWER), scoping, statement counts, CSV and XLSX.

use std::sync::atomic::Ordering;

use base64::Engine;
use chrono::{NaiveDate, Utc};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};

const BOARD: &str = "query($u: ID!, $days: Int, $assignee: String) { officeBoard(unitId: $u, days: $days, assignee: $assignee) { \
    from to alarmUntil \
    days { date bookings toPrecall assigned precalled reached late coverage } \
    totals { bookings toPrecall assigned precalled reached late coverage } \
    alarms(first: 50) { totalCount nodes { notEvenAssigned attempted appointment { id cupNumber date precall { status outcome } } } } \
    noReply(first: 50) { totalCount nodes { cupNumber } } } }";
const LIST: &str = "query($from: NaiveDate, $to: NaiveDate) { appointments(filter: { officeCode: \"UT-CA1\", from: $from, to: $to }, first: 100) { \
    nodes { cupNumber date status precall { status outcome assignee { username } } } } }";
const BOOK: &str = "mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id cupNumber } }";

/// The `n`-th working day of UT-CA1 after today (weekends, national holidays,
/// Cagliari's patron saint on 30 October), as the office's calendar counts.
fn working_day(n: u32) -> NaiveDate {
    let today = api::appointments::domain::rome_date(Utc::now());
    let calendar = api::kernel::unit_calendar::UnitCalendar {
        hours: vec![],
        closures: vec![api::kernel::unit_calendar::Closure {
            first_day: NaiveDate::from_ymd_opt(2026, 10, 30).unwrap(),
            last_day: NaiveDate::from_ymd_opt(2026, 10, 30).unwrap(),
            yearly: true,
            reason: String::new(),
        }],
    };
    calendar.working_days_after(today, n)
}

async fn unit_id(app: &TestApp, token: &str, code: &str) -> String {
    let res = app.graphql(Some(token), "query($c: String!) { orgUnit(code: $c) { id } }", json!({ "c": code })).await;
    data(&res)["orgUnit"]["id"].as_str().unwrap().to_owned()
}

/// Books UT-CA1 at 10:00 (open hours) on `date` and returns the booking's id.
async fn book(app: &TestApp, token: &str, date: NaiveDate, service: &str, cup: &str) -> String {
    let input = json!({ "officeCode": "UT-CA1", "date": date.to_string(), "time": "10:00:00", "serviceCode": service,
        "fiscalCode": "RSSMRA80A01H501U", "citizenName": "Rossi Mario", "phone": "3331234567", "cupNumber": cup });
    let res = app.graphql(Some(token), BOOK, json!({ "i": input })).await;
    data(&res)["bookAppointment"]["id"].as_str().unwrap_or_else(|| panic!("{res}")).to_owned()
}

async fn board(app: &TestApp, token: &str, unit: &str, vars: Value) -> Value {
    let mut vars = vars;
    vars["u"] = json!(unit);
    let res = app.graphql(Some(token), BOARD, vars).await;
    data(&res)["officeBoard"].clone()
}

fn alarm<'a>(board: &'a Value, cup: &str) -> Option<&'a Value> {
    board["alarms"]["nodes"].as_array().unwrap().iter().find(|n| n["appointment"]["cupNumber"] == cup)
}

both_backends!(the_board_counts_of_the_next_four_days_match_the_bookings, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let unit = unit_id(&app, &director, "UT-CA1").await;
    book(&app, &director, working_day(1), "RIMB", "B-1").await;
    book(&app, &director, working_day(1), "PIN", "B-2").await;
    let b = board(&app, &director, &unit, json!({})).await;
    let (from, to) = (b["from"].as_str().unwrap().to_owned(), b["to"].as_str().unwrap().to_owned());
    assert_eq!(b["days"].as_array().unwrap().len(), 4, "{b}");
    let res = app.graphql(Some(&director), LIST, json!({ "from": from, "to": to })).await;
    let nodes = data(&res)["appointments"]["nodes"].as_array().unwrap().clone();
    assert!(nodes.len() >= 4, "demo bookings and ours: {nodes:?}");
    let mut sum = 0;
    for day in b["days"].as_array().unwrap() {
        let of_day: Vec<&Value> =
            nodes.iter().filter(|n| n["date"] == day["date"] && n["status"] != "CANCELLED").collect();
        let to_precall: Vec<&&Value> = of_day.iter().filter(|n| n["precall"]["status"] != "NOT_REQUIRED").collect();
        let count = |f: &dyn Fn(&Value) -> bool| to_precall.iter().filter(|n| f(n)).count() as i64;
        assert_eq!(day["bookings"], of_day.len() as i64, "{day}");
        assert_eq!(day["toPrecall"], to_precall.len() as i64, "{day}");
        assert_eq!(day["assigned"], count(&|n| !n["precall"]["assignee"].is_null()), "{day}");
        assert_eq!(day["precalled"], count(&|n| n["precall"]["status"] == "DONE"), "{day}");
        assert_eq!(day["reached"], count(&|n| n["precall"]["outcome"] == "POSITIVE"), "{day}");
        sum += of_day.len() as i64;
    }
    assert_eq!(b["totals"]["bookings"], sum);
    let late: i64 = b["days"].as_array().unwrap().iter().map(|d| d["late"].as_i64().unwrap()).sum();
    assert_eq!(b["totals"]["late"], late);

    // 24 days at most (the CUP window).
    let res = app.graphql(Some(&director), BOARD, json!({ "u": unit, "days": 25 })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    assert_eq!(board(&app, &director, &unit, json!({ "days": 24 })).await["days"].as_array().unwrap().len(), 24);
});

both_backends!(
    a_booking_two_days_ahead_without_precall_is_an_alarm_until_the_citizen_is_reached,
    |app: TestApp| async move {
        let director = app.login("dir.cagliari1").await;
        let operator = app.login("op.cagliari1").await;
        let unit = unit_id(&app, &director, "UT-CA1").await;
        let id = book(&app, &director, working_day(2), "RIMB", "ALARM-1").await;
        let b = board(&app, &director, &unit, json!({})).await;
        let a = alarm(&b, "ALARM-1").unwrap_or_else(|| panic!("not in the alarms: {b}"));
        assert_eq!((a["notEvenAssigned"].as_bool(), a["attempted"].as_bool()), (Some(true), Some(false)));
        // Beyond the third working day: no alarm.
        book(&app, &director, working_day(5), "RIMB", "FAR-1").await;
        assert!(alarm(&board(&app, &director, &unit, json!({})).await, "FAR-1").is_none());

        let assign =
            "mutation($ids: [ID!]!, $u: String!) { assignPrecalls(appointmentIds: $ids, username: $u) { id } }";
        let res = app.graphql(Some(&director), assign, json!({ "ids": [id], "u": "op.cagliari1" })).await;
        assert!(res.get("errors").is_none(), "{res}");
        let record = "mutation($id: ID!, $i: PrecallOutcomeInput!) { recordPrecallOutcome(appointmentId: $id, input: $i) { precall { status } } }";
        let res = app
            .graphql(
                Some(&operator),
                record,
                json!({ "id": id, "i": { "outcome": "NEGATIVE", "reason": "NO_ANSWER" } }),
            )
            .await;
        assert_eq!(data(&res)["recordPrecallOutcome"]["precall"]["status"], "DONE", "{res}");

        // No answer: still an alarm, now assigned and attempted; the board counts it precalled, not reached.
        let b = board(&app, &director, &unit, json!({ "days": 24 })).await;
        let a = alarm(&b, "ALARM-1").unwrap_or_else(|| panic!("NO_ANSWER took it out of the alarms: {b}"));
        assert_eq!((a["notEvenAssigned"].as_bool(), a["attempted"].as_bool()), (Some(false), Some(true)));
        let day = b["days"].as_array().unwrap().iter().find(|d| d["date"] == working_day(2).to_string()).unwrap();
        assert!(day["precalled"].as_i64().unwrap() >= 1 && day["late"].as_i64().unwrap() >= 1, "{day}");

        // Narrowed to op2.cagliari1's precalls it is not there; to op.cagliari1's it is.
        let mine = board(&app, &director, &unit, json!({ "assignee": "op.cagliari1" })).await;
        assert!(alarm(&mine, "ALARM-1").is_some());
        let theirs = board(&app, &director, &unit, json!({ "assignee": "op2.cagliari1" })).await;
        assert!(alarm(&theirs, "ALARM-1").is_none());
        assert_eq!(theirs["alarms"]["totalCount"], theirs["alarms"]["nodes"].as_array().unwrap().len());
    }
);

both_backends!(another_region_is_forbidden_and_sees_nothing_of_the_office, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let unit = unit_id(&app, &director, "UT-CA1").await;
    for who in ["dr.lazio", "op.roma1"] {
        let token = app.login(who).await;
        let res = app.graphql(Some(&token), BOARD, json!({ "u": unit })).await;
        assert_eq!(error_code(&res), Some("FORBIDDEN"), "{who}: {res}");
        let q = "query($u: ID!, $d: NaiveDate!) { officeDayListCsv(unitId: $u, date: $d) }";
        let res = app.graphql(Some(&token), q, json!({ "u": unit, "d": working_day(1).to_string() })).await;
        assert_eq!(error_code(&res), Some("FORBIDDEN"), "{who}: {res}");
    }
    // The regional director of Sardinia reads it; Lazio's own office shows only Lazio's bookings.
    let sardegna = app.login("dr.sardegna").await;
    assert!(board(&app, &sardegna, &unit, json!({})).await["days"].is_array());
    let lazio = app.login("dr.lazio").await;
    let rome = unit_id(&app, &lazio, "UT-RM1").await;
    let res = app.graphql(Some(&lazio), BOARD, json!({ "u": rome, "days": 24 })).await;
    let text = res.to_string();
    assert!(res.get("errors").is_none(), "{res}");
    for sardinian in ["40100", "Cagliari", "cagliari1"] {
        assert!(!text.contains(sardinian), "{sardinian} leaked: {text}");
    }
    // Not an office, or no such unit.
    let res = app.graphql(Some(&director), BOARD, json!({ "u": uuid::Uuid::nil().to_string() })).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"), "{res}");
});

both_backends!(
    the_board_costs_the_same_statements_for_4_and_24_days_and_any_number_of_alarms,
    |app: TestApp| async move {
        let director = app.login("dir.cagliari1").await;
        let unit = unit_id(&app, &director, "UT-CA1").await;
        let count = |days: i64| {
            let (app, director, unit) = (&app, &director, &unit);
            async move {
                let before = app.state.statement_count.load(Ordering::SeqCst);
                let b = board(app, director, unit, json!({ "days": days })).await;
                let after = app.state.statement_count.load(Ordering::SeqCst);
                (after - before, b["alarms"]["totalCount"].as_i64().unwrap())
            }
        };
        let (four, alarms_before) = count(4).await;
        let (twenty_four, _) = count(24).await;
        assert_eq!(four, twenty_four, "statements grow with the days: {four} for 4, {twenty_four} for 24");
        for i in 0..6 {
            book(&app, &director, working_day(1 + i % 2), "RIMB", &format!("S-{i}")).await;
        }
        let (more, alarms_after) = count(4).await;
        assert!(alarms_after >= alarms_before + 6, "{alarms_before} → {alarms_after}");
        assert_eq!(four, more, "statements grow with the rows: {four} before, {more} after");
        // Session, office, calendar (2), assignee-free counts (1), two lists with their totals and
        // one batch of loaders: a small constant.
        assert!(four <= 16, "{four} statements for the board");
    }
);

both_backends!(the_day_list_exports_as_csv_and_xlsx_with_italian_headers, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let unit = unit_id(&app, &director, "UT-CA1").await;
    let day = working_day(1);
    book(&app, &director, day, "RIMB", "EXP-1").await;
    let q = "query($u: ID!, $d: NaiveDate!) { officeDayListCsv(unitId: $u, date: $d, dialect: ITALIAN) officeDayListXlsx(unitId: $u, date: $d) }";
    let res = app.graphql(Some(&director), q, json!({ "u": unit, "d": day.to_string() })).await;
    let csv = data(&res)["officeDayListCsv"].as_str().unwrap();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("Ora;N. prenotazione CUP;Cittadino;Servizio"), "{csv}");
    let row = lines.find(|l| l.contains(";EXP-1;")).unwrap_or_else(|| panic!("{csv}"));
    assert!(row.starts_with("10:00;EXP-1;Rossi Mario;Rimborsi"), "{row}");
    let xlsx =
        base64::engine::general_purpose::STANDARD.decode(data(&res)["officeDayListXlsx"].as_str().unwrap()).unwrap();
    assert_eq!(&xlsx[..2], b"PK");
    // The provincial director reads the list without the citizens' names.
    let dp = app.login("dp.cagliari").await;
    let res = app.graphql(Some(&dp), q, json!({ "u": unit, "d": day.to_string() })).await;
    let csv = data(&res)["officeDayListCsv"].as_str().unwrap();
    assert!(csv.contains(";EXP-1;;Rimborsi") && !csv.contains("Rossi Mario"), "{csv}");
});
