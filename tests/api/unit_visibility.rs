//! Issue 13 item 4: one rule for units, whichever field asks. A unit is
//! visible when it lies in the caller's reach or a record the caller may read
//! points to it (`api::kernel::visibility`); nothing else of the tree comes
//! with such a unit.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::quesiti_support::{file_ok, take};

const CONVERT: &str = "mutation($id: ID!, $i: ConvertQuesitoInput!) { \
    convertQuesitoToAppointment(id: $id, input: $i) { appointmentId } }";

const BOOK: &str = "mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }";

const APPOINTMENT_UNITS: &str = "query($id: ID!) { appointment(id: $id) { \
    office { code parent { code } } bookedByUnit { code parent { code } } } }";

/// Every unit-valued field of the schema, nested through `parent` and `children`.
const UNIT: &str = "id code path parent { id code path parent { id code path } } children { id code path }";

/// Converts a quesito of Sardinia into a booking at UT-CA1 (booked by the
/// CRIC) and returns the booking's id.
async fn converted_booking(app: &TestApp) -> String {
    let expert = app.login("cric.sardegna").await;
    let q = file_ok(app, "DR-SAR", "Fascicolo da ricostruire").await;
    let id = q["id"].as_str().unwrap();
    data(&take(app, &expert, id).await);
    let input = json!({
        "reason": "Occorre ricostruire il fascicolo cartaceo della posizione assicurativa",
        "officeCode": "UT-CA1", "date": crate::appointments::open_day(7), "time": "10:30:00",
        "serviceCode": "RIMB", "citizenName": "Porcu Elena",
    });
    let res = app.graphql(Some(&expert), CONVERT, json!({ "id": id, "i": input })).await;
    data(&res)["convertQuesitoToAppointment"]["appointmentId"].as_str().unwrap().to_owned()
}

/// A booking the CCM makes at `office`.
async fn ccm_booking(app: &TestApp, office: &str, fiscal_code: &str) -> String {
    let ccm = app.login("ccm.op").await;
    let input = json!({
        "officeCode": office, "date": crate::appointments::open_day(8), "time": "09:00:00", "serviceCode": "SUCC",
        "fiscalCode": fiscal_code, "citizenName": "Rossi Mario", "phone": "333 1234567",
    });
    let res = app.graphql(Some(&ccm), BOOK, json!({ "i": input })).await;
    data(&res)["bookAppointment"]["id"].as_str().unwrap().to_owned()
}

async fn not_in_reach(app: &TestApp, token: &str, code: &str) {
    let res = app.graphql(Some(token), "query($c: String!) { orgUnit(code: $c) { code } }", json!({ "c": code })).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"), "{code} is outside the reach: {res}");
}

both_backends!(a_unit_a_visible_record_points_to_resolves_outside_the_reach, |app: TestApp| async move {
    // The CCM files to Sardinia's CRIC, which is not in its reach; through the quesito it is shown.
    let ccm = app.login("ccm.op").await;
    not_in_reach(&app, &ccm, "CRIC-SAR").await;
    let q = file_ok(&app, "DR-SAR", "Decorrenza della pensione").await;
    let res = app
        .graphql(
            Some(&ccm),
            "query($id: ID!) { quesito(id: $id) { cric { code parent { code } } } }",
            json!({ "id": q["id"] }),
        )
        .await;
    assert_eq!(data(&res)["quesito"]["cric"], json!({ "code": "CRIC-SAR", "parent": null }), "{res}");

    // The CRIC converted a quesito into a booking at an office: it sees the office of that
    // booking, not the office's directorate.
    let booking = converted_booking(&app).await;
    let expert = app.login("cric.sardegna").await;
    not_in_reach(&app, &expert, "UT-CA1").await;
    let res = app.graphql(Some(&expert), APPOINTMENT_UNITS, json!({ "id": booking })).await;
    let seen = &data(&res)["appointment"];
    assert_eq!(seen["office"], json!({ "code": "UT-CA1", "parent": null }), "{res}");
    assert_eq!(seen["bookedByUnit"]["code"], "CRIC-SAR");

    // The office sees who booked it: the CRIC, and the CCM for a booking the CCM made.
    let director = app.login("dir.cagliari1").await;
    not_in_reach(&app, &director, "CRIC-SAR").await;
    let res = app.graphql(Some(&director), APPOINTMENT_UNITS, json!({ "id": booking })).await;
    assert_eq!(data(&res)["appointment"]["bookedByUnit"], json!({ "code": "CRIC-SAR", "parent": null }), "{res}");
    let by_ccm = ccm_booking(&app, "UT-CA1", "RSSMRA80A01H501U").await;
    let res = app.graphql(Some(&director), APPOINTMENT_UNITS, json!({ "id": by_ccm })).await;
    assert_eq!(data(&res)["appointment"]["bookedByUnit"]["code"], "CCM", "{res}");
});

