//! What the robustness run broke with bad input, each as a client would send it:
//! a fragment bomb, NUL bytes, over-long strings and control characters. The
//! answers must be the same coded refusal on SQLite and PostgreSQL.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, data, error_code};

/// `levels` fragments, each spreading the next `fanout` times (8 × 10 is the 672-byte body of the report).
fn fragment_bomb(levels: usize, fanout: usize) -> String {
    let mut query = String::from("query { ...F0 }\n");
    for level in 0..levels {
        let body = if level + 1 == levels {
            "__typename".to_owned()
        } else {
            vec![format!("...F{}", level + 1); fanout].join(" ")
        };
        query.push_str(&format!("fragment F{level} on QueryRoot {{ {body} }}\n"));
    }
    query
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fragment_bomb_is_refused_at_once_and_health_keeps_answering() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let bomb = fragment_bomb(8, 10);
    assert!(bomb.len() < 700, "the report's body was 672 bytes; this one is {}", bomb.len());
    let started = Instant::now();
    let refusals: Vec<_> = (0..2).map(|_| app.graphql(None, &bomb, json!({}))).collect();
    let health = async {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let asked = Instant::now();
        let res = app.get("/healthz").send().await.unwrap();
        (res.status(), asked.elapsed())
    };
    let (answers, (status, health_took)) = tokio::join!(futures::future::join_all(refusals), health);
    for res in &answers {
        assert_eq!(error_code(res), Some("BAD_USER_INPUT"), "{res}");
        assert!(res["errors"][0]["message"].as_str().unwrap().contains("frammenti"), "{res}");
    }
    assert_eq!(status, 200);
    assert!(health_took < Duration::from_millis(100), "/healthz took {health_took:?}");
    assert!(started.elapsed() < Duration::from_secs(2), "refusing took {:?}", started.elapsed());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_fragments_below_the_limit_still_run() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let res = app.graphql(None, &fragment_bomb(3, 10), json!({})).await;
    assert_eq!(data(&res)["__typename"], "QueryRoot");
}

/// `length` fragments, each spreading the next.
fn fragment_chain(length: usize) -> String {
    let mut query = String::from("{...F0}");
    for i in 0..length {
        query.push_str(&format!("fragment F{i} on QueryRoot{{...F{}}}", i + 1));
    }
    query.push_str(&format!("fragment F{length} on QueryRoot{{__typename}}"));
    query
}

/// Found while writing the fuzz target of the request body: each spread of the chain was one more level of
/// recursion, and 25 000 of them (under 1 MiB) overflowed the worker's stack,
/// aborting the server for everyone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_chain_of_fragments_is_refused_and_the_server_keeps_answering() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let chain = fragment_chain(25_000);
    assert!(chain.len() < 1024 * 1024, "{} bytes: over the body limit", chain.len());
    let res = app.graphql(None, &chain, json!({})).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    assert!(res["errors"][0]["message"].as_str().unwrap().contains("annidata"), "{res}");
    // On a new connection: the server may close the one the refused request came on,
    // and a pooled connection reused at that moment is reset (a client-side race).
    let health = reqwest::Client::new().get(format!("{}/healthz", app.address)).send().await.unwrap();
    assert_eq!(health.status(), 200);
    // A short chain is an ordinary query.
    let res = app.graphql(None, &fragment_chain(20), json!({})).await;
    assert_eq!(data(&res)["__typename"], "QueryRoot");
}

const LOGIN: &str = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }";

fn refused_field(res: &Value) -> Option<&str> {
    assert_eq!(error_code(res), Some("BAD_USER_INPUT"), "{res}");
    res["errors"][0]["extensions"]["field"].as_str()
}

