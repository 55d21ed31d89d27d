//! Issue 12: the holes an attack sweep found, each with the check a user
//! (or an attacker) would make.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::appointments::{by_cup, open_day};
use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::quesiti_support::{file_ok, take};

// ------------------------------------------------ finding 1: CRIC bookings

const BOOK: &str = "mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id office { code } } }";

fn booking_at(office: &str) -> Value {
    json!({
        "officeCode": office, "date": open_day(7), "time": "10:30:00", "serviceCode": "RIMB",
        "fiscalCode": "CNTLCU85B22H501P", "citizenName": "Conti Luca", "cupNumber": "912345",
    })
}

async fn bookings_at(app: &TestApp, office: &str) -> u64 {
    let unit = entities::org_unit::Entity::find()
        .filter(entities::org_unit::Column::Code.eq(office))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    entities::appointment::Entity::find()
        .filter(entities::appointment::Column::UnitId.eq(unit.id))
        .count(&app.state.db)
        .await
        .unwrap()
}

both_backends!(a_cric_expert_cannot_book_at_an_office_of_another_region, |app: TestApp| async move {
    let cric = app.login("cric.sardegna").await;
    let before = bookings_at(&app, "UT-RM1").await;
    let res = app.graphql(Some(&cric), BOOK, json!({ "i": booking_at("UT-RM1") })).await;
    assert!(matches!(error_code(&res), Some("FORBIDDEN" | "NOT_FOUND")), "{res}");
    assert_eq!(bookings_at(&app, "UT-RM1").await, before, "nothing written");
    // Nor directly in its own region: a CRIC books only by converting a quesito.
    let before = bookings_at(&app, "UT-CA1").await;
    let res = app.graphql(Some(&cric), BOOK, json!({ "i": booking_at("UT-CA1") })).await;
    assert!(matches!(error_code(&res), Some("FORBIDDEN" | "NOT_FOUND")), "{res}");
    assert_eq!(bookings_at(&app, "UT-CA1").await, before);
    // The CCM still books at every office.
    let ccm = app.login("ccm.op").await;
    let res = app.graphql(Some(&ccm), BOOK, json!({ "i": booking_at("UT-RM1") })).await;
    assert_eq!(data(&res)["bookAppointment"]["office"]["code"], "UT-RM1");
});

const CONVERT: &str = "mutation($id: ID!, $i: ConvertQuesitoInput!) { convertQuesitoToAppointment(id: $id, input: $i) { \
    status appointmentId } }";

fn conversion_at(office: &str) -> Value {
    json!({
        "reason": "Occorre ricostruire il fascicolo cartaceo della posizione assicurativa",
        "officeCode": office, "date": open_day(7), "time": "10:30:00", "serviceCode": "RIMB",
        "citizenName": "Porcu Elena",
    })
}

both_backends!(a_cric_expert_still_converts_a_quesito_into_a_booking_inside_its_region, |app: TestApp| async move {
    let cric = app.login("cric.sardegna").await;
    let q = file_ok(&app, "DR-SAR", "Fascicolo da ricostruire").await;
    let id = q["id"].as_str().unwrap();
    take(&app, &cric, id).await;
    let before = bookings_at(&app, "UT-RM1").await;
    let res = app.graphql(Some(&cric), CONVERT, json!({ "id": id, "i": conversion_at("UT-RM1") })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    assert_eq!(bookings_at(&app, "UT-RM1").await, before);
    let res = app.graphql(Some(&cric), CONVERT, json!({ "id": id, "i": conversion_at("UT-SS") })).await;
    let converted = &data(&res)["convertQuesitoToAppointment"];
    assert_eq!(converted["status"], "CONVERTED_TO_APPOINTMENT");
    // The CRIC reads the booking it made (and only through what its unit booked).
    let res = app
        .graphql(
            Some(&cric),
            "query($id: ID!) { appointment(id: $id) { office { code } bookedByUnit { code } } }",
            json!({ "id": converted["appointmentId"] }),
        )
        .await;
    assert_eq!(
        data(&res)["appointment"],
        json!({ "office": { "code": "UT-SS" }, "bookedByUnit": { "code": "CRIC-SAR" } })
    );
    let res = app
        .graphql(Some(&cric), "{ appointments(filter: { officeCode: \"UT-SS\" }) { nodes { id } } }", json!({}))
        .await;
    assert_eq!(data(&res)["appointments"]["nodes"].as_array().unwrap().len(), 1, "{res}");
});

// ------------------------------------------------ finding 6: role powers

const CANCEL: &str =
    "mutation($id: ID!) { cancelAppointment(id: $id, reason: \"Richiesta del contribuente\") { status } }";

both_backends!(the_room_coordinator_cannot_cancel_a_booking_and_the_office_director_can, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let id = by_cup(&app, &director, "UT-CA1", "40104").await["id"].clone();
    let coordinator = app.login("coord.cagliari1").await;
    let res = app.graphql(Some(&coordinator), CANCEL, json!({ "id": id })).await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"), "{res}");
    assert_ne!(by_cup(&app, &director, "UT-CA1", "40104").await["status"], "CANCELLED");
    let res = app.graphql(Some(&director), CANCEL, json!({ "id": id })).await;
    assert_eq!(data(&res)["cancelAppointment"]["status"], "CANCELLED");
});

