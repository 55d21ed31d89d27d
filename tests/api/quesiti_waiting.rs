//! WAITING_FOR_CITIZEN (issue 18 item 3): the expert asks the citizen, the
//! SLA clock pauses, the citizen's reply (recorded by the CCM or the expert)
//! resumes it and moves the due date by the working days it waited; the SLA
//! breach figures respect the pause; nobody outside the region touches it.
//!
//! The story runs over several days: one server per day on the same
//! database, each with its clock fixed (`TestApp::spawn_sibling_at`).

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::quesiti_support::{self as support, QUESITO_FIELDS};

/// Monday 9 November 2026, 10:00 in Rome: filed, taken, paused.
const MONDAY: &str = "2026-11-09T10:00:00+01:00";
/// Wednesday 11, 10:00: the citizen replies (Monday and Tuesday stood still).
const WEDNESDAY: &str = "2026-11-11T10:00:00+01:00";
/// Thursday 12, 10:00: both quesiti are answered.
const THURSDAY: &str = "2026-11-12T10:00:00+01:00";

fn at(instant: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(instant).unwrap().with_timezone(&Utc)
}

fn on_monday(s: &mut api::config::Settings) {
    s.fixed_now = Some(at(MONDAY));
}

fn same_instant(value: &Value, expected: &str) -> bool {
    value.as_str().and_then(|v| DateTime::parse_from_rfc3339(v).ok()).map(|v| v.with_timezone(&Utc))
        == Some(at(expected))
}

async fn ask(app: &TestApp, token: &str, id: &str, request: &str) -> Value {
    app.graphql(
        Some(token),
        &format!(
            "mutation($id: ID!, $r: String!) {{ requestCitizenInfo(id: $id, request: $r) {{ {QUESITO_FIELDS} waitingRequest waitingSince }} }}"
        ),
        json!({ "id": id, "r": request }),
    )
    .await
}

async fn reply(app: &TestApp, token: &str, id: &str, text: &str) -> Value {
    app.graphql(
        Some(token),
        &format!(
            "mutation($id: ID!, $r: String!) {{ recordQuesitoCitizenReply(id: $id, reply: $r) {{ {QUESITO_FIELDS} citizenReply pausedWorkingDays pausedHours waitingSince }} }}"
        ),
        json!({ "id": id, "r": text }),
    )
    .await
}

/// Sets a 1-working-day SLA for Sardinian Pensioni (so that two days of
/// waiting decide between a breach and none), then files two quesiti.
async fn two_quesiti_due_tuesday(app: &TestApp) -> (String, String) {
    let dr = app.login("dr.sardegna").await;
    let res = app
        .graphql(
            Some(&dr),
            "mutation { setQuesitoSla(unitCode: \"DR-SAR\", section: PENSIONI, workingDays: 1) { workingDays } }",
            json!({}),
        )
        .await;
    assert_eq!(data(&res)["setQuesitoSla"]["workingDays"], 1, "{res}");
    let paused = support::file_ok(app, "DR-SAR", "Attesa: estratto contributivo").await;
    let running = support::file_ok(app, "DR-SAR", "Senza attesa: stessa scadenza").await;
    // Due at the end of Tuesday 10 November.
    assert!(same_instant(&paused["dueAt"], "2026-11-10T23:59:59+01:00"), "{paused}");
    (paused["id"].as_str().unwrap().to_owned(), running["id"].as_str().unwrap().to_owned())
}

fn overdue_ids(res: &Value) -> Vec<String> {
    data(res)["quesiti"]["nodes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap().to_owned()).collect()
}

async fn pensioni_stats(app: &TestApp, token: &str, from: &str, to: &str) -> Value {
    let res = app
        .graphql(
            Some(token),
            "query($f: DateTime, $t: DateTime) { quesitoStats(regionCode: \"DR-SAR\", from: $f, to: $t) {
                section backlog waitingForCitizen overdue answered answeredLate pausedHours pausedWorkingDays } }",
            json!({ "f": from, "t": to }),
        )
        .await;
    data(&res)["quesitoStats"].as_array().unwrap().iter().find(|s| s["section"] == "PENSIONI").unwrap().clone()
}

