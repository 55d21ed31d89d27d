//! Single sign-on (issue 17 item 1) against a real OpenID provider:
//! node-oidc-provider, started per test by `admin-ui/e2e/oidc-provider.mjs`
//! on loopback (Node and `npm ci` in admin-ui needed; otherwise each test
//! reports "not run"). The tests drive the browser's HTTP flow: the app's
//! `/auth/oidc/start`, the provider's sign-in form, the app's callback.

use std::path::PathBuf;
use std::process::Stdio;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use url::Url;

use crate::helpers::{Backend, TestApp, data, error_code};
use crate::not_run;

const CLIENT_ID: &str = "accoglienza-test";
const CLIENT_SECRET: &str = "accoglienza-test-secret";
const PROVIDER_PASSWORD: &str = "sso-test";
const NO_NODE: &str = "node or admin-ui/node_modules/oidc-provider missing: run `npm ci` in admin-ui";

/// The provider, ended with the test (its stdin closes; `kill_on_drop` besides).
struct TestProvider {
    issuer: String,
    _child: Child,
    // Kept open: a write to a closed stdout would end the provider.
    _output: tokio::io::Lines<BufReader<tokio::process::ChildStdout>>,
}

fn provider_script() -> Option<PathBuf> {
    let admin_ui = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../admin-ui");
    let has_node = std::process::Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    (has_node && admin_ui.join("node_modules/oidc-provider").is_dir()).then(|| admin_ui.join("e2e/oidc-provider.mjs"))
}

async fn start_provider(script: &std::path::Path, redirect_uri: &str) -> TestProvider {
    let mut child = Command::new("node")
        .arg(script)
        .args(["--redirect-uri", redirect_uri])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("node starts");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    while let Some(line) = lines.next_line().await.expect("provider output") {
        if let Ok(ready) = serde_json::from_str::<Value>(&line)
            && let Some(issuer) = ready["issuer"].as_str()
        {
            return TestProvider { issuer: issuer.to_owned(), _child: child, _output: lines };
        }
    }
    panic!("the OpenID provider exited before it was ready");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The app configured for the provider (on a port chosen first: the provider
/// allows only its registered redirect URI). `None` when Node is missing.
async fn app_and_provider(
    backend: Backend,
    tweak: impl FnOnce(&mut api::config::Settings),
) -> Option<(TestApp, TestProvider)> {
    let script = provider_script()?;
    let port = free_port();
    let redirect_uri = format!("http://127.0.0.1:{port}/auth/oidc/callback");
    let provider = start_provider(&script, &redirect_uri).await;
    let issuer = provider.issuer.clone();
    let app = TestApp::spawn_configured(backend, |s| {
        s.bind_addr = format!("127.0.0.1:{port}");
        s.public_url = format!("http://127.0.0.1:{port}");
        let lookup = |key: &str| match key {
            "OIDC_ISSUER_URL" => Some(issuer.clone()),
            "OIDC_CLIENT_ID" => Some(CLIENT_ID.to_owned()),
            "OIDC_CLIENT_SECRET" => Some(CLIENT_SECRET.to_owned()),
            _ => None,
        };
        (s.oidc, s.password_login) = api::auth::oidc::settings::from_lookup(&lookup, &s.public_url).unwrap();
        tweak(s);
    })
    .await;
    Some((app, provider))
}

/// `sso_test!(name, |app, issuer| async move { ... })`: runs on SQLite and,
/// when configured, on PostgreSQL + Redis. `sso_test!(name, configure: ..., body)`
/// adjusts the settings first.
macro_rules! sso_test {
    ($name:ident, $body:expr) => {
        sso_test!($name, configure: |_| {}, $body);
    };
    ($name:ident, configure: $configure:expr, $body:expr) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let Some((app, provider)) = app_and_provider(Backend::Sqlite, $configure).await else {
                    not_run::report(concat!(module_path!(), "::sqlite"), NO_NODE);
                    return;
                };
                // The provider lives until the test's end (the body gets its issuer).
                let issuer = provider.issuer.clone();
                api::kernel::reach::Reach::system().run(($body)(app, issuer)).await;
                drop(provider);
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(backend) = Backend::postgres() else {
                    not_run::report(concat!(module_path!(), "::postgres"), not_run::NO_POSTGRES);
                    return;
                };
                let Some((app, provider)) = app_and_provider(backend, $configure).await else {
                    not_run::report(concat!(module_path!(), "::postgres"), NO_NODE);
                    return;
                };
                // The provider lives until the test's end (the body gets its issuer).
                let issuer = provider.issuer.clone();
                api::kernel::reach::Reach::system().run(($body)(app, issuer)).await;
                drop(provider);
            }
        }
    };
}

