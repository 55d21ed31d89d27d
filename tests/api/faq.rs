//! FAQ: publishing (also from an answered quesito), editing, retiring, and
//! Italian full-text search on both databases.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::quesiti_support::*;

const SEARCH: &str = "query($q: String, $s: Section, $r: Boolean, $first: Int, $after: String) { \
    faqEntries(search: $q, section: $s, includeRetired: $r, first: $first, after: $after) { \
      edges { cursor node { id question answer tags status sourceQuesitoId version } } \
      pageInfo { hasNextPage endCursor } } }";

async fn search(app: &TestApp, token: &str, q: &str) -> Vec<Value> {
    let res = app.graphql(Some(token), SEARCH, json!({ "q": q, "first": 50 })).await;
    data(&res)["faqEntries"]["edges"].as_array().unwrap().iter().map(|e| e["node"].clone()).collect()
}

const PUBLISH: &str =
    "mutation($i: PublishFaqInput!) { publishFaq(input: $i) { id question tags status version sourceQuesitoId } }";

both_backends!(an_answer_published_as_faq_is_found_by_another_word_form, |app: TestApp| async move {
    let q = file_ok(&app, "DR-SAR", "Pensioni ai superstiti").await;
    let id = q["id"].as_str().unwrap();
    let expert = app.login("cric.sardegna").await;
    take(&app, &expert, id).await;
    let text = "Le pensioni ai superstiti spettano al coniuge e ai figli minori del lavoratore deceduto.";
    let res = answer(&app, &expert, id, text, true).await;
    let faq_id = data(&res)["answerQuesito"]["faqEntryId"].as_str().expect("a FAQ entry id").to_owned();

    // The CCM searches with the singular and other forms: the entry is found.
    let ccm = app.login("ccm.op").await;
    for query in ["pensione superstite", "PENSIONE", "figlio minore", "deceduti"] {
        let found = search(&app, &ccm, query).await;
        let hit = found.iter().find(|n| n["id"] == faq_id.as_str());
        let hit = hit.unwrap_or_else(|| panic!("`{query}` does not find the entry: {found:?}"));
        assert_eq!(hit["sourceQuesitoId"], id);
        assert_eq!(hit["question"], "Pensioni ai superstiti");
    }
    // Another region's expert reads it too: the FAQ is national.
    let lazio = app.login("cric.lazio").await;
    assert!(search(&app, &lazio, "pensione superstite").await.iter().any(|n| n["id"] == faq_id.as_str()));
    // Words that are not there find nothing; stop words alone find nothing.
    assert!(search(&app, &ccm, "superstite cassaintegrazione").await.is_empty());
    assert!(search(&app, &ccm, "di la").await.is_empty());
    // Publishing the same quesito again is refused.
    let again = app
        .graphql(
            Some(&expert),
            PUBLISH,
            json!({ "i": { "section": "PENSIONI", "question": "Di nuovo?", "answer": "Sì", "sourceQuesitoId": id } }),
        )
        .await;
    assert_eq!(error_code(&again), Some("CONFLICT"));
});

