//! No N+1: a nested list query runs the same number of SQL statements for 10
//! rows as for 1,000, because nested fields load through DataLoaders.

use std::sync::atomic::Ordering;

use serde_json::json;

use crate::both_backends;
use crate::helpers::{TestApp, data, directorate_with_offices};
use crate::quesiti_support::{file, filing};

async fn statements_for(app: &TestApp, token: &str, code: &str) -> (u64, usize) {
    let query =
        "query($code: String!) { orgUnit(code: $code) { children { code parent { code children { code } } } } }";
    let before = app.state.statement_count.load(Ordering::SeqCst);
    let res = app.graphql(Some(token), query, json!({ "code": code })).await;
    let after = app.state.statement_count.load(Ordering::SeqCst);
    let rows = data(&res)["orgUnit"]["children"].as_array().unwrap().len();
    (after - before, rows)
}

both_backends!(nested_lists_cost_the_same_statements_for_10_and_1000_rows, |app: TestApp| async move {
    directorate_with_offices(&app, "SMALL", 10).await;
    directorate_with_offices(&app, "BIG", 1000).await;
    let token = app.login("dr.sardegna").await;
    let (small, small_rows) = statements_for(&app, &token, "SMALL").await;
    let (big, big_rows) = statements_for(&app, &token, "BIG").await;
    assert_eq!((small_rows, big_rows), (10, 1000));
    assert_eq!(small, big, "statement count grows with rows: {small} for 10, {big} for 1000");
});

/// The bench's nested CRIC list (issue 15): on PostgreSQL one statement that
/// brings the page with its nested levels (classification with whether it is
/// national, the CRIC, the events); on SQLite the page, then one statement per
/// level. Plus the session of the caller when sessions live in the database.
const NESTED_CRIC_LIST: &str = "query($first: Int) { quesiti(first: $first) { nodes { id status section priority \
    subject dueAt filedAt classification { label national } cric { code name } events { to at } } } }";

async fn nested_list_statements(app: &TestApp, token: &str, first: usize) -> (u64, usize) {
    let before = app.state.statement_count.load(Ordering::SeqCst);
    let res = app.graphql(Some(token), NESTED_CRIC_LIST, json!({ "first": first })).await;
    let after = app.state.statement_count.load(Ordering::SeqCst);
    let nodes = data(&res)["quesiti"]["nodes"].as_array().unwrap().clone();
    assert!(nodes.iter().all(|n| n["cric"]["code"] == "CRIC-SAR" && !n["events"].as_array().unwrap().is_empty()));
    assert!(nodes.iter().all(|n| n["classification"]["label"].is_string()));
    (after - before, nodes.len())
}

both_backends!(the_nested_cric_list_costs_the_same_statements_for_3_and_40_rows, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let input = filing(&app, &ccm, "DR-SAR", "Carico").await;
    for i in 0..40 {
        let mut one = input.clone();
        one["subject"] = json!(format!("Carico di lavoro {i}"));
        data(&file(&app, &ccm, one).await);
    }
    let expert = app.login("cric.sardegna").await;
    // The first request of a token also reads the caller into the cache.
    nested_list_statements(&app, &expert, 1).await;
    let (small, small_rows) = nested_list_statements(&app, &expert, 3).await;
    let (big, big_rows) = nested_list_statements(&app, &expert, 40).await;
    assert_eq!((small_rows, big_rows), (3, 40));
    let session = if app.state.kv.is_redis() { 0 } else { 1 };
    assert_eq!(small, big, "statement count grows with rows: {small} for 3, {big} for 40");
    if app.state.db.get_database_backend() == sea_orm::DbBackend::Postgres {
        assert_eq!(big, session + 1, "the page brings its classifications, CRIC and events");
    } else {
        assert_eq!(big, session + 4, "page, classifications, CRIC, events");
    }
});

