//! Linea quesiti: visibility per role, life cycle, concurrency, idempotency,
//! validation, configuration (issue 3).

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::quesiti_support::*;

both_backends!(a_quesito_filed_to_sardinia_is_seen_in_sardinia_and_nowhere_else, |app: TestApp| async move {
    let q = file_ok(&app, "DR-SAR", "Pensione di reversibilità").await;
    let id = q["id"].as_str().unwrap();
    assert_eq!(q["status"], "NEW");
    assert_eq!(q["cric"]["code"], "CRIC-SAR");

    for who in ["cric.sardegna", "dr.sardegna", "ccm.op", "admin"] {
        let token = app.login(who).await;
        assert_eq!(data(&get(&app, &token, id).await)["quesito"]["id"], id, "{who} should see it");
        assert!(list_ids(&app, &token, json!({})).await.contains(&id.to_owned()), "{who} should list it");
        assert!(count(&app, &token, json!({ "regionCode": "DR-SAR", "section": "PENSIONI" })).await >= 1);
    }
    for who in ["cric.lazio", "dr.lazio", "op.cagliari1", "dc.esperto"] {
        let token = app.login(who).await;
        let res = get(&app, &token, id).await;
        assert_eq!(error_code(&res), Some("NOT_FOUND"), "{who}: {res}");
        assert!(!list_ids(&app, &token, json!({})).await.contains(&id.to_owned()), "{who} lists it");
        assert_eq!(count(&app, &token, json!({ "regionCode": "DR-SAR" })).await, 0, "{who} counts Sardinia");
        assert_eq!(count(&app, &token, json!({ "text": "reversibilità" })).await, 0, "{who} counts it");
    }
    // A Lazio expert sees Lazio's quesiti, none of Sardinia's.
    let lazio = app.login("cric.lazio").await;
    assert!(count(&app, &lazio, json!({})).await >= 1);
    assert_eq!(count(&app, &lazio, json!({})).await, count(&app, &lazio, json!({ "regionCode": "DR-LAZ" })).await);
});

