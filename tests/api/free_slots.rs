//! Free slots for booking from the CCM's contact screen (issue 14, item 9):
//! `freeSlots` offers the times within the office's opening hours, never a
//! closed day, never a slot already booked (by anyone, though the CCM reads
//! only its own bookings), and only at offices the caller may book at; the
//! region and office pickers (`pickableRegions`, `pickableUnits`) follow the
//! same reach.

use api::config::Settings;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};

/// Monday 21 December 2026, 10:00 in Rome (as in opening_hours.rs): Christmas
/// (Friday 25), Santo Stefano (Saturday 26) and Sunday 27 lie ahead.
fn fixed(s: &mut Settings) {
    s.fixed_now = Some(DateTime::parse_from_rfc3339("2026-12-21T10:00:00+01:00").unwrap().with_timezone(&Utc));
}

const FREE: &str = "query($o: String!, $s: String!, $from: NaiveDate!, $to: NaiveDate!) { \
    freeSlots(officeCode: $o, serviceCode: $s, from: $from, to: $to) { startsAt date time } }";
const BOOK: &str = "mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }";

async fn free(app: &TestApp, token: &str, office: &str, service: &str, from: &str, to: &str) -> Value {
    app.graphql(Some(token), FREE, json!({ "o": office, "s": service, "from": from, "to": to })).await
}

/// The free slots as `date time` strings.
fn slots(res: &Value) -> Vec<String> {
    data(res)["freeSlots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| format!("{} {}", s["date"].as_str().unwrap(), &s["time"].as_str().unwrap()[..5]))
        .collect()
}

async fn book(app: &TestApp, token: &str, office: &str, service: &str, date: &str, time: &str) -> String {
    let input = json!({ "officeCode": office, "date": date, "time": time, "serviceCode": service,
        "fiscalCode": "RSSMRA80A01H501U", "citizenName": "Rossi Mario" });
    let res = app.graphql(Some(token), BOOK, json!({ "i": input })).await;
    data(&res)["bookAppointment"]["id"].as_str().unwrap().to_owned()
}

both_backends!(free_slots_lie_within_opening_hours_and_skip_closed_days, configure: fixed, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    // Thursday 24 to Tuesday 29 December at UT Sassari (demo hours: lun–ven 08:45–12:45; mar, gio 14:30–16:30).
    let all = slots(&free(&app, &ccm, "UT-SS", "SUCC", "2026-12-24", "2026-12-29").await);
    let days: std::collections::BTreeSet<&str> = all.iter().map(|s| &s[..10]).collect();
    // Christmas, Santo Stefano and Sunday are not offered.
    assert_eq!(days.into_iter().collect::<Vec<_>>(), ["2026-12-24", "2026-12-28", "2026-12-29"], "{all:?}");
    // Thursday: 16 morning slots from 08:45, 8 afternoon ones up to 16:15 (a 15-minute session must end by closing).
    let thursday: Vec<&String> = all.iter().filter(|s| s.starts_with("2026-12-24")).collect();
    assert_eq!(thursday.len(), 24, "{thursday:?}");
    assert_eq!(thursday.first().unwrap().as_str(), "2026-12-24 08:45");
    assert_eq!(thursday.last().unwrap().as_str(), "2026-12-24 16:15");
    assert!(!all.contains(&"2026-12-28 12:45".to_owned()) && !all.contains(&"2026-12-28 14:30".to_owned()));

    // A closure of the office (set by its director's superior) takes its days out.
    let admin = app.login("admin").await;
    let closure = json!({ "i": { "unitCode": "UT-SS", "firstDay": "2026-12-29", "reason": "Disinfestazione" } });
    let res = app.graphql(Some(&admin), "mutation($i: UnitClosureInput!) { addUnitClosure(input: $i) { id } }", closure).await;
    data(&res);
    let after = slots(&free(&app, &ccm, "UT-SS", "SUCC", "2026-12-24", "2026-12-29").await);
    assert!(after.iter().all(|s| !s.starts_with("2026-12-29")), "{after:?}");
    assert!(after.iter().any(|s| s.starts_with("2026-12-28")));

    // Past slots of today are not offered: Monday 21 from 10:15 on.
    let today = slots(&free(&app, &ccm, "UT-SS", "SUCC", "2026-12-21", "2026-12-21").await);
    assert_eq!(today.first().map(String::as_str), Some("2026-12-21 10:15"), "{today:?}");
});

