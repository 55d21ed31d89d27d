//! Figures per person (issue 18, item 1): work is done through the API, then
//! `stats` per operator (UT-CA1, `dir.cagliari1`) and per expert (CRIC-SAR,
//! `dr.sardegna`) must equal counts taken here from the raw rows; a Lazio
//! person is never listed for a Sardegna caller; the statements do not grow
//! with the people listed; `statsCsv` carries the tables.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;

use chrono::{DateTime, Duration, Utc};
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use uuid::Uuid;

use api::appointments::domain::{PrecallCoverage, PrecallStatus, precall_coverage, rome_date};
use api::kernel::median::median;
use api::monitoring::domain::{MAX_SESSION_SECONDS, Period};
use entities::{appointment, follow_up, org_unit, person, quesito, role_assignment};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::quesiti_support::{answer, file_ok, forward, take};

const OPERATORS: &str = "operators { personId name unit { code } precallsAssigned precallsDone precallsInTime \
    sessions sessionsByOutcome { outcome count } medianSessionSeconds sessionsOver15Minutes followUpsOpen \
    followUpsOverdue }";
const EXPERTS: &str = "experts { personId name unit { code } taken answered medianAnswerSeconds slaBreaches openNow }";

fn stats_query(parts: &str) -> String {
    format!(
        "query($u: String!, $from: NaiveDate!, $to: NaiveDate!) {{ stats(unitCode: $u, from: $from, to: $to) {{ {parts} }} }}"
    )
}

/// The period of every test here: the demo data lies within it (bookings up
/// to 10 working days ahead, quesiti filed in the last weeks).
fn period() -> Period {
    let today = rome_date(Utc::now());
    Period::new(today - Duration::days(60), today + Duration::days(20)).unwrap()
}

async fn stats(app: &TestApp, token: &str, unit: &str, parts: &str) -> Value {
    let p = period();
    app.graphql(Some(token), &stats_query(parts), json!({ "u": unit, "from": p.from, "to": p.to })).await
}

const MUTATE_LIST: &str = "{ appointments(filter: { officeCode: \"UT-CA1\" }, first: 100) { nodes { id cupNumber \
    status precall { status assignee { username } } counter { operator { username } } } } }";
const ASSIGN_PRECALLS: &str =
    "mutation($ids: [ID!]!, $u: String!) { assignPrecalls(appointmentIds: $ids, username: $u) { id } }";
const RECORD_PRECALL: &str =
    "mutation($id: ID!, $i: PrecallOutcomeInput!) { recordPrecallOutcome(appointmentId: $id, input: $i) { id } }";
const START: &str = "mutation($id: ID!) { startCounterSession(id: $id) { id status } }";
const OUTCOME: &str = "mutation($id: ID!, $o: CounterOutcome!, $p: String) { \
    recordCounterOutcome(id: $id, outcome: $o, protocolNumber: $p) { id status } }";

fn ok(res: &Value) {
    assert!(res.get("errors").is_none(), "{res}");
}

