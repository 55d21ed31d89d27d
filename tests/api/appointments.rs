//! CUP bookings: import, reading and scope, precalls, counter sessions,
//! concurrency (docs/domain.md §5, issue 4).

use chrono::{Duration, Utc};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};

// ---------------------------------------------------------------- helpers

/// A fixture of tests/fixtures/cup with `{{D+n}}` replaced by today + n (Europe/Rome).
pub fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/cup").join(name);
    let mut text = std::fs::read_to_string(path).unwrap();
    let today = api::appointments::domain::rome_date(Utc::now());
    for n in (0..=40).rev() {
        let day = today + Duration::days(n);
        text = text.replace(&format!("{{{{D+{n}}}}}"), &day.format("%d/%m/%Y").to_string());
    }
    text
}

pub fn day(n: i64) -> String {
    (api::appointments::domain::rome_date(Utc::now()) + Duration::days(n)).format("%Y-%m-%d").to_string()
}

/// The first day from today + `n` on which every demo office opens (Monday to
/// Friday mornings 08:45–12:45, no national holiday, no patron saint of the
/// demo's DPs), by the kernel's calendar: bookings then between 09:00 and
/// 12:30 are within opening hours, whatever day the tests run.
pub fn open_day(n: i64) -> String {
    open_date(n).format("%Y-%m-%d").to_string()
}

pub fn open_date(n: i64) -> chrono::NaiveDate {
    use api::kernel::unit_calendar::{Closure, Interval, UnitCalendar};
    use chrono::Weekday::{Fri, Mon, Thu, Tue, Wed};
    let hours = [Mon, Tue, Wed, Thu, Fri].into_iter().filter_map(|w| Interval::from_minutes(w, 525, 765)).collect();
    let closures = [(10, 30), (12, 6), (6, 29)]
        .into_iter()
        .map(|(m, d)| {
            let day = chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
            Closure { first_day: day, last_day: day, yearly: true, reason: "patrono".into() }
        })
        .collect();
    let calendar = UnitCalendar { hours, closures };
    let mut date = api::appointments::domain::rome_date(Utc::now()) + Duration::days(n);
    while !calendar.is_working_day(date) {
        date = date.succ_opt().unwrap();
    }
    date
}

const IMPORT: &str = "mutation($office: String!, $file: Upload!) {
  importCupBookings(officeCode: $office, file: $file) {
    created updated unchanged cancelled days rejected { row cupNumber reason reasonEn }
    outsideOpeningHours { row cupNumber startsAt reason reasonEn }
  }
}";

/// Uploads a CSV with the GraphQL multipart request spec.
pub async fn import(app: &TestApp, token: &str, office: &str, csv: &str) -> Value {
    import_bytes(app, token, office, csv.as_bytes().to_vec()).await
}

/// Uploads a file of any bytes (another encoding, a NUL…).
pub async fn import_bytes(app: &TestApp, token: &str, office: &str, bytes: Vec<u8>) -> Value {
    let operations = json!({ "query": IMPORT, "variables": { "office": office, "file": null } });
    let form = reqwest::multipart::Form::new()
        .text("operations", operations.to_string())
        .text("map", json!({ "0": ["variables.file"] }).to_string())
        .part("0", csv_part(bytes));
    let res = app.post("/graphql").bearer_auth(token).multipart(form).send().await.unwrap();
    res.json().await.unwrap()
}

fn csv_part(bytes: Vec<u8>) -> reqwest::multipart::Part {
    reqwest::multipart::Part::bytes(bytes).file_name("visualizza.csv").mime_str("text/csv").unwrap()
}

const FIELDS: &str = "id cupNumber date status channel version fiscalCode phone
  service { code fast }
  precall { status outcome result note coverage assignee { username } }
  counter { operator { username } channel outcome protocolNumber durationMinutes overTimeLimit startedAt }";

pub async fn list(app: &TestApp, token: &str, filter: Value) -> Vec<Value> {
    let q = format!(
        "query($f: AppointmentFilter) {{ appointments(filter: $f, first: 100) {{ edges {{ node {{ {FIELDS} }} }} }} }}"
    );
    let res = app.graphql(Some(token), &q, json!({ "f": filter })).await;
    data(&res)["appointments"]["edges"].as_array().unwrap().iter().map(|e| e["node"].clone()).collect()
}

/// Bookings of `office` on `date` that came from a test's CUP file (numbers 77…):
/// the demo data has bookings of its own on the next working days, and on
/// some weekdays (a Sunday's fourth day, say) they fall on the fixture's day.
pub async fn imported_on(app: &TestApp, token: &str, office: &str, date: &str) -> Vec<Value> {
    list(app, token, json!({ "officeCode": office, "from": date, "to": date }))
        .await
        .into_iter()
        .filter(|a| a["cupNumber"].as_str().is_some_and(|c| c.starts_with("77")))
        .collect()
}

pub async fn by_cup(app: &TestApp, token: &str, office: &str, cup: &str) -> Value {
    list(app, token, json!({ "officeCode": office }))
        .await
        .into_iter()
        .find(|a| a["cupNumber"] == cup)
        .unwrap_or_else(|| panic!("booking {cup} not found"))
}

async fn mutate(app: &TestApp, token: &str, query: &str, vars: Value) -> Value {
    app.graphql(Some(token), query, vars).await
}

const ASSIGN_PRECALLS: &str = "mutation($ids: [ID!]!, $u: String!) { assignPrecalls(appointmentIds: $ids, username: $u) { id precall { status assignee { username } } } }";
const RECORD_PRECALL: &str = "mutation($id: ID!, $i: PrecallOutcomeInput!, $v: Int) { recordPrecallOutcome(appointmentId: $id, input: $i, version: $v) { id status channel version precall { status outcome result note coverage } } }";
const ASSIGN_COUNTER: &str = "mutation($id: ID!, $u: String!, $c: AppointmentChannel!, $v: Int) { assignCounter(appointmentId: $id, username: $u, channel: $c, version: $v) { id status version counter { operator { username } channel } } }";
const START: &str = "mutation($id: ID!) { startCounterSession(id: $id) { id status counter { startedAt } } }";
const OUTCOME: &str = "mutation($id: ID!, $o: CounterOutcome!, $p: String, $c: Boolean) { recordCounterOutcome(id: $id, outcome: $o, protocolNumber: $p, confirmOverFifteenMinutes: $c) { id status counter { outcome protocolNumber durationMinutes overTimeLimit } } }";