both_backends!(an_expert_takes_and_answers_and_the_events_tell_the_story, |app: TestApp| async move {
    let q = file_ok(&app, "DR-SAR", "Decorrenza pensione").await;
    let id = q["id"].as_str().unwrap();
    let expert = app.login("cric.sardegna").await;

    let taken = take(&app, &expert, id).await;
    assert_eq!(data(&taken)["takeQuesito"]["status"], "IN_PROGRESS");
    let answered = answer(&app, &expert, id, "La pensione decorre dal mese successivo ai requisiti.", false).await;
    let a = &data(&answered)["answerQuesito"];
    assert_eq!(a["status"], "ANSWERED");
    assert_eq!(a["answer"], "La pensione decorre dal mese successivo ai requisiti.");

    let events = a["events"].as_array().unwrap();
    let steps: Vec<(Value, Value, Value)> =
        events.iter().map(|e| (e["from"].clone(), e["to"].clone(), e["actor"].clone())).collect();
    assert_eq!(
        steps,
        vec![
            (Value::Null, json!("NEW"), json!("ccm.op")),
            (json!("NEW"), json!("IN_PROGRESS"), json!("cric.sardegna")),
            (json!("IN_PROGRESS"), json!("ANSWERED"), json!("cric.sardegna")),
        ]
    );
    assert_eq!(events[1]["actingRole"], "CRIC_EXPERT");
    let times: Vec<&str> = events.iter().map(|e| e["at"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "events out of order: {times:?}");

    // Answering again, or taking an answered quesito, is an illegal transition.
    let again = answer(&app, &expert, id, "Seconda risposta", false).await;
    assert_eq!(error_code(&again), Some("CONFLICT"));
    assert_eq!(error_code(&take(&app, &expert, id).await), Some("CONFLICT"));
    assert_eq!(error_code(&cancel(&app, &expert, id, "Non più necessario").await), Some("CONFLICT"));
    assert_eq!(error_code(&forward(&app, &expert, id, "Caso complesso").await), Some("CONFLICT"));
    // ...and it changed nothing.
    let now = data(&get(&app, &expert, id).await)["quesito"].clone();
    assert_eq!(now["events"].as_array().unwrap().len(), 3);
    assert_eq!(now["answer"], "La pensione decorre dal mese successivo ai requisiti.");
});

both_backends!(a_new_quesito_must_be_taken_before_it_is_answered, |app: TestApp| async move {
    let q = file_ok(&app, "DR-SAR", "Risposta senza presa in carico").await;
    let expert = app.login("cric.sardegna").await;
    let res = answer(&app, &expert, q["id"].as_str().unwrap(), "Risposta", false).await;
    assert_eq!(error_code(&res), Some("CONFLICT"));
});

both_backends!(two_experts_taking_the_same_quesito_at_once_one_wins, |app: TestApp| async move {
    for round in 0..3 {
        let q = file_ok(&app, "DR-SAR", &format!("Presa in carico contesa {round}")).await;
        let id = q["id"].as_str().unwrap();
        let a = app.login("cric.sardegna").await;
        let b = app.login("cric.sardegna.pensioni").await;
        let (ra, rb) = tokio::join!(take(&app, &a, id), take(&app, &b, id));
        let codes = [error_code(&ra), error_code(&rb)];
        let wins = codes.iter().filter(|c| c.is_none()).count();
        assert_eq!(wins, 1, "round {round}: {ra} / {rb}");
        assert!(codes.contains(&Some("CONFLICT")), "round {round}: {ra} / {rb}");
        let events = data(&get(&app, &a, id).await)["quesito"]["events"].as_array().unwrap().len();
        assert_eq!(events, 2, "exactly one take recorded");
    }
});

both_backends!(filing_twice_with_the_same_idempotency_key_gives_one_quesito, |app: TestApp| async move {
    let token = app.login("ccm.op").await;
    let mut input = filing(&app, &token, "DR-SAR", "Quesito idempotente").await;
    input["idempotencyKey"] = json!("chiamata-2026-11-22-0001");
    let first = file(&app, &token, input.clone()).await;
    let second = file(&app, &token, input.clone()).await;
    assert_eq!(data(&first)["fileQuesito"]["id"], data(&second)["fileQuesito"]["id"]);
    assert_eq!(count(&app, &token, json!({ "text": "Quesito idempotente" })).await, 1);

    // At the same time: still one.
    input["idempotencyKey"] = json!("chiamata-2026-11-22-0002");
    input["subject"] = json!("Quesito idempotente concorrente");
    let (a, b) = tokio::join!(file(&app, &token, input.clone()), file(&app, &token, input.clone()));
    assert_eq!(data(&a)["fileQuesito"]["id"], data(&b)["fileQuesito"]["id"], "{a} / {b}");
    assert_eq!(count(&app, &token, json!({ "text": "idempotente concorrente" })).await, 1);

    // The same key for a different question is refused.
    input["question"] = json!("Tutt'altra domanda sulla pensione di vecchiaia.");
    assert_eq!(error_code(&file(&app, &token, input).await), Some("CONFLICT"));
});

both_backends!(the_central_directorate_answers_what_is_forwarded_to_it, |app: TestApp| async move {
    let q = file_ok(&app, "DR-SAR", "Caso di eccezionale complessità").await;
    let id = q["id"].as_str().unwrap();
    let expert = app.login("cric.sardegna").await;
    let dc = app.login("dc.esperto").await;
    // Before forwarding the central directorate does not see it.
    assert_eq!(error_code(&get(&app, &dc, id).await), Some("NOT_FOUND"));

    let short = forward(&app, &expert, id, "no").await;
    assert_eq!(error_code(&short), Some("BAD_USER_INPUT"));
    assert_eq!(field(&short), Some("reason"));

    let res = forward(&app, &expert, id, "Serve un parere normativo della Direzione centrale").await;
    let f = &data(&res)["forwardQuesito"];
    assert_eq!(f["status"], "FORWARDED_CENTRAL");
    assert_eq!(f["forwardedTo"]["code"], "DC");
    assert_eq!(f["events"][1]["note"], "Serve un parere normativo della Direzione centrale");

    // The CRIC can no longer answer it; the central directorate can.
    assert_eq!(error_code(&answer(&app, &expert, id, "Risposta CRIC", false).await), Some("FORBIDDEN"));
    assert!(list_ids(&app, &dc, json!({ "status": "FORWARDED_CENTRAL" })).await.contains(&id.to_owned()));
    let res = answer(&app, &dc, id, "Parere della Direzione centrale: spetta.", false).await;
    assert_eq!(data(&res)["answerQuesito"]["status"], "ANSWERED");
    let steps: Vec<&str> =
        data(&res)["answerQuesito"]["events"].as_array().unwrap().iter().map(|e| e["to"].as_str().unwrap()).collect();
    assert_eq!(steps, ["NEW", "FORWARDED_CENTRAL", "ANSWERED"]);
    assert_eq!(data(&res)["answerQuesito"]["events"][2]["actor"], "dc.esperto");
    // The region still sees the outcome.
    let dr = app.login("dr.sardegna").await;
    assert_eq!(data(&get(&app, &dr, id).await)["quesito"]["status"], "ANSWERED");
    // ...and the other region never did.
    let lazio = app.login("cric.lazio").await;
    assert_eq!(error_code(&get(&app, &lazio, id).await), Some("NOT_FOUND"));
});

both_backends!(a_quesito_is_cancelled_by_its_cric_or_by_the_ccm_with_a_reason, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let expert = app.login("cric.sardegna").await;
    let q1 = file_ok(&app, "DR-SAR", "Annullato dal CCM").await;
    let res = cancel(&app, &ccm, q1["id"].as_str().unwrap(), "Il cittadino ha risolto da solo").await;
    assert_eq!(data(&res)["cancelQuesito"]["status"], "CANCELLED");
    assert_eq!(data(&res)["cancelQuesito"]["cancelReason"], "Il cittadino ha risolto da solo");

    let q2 = file_ok(&app, "DR-SAR", "Annullato dal CRIC").await;
    let id2 = q2["id"].as_str().unwrap();
    take(&app, &expert, id2).await;
    let res = cancel(&app, &expert, id2, "Quesito duplicato di un altro").await;
    assert_eq!(data(&res)["cancelQuesito"]["status"], "CANCELLED");
    // A cancelled quesito stays cancelled.
    assert_eq!(error_code(&take(&app, &expert, id2).await), Some("CONFLICT"));
    assert_eq!(error_code(&cancel(&app, &ccm, id2, "Ancora una volta").await), Some("CONFLICT"));
});

