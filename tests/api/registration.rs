//! Self-registration of professionals: no existence oracle, limits per address
//! and per target, and invalid attempts that lock nobody out.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, data, error_code};

pub(crate) const REGISTER: &str =
    r#"mutation($i: RegisterProfessionalInput!) { registerAsProfessional(input: $i) { message messageEn } }"#;

/// A valid fiscal code made from `n` (the check character found by trying each letter).
pub(crate) fn fiscal_code(n: usize) -> String {
    let first15 = format!("BNCGNN80A{:02}H501", 1 + n % 28);
    let surname = ["BNC", "VRD", "NRI", "GLL", "RSS", "BLU", "MRR", "FRR", "CST", "PNT", "SNN", "MLS"][n / 28 % 12];
    let first15 = format!("{surname}{}", &first15[3..]);
    ('A'..='Z')
        .map(|c| format!("{first15}{c}"))
        .find(|code| api::validation::FiscalCode::parse(code).is_ok())
        .expect("one check character fits")
}

pub(crate) fn form(n: usize) -> Value {
    json!({
        "username": format!("prof.nuovo{n}"), "password": "password-molto-lunga", "fiscalCode": fiscal_code(n),
        "name": "Gianna Bianchi", "entratelUserType": "A30", "albo": "Ordine dei Consulenti del Lavoro di Cagliari",
        "alboProvince": "CA", "alboNumber": format!("{n}"), "email": format!("prof{n}@example.it"),
    })
}

async fn register_from(app: &TestApp, client: &reqwest::Client, i: Value) -> Value {
    let body = json!({ "query": REGISTER, "variables": { "i": i } });
    client.post(format!("{}/graphql", app.address)).json(&body).send().await.unwrap().json().await.unwrap()
}

fn mails(app: &TestApp) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(app.mail_dir()) else { return Vec::new() };
    dir.filter_map(|e| e.ok()).filter_map(|e| std::fs::read_to_string(e.path()).ok()).collect()
}

both_backends!(a_taken_username_or_fiscal_code_gets_the_same_answer_as_a_free_one, |app: TestApp| async move {
    let free = app.graphql(None, REGISTER, json!({ "i": form(1) })).await;
    let mut taken_username = form(2);
    taken_username["username"] = json!("prof.rossi");
    let taken_user = app.graphql(None, REGISTER, json!({ "i": taken_username })).await;
    let mut taken_code = form(3);
    taken_code["fiscalCode"] = json!("RSSMRA80A01H501U");
    let taken_cf = app.graphql(None, REGISTER, json!({ "i": taken_code })).await;
    data(&free);
    assert_eq!(free, taken_user);
    assert_eq!(free, taken_cf);
    // Only the free one was written; each outcome went to its own address.
    assert!(app.try_login("prof.nuovo1", "password-molto-lunga").await["data"]["login"]["token"].is_string());
    assert!(app.try_login("prof.nuovo3", "password-molto-lunga").await.get("errors").is_some());
    app.drain_outbox().await;
    let sent = mails(&app);
    let to = |addr: &str| sent.iter().find(|m| m.contains(addr)).cloned().unwrap_or_default();
    assert!(to("prof1@example.it").contains("Registrazione ricevuta"), "{sent:?}");
    assert!(to("prof2@example.it").contains("Registrazione non completata"), "{sent:?}");
    assert!(to("prof3@example.it").contains("Registrazione non completata"), "{sent:?}");
});

both_backends!(invalid_self_registrations_do_not_lock_anybody_out, |app: TestApp| async move {
    for n in 0..35 {
        let mut bad = form(n);
        bad["fiscalCode"] = json!("NONVALIDO");
        let res = app.graphql(None, REGISTER, json!({ "i": bad })).await;
        assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    }
    data(&app.graphql(None, REGISTER, json!({ "i": form(40) })).await);
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_address_is_limited_without_limiting_the_others() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let here = reqwest::Client::builder().local_address("127.0.0.1".parse().ok()).build().unwrap();
    let elsewhere = reqwest::Client::builder().local_address("127.0.0.2".parse().ok()).build().unwrap();
    for n in 0..10 {
        data(&register_from(&app, &here, form(n)).await);
    }
    let res = register_from(&app, &here, form(10)).await;
    assert_eq!(error_code(&res), Some("RATE_LIMITED"), "{res}");
    data(&register_from(&app, &elsewhere, form(11)).await);
    // One target is limited on its own, from any address.
    for _ in 0..3 {
        data(&register_from(&app, &elsewhere, form(12)).await);
    }
    let res = register_from(&app, &elsewhere, form(12)).await;
    assert_eq!(error_code(&res), Some("RATE_LIMITED"), "{res}");
}

both_backends!(a_director_learns_no_more_than_needed_about_a_foreign_username, |app: TestApp| async move {
    let director = app.login("dr.sardegna").await;
    let create = r#"mutation($input: CreatePersonInput!) { createPerson(input: $input) { username } }"#;
    let input = json!({ "input": {
        "username": "op.roma1", "displayName": "Nuovo Operatore", "initialPassword": "una-password-lunga",
        "assignment": { "role": "OPERATOR", "unitCode": "UT-CA1" }
    }});
    let res = app.graphql(Some(&director), create, input).await;
    assert_eq!(error_code(&res), Some("CONFLICT"));
    assert_eq!(res["errors"][0]["message"], "Nome utente non disponibile: scegline un altro");
    let auditor = app.login("auditor.sardegna").await;
    let events = app
        .graphql(Some(&auditor), "{ auditEvents(first: 100) { nodes { action actor unit { code } } } }", json!({}))
        .await;
    let refused: Vec<&Value> = data(&events)["auditEvents"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "person.create_refused")
        .collect();
    assert_eq!(refused.len(), 1, "{events}");
    assert_eq!(refused[0]["actor"], "dr.sardegna");
    assert_eq!(refused[0]["unit"]["code"], "UT-CA1");
});
