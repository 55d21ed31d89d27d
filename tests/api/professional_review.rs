//! The verification queue of self-registered professionals (issue 17 item 4):
//! an administrator approves or rejects with a reason; the professional learns
//! the outcome by e-mail (outbox); a rejected account stops working at once.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use entities::outbox_message;

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::registration::{REGISTER, form};

const QUEUE: &str = "{ professionals(filter: { pending: true }, first: 50) { nodes { id name fiscalCode entratelUserType verified rejectedAt } } }";
const VERIFY: &str = "mutation($id: ID!) { verifyProfessional(id: $id) { verified mayDeclareProcure } }";
const REJECT: &str = "mutation($id: ID!, $r: String!) { rejectProfessional(id: $id, reason: $r) { verified rejectedAt rejectionReason } }";

async fn queue(app: &TestApp, token: &str) -> Vec<Value> {
    data(&app.graphql(Some(token), QUEUE, json!({})).await)["professionals"]["nodes"].as_array().unwrap().clone()
}

async fn email_to(app: &TestApp, to: &str, event: &str) -> Option<String> {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Recipient.eq(to))
        .filter(outbox_message::Column::Event.eq(event))
        .one(&app.state.db)
        .await
        .unwrap()
        .map(|m| m.body)
}

both_backends!(an_admin_approves_one_registration_and_rejects_another_with_a_reason, |app: TestApp| async move {
    for n in [41, 42] {
        data(&app.graphql(None, REGISTER, json!({ "i": form(n) })).await);
    }
    let rejected_token = app.try_login("prof.nuovo42", "password-molto-lunga").await["data"]["login"]["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let admin = app.login("admin").await;
    let pending = queue(&app, &admin).await;
    let id_of = |n: usize| {
        let code = crate::registration::fiscal_code(n);
        pending.iter().find(|p| p["fiscalCode"] == code.as_str()).unwrap()["id"].as_str().unwrap().to_owned()
    };
    let (approved, rejected) = (id_of(41), id_of(42));
    assert!(pending.iter().all(|p| p["verified"] == false && p["rejectedAt"].is_null()), "{pending:?}");

    // Only administrators review; a reason is required.
    let operator = app.login("op.cagliari1").await;
    let res = app.graphql(Some(&operator), REJECT, json!({ "id": rejected, "r": "Dati non verificabili" })).await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"));
    let res = app.graphql(Some(&admin), REJECT, json!({ "id": rejected, "r": "no" })).await;
    assert_eq!(
        (error_code(&res), res["errors"][0]["extensions"]["field"].as_str()),
        (Some("BAD_USER_INPUT"), Some("reason"))
    );

    let reason = "Il numero di iscrizione all'albo indicato non risulta";
    let res = app.graphql(Some(&admin), REJECT, json!({ "id": rejected, "r": reason })).await;
    assert_eq!(data(&res)["rejectProfessional"]["rejectionReason"], reason);
    let me = "{ me { username } }";
    assert_eq!(error_code(&app.graphql(Some(&rejected_token), me, json!({})).await), Some("UNAUTHENTICATED"));
    assert!(app.try_login("prof.nuovo42", "password-molto-lunga").await.get("errors").is_some(), "deactivated");
    let body = email_to(&app, "prof42@example.it", "professional.rejected").await.expect("the reason is e-mailed");
    assert!(body.contains(reason), "{body}");

    let res = app.graphql(Some(&admin), VERIFY, json!({ "id": approved })).await;
    assert_eq!(data(&res)["verifyProfessional"], json!({ "verified": true, "mayDeclareProcure": true }));
    let body = email_to(&app, "prof41@example.it", "professional.verified").await.expect("the approval is e-mailed");
    assert!(body.contains("è stata verificata"), "{body}");

    // Both left the queue; a reviewed registration cannot be reviewed again.
    assert!(queue(&app, &admin).await.iter().all(|p| p["id"] != approved.as_str() && p["id"] != rejected.as_str()));
    let res = app.graphql(Some(&admin), VERIFY, json!({ "id": rejected })).await;
    assert_eq!(error_code(&res), Some("CONFLICT"));
    let res = app.graphql(Some(&admin), REJECT, json!({ "id": approved, "r": "Ripensamento tardivo" })).await;
    assert_eq!(error_code(&res), Some("CONFLICT"));
});
