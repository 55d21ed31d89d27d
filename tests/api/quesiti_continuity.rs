//! Continuity with the expert (seed 003, issue 18 item 6): a quesito taken
//! stays with its expert until answered or released, and a new quesito of
//! the same citizen at the same CRIC within 30 days is proposed to the
//! expert who took the previous one.

use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::quesiti_support::{self as support, QUESITO_FIELDS};

/// Not in the demo data: this citizen has no earlier quesito.
const CITIZEN: &str = "RSSMRA80A01H501U";
const NOW: &str = "2026-11-09T10:00:00+01:00";

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(NOW).unwrap().with_timezone(&Utc)
}

fn fixed(s: &mut api::config::Settings) {
    s.fixed_now = Some(now());
}

/// Files a Pensioni quesito of `fiscal_code` to `region` as ccm.op.
async fn file_for(app: &TestApp, region: &str, fiscal_code: &str, subject: &str) -> Value {
    let token = app.login("ccm.op").await;
    let mut input = support::filing(app, &token, region, subject).await;
    input["citizenFiscalCode"] = json!(fiscal_code);
    let res = app
        .graphql(
            Some(&token),
            &format!(
                "mutation($i: FileQuesitoInput!) {{ fileQuesito(input: $i) {{ {QUESITO_FIELDS} proposedTo {{ username }} }} }}"
            ),
            json!({ "i": input }),
        )
        .await;
    data(&res)["fileQuesito"].clone()
}

async fn proposed_to_me(app: &TestApp, token: &str) -> Vec<String> {
    support::list_ids(app, token, json!({ "proposedToMe": true })).await
}

async fn release(app: &TestApp, token: &str, id: &str) -> Value {
    app.graphql(
        Some(token),
        "mutation($id: ID!) { releaseQuesito(id: $id) { status takenBy { username } } }",
        json!({ "id": id }),
    )
    .await
}

both_backends!(a_new_quesito_of_the_same_citizen_is_proposed_to_the_expert_who_took_the_previous_one, configure: fixed, |app: TestApp| async move {
    let first = file_for(&app, "DR-SAR", CITIZEN, "Primo quesito del cittadino").await;
    assert_eq!(first["proposedTo"], Value::Null, "no earlier quesito: {first}");
    let expert = app.login("cric.sardegna.pensioni").await;
    let first_id = first["id"].as_str().unwrap();
    data(&support::take(&app, &expert, first_id).await);

    // The same citizen again, at the same CRIC: proposed to the same expert,
    // still NEW (anyone may take it), and first in their "proposed to me" list.
    let second = file_for(&app, "DR-SAR", CITIZEN, "Secondo quesito dello stesso cittadino").await;
    assert_eq!(second["status"], "NEW", "{second}");
    let ccm_view = &second["proposedTo"];
    // The CCM does not see the CRIC's people: the name is for the CRIC.
    assert_eq!(*ccm_view, Value::Null, "{second}");
    let second_id = second["id"].as_str().unwrap().to_owned();
    assert!(second["events"][0]["note"].as_str().unwrap().contains("Proposto all'esperto"), "{second}");
    assert_eq!(proposed_to_me(&app, &expert).await, vec![second_id.clone()]);
    let res = app
        .graphql(
            Some(&expert),
            "query($id: ID!) { quesito(id: $id) { proposedToMe proposedTo { username } } }",
            json!({ "id": second_id }),
        )
        .await;
    assert_eq!(data(&res)["quesito"]["proposedToMe"], true, "{res}");
    assert_eq!(data(&res)["quesito"]["proposedTo"]["username"], "cric.sardegna.pensioni", "{res}");
    let colleague = app.login("cric.sardegna").await;
    assert!(proposed_to_me(&app, &colleague).await.is_empty());

    // Another citizen, or the same citizen at another CRIC: nobody.
    let other = file_for(&app, "DR-SAR", "PRCLNE75C45B354W", "Quesito di un altro cittadino").await;
    assert_eq!(other["proposedTo"], Value::Null);
    let lazio = file_for(&app, "DR-LAZ", CITIZEN, "Stesso cittadino, altra regione").await;
    let lazio_expert = app.login("cric.lazio").await;
    let res = app
        .graphql(Some(&lazio_expert), "query($id: ID!) { quesito(id: $id) { proposedTo { username } } }", json!({ "id": lazio["id"] }))
        .await;
    assert_eq!(data(&res)["quesito"]["proposedTo"], Value::Null, "{res}");
    assert!(proposed_to_me(&app, &lazio_expert).await.is_empty());

    // 31 days later the previous quesito is too old to propose anyone.
    let later = app.spawn_sibling_at(now() + Duration::days(31)).await;
    let late = file_for(&later, "DR-SAR", CITIZEN, "Terzo quesito, dopo un mese").await;
    let expert = later.login("cric.sardegna.pensioni").await;
    let ids = proposed_to_me(&later, &expert).await;
    assert!(!ids.contains(&late["id"].as_str().unwrap().to_owned()), "{ids:?}");
});

both_backends!(a_taken_quesito_stays_with_its_expert_until_released, |app: TestApp| async move {
    let q = support::file_ok(&app, "DR-SAR", "Quesito da tenere in carico").await;
    let id = q["id"].as_str().unwrap();
    let holder = app.login("cric.sardegna").await;
    let colleague = app.login("cric.sardegna.pensioni").await;
    data(&support::take(&app, &holder, id).await);

    // Nobody else takes or releases it.
    assert_eq!(error_code(&support::take(&app, &colleague, id).await), Some("CONFLICT"));
    let res = release(&app, &colleague, id).await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"), "{res}");
    let lazio = app.login("cric.lazio").await;
    assert_eq!(error_code(&release(&app, &lazio, id).await), Some("NOT_FOUND"));
    let mine = support::list_ids(&app, &holder, json!({ "takenByMe": true })).await;
    assert!(mine.contains(&id.to_owned()), "{mine:?}");

    // Released, it is NEW and held by nobody; then a colleague takes it.
    let res = release(&app, &holder, id).await;
    assert_eq!(data(&res)["releaseQuesito"]["status"], "NEW", "{res}");
    assert_eq!(data(&res)["releaseQuesito"]["takenBy"], Value::Null, "{res}");
    assert_eq!(error_code(&release(&app, &holder, id).await), Some("CONFLICT"));
    let res = support::take(&app, &colleague, id).await;
    let events = data(&res)["takeQuesito"]["events"].as_array().unwrap().clone();
    let steps: Vec<(Value, Value, Value)> =
        events.iter().map(|e| (e["from"].clone(), e["to"].clone(), e["actor"].clone())).collect();
    assert_eq!(
        steps,
        vec![
            (Value::Null, json!("NEW"), json!("ccm.op")),
            (json!("NEW"), json!("IN_PROGRESS"), json!("cric.sardegna")),
            (json!("IN_PROGRESS"), json!("NEW"), json!("cric.sardegna")),
            (json!("NEW"), json!("IN_PROGRESS"), json!("cric.sardegna.pensioni")),
        ]
    );
});
