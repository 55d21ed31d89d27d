//! Units' calendars (kernel::unit_calendar, issue 13 item 1 and issue 14 item 1):
//! structured weekly hours read from the free text, patron saints' closures
//! that apply under the unit that set them, directors who edit them within
//! their part of the organisation, and the next open slots.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};

const CALENDAR: &str = "query($u: String!) { unitCalendar(unitCode: $u) { unitCode hoursText \
    hours { weekday opens closes } closures { id reason yearly firstDay } \
    nextOpenSlots(from: \"2026-12-24T15:00:00Z\", minutes: 15, count: 3) } }";

const SET_HOURS: &str = "mutation($u: String!, $h: [OpeningIntervalInput!]!) { \
    setOpeningHours(unitCode: $u, hours: $h) { hoursText } }";

const ADD_CLOSURE: &str =
    "mutation($i: UnitClosureInput!) { addUnitClosure(input: $i) { id firstDay lastDay reason } }";

async fn calendar(app: &TestApp, token: &str, unit: &str) -> Value {
    app.graphql(Some(token), CALENDAR, json!({ "u": unit })).await
}

both_backends!(an_office_has_the_hours_of_its_free_text_and_its_provinces_patron_saint, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let res = calendar(&app, &director, "UT-CA1").await;
    let cal = &data(&res)["unitCalendar"];
    assert_eq!(cal["hoursText"], "lun–ven 08:45–12:45; mar, gio 14:30–16:30", "{res}");
    assert_eq!(cal["hours"].as_array().unwrap().len(), 7);
    assert_eq!(cal["hours"][0], json!({ "weekday": "MONDAY", "opens": "08:45:00", "closes": "12:45:00" }));
    let closures = cal["closures"].as_array().unwrap();
    assert!(closures.iter().any(|c| c["reason"].as_str().unwrap().contains("San Saturnino") && c["yearly"] == true));
    // Thursday 24 December 16:00 Rome: two afternoon slots, then Christmas, St Stephen and Sunday are skipped.
    assert_eq!(
        cal["nextOpenSlots"],
        json!(["2026-12-24T15:00:00+00:00", "2026-12-24T15:15:00+00:00", "2026-12-28T07:45:00+00:00"]),
        "{res}"
    );
    // Sassari's patron saint is not Cagliari's.
    let res = calendar(&app, &app.login("op.sassari").await, "UT-SS").await;
    let reasons: Vec<&str> = data(&res)["unitCalendar"]["closures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["reason"].as_str().unwrap())
        .collect();
    assert!(reasons.iter().all(|r| !r.contains("Saturnino")) && reasons.iter().any(|r| r.contains("San Nicola")));
});

both_backends!(a_director_sets_the_hours_of_an_office_and_only_within_their_part, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let hours = json!([
        { "weekday": "MONDAY", "opens": "08:30:00", "closes": "13:00:00" },
        { "weekday": "WEDNESDAY", "opens": "08:30:00", "closes": "13:00:00" },
    ]);
    let res = app.graphql(Some(&director), SET_HOURS, json!({ "u": "UT-CA1", "h": hours })).await;
    assert_eq!(data(&res)["setOpeningHours"]["hoursText"], "lun, mer 08:30–13:00", "{res}");
    let audit = app
        .graphql(
            Some(&app.login("admin").await),
            "{ auditEvents(filter: { action: \"calendar.set_hours\" }, first: 5) { edges { node { actingRole } } } }",
            json!({}),
        )
        .await;
    assert_eq!(data(&audit)["auditEvents"]["edges"][0]["node"]["actingRole"], "OFFICE_DIRECTOR", "{audit}");

    let overlapping = json!([
        { "weekday": "MONDAY", "opens": "08:00:00", "closes": "12:00:00" },
        { "weekday": "MONDAY", "opens": "11:00:00", "closes": "13:00:00" },
    ]);
    let res = app.graphql(Some(&director), SET_HOURS, json!({ "u": "UT-CA1", "h": overlapping })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    assert_eq!(res["errors"][0]["extensions"]["field"], "hours");

    // An operator may read but not change the hours; another region's office is not even found.
    let operator = app.login("op.cagliari1").await;
    let res = app.graphql(Some(&operator), SET_HOURS, json!({ "u": "UT-CA1", "h": [] })).await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"), "{res}");
    let res = app.graphql(Some(&director), SET_HOURS, json!({ "u": "UT-RM1", "h": [] })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    let res = calendar(&app, &app.login("op.roma1").await, "UT-RM1").await;
    assert_eq!(data(&res)["unitCalendar"]["hours"].as_array().unwrap().len(), 7, "Rome's hours unchanged: {res}");
});

both_backends!(a_closure_of_a_province_closes_its_offices_until_removed, |app: TestApp| async move {
    let dp = app.login("dp.cagliari").await;
    let input = json!({ "unitCode": "DP-CA", "firstDay": "2026-12-28", "lastDay": "2026-12-29", "reason": "Lavori" });
    let res = app.graphql(Some(&dp), ADD_CLOSURE, json!({ "i": input })).await;
    let id = data(&res)["addUnitClosure"]["id"].as_str().unwrap().to_owned();
    let director = app.login("dir.cagliari1").await;
    let res = calendar(&app, &director, "UT-CA1").await;
    // Monday 28 and Tuesday 29 are closed now: after the 24th's afternoon comes Wednesday 30.
    assert_eq!(data(&res)["unitCalendar"]["nextOpenSlots"][2], "2026-12-30T07:45:00+00:00", "{res}");

    let inverted = json!({ "unitCode": "DP-CA", "firstDay": "2026-12-29", "lastDay": "2026-12-28", "reason": "x" });
    let res = app.graphql(Some(&dp), ADD_CLOSURE, json!({ "i": inverted })).await;
    assert_eq!(res["errors"][0]["extensions"]["field"], "lastDay", "{res}");
    // The office director may not remove the province's closure... the provincial director may.
    let remove = "mutation($id: ID!) { removeUnitClosure(id: $id) }";
    let res = app.graphql(Some(&director), remove, json!({ "id": id })).await;
    assert!(matches!(error_code(&res), Some("FORBIDDEN" | "NOT_FOUND")), "{res}");
    let res = app.graphql(Some(&dp), remove, json!({ "id": id })).await;
    assert_eq!(data(&res)["removeUnitClosure"], true, "{res}");
    let res = calendar(&app, &director, "UT-CA1").await;
    assert_eq!(data(&res)["unitCalendar"]["nextOpenSlots"][2], "2026-12-28T07:45:00+00:00", "{res}");
});
