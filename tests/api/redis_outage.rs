//! Redis out of reach: requests that need it fail fast with a retryable coded
//! error, the rest keeps working, and everything recovers without a restart.
//! The server reaches Redis through a proxy the test cuts and restores (`tcp_proxy`).

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::helpers::{Backend, TestApp, data, error_code};
use crate::tcp_proxy::{Mode, TcpProxy};

fn retryable(res: &Value) -> bool {
    error_code(res) == Some("INTERNAL")
        && res["errors"][0]["extensions"]["retryable"] == json!(true)
        && res["errors"][0]["extensions"]["retryAfter"].as_u64().is_some_and(|s| s >= 1)
}

async fn timed<T>(what: &str, call: impl std::future::Future<Output = T>) -> T {
    let started = Instant::now();
    let out = call.await;
    assert!(started.elapsed() < Duration::from_secs(1), "{what} took {:?}", started.elapsed());
    out
}

async fn readyz(app: &TestApp) -> u16 {
    app.get("/readyz").send().await.unwrap().status().as_u16()
}

const ME: &str = "{ me { username } }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_redis_cut_requests_fail_fast_with_a_retryable_error_and_recover_when_it_is_back() {
    let Some(redis_url) = std::env::var("TEST_REDIS_URL").ok().filter(|u| !u.is_empty()) else {
        let test =
            crate::this_test!("with_redis_cut_requests_fail_fast_with_a_retryable_error_and_recover_when_it_is_back");
        crate::not_run::report(test, crate::not_run::NO_REDIS);
        return;
    };
    let mut url = url::Url::parse(&redis_url).unwrap();
    let upstream =
        tokio::net::lookup_host((url.host_str().unwrap(), url.port().unwrap_or(6379))).await.unwrap().next().unwrap();
    let proxy = TcpProxy::start(upstream).await;
    url.set_host(Some("127.0.0.1")).unwrap();
    url.set_port(Some(proxy.port)).unwrap();
    let app = TestApp::spawn_configured(Backend::Sqlite, move |s| {
        s.redis_url = Some(url.to_string());
        s.redis_prefix = format!("test:{}:", uuid::Uuid::new_v4().simple());
    })
    .await;
    assert!(app.state.kv.is_redis());
    let token = app.login("admin").await;
    data(&app.graphql(Some(&token), ME, json!({})).await);
    assert_eq!(readyz(&app).await, 200);

    for cut in [Mode::Blackhole, Mode::Refuse] {
        proxy.set(cut);
        for round in 0..2 {
            // The first round finds the connection dead; the second finds the circuit open.
            let what = format!("{cut:?} round {round}");
            let res = timed(&format!("login ({what})"), app.try_login("admin", "demo")).await;
            assert!(retryable(&res), "login ({what}): {res}");
            assert!(res["errors"][0]["message"].as_str().unwrap().contains("temporaneamente non disponibile"));
            let res = timed(&format!("signed-in query ({what})"), app.graphql(Some(&token), ME, json!({}))).await;
            assert!(retryable(&res), "signed-in query ({what}): {res}");
            assert_eq!(timed("/readyz", readyz(&app)).await, 503, "{what}");
            let health = timed("/healthz", app.get("/healthz").send()).await.unwrap();
            assert_eq!(health.status().as_u16(), 200);
            let res = timed("anonymous query", app.graphql(None, "{ __typename }", json!({}))).await;
            assert_eq!(data(&res)["__typename"], "QueryRoot");
        }

        // Back: sign-in works again without a restart (once the circuit lets a probe through).
        proxy.set(Mode::Forward);
        let deadline = Instant::now() + Duration::from_secs(15);
        let fresh = loop {
            let res = app.try_login("admin", "demo").await;
            if let Some(token) = res["data"]["login"]["token"].as_str() {
                break token.to_owned();
            }
            assert!(retryable(&res), "while recovering: {res}");
            assert!(Instant::now() < deadline, "no recovery after {cut:?}: {res}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        data(&app.graphql(Some(&fresh), ME, json!({})).await);
        // Sessions made before the outage are still there.
        data(&app.graphql(Some(&token), ME, json!({})).await);
        assert_eq!(readyz(&app).await, 200);
    }
}
