//! Partner API keys: created once, read-only, their professional's data only,
//! revocable, and throttled per key — shared across instances through Redis.

use std::time::Instant;

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, data, error_code};
use crate::procure::{CLIENT, COMPANY, check, declared, input, registered_professional};

const CREATE: &str = "mutation($n: String!) { createApiKey(name: $n) { secret apiKey { id name hint active } } }";

/// Creates a key for the signed-in professional: (secret, id).
async fn create_key(app: &TestApp, token: &str) -> (String, String) {
    let res = app.graphql(Some(token), CREATE, json!({ "n": "Gestionale di studio" })).await;
    let created = &data(&res)["createApiKey"];
    (created["secret"].as_str().unwrap().to_owned(), created["apiKey"]["id"].as_str().unwrap().to_owned())
}

/// A raw POST, to see the HTTP status and headers.
async fn post(app: &TestApp, key: &str, query: &str) -> reqwest::Response {
    app.post("/graphql").bearer_auth(key).json(&json!({ "query": query })).send().await.unwrap()
}

fn header(res: &reqwest::Response, name: &str) -> Option<u64> {
    res.headers().get(name).and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok())
}

const CHECK_QUERY: &str =
    r#"{ procuraCheck(clientFiscalCode: "03456789019", service: REFUND_DOCUMENTATION) { authorized reason } }"#;

both_backends!(an_api_key_works_until_revoked, |app: TestApp| async move {
    let rossi = app.login("prof.rossi").await;
    declared(&app, &rossi, input(COMPANY, &["REFUND_DOCUMENTATION"], 0, 30, false)).await;
    let res = app.graphql(Some(&rossi), CREATE, json!({ "n": "Gestionale di studio" })).await;
    let created = &data(&res)["createApiKey"];
    let key = created["secret"].as_str().unwrap().to_owned();
    let id = created["apiKey"]["id"].as_str().unwrap().to_owned();
    assert!(key.starts_with("acc_pk_"), "{key}");
    assert!(key.starts_with(created["apiKey"]["hint"].as_str().unwrap().trim_end_matches('…')));
    // The secret is never shown again.
    let res = app.graphql(Some(&rossi), "{ apiKeys { id name hint active } }", json!({})).await;
    assert!(!res.to_string().contains(&key));
    assert_eq!(data(&res)["apiKeys"][0]["id"], id.as_str());

    let res = app.graphql(Some(&key), CHECK_QUERY, json!({})).await;
    assert_eq!(data(&res)["procuraCheck"], json!({ "authorized": true, "reason": "AUTHORIZED" }));
    let res = app
        .graphql(Some(&key), "{ procure { nodes { clientFiscalCode } } collaborators { nodes { id } } }", json!({}))
        .await;
    assert!(data(&res)["procure"]["nodes"].as_array().unwrap().iter().any(|n| n["clientFiscalCode"] == COMPANY));

    // The audit trail says the check came through the key.
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let events = entities::audit_event::Entity::find()
        .filter(entities::audit_event::Column::Action.eq("procura.check"))
        .all(&app.state.db)
        .await
        .unwrap();
    assert!(events.iter().any(|e| e.detail.as_deref().unwrap_or_default().contains(&id)));

    let res = app
        .graphql(Some(&rossi), "mutation($id: ID!) { revokeApiKey(id: $id) { active revokedAt } }", json!({ "id": id }))
        .await;
    assert_eq!(data(&res)["revokeApiKey"]["active"], false);
    let res = app.graphql(Some(&key), CHECK_QUERY, json!({})).await;
    assert_eq!(error_code(&res), Some("UNAUTHENTICATED"));
    // Revoking twice is a conflict; someone else's key is not found.
    let res =
        app.graphql(Some(&rossi), "mutation($id: ID!) { revokeApiKey(id: $id) { id } }", json!({ "id": id })).await;
    assert_eq!(error_code(&res), Some("CONFLICT"));
});

both_backends!(a_key_sees_only_its_own_professionals_procure, |app: TestApp| async move {
    let rossi = app.login("prof.rossi").await;
    declared(&app, &rossi, input(CLIENT, &["REFUND_DOCUMENTATION"], 0, 30, false)).await;
    let (rossi_key, rossi_key_id) = create_key(&app, &rossi).await;
    let neri = registered_professional(&app, "prof.neri", "NRENNA80A41B354V", "A25").await;
    let (neri_key, _) = create_key(&app, &neri).await;

    let res = app.graphql(Some(&neri_key), "{ procure { nodes { id } } }", json!({})).await;
    assert_eq!(data(&res)["procure"]["nodes"], json!([]));
    assert_eq!(check(&app, &neri_key, CLIENT, "REFUND_DOCUMENTATION").await["reason"], "NO_PROCURA");
    assert_eq!(check(&app, &rossi_key, CLIENT, "REFUND_DOCUMENTATION").await["authorized"], true);
    // Nor can a professional revoke another's key.
    let res = app
        .graphql(Some(&neri), "mutation($id: ID!) { revokeApiKey(id: $id) { id } }", json!({ "id": rossi_key_id }))
        .await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
    // A key reaches nothing of the organisation.
    let res = app.graphql(Some(&rossi_key), "{ orgUnits { nodes { code } } }", json!({})).await;
    assert_eq!(data(&res)["orgUnits"]["nodes"], json!([]));
});

