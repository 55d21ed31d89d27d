//! `GET /metrics`: the Prometheus series move with the requests served.

use serde_json::json;

use crate::helpers::{Backend, TestApp};

/// The value of the series `name{labels…}` (labels as printed, in order), or 0.
fn value(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(series).and_then(|rest| rest.strip_prefix(' ')))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0.0)
}

async fn scrape(app: &TestApp) -> String {
    let res = app.get("/metrics").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/plain"));
    res.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_errors_and_gauges_are_exported_and_the_counters_move() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let token = app.login("dr.sardegna").await;
    let before = scrape(&app).await;
    let units = r#"accoglienza_graphql_requests_total{operation="orgUnits",kind="query"}"#;
    let forbidden = r#"accoglienza_graphql_errors_total{code="UNAUTHENTICATED"}"#;
    for _ in 0..3 {
        app.graphql(Some(&token), "{ orgUnits(first: 5) { nodes { code } } }", json!({})).await;
    }
    app.graphql(None, "{ me { username } }", json!({})).await;
    // A name the schema does not have never becomes a label.
    app.graphql(Some(&token), "{ noSuchField }", json!({})).await;
    let after = scrape(&app).await;
    // The recorder is the process's: tests running beside this one add to the same series.
    assert!(value(&after, units) - value(&before, units) >= 3.0, "{after}");
    assert!(value(&after, forbidden) - value(&before, forbidden) >= 1.0, "{after}");
    assert!(!after.contains("noSuchField"), "{after}");
    assert!(
        after.contains(r#"accoglienza_graphql_request_duration_seconds_bucket{operation="orgUnits",le="#),
        "{after}"
    );
    assert!(after.contains(r#"accoglienza_db_pool_connections{state="idle"}"#), "{after}");
    assert!(value(&after, "accoglienza_sessions_active") >= 1.0, "{after}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_production_metrics_need_the_token() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("prod.sqlite").display());
    let settings = api::config::Settings::from_lookup(|k| match k {
        "APP_ENV" => Some("production".into()),
        "DATABASE_URL" => Some(url.clone()),
        "BIND_ADDR" => Some("127.0.0.1:0".into()),
        "HTTP_WORKERS" => Some("1".into()),
        "METRICS_TOKEN" => Some("s3cret-metrics".into()),
        _ => None,
    })
    .unwrap();
    let app = api::startup::Application::build(settings).await.unwrap();
    let address = format!("http://127.0.0.1:{}/metrics", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();
    assert_eq!(client.get(&address).send().await.unwrap().status(), 404);
    assert_eq!(client.get(&address).bearer_auth("wrong").send().await.unwrap().status(), 404);
    let res = client.get(&address).bearer_auth("s3cret-metrics").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("accoglienza_db_pool_connections"));
}