const SET_ACTIVE: &str =
    "mutation($u: String!, $a: Boolean!) { setPersonActive(username: $u, active: $a) { username active } }";

both_backends!(a_regional_director_cannot_deactivate_or_revoke_the_auditor_of_the_region, |app: TestApp| async move {
    let dr = app.login("dr.sardegna").await;
    let res = app.graphql(Some(&dr), SET_ACTIVE, json!({ "u": "auditor.sardegna", "a": false })).await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"), "{res}");
    let auditor = app.login("auditor.sardegna").await;
    data(&app.graphql(Some(&auditor), "{ me { username } }", json!({})).await);
    // Nor revoke the role, nor appoint another auditor.
    let res =
        app.graphql(Some(&dr), r#"{ person(username: "auditor.sardegna") { assignments { id } } }"#, json!({})).await;
    let assignment = data(&res)["person"]["assignments"][0]["id"].clone();
    let res = app
        .graphql(Some(&dr), "mutation($id: ID!) { revokeRole(assignmentId: $id) }", json!({ "id": assignment }))
        .await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"), "{res}");
    let res = app
        .graphql(
            Some(&dr),
            "mutation($u: String!, $i: RoleAssignmentInput!) { assignRole(username: $u, input: $i) { id } }",
            json!({ "u": "op.cagliari1", "i": { "role": "AUDITOR", "unitCode": "DR-SAR" } }),
        )
        .await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"), "{res}");
    // An admin does.
    let admin = app.login("admin").await;
    let res = app.graphql(Some(&admin), SET_ACTIVE, json!({ "u": "auditor.sardegna", "a": false })).await;
    assert_eq!(data(&res)["setPersonActive"]["active"], false);
});

both_backends!(an_admin_deactivates_a_professional_and_their_api_keys_stop_working, |app: TestApp| async move {
    let rossi = app.login("prof.rossi").await;
    let res = app.graphql(Some(&rossi), "mutation { createApiKey(name: \"Gestionale\") { secret } }", json!({})).await;
    let key = data(&res)["createApiKey"]["secret"].as_str().unwrap().to_owned();
    let check = r#"{ procuraCheck(clientFiscalCode: "03456789019", service: REFUND_DOCUMENTATION) { authorized } }"#;
    data(&app.graphql(Some(&key), check, json!({})).await);
    // Nobody but an admin may.
    let dr = app.login("dr.sardegna").await;
    let res = app.graphql(Some(&dr), SET_ACTIVE, json!({ "u": "prof.rossi", "a": false })).await;
    assert!(matches!(error_code(&res), Some("FORBIDDEN" | "NOT_FOUND")), "{res}");
    let admin = app.login("admin").await;
    let res = app.graphql(Some(&admin), SET_ACTIVE, json!({ "u": "prof.rossi", "a": false })).await;
    assert_eq!(data(&res)["setPersonActive"], json!({ "username": "prof.rossi", "active": false }));
    // The key and the session stop at once; signing in is refused.
    let res = app.graphql(Some(&key), check, json!({})).await;
    assert_eq!(error_code(&res), Some("UNAUTHENTICATED"), "{res}");
    let res = app.graphql(Some(&rossi), "{ me { username } }", json!({})).await;
    assert_eq!(error_code(&res), Some("UNAUTHENTICATED"), "{res}");
    assert_eq!(error_code(&app.try_login("prof.rossi", "demo").await), Some("UNAUTHENTICATED"));
    // Reactivated, the same key works again (it was not revoked, only its person).
    let res = app.graphql(Some(&admin), SET_ACTIVE, json!({ "u": "prof.rossi", "a": true })).await;
    assert_eq!(data(&res)["setPersonActive"]["active"], true);
    data(&app.graphql(Some(&key), check, json!({})).await);
});

// ------------------------------------------------ finding 5: personal-data reads

/// The events `username` may read with `filter`.
async fn events_seen(app: &TestApp, username: &str, filter: Value) -> Vec<Value> {
    let token = app.login(username).await;
    let res = app
        .graphql(
            Some(&token),
            "query($f: AuditEventFilter) { auditEvents(filter: $f, first: 100) { nodes { action actor actingRole recordType recordId unit { code } } } }",
            json!({ "f": filter }),
        )
        .await;
    data(&res)["auditEvents"]["nodes"].as_array().unwrap().clone()
}

/// An auditor of DR Lazio, appointed by an admin.
async fn lazio_auditor(app: &TestApp) {
    let admin = app.login("admin").await;
    let res = app
        .graphql(
            Some(&admin),
            "mutation($input: CreatePersonInput!) { createPerson(input: $input) { username } }",
            json!({ "input": {
                "username": "auditor.lazio", "displayName": "Revisore Lazio", "email": null,
                "initialPassword": "demo-demo-demo",
                "assignment": { "role": "AUDITOR", "unitCode": "DR-LAZ" }
            }}),
        )
        .await;
    data(&res);
}

/// Signs in with a password an admin chose, and replaces it as required (issue 17).
async fn login_as(app: &TestApp, username: &str, password: &str) -> String {
    let token = app.try_login(username, password).await["data"]["login"]["token"].as_str().unwrap().to_owned();
    let change = "mutation($c: String!) { changePassword(currentPassword: $c, newPassword: \"scelta-dalla-persona\") }";
    data(&app.graphql(Some(&token), change, json!({ "c": password })).await);
    token
}

both_backends!(a_ccm_read_of_a_lazio_citizens_quesito_is_seen_by_the_lazio_auditors, |app: TestApp| async move {
    lazio_auditor(&app).await;
    let q = file_ok(&app, "DR-LAZ", "Decorrenza della pensione").await;
    let id = q["id"].as_str().unwrap();
    // Filing does not count: start from here.
    let ccm = app.login("ccm.op").await;
    let before = events_seen(&app, "admin", json!({ "action": "quesito.read_contact" })).await.len();
    let res = app
        .graphql(
            Some(&ccm),
            "query($id: ID!) { a: quesito(id: $id) { citizenFiscalCode citizenPhone } b: quesito(id: $id) { citizenEmail } }",
            json!({ "id": id }),
        )
        .await;
    assert!(data(&res)["a"]["citizenFiscalCode"].is_string());
    let all = events_seen(&app, "admin", json!({ "action": "quesito.read_contact" })).await;
    assert_eq!(all.len(), before + 1, "one event per request and record: {all:?}");

    let auditor = login_as(&app, "auditor.lazio", "demo-demo-demo").await;
    let res = app
        .graphql(
            Some(&auditor),
            "{ auditEvents(filter: { action: \"quesito.read_contact\" }, first: 100) { nodes { actor actingRole recordType recordId unit { code } } } }",
            json!({}),
        )
        .await;
    let seen = data(&res)["auditEvents"]["nodes"].as_array().unwrap().clone();
    assert!(
        seen.iter().any(|e| e["actor"] == "ccm.op"
            && e["actingRole"] == "CCM_OPERATOR"
            && e["recordType"] == "quesito"
            && e["recordId"] == id
            && e["unit"]["code"] == "CRIC-LAZ"),
        "{seen:?}"
    );
    // Sardinia's auditor sees nothing of it.
    let sardinia = events_seen(&app, "auditor.sardegna", json!({ "action": "quesito.read_contact" })).await;
    assert!(sardinia.iter().all(|e| e["recordId"] != id), "{sardinia:?}");

    // A look-up by fiscal code reaches the auditors of the records it returned,
    // even without asking for the personal fields.
    let cric = app.login("cric.lazio").await;
    let res = app
        .graphql(
            Some(&cric),
            "query($c: String) { quesiti(filter: { citizenFiscalCode: $c }) { nodes { id } } }",
            json!({ "c": crate::quesiti_support::VALID_FISCAL_CODE }),
        )
        .await;
    assert!(data(&res)["quesiti"]["nodes"].as_array().unwrap().iter().any(|n| n["id"] == id));
    let seen = events_seen(&app, "dr.lazio", json!({ "action": "quesito.read_contact", "actor": "cric.lazio" })).await;
    assert!(seen.iter().any(|e| e["recordId"] == id && e["actingRole"] == "CRIC_EXPERT"), "{seen:?}");
});

both_backends!(reading_a_contacts_fiscal_code_is_audited, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let res = app
        .graphql(
            Some(&ccm),
            "mutation($i: RecordContactInput!) { recordContact(input: $i) { id } }",
            json!({ "i": { "channel": "PHONE", "section": "PENSIONI", "topic": "Decorrenza pensione",
                "citizenFiscalCode": crate::quesiti_support::VALID_FISCAL_CODE, "outcome": "ANSWERED" } }),
        )
        .await;
    let id = data(&res)["recordContact"]["id"].as_str().unwrap().to_owned();
    async fn reads_of(app: &TestApp, id: &str) -> Vec<Value> {
        events_seen(app, "admin", json!({ "action": "contact.read_contact" }))
            .await
            .into_iter()
            .filter(|e| e["recordId"] == id)
            .collect()
    }
    assert!(reads_of(&app, &id).await.is_empty(), "not read yet");
    let res = app.graphql(Some(&ccm), "{ contacts(first: 100) { nodes { id citizenFiscalCode } } }", json!({})).await;
    assert!(data(&res)["contacts"]["nodes"].as_array().unwrap().iter().any(|n| n["id"] == id.as_str()));
    let seen = reads_of(&app, &id).await;
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0]["actor"], "ccm.op");
    assert_eq!(seen[0]["actingRole"], "CCM_OPERATOR");
    assert_eq!(seen[0]["unit"]["code"], "CCM");
    // Contacts without the field read are not audited again; a look-up by fiscal code is.
    let res = app
        .graphql(
            Some(&ccm),
            "query($c: String) { contacts(filter: { citizenFiscalCode: $c }) { nodes { id } } }",
            json!({ "c": crate::quesiti_support::VALID_FISCAL_CODE }),
        )
        .await;
    data(&res);
    assert_eq!(reads_of(&app, &id).await.len(), 2);
});

