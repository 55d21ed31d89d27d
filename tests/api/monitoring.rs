//! Monitoring figures (issue 6): `stats` over generated data equals counts
//! computed here from the raw rows; scope; children; daily series; CSV; the
//! generator's determinism; no N+1.

use std::collections::HashMap;
use std::sync::atomic::Ordering;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{EntityTrait, QueryOrder};
use serde_json::{Value, json};
use uuid::Uuid;

use api::appointments::domain::{PrecallCoverage, PrecallStatus, precall_coverage, rome_date, session_duration};
use api::seed::generate::{GenerateOptions, generate};
use entities::{appointment, callback_request, org_unit, quesito};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, data, directorate_with_offices, error_code};

pub(crate) const FIGURES: &str = "figures {
    appointments { bookings cancelled toPrecall precalled precalledInTime notContactable negative positive
        servedRemotely redirectedEmailPec confirmedVirtual confirmedInPerson cancelledByCitizen
        counterSessions { channel outcome count } sessionsOver15Minutes
        precallCoverage notReachingCounterShare sessions transfersToBackOffice noShows }
    callbacks { requested waiting served resolved routedInternally noAnswer }
    quesiti { section received answered backlog forwarded slaBreaches medianAnswerSeconds } }";

pub(crate) fn stats_query() -> String {
    format!(
        "query($u: String!, $from: NaiveDate!, $to: NaiveDate!) {{ stats(unitCode: $u, from: $from, to: $to) {{
            unit {{ code }} {FIGURES} children {{ unit {{ code kind }} {FIGURES} }} daily {{ date {FIGURES} }} }} }}"
    )
}

/// The instant the server's clock is fixed at. The figures depend on "now"
/// (SLA breaches: open quesiti past their due date, 23:59:59 Rome time;
/// precalls in time); with the real clock a run crossing 23:59:59 Rome
/// (22:59:59 UTC in winter) between the server's count and the test's own
/// found one quesito more past due.
const FIXED_NOW: &str = "2026-11-25T10:00:00+01:00";

pub(crate) fn fixed_now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(FIXED_NOW).unwrap().with_timezone(&Utc)
}

pub(crate) fn today() -> NaiveDate {
    rome_date(fixed_now())
}

pub(crate) async fn generated(app: &TestApp, days: u32, seed: u64) {
    let opts = GenerateOptions { scale: 1, days, seed, until: today() };
    generate(&app.state.db, &opts).await.unwrap();
}

/// No demo data, and the server's clock fixed at [`FIXED_NOW`].
pub(crate) fn no_demo(s: &mut api::config::Settings) {
    s.seed_demo = false;
    s.fixed_now = Some(fixed_now());
}

