//! Tenancy of the organisation tree: each person sees only their part of it.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};

async fn visible_codes(app: &TestApp, username: &str) -> Vec<String> {
    let token = app.login(username).await;
    let res = app.graphql(Some(&token), "{ orgUnits(first: 100) { nodes { code } } }", json!({})).await;
    let mut codes: Vec<String> = data(&res)["orgUnits"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap().to_owned())
        .collect();
    codes.sort();
    codes
}

fn sorted(codes: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
    v.sort();
    v
}

both_backends!(a_regional_director_sees_the_whole_region_and_nothing_of_another, |app: TestApp| async move {
    let codes = visible_codes(&app, "dr.sardegna").await;
    assert_eq!(
        codes,
        sorted(&[
            "DR-SAR", "CRIC-SAR", "DP-CA", "UT-CA1", "UT-CA2", "UT-IGL", "DP-SS", "UT-SS", "DP-OR", "UT-OR", "DP-NU",
            "UT-NU"
        ])
    );
});

both_backends!(an_operator_sees_only_their_office, |app: TestApp| async move {
    assert_eq!(visible_codes(&app, "op.cagliari1").await, sorted(&["UT-CA1"]));
    // …and the office's parent is not revealed.
    let token = app.login("op.cagliari1").await;
    let res = app.graphql(Some(&token), r#"{ orgUnit(code: "UT-CA1") { parent { code } } }"#, json!({})).await;
    assert_eq!(data(&res)["orgUnit"]["parent"], Value::Null);
});

both_backends!(the_admin_sees_every_unit, |app: TestApp| async move {
    assert_eq!(visible_codes(&app, "admin").await.len(), 22);
});

both_backends!(a_unit_of_another_region_is_not_found, |app: TestApp| async move {
    let token = app.login("dr.sardegna").await;
    let res = app.graphql(Some(&token), r#"{ orgUnit(code: "DR-LAZ") { code name } }"#, json!({})).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
    assert!(!res.to_string().contains("Lazio"), "leaks the unit: {res}");
    // A code that does not exist at all answers exactly the same.
    let missing = app.graphql(Some(&token), r#"{ orgUnit(code: "NOPE") { code } }"#, json!({})).await;
    assert_eq!(res["errors"][0]["message"], missing["errors"][0]["message"]);
});

both_backends!(children_stay_inside_the_scope_and_drill_down, |app: TestApp| async move {
    let token = app.login("dp.cagliari").await;
    let res = app
        .graphql(
            Some(&token),
            r#"{ orgUnit(code: "DP-CA") { parent { code } children { code children { code } } } }"#,
            json!({}),
        )
        .await;
    let unit = &data(&res)["orgUnit"];
    assert_eq!(unit["parent"], Value::Null);
    assert_eq!(
        unit["children"],
        json!([{ "code": "UT-CA1", "children": [] }, { "code": "UT-CA2", "children": [] }, { "code": "UT-IGL", "children": [] }])
    );
});

both_backends!(pages_follow_each_other_without_gaps_or_repeats, |app: TestApp| async move {
    let token = app.login("admin").await;
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let res = app
            .graphql(
                Some(&token),
                "query($after: String) { orgUnits(first: 5, after: $after) { nodes { code } pageInfo { hasNextPage endCursor } } }",
                json!({ "after": after }),
            )
            .await;
        let conn = &data(&res)["orgUnits"];
        seen.extend(conn["nodes"].as_array().unwrap().iter().map(|n| n["code"].as_str().unwrap().to_owned()));
        if !conn["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            break;
        }
        after = conn["pageInfo"]["endCursor"].as_str().map(str::to_owned);
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(seen.len(), 22);
    assert_eq!(unique.len(), 22);
});

const CREATE_UNIT: &str = r#"mutation($input: CreateOrgUnitInput!) {
  createOrgUnit(input: $input) { code path size virtualCounter parent { code } } }"#;

fn new_office() -> Value {
    json!({ "input": {
        "code": "UT-CA3", "name": "UT Cagliari 3", "kind": "TERRITORIAL_OFFICE",
        "parentCode": "DP-CA", "segment": "CA3", "size": "LARGE", "virtualCounter": true
    }})
}

both_backends!(an_admin_adds_an_office_that_the_region_then_sees, |app: TestApp| async move {
    let director = app.login("dr.sardegna").await;
    let res = app.graphql(Some(&director), CREATE_UNIT, new_office()).await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"));

    let admin = app.login("admin").await;
    let res = app.graphql(Some(&admin), CREATE_UNIT, new_office()).await;
    assert_eq!(
        data(&res)["createOrgUnit"],
        json!({ "code": "UT-CA3", "path": "/IT/SAR/CA/CA3/", "size": "LARGE", "virtualCounter": true, "parent": { "code": "DP-CA" } })
    );
    assert!(visible_codes(&app, "dr.sardegna").await.contains(&"UT-CA3".to_owned()));
    assert!(!visible_codes(&app, "dr.lazio").await.contains(&"UT-CA3".to_owned()));
    let again = app.graphql(Some(&admin), CREATE_UNIT, new_office()).await;
    assert_eq!(error_code(&again), Some("CONFLICT"));

    let update = r#"mutation { updateOrgUnit(code: "UT-CA3", input: { name: "UT Cagliari Tre", openingHours: "lun-ven 9-13" }) { name openingHours size } }"#;
    let res = app.graphql(Some(&admin), update, json!({})).await;
    assert_eq!(
        data(&res)["updateOrgUnit"],
        json!({ "name": "UT Cagliari Tre", "openingHours": "lun-ven 9-13", "size": "LARGE" })
    );
});

both_backends!(a_unit_segment_with_like_wildcards_is_refused, |app: TestApp| async move {
    let admin = app.login("admin").await;
    let mut input = new_office();
    input["input"]["segment"] = json!("C_3");
    let res = app.graphql(Some(&admin), CREATE_UNIT, input).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    assert_eq!(res["errors"][0]["extensions"]["field"], "segment");
});

both_backends!(a_virtual_counter_mailbox_must_be_an_email_address_and_blank_clears_it, |app: TestApp| async move {
    let admin = app.login("admin").await;
    for bad in ["a@b.it Bcc: evil@x.it", "not an address", "sportello@localhost"] {
        let mut input = new_office();
        input["input"]["virtualCounterMailbox"] = json!(bad);
        let res = app.graphql(Some(&admin), CREATE_UNIT, input).await;
        assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{bad}: {res}");
        assert_eq!(res["errors"][0]["extensions"]["field"], "virtualCounterMailbox", "{bad}: {res}");
    }
    let mut input = new_office();
    input["input"]["virtualCounterMailbox"] = json!(" Sportello.CA3@Agenzia.example.it ");
    data(&app.graphql(Some(&admin), CREATE_UNIT, input).await);

    let update = "mutation($m: String) { updateOrgUnit(code: \"UT-CA3\", input: { virtualCounterMailbox: $m }) { virtualCounterMailbox } }";
    let res = app.graphql(Some(&admin), update, json!({ "m": "x@y" })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    assert_eq!(res["errors"][0]["extensions"]["field"], "virtualCounterMailbox");
    let res = app.graphql(Some(&admin), update, json!({ "m": "altra@agenzia.example.it" })).await;
    assert_eq!(data(&res)["updateOrgUnit"]["virtualCounterMailbox"], "altra@agenzia.example.it");
    let res = app.graphql(Some(&admin), update, json!({ "m": "   " })).await;
    assert_eq!(data(&res)["updateOrgUnit"]["virtualCounterMailbox"], Value::Null, "blank clears it");
});