// ------------------------------------------------ finding 3: partner quota per check

const ONE_CHECK: &str =
    r#"procuraCheck(clientFiscalCode: "03456789019", service: REFUND_DOCUMENTATION) { authorized }"#;

fn aliased_checks(n: usize) -> String {
    let fields: String = (0..n).map(|i| format!("c{i}: {ONE_CHECK} ")).collect();
    format!("{{ {fields} }}")
}

async fn partner_key(app: &TestApp) -> String {
    let rossi = app.login("prof.rossi").await;
    let res = app.graphql(Some(&rossi), "mutation { createApiKey(name: \"Gestionale\") { secret } }", json!({})).await;
    data(&res)["createApiKey"]["secret"].as_str().unwrap().to_owned()
}

async fn checks_audited(app: &TestApp) -> u64 {
    entities::audit_event::Entity::find()
        .filter(entities::audit_event::Column::Action.eq("procura.check"))
        .count(&app.state.db)
        .await
        .unwrap()
}

both_backends!(a_hundred_aliased_checks_cost_a_hundred_units_and_are_refused_whole, |app: TestApp| async move {
    let key = partner_key(&app).await;
    let post = |body: Value| app.post("/graphql").bearer_auth(&key).json(&body).send();

    let res = post(json!({ "query": aliased_checks(100) })).await.unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.headers().get("retry-after").is_some());
    let body: Value = res.json().await.unwrap();
    assert_eq!(error_code(&body), Some("RATE_LIMITED"), "{body}");
    assert_eq!(body["errors"][0]["extensions"]["cost"], 100);
    assert_eq!(checks_audited(&app).await, 0, "nothing ran");

    // The refusal used nothing up: 60 aliased checks pass, and leave nothing.
    let started = std::time::Instant::now();
    let res = post(json!({ "query": aliased_checks(60) })).await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["ratelimit-remaining"], "0");
    let body: Value = res.json().await.unwrap();
    assert_eq!(data(&body).as_object().unwrap().len(), 60);
    // The quota refills one check a second: on a busy machine the 60 checks
    // may take long enough for a few more to pass, never more than that.
    let mut more = 0;
    while post(json!({ "query": format!("{{ {ONE_CHECK} }}") })).await.unwrap().status() == 200 {
        more += 1;
        assert!(more <= 5, "checks beyond the quota keep passing");
    }
    assert!(
        more as f64 <= started.elapsed().as_secs_f64(),
        "{more} checks past the 60th within {:?}",
        started.elapsed()
    );
});

both_backends!(fragments_and_batches_do_not_multiply_the_partner_quota, |app: TestApp| async move {
    let key = partner_key(&app).await;
    let post = |body: Value| app.post("/graphql").bearer_auth(&key).json(&body).send();
    // 2 × 31 checks through a fragment in a batch of two: 62 units, refused whole.
    let fragment: String = (0..31).map(|i| format!("c{i}: {ONE_CHECK} ")).collect();
    let query = format!("query {{ ...Checks }} fragment Checks on QueryRoot {{ {fragment} }}");
    let res = post(json!([{ "query": query }, { "query": query }])).await.unwrap();
    assert_eq!(res.status(), 429);
    assert_eq!(checks_audited(&app).await, 0);
    // One of them alone fits: 31 units of 60.
    let res = post(json!({ "query": query })).await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["ratelimit-remaining"], "29");
    let body: Value = res.json().await.unwrap();
    assert_eq!(data(&body).as_object().unwrap().len(), 31);
    assert_eq!(checks_audited(&app).await, 31);
});
