//! CCM contacts: recorded by CCM operators, linked to what they produced.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::quesiti_support::*;

const RECORD: &str = "mutation($i: RecordContactInput!) { recordContact(input: $i) { id channel section topic \
    citizenFiscalCode outcome quesito { id status } note } }";
const LIST: &str =
    "query($f: ContactFilter) { contacts(filter: $f, first: 100) { nodes { id outcome topic quesito { id } } } }";

both_backends!(a_contact_is_recorded_and_linked_to_the_quesito_it_produced, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let res = app
        .graphql(
            Some(&ccm),
            RECORD,
            json!({ "i": { "channel": "PHONE", "section": "PENSIONI", "topic": "Decorrenza pensione",
                "citizenFiscalCode": VALID_FISCAL_CODE, "outcome": "QUESITO_FILED" } }),
        )
        .await;
    let contact = data(&res)["recordContact"].clone();
    assert_eq!(contact["quesito"], serde_json::Value::Null);
    let mut input = filing(&app, &ccm, "DR-SAR", "Dal contatto telefonico").await;
    input["contactId"] = contact["id"].clone();
    let q = data(&file(&app, &ccm, input.clone()).await)["fileQuesito"].clone();
    assert_eq!(q["contactId"], contact["id"]);

    let res = app.graphql(Some(&ccm), LIST, json!({ "f": { "outcome": "QUESITO_FILED" } })).await;
    let linked = data(&res)["contacts"]["nodes"].as_array().unwrap().iter().find(|n| n["id"] == contact["id"]).cloned();
    assert_eq!(linked.unwrap()["quesito"]["id"], q["id"]);

    // A contact links one quesito only.
    input["subject"] = json!("Secondo quesito dallo stesso contatto");
    assert_eq!(error_code(&file(&app, &ccm, input).await), Some("CONFLICT"));
    assert_eq!(count(&app, &ccm, json!({ "text": "Secondo quesito dallo stesso" })).await, 0);
});

both_backends!(an_answered_contact_needs_no_link_and_refuses_a_wrong_one, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let res = app
        .graphql(
            Some(&ccm),
            RECORD,
            json!({ "i": { "channel": "CHAT", "section": "SOSTEGNO_REDDITO", "topic": "Termini NASpI",
                "outcome": "ANSWERED", "note": "Risposta dalla FAQ" } }),
        )
        .await;
    assert_eq!(data(&res)["recordContact"]["outcome"], "ANSWERED");
    let q = file_ok(&app, "DR-SAR", "Per il collegamento sbagliato").await;
    let wrong = app
        .graphql(
            Some(&ccm),
            RECORD,
            json!({ "i": { "channel": "PHONE", "section": "PENSIONI", "topic": "x", "outcome": "ANSWERED", "quesitoId": q["id"] } }),
        )
        .await;
    assert_eq!(error_code(&wrong), Some("BAD_USER_INPUT"));
    assert_eq!(field(&wrong), Some("quesitoId"));
    for (name, value) in [("citizenFiscalCode", json!("RSSMRA80A01H501A")), ("topic", json!(""))] {
        let mut i = json!({ "channel": "PHONE", "section": "PENSIONI", "topic": "Argomento", "outcome": "ANSWERED" });
        i[name] = value;
        let res = app.graphql(Some(&ccm), RECORD, json!({ "i": i })).await;
        assert_eq!(field(&res), Some(name), "{res}");
    }
});

both_backends!(only_the_ccm_records_and_reads_contacts, |app: TestApp| async move {
    let input =
        json!({ "i": { "channel": "PHONE", "section": "PENSIONI", "topic": "Argomento", "outcome": "ANSWERED" } });
    for who in ["cric.sardegna", "dr.sardegna", "op.cagliari1"] {
        let token = app.login(who).await;
        assert_eq!(error_code(&app.graphql(Some(&token), RECORD, input.clone()).await), Some("FORBIDDEN"), "{who}");
        let res = app.graphql(Some(&token), LIST, json!({})).await;
        assert!(data(&res)["contacts"]["nodes"].as_array().unwrap().is_empty(), "{who} reads contacts");
    }
    let ccm = app.login("ccm.op").await;
    let res = app.graphql(Some(&ccm), LIST, json!({})).await;
    assert!(!data(&res)["contacts"]["nodes"].as_array().unwrap().is_empty());
    // Looking up a citizen's contacts is audited.
    let res = app.graphql(Some(&ccm), LIST, json!({ "f": { "citizenFiscalCode": "PRCLNE75C45B354W" } })).await;
    assert_eq!(data(&res)["contacts"]["nodes"].as_array().unwrap().len(), 1);
    let admin = app.login("admin").await;
    let audit = app
        .graphql(
            Some(&admin),
            r#"{ auditEvents(filter: { action: "contact.lookup_by_fiscal_code" }) { nodes { actor actingUnit { code } } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(data(&audit)["auditEvents"]["nodes"][0]["actor"], "ccm.op");
    assert_eq!(data(&audit)["auditEvents"]["nodes"][0]["actingUnit"]["code"], "CCM", "attributed to the CCM");
});

both_backends!(a_contact_links_only_an_appointment_the_ccm_can_see, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let date = crate::appointments::open_day(5);
    let res = app
        .graphql(
            Some(&ccm),
            "mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }",
            json!({ "i": { "officeCode": "UT-CA1", "date": date, "time": "11:00:00", "serviceCode": "RIMB",
                "fiscalCode": VALID_FISCAL_CODE, "citizenName": "Porcu Elena" } }),
        )
        .await;
    let appointment_id = data(&res)["bookAppointment"]["id"].clone();
    let record = |id: serde_json::Value| {
        json!({ "i": { "channel": "PHONE", "section": "PENSIONI", "topic": "Appuntamento in sede",
            "outcome": "APPOINTMENT_BOOKED", "appointmentId": id } })
    };
    let res = app.graphql(Some(&ccm), RECORD, record(appointment_id)).await;
    assert_eq!(data(&res)["recordContact"]["outcome"], "APPOINTMENT_BOOKED");
    let res = app.graphql(Some(&ccm), RECORD, record(json!(uuid::Uuid::now_v7().to_string()))).await;
    assert_eq!(field(&res), Some("appointmentId"), "{res}");
});

both_backends!(contacts_and_quesiti_are_listed_newest_first_demo_data_included, |app: TestApp| async move {
    // The demo's contacts and quesiti are dated in the past: listed by id (UUIDv7), they must
    // still come in time order (finding of the usability review: contacts not in date order).
    let ccm = app.login("ccm.op").await;
    let res = app.graphql(Some(&ccm), "{ contacts(first: 100) { nodes { recordedAt } } }", json!({})).await;
    let times: Vec<String> = data(&res)["contacts"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["recordedAt"].as_str().unwrap().to_owned())
        .collect();
    assert!(times.len() > 2, "{res}");
    let mut newest_first = times.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, newest_first);

    let cric = app.login("cric.sardegna").await;
    let res = app.graphql(Some(&cric), "{ quesiti(first: 100) { nodes { filedAt } } }", json!({})).await;
    let filed: Vec<String> = data(&res)["quesiti"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["filedAt"].as_str().unwrap().to_owned())
        .collect();
    assert!(filed.len() > 2, "{res}");
    let mut newest_first = filed.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(filed, newest_first);
});