both_backends!(only_experts_of_the_cric_work_its_quesiti, |app: TestApp| async move {
    let q = file_ok(&app, "DR-SAR", "Chi può lavorarlo").await;
    let id = q["id"].as_str().unwrap();
    // Readers who may not act: FORBIDDEN.
    for who in ["dr.sardegna", "ccm.op", "admin"] {
        let token = app.login(who).await;
        assert_eq!(error_code(&take(&app, &token, id).await), Some("FORBIDDEN"), "{who}");
    }
    // Outside the scope: NOT_FOUND, as if it did not exist.
    for who in ["cric.lazio", "dr.lazio", "op.cagliari1"] {
        let token = app.login(who).await;
        assert_eq!(error_code(&take(&app, &token, id).await), Some("NOT_FOUND"), "{who}");
        assert_eq!(error_code(&cancel(&app, &token, id, "Non di mia competenza").await), Some("NOT_FOUND"));
    }
    assert_eq!(data(&get(&app, &app.login("ccm.op").await, id).await)["quesito"]["status"], "NEW");
});

both_backends!(an_expert_narrowed_to_a_section_sees_only_that_section, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let pensioni = file_ok(&app, "DR-SAR", "Sezione pensioni").await;
    let mut input = filing(&app, &ccm, "DR-SAR", "Sezione sostegno al reddito").await;
    input["section"] = json!("SOSTEGNO_REDDITO");
    input["classification"] = json!(classification_id(&app, &ccm, "DR-SAR", "SOSTEGNO_REDDITO", "NASPI").await);
    let sostegno = data(&file(&app, &ccm, input).await)["fileQuesito"].clone();

    let narrowed = app.login("cric.sardegna.pensioni").await;
    assert_eq!(data(&get(&app, &narrowed, pensioni["id"].as_str().unwrap()).await)["quesito"]["section"], "PENSIONI");
    let res = get(&app, &narrowed, sostegno["id"].as_str().unwrap()).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
    assert_eq!(count(&app, &narrowed, json!({ "section": "SOSTEGNO_REDDITO" })).await, 0);
    assert_eq!(error_code(&take(&app, &narrowed, sostegno["id"].as_str().unwrap()).await), Some("NOT_FOUND"));
    // The unrestricted colleague sees both.
    let full = app.login("cric.sardegna").await;
    assert!(count(&app, &full, json!({ "section": "SOSTEGNO_REDDITO" })).await >= 1);
});

both_backends!(citizen_details_are_shown_only_to_who_needs_them, |app: TestApp| async move {
    let q = file_ok(&app, "DR-SAR", "Dati del cittadino").await;
    let id = q["id"].as_str().unwrap();
    assert_eq!(q["citizenFiscalCode"], VALID_FISCAL_CODE);
    assert_eq!(q["citizenPhone"], "+390701234567");
    let expert = data(&get(&app, &app.login("cric.sardegna").await, id).await)["quesito"].clone();
    assert_eq!(expert["citizenEmail"], "cittadino@example.it");
    let director = data(&get(&app, &app.login("dr.sardegna").await, id).await)["quesito"].clone();
    assert_eq!(director["citizenFiscalCode"], Value::Null);
    assert_eq!(director["citizenPhone"], Value::Null);
    assert_eq!(director["subject"], "Dati del cittadino");
});

both_backends!(a_look_up_by_fiscal_code_is_audited, |app: TestApp| async move {
    let q = file_ok(&app, "DR-SAR", "Richiamata del cittadino").await;
    let ccm = app.login("ccm.op").await;
    let found = list_ids(&app, &ccm, json!({ "citizenFiscalCode": VALID_FISCAL_CODE.to_lowercase() })).await;
    assert!(found.contains(&q["id"].as_str().unwrap().to_owned()));
    let bad = app
        .graphql(
            Some(&ccm),
            "query($f: QuesitoFilter) { quesiti(filter: $f) { nodes { id } } }",
            json!({ "f": { "citizenFiscalCode": "RSSMRA80A01H501A" } }),
        )
        .await;
    assert_eq!(error_code(&bad), Some("BAD_USER_INPUT"));

    let admin = app.login("admin").await;
    let res = app
        .graphql(
            Some(&admin),
            r#"{ auditEvents(filter: { action: "quesito.lookup_by_fiscal_code" }) { nodes { actor recordType recordId } } }"#,
            json!({}),
        )
        .await;
    let events = data(&res)["auditEvents"]["nodes"].as_array().unwrap().clone();
    assert_eq!(events.len(), 1, "{res}");
    assert_eq!(events[0]["actor"], "ccm.op");
    assert_eq!(events[0]["recordId"], VALID_FISCAL_CODE);
    // Every transition is audited too.
    let res = app
        .graphql(
            Some(&admin),
            r#"{ auditEvents(filter: { action: "quesito.file" }) { nodes { recordId } } }"#,
            json!({}),
        )
        .await;
    assert!(data(&res)["auditEvents"]["nodes"].as_array().unwrap().iter().any(|n| n["recordId"] == q["id"]));
});