/// The ids of a page of `token`'s quesiti in `order`, with `fields` of each.
async fn page_ids(app: &TestApp, token: &str, order: &str, fields: &str) -> Vec<String> {
    let query = format!("{{ quesiti(first: 30, orderBy: {order}) {{ nodes {{ id {fields} }} }} }}");
    let res = app.graphql(Some(token), &query, json!({})).await;
    data(&res)["quesiti"]["nodes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap().to_owned()).collect()
}

// A page that brings its nested levels (one statement on PostgreSQL) comes in
// the order the flat page does, whichever the order.
both_backends!(a_nested_page_comes_in_the_order_of_the_flat_one, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let input = filing(&app, &ccm, "DR-SAR", "Ordine").await;
    for (i, priority) in ["LOW", "HIGH", "NORMAL"].iter().cycle().take(12).enumerate() {
        let mut one = input.clone();
        (one["subject"], one["priority"]) = (json!(format!("Ordine {i}")), json!(priority));
        data(&file(&app, &ccm, one).await);
    }
    let expert = app.login("cric.sardegna").await;
    for order in ["NEWEST_FIRST", "DUE_FIRST"] {
        let flat = page_ids(&app, &expert, order, "subject").await;
        let nested = page_ids(&app, &expert, order, "classification { label } cric { code } events { to }").await;
        assert!(flat.len() >= 12, "{order}: {} rows", flat.len());
        assert_eq!(nested, flat, "{order}");
    }
});

/// The directors' callbacks queue: the page, its units, assignees, calendars
/// and attempts (with who made them) load in one batch each, whatever the page size.
const CALLBACK_QUEUE: &str = "query($first: Int) { callbacks(unitCode: \"DP-CA\", first: $first) { totalCount nodes { id \
    topic unit { name } assignee { displayName } nextWindowOpensAt attemptHistory { outcome by { displayName } } } } }";

async fn callback_queue_statements(app: &TestApp, token: &str, first: usize) -> (u64, usize) {
    let before = app.state.statement_count.load(Ordering::SeqCst);
    let res = app.graphql(Some(token), CALLBACK_QUEUE, json!({ "first": first })).await;
    let after = app.state.statement_count.load(Ordering::SeqCst);
    (after - before, data(&res)["callbacks"]["nodes"].as_array().unwrap().len())
}

fn callback_hours(s: &mut api::config::Settings) {
    s.fixed_now = Some(chrono::DateTime::parse_from_rfc3339("2026-11-26T10:00:00+01:00").unwrap().to_utc());
}

both_backends!(the_callbacks_queue_costs_the_same_statements_for_3_and_30_rows, configure: callback_hours, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let request = "mutation($i: RequestCallbackInput!) { requestCallback(input: $i) { id } }";
    let mut ids = Vec::new();
    for i in 0..30 {
        let input = json!({ "unitCode": "DP-CA", "phone": "070112233", "topic": format!("Richiesta {i}"),
            "requestedAt": "2026-11-26T09:00:00+01:00" });
        ids.push(data(&app.graphql(Some(&ccm), request, json!({ "i": input })).await)["requestCallback"]["id"].clone());
    }
    let dp = app.login("dp.cagliari").await;
    let op = app.login("op.cagliari1").await;
    for (i, id) in ids.iter().enumerate() {
        let who = if i % 2 == 0 { "op.cagliari1" } else { "op2.cagliari1" };
        let assign = "mutation($id: ID!, $u: String!) { assignCallback(id: $id, username: $u) { id } }";
        data(&app.graphql(Some(&dp), assign, json!({ "id": id, "u": who })).await);
        if i % 2 == 0 {
            let attempt = "mutation($id: ID!) { recordCallbackAttempt(id: $id, outcome: NO_ANSWER) { id } }";
            data(&app.graphql(Some(&op), attempt, json!({ "id": id })).await);
        }
    }
    callback_queue_statements(&app, &dp, 1).await;
    let (small, small_rows) = callback_queue_statements(&app, &dp, 3).await;
    let (big, big_rows) = callback_queue_statements(&app, &dp, 30).await;
    assert_eq!((small_rows, big_rows), (3, 30));
    assert_eq!(small, big, "statement count grows with rows: {small} for 3, {big} for 30");
});