/// Counts computed from the raw rows, as a test may (the server may not).
pub(crate) async fn expected(app: &TestApp, path: &str, from: NaiveDate, to: NaiveDate) -> Value {
    let db = &app.state.db;
    let now = fixed_now();
    let units: HashMap<Uuid, String> =
        org_unit::Entity::find().all(db).await.unwrap().into_iter().map(|u| (u.id, u.path)).collect();
    let under = |id: &Uuid| units.get(id).is_some_and(|p| p.starts_with(path));
    let in_period = |d: NaiveDate| d >= from && d <= to;

    let mut n: HashMap<&str, i64> = HashMap::new();
    let mut cells: HashMap<(String, String), i64> = HashMap::new();
    for a in appointment::Entity::find().all(db).await.unwrap() {
        if !under(&a.unit_id) || !in_period(a.local_date) {
            continue;
        }
        let mut bump = |k: &'static str, yes: bool| *n.entry(k).or_default() += i64::from(yes);
        bump("bookings", true);
        bump("cancelled", a.status.as_str() == "CANCELLED");
        bump(
            "toPrecall",
            a.precall_status.as_str() != "NOT_REQUIRED"
                && !(a.status.as_str() == "CANCELLED" && a.precalled_at.is_none()),
        );
        bump("precalled", a.precall_outcome.is_some());
        bump(
            "precalledInTime",
            a.precall_outcome.is_some()
                && precall_coverage(PrecallStatus::Done, a.local_date, a.precalled_at, now) == PrecallCoverage::Covered,
        );
        let outcome = a.precall_outcome.map(|o| o.as_str());
        bump("notContactable", outcome == Some("NOT_CONTACTABLE"));
        bump("negative", outcome == Some("NEGATIVE"));
        bump("positive", outcome == Some("POSITIVE"));
        let result = a.precall_result.map(|r| r.as_str());
        bump("servedRemotely", result == Some("SERVED_REMOTELY"));
        bump("redirectedEmailPec", result == Some("REDIRECTED_EMAIL_PEC"));
        bump("confirmedVirtual", result == Some("CONFIRMED_VIRTUAL"));
        bump("confirmedInPerson", result == Some("CONFIRMED_IN_PERSON"));
        bump("cancelledByCitizen", result == Some("CANCELLED_BY_CITIZEN"));
        bump(
            "sessionsOver15Minutes",
            session_duration(a.counter_started_at, a.counter_ended_at).is_some_and(|(_, over)| over),
        );
        if let (Some(ch), Some(o)) = (a.counter_channel, a.counter_outcome) {
            *cells.entry((ch.to_string(), o.to_string())).or_default() += 1;
        }
    }
    let mut appointments = json!({});
    for k in [
        "bookings",
        "cancelled",
        "toPrecall",
        "precalled",
        "precalledInTime",
        "notContactable",
        "negative",
        "positive",
        "servedRemotely",
        "redirectedEmailPec",
        "confirmedVirtual",
        "confirmedInPerson",
        "cancelledByCitizen",
        "sessionsOver15Minutes",
    ] {
        appointments[k] = json!(n.get(k).copied().unwrap_or(0));
    }
    let mut counter = Vec::new();
    for ch in ["IN_PERSON", "VIRTUAL"] {
        for o in ["COMPLETED", "TRANSFERRED_TO_BACK_OFFICE", "NO_SHOW", "NOT_DELIVERABLE"] {
            let count = cells.get(&(ch.to_owned(), o.to_owned())).copied().unwrap_or(0);
            counter.push(json!({ "channel": ch, "outcome": o, "count": count }));
        }
    }
    appointments["counterSessions"] = json!(counter);

    let mut cb: HashMap<&str, i64> = HashMap::new();
    for c in callback_request::Entity::find().all(db).await.unwrap() {
        if !under(&c.unit_id) || !in_period(rome_date(c.requested_at)) {
            continue;
        }
        let mut bump = |k: &'static str, yes: bool| *cb.entry(k).or_default() += i64::from(yes);
        let done = c.status.as_str() == "DONE";
        bump("requested", true);
        bump("waiting", c.status.as_str() == "WAITING" || c.status.as_str() == "ASSIGNED");
        bump("served", done);
        bump("resolved", done && c.outcome.map(|o| o.as_str()) == Some("RESOLVED"));
        bump("routedInternally", done && c.outcome.map(|o| o.as_str()) == Some("ROUTED_INTERNALLY"));
        bump("noAnswer", done && c.outcome.map(|o| o.as_str()) == Some("NO_ANSWER"));
    }
    let callbacks: serde_json::Map<String, Value> =
        ["requested", "waiting", "served", "resolved", "routedInternally", "noAnswer"]
            .into_iter()
            .map(|k| (k.to_owned(), json!(cb.get(k).copied().unwrap_or(0))))
            .collect();

    let all_quesiti = quesito::Entity::find().order_by_asc(quesito::Column::Id).all(db).await.unwrap();
    let mut sections = Vec::new();
    for section in ["PENSIONI", "SOSTEGNO_REDDITO", "SOGGETTO_CONTRIBUENTE"] {
        let qs: Vec<&quesito::Model> = all_quesiti
            .iter()
            .filter(|q| q.section.as_str() == section && under(&q.unit_id) && in_period(rome_date(q.created_at)))
            .collect();
        let count = |f: &dyn Fn(&quesito::Model) -> bool| qs.iter().filter(|q| f(q)).count() as i64;
        let mut secs: Vec<i64> = qs
            .iter()
            .filter_map(|q| {
                q.answered_at.map(|a| ((a - q.created_at).num_milliseconds() as f64 / 1000.0).round() as i64)
            })
            .collect();
        secs.sort();
        let median = match secs.len() {
            0 => Value::Null,
            l if l % 2 == 1 => json!(secs[l / 2] as f64),
            l => json!((secs[l / 2 - 1] + secs[l / 2]) as f64 / 2.0),
        };
        sections.push(json!({
            "section": section,
            "received": qs.len() as i64,
            "answered": count(&|q| q.status.as_str() == "ANSWERED"),
            "backlog": count(&|q| ["NEW", "IN_PROGRESS", "WAITING_FOR_CITIZEN"].contains(&q.status.as_str())),
            "forwarded": count(&|q| q.forwarded_to_unit_id.is_some()),
            // Waiting for the citizen, the clock is paused: a breach only if late when it paused.
            "slaBreaches": count(&|q| match (q.answered_at, q.waiting_since) {
                (Some(a), _) => a > q.due_at,
                (None, Some(since)) => q.status.as_str() == "WAITING_FOR_CITIZEN" && q.due_at < since,
                (None, None) => ["NEW", "IN_PROGRESS", "FORWARDED_CENTRAL"].contains(&q.status.as_str()) && q.due_at < now,
            }),
            "medianAnswerSeconds": median,
        }));
    }
    json!({ "appointments": appointments, "callbacks": callbacks, "quesiti": sections })
}