both_backends!(a_key_is_read_only_and_manages_nothing, |app: TestApp| async move {
    let rossi = app.login("prof.rossi").await;
    let (key, key_id) = create_key(&app, &rossi).await;
    let declare = r#"mutation { declareProcura(input: { clientFiscalCode: "03456789019", services: [REFUND_DOCUMENTATION],
        validFrom: "2026-01-01", validTo: "2026-12-31", collaboratorsAuthorized: false, privacyNoticeGiven: true }) { id } }"#;
    for mutation in [
        declare.to_owned(),
        format!(r#"mutation {{ revokeApiKey(id: "{key_id}") {{ id }} }}"#),
        r#"mutation { createApiKey(name: "another") { secret } }"#.to_owned(),
        r#"mutation { registerWebhook(url: "http://127.0.0.1:1/hook") { secret } }"#.to_owned(),
        "mutation { logout }".to_owned(),
    ] {
        let res = app.graphql(Some(&key), &mutation, json!({})).await;
        assert_eq!(error_code(&res), Some("FORBIDDEN"), "{mutation}: {res}");
    }
    // Reading keys or webhooks is account management, not for keys either.
    for query in ["{ apiKeys { id } }", "{ webhooks { id } }"] {
        let res = app.graphql(Some(&key), query, json!({})).await;
        assert_eq!(error_code(&res), Some("FORBIDDEN"), "{query}: {res}");
    }
    // The key still works (none of the above changed anything).
    let res = app.graphql(Some(&rossi), "{ apiKeys { active } }", json!({})).await;
    assert_eq!(data(&res)["apiKeys"], json!([{ "active": true }]));
});

both_backends!(a_key_is_throttled_past_its_quota_with_retry_information, |app: TestApp| async move {
    let rossi = app.login("prof.rossi").await;
    let (key, _) = create_key(&app, &rossi).await;
    let started = Instant::now();
    let first = post(&app, &key, CHECK_QUERY).await;
    assert_eq!(first.status(), 200);
    assert_eq!(header(&first, "ratelimit-limit"), Some(60));
    assert_eq!(header(&first, "ratelimit-remaining"), Some(59));
    let mut allowed = 1;
    let throttled = loop {
        let res = post(&app, &key, CHECK_QUERY).await;
        if res.status() == 429 {
            break res;
        }
        assert_eq!(res.status(), 200);
        allowed += 1;
        assert!(allowed <= 60 + started.elapsed().as_secs() + 1, "never throttled");
    };
    assert!(allowed >= 55, "throttled too early, after {allowed}");
    let retry_after = header(&throttled, "retry-after").unwrap();
    assert!((1..=2).contains(&retry_after), "{retry_after}");
    assert_eq!(header(&throttled, "ratelimit-remaining"), Some(0));
    assert!(header(&throttled, "ratelimit-reset").unwrap() >= 55);
    let body: Value = throttled.json().await.unwrap();
    assert_eq!(error_code(&body), Some("RATE_LIMITED"));
    assert_eq!(body["errors"][0]["extensions"]["retryAfter"].as_u64(), Some(retry_after));

    // Staff sessions and the professional's own session are not throttled by it.
    let res = app.post("/graphql").bearer_auth(&rossi).json(&json!({ "query": CHECK_QUERY })).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers().get("ratelimit-limit").is_none());

    // After the wait, the key works again.
    tokio::time::sleep(std::time::Duration::from_secs(retry_after)).await;
    assert_eq!(post(&app, &key, CHECK_QUERY).await.status(), 200);
});

both_backends!(query_cost_limits_are_stricter_for_keys_than_for_staff, |app: TestApp| async move {
    let rossi = app.login("prof.rossi").await;
    let (key, _) = create_key(&app, &rossi).await;
    let costly = "{ procure(first: 100) { nodes { id clientFiscalCode services status validFrom validTo \
                  history { kind occurredAt } } } }";
    let res = app.graphql(Some(&key), costly, json!({})).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    assert!(res["errors"][0]["extensions"]["cost"].as_u64().unwrap() > 1000);
    assert!(res.get("data").is_none_or(Value::is_null));
    // The same with a session is fine, and so is a modest page with the key.
    assert!(app.graphql(Some(&rossi), costly, json!({})).await.get("errors").is_none());
    let modest = "{ procure(first: 20) { nodes { id clientFiscalCode services status validTo } } }";
    assert!(app.graphql(Some(&key), modest, json!({})).await.get("errors").is_none());
});

