//! Sessions people can see and end (issue 17 item 2): `mySessions`,
//! `endSession`, `endOtherSessions`; managers end a person's sessions within
//! their reach; deactivation and role changes end them at once, on every
//! instance sharing Redis.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, data, error_code};

const ME: &str = "{ me { username } }";
const SESSIONS: &str = "{ mySessions { id startedAt lastUsedAt expiresAt userAgent device current } }";
const CHROME: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const FIREFOX: &str = "Mozilla/5.0 (Windows NT 10.0; rv:133.0) Gecko/20100101 Firefox/133.0";

/// Signs in as `username` (password `demo`) from a browser naming itself `user_agent`.
async fn login_from(app: &TestApp, username: &str, user_agent: &str) -> String {
    let res: Value = app
        .client
        .post(format!("{}/graphql", app.address))
        .header("user-agent", user_agent)
        .json(&json!({
            "query": "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
            "variables": { "u": username, "p": "demo" }
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    data(&res)["login"]["token"].as_str().unwrap().to_owned()
}

async fn me_on(app: &TestApp, token: &str) -> Value {
    app.graphql(Some(token), ME, json!({})).await
}

fn is_signed_in(res: &Value) -> bool {
    res.get("errors").is_none() && res["data"]["me"]["username"].is_string()
}

async fn my_sessions(app: &TestApp, token: &str) -> Vec<Value> {
    data(&app.graphql(Some(token), SESSIONS, json!({})).await)["mySessions"].as_array().unwrap().clone()
}

both_backends!(a_person_sees_their_sessions_and_ends_the_others, |app: TestApp| async move {
    let laptop = login_from(&app, "op.cagliari1", CHROME).await;
    let phone = login_from(&app, "op.cagliari1", FIREFOX).await;
    // Someone else's session is not listed, and survives.
    let colleague = login_from(&app, "op2.cagliari1", CHROME).await;

    let sessions = my_sessions(&app, &laptop).await;
    assert_eq!(sessions.len(), 2, "{sessions:?}");
    // Newest first; the current one marked; devices named in Italian.
    assert_eq!(sessions[0]["device"], "Firefox su Windows");
    assert_eq!(sessions[0]["current"], false);
    assert_eq!(sessions[1]["device"], "Chrome su Linux");
    assert_eq!(sessions[1]["current"], true);
    assert_eq!(sessions[1]["userAgent"], CHROME);
    assert!(sessions[1]["startedAt"].is_string() && sessions[1]["lastUsedAt"].is_string());

    let res = app.graphql(Some(&laptop), "mutation { endOtherSessions }", json!({})).await;
    assert_eq!(data(&res)["endOtherSessions"], 1);
    assert_eq!(error_code(&me_on(&app, &phone).await), Some("UNAUTHENTICATED"));
    assert!(is_signed_in(&me_on(&app, &laptop).await));
    assert!(is_signed_in(&me_on(&app, &colleague).await));
    assert_eq!(my_sessions(&app, &laptop).await.len(), 1);

    // One session by id: someone else's is NOT_FOUND (and stays), one's own ends.
    let colleague_id = my_sessions(&app, &colleague).await[0]["id"].as_str().unwrap().to_owned();
    let end = "mutation($id: ID!) { endSession(id: $id) }";
    let res = app.graphql(Some(&laptop), end, json!({ "id": colleague_id })).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
    assert!(is_signed_in(&me_on(&app, &colleague).await));
    let tablet = login_from(&app, "op.cagliari1", FIREFOX).await;
    let tablet_id = my_sessions(&app, &tablet).await.iter().find(|s| s["current"] == true).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    data(&app.graphql(Some(&laptop), end, json!({ "id": tablet_id })).await);
    assert_eq!(error_code(&me_on(&app, &tablet).await), Some("UNAUTHENTICATED"));
    let again = app.graphql(Some(&laptop), end, json!({ "id": tablet_id })).await;
    assert_eq!(error_code(&again), Some("NOT_FOUND"), "an ended session cannot be ended twice");
    assert!(is_signed_in(&me_on(&app, &laptop).await));
});

both_backends!(a_signed_out_session_is_no_longer_listed, |app: TestApp| async move {
    let one = login_from(&app, "op.sassari", CHROME).await;
    let two = login_from(&app, "op.sassari", FIREFOX).await;
    app.graphql(Some(&two), "mutation { logout }", json!({})).await;
    let sessions = my_sessions(&app, &one).await;
    assert_eq!(sessions.len(), 1, "{sessions:?}");
    assert_eq!(sessions[0]["current"], true);
});

both_backends!(a_director_ends_the_sessions_of_people_in_reach_only, |app: TestApp| async move {
    let director = app.login("dr.sardegna").await;
    let sardinian = app.login("op.cagliari1").await;
    let roman = app.login("op.roma1").await;
    let end_of = "mutation($u: String!) { endSessionsOf(username: $u) }";

    let res = app.graphql(Some(&director), end_of, json!({ "u": "op.roma1" })).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"), "another region's person is not there for this director");
    assert!(is_signed_in(&me_on(&app, &roman).await));
    // An operator manages nobody.
    let res = app.graphql(Some(&sardinian), end_of, json!({ "u": "op2.cagliari1" })).await;
    assert!(matches!(error_code(&res), Some("NOT_FOUND" | "FORBIDDEN")), "{res}");

    let res = app.graphql(Some(&director), end_of, json!({ "u": "op.cagliari1" })).await;
    assert_eq!(data(&res)["endSessionsOf"], 1);
    assert_eq!(error_code(&me_on(&app, &sardinian).await), Some("UNAUTHENTICATED"));
    assert!(is_signed_in(&me_on(&app, &director).await));

    let audit = app.login("admin").await;
    let res = app
        .graphql(
            Some(&audit),
            "{ auditEvents(filter: { action: \"person.sessions_end\" }, first: 5) { nodes { actor unit { code } } } }",
            json!({}),
        )
        .await;
    assert_eq!(data(&res)["auditEvents"]["nodes"][0]["actor"], "dr.sardegna", "{res}");
});

both_backends!(a_role_change_ends_the_sessions_of_its_person, |app: TestApp| async move {
    let director = app.login("dr.sardegna").await;
    let operator = app.login("op2.cagliari1").await;
    let grant = r#"mutation($u: String!, $i: RoleAssignmentInput!) { assignRole(username: $u, input: $i) { id } }"#;
    let res = app
        .graphql(
            Some(&director),
            grant,
            json!({ "u": "op2.cagliari1", "i": { "role": "ROOM_COORDINATOR", "unitCode": "UT-CA1" } }),
        )
        .await;
    let assignment = data(&res)["assignRole"]["id"].as_str().unwrap().to_owned();
    assert_eq!(error_code(&me_on(&app, &operator).await), Some("UNAUTHENTICATED"), "granted: signed out");

    let operator = app.login("op2.cagliari1").await;
    let revoke = "mutation($id: ID!) { revokeRole(assignmentId: $id) }";
    data(&app.graphql(Some(&director), revoke, json!({ "id": assignment })).await);
    assert_eq!(error_code(&me_on(&app, &operator).await), Some("UNAUTHENTICATED"), "revoked: signed out");
    assert!(is_signed_in(&me_on(&app, &director).await), "the director's own session is untouched");
});

/// Two servers on one PostgreSQL and Redis: sessions ended on one are refused
/// by the other on its very next request, although it had the caller cached.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_refuse_other_sessions_and_a_deactivated_persons_at_once() {
    let Some(backend @ Backend::Postgres { redis_url: Some(_), .. }) = Backend::postgres() else {
        crate::not_run::report(
            crate::this_test!("two_instances_refuse_other_sessions_and_a_deactivated_persons_at_once"),
            crate::not_run::postgres_or_redis_missing(),
        );
        return;
    };
    let one = TestApp::spawn(backend).await;
    let two = one.spawn_sibling().await;
    let kept = login_from(&one, "op.sassari", CHROME).await;
    let others = [login_from(&one, "op.sassari", FIREFOX).await, login_from(&two, "op.sassari", CHROME).await];
    for app in [&one, &two] {
        for token in others.iter().chain([&kept]) {
            assert!(is_signed_in(&me_on(app, token).await), "every token works everywhere first");
        }
    }
    assert_eq!(my_sessions(&two, &kept).await.len(), 3, "both instances list the same sessions");

    let res = one.graphql(Some(&kept), "mutation { endOtherSessions }", json!({})).await;
    assert_eq!(data(&res)["endOtherSessions"], 2);
    for app in [&one, &two] {
        for token in &others {
            assert_eq!(error_code(&me_on(app, token).await), Some("UNAUTHENTICATED"), "ended on one, refused on both");
        }
        assert!(is_signed_in(&me_on(app, &kept).await));
    }

    let again = login_from(&two, "op.sassari", FIREFOX).await;
    let admin = two.login("admin").await;
    let res = two
        .graphql(
            Some(&admin),
            "mutation { setPersonActive(username: \"op.sassari\", active: false) { active } }",
            json!({}),
        )
        .await;
    assert_eq!(data(&res)["setPersonActive"]["active"], false);
    for app in [&one, &two] {
        for token in [&kept, &again] {
            assert_eq!(
                error_code(&me_on(app, token).await),
                Some("UNAUTHENTICATED"),
                "deactivated: refused everywhere"
            );
        }
    }
    // Reactivated, the old tokens stay dead: their sessions ended, not just paused.
    two.graphql(
        Some(&admin),
        "mutation { setPersonActive(username: \"op.sassari\", active: true) { active } }",
        json!({}),
    )
    .await;
    assert_eq!(error_code(&me_on(&one, &kept).await), Some("UNAUTHENTICATED"));
}

both_backends!(a_deactivated_and_reactivated_person_stays_signed_out, |app: TestApp| async move {
    let admin = app.login("admin").await;
    let token = app.login("op.roma1").await;
    let set = "mutation($a: Boolean!) { setPersonActive(username: \"op.roma1\", active: $a) { active } }";
    data(&app.graphql(Some(&admin), set, json!({ "a": false })).await);
    data(&app.graphql(Some(&admin), set, json!({ "a": true })).await);
    assert_eq!(error_code(&me_on(&app, &token).await), Some("UNAUTHENTICATED"));
});
