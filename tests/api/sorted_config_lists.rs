//! The organisation, the FAQ and the quesito classifications sorted by a picked
//! column across pages, with a `totalCount` equal to a raw count of the rows
//! the caller may read (issue 16). A Lazio caller never sees a Sardegna unit or
//! classification, in the list or in its total.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use entities::{faq_entry, org_unit};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::sorting::all_pages;

fn texts<'a>(nodes: &'a [Value], field: &str) -> Vec<&'a str> {
    nodes.iter().map(|n| n[field].as_str().unwrap_or_else(|| panic!("{field} in {n}"))).collect()
}

fn ascending(values: &[&str]) -> bool {
    values.windows(2).all(|w| w[0] <= w[1])
}

fn descending(values: &[&str]) -> bool {
    values.windows(2).all(|w| w[0] >= w[1])
}

fn same_total(totals: &[u64], expected: usize) {
    assert!(totals.iter().all(|t| *t == expected as u64), "every page's total is {expected}: {totals:?}");
}

const UNITS: &str = r#"query($order: OrgUnitOrder, $kind: UnitKind, $first: Int, $after: String) {
  orgUnits(orderBy: $order, kind: $kind, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { code name path }
  }
}"#;

both_backends!(units_sort_by_name_and_code_and_count_only_the_callers_region, |app: TestApp| async move {
    let lazio = app.login("dr.lazio").await;
    let region = org_unit::Entity::find().filter(org_unit::Column::Code.eq("DR-LAZ")).one(&app.state.db);
    let region = region.await.unwrap().unwrap();
    let raw = org_unit::Entity::find().filter(org_unit::Column::Path.starts_with(&region.path)).all(&app.state.db);
    let expected = raw.await.unwrap().len();
    assert!(expected > 2, "the demo region has several units");

    // The default stays tree order.
    let (nodes, totals) = all_pages(&app, &lazio, UNITS, "orgUnits", json!({})).await;
    assert!(ascending(&texts(&nodes, "path")));
    assert_eq!(nodes.len(), expected);
    same_total(&totals, expected);
    assert!(texts(&nodes, "path").iter().all(|p| p.starts_with(&region.path)), "only Lazio");

    let by_name = json!({ "order": { "field": "NAME" } });
    let (nodes, totals) = all_pages(&app, &lazio, UNITS, "orgUnits", by_name).await;
    assert!(ascending(&texts(&nodes, "name")), "{:?}", texts(&nodes, "name"));
    assert_eq!(nodes.len(), expected);
    same_total(&totals, expected);

    let by_code_desc = json!({ "order": { "field": "CODE", "direction": "DESC" } });
    let (nodes, _) = all_pages(&app, &lazio, UNITS, "orgUnits", by_code_desc).await;
    assert!(descending(&texts(&nodes, "code")), "{:?}", texts(&nodes, "code"));

    // The total follows the filter: offices only.
    let offices = json!({ "kind": "TERRITORIAL_OFFICE", "order": { "field": "NAME" } });
    let (nodes, totals) = all_pages(&app, &lazio, UNITS, "orgUnits", offices).await;
    assert!(!nodes.is_empty());
    same_total(&totals, nodes.len());

    // A cursor of another order is refused, not a wrong page.
    let first = app.graphql(Some(&lazio), UNITS, json!({ "first": 1, "order": { "field": "NAME" } })).await;
    let cursor = data(&first)["orgUnits"]["pageInfo"]["endCursor"].clone();
    let mixed = app.graphql(Some(&lazio), UNITS, json!({ "first": 1, "after": cursor })).await;
    assert_eq!(error_code(&mixed), Some("BAD_USER_INPUT"));
});

const FAQ: &str = r#"query($order: FaqEntryOrder, $q: String, $first: Int, $after: String) {
  faqEntries(orderBy: $order, search: $q, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id question }
  }
}"#;

const PUBLISH: &str = "mutation($i: PublishFaqInput!) { publishFaq(input: $i) { id } }";