async fn audit_actions(app: &TestApp, record_id: &str) -> Vec<String> {
    let admin = app.login("admin").await;
    let res = app
        .graphql(
            Some(&admin),
            "{ auditEvents(filter: { recordType: \"appointment\" }, first: 100) { edges { node { action recordId actingRole } } } }",
            json!({}),
        )
        .await;
    data(&res)["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["node"]["recordId"] == record_id)
        .map(|e| e["node"]["action"].as_str().unwrap().to_owned())
        .collect()
}

// ---------------------------------------------------------------- import

both_backends!(importing_the_fixture_twice_changes_nothing, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let csv = fixture("visualizza-ut-ca1.csv");
    let first = import(&app, &director, "UT-CA1", &csv).await;
    let report = &data(&first)["importCupBookings"];
    assert_eq!(report["created"], 8, "{first}");
    assert_eq!(report["rejected"], json!([]));
    assert_eq!(report["days"], json!([day(4), day(5)]));
    let filter = json!({ "officeCode": "UT-CA1", "from": day(4), "to": day(5) });
    let before = list(&app, &director, filter.clone()).await;

    let second = import(&app, &director, "UT-CA1", &csv).await;
    let report = &data(&second)["importCupBookings"];
    assert_eq!(
        (
            report["created"].as_i64(),
            report["updated"].as_i64(),
            report["cancelled"].as_i64(),
            report["unchanged"].as_i64()
        ),
        (Some(0), Some(0), Some(0), Some(8))
    );
    let after = list(&app, &director, filter).await;
    assert_eq!(before, after, "a second import must leave the data identical");

    // Fast services are not precalled; times are Europe/Rome.
    let fast = after.iter().find(|a| a["cupNumber"] == "770004").unwrap();
    assert_eq!(fast["precall"]["status"], "NOT_REQUIRED");
    assert_eq!(after.iter().find(|a| a["cupNumber"] == "770001").unwrap()["precall"]["status"], "UNASSIGNED");
    let t = app
        .graphql(Some(&director), "query($id: ID!) { appointment(id: $id) { time } }", json!({ "id": fast["id"] }))
        .await;
    assert_eq!(data(&t)["appointment"]["time"], "10:00:00");
});

both_backends!(broken_rows_are_reported_by_line_and_the_rest_is_written, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let res = import(&app, &director, "UT-CA1", &fixture("visualizza-ut-ca1-broken.csv")).await;
    let report = &data(&res)["importCupBookings"];
    assert_eq!(report["created"], 2, "{res}");
    let rows: Vec<i64> = report["rejected"].as_array().unwrap().iter().map(|r| r["row"].as_i64().unwrap()).collect();
    assert_eq!(rows, vec![3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for r in report["rejected"].as_array().unwrap() {
        assert!(!r["reason"].as_str().unwrap().is_empty() && !r["reasonEn"].as_str().unwrap().is_empty());
    }
    let reasons: Vec<&str> =
        report["rejected"].as_array().unwrap().iter().map(|r| r["reasonEn"].as_str().unwrap()).collect();
    assert!(reasons[3].contains("service"), "{reasons:?}");
    assert!(reasons[4].contains("24-day"), "{reasons:?}");
    // Nothing of the bad rows was written.
    let written: Vec<String> = list(&app, &director, json!({ "officeCode": "UT-CA1", "from": day(6), "to": day(31) }))
        .await
        .iter()
        .map(|a| a["cupNumber"].as_str().unwrap().to_owned())
        .filter(|n| n.starts_with("88"))
        .collect();
    assert_eq!(written.len(), 2);
    assert!(written.contains(&"880001".to_owned()) && written.contains(&"880011".to_owned()));
    // The repeated number kept the first row's citizen.
    let first = by_cup(&app, &director, "UT-CA1", "880001").await;
    assert_eq!(first["fiscalCode"], "MLSGNN75C45B354Q");
});

both_backends!(a_booking_missing_from_a_newer_export_is_cancelled_not_deleted, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let csv = fixture("visualizza-ut-ca1.csv");
    data(&import(&app, &director, "UT-CA1", &csv).await);
    // CUP dropped 770002 and 770005 changed phone.
    let newer: String = csv
        .lines()
        .filter(|l| !l.starts_with("770002"))
        .map(|l| if l.starts_with("770005") { l.replace("079 234567", "079 111222") } else { l.to_owned() })
        .collect::<Vec<_>>()
        .join("\n");
    let res = import(&app, &director, "UT-CA1", &newer).await;
    let report = &data(&res)["importCupBookings"];
    assert_eq!(
        (report["created"].as_i64(), report["updated"].as_i64(), report["cancelled"].as_i64()),
        (Some(0), Some(1), Some(1))
    );
    let gone = by_cup(&app, &director, "UT-CA1", "770002").await;
    assert_eq!(gone["status"], "CANCELLED");
    assert_eq!(by_cup(&app, &director, "UT-CA1", "770005").await["phone"], "079111222");
    // Back in CUP: reinstated.
    let res = import(&app, &director, "UT-CA1", &csv).await;
    assert_eq!(data(&res)["importCupBookings"]["updated"], 2);
    assert_eq!(by_cup(&app, &director, "UT-CA1", "770002").await["status"], "BOOKED");
});

both_backends!(only_the_office_director_imports_and_a_bad_header_refuses_the_file, |app: TestApp| async move {
    let operator = app.login("op.cagliari1").await;
    let res = import(&app, &operator, "UT-CA1", &fixture("visualizza-ut-ca1.csv")).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"), "{res}");
    let sassari_director_absent = app.login("dir.cagliari1").await;
    let res = import(&app, &sassari_director_absent, "UT-SS", &fixture("visualizza-ut-ca1.csv")).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
    let res = import(&app, &sassari_director_absent, "UT-CA1", "NUMERO;DATA\n1;01/01/2030\n").await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    assert_eq!(res["errors"][0]["extensions"]["field"], "file");
});

/// The fixture's header and its first `n` rows.
fn fixture_head(n: usize) -> Vec<String> {
    fixture("visualizza-ut-ca1.csv").lines().take(n + 1).map(str::to_owned).collect()
}

both_backends!(a_cell_with_a_nul_refuses_its_row_and_the_good_rows_are_written, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let mut lines = fixture_head(3);
    lines[2] = lines[2].replace("Sanna Paolo", "Sanna\u{0}Paolo");
    let long_code = "S".repeat(33);
    lines.push(lines[3].replace("770003", "770099").replace("AVV-IRR", &long_code));
    let res = import(&app, &director, "UT-CA1", &lines.join("\n")).await;
    let report = &data(&res)["importCupBookings"];
    assert_eq!(report["created"], 2, "{res}");
    let rejected = report["rejected"].as_array().unwrap();
    let rows: Vec<i64> = rejected.iter().map(|r| r["row"].as_i64().unwrap()).collect();
    assert_eq!(rows, vec![3, 5], "{res}");
    assert_eq!(rejected[0]["cupNumber"], "770002");
    assert_eq!(rejected[0]["reasonEn"], "The column COGNOME E NOME contains control characters");
    assert_eq!(rejected[0]["reason"], "La colonna COGNOME E NOME contiene caratteri di controllo");
    assert_eq!(rejected[1]["reasonEn"], "The column CODICE SERVIZIO is longer than 32 characters");
    let written: Vec<String> = imported_on(&app, &director, "UT-CA1", &day(4))
        .await
        .iter()
        .map(|a| a["cupNumber"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(written.len(), 2, "{written:?}");
    assert!(written.contains(&"770001".to_owned()) && written.contains(&"770003".to_owned()));
});

both_backends!(a_utf16_file_is_refused_as_a_whole_not_row_by_row, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let text = fixture_head(3).join("\r\n");
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let res = import_bytes(&app, &director, "UT-CA1", utf16).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    assert_eq!(res["errors"][0]["extensions"]["field"], "file");
    assert!(res["errors"][0]["message"].as_str().unwrap().starts_with("Il file deve essere in UTF-8"), "{res}");
    // Without a byte-order mark too.
    let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let res = import_bytes(&app, &director, "UT-CA1", bare).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    assert!(imported_on(&app, &director, "UT-CA1", &day(4)).await.is_empty());
});