both_backends!(a_booked_slot_is_not_offered_until_it_is_cancelled, configure: fixed, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let admin = app.login("admin").await;
    let offered = |res: &Value, slot: &str| slots(res).contains(&slot.to_owned());
    let monday = || free(&app, &ccm, "UT-SS", "SUCC", "2026-12-28", "2026-12-28");
    assert!(offered(&monday().await, "2026-12-28 09:00") && offered(&monday().await, "2026-12-28 09:15"));

    // The CCM's own booking, and one made by somebody else (the CCM cannot read
    // it, yet its slot is taken all the same — on PostgreSQL too, behind row-level security).
    book(&app, &ccm, "UT-SS", "SUCC", "2026-12-28", "09:00:00").await;
    let others = book(&app, &admin, "UT-SS", "SUCC", "2026-12-28", "09:15:00").await;
    let res = monday().await;
    assert!(!offered(&res, "2026-12-28 09:00") && !offered(&res, "2026-12-28 09:15"), "{res}");
    assert!(offered(&res, "2026-12-28 09:30"));
    // The office keeps one agenda per service: the slot is free for another one.
    let other_service = free(&app, &ccm, "UT-SS", "RIMB", "2026-12-28", "2026-12-28").await;
    assert!(offered(&other_service, "2026-12-28 09:00"));

    // A cancelled booking frees its slot.
    let cancel = "mutation($id: ID!) { cancelAppointment(id: $id, reason: \"Rinuncia\") { status } }";
    data(&app.graphql(Some(&admin), cancel, json!({ "id": others })).await);
    assert!(offered(&monday().await, "2026-12-28 09:15"));
});

both_backends!(free_slots_are_only_for_offices_the_caller_may_book_at, configure: fixed, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let own = free(&app, &director, "UT-CA1", "SUCC", "2026-12-28", "2026-12-28").await;
    assert!(!slots(&own).is_empty());
    // Another region's office, and for an operator (who does not book) even their own.
    assert_eq!(error_code(&free(&app, &director, "UT-RM1", "SUCC", "2026-12-28", "2026-12-28").await), Some("NOT_FOUND"));
    let operator = app.login("op.cagliari1").await;
    assert_eq!(error_code(&free(&app, &operator, "UT-CA1", "SUCC", "2026-12-28", "2026-12-28").await), Some("NOT_FOUND"));
    // The CCM books nationally.
    let ccm = app.login("ccm.op").await;
    assert!(!slots(&free(&app, &ccm, "UT-RM1", "SUCC", "2026-12-28", "2026-12-28").await).is_empty());

    // Ranges: backwards, longer than 14 days, an unknown service.
    let backwards = free(&app, &ccm, "UT-SS", "SUCC", "2026-12-28", "2026-12-24").await;
    assert_eq!(error_code(&backwards), Some("BAD_USER_INPUT"));
    let long = free(&app, &ccm, "UT-SS", "SUCC", "2026-12-22", "2027-01-05").await;
    assert_eq!(error_code(&long), Some("BAD_USER_INPUT"));
    let unknown = free(&app, &ccm, "UT-SS", "NOPE", "2026-12-28", "2026-12-28").await;
    assert_eq!(error_code(&unknown), Some("BAD_USER_INPUT"));
    assert_eq!(unknown["errors"][0]["extensions"]["field"], "serviceCode");
    // Beyond the 24-day CUP window nothing is offered.
    assert!(slots(&free(&app, &ccm, "UT-SS", "SUCC", "2027-02-01", "2027-02-05").await).is_empty());
});

