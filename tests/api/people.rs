//! People and role assignments, managed within the caller's region.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};

async fn usernames(app: &TestApp, token: &str) -> Vec<String> {
    let res = app.graphql(Some(token), "{ people(first: 100) { nodes { username } } }", json!({})).await;
    data(&res)["people"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["username"].as_str().unwrap().to_owned())
        .collect()
}

const CREATE: &str = r#"mutation($input: CreatePersonInput!) {
  createPerson(input: $input) { username active assignments { role unit { code } section } } }"#;

fn new_operator(username: &str, unit: &str) -> Value {
    json!({ "input": {
        "username": username, "displayName": "Nuovo Operatore", "email": null,
        "initialPassword": "una-password-lunga",
        "assignment": { "role": "OPERATOR", "unitCode": unit }
    }})
}

both_backends!(a_regional_director_sees_only_the_people_of_the_region, |app: TestApp| async move {
    let token = app.login("dr.sardegna").await;
    let seen = usernames(&app, &token).await;
    for u in ["op.cagliari1", "op.sassari", "cric.sardegna", "auditor.sardegna", "dp.cagliari"] {
        assert!(seen.contains(&u.to_owned()), "{u} missing from {seen:?}");
    }
    for u in ["op.roma1", "dr.lazio", "cric.lazio", "admin", "ccm.op", "prof.rossi"] {
        assert!(!seen.contains(&u.to_owned()), "{u} visible to dr.sardegna");
    }
    let admin = app.login("admin").await;
    // The foundation's accounts plus those the quesiti demo data adds.
    assert_eq!(usernames(&app, &admin).await.len(), api::seed::demo::PEOPLE.len() + api::seed::quesiti::PEOPLE.len());
    let operator = app.login("op.cagliari1").await;
    assert!(usernames(&app, &operator).await.is_empty());
});

both_backends!(a_regional_director_creates_an_operator_who_can_then_sign_in, |app: TestApp| async move {
    let token = app.login("dr.sardegna").await;
    let res = app.graphql(Some(&token), CREATE, new_operator("op.nuovo", "UT-CA2")).await;
    assert_eq!(
        data(&res)["createPerson"]["assignments"],
        json!([{ "role": "OPERATOR", "unit": { "code": "UT-CA2" }, "section": null }])
    );
    let res = app.try_login("op.nuovo", "una-password-lunga").await;
    assert!(res["data"]["login"]["token"].is_string(), "{res}");
    let again = app.graphql(Some(&token), CREATE, new_operator("op.nuovo", "UT-CA2")).await;
    assert_eq!(error_code(&again), Some("CONFLICT"));
});

both_backends!(roles_cannot_be_granted_outside_the_region_or_above_the_granter, |app: TestApp| async move {
    let token = app.login("dr.sardegna").await;
    let res = app.graphql(Some(&token), CREATE, new_operator("op.fuori", "UT-RM1")).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
    let grant = r#"mutation($u: String!, $i: RoleAssignmentInput!) { assignRole(username: $u, input: $i) { id } }"#;
    let res = app
        .graphql(Some(&token), grant, json!({ "u": "op.cagliari1", "i": { "role": "ADMIN", "unitCode": "DR-SAR" } }))
        .await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"));
    let res = app
        .graphql(Some(&token), grant, json!({ "u": "op.cagliari1", "i": { "role": "OPERATOR", "unitCode": "DP-CA" } }))
        .await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    assert_eq!(res["errors"][0]["extensions"]["field"], "unitCode");
    let res = app
        .graphql(Some(&token), grant, json!({ "u": "op.roma1", "i": { "role": "OPERATOR", "unitCode": "UT-CA1" } }))
        .await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
    // Nothing was written by the refused attempts.
    let seen = usernames(&app, &token).await;
    assert!(!seen.contains(&"op.fuori".to_owned()));
});

both_backends!(a_deactivated_person_is_signed_out_at_once, |app: TestApp| async move {
    let victim = app.login("op2.cagliari1").await;
    let token = app.login("dr.sardegna").await;
    let res = app
        .graphql(
            Some(&token),
            "mutation { setPersonActive(username: \"op2.cagliari1\", active: false) { active } }",
            json!({}),
        )
        .await;
    assert_eq!(data(&res)["setPersonActive"]["active"], false);
    let res = app.graphql(Some(&victim), "{ me { username } }", json!({})).await;
    assert_eq!(error_code(&res), Some("UNAUTHENTICATED"));
    assert_eq!(error_code(&app.try_login("op2.cagliari1", "demo").await), Some("UNAUTHENTICATED"));
    let res = app
        .graphql(
            Some(&token),
            "{ auditEvents(filter: { action: \"person.deactivate\" }) { nodes { actor actingRole unit { code } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data(&res)["auditEvents"]["nodes"],
        json!([{ "actor": "dr.sardegna", "actingRole": "REGIONAL_DIRECTOR", "unit": { "code": "UT-CA1" } }])
    );
});

both_backends!(one_person_is_read_by_username_and_search_treats_wildcards_literally, |app: TestApp| async move {
    let token = app.login("dr.sardegna").await;
    let res = app
        .graphql(Some(&token), r#"{ person(username: "op.sassari") { displayName assignments { role } } }"#, json!({}))
        .await;
    assert_eq!(data(&res)["person"]["assignments"], json!([{ "role": "OPERATOR" }]));
    let res = app.graphql(Some(&token), r#"{ person(username: "op.roma1") { displayName } }"#, json!({})).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
    let search = |q: &'static str| {
        let app = &app;
        let token = token.clone();
        async move {
            let res = app
                .graphql(
                    Some(&token),
                    "query($q: String) { people(filter: { search: $q }) { nodes { username } } }",
                    json!({ "q": q }),
                )
                .await;
            data(&res)["people"]["nodes"].as_array().unwrap().len()
        }
    };
    assert_eq!(search("op.sassari").await, 1);
    // `_` is not "any character": no Sardinian username contains an underscore.
    assert_eq!(search("op_sassari").await, 0);
    assert_eq!(search("%").await, 0);
});

both_backends!(office_directors_list_their_office_staff_only, |app: TestApp| async move {
    let token = app.login("dir.cagliari1").await;
    let res = app.graphql(Some(&token), r#"{ officeStaff(officeCode: "UT-CA1") { username } }"#, json!({})).await;
    let names: Vec<&str> =
        data(&res)["officeStaff"].as_array().unwrap().iter().map(|p| p["username"].as_str().unwrap()).collect();
    for u in ["op.cagliari1", "op2.cagliari1", "coord.cagliari1", "dir.cagliari1"] {
        assert!(names.contains(&u), "{u} missing: {names:?}");
    }
    let res = app.graphql(Some(&token), r#"{ officeStaff(officeCode: "UT-SS") { username } }"#, json!({})).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
    let operator = app.login("op.cagliari1").await;
    let res = app.graphql(Some(&operator), r#"{ officeStaff(officeCode: "UT-CA1") { username } }"#, json!({})).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
});