/// The figures without the derived fields, for comparison with [`expected`].
pub(crate) fn counted(figures: &Value) -> Value {
    let mut f = figures.clone();
    let a = f["appointments"].as_object_mut().unwrap();
    for k in ["precallCoverage", "notReachingCounterShare", "sessions", "transfersToBackOffice", "noShows"] {
        a.remove(k);
    }
    f
}

/// Medians may differ by rounding of sub-second timestamps (demo rows): compare them apart.
pub(crate) fn assert_same_figures(actual: &Value, expected: &Value, what: &str) {
    let strip = |v: &Value| {
        let mut v = v.clone();
        for s in v["quesiti"].as_array_mut().unwrap() {
            s.as_object_mut().unwrap().remove("medianAnswerSeconds");
        }
        v
    };
    assert_eq!(strip(&counted(actual)), strip(expected), "{what}");
    for (a, e) in actual["quesiti"].as_array().unwrap().iter().zip(expected["quesiti"].as_array().unwrap()) {
        match (a["medianAnswerSeconds"].as_f64(), e["medianAnswerSeconds"].as_f64()) {
            (Some(x), Some(y)) => assert!((x - y).abs() <= 1.0, "{what}: median {x} vs {y}"),
            (x, y) => assert_eq!(x, y, "{what}: median"),
        }
    }
}

