//! Sign-in, tokens, sign-out and the failed-login limit.

use serde_json::{Value, json};

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
    let res = app.graphql(Some(&token), "{ auditEvents(first: 50) { nodes { action actor } } }", json!({})).await;
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
        let test = crate::this_test!("the_failed_login_limit_is_shared_by_instances_through_redis");
        crate::not_run::report(test, crate::not_run::NO_POSTGRES);
        return;
    };
    let Backend::Postgres { redis_url: Some(_), .. } = &backend else {
        let test = crate::this_test!("the_failed_login_limit_is_shared_by_instances_through_redis");
        crate::not_run::report(test, crate::not_run::NO_REDIS);
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

const LOGIN_AS: &str = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }";

fn codes(answers: &[Value]) -> std::collections::HashMap<String, usize> {
    let mut counted = std::collections::HashMap::new();
    for res in answers {
        let code = error_code(res).map_or("OK".to_owned(), str::to_owned);
        *counted.entry(code).or_insert(0) += 1;
    }
    counted
}

/// 60 wrong passwords for one username at once, spread over `apps`: the limit holds.
async fn sixty_concurrent_wrong_passwords(apps: &[&TestApp], username: &str) {
    let attempts =
        (0..60).map(|i| apps[i % apps.len()].graphql(None, LOGIN_AS, json!({ "u": username, "p": "wrong" })));
    let answers = futures::future::join_all(attempts).await;
    let counted = codes(&answers);
    assert_eq!(counted.get("UNAUTHENTICATED").copied().unwrap_or(0), 10, "at most 10 password checks: {counted:?}");
    assert_eq!(counted.get("RATE_LIMITED").copied().unwrap_or(0), 50, "{counted:?}");
    // The right password is refused too until the window ends.
    let right = apps[0].try_login(username, "demo").await;
    assert_eq!(error_code(&right), Some("RATE_LIMITED"), "{right}");
}

both_backends!(the_failed_login_limit_holds_under_concurrent_attempts, |app: TestApp| async move {
    sixty_concurrent_wrong_passwords(&[&app], "op.cagliari1").await;
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_failed_login_limit_holds_under_concurrent_attempts_on_two_instances() {
    let Some(backend @ Backend::Postgres { redis_url: Some(_), .. }) = Backend::postgres() else {
        crate::not_run::report(
            crate::this_test!("the_failed_login_limit_holds_under_concurrent_attempts_on_two_instances"),
            crate::not_run::postgres_or_redis_missing(),
        );
        return;
    };
    let first = TestApp::spawn(backend).await;
    let second = first.spawn_sibling().await;
    sixty_concurrent_wrong_passwords(&[&first, &second], "op.sassari").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn aliased_logins_in_a_batch_count_one_by_one() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let aliases: Vec<String> =
        (0..10).map(|i| format!("a{i}: login(username: \"op.roma1\", password: \"wrong{i}\") {{ token }}")).collect();
    let op = json!({ "query": format!("mutation {{ {} }}", aliases.join(" ")) });
    let answers: Value = app.post("/graphql").json(&vec![op; 10]).send().await.unwrap().json().await.unwrap();
    let errors: Vec<&str> = answers
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["errors"].as_array().cloned().unwrap_or_default())
        .filter_map(|e| e["extensions"]["code"].as_str().map(str::to_owned))
        .map(|c| if c == "UNAUTHENTICATED" { "checked" } else { "refused" })
        .collect();
    assert_eq!(errors.len(), 100);
    assert_eq!(errors.iter().filter(|c| **c == "checked").count(), 10, "at most 10 password checks");
}

// 64 concurrent sign-ins once took the process from 53 MB to 1.5 GB (argon2's
// 19 MiB each, on as many threads). Hashing now runs on one thread per core:
// every answer is a token, a wrong password or RATE_LIMITED, and never more
// hashes run at once than there are hashing threads. (The memory itself is
// measured by the CLI check in docs/operations.md.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_concurrent_sign_ins_are_computed_a_few_at_a_time() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let people = [
        "admin",
        "dr.sardegna",
        "dr.lazio",
        "dp.cagliari",
        "dir.cagliari1",
        "coord.cagliari1",
        "op2.cagliari1",
        "ccm.op",
    ];
    let attempts = (0..64).map(|i| {
        let (username, password) =
            if i % 2 == 0 { (people[i % people.len()].to_owned(), "demo") } else { (format!("nessuno{i}"), "demo") };
        let app = &app;
        async move { app.graphql(None, LOGIN_AS, json!({ "u": username, "p": password })).await }
    });
    let answers = futures::future::join_all(attempts).await;
    let counted = codes(&answers);
    assert!(counted.keys().all(|c| ["OK", "UNAUTHENTICATED", "RATE_LIMITED"].contains(&c.as_str())), "{counted:?}");
    assert_eq!(counted.get("UNAUTHENTICATED").copied(), Some(32), "every unknown username is checked: {counted:?}");
    assert!(counted.get("OK").copied().unwrap_or(0) >= 8, "{counted:?}");
    let peak = api::auth::password::peak_concurrent_hashes();
    assert!(peak <= api::auth::password::workers(), "{peak} hashes ran at once");
}