both_backends!(search_ranks_the_best_match_first_and_pages, |app: TestApp| async move {
    let expert = app.login("cric.sardegna").await;
    let publish = |question: &str, answer: &str| json!({ "i": { "section": "SOSTEGNO_REDDITO", "question": question, "answer": answer, "tags": ["Indennità"] } });
    let weak = app
        .graphql(
            Some(&expert),
            PUBLISH,
            publish("Documenti per la domanda", "Per la disoccupazione servono documenti."),
        )
        .await;
    let strong = app
        .graphql(
            Some(&expert),
            PUBLISH,
            publish(
                "Disoccupazione agricola",
                "La disoccupazione agricola spetta agli operai agricoli: disoccupazione.",
            ),
        )
        .await;
    let strong_id = data(&strong)["publishFaq"]["id"].clone();
    assert_eq!(data(&strong)["publishFaq"]["tags"], json!(["indennità"]));
    let ccm = app.login("ccm.op").await;
    let found = search(&app, &ccm, "disoccupazione agricola").await;
    assert_eq!(found[0]["id"], strong_id, "{found:?}");
    assert!(!found.iter().any(|n| n["id"] == data(&weak)["publishFaq"]["id"]), "every word must match");

    let found = search(&app, &ccm, "disoccupazione").await;
    assert!(found.len() >= 2);
    // One per page, in the same order.
    let mut after: Option<String> = None;
    let mut paged = Vec::new();
    for _ in 0..found.len() {
        let res = app.graphql(Some(&ccm), SEARCH, json!({ "q": "disoccupazione", "first": 1, "after": after })).await;
        let conn = &data(&res)["faqEntries"];
        paged.push(conn["edges"][0]["node"]["id"].clone());
        after = conn["pageInfo"]["endCursor"].as_str().map(str::to_owned);
    }
    let all: Vec<Value> = found.iter().map(|n| n["id"].clone()).collect();
    assert_eq!(paged, all);
});

both_backends!(faq_entries_are_edited_with_versions_and_retired, |app: TestApp| async move {
    let expert = app.login("cric.sardegna").await;
    let res = app
        .graphql(
            Some(&expert),
            PUBLISH,
            json!({ "i": { "section": "SOGGETTO_CONTRIBUENTE", "question": "Come si riscatta la laurea?",
                "answer": "Il riscatto della laurea si chiede online.", "tags": ["riscatto", "Laurea", "riscatto"] } }),
        )
        .await;
    let entry = data(&res)["publishFaq"].clone();
    assert_eq!(entry["tags"], json!(["riscatto", "laurea"]));
    let id = entry["id"].as_str().unwrap();
    const UPDATE: &str = "mutation($id: ID!, $i: UpdateFaqInput!, $v: Int) { updateFaq(id: $id, input: $i, expectedVersion: $v) { answer version } }";
    let res = app
        .graphql(
            Some(&expert),
            UPDATE,
            json!({ "id": id, "i": { "answer": "Il riscatto agevolato della laurea si chiede online." }, "v": 1 }),
        )
        .await;
    assert_eq!(data(&res)["updateFaq"]["version"], 2);
    // An editor who started from version 1 does not overwrite version 2.
    let stale =
        app.graphql(Some(&expert), UPDATE, json!({ "id": id, "i": { "answer": "Vecchia bozza" }, "v": 1 })).await;
    assert_eq!(error_code(&stale), Some("CONFLICT"));
    // A blank tag is refused on update too, naming the field.
    let blank = app.graphql(Some(&expert), UPDATE, json!({ "id": id, "i": { "tags": ["laurea", " "] } })).await;
    assert_eq!(error_code(&blank), Some("BAD_USER_INPUT"), "{blank}");
    assert_eq!(field(&blank), Some("tags"));
    // The new text is what is searched.
    let ccm = app.login("ccm.op").await;
    assert!(search(&app, &ccm, "riscatti agevolati").await.iter().any(|n| n["id"] == id));

    // Only experts of the publishing CRIC change it.
    for (who, code) in [("cric.lazio", "FORBIDDEN"), ("ccm.op", "FORBIDDEN"), ("dr.sardegna", "FORBIDDEN")] {
        let token = app.login(who).await;
        let res = app.graphql(Some(&token), UPDATE, json!({ "id": id, "i": { "answer": "Altro" } })).await;
        assert_eq!(error_code(&res), Some(code), "{who}: {res}");
    }
    // Retired: out of the search, still readable with includeRetired.
    let res =
        app.graphql(Some(&expert), "mutation($id: ID!) { retireFaq(id: $id) { status } }", json!({ "id": id })).await;
    assert_eq!(data(&res)["retireFaq"]["status"], "RETIRED");
    assert!(!search(&app, &ccm, "riscatto laurea").await.iter().any(|n| n["id"] == id));
    let res = app.graphql(Some(&ccm), SEARCH, json!({ "q": "riscatto laurea", "r": true })).await;
    assert!(data(&res)["faqEntries"]["edges"].as_array().unwrap().iter().any(|e| e["node"]["id"] == id));
    let again =
        app.graphql(Some(&expert), "mutation($id: ID!) { retireFaq(id: $id) { status } }", json!({ "id": id })).await;
    assert_eq!(error_code(&again), Some("CONFLICT"));
});

