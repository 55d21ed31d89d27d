//! Password flows (issue 17 item 3): changing one's own password; a password
//! typed by an admin must be replaced before anything else; a reset by an
//! admin or director is a one-time, expiring link sent by e-mail.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use entities::{outbox_message, password_reset};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};

const CHANGE: &str = "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }";
const RESET: &str = "mutation($t: String!, $n: String!) { resetPassword(token: $t, newPassword: $n) }";
const ISSUE: &str = "mutation($u: String!) { issuePasswordReset(username: $u) { expiresAt sentTo } }";

fn reason(res: &Value) -> Option<&str> {
    res["errors"][0]["extensions"]["reason"].as_str()
}

fn field(res: &Value) -> Option<&str> {
    res["errors"][0]["extensions"]["field"].as_str()
}

async fn token_of(app: &TestApp, username: &str, password: &str) -> Option<String> {
    app.try_login(username, password).await["data"]["login"]["token"].as_str().map(str::to_owned)
}

async fn must_change(app: &TestApp, token: &str) -> bool {
    data(&app.graphql(Some(token), "{ me { mustChangePassword } }", json!({})).await)["me"]["mustChangePassword"]
        .as_bool()
        .unwrap()
}

both_backends!(a_person_created_by_an_admin_cannot_work_before_changing_the_password, |app: TestApp| async move {
    let director = app.login("dr.sardegna").await;
    let create = r#"mutation($input: CreatePersonInput!) { createPerson(input: $input) { username } }"#;
    let input = json!({ "input": {
        "username": "op.nuova", "displayName": "Nuova Operatrice", "email": "op.nuova@agenzia.example.it",
        "initialPassword": "scelta-dal-direttore",
        "assignment": { "role": "OPERATOR", "unitCode": "UT-CA1" }
    }});
    data(&app.graphql(Some(&director), create, input).await);

    let res = app
        .graphql(
            None,
            "mutation { login(username: \"op.nuova\", password: \"scelta-dal-direttore\") { token me { mustChangePassword } } }",
            json!({}),
        )
        .await;
    assert_eq!(data(&res)["login"]["me"]["mustChangePassword"], true, "the sign-in says so");
    let token = data(&res)["login"]["token"].as_str().unwrap().to_owned();
    // Everything else is refused with one clear reason.
    for query in ["{ myWorklist { precalls { id } } }", "{ orgUnits(first: 1) { nodes { code } } }"] {
        let res = app.graphql(Some(&token), query, json!({})).await;
        assert_eq!(error_code(&res), Some("FORBIDDEN"), "{query}: {res}");
        assert_eq!(reason(&res), Some("PASSWORD_CHANGE_REQUIRED"), "{res}");
    }
    // What changing it needs still answers.
    assert!(must_change(&app, &token).await);
    data(&app.graphql(Some(&token), "{ mySessions { id } }", json!({})).await);

    let wrong = app.graphql(Some(&token), CHANGE, json!({ "c": "non-e-questa", "n": "la-mia-password-nuova" })).await;
    assert_eq!((error_code(&wrong), field(&wrong)), (Some("BAD_USER_INPUT"), Some("currentPassword")));
    let short = app.graphql(Some(&token), CHANGE, json!({ "c": "scelta-dal-direttore", "n": "corta" })).await;
    assert_eq!((error_code(&short), field(&short)), (Some("BAD_USER_INPUT"), Some("newPassword")));
    assert!(short["errors"][0]["message"].as_str().unwrap().contains("almeno 12 caratteri"), "{short}");
    let same =
        app.graphql(Some(&token), CHANGE, json!({ "c": "scelta-dal-direttore", "n": "scelta-dal-direttore" })).await;
    assert_eq!(field(&same), Some("newPassword"));

    let res =
        app.graphql(Some(&token), CHANGE, json!({ "c": "scelta-dal-direttore", "n": "la-mia-password-nuova" })).await;
    assert_eq!(data(&res)["changePassword"], true);
    assert!(!must_change(&app, &token).await);
    let res = app.graphql(Some(&token), "{ myWorklist { precalls { id } } }", json!({})).await;
    data(&res);
    assert!(token_of(&app, "op.nuova", "scelta-dal-direttore").await.is_none(), "the director's password is gone");
    assert!(token_of(&app, "op.nuova", "la-mia-password-nuova").await.is_some());
});

both_backends!(demo_people_and_self_registered_professionals_need_no_change, |app: TestApp| async move {
    for username in ["admin", "op.cagliari1", "prof.rossi"] {
        let token = app.login(username).await;
        assert!(!must_change(&app, &token).await, "{username}");
    }
});

