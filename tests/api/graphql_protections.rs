//! The protections of the OWASP GraphQL cheat sheet, each breached on purpose.

use serde_json::{Value, json};

use crate::helpers::{Backend, TestApp, data, error_code};

async fn app() -> TestApp {
    TestApp::spawn(Backend::Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_query_nested_deeper_than_ten_levels_is_refused() {
    let app = app().await;
    let token = app.login("admin").await;
    // `parent` is a single object, so this is deep but cheap: only depth can refuse it.
    let mut selection = "code".to_owned();
    for _ in 0..11 {
        selection = format!("code parent {{ {selection} }}");
    }
    let query = format!("{{ orgUnit(code: \"UT-CA1\") {{ {selection} }} }}");
    let res = app.graphql(Some(&token), &query, json!({})).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    assert!(res["errors"][0]["message"].as_str().unwrap().to_lowercase().contains("deep"), "{res}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_query_costing_more_than_the_limit_is_refused() {
    let app = app().await;
    let token = app.login("admin").await;
    // 100 units × 20 children × 20 grandchildren × … is far over the limit.
    let q = "{ orgUnits(first: 100) { nodes { children { children { children { code } } } } } }";
    let res = app.graphql(Some(&token), q, json!({})).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    assert!(res["errors"][0]["message"].as_str().unwrap().to_lowercase().contains("complex"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn page_sizes_above_one_hundred_are_refused() {
    let app = app().await;
    let token = app.login("admin").await;
    let res = app.graphql(Some(&token), "{ orgUnits(first: 101) { nodes { code } } }", json!({})).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    assert_eq!(res["errors"][0]["extensions"]["field"], "first");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batches_of_more_than_ten_operations_are_refused() {
    let app = app().await;
    let op = json!({ "query": "{ __typename }" });
    let ok: Value = app.post("/graphql").json(&vec![op.clone(); 10]).send().await.unwrap().json().await.unwrap();
    assert_eq!(ok.as_array().map(Vec::len), Some(10));
    let res = app.post("/graphql").json(&vec![op; 11]).send().await.unwrap();
    assert_eq!(res.status(), 400);
    let body: Value = res.json().await.unwrap();
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_one_mebibyte_is_refused() {
    let app = app().await;
    let huge = "x".repeat(1024 * 1024 + 1);
    let res = app
        .post("/graphql")
        .json(&json!({ "query": "{ __typename }", "variables": { "pad": huge } }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queries_work_over_get_but_mutations_do_not() {
    let app = app().await;
    let res = app.get("/graphql").query(&[("query", "{ __typename }")]).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let mutation = r#"mutation { login(username: "admin", password: "demo") { token } }"#;
    let res = app.get("/graphql").query(&[("query", mutation)]).send().await.unwrap();
    assert_eq!(res.status(), 405);
    let body: Value = res.json().await.unwrap();
    assert!(body["data"].is_null() || body.get("data").is_none());
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn engine_errors_carry_a_code_too() {
    let app = app().await;
    let res = app.graphql(None, "{ this is not graphql", json!({})).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    let res = app.graphql(None, "{ noSuchField }", json!({})).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn development_offers_introspection_and_suggestions() {
    let app = app().await;
    let res = app.graphql(None, "{ __schema { queryType { name } } }", json!({})).await;
    assert_eq!(data(&res)["__schema"]["queryType"]["name"], "QueryRoot");
    let res = app.graphql(None, "{ orgUnitz { code } }", json!({})).await;
    assert!(res["errors"][0]["message"].as_str().unwrap().contains("Did you mean"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn production_hides_introspection_field_suggestions_and_graphiql() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("prod.sqlite").display());
    let mut settings = api::config::Settings::from_lookup(|k| match k {
        "APP_ENV" => Some("production".into()),
        "DATABASE_URL" => Some(url.clone()),
        "BIND_ADDR" => Some("127.0.0.1:0".into()),
        "HTTP_WORKERS" => Some("1".into()),
        _ => None,
    })
    .unwrap();
    settings.ui_dir = "does-not-exist".into();
    assert!(!settings.seed_demo);
    let app = api::startup::Application::build(settings).await.unwrap();
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();
    let post = |q: &'static str| {
        let client = client.clone();
        let address = address.clone();
        async move {
            let res = client.post(format!("{address}/graphql")).json(&json!({ "query": q })).send().await.unwrap();
            res.json::<Value>().await.unwrap()
        }
    };
    let res = post("{ __schema { queryType { name } types { name } } }").await;
    assert!(res["data"]["__schema"].is_null(), "{res}");
    assert!(!res.to_string().contains("QueryRoot"), "{res}");
    let res = post(GRAPHQL_JS_INTROSPECTION[0].1).await;
    assert!(res["data"].is_null() || res["data"]["__schema"].is_null(), "{res}");
    assert!(!res.to_string().contains("QueryRoot"), "{res}");
    let res = post("{ orgUnitz { code } }").await;
    assert!(!res["errors"][0]["message"].as_str().unwrap().contains("Did you mean"));
    let graphiql = client.get(format!("{address}/graphiql")).send().await.unwrap();
    assert_ne!(graphiql.status(), 200);
    // No demo data in production: the demo password opens nothing.
    let res = post(r#"mutation { login(username: "admin", password: "demo") { token } }"#).await;
    assert_eq!(error_code(&res), Some("UNAUTHENTICATED"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_batch_or_a_batch_of_non_objects_is_refused_with_400() {
    let app = app().await;
    for body in [
        "[]",
        " [ ] ",
        r#"["{__typename}"]"#,
        r#"[{"query":"{ __typename }"}, "{__typename}"]"#,
        r#"[["{__typename}"]]"#,
    ] {
        let res = app.post("/graphql").header("content-type", "application/json").body(body).send().await.unwrap();
        assert_eq!(res.status(), 400, "{body}");
        let answer: Value = res.json().await.unwrap();
        assert_eq!(error_code(&answer), Some("BAD_USER_INPUT"), "{body}: {answer}");
    }
    // A proper batch and a single operation still work.
    let res: Value =
        app.post("/graphql").json(&json!([{ "query": "{ __typename }" }])).send().await.unwrap().json().await.unwrap();
    assert_eq!(res[0]["data"]["__typename"], "QueryRoot");
}

/// Sends the headers of a POST announcing `length` bytes, then the body one
/// byte every `pause`, and returns what the server answered (or "" if it
/// closed without a word), giving up after `give_up`.
async fn slow_post(address: &str, length: usize, pause: std::time::Duration, give_up: std::time::Duration) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let head = format!(
        "POST /graphql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let (mut read, mut write) = stream.into_split();
    let body = br#"{"query":"{ __typename }"}"#.repeat(length / 26 + 1);
    tokio::spawn(async move {
        for byte in body.into_iter().take(length) {
            if write.write_all(&[byte]).await.is_err() {
                return;
            }
            tokio::time::sleep(pause).await;
        }
    });
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(give_up, async {
        let mut buf = [0u8; 4096];
        loop {
            match read.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    answer.extend_from_slice(&buf[..n]);
                    if answer.windows(4).any(|w| w == b"\r\n\r\n") {
                        break;
                    }
                }
            }
        }
    })
    .await;
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_sent_one_byte_a_second_gets_408_when_the_read_timeout_passes() {
    let app =
        TestApp::spawn_configured(Backend::Sqlite, |s| s.body_read_timeout = std::time::Duration::from_secs(2)).await;
    let started = std::time::Instant::now();
    let answer =
        slow_post(&app.address, 200, std::time::Duration::from_secs(1), std::time::Duration::from_secs(8)).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "answer after {:?}: {answer:?}", started.elapsed());
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
    assert!(answer.to_ascii_lowercase().contains("connection: close"), "{answer}");
    // A body that arrives in time is served as before.
    let res = app.graphql(None, "{ __typename }", json!({})).await;
    assert_eq!(data(&res)["__typename"], "QueryRoot");
}

/// The standard introspection queries of graphql-js 17 (`getIntrospectionQuery()`,
/// default options and the ones GraphiQL's documentation panel asks for), as
/// printed by the library itself into `tests/fixtures/introspection/`.
const GRAPHQL_JS_INTROSPECTION: [(&str, &str); 2] = [
    ("default", include_str!("../fixtures/introspection/graphql-js-default.graphql")),
    ("graphiql", include_str!("../fixtures/introspection/graphql-js-graphiql.graphql")),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_standard_introspection_query_of_graphql_js_is_answered_in_development() {
    let app = app().await;
    for (name, query) in GRAPHQL_JS_INTROSPECTION {
        let res = app.graphql(None, query, json!({})).await;
        assert!(res.get("errors").is_none(), "{name}: {res}");
        let types = res["data"]["__schema"]["types"].as_array().unwrap();
        assert!(types.iter().any(|t| t["name"] == "Quesito"), "{name}: no Quesito type");
        assert_eq!(res["data"]["__schema"]["queryType"]["name"], "QueryRoot", "{name}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn introspection_beside_data_fields_keeps_the_ordinary_depth_limit() {
    let app = app().await;
    let token = app.login("admin").await;
    let mut selection = "code".to_owned();
    for _ in 0..11 {
        selection = format!("code parent {{ {selection} }}");
    }
    let query = format!("{{ __typename orgUnit(code: \"UT-CA1\") {{ {selection} }} }}");
    let res = app.graphql(Some(&token), &query, json!({})).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
}