both_backends!(only_cric_experts_publish_and_bad_input_is_refused, |app: TestApp| async move {
    let input = json!({ "i": { "section": "PENSIONI", "question": "Domanda valida?", "answer": "Risposta" } });
    for who in ["ccm.op", "dr.sardegna", "op.cagliari1"] {
        let token = app.login(who).await;
        assert_eq!(error_code(&app.graphql(Some(&token), PUBLISH, input.clone()).await), Some("FORBIDDEN"), "{who}");
    }
    // An expert narrowed to PENSIONI publishes only there.
    let narrowed = app.login("cric.sardegna.pensioni").await;
    data(&app.graphql(Some(&narrowed), PUBLISH, input.clone()).await);
    let other = json!({ "i": { "section": "SOSTEGNO_REDDITO", "question": "Domanda valida?", "answer": "Risposta" } });
    assert_eq!(error_code(&app.graphql(Some(&narrowed), PUBLISH, other).await), Some("FORBIDDEN"));

    let expert = app.login("cric.sardegna").await;
    for (i, field_name) in [
        (json!({ "section": "PENSIONI", "question": "?", "answer": "Risposta" }), "question"),
        (json!({ "section": "PENSIONI", "question": "Domanda valida?", "answer": "  " }), "answer"),
        (json!({ "section": "PENSIONI", "question": "Domanda valida?", "answer": "R", "tags": ["a,b"] }), "tags"),
        (
            json!({ "section": "PENSIONI", "question": "Domanda valida?", "answer": "R", "tags": ["pensione", ""] }),
            "tags",
        ),
        (json!({ "section": "PENSIONI", "question": "Domanda valida?", "answer": "R", "tags": ["   "] }), "tags"),
    ] {
        let res = app.graphql(Some(&expert), PUBLISH, json!({ "i": i })).await;
        assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
        assert_eq!(field(&res), Some(field_name), "{res}");
    }
    let long = "x".repeat(201);
    let res = app.graphql(Some(&expert), SEARCH, json!({ "q": long })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
});

both_backends!(the_demo_faq_is_searchable_in_italian, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let found = search(&app, &ccm, "domande NASpI").await;
    assert!(found.iter().any(|n| n["question"].as_str().unwrap().contains("NASpI")), "{found:?}");
    let res = app.graphql(Some(&ccm), SEARCH, json!({ "s": "PENSIONI", "first": 100 })).await;
    assert!(data(&res)["faqEntries"]["edges"].as_array().unwrap().len() >= 2);
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgresql_the_search_uses_the_gin_index() {
    use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};
    let Some(backend) = crate::helpers::Backend::postgres() else {
        crate::not_run::report(
            crate::this_test!("on_postgresql_the_search_uses_the_gin_index"),
            crate::not_run::NO_POSTGRES,
        );
        return;
    };
    let app = TestApp::spawn(backend).await;
    let txn = app.state.db.begin().await.unwrap();
    // With few rows the planner prefers a scan; forbid it to see whether the index fits at all.
    txn.execute_unprepared("SET LOCAL enable_seqscan = off").await.unwrap();
    let sql = format!(
        "EXPLAIN SELECT id FROM faq_entry WHERE {} @@ plainto_tsquery('italian', 'pensione')",
        api::faq::store::PG_DOCUMENT
    );
    let rows = txn.query_all_raw(Statement::from_string(DbBackend::Postgres, sql)).await.unwrap();
    let plan: Vec<String> = rows.iter().map(|r| r.try_get_by_index::<String>(0).unwrap()).collect();
    assert!(plan.iter().any(|l| l.contains("idx_faq_entry_fts")), "{plan:#?}");
}
