//! No N+1: a nested list query runs the same number of SQL statements for 10
//! rows as for 1,000, because nested fields load through DataLoaders.

use std::sync::atomic::Ordering;

use serde_json::json;

use crate::both_backends;
use crate::helpers::{TestApp, data, directorate_with_offices};

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