both_backends!(bad_input_names_the_field_and_writes_nothing, |app: TestApp| async move {
    let token = app.login("ccm.op").await;
    let valid = filing(&app, &token, "DR-SAR", "Input non valido").await;
    let cases: Vec<(&str, Value, &str)> = vec![
        ("citizenFiscalCode", json!("RSSMRA80A01H501A"), "check character"),
        ("citizenFiscalCode", json!("RSSMRA80A01"), "length"),
        ("citizenEmail", json!("non-una-mail"), "e-mail"),
        ("citizenPhone", json!("070-CHIAMAMI"), "phone"),
        ("question", json!("Breve"), "too short"),
        ("subject", json!("x".repeat(201)), "too long"),
        ("subject", json!("   "), "blank"),
        ("regionCode", json!("DR-XYZ"), "unknown region"),
    ];
    for (name, value, why) in cases {
        let mut input = valid.clone();
        input[name] = value;
        let res = file(&app, &token, input).await;
        assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{why}: {res}");
        assert_eq!(field(&res), Some(name), "{why}: {res}");
    }
    // A classification of another section, or of another region only.
    let mut input = valid.clone();
    input["classification"] = json!(classification_id(&app, &token, "DR-SAR", "SOSTEGNO_REDDITO", "NASPI").await);
    assert_eq!(field(&file(&app, &token, input).await), Some("classification"));
    let mut input = valid.clone();
    input["regionCode"] = json!("DR-LAZ");
    input["classification"] = json!(classification_id(&app, &token, "DR-SAR", "PENSIONI", "MINIERE_SULCIS").await);
    assert_eq!(field(&file(&app, &token, input).await), Some("classification"));
    // Nothing was written.
    assert_eq!(count(&app, &token, json!({ "text": "Input non valido" })).await, 0);
    let admin = app.login("admin").await;
    assert_eq!(count(&app, &admin, json!({ "text": "Input non valido" })).await, 0);
});

both_backends!(only_the_ccm_files_quesiti, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let input = filing(&app, &ccm, "DR-SAR", "Archiviato da un esperto").await;
    for who in ["cric.sardegna", "dr.sardegna", "op.cagliari1"] {
        let token = app.login(who).await;
        let res = file(&app, &token, input.clone()).await;
        assert_eq!(error_code(&res), Some("FORBIDDEN"), "{who}: {res}");
    }
    assert_eq!(count(&app, &ccm, json!({ "text": "Archiviato da un esperto" })).await, 0);
});

both_backends!(the_ccm_picks_among_every_region_with_a_cric_and_nobody_else_gets_one, |app: TestApp| async move {
    let query = "{ quesitoRegions { code name kind } }";
    let ccm = app.login("ccm.op").await;
    let res = app.graphql(Some(&ccm), query, json!({})).await;
    let codes: Vec<&str> =
        data(&res)["quesitoRegions"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["DR-LAZ", "DR-SAR"], "by name: DR Lazio, DR Sardegna");
    assert_eq!(data(&res)["quesitoRegions"][1]["name"], "DR Sardegna");
    // Without quesito:file there is nothing to pick, not an error.
    for who in ["cric.sardegna", "dr.sardegna", "op.cagliari1"] {
        let token = app.login(who).await;
        let res = app.graphql(Some(&token), query, json!({})).await;
        assert_eq!(data(&res)["quesitoRegions"], json!([]), "{who}");
    }
});