both_backends!(a_second_uploaded_file_is_refused_not_ignored, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let csv = fixture_head(2).join("\n");
    // One file mapped and a second one not: the second used to be dropped silently;
    // two files mapped to the same variable: the first used to be dropped.
    for map in [json!({ "0": ["variables.file"] }), json!({ "0": ["variables.file"], "1": ["variables.file"] })] {
        let operations = json!({ "query": IMPORT, "variables": { "office": "UT-CA1", "file": null } });
        let form = reqwest::multipart::Form::new()
            .text("operations", operations.to_string())
            .text("map", map.to_string())
            .part("0", csv_part(csv.clone().into_bytes()))
            .part("1", csv_part(csv.clone().into_bytes()));
        let res = app.post("/graphql").bearer_auth(&director).multipart(form).send().await.unwrap();
        assert_eq!(res.status(), 400, "{map}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
        assert!(body["errors"][0]["message"].as_str().unwrap().contains("one file"), "{body}");
    }
    assert!(imported_on(&app, &director, "UT-CA1", &day(4)).await.is_empty());
    // One file is still fine.
    let res = import(&app, &director, "UT-CA1", &csv).await;
    assert_eq!(data(&res)["importCupBookings"]["created"], 2, "{res}");
});

// ---------------------------------------------------------------- the whole flow

both_backends!(a_booking_goes_from_import_to_back_office_and_every_step_is_audited, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let coordinator = app.login("coord.cagliari1").await;
    let operator = app.login("op.cagliari1").await;
    data(&import(&app, &director, "UT-CA1", &fixture("visualizza-ut-ca1.csv")).await);
    let booking = by_cup(&app, &director, "UT-CA1", "770001").await;
    let id = booking["id"].as_str().unwrap().to_owned();

    let res = mutate(&app, &coordinator, ASSIGN_PRECALLS, json!({ "ids": [id], "u": "op.cagliari1" })).await;
    assert_eq!(data(&res)["assignPrecalls"][0]["precall"]["status"], "ASSIGNED");

    let res = mutate(
        &app,
        &operator,
        RECORD_PRECALL,
        json!({ "id": id, "i": { "outcome": "POSITIVE", "result": "CONFIRMED_IN_PERSON", "note": "Porta il testamento" } }),
    )
    .await;
    let rec = &data(&res)["recordPrecallOutcome"];
    assert_eq!(rec["status"], "CONFIRMED");
    assert_eq!(rec["precall"]["note"], "Porta il testamento");
    assert_eq!(rec["precall"]["coverage"], "COVERED");

    let res =
        mutate(&app, &coordinator, ASSIGN_COUNTER, json!({ "id": id, "u": "op.cagliari1", "c": "IN_PERSON" })).await;
    assert_eq!(data(&res)["assignCounter"]["status"], "COUNTER_ASSIGNED");

    let res = mutate(&app, &operator, START, json!({ "id": id })).await;
    assert_eq!(data(&res)["startCounterSession"]["status"], "IN_SESSION");

    let res = mutate(&app, &operator, OUTCOME, json!({ "id": id, "o": "TRANSFERRED_TO_BACK_OFFICE" })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    assert_eq!(res["errors"][0]["extensions"]["field"], "protocolNumber");
    let res =
        mutate(&app, &operator, OUTCOME, json!({ "id": id, "o": "TRANSFERRED_TO_BACK_OFFICE", "p": "2026/0012345" }))
            .await;
    let closed = &data(&res)["recordCounterOutcome"];
    assert_eq!(closed["status"], "CLOSED");
    assert_eq!(closed["counter"]["protocolNumber"], "2026/0012345");
    assert_eq!(closed["counter"]["overTimeLimit"], false);

    let actions = audit_actions(&app, &id).await;
    for step in [
        "appointment.import_create",
        "appointment.precall_assign",
        "appointment.precall_record",
        "appointment.counter_assign",
        "appointment.session_start",
        "appointment.session_outcome",
    ] {
        assert!(actions.iter().any(|a| a == step), "{step} missing from {actions:?}");
    }
});

