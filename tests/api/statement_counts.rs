//! No N+1: a nested list query runs the same number of SQL statements for 10
//! rows as for 1,000, because nested fields load through DataLoaders.

use std::sync::atomic::Ordering;

use chrono::Utc;
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::json;
use uuid::Uuid;

use entities::org_unit;

use crate::both_backends;
use crate::helpers::{TestApp, data};

/// Adds `n` offices under a new provincial directorate of DR Sardegna and returns its code.
async fn directorate_with_offices(app: &TestApp, code: &str, n: usize) {
    let db = &app.state.db;
    let dr = org_unit::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.code == "DR-SAR")
        .unwrap();
    let dp_id = Uuid::now_v7();
    let dp_path = format!("{}{code}/", dr.path);
    let unit = |id, code: String, kind: &str, parent, path| org_unit::ActiveModel {
        id: Set(id),
        code: Set(code.clone()),
        name: Set(code),
        kind: Set(kind.to_owned()),
        parent_id: Set(Some(parent)),
        path: Set(path),
        office_size: Set(None),
        virtual_counter: Set(false),
        virtual_counter_mailbox: Set(None),
        opening_hours: Set(None),
        created_at: Set(Utc::now()),
    };
    org_unit::Entity::insert(unit(dp_id, code.to_owned(), "PROVINCIAL_DIRECTORATE", dr.id, dp_path.clone()))
        .exec(db)
        .await
        .unwrap();
    let offices: Vec<_> = (0..n)
        .map(|i| {
            let segment = format!("U{i}");
            unit(Uuid::now_v7(), format!("{code}-{segment}"), "TERRITORIAL_OFFICE", dp_id, format!("{dp_path}{segment}/"))
        })
        .collect();
    for chunk in offices.chunks(200) {
        org_unit::Entity::insert_many(chunk.to_vec()).exec(db).await.unwrap();
    }
}

async fn statements_for(app: &TestApp, token: &str, code: &str) -> (u64, usize) {
    let query = "query($code: String!) { orgUnit(code: $code) { children { code parent { code children { code } } } } }";
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