both_backends!(classifications_and_sla_are_configured_per_section_and_region, |app: TestApp| async move {
    let dr = app.login("dr.sardegna").await;
    let create = |unit: &'static str, code: &'static str| json!({ "i": { "unitCode": unit, "section": "SOGGETTO_CONTRIBUENTE", "code": code, "label": "Contributi agricoli" } });
    const CREATE: &str =
        "mutation($i: NewClassificationInput!) { createQuesitoClassification(input: $i) { id code active national } }";
    let res = app.graphql(Some(&dr), CREATE, create("DR-SAR", "AGRICOLI")).await;
    let created = data(&res)["createQuesitoClassification"].clone();
    assert_eq!(created["national"], false);
    assert_eq!(error_code(&app.graphql(Some(&dr), CREATE, create("DR-SAR", "AGRICOLI")).await), Some("CONFLICT"));
    assert_eq!(
        error_code(&app.graphql(Some(&dr), CREATE, create("DR-SAR", "minuscolo")).await),
        Some("BAD_USER_INPUT")
    );
    // Another region's director cannot touch Sardinia's list, nor the national one.
    let lazio = app.login("dr.lazio").await;
    assert_eq!(error_code(&app.graphql(Some(&lazio), CREATE, create("DR-SAR", "ALTRO")).await), Some("BAD_USER_INPUT"));
    assert_eq!(error_code(&app.graphql(Some(&dr), CREATE, create("ROOT", "NAZIONALE")).await), Some("BAD_USER_INPUT"));
    let expert = app.login("cric.sardegna").await;
    assert_eq!(error_code(&app.graphql(Some(&expert), CREATE, create("DR-SAR", "ESPERTO")).await), Some("FORBIDDEN"));

    // The CCM sees it for Sardinia only.
    let ccm = app.login("ccm.op").await;
    classification_id(&app, &ccm, "DR-SAR", "SOGGETTO_CONTRIBUENTE", "AGRICOLI").await;
    let laz = app
        .graphql(
            Some(&ccm),
            r#"{ quesitoClassifications(regionCode: "DR-LAZ", first: 100) { nodes { code } } }"#,
            json!({}),
        )
        .await;
    assert!(!laz.to_string().contains("AGRICOLI"));

    // Deactivated: no longer usable for filing.
    let res = app
        .graphql(
            Some(&dr),
            "mutation($id: ID!) { updateQuesitoClassification(id: $id, active: false) { active version } }",
            json!({ "id": created["id"] }),
        )
        .await;
    assert_eq!(data(&res)["updateQuesitoClassification"]["active"], false);

    // SLA: a regional override beats the national one, which beats the default.
    let admin = app.login("admin").await;
    const SET: &str = "mutation($u: String!, $s: Section!, $d: Int!) { setQuesitoSla(unitCode: $u, section: $s, workingDays: $d) { workingDays configuredOn } }";
    data(&app.graphql(Some(&admin), SET, json!({ "u": "ROOT", "s": "PENSIONI", "d": 3 })).await);
    data(&app.graphql(Some(&dr), SET, json!({ "u": "DR-SAR", "s": "PENSIONI", "d": 2 })).await);
    let bad = app.graphql(Some(&dr), SET, json!({ "u": "DR-SAR", "s": "PENSIONI", "d": 0 })).await;
    assert_eq!(field(&bad), Some("workingDays"));
    const GET: &str = "query($r: String!) { quesitoSlas(regionCode: $r) { section workingDays configuredOn } }";
    let sar = app.graphql(Some(&ccm), GET, json!({ "r": "DR-SAR" })).await;
    assert_eq!(
        data(&sar)["quesitoSlas"][0],
        json!({ "section": "PENSIONI", "workingDays": 2, "configuredOn": "DR-SAR" })
    );
    assert_eq!(data(&sar)["quesitoSlas"][1]["configuredOn"], Value::Null);
    let laz = app.graphql(Some(&ccm), GET, json!({ "r": "DR-LAZ" })).await;
    assert_eq!(
        data(&laz)["quesitoSlas"][0],
        json!({ "section": "PENSIONI", "workingDays": 3, "configuredOn": "ROOT" })
    );

    // A quesito filed now is due within 2 working days (at most 6 calendar days with a long weekend).
    let q = file_ok(&app, "DR-SAR", "Con SLA regionale").await;
    let due = chrono::DateTime::parse_from_rfc3339(q["dueAt"].as_str().unwrap()).unwrap();
    let now = chrono::Utc::now();
    assert!(due > now + chrono::Duration::days(1) && due < now + chrono::Duration::days(7), "{due}");
    assert_eq!(q["overdue"], false);
    assert!(!list_ids(&app, &ccm, json!({ "overdue": true })).await.contains(&q["id"].as_str().unwrap().to_owned()));
});

fn mails(app: &TestApp) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(app.mail_dir()) else { return Vec::new() };
    dir.filter_map(|e| e.ok()).filter_map(|e| std::fs::read_to_string(e.path()).ok()).collect()
}

both_backends!(the_citizen_is_notified_of_the_answer_through_the_outbox, |app: TestApp| async move {
    let expert = app.login("cric.sardegna").await;
    let with_mail = file_ok(&app, "DR-SAR", "Notifica della risposta").await;
    let id = with_mail["id"].as_str().unwrap();
    take(&app, &expert, id).await;
    data(&answer(&app, &expert, id, "Risposta notificata via e-mail al cittadino.", false).await);
    // Nothing leaves before delivery; then exactly one e-mail with the answer.
    assert!(mails(&app).iter().all(|m| !m.contains("Notifica della risposta")));
    app.drain_outbox().await;
    let sent: Vec<String> = mails(&app).into_iter().filter(|m| m.contains("Notifica della risposta")).collect();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert!(sent[0].contains("cittadino@example.it"));
    assert!(sent[0].contains("Risposta notificata via e-mail al cittadino."));

    // No e-mail address: no message; a refused second answer: no second message.
    let ccm = app.login("ccm.op").await;
    let mut input = filing(&app, &ccm, "DR-SAR", "Senza indirizzo").await;
    input.as_object_mut().unwrap().remove("citizenEmail");
    let q = data(&file(&app, &ccm, input).await)["fileQuesito"].clone();
    take(&app, &expert, q["id"].as_str().unwrap()).await;
    data(&answer(&app, &expert, q["id"].as_str().unwrap(), "Risposta senza e-mail.", false).await);
    assert_eq!(error_code(&answer(&app, &expert, id, "Di nuovo", false).await), Some("CONFLICT"));
    app.drain_outbox().await;
    assert!(mails(&app).iter().all(|m| !m.contains("Senza indirizzo") && !m.contains("Di nuovo")));
});

async fn list_statements(app: &TestApp, token: &str, first: usize) -> (u64, usize) {
    use std::sync::atomic::Ordering;
    let query = format!(
        "query($first: Int) {{ quesiti(first: $first, filter: {{ text: \"Carico\" }}) {{ nodes {{ {QUESITO_FIELDS} }} }} }}"
    );
    let before = app.state.statement_count.load(Ordering::SeqCst);
    let res = app.graphql(Some(token), &query, json!({ "first": first })).await;
    let after = app.state.statement_count.load(Ordering::SeqCst);
    (after - before, data(&res)["quesiti"]["nodes"].as_array().unwrap().len())
}