/// Office work through the API: precalls assigned and recorded, counter
/// sessions closed with three outcomes (one leaves a follow-up item).
async fn office_work(app: &TestApp) {
    let director = app.login("dir.cagliari1").await;
    let op1 = app.login("op.cagliari1").await;
    let op2 = app.login("op2.cagliari1").await;
    let res = app.graphql(Some(&director), MUTATE_LIST, json!({})).await;
    let nodes = data(&res)["appointments"]["nodes"].as_array().unwrap().clone();
    let unassigned: Vec<String> = nodes
        .iter()
        .filter(|n| n["precall"]["status"] == "UNASSIGNED")
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(unassigned.len() >= 3, "demo data: bookings to precall {nodes:?}");
    ok(&app.graphql(Some(&director), ASSIGN_PRECALLS, json!({ "ids": &unassigned[..2], "u": "op.cagliari1" })).await);
    ok(&app.graphql(Some(&director), ASSIGN_PRECALLS, json!({ "ids": &unassigned[2..3], "u": "op2.cagliari1" })).await);
    // op.cagliari1 precalls one of them: confirmed in person.
    let confirmed = json!({ "outcome": "POSITIVE", "result": "CONFIRMED_IN_PERSON", "note": "Porta i documenti" });
    ok(&app.graphql(Some(&op1), RECORD_PRECALL, json!({ "id": unassigned[0], "i": confirmed })).await);
    // op2.cagliari1: a wrong number.
    let negative = json!({ "outcome": "NEGATIVE", "reason": "WRONG_NUMBER" });
    ok(&app.graphql(Some(&op2), RECORD_PRECALL, json!({ "id": unassigned[2], "i": negative })).await);
    // Today's counter: op.cagliari1 transfers one (a follow-up) and records a no-show; op2 completes one.
    let of = |who: &str| -> Vec<String> {
        nodes
            .iter()
            .filter(|n| n["counter"]["operator"]["username"] == who && n["status"] == "COUNTER_ASSIGNED")
            .map(|n| n["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let (mine, theirs) = (of("op.cagliari1"), of("op2.cagliari1"));
    assert!(mine.len() >= 2 && !theirs.is_empty(), "demo data: counter sessions {nodes:?}");
    for (token, id, outcome, protocol) in [
        (&op1, &mine[0], "TRANSFERRED_TO_BACK_OFFICE", Some("2026/0042")),
        (&op1, &mine[1], "NO_SHOW", None),
        (&op2, &theirs[0], "COMPLETED", None),
    ] {
        ok(&app.graphql(Some(token), START, json!({ "id": id })).await);
        ok(&app.graphql(Some(token), OUTCOME, json!({ "id": id, "o": outcome, "p": protocol })).await);
    }
}

/// Lazio work through the API: a precall by op.roma1, a quesito taken and answered by cric.lazio.
async fn lazio_work(app: &TestApp) {
    let director = app.login("dr.lazio").await;
    let q = "{ appointments(filter: { officeCode: \"UT-RM1\" }, first: 100) { nodes { id precall { status assignee { username } } } } }";
    let res = app.graphql(Some(&director), q, json!({})).await;
    let nodes = data(&res)["appointments"]["nodes"].as_array().unwrap().clone();
    let assigned = nodes.iter().find(|n| n["precall"]["assignee"]["username"] == "op.roma1").unwrap();
    let op = app.login("op.roma1").await;
    let negative = json!({ "outcome": "NEGATIVE", "reason": "NO_ANSWER" });
    ok(&app.graphql(Some(&op), RECORD_PRECALL, json!({ "id": assigned["id"], "i": negative })).await);
    let expert = app.login("cric.lazio").await;
    let q = file_ok(app, "DR-LAZ", "Decorrenza della pensione a Roma").await;
    let id = q["id"].as_str().unwrap();
    data(&take(app, &expert, id).await);
    data(&answer(app, &expert, id, "Decorre dal primo giorno del mese successivo.", false).await);
}

/// CRIC work through the API: quesiti filed by the CCM, taken and answered by two experts.
async fn cric_work(app: &TestApp) {
    let expert = app.login("cric.sardegna").await;
    let pensioni = app.login("cric.sardegna.pensioni").await;
    let mut ids = Vec::new();
    for i in 0..4 {
        ids.push(file_ok(app, "DR-SAR", &format!("Decorrenza {i}")).await["id"].as_str().unwrap().to_owned());
    }
    data(&take(app, &expert, &ids[0]).await);
    data(&answer(app, &expert, &ids[0], "Dal primo giorno del mese successivo.", false).await);
    data(&take(app, &expert, &ids[1]).await);
    data(&take(app, &pensioni, &ids[2]).await);
    data(&answer(app, &pensioni, &ids[2], "Dal compimento dell'età richiesta.", false).await);
}

/// Who may be listed: people with a role on a unit under `path`.
async fn staff_under(app: &TestApp, path: &str) -> HashSet<Uuid> {
    let db = &app.state.db;
    let units: HashMap<Uuid, String> =
        org_unit::Entity::find().all(db).await.unwrap().into_iter().map(|u| (u.id, u.path)).collect();
    role_assignment::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.unit_id.and_then(|u| units.get(&u)).is_some_and(|p| p.starts_with(path)))
        .map(|r| r.person_id)
        .collect()
}

async fn unit(app: &TestApp, code: &str) -> org_unit::Model {
    let all = org_unit::Entity::find().all(&app.state.db).await.unwrap();
    all.into_iter().find(|u| u.code == code).unwrap()
}

/// The per-operator figures of UT-CA1 counted here from the raw rows, by person id.
async fn expected_operators(app: &TestApp) -> HashMap<String, Value> {
    let db = &app.state.db;
    let office = unit(app, "UT-CA1").await;
    let staff = staff_under(app, &office.path).await;
    let (p, now) = (period(), Utc::now());
    let today = rome_date(now);
    let mut rows: HashMap<Uuid, HashMap<&str, i64>> = HashMap::new();
    let mut durations: HashMap<Uuid, Vec<i64>> = HashMap::new();
    for a in appointment::Entity::find().all(db).await.unwrap() {
        if a.unit_id != office.id || a.local_date < p.from || a.local_date > p.to {
            continue;
        }
        if let Some(who) = a.precall_assignee_id
            && !(a.status.as_str() == "CANCELLED" && a.precalled_at.is_none())
        {
            let r = rows.entry(who).or_default();
            *r.entry("precallsAssigned").or_default() += 1;
            *r.entry("precallsDone").or_default() += i64::from(a.precall_outcome.is_some());
            let in_time = a.precall_outcome.is_some()
                && precall_coverage(PrecallStatus::Done, a.local_date, a.precalled_at, now) == PrecallCoverage::Covered;
            *r.entry("precallsInTime").or_default() += i64::from(in_time);
        }
        if let (Some(who), Some(outcome)) = (a.counter_operator_id, a.counter_outcome) {
            let r = rows.entry(who).or_default();
            *r.entry("sessions").or_default() += 1;
            *r.entry(outcome.as_str()).or_default() += 1;
            if let (Some(s), Some(e)) = (a.counter_started_at, a.counter_ended_at) {
                *r.entry("sessionsOver15Minutes").or_default() += i64::from(seconds(e, s) > MAX_SESSION_SECONDS);
            }
        }
        if let (Some(who), Some(s), Some(e)) = (a.counter_operator_id, a.counter_started_at, a.counter_ended_at) {
            durations.entry(who).or_default().push(seconds(e, s));
        }
    }
    for f in follow_up::Entity::find().all(db).await.unwrap() {
        let Some(who) = f.assignee_id else { continue };
        if f.unit_id != office.id || f.created_at < p.start() || f.created_at >= p.end() {
            continue;
        }
        let open = f.status.as_str() == "OPEN";
        let r = rows.entry(who).or_default();
        *r.entry("followUpsOpen").or_default() += i64::from(open);
        *r.entry("followUpsOverdue").or_default() += i64::from(open && f.due_on < today);
    }
    let names = names(app).await;
    let mut out = HashMap::new();
    for (who, r) in rows.into_iter().filter(|(who, _)| staff.contains(who)) {
        let n = |k: &str| r.get(k).copied().unwrap_or(0);
        let by_outcome: Vec<Value> = ["COMPLETED", "TRANSFERRED_TO_BACK_OFFICE", "NO_SHOW", "NOT_DELIVERABLE"]
            .iter()
            .map(|o| json!({ "outcome": o, "count": n(o) }))
            .collect();
        let median = durations.get(&who).and_then(|d| median(d.iter().copied()));
        out.insert(
            who.to_string(),
            json!({
                "personId": who.to_string(), "name": names[&who], "unit": { "code": "UT-CA1" },
                "precallsAssigned": n("precallsAssigned"), "precallsDone": n("precallsDone"),
                "precallsInTime": n("precallsInTime"), "sessions": n("sessions"), "sessionsByOutcome": by_outcome,
                "medianSessionSeconds": median, "sessionsOver15Minutes": n("sessionsOver15Minutes"),
                "followUpsOpen": n("followUpsOpen"), "followUpsOverdue": n("followUpsOverdue"),
            }),
        );
    }
    out
}

/// The per-expert figures of the CRIC with this code, from the raw rows, by person id.
async fn expected_experts(app: &TestApp, cric: &str) -> HashMap<String, Value> {
    let db = &app.state.db;
    let cric = unit(app, cric).await;
    let staff = staff_under(app, &cric.path).await;
    let (p, now) = (period(), Utc::now());
    let mut rows: HashMap<Uuid, HashMap<&str, i64>> = HashMap::new();
    let mut times: HashMap<Uuid, Vec<i64>> = HashMap::new();
    for q in quesito::Entity::find().all(db).await.unwrap() {
        if q.unit_id != cric.id || q.created_at < p.start() || q.created_at >= p.end() {
            continue;
        }
        if let Some(who) = q.taken_by_id {
            let r = rows.entry(who).or_default();
            *r.entry("taken").or_default() += 1;
            let open = ["NEW", "IN_PROGRESS", "FORWARDED_CENTRAL"].contains(&q.status.as_str());
            let breach = q.answered_at.map_or(open && q.due_at < now, |a: DateTime<Utc>| a > q.due_at);
            *r.entry("slaBreaches").or_default() += i64::from(breach);
            *r.entry("openNow").or_default() += i64::from(q.status.as_str() == "IN_PROGRESS");
        }
        if let (Some(who), Some(at), "ANSWERED") = (q.answered_by_id, q.answered_at, q.status.as_str()) {
            *rows.entry(who).or_default().entry("answered").or_default() += 1;
            times.entry(who).or_default().push(seconds(at, q.created_at));
        }
    }
    let names = names(app).await;
    let mut out = HashMap::new();
    for (who, r) in rows.into_iter().filter(|(who, _)| staff.contains(who)) {
        let n = |k: &str| r.get(k).copied().unwrap_or(0);
        out.insert(
            who.to_string(),
            json!({
                "personId": who.to_string(), "name": names[&who], "unit": { "code": cric.code },
                "taken": n("taken"), "answered": n("answered"),
                "medianAnswerSeconds": times.get(&who).and_then(|t| median(t.iter().copied())),
                "slaBreaches": n("slaBreaches"), "openNow": n("openNow"),
            }),
        );
    }
    out
}

async fn person_id(app: &TestApp, username: &str) -> String {
    let all = person::Entity::find().all(&app.state.db).await.unwrap();
    all.into_iter().find(|p| p.username == username).unwrap().id.to_string()
}

/// Seconds between two instants, rounded as the database rounds them.
fn seconds(later: DateTime<Utc>, earlier: DateTime<Utc>) -> i64 {
    ((later - earlier).num_milliseconds() as f64 / 1000.0).round() as i64
}

async fn names(app: &TestApp) -> HashMap<Uuid, String> {
    person::Entity::find().all(&app.state.db).await.unwrap().into_iter().map(|p| (p.id, p.display_name)).collect()
}

/// The rows of a per-person list, by person id; medians compared to the second
/// (the database and Rust round a timestamp difference alike, to the second).
fn by_person(list: &Value) -> HashMap<String, Value> {
    list.as_array().unwrap().iter().map(|r| (r["personId"].as_str().unwrap().to_owned(), r.clone())).collect()
}

fn names_in(list: &Value) -> Vec<String> {
    list.as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap().to_owned()).collect()
}

both_backends!(per_operator_figures_equal_the_counts_of_the_raw_rows, |app: TestApp| async move {
    office_work(&app).await;
    let director = app.login("dir.cagliari1").await;
    let res = stats(&app, &director, "UT-CA1", OPERATORS).await;
    let actual = by_person(&data(&res)["stats"]["operators"]);
    let expected = expected_operators(&app).await;
    assert_eq!(actual, expected, "{res}");
    // What the API did is in there: op.cagliari1 has 2 sessions (1 transferred) and an open follow-up.
    let op1 = person_id(&app, "op.cagliari1").await;
    let mine = &actual[&op1];
    assert!(mine["sessions"].as_i64().unwrap() >= 2 && mine["followUpsOpen"] == 1, "{mine}");
    assert!(actual.len() >= 2, "both operators of the office: {actual:?}");
    // Ordered by name.
    let listed = names_in(&data(&res)["stats"]["operators"]);
    let mut sorted = listed.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(listed, sorted);
});

both_backends!(per_expert_figures_equal_the_counts_of_the_raw_rows, |app: TestApp| async move {
    cric_work(&app).await;
    lazio_work(&app).await;
    let director = app.login("dr.sardegna").await;
    let res = stats(&app, &director, "CRIC-SAR", EXPERTS).await;
    let actual = by_person(&data(&res)["stats"]["experts"]);
    let expected = expected_experts(&app, "CRIC-SAR").await;
    assert_eq!(actual, expected, "{res}");
    assert!(actual.len() >= 2, "both Sardinian experts: {actual:?}");
    let taken: i64 = actual.values().map(|r| r["taken"].as_i64().unwrap()).sum();
    assert!(taken >= 3, "{actual:?}");
    // Lazio's director sees Lazio's expert, with what they did.
    let lazio = app.login("dr.lazio").await;
    let res = stats(&app, &lazio, "CRIC-LAZ", EXPERTS).await;
    assert_eq!(by_person(&data(&res)["stats"]["experts"]), expected_experts(&app, "CRIC-LAZ").await);
});

both_backends!(a_lazio_person_is_never_listed_for_a_sardegna_caller, |app: TestApp| async move {
    office_work(&app).await;
    cric_work(&app).await;
    lazio_work(&app).await;
    let lazio_people: HashSet<String> = {
        let staff = staff_under(&app, "/IT/LAZ/").await;
        staff.iter().map(Uuid::to_string).collect()
    };
    let sardegna = app.login("dr.sardegna").await;
    let res = stats(&app, &sardegna, "DR-SAR", &format!("{OPERATORS} {EXPERTS}")).await;
    let report = &data(&res)["stats"];
    let listed: Vec<String> = ["operators", "experts"]
        .iter()
        .flat_map(|k| report[*k].as_array().unwrap().iter().map(|r| r["personId"].as_str().unwrap().to_owned()))
        .collect();
    assert!(!listed.is_empty(), "{res}");
    assert!(listed.iter().all(|id| !lazio_people.contains(id)), "{res}");
    assert!(report["experts"].as_array().unwrap().iter().all(|r| r["unit"]["code"] == "CRIC-SAR"));
    // Lazio's units are not reachable at all.
    let res = stats(&app, &sardegna, "DR-LAZ", OPERATORS).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"), "{res}");
    // The ADMIN of the root sees both regions' people, each at their unit.
    let admin = app.login("admin").await;
    let res = stats(&app, &admin, "ROOT", &format!("{OPERATORS} {EXPERTS}")).await;
    let all = &data(&res)["stats"];
    let units: HashSet<String> = ["operators", "experts"]
        .iter()
        .flat_map(|k| all[*k].as_array().unwrap().iter().map(|r| r["unit"]["code"].as_str().unwrap().to_owned()))
        .collect();
    assert!(units.contains("CRIC-LAZ") && units.contains("UT-RM1") && units.contains("UT-CA1"), "{units:?}");
});

both_backends!(classification_counts_per_section_and_the_csv_tables, |app: TestApp| async move {
    cric_work(&app).await;
    lazio_work(&app).await;
    let director = app.login("dr.sardegna").await;
    let res = stats(&app, &director, "DR-SAR", "classifications { section code label received }").await;
    let rows = data(&res)["stats"]["classifications"].as_array().unwrap().clone();
    // From the raw rows: Sardinian quesiti of the period per classification.
    let db = &app.state.db;
    let cric = unit(&app, "CRIC-SAR").await;
    let p = period();
    let mut expected: HashMap<Uuid, i64> = HashMap::new();
    for q in quesito::Entity::find().all(db).await.unwrap() {
        if q.unit_id == cric.id && q.created_at >= p.start() && q.created_at < p.end() {
            *expected.entry(q.classification_id).or_default() += 1;
        }
    }
    let classes = entities::quesito_classification::Entity::find().all(db).await.unwrap();
    let mut want: Vec<(String, String, i64)> = expected
        .iter()
        .map(|(id, n)| {
            let c = classes.iter().find(|c| c.id == *id).unwrap();
            (c.section.to_string(), c.code.clone(), *n)
        })
        .collect();
    want.sort();
    let mut got: Vec<(String, String, i64)> = rows
        .iter()
        .map(|r| {
            (
                r["section"].as_str().unwrap().to_owned(),
                r["code"].as_str().unwrap().to_owned(),
                r["received"].as_i64().unwrap(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(got, want, "{res}");
    assert!(got.iter().any(|(s, c, n)| s == "PENSIONI" && c == "DECORRENZA" && *n >= 4), "{got:?}");

    let p = period();
    let res = app
        .graphql(
            Some(&director),
            "query($u: String!, $from: NaiveDate!, $to: NaiveDate!) { statsCsv(unitCode: $u, from: $from, to: $to, dialect: ITALIAN) }",
            json!({ "u": "CRIC-SAR", "from": p.from, "to": p.to }),
        )
        .await;
    let text = data(&res)["statsCsv"].as_str().unwrap().to_owned();
    let tables: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(tables.len(), 3, "units, experts, classifications: {text}");
    assert!(tables[1].starts_with("Esperto;CRIC;Presi in carico;Risposti;"), "{text}");
    assert!(tables[1].contains("Elena Porcu;CRIC Sardegna;"), "{text}");
    assert!(tables[2].starts_with("Sezione;Codice tipologia;Tipologia;Quesiti ricevuti"), "{text}");
    assert!(!text.contains("Davide Romano"), "no Lazio expert: {text}");
});

both_backends!(per_person_figures_cost_the_same_statements_for_one_person_and_many, |app: TestApp| async move {
    let director = app.login("dr.sardegna").await;
    let parts = format!("{OPERATORS} {EXPERTS} classifications {{ code received }}");
    // Warm up: the first request of a token also reads the caller.
    stats(&app, &director, "DR-SAR", &parts).await;
    let count = |res: &Value| -> usize {
        ["operators", "experts"].iter().map(|k| data(res)["stats"][*k].as_array().unwrap().len()).sum()
    };
    let before = app.state.statement_count.load(Ordering::SeqCst);
    let res = stats(&app, &director, "DR-SAR", &parts).await;
    let few = (app.state.statement_count.load(Ordering::SeqCst) - before, count(&res));
    office_work(&app).await;
    cric_work(&app).await;
    let before = app.state.statement_count.load(Ordering::SeqCst);
    let res = stats(&app, &director, "DR-SAR", &parts).await;
    let many = (app.state.statement_count.load(Ordering::SeqCst) - before, count(&res));
    assert!(many.1 > few.1, "more people listed: {few:?} {many:?}");
    assert_eq!(few.0, many.0, "statements grow with people: {few:?} {many:?}");
});

// Work done by someone without a role inside the report's unit counts in the
// unit's figures but names nobody: the central directorate's expert answering
// a forwarded Sardinian quesito is not listed for dr.sardegna, and is for the
// ADMIN of the root (whose reach includes the central directorate).
both_backends!(someone_from_outside_the_unit_is_not_named_for_their_work_in_it, |app: TestApp| async move {
    let q = file_ok(&app, "DR-SAR", "Caso di eccezionale complessità").await;
    let id = q["id"].as_str().unwrap();
    let expert = app.login("cric.sardegna").await;
    data(&forward(&app, &expert, id, "Serve un parere normativo della Direzione centrale").await);
    let dc = app.login("dc.esperto").await;
    data(&answer(&app, &dc, id, "Parere della Direzione centrale: spetta.", false).await);
    let outsider = person_id(&app, "dc.esperto").await;

    let director = app.login("dr.sardegna").await;
    let res = stats(&app, &director, "CRIC-SAR", &format!("{EXPERTS} figures {{ quesiti {{ answered }} }}")).await;
    let report = &data(&res)["stats"];
    assert!(!by_person(&report["experts"]).contains_key(&outsider), "{res}");
    // The answer counts in the CRIC's figures all the same.
    let answered: i64 =
        report["figures"]["quesiti"].as_array().unwrap().iter().map(|s| s["answered"].as_i64().unwrap()).sum();
    assert!(answered >= 1, "{res}");

    let admin = app.login("admin").await;
    let res = stats(&app, &admin, "ROOT", EXPERTS).await;
    let rows = data(&res)["stats"]["experts"].as_array().unwrap().clone();
    let theirs = rows.iter().find(|r| r["personId"] == outsider.as_str() && r["unit"]["code"] == "CRIC-SAR");
    assert!(theirs.is_some_and(|r| r["answered"].as_i64().unwrap() >= 1), "{res}");
});