both_backends!(a_protocol_number_is_refused_on_a_completed_session, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let operator = app.login("op.cagliari1").await;
    // Demo data: today's UT-CA1 booking 40100 is designated to op.cagliari1.
    let booking = by_cup(&app, &director, "UT-CA1", "40100").await;
    let id = booking["id"].clone();
    data(&mutate(&app, &operator, START, json!({ "id": id })).await);
    let res = mutate(&app, &operator, OUTCOME, json!({ "id": id, "o": "COMPLETED", "p": "123" })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    // A session over 15 minutes is flagged.
    use sea_orm::{ConnectionTrait, Statement};
    let started = Utc::now() - Duration::minutes(20);
    let backend = app.state.db.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => "UPDATE appointment SET counter_started_at = $1 WHERE cup_number = '40100'",
        _ => "UPDATE appointment SET counter_started_at = ? WHERE cup_number = '40100'",
    };
    app.state.db.execute_raw(Statement::from_sql_and_values(backend, sql, [started.into()])).await.unwrap();
    // The 15-minute rule: past them, COMPLETED needs an explicit confirmation.
    let completed_before = completed_over_15(&app, &director).await;
    let res = mutate(&app, &operator, OUTCOME, json!({ "id": id, "o": "COMPLETED" })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    assert_eq!(res["errors"][0]["extensions"]["field"], "confirmOverFifteenMinutes");
    assert!(res["errors"][0]["message"].as_str().unwrap().contains("back office"), "{res}");
    let res = mutate(&app, &operator, OUTCOME, json!({ "id": id, "o": "COMPLETED", "c": false })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{res}");
    let res = mutate(&app, &operator, OUTCOME, json!({ "id": id, "o": "COMPLETED", "c": true })).await;
    let counter = &data(&res)["recordCounterOutcome"]["counter"];
    assert_eq!(counter["overTimeLimit"], true);
    assert!(counter["durationMinutes"].as_i64().unwrap() >= 20);
    // Counted apart in monitoring, in `stats` and in `statsCsv`.
    assert_eq!(completed_over_15(&app, &director).await, completed_before + 1);
    let csv = app
        .graphql(
            Some(&director),
            "query($d: NaiveDate!) { statsCsv(unitCode: \"UT-CA1\", from: $d, to: $d) }",
            json!({ "d": day(0) }),
        )
        .await;
    let csv = data(&csv)["statsCsv"].as_str().unwrap().to_owned();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let column = header.iter().position(|h| *h == "Concluse oltre 15 minuti").expect("the CSV column");
    let first: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(first[column], (completed_before + 1).to_string(), "{csv}");
});

/// "Concluse oltre 15 minuti" of UT-CA1 today, as its director reads it.
async fn completed_over_15(app: &TestApp, director: &str) -> i64 {
    let res = app
        .graphql(
            Some(director),
            "query($d: NaiveDate!) { stats(unitCode: \"UT-CA1\", from: $d, to: $d) { figures { appointments { completedOver15Minutes } } } }",
            json!({ "d": day(0) }),
        )
        .await;
    data(&res)["stats"]["figures"]["appointments"]["completedOver15Minutes"].as_i64().unwrap()
}

// ---------------------------------------------------------------- precall rules

both_backends!(precall_combinations_that_make_no_sense_are_bad_input, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let operator = app.login("op.cagliari1").await;
    data(&import(&app, &director, "UT-CA1", &fixture("visualizza-ut-ca1.csv")).await);
    let with_phone = by_cup(&app, &director, "UT-CA1", "770001").await["id"].clone();
    let without_phone = by_cup(&app, &director, "UT-CA1", "770003").await["id"].clone();
    data(
        &mutate(&app, &director, ASSIGN_PRECALLS, json!({ "ids": [with_phone, without_phone], "u": "op.cagliari1" }))
            .await,
    );
    for input in [
        json!({ "outcome": "NEGATIVE", "reason": "NO_ANSWER", "result": "CONFIRMED_VIRTUAL" }),
        json!({ "outcome": "POSITIVE", "result": "SERVED_REMOTELY", "note": "nota" }),
        json!({ "outcome": "NEGATIVE", "reason": "MISSING_PHONE" }),
        json!({ "outcome": "POSITIVE" }),
        json!({ "outcome": "NOT_CONTACTABLE", "reason": "MISSING_PHONE" }),
        json!({ "outcome": "POSITIVE", "result": "CONFIRMED_VIRTUAL" }),
    ] {
        let res = mutate(&app, &operator, RECORD_PRECALL, json!({ "id": with_phone, "i": input })).await;
        assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{input} -> {res}");
    }
    let res = mutate(
        &app,
        &operator,
        RECORD_PRECALL,
        json!({ "id": without_phone, "i": { "outcome": "NOT_CONTACTABLE", "reason": "MISSING_PHONE" } }),
    )
    .await;
    assert_eq!(data(&res)["recordPrecallOutcome"]["precall"]["status"], "DONE");
    // A negative precall can be tried again, a served one closes the booking before the counter.
    let res = mutate(
        &app,
        &operator,
        RECORD_PRECALL,
        json!({ "id": with_phone, "i": { "outcome": "NEGATIVE", "reason": "NO_ANSWER" } }),
    )
    .await;
    assert_eq!(data(&res)["recordPrecallOutcome"]["status"], "BOOKED");
    let res = mutate(
        &app,
        &operator,
        RECORD_PRECALL,
        json!({ "id": with_phone, "i": { "outcome": "POSITIVE", "result": "SERVED_REMOTELY" } }),
    )
    .await;
    assert_eq!(data(&res)["recordPrecallOutcome"]["status"], "RESOLVED_BY_PRECALL");
    let res = mutate(
        &app,
        &operator,
        RECORD_PRECALL,
        json!({ "id": with_phone, "i": { "outcome": "NEGATIVE", "reason": "NO_ANSWER" } }),
    )
    .await;
    assert_eq!(error_code(&res), Some("CONFLICT"));
});

both_backends!(only_the_assignee_records_a_precall, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    data(&import(&app, &director, "UT-CA1", &fixture("visualizza-ut-ca1.csv")).await);
    let id = by_cup(&app, &director, "UT-CA1", "770001").await["id"].clone();
    data(&mutate(&app, &director, ASSIGN_PRECALLS, json!({ "ids": [id], "u": "op.cagliari1" })).await);
    let other = app.login("op2.cagliari1").await;
    let res = mutate(
        &app,
        &other,
        RECORD_PRECALL,
        json!({ "id": id, "i": { "outcome": "NEGATIVE", "reason": "NO_ANSWER" } }),
    )
    .await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"));
    // An operator cannot assign.
    let res = mutate(&app, &other, ASSIGN_PRECALLS, json!({ "ids": [id], "u": "op2.cagliari1" })).await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"));
    // Nobody outside the office can be the assignee.
    let res = mutate(&app, &director, ASSIGN_PRECALLS, json!({ "ids": [id], "u": "op.sassari" })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
});

both_backends!(auto_assignment_spreads_the_day_over_skilled_operators, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    data(&import(&app, &director, "UT-CA1", &fixture("visualizza-ut-ca1.csv")).await);
    let res = mutate(
        &app,
        &director,
        "mutation($d: NaiveDate!) { autoAssignPrecalls(officeCode: \"UT-CA1\", date: $d) {
            assigned { cupNumber service { code } precall { assignee { username } } }
            withoutSkilledOperator { cupNumber } perOperator { username count } } }",
        json!({ "d": day(4) }),
    )
    .await;
    let result = &data(&res)["autoAssignPrecalls"];
    // 770004 is a fast service: not precalled. The other four are spread.
    let assigned = result["assigned"].as_array().unwrap();
    assert_eq!(assigned.len(), 4, "{result}");
    for a in assigned {
        let who = a["precall"]["assignee"]["username"].as_str().unwrap();
        let code = a["service"]["code"].as_str().unwrap();
        let skilled = match who {
            "op.cagliari1" => ["SUCC", "REG-LOC", "AVV-IRR", "RIMB"].contains(&code),
            "op2.cagliari1" => ["REG-LOC", "PIVA", "DICH", "RIMB", "CARTELLE"].contains(&code),
            _ => false,
        };
        assert!(skilled, "{who} got {code}");
    }
    let counts: Vec<i64> =
        result["perOperator"].as_array().unwrap().iter().map(|c| c["count"].as_i64().unwrap()).collect();
    assert_eq!(counts.len(), 2, "{result}");
    assert!((counts[0] - counts[1]).abs() <= 2, "{result}");
});

// ---------------------------------------------------------------- counter rules