both_backends!(changing_ones_password_ends_the_other_sessions, |app: TestApp| async move {
    let here = app.login("op.sassari").await;
    let elsewhere = app.login("op.sassari").await;
    let res = app.graphql(Some(&here), CHANGE, json!({ "c": "demo", "n": "una-password-lunga" })).await;
    assert_eq!(data(&res)["changePassword"], true);
    let me = "{ me { username } }";
    assert_eq!(error_code(&app.graphql(Some(&elsewhere), me, json!({})).await), Some("UNAUTHENTICATED"));
    data(&app.graphql(Some(&here), me, json!({})).await);
    assert!(token_of(&app, "op.sassari", "demo").await.is_none());
});

/// The link of the newest reset e-mail queued: its token, after the `#`.
async fn reset_token_sent(app: &TestApp) -> String {
    let message = outbox_message::Entity::find()
        .filter(outbox_message::Column::Event.eq("person.password_reset"))
        .order_by_desc(outbox_message::Column::CreatedAt)
        .order_by_desc(outbox_message::Column::Id)
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("a reset e-mail was queued");
    let link = message.body.split_whitespace().find(|w| w.contains("/reimposta-password#")).expect("a link");
    assert!(link.starts_with(&app.settings.public_url), "{link}");
    link.split_once('#').unwrap().1.to_owned()
}

both_backends!(a_reset_link_works_once_and_expires, |app: TestApp| async move {
    let director = app.login("dr.sardegna").await;
    let old_session = app.login("op.cagliari1").await;
    // Only people in the director's reach.
    let res = app.graphql(Some(&director), ISSUE, json!({ "u": "op.roma1" })).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));

    let res = app.graphql(Some(&director), ISSUE, json!({ "u": "op.cagliari1" })).await;
    assert_eq!(data(&res)["issuePasswordReset"]["sentTo"], "o***@agenzia.example.it");
    let token = reset_token_sent(&app).await;
    // Only the hash is stored.
    let stored = password_reset::Entity::find().all(&app.state.db).await.unwrap();
    assert!(stored.iter().all(|r| r.token_hash.len() == 64 && !token.contains(&r.token_hash)));
    // The old password works until the link is used.
    assert!(token_of(&app, "op.cagliari1", "demo").await.is_some());

    let short = app.graphql(None, RESET, json!({ "t": token, "n": "corta" })).await;
    assert_eq!(field(&short), Some("newPassword"));
    let res = app.graphql(None, RESET, json!({ "t": token, "n": "scelta-da-me-stessa" })).await;
    assert_eq!(data(&res)["resetPassword"], true);
    let again = app.graphql(None, RESET, json!({ "t": token, "n": "unaltra-ancora-diversa" })).await;
    assert_eq!((error_code(&again), field(&again)), (Some("BAD_USER_INPUT"), Some("token")), "used once only");
    assert!(token_of(&app, "op.cagliari1", "demo").await.is_none());
    assert!(token_of(&app, "op.cagliari1", "scelta-da-me-stessa").await.is_some());
    let me = "{ me { username } }";
    assert_eq!(error_code(&app.graphql(Some(&old_session), me, json!({})).await), Some("UNAUTHENTICATED"));

    // A link past its time does not work.
    data(&app.graphql(Some(&director), ISSUE, json!({ "u": "op.cagliari1" })).await);
    let late = reset_token_sent(&app).await;
    password_reset::Entity::update_many()
        .col_expr(password_reset::Column::ExpiresAt, Expr::value(Utc::now() - chrono::Duration::minutes(1)))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&app.state.db)
        .await
        .unwrap();
    let res = app.graphql(None, RESET, json!({ "t": late, "n": "troppo-tardi-ormai" })).await;
    assert_eq!(field(&res), Some("token"), "expired");

    // A newer link voids the older one.
    data(&app.graphql(Some(&director), ISSUE, json!({ "u": "op.cagliari1" })).await);
    let first = reset_token_sent(&app).await;
    data(&app.graphql(Some(&director), ISSUE, json!({ "u": "op.cagliari1" })).await);
    let second = reset_token_sent(&app).await;
    assert_ne!(first, second);
    assert_eq!(field(&app.graphql(None, RESET, json!({ "t": first, "n": "la-prima-non-vale" })).await), Some("token"));
    data(&app.graphql(None, RESET, json!({ "t": second, "n": "la-seconda-vale-si" })).await);
    let made_up = app.graphql(None, RESET, json!({ "t": "acc_r_inventato", "n": "non-funziona-mai" })).await;
    assert_eq!(field(&made_up), Some("token"));
});