both_backends!(a_page_of_quesiti_costs_the_same_statements_for_3_and_30_rows, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let input = filing(&app, &ccm, "DR-SAR", "Carico").await;
    for i in 0..30 {
        let mut one = input.clone();
        one["subject"] = json!(format!("Carico di lavoro {i}"));
        data(&file(&app, &ccm, one).await);
    }
    for who in ["cric.sardegna", "ccm.op", "dr.sardegna"] {
        let token = app.login(who).await;
        let (small, small_rows) = list_statements(&app, &token, 3).await;
        let (big, big_rows) = list_statements(&app, &token, 30).await;
        assert_eq!((small_rows, big_rows), (3, 30));
        assert_eq!(small, big, "{who}: {small} statements for 3 rows, {big} for 30");
    }
});

const STATS: &str = "query($r: String) { quesitoStats(regionCode: $r) { section backlog overdue filed answered \
    answeredLate medianAnswerHours backlogByAge { upTo2Days from3To5Days from6To10Days over10Days } \
    byClassification { count classification { code } } } }";

async fn stats(app: &TestApp, token: &str, region: Option<&str>) -> Value {
    let res = app.graphql(Some(token), STATS, json!({ "r": region })).await;
    data(&res)["quesitoStats"].clone()
}

fn section<'a>(stats: &'a Value, name: &str) -> &'a Value {
    stats.as_array().unwrap().iter().find(|s| s["section"] == name).unwrap()
}

both_backends!(the_figures_count_only_what_the_caller_may_see, |app: TestApp| async move {
    let sar = app.login("cric.sardegna").await;
    let laz = app.login("cric.lazio").await;
    let before_sar = stats(&app, &sar, None).await;
    let before_laz = stats(&app, &laz, None).await;
    // The demo data: one answered SOGGETTO_CONTRIBUENTE quesito in Sardinia, 8 hours after filing.
    let sc = section(&before_sar, "SOGGETTO_CONTRIBUENTE");
    assert_eq!(sc["answered"], 1);
    assert_eq!(sc["medianAnswerHours"], 8.0);

    let q = file_ok(&app, "DR-SAR", "Per le statistiche").await;
    let after_sar = stats(&app, &sar, None).await;
    let p_before = section(&before_sar, "PENSIONI");
    let p_after = section(&after_sar, "PENSIONI");
    assert_eq!(p_after["backlog"].as_i64().unwrap(), p_before["backlog"].as_i64().unwrap() + 1);
    assert_eq!(p_after["filed"].as_i64().unwrap(), p_before["filed"].as_i64().unwrap() + 1);
    assert_eq!(
        p_after["backlogByAge"]["upTo2Days"].as_i64().unwrap(),
        p_before["backlogByAge"]["upTo2Days"].as_i64().unwrap() + 1
    );
    let decorrenza = |s: &Value| {
        s["byClassification"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["classification"]["code"] == "DECORRENZA")
            .map_or(0, |c| c["count"].as_i64().unwrap())
    };
    assert_eq!(decorrenza(p_after), decorrenza(p_before) + 1);
    // Lazio's figures do not move, and Lazio cannot ask for Sardinia's.
    assert_eq!(stats(&app, &laz, None).await, before_laz);
    let none = stats(&app, &laz, Some("DR-SAR")).await;
    assert!(none.as_array().unwrap().iter().all(|s| s["backlog"] == 0 && s["filed"] == 0), "{none}");
    // The regional director sees the same figures as the region's CRIC.
    let dr = app.login("dr.sardegna").await;
    assert_eq!(stats(&app, &dr, Some("DR-SAR")).await, after_sar);

    // Answered: out of the backlog, into the answered count.
    let id = q["id"].as_str().unwrap();
    take(&app, &sar, id).await;
    data(&answer(&app, &sar, id, "Risposta per le statistiche.", false).await);
    let answered = stats(&app, &sar, None).await;
    let p = section(&answered, "PENSIONI");
    assert_eq!(p["backlog"], p_before["backlog"]);
    assert_eq!(p["answered"].as_i64().unwrap(), p_before["answered"].as_i64().unwrap() + 1);
    assert!(p["medianAnswerHours"].as_f64().is_some());
});

const CONVERT: &str = "mutation($id: ID!, $i: ConvertQuesitoInput!) { convertQuesitoToAppointment(id: $id, input: $i) { \
    id status appointmentId version events { from to actor note } } }";

fn booking(office: &str, days_ahead: i64) -> Value {
    let date = crate::appointments::open_day(days_ahead);
    json!({
        "reason": "Occorre ricostruire il fascicolo cartaceo della posizione assicurativa",
        "officeCode": office, "date": date, "time": "10:30:00", "serviceCode": "RIMB",
        "citizenName": "Porcu Elena",
    })
}