both_backends!(counter_assignment_needs_the_skill_and_a_virtual_counter, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    data(&import(&app, &director, "UT-CA1", &fixture("visualizza-ut-ca1.csv")).await);
    let piva = by_cup(&app, &director, "UT-CA1", "770006").await["id"].clone();
    // op.cagliari1 has no PIVA skill.
    let res =
        mutate(&app, &director, ASSIGN_COUNTER, json!({ "id": piva, "u": "op.cagliari1", "c": "IN_PERSON" })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    // UT-CA1 has no virtual counter.
    let res =
        mutate(&app, &director, ASSIGN_COUNTER, json!({ "id": piva, "u": "op2.cagliari1", "c": "VIRTUAL" })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    let res =
        mutate(&app, &director, ASSIGN_COUNTER, json!({ "id": piva, "u": "op2.cagliari1", "c": "IN_PERSON" })).await;
    assert_eq!(data(&res)["assignCounter"]["counter"]["operator"]["username"], "op2.cagliari1");
    // Skills set by the coordinator make op.cagliari1 eligible: the designated operator changes.
    let coordinator = app.login("coord.cagliari1").await;
    let res = mutate(
        &app,
        &coordinator,
        "mutation { setOperatorSkills(username: \"op.cagliari1\", serviceCodes: [\"SUCC\", \"PIVA\"]) { officeCode services { code } } }",
        json!({}),
    )
    .await;
    assert_eq!(data(&res)["setOperatorSkills"]["services"].as_array().unwrap().len(), 2);
    let res =
        mutate(&app, &coordinator, ASSIGN_COUNTER, json!({ "id": piva, "u": "op.cagliari1", "c": "IN_PERSON" })).await;
    assert_eq!(data(&res)["assignCounter"]["counter"]["operator"]["username"], "op.cagliari1");
    let actions = audit_actions(&app, piva.as_str().unwrap()).await;
    assert!(actions.contains(&"appointment.counter_reassign".to_owned()), "{actions:?}");
    // Operators cannot set skills.
    let operator = app.login("op.cagliari1").await;
    let res = mutate(
        &app,
        &operator,
        "mutation { setOperatorSkills(username: \"op.cagliari1\", serviceCodes: []) { officeCode } }",
        json!({}),
    )
    .await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
});

both_backends!(next_appointment_dequeues_my_bookings_of_today_in_order, |app: TestApp| async move {
    let operator = app.login("op.cagliari1").await;
    let next = "mutation { nextAppointment { cupNumber status counter { operator { username } startedAt } } }";
    let res = mutate(&app, &operator, next, json!({})).await;
    let first = &data(&res)["nextAppointment"];
    assert_eq!(first["cupNumber"], "40100");
    assert_eq!(first["status"], "IN_SESSION");
    let res = mutate(&app, &operator, next, json!({})).await;
    assert_eq!(data(&res)["nextAppointment"]["cupNumber"], "40101");
    // Then today's unassigned booking for a service op.cagliari1 can give (CF-TS, 40103).
    let res = mutate(&app, &operator, next, json!({})).await;
    let taken = &data(&res)["nextAppointment"];
    assert_eq!(taken["cupNumber"], "40103");
    assert_eq!(taken["counter"]["operator"]["username"], "op.cagliari1");
    let res = mutate(&app, &operator, next, json!({})).await;
    assert_eq!(data(&res)["nextAppointment"], Value::Null);
});

// ---------------------------------------------------------------- scope

both_backends!(op_sassari_cannot_see_or_change_ut_ca1_bookings, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let sassari = app.login("op.sassari").await;
    let booking = by_cup(&app, &director, "UT-CA1", "40104").await;
    let id = booking["id"].clone();
    let res = app.graphql(Some(&sassari), "query($id: ID!) { appointment(id: $id) { id } }", json!({ "id": id })).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
    let all = list(&app, &sassari, json!({})).await;
    assert!(!all.is_empty());
    assert!(all.iter().all(|a| a["cupNumber"] != "40104"));
    let ca1 = list(&app, &sassari, json!({ "officeCode": "UT-CA1" })).await;
    assert!(ca1.is_empty());
    for (q, vars) in [
        (RECORD_PRECALL, json!({ "id": id, "i": { "outcome": "NEGATIVE", "reason": "NO_ANSWER" } })),
        (ASSIGN_COUNTER, json!({ "id": id, "u": "op.sassari", "c": "IN_PERSON" })),
        (START, json!({ "id": id })),
        ("mutation($id: ID!) { cancelAppointment(id: $id, reason: \"x\") { id } }", json!({ "id": id })),
    ] {
        let res = mutate(&app, &sassari, q, vars).await;
        assert_eq!(error_code(&res), Some("NOT_FOUND"), "{q}");
    }
    // The other region sees nothing of Sardinia.
    let roma = app.login("op.roma1").await;
    assert!(list(&app, &roma, json!({})).await.iter().all(|a| a["cupNumber"].as_str().unwrap() >= "40116"));
});

both_backends!(my_worklist_holds_only_what_is_assigned_to_me, |app: TestApp| async move {
    let op = app.login("op.cagliari1").await;
    let q = "{ myWorklist {
        precalls { cupNumber precall { assignee { username } } }
        counterSessions { cupNumber counter { operator { username } } }
        callbacks { topic assignee { username } } } }";
    let res = app.graphql(Some(&op), q, json!({})).await;
    let w = &data(&res)["myWorklist"];
    let precalls = w["precalls"].as_array().unwrap();
    let sessions = w["counterSessions"].as_array().unwrap();
    let callbacks = w["callbacks"].as_array().unwrap();
    assert!(!precalls.is_empty() && !sessions.is_empty() && !callbacks.is_empty(), "{w}");
    assert!(precalls.iter().all(|p| p["precall"]["assignee"]["username"] == "op.cagliari1"));
    assert!(sessions.iter().all(|s| s["counter"]["operator"]["username"] == "op.cagliari1"));
    assert!(callbacks.iter().all(|c| c["assignee"]["username"] == "op.cagliari1"));
    let mine: Vec<&str> = sessions.iter().map(|s| s["cupNumber"].as_str().unwrap()).collect();
    assert_eq!(mine, vec!["40100", "40101"]);
    // op2's worklist has op2's session, not these.
    let op2 = app.login("op2.cagliari1").await;
    let res = app.graphql(Some(&op2), q, json!({})).await;
    let sessions2: Vec<String> = data(&res)["myWorklist"]["counterSessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["cupNumber"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(sessions2, vec!["40102".to_owned()]);
});

both_backends!(directors_read_their_subtree_without_citizen_data, |app: TestApp| async move {
    let dp = app.login("dp.cagliari").await;
    let rows = list(&app, &dp, json!({})).await;
    assert!(rows.iter().all(|a| a["fiscalCode"].is_null() && a["phone"].is_null()));
    let cups: Vec<&str> = rows.iter().map(|a| a["cupNumber"].as_str().unwrap()).collect();
    assert!(cups.contains(&"40100") && !cups.contains(&"40112"), "UT-SS is outside DP Cagliari: {cups:?}");
    let dr = app.login("dr.sardegna").await;
    let rows = list(&app, &dr, json!({})).await;
    assert!(rows.iter().any(|a| a["cupNumber"] == "40112"));
    assert!(rows.iter().all(|a| a["cupNumber"] != "40116"), "Lazio is another region");
});

