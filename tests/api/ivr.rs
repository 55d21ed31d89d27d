//! The IVR intake of callback requests (issue 14, item 8; docs/callbacks.md):
//! an IVR key of a provincial directorate files callbacks for it and its
//! offices only, once per call id, within its rate limit.

use api::config::Settings;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};

/// Thursday 26 November 2026, 10:00 in Rome: inside the callback window.
fn in_hours(s: &mut Settings) {
    s.fixed_now = Some(DateTime::parse_from_rfc3339("2026-11-26T10:00:00+01:00").unwrap().with_timezone(&Utc));
}

const CREATE_KEY: &str = "mutation($u: String!, $n: String!) { createIvrKey(unitCode: $u, name: $n) {
    secret key { id name hint unit { code } revokedAt } } }";

async fn ivr_key(app: &TestApp, unit: &str) -> (String, Value) {
    let admin = app.login("admin").await;
    let res = app.graphql(Some(&admin), CREATE_KEY, json!({ "u": unit, "n": "Genesys Cagliari" })).await;
    let created = data(&res)["createIvrKey"].clone();
    (created["secret"].as_str().unwrap().to_owned(), created["key"].clone())
}

fn call(call_id: &str, unit: &str) -> Value {
    json!({ "callId": call_id, "unitCode": unit, "phone": "+39 347 000 1122", "topic": "Stato del rimborso IRPEF" })
}

/// (HTTP status, body) of one call to the intake.
async fn post(app: &TestApp, key: Option<&str>, body: &Value) -> (u16, Value) {
    let mut req = app.post("/ivr/callbacks").json(body);
    if let Some(key) = key {
        req = req.bearer_auth(key);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap())
}

/// The callbacks of DP Cagliari and its offices filed for this call id, as its director lists them.
async fn filed_for(app: &TestApp, call_id: &str) -> Vec<Value> {
    let dp = app.login("dp.cagliari").await;
    let res = app
        .graphql(Some(&dp), "{ callbacks(first: 100) { nodes { id callId viaIvr status unit { code } } } }", json!({}))
        .await;
    data(&res)["callbacks"]["nodes"].as_array().unwrap().iter().filter(|c| c["callId"] == call_id).cloned().collect()
}

