//! Lists sorted by the column people pick, page after page, with their totals
//! (`orderBy`, `totalCount`: api/src/kernel/sorting.rs).

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::procure::{CLIENT, COLLAB_A, COLLAB_B, COLLAB_UNLISTED, COMPANY, declared, input, registered_professional};

const PROCURE: &str = r#"query($order: ProcuraOrder, $filter: ProcuraFilter, $first: Int, $after: String) {
  procure(orderBy: $order, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { clientFiscalCode validTo }
  }
}"#;

/// Every page of a list, following the cursors; the total each page reported.
pub(crate) async fn all_pages(
    app: &TestApp,
    token: &str,
    query: &str,
    field: &str,
    vars: Value,
) -> (Vec<Value>, Vec<u64>) {
    let (mut nodes, mut totals, mut after) = (vec![], vec![], Value::Null);
    loop {
        let mut v = vars.clone();
        v["first"] = json!(2);
        v["after"] = after.clone();
        let res = app.graphql(Some(token), query, v).await;
        let page = &data(&res)[field];
        nodes.extend(page["nodes"].as_array().unwrap().iter().cloned());
        totals.push(page["totalCount"].as_u64().unwrap());
        if page["pageInfo"]["hasNextPage"] != true {
            return (nodes, totals);
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
}

fn clients(nodes: &[Value]) -> Vec<&str> {
    nodes.iter().map(|n| n["clientFiscalCode"].as_str().unwrap()).collect()
}

both_backends!(procure_sort_by_the_picked_column_across_pages_with_their_total, |app: TestApp| async move {
    let token = registered_professional(&app, "prof.ordini", "NRELNN80A41B354G", "A10").await;
    // Declared in this order, valid until ever later days except the company's.
    for (i, client) in [CLIENT, COLLAB_B, COMPANY, COLLAB_UNLISTED, COLLAB_A].iter().enumerate() {
        let to = if *client == COMPANY { 400 } else { 30 + i as i64 };
        declared(&app, &token, input(client, &["STATUS_INFORMATION"], 0, to, false)).await;
    }

    let by_client = json!({ "order": { "field": "CLIENT_FISCAL_CODE" } });
    let (nodes, totals) = all_pages(&app, &token, PROCURE, "procure", by_client).await;
    assert_eq!(clients(&nodes), [COMPANY, COLLAB_UNLISTED, COLLAB_A, CLIENT, COLLAB_B]);
    assert_eq!(totals, [5, 5, 5], "every page reports the whole list's total");

    let by_validity_desc = json!({ "order": { "field": "VALID_TO", "direction": "DESC" } });
    let (nodes, _) = all_pages(&app, &token, PROCURE, "procure", by_validity_desc).await;
    assert_eq!(clients(&nodes), [COMPANY, COLLAB_A, COLLAB_UNLISTED, COLLAB_B, CLIENT]);

    // The default: newest declaration first.
    let (nodes, _) = all_pages(&app, &token, PROCURE, "procure", json!({})).await;
    assert_eq!(clients(&nodes), [COLLAB_A, COLLAB_UNLISTED, COMPANY, COLLAB_B, CLIENT]);

    // The total follows the filter.
    let res = app.graphql(Some(&token), PROCURE, json!({ "filter": { "clientFiscalCode": COMPANY } })).await;
    assert_eq!(data(&res)["procure"]["totalCount"], 1);
});

both_backends!(a_cursor_of_another_order_is_bad_input_not_a_wrong_page, |app: TestApp| async move {
    let token = registered_professional(&app, "prof.cursori", "VRDPLA75B12B354Z", "A10").await;
    for client in [CLIENT, COMPANY, COLLAB_A] {
        declared(&app, &token, input(client, &["STATUS_INFORMATION"], 0, 30, false)).await;
    }
    let res = app.graphql(Some(&token), PROCURE, json!({ "first": 1, "order": { "field": "VALID_TO" } })).await;
    let cursor = data(&res)["procure"]["pageInfo"]["endCursor"].clone();
    let res = app
        .graphql(
            Some(&token),
            PROCURE,
            json!({ "first": 1, "after": cursor, "order": { "field": "CLIENT_FISCAL_CODE" } }),
        )
        .await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
});

const PEOPLE: &str = r#"query($order: PersonOrder, $first: Int, $after: String) {
  people(orderBy: $order, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { username displayName }
  }
}"#;

fn usernames(nodes: &[Value]) -> Vec<&str> {
    nodes.iter().map(|n| n["username"].as_str().unwrap()).collect()
}

both_backends!(people_sorted_by_name_count_only_the_callers_region, |app: TestApp| async move {
    let order = json!({ "order": { "field": "DISPLAY_NAME", "direction": "DESC" } });
    let admin = app.login("admin").await;
    let (everyone, admin_totals) = all_pages(&app, &admin, PEOPLE, "people", order.clone()).await;
    let names: Vec<&str> = everyone.iter().map(|n| n["displayName"].as_str().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(names, sorted, "pages follow one another in the picked order");
    assert!(admin_totals.iter().all(|t| *t == everyone.len() as u64), "{admin_totals:?} for {}", everyone.len());

    let director = app.login("dr.sardegna").await;
    let (sardegna, totals) = all_pages(&app, &director, PEOPLE, "people", order).await;
    let sardegna = usernames(&sardegna);
    assert!(sardegna.contains(&"op.cagliari1"), "{sardegna:?}");
    for lazio in ["op.roma1", "dr.lazio", "cric.lazio"] {
        assert!(!sardegna.contains(&lazio), "{lazio} listed for Sardegna's director");
    }
    assert!(totals.iter().all(|t| *t == sardegna.len() as u64), "the total counts Sardegna only: {totals:?}");
    assert!(sardegna.len() < everyone.len());
});

const BOOKINGS: &str = r#"query($order: AppointmentOrder, $first: Int, $after: String) {
  appointments(orderBy: $order, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { cupNumber citizenName startsAt office { code } }
  }
}"#;

both_backends!(bookings_sorted_by_citizen_stay_in_the_directors_office, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let order = json!({ "order": { "field": "CITIZEN_NAME" } });
    let (nodes, totals) = all_pages(&app, &director, BOOKINGS, "appointments", order).await;
    assert!(nodes.len() > 2, "the demo office has bookings: {nodes:?}");
    let names: Vec<&str> = nodes.iter().map(|n| n["citizenName"].as_str().unwrap()).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    assert!(nodes.iter().all(|n| n["office"]["code"] == "UT-CA1"), "only the director's office");
    assert!(totals.iter().all(|t| *t == nodes.len() as u64), "{totals:?}");

    // The default order is by time, as the office day reads it.
    let (nodes, _) = all_pages(&app, &director, BOOKINGS, "appointments", json!({})).await;
    let times: Vec<&str> = nodes.iter().map(|n| n["startsAt"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
});