const REGIONS: &str = "query($p: UnitPurpose!) { pickableRegions(purpose: $p) { code name } }";
const UNITS: &str =
    "query($p: UnitPurpose!, $r: String!) { pickableUnits(purpose: $p, regionCode: $r) { code name kind } }";

fn names(res: &Value, field: &str) -> Vec<String> {
    data(res)[field].as_array().unwrap().iter().map(|u| u["name"].as_str().unwrap().to_owned()).collect()
}

both_backends!(regions_and_units_are_picked_within_the_callers_reach, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let regions = app.graphql(Some(&ccm), REGIONS, json!({ "p": "BOOKING" })).await;
    assert_eq!(names(&regions, "pickableRegions"), ["DR Lazio", "DR Sardegna"]);
    let offices = app.graphql(Some(&ccm), UNITS, json!({ "p": "BOOKING", "r": "DR-SAR" })).await;
    assert_eq!(
        names(&offices, "pickableUnits"),
        ["UT Cagliari 1", "UT Cagliari 2", "UT Iglesias", "UT Nuoro", "UT Oristano", "UT Sassari"]
    );
    let dps = app.graphql(Some(&ccm), UNITS, json!({ "p": "CALLBACK", "r": "DR-SAR" })).await;
    assert_eq!(names(&dps, "pickableUnits"), ["DP Cagliari", "DP Nuoro", "DP Oristano", "DP Sassari"]);

    // An office director books at their own office only; a region outside it offers nothing.
    let director = app.login("dir.cagliari1").await;
    let regions = app.graphql(Some(&director), REGIONS, json!({ "p": "BOOKING" })).await;
    assert_eq!(names(&regions, "pickableRegions"), ["DR Sardegna"]);
    let offices = app.graphql(Some(&director), UNITS, json!({ "p": "BOOKING", "r": "DR-SAR" })).await;
    assert_eq!(names(&offices, "pickableUnits"), ["UT Cagliari 1"]);
    let lazio = app.graphql(Some(&director), UNITS, json!({ "p": "BOOKING", "r": "DR-LAZ" })).await;
    assert!(names(&lazio, "pickableUnits").is_empty());
    // An auditor books nothing and asks for no callback.
    let auditor = app.login("auditor.sardegna").await;
    for purpose in ["BOOKING", "CALLBACK"] {
        let res = app.graphql(Some(&auditor), REGIONS, json!({ "p": purpose })).await;
        assert!(names(&res, "pickableRegions").is_empty(), "{purpose}");
    }
});

// No N+1: the same statements whether the office has no booking or many, for one day or fourteen.
both_backends!(free_slots_cost_the_same_statements_however_many_bookings_and_days, configure: fixed, |app: TestApp| async move {
    use std::sync::atomic::Ordering;
    let ccm = app.login("ccm.op").await;
    let statements = |from: &'static str, to: &'static str| {
        let (app, ccm) = (&app, &ccm);
        async move {
            let before = app.state.statement_count.load(Ordering::SeqCst);
            let res = free(app, ccm, "UT-SS", "SUCC", from, to).await;
            data(&res);
            app.state.statement_count.load(Ordering::SeqCst) - before
        }
    };
    let empty_day = statements("2026-12-28", "2026-12-28").await;
    for minute in (0..120).step_by(15) {
        let time = format!("{:02}:{:02}:00", 9 + minute / 60, minute % 60);
        book(&app, &ccm, "UT-SS", "SUCC", "2026-12-28", &time).await;
    }
    let busy_day = statements("2026-12-28", "2026-12-28").await;
    let two_weeks = statements("2026-12-22", "2027-01-04").await;
    assert_eq!((empty_day, busy_day), (two_weeks, two_weeks), "statements: {empty_day}, {busy_day}, {two_weeks}");
});
