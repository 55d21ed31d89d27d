//! Forwarding to the central directorate competent for the subject (seed 003,
//! issue 18 item 2): a classification may name one of several central
//! directorates; its forwarded quesiti go there, the others to the national
//! root's first, and the quesito says where beforehand.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::quesiti_support::{classification_id, field, file, file_ok, filing, forward};

const SET: &str = "mutation($id: ID!, $code: String) { setClassificationDirectorate(id: $id, directorateCode: $code) \
    { code competentDirectorate { code } } }";

/// A second central directorate under the national root, added by the admin.
async fn add_second_directorate(app: &TestApp) {
    let admin = app.login("admin").await;
    let unit = json!({ "input": {
        "code": "DC-PREV", "name": "Direzione Centrale Pensioni", "kind": "CENTRAL_DIRECTORATE",
        "parentCode": "ROOT", "segment": "DCPREV"
    }});
    let res = app
        .graphql(Some(&admin), "mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { code } }", unit)
        .await;
    assert_eq!(data(&res)["createOrgUnit"]["code"], "DC-PREV", "{res}");
}

async fn set(app: &TestApp, who: &str, id: &str, code: Option<&str>) -> Value {
    let token = app.login(who).await;
    app.graphql(Some(&token), SET, json!({ "id": id, "code": code })).await
}

async fn directorates(app: &TestApp, who: &str) -> Vec<String> {
    let token = app.login(who).await;
    let res = app.graphql(Some(&token), "{ centralDirectorates { code } }", json!({})).await;
    data(&res)["centralDirectorates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["code"].as_str().unwrap().to_owned())
        .collect()
}

async fn forward_target(app: &TestApp, token: &str, id: &str) -> Value {
    let res = app
        .graphql(Some(token), "query($id: ID!) { quesito(id: $id) { forwardTarget { code } } }", json!({ "id": id }))
        .await;
    data(&res)["quesito"]["forwardTarget"]["code"].clone()
}

/// Files a PENSIONI quesito of classification `code` to CRIC Sardegna as ccm.op.
async fn file_of(app: &TestApp, code: &str, subject: &str) -> String {
    let token = app.login("ccm.op").await;
    let mut input = filing(app, &token, "DR-SAR", subject).await;
    input["classification"] = json!(classification_id(app, &token, "DR-SAR", "PENSIONI", code).await);
    let res = file(app, &token, input).await;
    data(&res)["fileQuesito"]["id"].as_str().unwrap().to_owned()
}

both_backends!(a_classification_mapped_to_a_second_central_directorate_is_forwarded_there, |app: TestApp| async move {
    add_second_directorate(&app).await;
    assert_eq!(directorates(&app, "admin").await, ["DC", "DC-PREV"]);
    let admin = app.login("admin").await;
    let decorrenza = classification_id(&app, &admin, "DR-SAR", "PENSIONI", "DECORRENZA").await;
    let res = set(&app, "admin", &decorrenza, Some("DC-PREV")).await;
    assert_eq!(data(&res)["setClassificationDirectorate"]["competentDirectorate"]["code"], "DC-PREV", "{res}");

    let mapped = file_of(&app, "DECORRENZA", "Decorrenza della pensione: caso complesso").await;
    let unmapped = file_ok(&app, "DR-SAR", "Altra tipologia").await["id"].as_str().unwrap().to_owned();
    let expert = app.login("cric.sardegna").await;
    // The quesito says beforehand where forwarding will send it.
    assert_eq!(forward_target(&app, &expert, &mapped).await, "DC-PREV");

    let res = forward(&app, &expert, &mapped, "Serve il parere della direzione competente").await;
    assert_eq!(data(&res)["forwardQuesito"]["forwardedTo"]["code"], "DC-PREV", "{res}");

    // Cleared, the classification goes back to the root's first central directorate.
    let res = set(&app, "admin", &decorrenza, None).await;
    assert_eq!(data(&res)["setClassificationDirectorate"]["competentDirectorate"], Value::Null, "{res}");
    assert_eq!(forward_target(&app, &expert, &unmapped).await, "DC");
    let res = forward(&app, &expert, &unmapped, "Serve il parere della Direzione centrale").await;
    assert_eq!(data(&res)["forwardQuesito"]["forwardedTo"]["code"], "DC", "{res}");
});

both_backends!(
    only_central_directorates_are_named_and_only_by_who_manages_the_classification,
    |app: TestApp| async move {
        add_second_directorate(&app).await;
        let admin = app.login("admin").await;
        let decorrenza = classification_id(&app, &admin, "DR-SAR", "PENSIONI", "DECORRENZA").await;
        let sulcis = classification_id(&app, &admin, "DR-SAR", "PENSIONI", "MINIERE_SULCIS").await;

        let office = set(&app, "admin", &decorrenza, Some("UT-CA1")).await;
        assert_eq!(error_code(&office), Some("BAD_USER_INPUT"));
        assert_eq!(field(&office), Some("directorateCode"));
        // A national classification is the admins'; a region's own is its director's, not another's.
        assert_eq!(error_code(&set(&app, "dr.sardegna", &decorrenza, Some("DC-PREV")).await), Some("NOT_FOUND"));
        assert_eq!(error_code(&set(&app, "dr.lazio", &sulcis, Some("DC-PREV")).await), Some("NOT_FOUND"));
        assert_eq!(error_code(&set(&app, "cric.sardegna", &sulcis, Some("DC-PREV")).await), Some("FORBIDDEN"));

        // The regional director picks among the root's central directorates although their reach stops at the region.
        assert_eq!(directorates(&app, "dr.sardegna").await, ["DC", "DC-PREV"]);
        let res = set(&app, "dr.sardegna", &sulcis, Some("DC-PREV")).await;
        assert_eq!(
            data(&res)["setClassificationDirectorate"],
            json!({ "code": "MINIERE_SULCIS", "competentDirectorate": { "code": "DC-PREV" } })
        );
        // Nobody else configures or forwards: no directorate to show.
        assert!(directorates(&app, "ccm.op").await.is_empty());

        let audit = app
        .graphql(Some(&admin), r#"{ auditEvents(first: 5, filter: { action: "quesito_classification.directorate" }) { nodes { detail } } }"#, json!({}))
        .await;
        let detail: Value =
            serde_json::from_str(data(&audit)["auditEvents"]["nodes"][0]["detail"].as_str().unwrap()).unwrap();
        assert_eq!(detail["directorate"], "DC-PREV", "{audit}");
    }
);
