//! The audit trail is scoped like everything else.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{TestApp, data};

async fn actions_seen_by(app: &TestApp, username: &str) -> Vec<(String, String)> {
    let token = app.login(username).await;
    let res = app
        .graphql(Some(&token), "{ auditEvents(first: 100) { nodes { action actor } } }", json!({}))
        .await;
    data(&res)["auditEvents"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["action"].as_str().unwrap().to_owned(), e["actor"].as_str().unwrap_or("").to_owned()))
        .collect()
}

both_backends!(a_regional_auditor_sees_their_region_only, |app: TestApp| async move {
    app.login("op.sassari").await;
    app.login("op.roma1").await;
    app.try_login("op.roma1", "wrong").await;
    let seen = actions_seen_by(&app, "auditor.sardegna").await;
    assert!(seen.contains(&("auth.login".into(), "op.sassari".into())), "{seen:?}");
    assert!(!seen.iter().any(|(_, actor)| actor == "op.roma1"), "{seen:?}");
    let seen = actions_seen_by(&app, "dr.lazio").await;
    assert!(seen.contains(&("auth.login_failed".into(), "op.roma1".into())), "{seen:?}");
    assert!(!seen.iter().any(|(_, actor)| actor == "op.sassari"), "{seen:?}");
});

both_backends!(people_without_an_audit_role_see_no_events, |app: TestApp| async move {
    app.login("op.cagliari1").await;
    assert!(actions_seen_by(&app, "op.cagliari1").await.is_empty());
});