both_backends!(a_nul_byte_is_bad_input_not_an_internal_error, |app: TestApp| async move {
    let res = app.graphql(None, LOGIN, json!({ "u": "admin\u{0}", "p": "demo" })).await;
    assert_eq!(refused_field(&res), Some("username"));
    // Inline literals are checked like variables.
    let res =
        app.graphql(None, r#"mutation { login(username: "admin\u0000", password: "x") { token } }"#, json!({})).await;
    assert_eq!(refused_field(&res), Some("username"));
    let admin = app.login("admin").await;
    let res = app
        .graphql(Some(&admin), "query($c: String!) { orgUnit(code: $c) { code } }", json!({ "c": "UT-CA1\u{0}" }))
        .await;
    assert_eq!(refused_field(&res), Some("code"));
    let res = app
        .graphql(Some(&admin), "query($u: String!) { person(username: $u) { username } }", json!({ "u": "\u{0}" }))
        .await;
    assert_eq!(refused_field(&res), Some("username"));
    // Inside an input object, in free text.
    let ccm = app.login("ccm.op").await;
    let contact = json!({ "i": { "channel": "PHONE", "section": "PENSIONI", "topic": "Pensione", "outcome": "ANSWERED", "note": "nota\u{0}" } });
    let res =
        app.graphql(Some(&ccm), "mutation($i: RecordContactInput!) { recordContact(input: $i) { id } }", contact).await;
    assert_eq!(refused_field(&res), Some("note"));
});

both_backends!(over_long_strings_are_refused_before_the_database, |app: TestApp| async move {
    let long = "a".repeat(100_000);
    let res = app.graphql(None, LOGIN, json!({ "u": long, "p": "demo" })).await;
    assert_eq!(refused_field(&res), Some("username"));
    assert!(res["errors"][0]["message"].as_str().unwrap().contains("al massimo 64"), "{res}");
    let res = app.graphql(None, LOGIN, json!({ "u": "admin", "p": "x".repeat(100_000) })).await;
    assert_eq!(refused_field(&res), Some("password"));

    let admin = app.login("admin").await;
    let unit = json!({ "input": {
        "code": "UT-CA9", "name": "UT Cagliari 9", "kind": "TERRITORIAL_OFFICE",
        "parentCode": "DP-CA", "segment": "S".repeat(100_000), "size": "LARGE", "virtualCounter": false
    }});
    let res = app
        .graphql(Some(&admin), "mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { code } }", unit)
        .await;
    assert_eq!(refused_field(&res), Some("segment"));
    let res = app.graphql(Some(&admin), r#"{ orgUnit(code: "UT-CA9") { code } }"#, json!({})).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"), "nothing was written: {res}");
    let hours = format!(
        r#"mutation {{ updateOrgUnit(code: "UT-CA1", input: {{ openingHours: "{}" }}) {{ code }} }}"#,
        "9".repeat(300)
    );
    let res = app.graphql(Some(&admin), &hours, json!({})).await;
    assert_eq!(refused_field(&res), Some("openingHours"));
});

both_backends!(control_characters_are_refused_and_line_breaks_only_in_free_text, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let book = "mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id precall { note } } }";
    let input = |name: &str| {
        json!({ "i": {
            "officeCode": "UT-CA1", "date": crate::appointments::open_day(7), "time": "10:30:00", "serviceCode": "SUCC",
            "fiscalCode": "RSSMRA80A01H501U", "citizenName": name,
        }})
    };
    let res = app.graphql(Some(&ccm), book, input("Rossi\u{7} Mario")).await;
    assert_eq!(refused_field(&res), Some("citizenName"));
    let res = app.graphql(Some(&ccm), book, input("Rossi\nMario")).await;
    assert_eq!(refused_field(&res), Some("citizenName"));
    let res = app.graphql(Some(&ccm), book, input("Rossi Mario")).await;
    data(&res);

    // A note keeps its lines; an escape sequence is refused.
    let contact = |note: &str| json!({ "i": { "channel": "PHONE", "section": "PENSIONI", "topic": "Pensione", "outcome": "ANSWERED", "note": note } });
    let record = "mutation($i: RecordContactInput!) { recordContact(input: $i) { id } }";
    let res = app.graphql(Some(&ccm), record, contact("prima riga\nseconda riga")).await;
    data(&res);
    let res = app.graphql(Some(&ccm), record, contact("rosso \u{1b}[31m")).await;
    assert_eq!(refused_field(&res), Some("note"));

    // A mailbox cannot smuggle a header.
    let admin = app.login("admin").await;
    let inject = json!({ "m": "a@b.it\r\nBcc: evil@x.it" });
    let res = app
        .graphql(
            Some(&admin),
            r#"mutation($m: String) { updateOrgUnit(code: "UT-CA1", input: { virtualCounterMailbox: $m }) { code } }"#,
            inject,
        )
        .await;
    assert_eq!(refused_field(&res), Some("virtualCounterMailbox"));
});