both_backends!(stats_of_a_region_equal_the_counts_of_its_rows, configure: no_demo, |app: TestApp| async move {
    generated(&app, 20, 7).await;
    let (from, to) = (today() - Duration::days(20), today() + Duration::days(5));
    let token = app.login("dr.sardegna").await;
    let res = app.graphql(Some(&token), &stats_query(), json!({ "u": "DR-SAR", "from": from, "to": to })).await;
    let stats = &data(&res)["stats"];
    let want = expected(&app, "/IT/SAR/", from, to).await;
    assert!(want["appointments"]["bookings"].as_i64().unwrap() > 1000, "the generator made data: {want}");
    assert!(want["quesiti"][0]["received"].as_i64().unwrap() > 10, "{want}");
    assert_same_figures(&stats["figures"], &want, "DR-SAR");

    // Children: the DR's provincial directorates (and its CRIC), each with its own counts.
    let children = stats["children"].as_array().unwrap();
    let codes: Vec<&str> = children.iter().map(|c| c["unit"]["code"].as_str().unwrap()).collect();
    let dps: Vec<&str> = children
        .iter()
        .filter(|c| c["unit"]["kind"] == "PROVINCIAL_DIRECTORATE")
        .map(|c| c["unit"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(dps, ["DP-CA", "DP-NU", "DP-OR", "DP-SS"], "{codes:?}");
    assert_eq!(codes.len(), 5, "the DPs and CRIC Sardegna: {codes:?}");
    let ca = children.iter().find(|c| c["unit"]["code"] == "DP-CA").unwrap();
    assert_same_figures(&ca["figures"], &expected(&app, "/IT/SAR/CA/", from, to).await, "DP-CA");
    let cric = children.iter().find(|c| c["unit"]["code"] == "CRIC-SAR").unwrap();
    assert_eq!(cric["figures"]["appointments"]["bookings"], 0);
    assert_eq!(cric["figures"]["quesiti"], stats["figures"]["quesiti"]);
    let sum = |rows: &[Value], f: &dyn Fn(&Value) -> &Value| rows.iter().map(|r| f(r).as_i64().unwrap()).sum::<i64>();
    assert_eq!(
        sum(children, &|c| &c["figures"]["appointments"]["bookings"]),
        stats["figures"]["appointments"]["bookings"].as_i64().unwrap()
    );

    // Daily: every day of the period, adding up to the totals.
    let daily = stats["daily"].as_array().unwrap();
    assert_eq!(daily.len(), 26);
    assert_eq!(daily[0]["date"], json!(from));
    for path in [
        &["appointments", "bookings"][..],
        &["appointments", "precalledInTime"],
        &["callbacks", "requested"],
        &["callbacks", "served"],
    ] {
        let total = path.iter().fold(&stats["figures"], |v, k| &v[*k]).as_i64().unwrap();
        assert_eq!(sum(daily, &|d| path.iter().fold(&d["figures"], |v, k| &v[*k])), total, "{path:?}");
    }
    let received = |v: &Value| v["quesiti"].as_array().unwrap().iter().map(|s| s["received"].as_i64().unwrap()).sum::<i64>();
    assert_eq!(daily.iter().map(|d| received(&d["figures"])).sum::<i64>(), received(&stats["figures"]));

    // The directive's proportions hold in the generated (closed) days.
    let q = "query($from: NaiveDate!, $to: NaiveDate!) { stats(unitCode: \"DR-SAR\", from: $from, to: $to) { figures { appointments { precallCoverage notReachingCounterShare } } } }";
    let res = app.graphql(Some(&token), q, json!({ "from": from, "to": today() - Duration::days(1) })).await;
    let a = &data(&res)["stats"]["figures"]["appointments"];
    let share = a["notReachingCounterShare"].as_f64().unwrap();
    assert!((0.33..=0.50).contains(&share), "about 40% do not reach the counter: {share}");
    assert!(a["precallCoverage"].as_f64().unwrap() > 0.5, "{a}");
});

both_backends!(stats_outside_ones_scope_are_not_found, configure: no_demo, |app: TestApp| async move {
    generated(&app, 5, 1).await;
    let (from, to) = (today() - Duration::days(5), today());
    let q = "query($u: String!, $from: NaiveDate!, $to: NaiveDate!) { stats(unitCode: $u, from: $from, to: $to) { figures { appointments { bookings } } } }";
    for (user, unit, code) in [
        ("dr.lazio", "DR-SAR", Some("NOT_FOUND")),
        ("dr.lazio", "UT-CA1", Some("NOT_FOUND")),
        ("dp.cagliari", "DR-SAR", Some("NOT_FOUND")),
        ("dp.cagliari", "DP-SS", Some("NOT_FOUND")),
        ("dp.cagliari", "DP-CA", None),
        ("dir.cagliari1", "UT-CA1", None),
        ("dir.cagliari1", "UT-CA2", Some("NOT_FOUND")),
        ("op.cagliari1", "UT-CA1", Some("NOT_FOUND")),
        ("cric.sardegna", "CRIC-SAR", Some("NOT_FOUND")),
        ("dr.sardegna", "NO-SUCH-UNIT", Some("NOT_FOUND")),
        ("admin", "DR-LAZ", None),
    ] {
        let token = app.login(user).await;
        let res = app.graphql(Some(&token), q, json!({ "u": unit, "from": from, "to": to })).await;
        assert_eq!(error_code(&res), code, "{user} on {unit}: {res}");
    }
    let token = app.login("dr.sardegna").await;
    let res = app.graphql(Some(&token), q, json!({ "u": "DR-SAR", "from": to, "to": from })).await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    let res = app
        .graphql(Some(&token), q, json!({ "u": "DR-SAR", "from": today() - Duration::days(400), "to": today() }))
        .await;
    assert_eq!(error_code(&res), Some("BAD_USER_INPUT"));
    let res = app.graphql(None, q, json!({ "u": "DR-SAR", "from": from, "to": to })).await;
    assert_eq!(error_code(&res), Some("UNAUTHENTICATED"));
});

both_backends!(the_csv_has_a_row_for_the_unit_and_each_child, configure: no_demo, |app: TestApp| async move {
    generated(&app, 5, 3).await;
    let (from, to) = (today() - Duration::days(5), today());
    let token = app.login("dr.sardegna").await;
    let vars = json!({ "u": "DR-SAR", "from": from, "to": to });
    let res = app
        .graphql(Some(&token), "query($u: String!, $from: NaiveDate!, $to: NaiveDate!) { statsCsv(unitCode: $u, from: $from, to: $to) }", vars.clone())
        .await;
    let csv = data(&res)["statsCsv"].as_str().unwrap().to_owned();
    // The units' table; the tables per person follow after an empty line (monitoring_per_person.rs).
    let units_table = csv.split("\n\n").next().unwrap();
    let mut reader = csv::Reader::from_reader(units_table.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "Codice unità");
    assert_eq!(&headers[4], "Prenotazioni");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let codes: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(codes, ["DR-SAR", "DP-CA", "CRIC-SAR", "DP-NU", "DP-OR", "DP-SS"]);
    let res = app
        .graphql(Some(&token), "query($u: String!, $from: NaiveDate!, $to: NaiveDate!) { stats(unitCode: $u, from: $from, to: $to) { figures { appointments { bookings } } } }", vars)
        .await;
    assert_eq!(rows[0][4], data(&res)["stats"]["figures"]["appointments"]["bookings"].to_string());

    let lazio = app.login("dr.lazio").await;
    let res = app
        .graphql(Some(&lazio), "{ statsCsv(unitCode: \"DR-SAR\", from: \"2026-01-01\", to: \"2026-01-31\") }", json!({}))
        .await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"));
});

/// A digest of what the generator wrote for its (past) period: the demo
/// organisation's own rows are dated around today and its ids are random, so
/// they are left out.
async fn digest(app: &TestApp) -> Vec<String> {
    let cutoff = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let db = &app.state.db;
    let codes: HashMap<Uuid, String> =
        org_unit::Entity::find().all(db).await.unwrap().into_iter().map(|u| (u.id, u.code)).collect();
    let mut rows: Vec<String> = appointment::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.cup_number.starts_with('G') && a.local_date < cutoff)
        .map(|a| {
            format!(
                "{} {} {} {} {} {:?} {:?} {:?} {:?} {:?}",
                a.id,
                codes[&a.unit_id],
                a.cup_number,
                a.local_date,
                a.status,
                a.precall_result,
                a.precalled_at,
                a.counter_outcome,
                a.counter_started_at,
                a.counter_ended_at
            )
        })
        .collect();
    rows.extend(
        quesito::Entity::find().all(db).await.unwrap().into_iter().filter(|q| q.created_at.date_naive() < cutoff).map(
            |q| {
                format!(
                    "{} {} {} {} {:?} {:?}",
                    q.created_at, codes[&q.unit_id], q.section, q.status, q.answered_at, q.due_at
                )
            },
        ),
    );
    rows.extend(
        callback_request::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .filter(|c| c.requested_at.date_naive() < cutoff)
            .map(|c| format!("{} {} {} {:?}", c.requested_at, codes[&c.unit_id], c.status, c.outcome)),
    );
    rows.sort();
    rows
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_generator_is_deterministic_and_refuses_a_database_with_data() {
    let until = NaiveDate::from_ymd_opt(2025, 3, 17).unwrap();
    let opts = |seed| GenerateOptions { scale: 2, days: 10, seed, until };
    let a = TestApp::spawn_configured(Backend::Sqlite, no_demo).await;
    let b = TestApp::spawn_configured(Backend::Sqlite, no_demo).await;
    let c = TestApp::spawn_configured(Backend::Sqlite, no_demo).await;
    let made_a = generate(&a.state.db, &opts(42)).await.unwrap();
    let made_b = generate(&b.state.db, &opts(42)).await.unwrap();
    let made_c = generate(&c.state.db, &opts(43)).await.unwrap();
    assert_eq!(made_a, made_b);
    assert_eq!(made_a.units, 2 * 27, "scale 2 adds two regions of 27 units each");
    let (da, db, dc) = (digest(&a).await, digest(&b).await, digest(&c).await);
    assert!(da.len() > 1000);
    assert_eq!(da, db, "same seed, same data");
    assert_ne!(da, dc, "another seed, other data");
    assert_ne!(made_a, made_c);

    let again = generate(&a.state.db, &opts(42)).await;
    assert!(again.is_err(), "a database with data is refused");
    assert_eq!(digest(&a).await, da, "and left unchanged");
}

both_backends!(stats_cost_the_same_statements_for_10_and_1000_children, |app: TestApp| async move {
    directorate_with_offices(&app, "SMALL", 10).await;
    directorate_with_offices(&app, "BIG", 1000).await;
    let token = app.login("dr.sardegna").await;
    let q = format!(
        "query($u: String!) {{ stats(unitCode: $u, from: \"2026-11-01\", to: \"2026-11-30\") {{ {FIGURES} children {{ unit {{ code parent {{ code }} }} {FIGURES} }} daily {{ date {FIGURES} }} }} }}"
    );
    // The first read after writes also brings the bookings' rollup up to date:
    // read once, so both counts below are of reads alone.
    app.graphql(Some(&token), &q, json!({ "u": "SMALL" })).await;
    let mut counts = Vec::new();
    for code in ["SMALL", "BIG"] {
        let before = app.state.statement_count.load(Ordering::SeqCst);
        let res = app.graphql(Some(&token), &q, json!({ "u": code })).await;
        let after = app.state.statement_count.load(Ordering::SeqCst);
        counts.push((after - before, data(&res)["stats"]["children"].as_array().unwrap().len()));
    }
    assert_eq!(counts[0].1, 10);
    assert_eq!(counts[1].1, 1000);
    assert_eq!(counts[0].0, counts[1].0, "statements grow with rows: {counts:?}");
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_and_postgres_give_the_same_figures() {
    let Some(pg) = Backend::postgres() else {
        crate::not_run::report(
            crate::this_test!("sqlite_and_postgres_give_the_same_figures"),
            crate::not_run::NO_POSTGRES,
        );
        return;
    };
    // A past period, so only the (deterministic) generated rows fall in it.
    let until = NaiveDate::from_ymd_opt(2025, 3, 17).unwrap();
    let opts = GenerateOptions { scale: 1, days: 20, seed: 11, until };
    let (from, to) = (until - Duration::days(20), until);
    let mut results = Vec::new();
    for backend in [Backend::Sqlite, pg] {
        let app = TestApp::spawn_configured(backend, no_demo).await;
        // Loading data acts for nobody in particular (api::kernel::reach).
        api::kernel::reach::Reach::system().run(generate(&app.state.db, &opts)).await.unwrap();
        let token = app.login("dr.sardegna").await;
        let res = app.graphql(Some(&token), &stats_query(), json!({ "u": "DR-SAR", "from": from, "to": to })).await;
        results.push(data(&res)["stats"].clone());
    }
    assert!(results[0]["figures"]["appointments"]["bookings"].as_i64().unwrap() > 1000);
    assert_eq!(results[0], results[1]);
}
