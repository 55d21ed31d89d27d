//! The pre-contact e-mail is sent through the outbox (issue 14, item 4): from
//! the precall assignee's address, to the citizen, with the office's function
//! mailbox in copy, at any office size; an office without a function mailbox
//! sends nothing and says why.

use serde_json::json;

use crate::appointments::{by_cup, fixture, import};
use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};

const ASSIGN_PRECALLS: &str =
    "mutation($ids: [ID!]!, $u: String!) { assignPrecalls(appointmentIds: $ids, username: $u) { id } }";
const SEND: &str =
    "mutation($id: ID!) { sendPrecontactEmail(appointmentId: $id) { precontact { sentAt sentBy { username } } } }";
const SET_MAILBOX: &str = "mutation($o: String!, $m: String) { setOfficeFunctionMailbox(officeCode: $o, functionMailbox: $m) { functionMailbox } }";

/// Imports the UT-CA1 fixture and assigns the precalls of `cups` to op.cagliari1; their ids.
async fn assigned_bookings(app: &TestApp, director: &str, cups: &[&str]) -> Vec<serde_json::Value> {
    data(&import(app, director, "UT-CA1", &fixture("visualizza-ut-ca1.csv")).await);
    let mut ids = Vec::new();
    for cup in cups {
        ids.push(by_cup(app, director, "UT-CA1", cup).await["id"].clone());
    }
    data(&app.graphql(Some(director), ASSIGN_PRECALLS, json!({ "ids": ids, "u": "op.cagliari1" })).await);
    ids
}

async fn outbox_message(app: &TestApp, booking: &serde_json::Value) -> Option<entities::outbox_message::Model> {
    let key = format!("appointment:{}:precontact", booking.as_str().unwrap());
    api::outbox::store::by_dedupe_key(&app.state.db, &key).await.unwrap()
}

both_backends!(
    the_precontact_email_leaves_from_the_assignee_with_the_function_mailbox_in_copy,
    |app: TestApp| async move {
        let director = app.login("dir.cagliari1").await;
        let ids = assigned_bookings(&app, &director, &["770001"]).await;
        // Offered at any size: UT Cagliari 1 made a small office first.
        let admin = app.login("admin").await;
        let res = app
            .graphql(
                Some(&admin),
                "mutation { updateOrgUnit(code: \"UT-CA1\", input: { size: SMALL }) { size } }",
                json!({}),
            )
            .await;
        assert_eq!(data(&res)["updateOrgUnit"]["size"], "SMALL");

        let op = app.login("op.cagliari1").await;
        let res = app.graphql(Some(&op), SEND, json!({ "id": ids[0] })).await;
        assert_eq!(data(&res)["sendPrecontactEmail"]["precontact"]["sentBy"]["username"], "op.cagliari1");
        let message = outbox_message(&app, &ids[0]).await.expect("the e-mail is in the outbox");
        assert_eq!(message.recipient, "giovanna.melis@example.it");
        assert_eq!(message.sender.as_deref(), Some("op.cagliari1@agenzia.example.it"));
        assert_eq!(message.cc.as_deref(), Some("ufficio.ca1@agenzia.example.it"));
        assert!(message.subject.as_deref().unwrap().starts_with("Appuntamento CUP n. 770001 del "));

        // The message as it leaves: From the operator, Cc the office, Sender the server.
        assert_eq!(app.drain_outbox().await, 1);
        let eml = std::fs::read_to_string(app.mail_dir().join(format!("{}.eml", message.id))).unwrap();
        assert!(eml.contains("From: op.cagliari1@agenzia.example.it"), "{eml}");
        assert!(eml.contains("Cc: ufficio.ca1@agenzia.example.it"), "{eml}");
        assert!(eml.contains("To: giovanna.melis@example.it"), "{eml}");
        assert!(eml.contains("Sender: "), "{eml}");

        // Once: a second send is a conflict, and the outbox still holds one message.
        let res = app.graphql(Some(&op), SEND, json!({ "id": ids[0] })).await;
        assert_eq!(error_code(&res), Some("CONFLICT"), "{res}");
        // The reply is recorded as before.
        let reply = "mutation($id: ID!) { recordCitizenReply(appointmentId: $id, reply: \"Allego i documenti\") { precontact { reply } } }";
        let res = app.graphql(Some(&op), reply, json!({ "id": ids[0] })).await;
        assert_eq!(data(&res)["recordCitizenReply"]["precontact"]["reply"], "Allego i documenti");
    }
);

both_backends!(an_office_without_a_function_mailbox_sends_no_precontact_email, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let ids = assigned_bookings(&app, &director, &["770003"]).await;
    // An operator may not change it; the director clears it.
    let op = app.login("op.cagliari1").await;
    let res = app.graphql(Some(&op), SET_MAILBOX, json!({ "o": "UT-CA1", "m": null })).await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"), "{res}");
    let res = app.graphql(Some(&director), SET_MAILBOX, json!({ "o": "UT-CA1", "m": "non un indirizzo" })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    let res = app.graphql(Some(&director), SET_MAILBOX, json!({ "o": "UT-CA1", "m": null })).await;
    assert_eq!(data(&res)["setOfficeFunctionMailbox"]["functionMailbox"], serde_json::Value::Null);

    let res = app.graphql(Some(&op), SEND, json!({ "id": ids[0] })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    assert_eq!(res["errors"][0]["extensions"]["field"], "functionMailbox");
    assert!(outbox_message(&app, &ids[0]).await.is_none(), "nothing queued");
    let booking = by_cup(&app, &director, "UT-CA1", "770003").await;
    let q = "query($id: ID!) { appointment(id: $id) { precontact { sentAt } } }";
    let res = app.graphql(Some(&director), q, json!({ "id": booking["id"] })).await;
    assert_eq!(data(&res)["appointment"]["precontact"]["sentAt"], serde_json::Value::Null, "not marked sent");

    // Set again (by the director, in copy from now on): the e-mail leaves.
    let res = app
        .graphql(Some(&director), SET_MAILBOX, json!({ "o": "UT-CA1", "m": "funzionale.ca1@agenzia.example.it" }))
        .await;
    assert_eq!(data(&res)["setOfficeFunctionMailbox"]["functionMailbox"], "funzionale.ca1@agenzia.example.it");
    data(&app.graphql(Some(&op), SEND, json!({ "id": ids[0] })).await);
    let message = outbox_message(&app, &ids[0]).await.unwrap();
    assert_eq!(message.cc.as_deref(), Some("funzionale.ca1@agenzia.example.it"));
});
