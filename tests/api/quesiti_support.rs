//! Shared steps of the quesiti, contacts and FAQ tests.

use serde_json::{Value, json};

use crate::helpers::{TestApp, data};

pub const QUESITO_FIELDS: &str = "id status section priority subject question citizenFiscalCode citizenPhone \
    citizenEmail dueAt overdue answer forwardReason cancelReason faqEntryId contactId version \
    classification { code } cric { code } forwardedTo { code } \
    events { from to at actor actingRole note }";

pub const VALID_FISCAL_CODE: &str = "PRCLNE75C45B354W";

/// The id of a classification usable for `region` / `section`.
pub async fn classification_id(app: &TestApp, token: &str, region: &str, section: &str, code: &str) -> String {
    let res = app
        .graphql(
            Some(token),
            "query($r: String!, $s: Section) { quesitoClassifications(regionCode: $r, section: $s, first: 100) { nodes { id code } } }",
            json!({ "r": region, "s": section }),
        )
        .await;
    data(&res)["quesitoClassifications"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == code)
        .unwrap_or_else(|| panic!("no classification {code} in {res}"))["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A complete, valid filing input for `region` / PENSIONI, to adjust per test.
pub async fn filing(app: &TestApp, token: &str, region: &str, subject: &str) -> Value {
    let classification = classification_id(app, token, region, "PENSIONI", "DECORRENZA").await;
    json!({
        "regionCode": region,
        "section": "PENSIONI",
        "classification": classification,
        "subject": subject,
        "question": "Il cittadino chiede da quando decorre la sua pensione di vecchiaia.",
        "citizenFiscalCode": VALID_FISCAL_CODE,
        "citizenPhone": "+39 070 123 4567",
        "citizenEmail": "cittadino@example.it",
        "priority": "NORMAL",
    })
}

pub async fn file(app: &TestApp, token: &str, input: Value) -> Value {
    app.graphql(
        Some(token),
        &format!("mutation($i: FileQuesitoInput!) {{ fileQuesito(input: $i) {{ {QUESITO_FIELDS} }} }}"),
        json!({ "i": input }),
    )
    .await
}

/// Files a quesito as `ccm.op` and returns it.
pub async fn file_ok(app: &TestApp, region: &str, subject: &str) -> Value {
    let token = app.login("ccm.op").await;
    let input = filing(app, &token, region, subject).await;
    let res = file(app, &token, input).await;
    data(&res)["fileQuesito"].clone()
}

pub async fn get(app: &TestApp, token: &str, id: &str) -> Value {
    app.graphql(
        Some(token),
        &format!("query($id: ID!) {{ quesito(id: $id) {{ {QUESITO_FIELDS} }} }}"),
        json!({ "id": id }),
    )
    .await
}

pub async fn take(app: &TestApp, token: &str, id: &str) -> Value {
    app.graphql(
        Some(token),
        &format!("mutation($id: ID!) {{ takeQuesito(id: $id) {{ {QUESITO_FIELDS} }} }}"),
        json!({ "id": id }),
    )
    .await
}

pub async fn answer(app: &TestApp, token: &str, id: &str, text: &str, publish: bool) -> Value {
    app.graphql(
        Some(token),
        &format!(
            "mutation($id: ID!, $a: String!, $p: Boolean!) {{ answerQuesito(id: $id, answer: $a, publishAsFaq: $p) {{ {QUESITO_FIELDS} }} }}"
        ),
        json!({ "id": id, "a": text, "p": publish }),
    )
    .await
}

pub async fn forward(app: &TestApp, token: &str, id: &str, reason: &str) -> Value {
    app.graphql(
        Some(token),
        &format!("mutation($id: ID!, $r: String!) {{ forwardQuesito(id: $id, reason: $r) {{ {QUESITO_FIELDS} }} }}"),
        json!({ "id": id, "r": reason }),
    )
    .await
}

pub async fn cancel(app: &TestApp, token: &str, id: &str, reason: &str) -> Value {
    app.graphql(
        Some(token),
        &format!("mutation($id: ID!, $r: String!) {{ cancelQuesito(id: $id, reason: $r) {{ {QUESITO_FIELDS} }} }}"),
        json!({ "id": id, "r": reason }),
    )
    .await
}

/// Ids of the quesiti `token` sees with `filter` (first 100).
pub async fn list_ids(app: &TestApp, token: &str, filter: Value) -> Vec<String> {
    let res = app
        .graphql(
            Some(token),
            "query($f: QuesitoFilter) { quesiti(filter: $f, first: 100) { nodes { id } } }",
            json!({ "f": filter }),
        )
        .await;
    data(&res)["quesiti"]["nodes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap().to_owned()).collect()
}

pub async fn count(app: &TestApp, token: &str, filter: Value) -> u64 {
    let res =
        app.graphql(Some(token), "query($f: QuesitoFilter) { quesitoCount(filter: $f) }", json!({ "f": filter })).await;
    data(&res)["quesitoCount"].as_u64().unwrap()
}

pub fn field(res: &Value) -> Option<&str> {
    res["errors"][0]["extensions"]["field"].as_str()
}
