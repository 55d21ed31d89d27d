//! The caller is resolved without the database on most requests (issue 15
//! item 1): the principal is cached per person at the authorisation version,
//! the session is still checked on every request, and a sign-out, a
//! deactivation or a role change takes effect at once, on every instance.

use std::sync::atomic::Ordering;

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, data, error_code};

const ME: &str = "{ me { username } }";

async fn me_on(app: &TestApp, token: &str) -> Value {
    app.graphql(Some(token), ME, json!({})).await
}

async fn statements(app: &TestApp, token: &str, query: &str) -> (u64, Value) {
    let before = app.state.statement_count.load(Ordering::SeqCst);
    let res = app.graphql(Some(token), query, json!({})).await;
    (app.state.statement_count.load(Ordering::SeqCst) - before, res)
}

both_backends!(a_signed_in_caller_costs_one_statement_after_the_first_request, |app: TestApp| async move {
    let res = app.try_login("op.cagliari1", "demo").await;
    let token = res["data"]["login"]["token"].as_str().unwrap().to_owned();
    let (first, _) = statements(&app, &token, ME).await;
    let (again, res) = statements(&app, &token, ME).await;
    assert_eq!(data(&res)["me"]["username"], "op.cagliari1");
    // The session is looked up (one statement without Redis, none with it: sessions live
    // there); person and assignments come from the cache.
    let session = if app.state.kv.is_redis() { 0 } else { 1 };
    assert_eq!(again, session, "first request: {first} statements, then {again}");
    assert!(first >= session + 2, "the first request reads person and assignments: {first}");
});

both_backends!(a_revoked_role_and_a_deactivation_take_effect_on_the_next_request, |app: TestApp| async move {
    let admin = app.login("admin").await;
    let token = app.login("op2.cagliari1").await;
    let roles = "{ me { assignments { role } } }";
    let res = app.graphql(Some(&token), roles, json!({})).await;
    assert_eq!(data(&res)["me"]["assignments"][0]["role"], "OPERATOR", "{res}");
    let res = app
        .graphql(Some(&admin), "{ person(username: \"op2.cagliari1\") { assignments { id role } } }", json!({}))
        .await;
    let id = data(&res)["person"]["assignments"][0]["id"].as_str().unwrap().to_owned();
    let res =
        app.graphql(Some(&admin), "mutation($id: ID!) { revokeRole(assignmentId: $id) }", json!({ "id": id })).await;
    assert_eq!(data(&res)["revokeRole"], true, "{res}");
    // A role change ends the person's sessions (issue 17); signed in again,
    // the cached principal that still held the OPERATOR role is not used.
    assert_eq!(error_code(&app.graphql(Some(&token), roles, json!({})).await), Some("UNAUTHENTICATED"));
    let token = app.login("op2.cagliari1").await;
    let res = app.graphql(Some(&token), roles, json!({})).await;
    assert_eq!(data(&res)["me"]["assignments"], json!([]), "{res}");
    let res = app.graphql(Some(&token), "{ appointments(first: 1) { nodes { id } } }", json!({})).await;
    assert!(matches!(error_code(&res), Some("FORBIDDEN")) || data(&res)["appointments"]["nodes"] == json!([]), "{res}");

    let other = app.login("op.cagliari1").await;
    assert!(app.graphql(Some(&other), ME, json!({})).await.get("errors").is_none());
    app.graphql(
        Some(&admin),
        "mutation { setPersonActive(username: \"op.cagliari1\", active: false) { active } }",
        json!({}),
    )
    .await;
    assert_eq!(error_code(&app.graphql(Some(&other), ME, json!({})).await), Some("UNAUTHENTICATED"));
});

/// Two servers on one database and Redis: what one instance changes, the other
/// sees on its very next request, although both had the caller cached.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_refuse_a_signed_out_or_deactivated_caller_at_once() {
    let Some(backend @ Backend::Postgres { redis_url: Some(_), .. }) = Backend::postgres() else {
        crate::not_run::report(
            crate::this_test!("two_instances_refuse_a_signed_out_or_deactivated_caller_at_once"),
            crate::not_run::postgres_or_redis_missing(),
        );
        return;
    };
    let one = TestApp::spawn(backend).await;
    let two = one.spawn_sibling().await;
    let token = one.login("op.sassari").await;
    for app in [&one, &two] {
        assert_eq!(data(&me_on(app, &token).await)["me"]["username"], "op.sassari");
        // With Redis the caller costs no SQL statement once cached (session and version: one MGET).
        let (count, _) = statements(app, &token, ME).await;
        assert_eq!(count, 0, "statements on a cached request with Redis");
    }
    one.graphql(Some(&token), "mutation { logout }", json!({})).await;
    assert_eq!(error_code(&me_on(&two, &token).await), Some("UNAUTHENTICATED"), "signed out on one, refused on two");

    let token = two.login("op.sassari").await;
    assert!(me_on(&one, &token).await.get("errors").is_none());
    let admin = two.login("admin").await;
    two.graphql(
        Some(&admin),
        "mutation { setPersonActive(username: \"op.sassari\", active: false) { active } }",
        json!({}),
    )
    .await;
    assert_eq!(error_code(&me_on(&one, &token).await), Some("UNAUTHENTICATED"), "deactivated on two, refused on one");
}