both_backends!(a_quesito_waiting_two_working_days_is_due_two_working_days_later, configure: on_monday, |monday: TestApp| async move {
    let (paused, running) = two_quesiti_due_tuesday(&monday).await;
    let expert = monday.login("cric.sardegna").await;
    for id in [&paused, &running] {
        data(&support::take(&monday, &expert, id).await);
    }
    let request = "Serve l'estratto contributivo aggiornato del cittadino.";
    let res = ask(&monday, &expert, &paused, request).await;
    let q = &data(&res)["requestCitizenInfo"];
    assert_eq!(q["status"], "WAITING_FOR_CITIZEN", "{res}");
    assert_eq!(q["waitingRequest"], request);
    assert!(same_instant(&q["waitingSince"], MONDAY), "{res}");
    let last = q["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["from"], "IN_PROGRESS");
    assert_eq!(last["to"], "WAITING_FOR_CITIZEN");
    assert_eq!(last["note"], request);
    assert_eq!(last["actor"], "cric.sardegna");

    // Wednesday, before the reply: both are past their due date; only the
    // one whose clock runs is a breach.
    let wednesday = monday.spawn_sibling_at(at(WEDNESDAY)).await;
    let dr = wednesday.login("dr.sardegna").await;
    let expert = wednesday.login("cric.sardegna").await;
    let res = support::get(&wednesday, &expert, &paused).await;
    assert_eq!(data(&res)["quesito"]["overdue"], false, "{res}");
    let res = support::get(&wednesday, &expert, &running).await;
    assert_eq!(data(&res)["quesito"]["overdue"], true, "{res}");
    let list = wednesday
        .graphql(
            Some(&dr),
            "{ quesiti(filter: { regionCode: \"DR-SAR\", section: PENSIONI, overdue: true }, first: 100) { nodes { id } } }",
            json!({}),
        )
        .await;
    let overdue = overdue_ids(&list);
    assert!(overdue.contains(&running) && !overdue.contains(&paused), "{list}");
    let stats = pensioni_stats(&wednesday, &dr, "2026-11-01T00:00:00Z", WEDNESDAY).await;
    assert_eq!(stats["overdue"], overdue.len(), "the figure counts what the list shows: {stats} {list}");
    assert_eq!(stats["waitingForCitizen"], 1, "{stats}");

    // The citizen's reply, recorded by the expert: two working days paused.
    let res = reply(&wednesday, &expert, &paused, "Il cittadino ha inviato l'estratto via PEC.").await;
    let q = &data(&res)["recordQuesitoCitizenReply"];
    assert_eq!(q["status"], "IN_PROGRESS", "{res}");
    assert_eq!(q["pausedWorkingDays"], 2, "{res}");
    assert_eq!(q["pausedHours"], 48.0, "{res}");
    assert_eq!(q["waitingSince"], Value::Null);
    // Due Tuesday 10 + 2 working days = Thursday 12, end of day.
    assert!(same_instant(&q["dueAt"], "2026-11-12T23:59:59+01:00"), "{res}");
    assert_eq!(q["overdue"], false);
    let last = q["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((last["from"].as_str(), last["to"].as_str()), (Some("WAITING_FOR_CITIZEN"), Some("IN_PROGRESS")));

    // Thursday: both answered. The paused one is in time, the other late.
    let thursday = monday.spawn_sibling_at(at(THURSDAY)).await;
    let expert = thursday.login("cric.sardegna").await;
    for id in [&paused, &running] {
        data(&support::answer(&thursday, &expert, id, "Risposta completa al cittadino.", false).await);
    }
    let dr = thursday.login("dr.sardegna").await;
    let stats = pensioni_stats(&thursday, &dr, "2026-11-12T08:00:00Z", "2026-11-12T10:00:00Z").await;
    assert_eq!(stats["answered"], 2, "{stats}");
    assert_eq!(stats["answeredLate"], 1, "only the quesito whose clock ran: {stats}");
    assert_eq!(stats["pausedWorkingDays"], 2, "{stats}");
    assert_eq!(stats["pausedHours"], 48.0, "{stats}");

    // The directors' monitoring counts one breach of the two filed on Monday.
    let res = thursday
        .graphql(
            Some(&dr),
            "{ stats(unitCode: \"DR-SAR\", from: \"2026-11-09\", to: \"2026-11-09\") { figures { quesiti { section received slaBreaches } } } }",
            json!({}),
        )
        .await;
    let pensioni = data(&res)["stats"]["figures"]["quesiti"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["section"] == "PENSIONI")
        .unwrap()
        .clone();
    assert_eq!(pensioni["received"], 2, "{res}");
    assert_eq!(pensioni["slaBreaches"], 1, "{res}");

    // The history and the audit trail tell the pause.
    let auditor = thursday.login("auditor.sardegna").await;
    let res = thursday
        .graphql(
            Some(&auditor),
            "{ auditEvents(filter: { recordType: \"quesito\" }, first: 100) { nodes { action recordId } } }",
            json!({}),
        )
        .await;
    let actions: Vec<&str> = data(&res)["auditEvents"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["recordId"] == paused.as_str())
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"quesito.ask_citizen") && actions.contains(&"quesito.citizen_reply"), "{res}");
});