both_backends!(an_ivr_key_of_dp_ca_files_for_dp_ca_once_per_call_and_never_for_dp_rm, configure: in_hours, |app: TestApp| async move {
    let (key, created) = ivr_key(&app, "DP-CA").await;
    assert!(key.starts_with("acc_ivr_"));
    assert_eq!(created["unit"]["code"], "DP-CA");

    let (status, first) = post(&app, Some(&key), &call("genesys-conv-0001", "DP-CA")).await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(first["created"], true);
    assert_eq!(first["status"], "WAITING");
    assert_eq!(first["unitCode"], "DP-CA");

    // The telephony system retries (a timeout on its side): the same request, not a second one.
    let (status, again) = post(&app, Some(&key), &call("genesys-conv-0001", "DP-CA")).await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(again["created"], false);
    assert_eq!(again["id"], first["id"]);
    let filed = filed_for(&app, "genesys-conv-0001").await;
    assert_eq!(filed.len(), 1, "{filed:?}");
    assert_eq!(filed[0]["viaIvr"], true);

    // Another province: refused, nothing filed.
    let (status, refused) = post(&app, Some(&key), &call("genesys-conv-0002", "DP-RM")).await;
    assert_eq!(status, 403, "{refused}");
    assert_eq!(error_code(&refused), Some("FORBIDDEN"));
    let rm = app.login("dr.lazio").await;
    let res = app.graphql(Some(&rm), "{ callbacks(first: 100) { nodes { callId } } }", json!({})).await;
    assert!(data(&res)["callbacks"]["nodes"].as_array().unwrap().iter().all(|c| c["callId"] != "genesys-conv-0002"));

    // An office under the DP is the DP's; no unit means the DP itself.
    let (status, office) = post(&app, Some(&key), &call("genesys-conv-0003", "UT-CA1")).await;
    assert_eq!((status, office["unitCode"].as_str()), (201, Some("UT-CA1")), "{office}");
    let (status, default) =
        post(&app, Some(&key), &json!({ "callId": "genesys-conv-0004", "phone": "070112233", "topic": "Cartella" })).await;
    assert_eq!((status, default["unitCode"].as_str()), (201, Some("DP-CA")), "{default}");

    // A call id already used by another DP's key: a conflict that shows nothing of it.
    let (rm_key, _) = ivr_key(&app, "DP-RM").await;
    let (status, clash) = post(&app, Some(&rm_key), &call("genesys-conv-0001", "DP-RM")).await;
    assert_eq!((status, error_code(&clash)), (409, Some("CONFLICT")), "{clash}");

    // Bad input is named.
    let (status, bad) = post(&app, Some(&key), &json!({ "callId": "x y", "phone": "070112233", "topic": "t" })).await;
    assert_eq!((status, error_code(&bad)), (400, Some("BAD_USER_INPUT")), "{bad}");
    assert_eq!(bad["errors"][0]["extensions"]["field"], "callId");

    // Audited as the key, on the DP.
    let admin = app.login("admin").await;
    let res = app
        .graphql(
            Some(&admin),
            "{ auditEvents(filter: { action: \"callback.request\" }, first: 100) { edges { node { recordId actor actingRole } } } }",
            json!({}),
        )
        .await;
    let event = data(&res)["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["node"]["recordId"] == first["id"])
        .cloned()
        .expect("the IVR request is audited");
    assert_eq!(event["node"]["actor"], "ivr:Genesys Cagliari");
});

both_backends!(only_a_live_ivr_key_files_and_only_admins_create_them, configure: in_hours, |app: TestApp| async move {
    let body = call("genesys-conv-0100", "DP-CA");
    let (status, res) = post(&app, None, &body).await;
    assert_eq!((status, error_code(&res)), (401, Some("UNAUTHENTICATED")));
    let (status, _) = post(&app, Some("acc_ivr_not-a-key"), &body).await;
    assert_eq!(status, 401);
    // A director cannot create IVR keys; an office is not a directorate.
    let dp = app.login("dp.cagliari").await;
    let res = app.graphql(Some(&dp), CREATE_KEY, json!({ "u": "DP-CA", "n": "x" })).await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"), "{res}");
    let admin = app.login("admin").await;
    let res = app.graphql(Some(&admin), CREATE_KEY, json!({ "u": "UT-CA1", "n": "x" })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    // An IVR key is no session and no partner key: the GraphQL API does not know it.
    let (key, created) = ivr_key(&app, "DP-CA").await;
    let res = app.graphql(Some(&key), "{ me { username } }", json!({})).await;
    assert_eq!(error_code(&res), Some("UNAUTHENTICATED"), "{res}");
    let res = app.graphql(Some(&admin), "{ ivrKeys(first: 10) { nodes { id hint lastUsedAt } } }", json!({})).await;
    assert!(data(&res)["ivrKeys"]["nodes"].as_array().unwrap().iter().any(|k| k["id"] == created["id"]));
    // Revoked: refused from the next call on.
    assert_eq!(post(&app, Some(&key), &body).await.0, 201);
    let res =
        app.graphql(Some(&admin), "mutation($id: ID!) { revokeIvrKey(id: $id) { revokedAt } }", json!({ "id": created["id"] })).await;
    assert!(data(&res)["revokeIvrKey"]["revokedAt"].is_string());
    let (status, res) = post(&app, Some(&key), &call("genesys-conv-0101", "DP-CA")).await;
    assert_eq!((status, error_code(&res)), (401, Some("UNAUTHENTICATED")));
});

both_backends!(the_same_call_sent_twice_at_once_files_one_request, configure: in_hours, |app: TestApp| async move {
    let (key, _) = ivr_key(&app, "DP-CA").await;
    let body = call("genesys-conv-0200", "DP-CA");
    let (a, b) = tokio::join!(post(&app, Some(&key), &body), post(&app, Some(&key), &body));
    let mut statuses = [a.0, b.0];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 201], "{a:?} {b:?}");
    assert_eq!(a.1["id"], b.1["id"]);
    assert_eq!(filed_for(&app, "genesys-conv-0200").await.len(), 1);
});

both_backends!(an_ivr_key_is_rate_limited, configure: in_hours, |app: TestApp| async move {
    let (key, _) = ivr_key(&app, "DP-CA").await;
    let body = call("genesys-conv-0300", "DP-CA");
    let limit = api::callbacks::ivr::IVR_QUOTA.limit;
    // The bucket refills one call every half second while the loop runs: the
    // whole burst passes, and a refusal follows soon after.
    let mut allowed = 0;
    let refused = loop {
        let res = app.post("/ivr/callbacks").bearer_auth(&key).json(&body).send().await.unwrap();
        match res.status().as_u16() {
            200 | 201 => allowed += 1,
            429 => break res,
            other => panic!("call {allowed}: {other}"),
        }
        assert!(allowed < 2 * limit, "never refused");
    };
    assert!(allowed >= limit, "refused after {allowed} calls, before the burst of {limit}");
    assert!(refused.headers().get("Retry-After").is_some());
    assert_eq!(refused.headers().get("RateLimit-Remaining").unwrap(), "0");
    let body: Value = refused.json().await.unwrap();
    assert_eq!(error_code(&body), Some("RATE_LIMITED"));
});