both_backends!(
    a_quesito_becomes_an_office_appointment_when_the_paper_file_must_be_rebuilt,
    |app: TestApp| async move {
        let expert = app.login("cric.sardegna").await;
        let q = file_ok(&app, "DR-SAR", "Fascicolo da ricostruire").await;
        let id = q["id"].as_str().unwrap();
        take(&app, &expert, id).await;

        // Validation and region first: nothing booked, nothing changed.
        let mut short = booking("UT-CA1", 7);
        short["reason"] = json!("no");
        let res = app.graphql(Some(&expert), CONVERT, json!({ "id": id, "i": short })).await;
        assert_eq!(field(&res), Some("reason"));
        let res = app.graphql(Some(&expert), CONVERT, json!({ "id": id, "i": booking("UT-RM1", 7) })).await;
        assert_eq!(field(&res), Some("officeCode"), "{res}");
        let res = app.graphql(Some(&expert), CONVERT, json!({ "id": id, "i": booking("UT-CA1", 60) })).await;
        assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
        assert_eq!(field(&res), Some("date"));
        assert_eq!(data(&get(&app, &expert, id).await)["quesito"]["status"], "IN_PROGRESS");

        let res = app.graphql(Some(&expert), CONVERT, json!({ "id": id, "i": booking("UT-CA1", 7) })).await;
        let converted = &data(&res)["convertQuesitoToAppointment"];
        assert_eq!(converted["status"], "CONVERTED_TO_APPOINTMENT");
        let appointment_id = converted["appointmentId"].as_str().expect("linked appointment");
        let last = converted["events"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["from"], "IN_PROGRESS");
        assert_eq!(last["to"], "CONVERTED_TO_APPOINTMENT");
        assert_eq!(last["note"], "Occorre ricostruire il fascicolo cartaceo della posizione assicurativa");

        // The office sees the booking, with the citizen's fiscal code from the quesito.
        let director = app.login("dir.cagliari1").await;
        let res = app
            .graphql(
                Some(&director),
                "query($id: ID!) { appointment(id: $id) { id fiscalCode office { code } status } }",
                json!({ "id": appointment_id }),
            )
            .await;
        let appointment = &data(&res)["appointment"];
        assert_eq!(appointment["office"]["code"], "UT-CA1");
        assert_eq!(appointment["fiscalCode"], VALID_FISCAL_CODE);

        // Converted is final.
        let again = app.graphql(Some(&expert), CONVERT, json!({ "id": id, "i": booking("UT-CA1", 8) })).await;
        assert_eq!(error_code(&again), Some("CONFLICT"));
        // Only the CRIC's experts convert; other regions do not even see it.
        let other = file_ok(&app, "DR-SAR", "Conversione vietata").await;
        let dr = app.login("dr.sardegna").await;
        let res = app.graphql(Some(&dr), CONVERT, json!({ "id": other["id"], "i": booking("UT-CA1", 7) })).await;
        assert_eq!(error_code(&res), Some("FORBIDDEN"));
        let lazio = app.login("cric.lazio").await;
        let res = app.graphql(Some(&lazio), CONVERT, json!({ "id": other["id"], "i": booking("UT-RM1", 7) })).await;
        assert_eq!(error_code(&res), Some("NOT_FOUND"));
    }
);

