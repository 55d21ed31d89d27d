//! One id parsing (kernel::ids, issue 13): a malformed id is the client's
//! input error, `BAD_USER_INPUT` naming the field, in every area (callbacks
//! and appointments answered `NOT_FOUND`).

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, error_code};

fn refused_as_bad_input(res: &Value, field: &str, what: &str) {
    assert_eq!(error_code(res), Some("BAD_USER_INPUT"), "{what}: {res}");
    assert_eq!(res["errors"][0]["extensions"]["field"], field, "{what}: {res}");
}

both_backends!(a_malformed_id_is_bad_input_in_every_area, |app: TestApp| async move {
    let admin = app.login("admin").await;
    let vars = json!({ "id": "not-a-uuid" });
    for (what, query) in [
        ("quesito", "query($id: ID!) { quesito(id: $id) { id } }"),
        ("appointment", "query($id: ID!) { appointment(id: $id) { id } }"),
        ("callback", "query($id: ID!) { callback(id: $id) { id } }"),
    ] {
        refused_as_bad_input(&app.graphql(Some(&admin), query, vars.clone()).await, "id", what);
    }
    let dp = app.login("dp.cagliari").await;
    let res = app
        .graphql(
            Some(&dp),
            "mutation($id: ID!) { assignCallback(id: $id, username: \"op.cagliari1\") { id } }",
            vars.clone(),
        )
        .await;
    refused_as_bad_input(&res, "id", "assignCallback");
    let res = app
        .graphql(
            Some(&dp),
            "mutation($id: ID!) { cancelAppointment(id: $id, reason: \"Richiesta del cittadino\") { id } }",
            vars.clone(),
        )
        .await;
    refused_as_bad_input(&res, "id", "cancelAppointment");
    let rossi = app.login("prof.rossi").await;
    let res = app.graphql(Some(&rossi), "query($id: ID!) { procura(id: $id) { id } }", vars.clone()).await;
    refused_as_bad_input(&res, "id", "procura");
});

both_backends!(a_malformed_id_is_bad_input_in_the_outbox_and_people_too, |app: TestApp| async move {
    let admin = app.login("admin").await;
    let res = app.graphql(Some(&admin), "mutation { retryOutboxMessage(id: \"not-a-uuid\") { id } }", json!({})).await;
    refused_as_bad_input(&res, "id", "outbox message");
    let res = app.graphql(Some(&admin), "mutation { revokeRole(assignmentId: \"not-a-uuid\") }", json!({})).await;
    refused_as_bad_input(&res, "assignmentId", "role assignment");
});