both_backends!(faq_entries_sort_by_question_with_or_without_a_search_and_count_them, |app: TestApp| async move {
    let expert = app.login("cric.sardegna").await;
    for question in ["Zeta: bonus nido", "Alfa: bonus nido", "Mu: assegno unico", "Beta: bonus nido"] {
        let input = json!({ "i": { "section": "SOSTEGNO_REDDITO", "question": question, "answer": "Risposta sul bonus nido." } });
        data(&app.graphql(Some(&expert), PUBLISH, input).await);
    }
    let ccm = app.login("ccm.op").await;
    let published = faq_entry::Entity::find().filter(faq_entry::Column::Status.eq("PUBLISHED")).all(&app.state.db);
    let expected = published.await.unwrap().len();

    let by_question = json!({ "order": { "field": "QUESTION" } });
    let (nodes, totals) = all_pages(&app, &ccm, FAQ, "faqEntries", by_question).await;
    assert!(ascending(&texts(&nodes, "question")), "{:?}", texts(&nodes, "question"));
    assert_eq!(nodes.len(), expected);
    same_total(&totals, expected);

    // A search sorted by a column: only the matches, in that order, counted.
    let matches = json!({ "q": "bonus nido", "order": { "field": "QUESTION", "direction": "DESC" } });
    let (nodes, totals) = all_pages(&app, &ccm, FAQ, "faqEntries", matches).await;
    let ours: Vec<&str> = texts(&nodes, "question").into_iter().filter(|q| q.contains(": bonus nido")).collect();
    assert_eq!(ours, ["Zeta: bonus nido", "Beta: bonus nido", "Alfa: bonus nido"]);
    same_total(&totals, nodes.len());

    // Best match first (no order) still counts the matches.
    let (ranked, totals) = all_pages(&app, &ccm, FAQ, "faqEntries", json!({ "q": "bonus nido" })).await;
    assert_eq!(ranked.len(), nodes.len());
    same_total(&totals, nodes.len());
    let (none, totals) = all_pages(&app, &ccm, FAQ, "faqEntries", json!({ "q": "di la" })).await;
    assert!(none.is_empty());
    assert_eq!(totals, [0], "stop words alone match nothing");
});

const CLASSES: &str = r#"query($region: String!, $order: QuesitoClassificationOrder, $first: Int, $after: String) {
  quesitoClassifications(regionCode: $region, orderBy: $order, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { code label national }
  }
}"#;

const CREATE: &str = "mutation($i: NewClassificationInput!) { createQuesitoClassification(input: $i) { id } }";

both_backends!(classifications_sort_by_code_and_label_and_count_the_regions_own, |app: TestApp| async move {
    let sardegna = app.login("dr.sardegna").await;
    for (code, label) in [("ZOOTECNIA", "Allevatori"), ("AGRICOLI", "Contributi agricoli")] {
        let input =
            json!({ "i": { "unitCode": "DR-SAR", "section": "SOGGETTO_CONTRIBUENTE", "code": code, "label": label } });
        data(&app.graphql(Some(&sardegna), CREATE, input).await);
    }
    let region = json!({ "region": "DR-SAR", "order": { "field": "CODE" } });
    let (nodes, totals) = all_pages(&app, &sardegna, CLASSES, "quesitoClassifications", region).await;
    let codes = texts(&nodes, "code");
    assert!(ascending(&codes), "{codes:?}");
    assert!(codes.contains(&"ZOOTECNIA") && codes.contains(&"AGRICOLI"));
    same_total(&totals, nodes.len());

    let by_label_desc = json!({ "region": "DR-SAR", "order": { "field": "LABEL", "direction": "DESC" } });
    let (by_label, _) = all_pages(&app, &sardegna, CLASSES, "quesitoClassifications", by_label_desc).await;
    assert!(descending(&texts(&by_label, "label")));
    assert_eq!(by_label.len(), nodes.len());

    // Lazio's list holds the national ones only, and its total says so.
    let lazio = app.login("dr.lazio").await;
    let (theirs, totals) =
        all_pages(&app, &lazio, CLASSES, "quesitoClassifications", json!({ "region": "DR-LAZ" })).await;
    let theirs_codes = texts(&theirs, "code");
    assert!(!theirs_codes.contains(&"ZOOTECNIA") && !theirs_codes.contains(&"AGRICOLI"), "{theirs_codes:?}");
    let national = nodes.iter().filter(|n| n["national"] == true).count();
    assert_eq!(theirs.iter().filter(|n| n["national"] == true).count(), national, "the national ones are everyone's");
    same_total(&totals, theirs.len());
});