async fn conversion_offices(app: &TestApp, token: &str, id: &str) -> Vec<String> {
    let res = app
        .graphql(
            Some(token),
            "query($id: ID!) { quesito(id: $id) { conversionOffices { code } } }",
            json!({ "id": id }),
        )
        .await;
    data(&res)["quesito"]["conversionOffices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["code"].as_str().unwrap().to_owned())
        .collect()
}

both_backends!(the_expert_converting_a_quesito_picks_among_the_offices_of_its_region, |app: TestApp| async move {
    let q = file_ok(&app, "DR-SAR", "Fascicolo da ricostruire a Cagliari").await;
    let id = q["id"].as_str().unwrap();
    let expert = app.login("cric.sardegna").await;
    let offices = conversion_offices(&app, &expert, id).await;
    assert_eq!(offices, ["UT-CA1", "UT-CA2", "UT-IGL", "UT-NU", "UT-OR", "UT-SS"], "Sardinia's offices by name");
    // Who may not convert it gets no offices, not an error.
    for who in ["dr.sardegna", "ccm.op"] {
        let token = app.login(who).await;
        assert!(conversion_offices(&app, &token, id).await.is_empty(), "{who}");
    }
    // Nor once it is answered.
    take(&app, &expert, id).await;
    let res = app
        .graphql(
            Some(&expert),
            "mutation($id: ID!) { answerQuesito(id: $id, answer: \"Risposta completa al cittadino\") { status } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(data(&res)["answerQuesito"]["status"], "ANSWERED");
    assert!(conversion_offices(&app, &expert, id).await.is_empty());
});

/// Rows a conversion writes, counted unscoped: the quesito's version, its
/// events, the audit events about it, and all bookings.
async fn conversion_footprint(app: &TestApp, id: &str) -> (i32, u64, u64, u64) {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let db = &app.state.db;
    let uuid: uuid::Uuid = id.parse().unwrap();
    let version = entities::quesito::Entity::find_by_id(uuid).one(db).await.unwrap().unwrap().version;
    let events = entities::quesito_event::Entity::find()
        .filter(entities::quesito_event::Column::QuesitoId.eq(uuid))
        .count(db)
        .await
        .unwrap();
    let audited = entities::audit_event::Entity::find()
        .filter(entities::audit_event::Column::RecordId.eq(id))
        .count(db)
        .await
        .unwrap();
    let bookings = entities::appointment::Entity::find().count(db).await.unwrap();
    (version, events, audited, bookings)
}

// The one write path (issue 13): conversion writes the quesito's transition,
// its event and its audit event first, and only then books; a booking refused
// there must take all of them back with it.
both_backends!(
    a_conversion_refused_after_its_first_write_leaves_no_row_and_no_audit_event,
    |app: TestApp| async move {
        let expert = app.login("cric.sardegna").await;
        let q = file_ok(&app, "DR-SAR", "Fascicolo da ricostruire").await;
        let id = q["id"].as_str().unwrap();
        take(&app, &expert, id).await;
        let before = conversion_footprint(&app, id).await;

        // A day beyond CUP's 24-day window is refused by the booking, after the transition was written.
        let res = app.graphql(Some(&expert), CONVERT, json!({ "id": id, "i": booking("UT-CA1", 60) })).await;
        assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
        assert_eq!(conversion_footprint(&app, id).await, before, "(version, events, audit events, bookings)");
        assert_eq!(data(&get(&app, &expert, id).await)["quesito"]["status"], "IN_PROGRESS");

        // The same conversion, bookable, writes all of them together.
        let res = app.graphql(Some(&expert), CONVERT, json!({ "id": id, "i": booking("UT-CA1", 7) })).await;
        assert_eq!(data(&res)["convertQuesitoToAppointment"]["status"], "CONVERTED_TO_APPOINTMENT");
        let after = conversion_footprint(&app, id).await;
        assert_eq!((after.0, after.1, after.3), (before.0 + 1, before.1 + 1, before.3 + 1));
        assert!(after.2 > before.2, "the conversion is audited");
    }
);

const QUEUE: &str = "query($after: String) { quesiti(orderBy: DUE_FIRST, first: 2, after: $after, \
    filter: { status: [NEW, IN_PROGRESS] }) { nodes { id dueAt priority subject } pageInfo { hasNextPage endCursor } } }";

/// Where a priority comes among quesiti due together in the CRIC queue.
fn urgency(priority: &Value) -> u8 {
    match priority.as_str() {
        Some("HIGH") => 0,
        Some("NORMAL") => 1,
        _ => 2,
    }
}

/// The whole CRIC queue of `token`'s caller, page after page: (due, urgency, id, subject).
async fn queue(app: &TestApp, token: &str) -> Vec<(chrono::DateTime<chrono::FixedOffset>, u8, String, String)> {
    let (mut seen, mut after) = (Vec::new(), Value::Null);
    loop {
        let res = app.graphql(Some(token), QUEUE, json!({ "after": after })).await;
        let list = &data(&res)["quesiti"];
        for n in list["nodes"].as_array().unwrap() {
            let due = chrono::DateTime::parse_from_rfc3339(n["dueAt"].as_str().unwrap()).unwrap();
            let (id, subject) = (n["id"].as_str().unwrap().to_owned(), n["subject"].as_str().unwrap().to_owned());
            seen.push((due, urgency(&n["priority"]), id, subject));
        }
        if list["pageInfo"]["hasNextPage"] != true {
            return seen;
        }
        after = list["pageInfo"]["endCursor"].clone();
    }
}

// Issue 16: among quesiti due the same day (filed the same day), the more urgent come first.
both_backends!(the_cric_queue_puts_the_more_urgent_first_among_those_due_together, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    for (subject, priority) in [("Bassa", "LOW"), ("Alta", "HIGH"), ("Normale", "NORMAL"), ("Alta bis", "HIGH")] {
        let mut input = filing(&app, &ccm, "DR-SAR", subject).await;
        input["priority"] = json!(priority);
        assert!(file(&app, &ccm, input).await["errors"].is_null());
    }
    let expert = app.login("cric.sardegna").await;
    let seen = queue(&app, &expert).await;
    let ours: Vec<&str> =
        seen.iter().map(|q| q.3.as_str()).filter(|s| ["Bassa", "Alta", "Normale", "Alta bis"].contains(s)).collect();
    assert_eq!(ours, ["Alta", "Alta bis", "Normale", "Bassa"], "due together: high, normal, low, then as filed");
});

// Issue 16: the CRIC queue is ordered by due date (the overdue first), then
// urgency, page after page.
both_backends!(the_cric_queue_runs_by_due_date_across_pages, |app: TestApp| async move {
    for subject in ["Primo in coda", "Secondo in coda", "Terzo in coda"] {
        file_ok(&app, "DR-SAR", subject).await;
    }
    let expert = app.login("cric.sardegna").await;
    let seen = queue(&app, &expert).await;
    assert!(seen.len() >= 3, "{} rows over pages of 2", seen.len());
    let mut by_due = seen.clone();
    by_due.sort();
    by_due.dedup();
    assert_eq!(seen, by_due, "by due date, then urgency, then id, without repeats");
    let open = app.graphql(Some(&expert), "{ quesitoCount(filter: { status: [NEW, IN_PROGRESS] }) }", json!({})).await;
    assert_eq!(data(&open)["quesitoCount"].as_u64().unwrap() as usize, seen.len(), "every open quesito, once");
    // A cursor of the newest-first list is no cursor of this one.
    let newest =
        app.graphql(Some(&expert), "{ quesiti(first: 1) { nodes { id } pageInfo { endCursor } } }", json!({})).await;
    let cursor = data(&newest)["quesiti"]["pageInfo"]["endCursor"].clone();
    let res = app.graphql(Some(&expert), QUEUE, json!({ "after": cursor })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    // A client's order variable left unset (the admin app's other lists): newest first.
    let unset = "query($o: QuesitoOrder) { quesiti(orderBy: $o, first: 1) { nodes { id } } }";
    let res = app.graphql(Some(&expert), unset, json!({})).await;
    assert_eq!(data(&res)["quesiti"]["nodes"][0]["id"], data(&newest)["quesiti"]["nodes"][0]["id"], "{res}");
});
