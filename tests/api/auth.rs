//! Sign-in, tokens, sign-out and the failed-login limit.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, data, error_code};

const ME: &str = "{ me { username displayName assignments { role unitCode } } }";

both_backends!(a_demo_account_signs_in_and_sees_its_roles, |app: TestApp| async move {
    let token = app.login("dr.sardegna").await;
    let res = app.graphql(Some(&token), ME, json!({})).await;
    let me = &data(&res)["me"];
    assert_eq!(me["username"], "dr.sardegna");
    assert_eq!(me["assignments"], json!([{ "role": "REGIONAL_DIRECTOR", "unitCode": "DR-SAR" }]));
});

both_backends!(data_queries_without_a_token_are_unauthenticated, |app: TestApp| async move {
    let res = app.graphql(None, ME, json!({})).await;
    assert_eq!(error_code(&res), Some("UNAUTHENTICATED"));
    let res = app.graphql(None, "{ orgUnits { nodes { code } } }", json!({})).await;
    assert_eq!(error_code(&res), Some("UNAUTHENTICATED"));
});

both_backends!(a_made_up_token_is_unauthenticated, |app: TestApp| async move {
    let res = app.graphql(Some("acc_s_not-a-real-token"), ME, json!({})).await;
    assert_eq!(error_code(&res), Some("UNAUTHENTICATED"));
});

both_backends!(a_wrong_password_is_unauthenticated_and_issues_no_token, |app: TestApp| async move {
    let res = app.try_login("op.cagliari1", "wrong").await;
    assert_eq!(error_code(&res), Some("UNAUTHENTICATED"));
    assert!(res["data"].is_null());
    let res = app.try_login("nobody", "demo").await;
    assert_eq!(error_code(&res), Some("UNAUTHENTICATED"));
});

both_backends!(after_logout_the_token_no_longer_works, |app: TestApp| async move {
    let token = app.login("op.cagliari1").await;
    assert!(app.graphql(Some(&token), ME, json!({})).await.get("errors").is_none());
    let res = app.graphql(Some(&token), "mutation { logout }", json!({})).await;
    assert_eq!(data(&res)["logout"], true);
    let res = app.graphql(Some(&token), ME, json!({})).await;
    assert_eq!(error_code(&res), Some("UNAUTHENTICATED"));
});

both_backends!(the_eleventh_wrong_password_within_a_minute_is_rate_limited, |app: TestApp| async move {
    for attempt in 1..=10 {
        let res = app.try_login("op.sassari", "wrong").await;
        assert_eq!(error_code(&res), Some("UNAUTHENTICATED"), "attempt {attempt}");
    }
    let res = app.try_login("op.sassari", "wrong").await;
    assert_eq!(error_code(&res), Some("RATE_LIMITED"));
    assert!(res["errors"][0]["extensions"]["retryAfter"].as_u64().unwrap() >= 1);
    // Even the right password waits: that is what stops guessing.
    let res = app.try_login("op.sassari", "demo").await;
    assert_eq!(error_code(&res), Some("RATE_LIMITED"));
    // Other usernames are unaffected.
    app.login("op.cagliari1").await;
});

both_backends!(logins_and_logouts_are_audited, |app: TestApp| async move {
    app.try_login("dr.sardegna", "wrong").await;
    let token = app.login("admin").await;
    app.graphql(Some(&token), "mutation { logout }", json!({})).await;
    let token = app.login("admin").await;
    let res = app
        .graphql(Some(&token), "{ auditEvents(first: 50) { nodes { action actor } } }", json!({}))
        .await;
    let events = data(&res)["auditEvents"]["nodes"].as_array().unwrap().clone();
    let has = |action: &str, actor: &str| events.iter().any(|e| e["action"] == action && e["actor"] == actor);
    assert!(has("auth.login_failed", "dr.sardegna"), "{events:?}");
    assert!(has("auth.login", "admin"));
    assert!(has("auth.logout", "admin"));
});

/// Two instances sharing Redis share the failed-login counter: an attacker
/// cannot multiply their attempts by spreading them over instances.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_failed_login_limit_is_shared_by_instances_through_redis() {
    let Some(backend) = Backend::postgres() else {
        eprintln!("TEST_DATABASE_URL not set: not run");
        return;
    };
    let Backend::Postgres { redis_url: Some(_), .. } = &backend else {
        eprintln!("TEST_REDIS_URL not set: not run");
        return;
    };
    let first = TestApp::spawn(backend).await;
    let second = first.spawn_sibling().await;
    for attempt in 1..=10 {
        let app = if attempt % 2 == 0 { &first } else { &second };
        let res = app.try_login("op.roma1", "wrong").await;
        assert_eq!(error_code(&res), Some("UNAUTHENTICATED"), "attempt {attempt}");
    }
    assert_eq!(error_code(&first.try_login("op.roma1", "wrong").await), Some("RATE_LIMITED"));
    assert_eq!(error_code(&second.try_login("op.roma1", "wrong").await), Some("RATE_LIMITED"));
    // A session created on one instance is valid on the other.
    let token = first.login("op.cagliari1").await;
    let res = second.graphql(Some(&token), ME, json!({})).await;
    assert_eq!(data(&res)["me"]["username"], "op.cagliari1");
}