both_backends!(a_quesito_already_late_when_paused_stays_a_breach, configure: |s: &mut api::config::Settings| s.fixed_now = Some(at(WEDNESDAY)), |app: TestApp| async move {
    // Filed on Monday (by the clock of a first server), paused on Wednesday after its due date.
    let monday = app.spawn_sibling_at(at(MONDAY)).await;
    let (paused, _) = two_quesiti_due_tuesday(&monday).await;
    let expert = app.login("cric.sardegna").await;
    let res = ask(&app, &expert, &paused, "Serve la copia del modello di domanda.").await;
    assert_eq!(data(&res)["requestCitizenInfo"]["overdue"], true, "{res}");
    let friday = app.spawn_sibling_at(at("2026-11-13T10:00:00+01:00")).await;
    let expert = friday.login("cric.sardegna").await;
    let res = reply(&friday, &expert, &paused, "Copia ricevuta allo sportello.").await;
    let q = &data(&res)["recordQuesitoCitizenReply"];
    assert!(same_instant(&q["dueAt"], "2026-11-10T23:59:59+01:00"), "the due date does not move: {res}");
    assert_eq!(q["pausedWorkingDays"], 2, "{res}");
});

both_backends!(the_ccm_records_the_reply_from_a_contact_and_others_may_not, |app: TestApp| async move {
    let q = support::file_ok(&app, "DR-SAR", "Attesa: documento di identità").await;
    let id = q["id"].as_str().unwrap();
    let expert = app.login("cric.sardegna").await;
    // Asking a NEW quesito's citizen takes it.
    let res = ask(&app, &expert, id, "Serve copia del documento di identità.").await;
    assert_eq!(data(&res)["requestCitizenInfo"]["status"], "WAITING_FOR_CITIZEN", "{res}");

    // Not a worker of the quesito: the regional director sees it, may not reply for the citizen.
    let dr = app.login("dr.sardegna").await;
    assert_eq!(error_code(&reply(&app, &dr, id, "Risposta").await), Some("FORBIDDEN"));
    // Only a waiting quesito takes a reply; only the holder or a NEW one's expert asks.
    let pensioni = app.login("cric.sardegna.pensioni").await;
    let other = support::file_ok(&app, "DR-SAR", "Altro quesito in lavorazione").await;
    let other_id = other["id"].as_str().unwrap();
    data(&support::take(&app, &expert, other_id).await);
    assert_eq!(error_code(&reply(&app, &expert, other_id, "Risposta").await), Some("CONFLICT"));
    assert_eq!(
        error_code(&ask(&app, &pensioni, other_id, "Serve un documento.").await),
        Some("FORBIDDEN"),
        "held by cric.sardegna"
    );
    // The request is required.
    let res = ask(&app, &expert, other_id, "   ").await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    assert_eq!(support::field(&res), Some("request"));

    let ccm = app.login("ccm.op").await;
    let res = reply(&app, &ccm, id, "Il cittadino ha portato il documento allo sportello.").await;
    let q = &data(&res)["recordQuesitoCitizenReply"];
    assert_eq!(q["status"], "IN_PROGRESS", "{res}");
    assert_eq!(q["citizenReply"], "Il cittadino ha portato il documento allo sportello.");
    let last = q["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["actor"], "ccm.op");
    assert_eq!(last["actingRole"], "CCM_OPERATOR");
    // Back with its holder.
    let res = app
        .graphql(
            Some(&expert),
            "query($id: ID!) { quesito(id: $id) { takenByMe takenBy { username } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(data(&res)["quesito"]["takenByMe"], true, "{res}");
});

both_backends!(a_lazio_expert_cannot_pause_or_resume_a_sardinian_quesito, |app: TestApp| async move {
    let q = support::file_ok(&app, "DR-SAR", "Attesa: solo in Sardegna").await;
    let id = q["id"].as_str().unwrap();
    let lazio = app.login("cric.lazio").await;
    assert_eq!(error_code(&ask(&app, &lazio, id, "Serve un documento.").await), Some("NOT_FOUND"));
    let sardegna = app.login("cric.sardegna").await;
    data(&ask(&app, &sardegna, id, "Serve un documento.").await);
    assert_eq!(error_code(&reply(&app, &lazio, id, "Risposta").await), Some("NOT_FOUND"));
    let waiting = json!({ "status": ["WAITING_FOR_CITIZEN"] });
    assert_eq!(support::count(&app, &lazio, waiting.clone()).await, 0);
    assert_eq!(support::count(&app, &sardegna, waiting).await, 1);
    let res = support::get(&app, &sardegna, id).await;
    assert_eq!(data(&res)["quesito"]["status"], "WAITING_FOR_CITIZEN", "nothing changed: {res}");
    // Lazio's figures know nothing of it.
    let dr_lazio = app.login("dr.lazio").await;
    let res = app.graphql(Some(&dr_lazio), "{ quesitoStats { waitingForCitizen } }", json!({})).await;
    let total: i64 =
        data(&res)["quesitoStats"].as_array().unwrap().iter().map(|s| s["waitingForCitizen"].as_i64().unwrap()).sum();
    assert_eq!(total, 0, "{res}");
});