both_backends!(reading_a_citizens_fiscal_code_or_phone_is_audited_once_per_request, |app: TestApp| async move {
    let op = app.login("op.cagliari1").await;
    let id = by_cup(&app, &op, "UT-CA1", "40100").await["id"].clone();
    let before = count_contact_reads(&app, id.as_str().unwrap()).await;
    let res = app
        .graphql(
            Some(&op),
            "query($id: ID!) { appointment(id: $id) { fiscalCode phone email citizenName } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(data(&res)["appointment"]["fiscalCode"], "MLSGNN75C45B354Q");
    assert_eq!(count_contact_reads(&app, id.as_str().unwrap()).await, before + 1);
    // Without personal fields: no event.
    app.graphql(Some(&op), "query($id: ID!) { appointment(id: $id) { status } }", json!({ "id": id })).await;
    assert_eq!(count_contact_reads(&app, id.as_str().unwrap()).await, before + 1);
    // A page with fiscal codes and phones: one event per booking shown.
    let total_before = count_all_contact_reads(&app).await;
    let rows = list(&app, &op, json!({ "officeCode": "UT-CA1" })).await;
    assert_eq!(count_all_contact_reads(&app).await, total_before + rows.len());
});

async fn count_all_contact_reads(app: &TestApp) -> usize {
    let admin = app.login("admin").await;
    let res = app
        .graphql(
            Some(&admin),
            "{ auditEvents(filter: { action: \"appointment.read_contact\" }, first: 100) { edges { node { id } } } }",
            json!({}),
        )
        .await;
    data(&res)["auditEvents"]["edges"].as_array().unwrap().len()
}

async fn count_contact_reads(app: &TestApp, id: &str) -> usize {
    let admin = app.login("admin").await;
    let res = app
        .graphql(
            Some(&admin),
            "{ auditEvents(filter: { action: \"appointment.read_contact\" }, first: 100) { edges { node { recordId actor } } } }",
            json!({}),
        )
        .await;
    data(&res)["auditEvents"]["edges"].as_array().unwrap().iter().filter(|e| e["node"]["recordId"] == id).count()
}

// ---------------------------------------------------------------- CCM booking

const BOOK: &str = "mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) {
    id cupNumber status source fiscalCode office { code } bookedBy { username } precall { status } } }";

both_backends!(a_ccm_operator_books_anywhere_but_reads_only_what_the_ccm_booked, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let input = json!({
        "officeCode": "UT-CA1", "date": open_day(7), "time": "10:30:00", "serviceCode": "SUCC",
        "fiscalCode": "RSSMRA80A01H501U", "citizenName": "Rossi Mario", "phone": "333 1234567",
    });
    let res = mutate(&app, &ccm, BOOK, json!({ "i": input })).await;
    let booked = &data(&res)["bookAppointment"];
    assert_eq!(booked["office"]["code"], "UT-CA1");
    assert_eq!(booked["source"], "BOOKED");
    assert_eq!(booked["precall"]["status"], "UNASSIGNED");
    assert_eq!(booked["fiscalCode"], "RSSMRA80A01H501U");
    assert!(booked["cupNumber"].as_str().unwrap().starts_with("ACC-"));
    let res = mutate(&app, &ccm, BOOK, json!({ "i": { "officeCode": "UT-RM1", "date": open_day(8), "time": "09:00:00", "serviceCode": "RIMB", "fiscalCode": "CNTLCU85B22H501P", "citizenName": "Conti Luca", "cupNumber": "991" } })).await;
    data(&res);
    let mine = list(&app, &ccm, json!({})).await;
    assert_eq!(mine.len(), 2, "the CCM sees only its own bookings");
    // The office sees it too, and can work it.
    let director = app.login("dir.cagliari1").await;
    let seen = by_cup(&app, &director, "UT-CA1", booked["cupNumber"].as_str().unwrap()).await;
    assert_eq!(seen["status"], "BOOKED");
    // Same CUP number twice at one office: CONFLICT.
    let res = mutate(&app, &ccm, BOOK, json!({ "i": { "officeCode": "UT-RM1", "date": open_day(8), "time": "09:30:00", "serviceCode": "RIMB", "fiscalCode": "CNTLCU85B22H501P", "citizenName": "Conti Luca", "cupNumber": "991" } })).await;
    assert_eq!(error_code(&res), Some("CONFLICT"));
    // Beyond the CUP window, a virtual booking without virtual counter, a bad fiscal code.
    for (field, patch) in [
        ("date", json!({ "date": day(30) })),
        ("channel", json!({ "channel": "VIRTUAL" })),
        ("fiscalCode", json!({ "fiscalCode": "XYZ" })),
        ("serviceCode", json!({ "serviceCode": "NOPE" })),
    ] {
        let mut i = input.clone();
        for (k, v) in patch.as_object().unwrap() {
            i[k] = v.clone();
        }
        let res = mutate(&app, &ccm, BOOK, json!({ "i": i })).await;
        assert_eq!(error_code(&res), Some("BAD_USER_INPUT"), "{field}: {res}");
        assert_eq!(res["errors"][0]["extensions"]["field"], field);
    }
    // An operator of an office cannot book.
    let op = app.login("op.cagliari1").await;
    let res = mutate(&app, &op, BOOK, json!({ "i": input })).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
});

both_backends!(the_book_in_service_function_runs_in_the_callers_transaction, |app: TestApp| async move {
    use api::appointments::service::{BookingInput, book_in};
    let principal =
        api::auth::service::load_principal(&app.state.db, person_id(&app, "ccm.op").await).await.unwrap().unwrap();
    let scope =
        api::tenancy::Scope::new(app.state.db.clone(), app.state.authz.clone(), std::sync::Arc::new(principal), None);
    let input = BookingInput {
        office_code: "UT-SS".into(),
        cup_number: Some("5555".into()),
        date: open_date(9),
        time: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        service_code: "SUCC".into(),
        fiscal_code: "FDDMRA70H41I452E".into(),
        citizen_name: "Fadda Maria".into(),
        phone: None,
        email: None,
        channel: Some(api::appointments::domain::Channel::Virtual),
    };
    // Rolled back with the caller's transaction: nothing stays. The transaction
    // writes, so it takes SQLite's write lock at BEGIN as every writer here does
    // (a deferred one fails at once when a worker wrote meanwhile).
    let txn = api::kernel::write_txn::begin_write(&app.state.db).await.unwrap();
    book_in(&txn, &scope, input.clone(), Utc::now()).await.unwrap();
    txn.rollback().await.unwrap();
    let ccm = app.login("ccm.op").await;
    assert!(list(&app, &ccm, json!({})).await.is_empty());
    let txn = api::kernel::write_txn::begin_write(&app.state.db).await.unwrap();
    let booked = book_in(&txn, &scope, input, Utc::now()).await.unwrap();
    txn.commit().await.unwrap();
    assert_eq!(booked.channel.as_str(), "VIRTUAL");
    assert_eq!(list(&app, &ccm, json!({})).await.len(), 1);
});