/// Two servers on the same database and Redis: a key's quota is one, whichever
/// instance the requests reach.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_sharing_redis_share_a_keys_quota() {
    let Some(backend @ Backend::Postgres { redis_url: Some(_), .. }) = Backend::postgres() else {
        crate::not_run::report(
            crate::this_test!("two_instances_sharing_redis_share_a_keys_quota"),
            crate::not_run::postgres_or_redis_missing(),
        );
        return;
    };
    let one = TestApp::spawn(backend).await;
    let two = one.spawn_sibling().await;
    assert!(one.state.kv.is_redis() && two.state.kv.is_redis());
    let rossi = one.login("prof.rossi").await;
    let (key, _) = create_key(&one, &rossi).await;

    // Ten requests on the first instance show on the second.
    for _ in 0..10 {
        assert_eq!(post(&one, &key, CHECK_QUERY).await.status(), 200);
    }
    let res = post(&two, &key, CHECK_QUERY).await;
    assert!(header(&res, "ratelimit-remaining").unwrap() <= 49, "{:?}", res.headers());

    // Alternating between the two, the key is throttled after the one quota.
    let started = Instant::now();
    let mut allowed = 11;
    let mut throttled_on = None;
    for i in 0..200 {
        let app = if i % 2 == 0 { &one } else { &two };
        let res = post(app, &key, CHECK_QUERY).await;
        if res.status() == 429 {
            throttled_on = Some(i % 2);
            break;
        }
        allowed += 1;
    }
    assert!(throttled_on.is_some(), "never throttled");
    assert!(allowed <= 60 + started.elapsed().as_secs() + 1, "{allowed} allowed: the instances do not share the quota");
    assert!(allowed >= 55, "throttled too early: {allowed}");
    // Both instances now refuse it.
    assert_eq!(post(&one, &key, CHECK_QUERY).await.status(), 429);
    assert_eq!(post(&two, &key, CHECK_QUERY).await.status(), 429);
}

/// The in-process limiter and the Redis script implement the same GCRA: the
/// same burst is allowed and the same request refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_memory_and_redis_limiters_agree() {
    use api::kv::Kv;
    use api::ratelimit::PARTNER_QUOTA;
    let Some(url) = std::env::var("TEST_REDIS_URL").ok().filter(|u| !u.is_empty()) else {
        crate::not_run::report(crate::this_test!("the_memory_and_redis_limiters_agree"), crate::not_run::NO_REDIS);
        return;
    };
    let redis = Kv::redis(&url, &format!("test:{}:", uuid::Uuid::new_v4().simple()), api::kv::DEFAULT_REDIS_TIMEOUT)
        .await
        .unwrap();
    let memory = Kv::memory();
    for kv in [&redis, &memory] {
        let mut decisions = Vec::new();
        for _ in 0..61 {
            decisions.push(kv.gcra("bucket", PARTNER_QUOTA, 1).await.unwrap());
        }
        assert!(decisions[..60].iter().all(|d| d.allowed), "redis: {}", kv.is_redis());
        assert_eq!(decisions[0].remaining, 59);
        assert!(decisions[59].remaining <= 1);
        let refused = decisions[60];
        assert!(!refused.allowed);
        assert_eq!(refused.remaining, 0);
        assert_eq!(refused.retry_after_secs(), 1);
        assert!((58..=60).contains(&refused.reset_secs()), "{refused:?}");
        // A batch larger than what is left is refused whole, and costs nothing.
        assert!(!kv.gcra("bucket", PARTNER_QUOTA, 30).await.unwrap().allowed);
        // Another key has its own bucket.
        assert_eq!(kv.gcra("other", PARTNER_QUOTA, 10).await.unwrap().remaining, 50);
    }
}

both_backends!(an_api_key_does_not_read_its_owners_sessions, |app: TestApp| async move {
    let rossi = app.login("prof.rossi").await;
    let (key, _) = create_key(&app, &rossi).await;
    let res = app.graphql(Some(&key), "{ mySessions { id userAgent } }", json!({})).await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"), "{res}");
    // The professional's own session lists them.
    let res = app.graphql(Some(&rossi), "{ mySessions { id } }", json!({})).await;
    assert!(!data(&res)["mySessions"].as_array().unwrap().is_empty());
});