/// A browser: keeps the provider's cookies, follows no redirect by itself.
fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

fn location(res: &reqwest::Response) -> Url {
    assert!(res.status().is_redirection(), "expected a redirect from {}, got {}", res.url(), res.status());
    let to = res.headers()["location"].to_str().unwrap();
    res.url().join(to).unwrap()
}

/// From the app's `/auth/oidc/start` through the provider's form to the URL
/// of the app's callback. `tamper` may change the authorization request.
async fn through_provider(app: &TestApp, browser: &reqwest::Client, who: &str, tamper: fn(Url) -> Url) -> Url {
    let start = browser.get(format!("{}/auth/oidc/start", app.address)).send().await.unwrap();
    let authorize = tamper(location(&start));
    let interaction = location(&browser.get(authorize).send().await.unwrap());
    let form = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("login", who)
        .append_pair("password", PROVIDER_PASSWORD)
        .finish();
    let login = browser
        .post(format!("{interaction}/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .unwrap();
    let callback = location(&browser.get(location(&login)).send().await.unwrap());
    assert!(callback.as_str().starts_with(&app.address), "not back at the app: {callback}");
    callback
}

/// Where the app's callback sends the browser.
async fn callback(browser: &reqwest::Client, url: Url) -> Url {
    location(&browser.get(url).send().await.unwrap())
}

async fn sign_in(app: &TestApp, who: &str, tamper: fn(Url) -> Url) -> Url {
    let browser = browser();
    let url = through_provider(app, &browser, who, tamper).await;
    callback(&browser, url).await
}

fn unchanged(url: Url) -> Url {
    url
}

/// The request with one query parameter replaced.
fn with_param(url: Url, name: &str, value: &str) -> Url {
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| (k.to_string(), if k == name { value.to_owned() } else { v.to_string() }))
        .collect();
    let mut url = url;
    url.query_pairs_mut().clear().extend_pairs(pairs);
    url
}

/// The refusal code in `/accesso?sso_error=CODE`.
fn refusal(landing: &Url) -> String {
    assert_eq!(landing.path(), "/accesso", "not refused: {landing}");
    landing.query_pairs().find(|(k, _)| k == "sso_error").map(|(_, v)| v.to_string()).unwrap_or_default()
}

/// The one-time code in `/accesso/sso#code=…`.
fn handoff_code(landing: &Url) -> String {
    assert_eq!(landing.path(), "/accesso/sso", "not signed in: {landing}");
    landing.fragment().and_then(|f| f.strip_prefix("code=")).expect("a code in the fragment").to_owned()
}

const COMPLETE: &str = "mutation($c: String!) { completeSsoSignIn(code: $c) { token me { username } } }";

async fn complete(app: &TestApp, code: &str) -> Value {
    app.graphql(None, COMPLETE, json!({ "c": code })).await
}

async fn identities(app: &TestApp) -> Vec<(String, String, String)> {
    use sea_orm::EntityTrait;
    let people = entities::person::Entity::find().all(&app.state.db).await.unwrap();
    let links = entities::person_identity::Entity::find().all(&app.state.db).await.unwrap();
    links
        .into_iter()
        .map(|l| {
            let who = people.iter().find(|p| p.id == l.person_id).unwrap().username.clone();
            (who, l.issuer, l.subject)
        })
        .collect()
}

sso_test!(a_person_an_admin_created_signs_in_and_is_linked, |app: TestApp, issuer: String| async move {
    let options = app.graphql(None, "{ signInOptions { sso passwordLogin } }", json!({})).await;
    assert_eq!(data(&options)["signInOptions"], json!({ "sso": true, "passwordLogin": "STAFF" }));

    let code = handoff_code(&sign_in(&app, "op.cagliari1", unchanged).await);
    let res = complete(&app, &code).await;
    assert_eq!(data(&res)["completeSsoSignIn"]["me"]["username"], "op.cagliari1");
    let token = data(&res)["completeSsoSignIn"]["token"].as_str().unwrap().to_owned();
    // The same session as a password sign-in's: it works, and it is listed.
    let sessions = app.graphql(Some(&token), "{ mySessions { current } }", json!({})).await;
    assert_eq!(data(&sessions)["mySessions"], json!([{ "current": true }]));
    let linked = (String::from("op.cagliari1"), issuer, String::from("sub-op.cagliari1"));
    assert_eq!(identities(&app).await, vec![linked]);

    // The handoff code works once.
    assert_eq!(error_code(&complete(&app, &code).await), Some("BAD_USER_INPUT"));
    // Signing in again finds the link (no second one).
    let again = complete(&app, &handoff_code(&sign_in(&app, "op.cagliari1", unchanged).await)).await;
    assert_eq!(data(&again)["completeSsoSignIn"]["me"]["username"], "op.cagliari1");
    assert_eq!(identities(&app).await.len(), 1);
});

sso_test!(a_state_that_was_not_issued_or_is_replayed_is_refused, |app: TestApp, _issuer: String| async move {
    // The provider hands back the state it was given: one this app never issued.
    let forged = sign_in(&app, "op.cagliari1", |url| with_param(url, "state", "not-issued-here")).await;
    assert_eq!(refusal(&forged), "OIDC_STATE");

    // A genuine callback works once; replaying it is refused.
    let browser = browser();
    let url = through_provider(&app, &browser, "op.cagliari1", unchanged).await;
    handoff_code(&callback(&browser, url.clone()).await);
    assert_eq!(refusal(&callback(&browser, url).await), "OIDC_STATE");
    assert_eq!(identities(&app).await.len(), 1);
});

sso_test!(an_id_token_with_another_nonce_is_refused, |app: TestApp, _issuer: String| async move {
    let landing = sign_in(&app, "op.cagliari1", |url| with_param(url, "nonce", "some-other-nonce")).await;
    assert_eq!(refusal(&landing), "OIDC_NONCE");
    assert!(identities(&app).await.is_empty());
});

// The provider's ID tokens live an hour; this app's clock reads two hours later.
sso_test!(
    an_expired_id_token_is_refused,
    configure: |s: &mut api::config::Settings| s.fixed_now = Some(chrono::Utc::now() + chrono::Duration::hours(2)),
    |app: TestApp, _issuer: String| async move {
        assert_eq!(refusal(&sign_in(&app, "op.cagliari1", unchanged).await), "OIDC_EXPIRED");
        assert!(identities(&app).await.is_empty());
    }
);

sso_test!(someone_no_admin_created_is_refused, |app: TestApp, _issuer: String| async move {
    // Known to the provider, unknown here: nobody is created.
    assert_eq!(refusal(&sign_in(&app, "sconosciuto", unchanged).await), "OIDC_UNKNOWN_PERSON");
    assert!(identities(&app).await.is_empty());
});

const DEACTIVATE: &str = "mutation($u: String!) { setPersonActive(username: $u, active: false) { username } }";

sso_test!(a_deactivated_person_is_refused_linked_or_not, |app: TestApp, _issuer: String| async move {
    let admin = app.login("admin").await;
    // Linked at an earlier sign-in, then deactivated.
    handoff_code(&sign_in(&app, "op.cagliari1", unchanged).await);
    data(&app.graphql(Some(&admin), DEACTIVATE, json!({ "u": "op.cagliari1" })).await);
    assert_eq!(refusal(&sign_in(&app, "op.cagliari1", unchanged).await), "OIDC_DEACTIVATED");
    // Deactivated before any sign-in: not linked either.
    data(&app.graphql(Some(&admin), DEACTIVATE, json!({ "u": "op2.cagliari1" })).await);
    assert_eq!(refusal(&sign_in(&app, "op2.cagliari1", unchanged).await), "OIDC_DEACTIVATED");
    assert_eq!(identities(&app).await.len(), 1);
});

sso_test!(
    with_passwords_for_professionals_only_staff_must_use_sso,
    configure: |s: &mut api::config::Settings| s.password_login = api::auth::oidc::PasswordLogin::Professionals,
    |app: TestApp, _issuer: String| async move {
        let options = app.graphql(None, "{ signInOptions { sso passwordLogin } }", json!({})).await;
        assert_eq!(data(&options)["signInOptions"]["passwordLogin"], "PROFESSIONALS");
        assert_eq!(error_code(&app.try_login("op.cagliari1", "demo").await), Some("FORBIDDEN"));
        // A wrong password still answers as always (nothing learnt about the account).
        assert_eq!(error_code(&app.try_login("op.cagliari1", "wrong").await), Some("UNAUTHENTICATED"));
        assert!(app.try_login("prof.rossi", "demo").await["data"]["login"]["token"].is_string());
        // Staff get in through SSO.
        handoff_code(&sign_in(&app, "op.cagliari1", unchanged).await);
    }
);