async fn person_id(app: &TestApp, username: &str) -> uuid::Uuid {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    entities::person::Entity::find()
        .filter(entities::person::Column::Username.eq(username))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

// ---------------------------------------------------------------- concurrency

both_backends!(two_people_assigning_the_same_booking_at_once_one_gets_conflict, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let coordinator = app.login("coord.cagliari1").await;
    let booking = by_cup(&app, &director, "UT-CA1", "40105").await;
    let (id, version) = (booking["id"].clone(), booking["version"].clone());
    let (a, b) = tokio::join!(
        mutate(
            &app,
            &director,
            ASSIGN_COUNTER,
            json!({ "id": id, "u": "op.cagliari1", "c": "IN_PERSON", "v": version })
        ),
        mutate(
            &app,
            &coordinator,
            ASSIGN_COUNTER,
            json!({ "id": id, "u": "op2.cagliari1", "c": "IN_PERSON", "v": version })
        ),
    );
    let codes = [error_code(&a), error_code(&b)];
    assert_eq!(codes.iter().filter(|c| c.is_none()).count(), 1, "{a} {b}");
    assert_eq!(codes.iter().filter(|c| **c == Some("CONFLICT")).count(), 1, "{a} {b}");
    let winner = if error_code(&a).is_none() { &a } else { &b };
    let after = by_cup(&app, &director, "UT-CA1", "40105").await;
    assert_eq!(after["counter"]["operator"], winner["data"]["assignCounter"]["counter"]["operator"]);
    assert_eq!(after["version"], version.as_i64().unwrap() + 1);
});

both_backends!(two_outcomes_recorded_at_once_one_gets_conflict, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let coordinator = app.login("coord.cagliari1").await;
    let booking = by_cup(&app, &director, "UT-CA1", "40105").await;
    let (id, version) = (booking["id"].clone(), booking["version"].clone());
    let (a, b) = tokio::join!(
        mutate(
            &app,
            &director,
            RECORD_PRECALL,
            json!({ "id": id, "v": version, "i": { "outcome": "POSITIVE", "result": "CONFIRMED_IN_PERSON" } })
        ),
        mutate(
            &app,
            &coordinator,
            RECORD_PRECALL,
            json!({ "id": id, "v": version, "i": { "outcome": "NEGATIVE", "reason": "NO_ANSWER" } })
        ),
    );
    let codes = [error_code(&a), error_code(&b)];
    assert_eq!(codes.iter().filter(|c| c.is_none()).count(), 1, "{a} {b}");
    assert_eq!(codes.iter().filter(|c| **c == Some("CONFLICT")).count(), 1, "{a} {b}");
    let precall_events =
        audit_actions(&app, id.as_str().unwrap()).await.iter().filter(|a| *a == "appointment.precall_record").count();
    assert_eq!(precall_events, 1, "the loser leaves no trace");
});

// ---------------------------------------------------------------- pre-contact e-mail

both_backends!(the_precontact_email_is_rendered_marked_sent_and_the_reply_recorded, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    data(&import(&app, &director, "UT-CA1", &fixture("visualizza-ut-ca1.csv")).await);
    let booking = by_cup(&app, &director, "UT-CA1", "770001").await;
    let id = booking["id"].clone();
    data(&mutate(&app, &director, ASSIGN_PRECALLS, json!({ "ids": [id], "u": "op.cagliari1" })).await);
    let op = app.login("op.cagliari1").await;
    let res = app
        .graphql(
            Some(&op),
            "query($id: ID!) { precontactEmail(appointmentId: $id) { from to subject body } }",
            json!({ "id": id }),
        )
        .await;
    let email = &data(&res)["precontactEmail"];
    let d = chrono::NaiveDate::parse_from_str(&day(4), "%Y-%m-%d").unwrap();
    assert_eq!(email["subject"], format!("Appuntamento CUP n. 770001 del {}", d.format("%d/%m/%y")));
    assert_eq!(email["to"], "giovanna.melis@example.it");
    assert_eq!(email["from"], "op.cagliari1@agenzia.example.it");
    assert!(email["body"].as_str().unwrap().contains("15 minuti"));
    let res = mutate(
        &app,
        &op,
        "mutation($id: ID!) { markPrecontactSent(appointmentId: $id) { precontact { sentAt sentBy { username } } } }",
        json!({ "id": id }),
    )
    .await;
    assert_eq!(data(&res)["markPrecontactSent"]["precontact"]["sentBy"]["username"], "op.cagliari1");
    let res = mutate(
        &app,
        &op,
        "mutation($id: ID!) { recordCitizenReply(appointmentId: $id, reply: \"Invio i documenti per e-mail\") { precontact { reply repliedAt } } }",
        json!({ "id": id }),
    )
    .await;
    assert_eq!(data(&res)["recordCitizenReply"]["precontact"]["reply"], "Invio i documenti per e-mail");
    // No e-mail address: nothing to render.
    let no_email = by_cup(&app, &director, "UT-CA1", "770002").await["id"].clone();
    let res = app
        .graphql(
            Some(&op),
            "query($id: ID!) { precontactEmail(appointmentId: $id) { subject } }",
            json!({ "id": no_email }),
        )
        .await;
    assert_eq!(error_code(&res), Some("CONFLICT"));
});

both_backends!(a_cancelled_booking_stays_with_its_reason, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let id = by_cup(&app, &director, "UT-CA1", "40108").await["id"].clone();
    let res = mutate(&app, &director, "mutation($id: ID!) { cancelAppointment(id: $id, reason: \"Richiesta del contribuente\") { status cancelReason } }", json!({ "id": id })).await;
    assert_eq!(data(&res)["cancelAppointment"]["status"], "CANCELLED");
    let res = mutate(
        &app,
        &director,
        "mutation($id: ID!) { cancelAppointment(id: $id, reason: \"di nuovo\") { status } }",
        json!({ "id": id }),
    )
    .await;
    assert_eq!(error_code(&res), Some("CONFLICT"));
    let op = app.login("op.cagliari1").await;
    let res = mutate(
        &app,
        &op,
        "mutation($id: ID!) { cancelAppointment(id: $id, reason: \"x\") { status } }",
        json!({ "id": id }),
    )
    .await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"));
});

// ---------------------------------------------------------------- no N+1