/// Every string of a response.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        Value::Object(map) => map.values().for_each(|i| strings(i, out)),
        _ => {}
    }
}

/// Codes and ids of Sardinia's units, as the admin sees them.
async fn sardinian_units(app: &TestApp) -> Vec<String> {
    let admin = app.login("admin").await;
    let res = app.graphql(Some(&admin), "{ orgUnits(first: 100) { nodes { id code path } } }", json!({})).await;
    let units = data(&res)["orgUnits"]["nodes"].as_array().unwrap().clone();
    let sardinian: Vec<&Value> = units.iter().filter(|u| u["path"].as_str().unwrap().starts_with("/IT/SAR/")).collect();
    assert!(sardinian.len() > 5, "the demo has Sardinia's units");
    sardinian
        .iter()
        .flat_map(|u| [u["id"].as_str().unwrap().to_owned(), u["code"].as_str().unwrap().to_owned()])
        .collect()
}

fn nested_queries() -> Vec<String> {
    vec![
        format!("{{ orgUnits(first: 20) {{ nodes {{ {UNIT} }} }} }}"),
        format!(
            "{{ quesiti(first: 20) {{ nodes {{ cric {{ {UNIT} }} forwardedTo {{ {UNIT} }} conversionOffices {{ {UNIT} }} }} }} }}"
        ),
        format!("{{ appointments(first: 20) {{ nodes {{ office {{ {UNIT} }} bookedByUnit {{ {UNIT} }} }} }} }}"),
        format!("{{ callbacks(first: 20) {{ nodes {{ unit {{ {UNIT} }} }} }} }}"),
        format!("{{ people(first: 20) {{ nodes {{ assignments {{ unit {{ {UNIT} }} }} }} }} }}"),
        format!("{{ auditEvents(first: 20) {{ nodes {{ unit {{ {UNIT} }} actingUnit {{ {UNIT} }} }} }} }}"),
        format!("{{ outboxMessages(first: 20) {{ nodes {{ unit {{ {UNIT} }} }} }} }}"),
        format!("{{ quesitoRegions {{ {UNIT} }} }}"),
    ]
}

both_backends!(a_person_of_lazio_never_resolves_a_unit_of_sardinia_through_any_field, |app: TestApp| async move {
    // Records on both sides, some pointing at national units (the CCM, the central directorate).
    converted_booking(&app).await;
    ccm_booking(&app, "UT-CA1", "RSSMRA80A01H501U").await;
    ccm_booking(&app, "UT-RM1", "CNTLCU85B22H501P").await;
    file_ok(&app, "DR-LAZ", "Ricongiunzione dei contributi").await;
    let sardinian = sardinian_units(&app).await;
    for person in ["dr.lazio", "cric.lazio", "op.roma1"] {
        let token = app.login(person).await;
        let mut resolved = 0;
        for query in nested_queries() {
            let res = app.graphql(Some(&token), &query, json!({})).await;
            assert!(res["errors"].is_null(), "{person}: {query}: {res}");
            let mut seen = Vec::new();
            strings(&res["data"], &mut seen);
            resolved += seen.len();
            let leaked: Vec<&String> =
                seen.iter().filter(|s| s.starts_with("/IT/SAR/") || sardinian.contains(s)).collect();
            assert!(leaked.is_empty(), "{person} resolved Sardinia's {leaked:?} through {query}: {res}");
        }
        assert!(resolved > 0, "{person} resolved nothing at all: the test would prove nothing");
    }
    // A Lazio person reading a Lazio record still sees its units, national ones included.
    let op = app.login("op.roma1").await;
    let res = app
        .graphql(
            Some(&op),
            "{ appointments(first: 20) { nodes { office { code } bookedByUnit { code } } } }",
            json!({}),
        )
        .await;
    let nodes = data(&res)["appointments"]["nodes"].as_array().unwrap().clone();
    assert!(nodes.iter().any(|n| n["office"]["code"] == "UT-RM1" && n["bookedByUnit"]["code"] == "CCM"), "{res}");
});