async fn bookings_at(app: &TestApp, office: &str, n: usize) {
    use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
    let db = &app.state.db;
    let unit = entities::org_unit::Entity::find()
        .filter(entities::org_unit::Column::Code.eq(office))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let service = entities::service::Entity::find()
        .filter(entities::service::Column::Code.eq("SUCC"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let operator = person_id(app, "op.sassari").await;
    let now = Utc::now();
    let rows: Vec<entities::appointment::ActiveModel> = (0..n)
        .map(|i| {
            let starts_at = now + Duration::days(2) + Duration::minutes(i as i64);
            entities::appointment::ActiveModel {
                id: Set(uuid::Uuid::now_v7()),
                unit_id: Set(unit.id),
                cup_number: Set(format!("N{i}")),
                starts_at: Set(starts_at),
                local_date: Set(api::appointments::domain::rome_date(starts_at)),
                service_id: Set(service.id),
                fiscal_code: Set("RSSMRA80A01H501U".into()),
                citizen_name: Set("Rossi Mario".into()),
                phone: Set(None),
                email: Set(None),
                channel: Set(api::appointments::domain::Channel::InPerson),
                status: Set(api::appointments::domain::AppointmentStatus::CounterAssigned),
                source: Set(api::appointments::domain::AppointmentSource::CupImport),
                booked_by_id: Set(None),
                booked_by_unit_id: Set(None),
                cancel_reason: Set(None),
                cancelled_at: Set(None),
                precall_status: Set(api::appointments::domain::PrecallStatus::Assigned),
                precall_assignee_id: Set(Some(operator)),
                precall_assigned_at: Set(Some(now)),
                precall_outcome: Set(None),
                precall_reason: Set(None),
                precall_result: Set(None),
                precall_note: Set(None),
                precalled_at: Set(None),
                precontact_sent_at: Set(None),
                precontact_sent_by_id: Set(None),
                citizen_reply: Set(None),
                citizen_reply_at: Set(None),
                counter_operator_id: Set(Some(operator)),
                counter_channel: Set(Some(api::appointments::domain::Channel::InPerson)),
                counter_assigned_at: Set(Some(now)),
                counter_started_at: Set(None),
                counter_ended_at: Set(None),
                counter_outcome: Set(None),
                protocol_number: Set(None),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
            }
        })
        .collect();
    for chunk in rows.chunks(50) {
        entities::appointment::Entity::insert_many(chunk.to_vec()).exec(db).await.unwrap();
    }
}

async fn statements_for_list(app: &TestApp, token: &str, office: &str) -> (u64, usize) {
    use std::sync::atomic::Ordering;
    let q = "query($f: AppointmentFilter) { appointments(filter: $f, first: 100) { edges { node {
        cupNumber citizenName office { code } service { code fast } bookedByUnit { code }
        precall { assignee { username } coverage } counter { operator { username } } } } } }";
    let before = app.state.statement_count.load(Ordering::SeqCst);
    let res = app.graphql(Some(token), q, json!({ "f": { "officeCode": office } })).await;
    let after = app.state.statement_count.load(Ordering::SeqCst);
    (after - before, data(&res)["appointments"]["edges"].as_array().unwrap().len())
}

both_backends!(a_page_of_bookings_costs_the_same_statements_for_5_and_100_rows, |app: TestApp| async move {
    bookings_at(&app, "UT-NU", 5).await;
    bookings_at(&app, "UT-OR", 100).await;
    let dr = app.login("dr.sardegna").await;
    let (small, small_rows) = statements_for_list(&app, &dr, "UT-NU").await;
    let (big, big_rows) = statements_for_list(&app, &dr, "UT-OR").await;
    assert_eq!((small_rows, big_rows), (5, 100));
    assert_eq!(small, big, "statement count grows with rows: {small} for 5, {big} for 100");
});

// ---------------------------------------------------------------- catalogue

both_backends!(the_catalogue_maps_services_to_profilo_utente_and_only_admins_change_it, |app: TestApp| async move {
    let op = app.login("op.cagliari1").await;
    let res =
        app.graphql(Some(&op), "{ services { code fast profiloUtenteProcess profiloUtenteProduct } }", json!({})).await;
    let services = data(&res)["services"].as_array().unwrap().clone();
    assert!(services.iter().any(|s| s["fast"] == true) && services.iter().any(|s| s["fast"] == false));
    let succ = services.iter().find(|s| s["code"] == "SUCC").unwrap();
    assert_eq!(succ["profiloUtenteProcess"], "Successioni");
    let upsert = "mutation($i: ServiceInput!) { upsertService(input: $i) { code name fast active } }";
    let input = json!({ "code": "rav", "name": "Ravvedimento operoso", "fast": false, "profiloUtenteProcess": "Versamenti", "profiloUtenteProduct": "Ravvedimento" });
    let res = app.graphql(Some(&op), upsert, json!({ "i": input })).await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"));
    let admin = app.login("admin").await;
    let res = app.graphql(Some(&admin), upsert, json!({ "i": input })).await;
    assert_eq!(data(&res)["upsertService"]["code"], "RAV");
    let mut retire = input.clone();
    retire["active"] = json!(false);
    let res = app.graphql(Some(&admin), upsert, json!({ "i": retire })).await;
    assert_eq!(data(&res)["upsertService"]["active"], false);
    // An inactive service cannot be booked or given as a skill.
    let coord = app.login("coord.cagliari1").await;
    let res = app
        .graphql(
            Some(&coord),
            "mutation { setOperatorSkills(username: \"op.cagliari1\", serviceCodes: [\"RAV\"]) { officeCode } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    let res = app
        .graphql(
            Some(&op),
            "{ operatorSkills(username: \"op.cagliari1\") { officeCode services { code } } }",
            json!({}),
        )
        .await;
    assert_eq!(data(&res)["operatorSkills"]["services"].as_array().unwrap().len(), 6);
    // Nobody outside the office reads its operators' skills.
    let sassari = app.login("op.sassari").await;
    let res =
        app.graphql(Some(&sassari), "{ operatorSkills(username: \"op.cagliari1\") { officeCode } }", json!({})).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
});

both_backends!(two_imports_of_the_same_file_at_once_never_duplicate_a_booking, |app: TestApp| async move {
    let director = app.login("dir.cagliari1").await;
    let dp = app.login("dp.cagliari").await;
    let csv = fixture("visualizza-ut-ca1.csv");
    let (a, b) = tokio::join!(import(&app, &director, "UT-CA1", &csv), import(&app, &dp, "UT-CA1", &csv));
    let mut created = 0;
    for res in [&a, &b] {
        match error_code(res) {
            None => created += res["data"]["importCupBookings"]["created"].as_i64().unwrap(),
            Some(code) => assert_eq!(code, "CONFLICT", "{res}"),
        }
    }
    assert_eq!(created, 8, "{a} {b}");
    let rows = list(&app, &director, json!({ "officeCode": "UT-CA1", "from": day(4), "to": day(5) })).await;
    assert_eq!(rows.iter().filter(|a| a["cupNumber"].as_str().unwrap().starts_with("7700")).count(), 8);
});

// 40 concurrent bookings with CUP numbers once starved the pool (PostgreSQL:
// ConnectionAcquire timeouts; SQLite: "database is locked"): each request held
// its transaction and waited for a second connection to look up the office.
both_backends!(forty_concurrent_bookings_with_cup_numbers_all_get_an_answer, |app: TestApp| async move {
    let ccm = app.login("ccm.op").await;
    let book = |i: usize| {
        let input = json!({
            "officeCode": "UT-CA1", "date": open_day(7), "time": format!("{:02}:{:02}:00", 9 + i / 12, (i % 12) * 5),
            "serviceCode": "SUCC", "fiscalCode": "RSSMRA80A01H501U", "citizenName": "Rossi Mario",
            "cupNumber": format!("77{i:03}"),
        });
        let (app, ccm) = (&app, &ccm);
        async move {
            app.graphql(
                Some(ccm),
                "mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { cupNumber } }",
                json!({ "i": input }),
            )
            .await
        }
    };
    let answers = futures::future::join_all((0..40).map(book)).await;
    let booked: Vec<&str> = answers.iter().filter_map(|r| r["data"]["bookAppointment"]["cupNumber"].as_str()).collect();
    let errors: Vec<&Value> = answers.iter().filter(|r| r.get("errors").is_some()).collect();
    assert!(errors.is_empty(), "{} errors, e.g. {:?}", errors.len(), errors.first());
    assert_eq!(booked.len(), 40);
});
