//! Personal data past retention (issue 19 item 3): the daily pass on generated
//! data leaves every monitoring figure as it was, and afterwards no fiscal code
//! seen only in records past retention is left in any column of any table.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Statement};
use serde_json::{Value, json};

use api::kernel::reach::Reach;
use api::retention::domain::{ERASED, ErasureReport, RetentionPolicy};
use api::seed::generate::{GenerateOptions, generate};
use entities::{appointment, ccm_contact, follow_up, quesito};

use crate::both_backends;
use crate::helpers::{TestApp, data};
use crate::monitoring::{fixed_now, no_demo, stats_query};

/// One month for every kind: with 75 days of history, about half of it is past retention.
const ONE_MONTH: RetentionPolicy =
    RetentionPolicy { bookings: 1, contacts: 1, quesiti: 1, callbacks: 1, outbox: 1, alert_days: 30 };

async fn stats(app: &TestApp, token: &str, from: NaiveDate, to: NaiveDate) -> Value {
    let res = app.graphql(Some(token), &stats_query(), json!({ "u": "DR-SAR", "from": from, "to": to })).await;
    data(&res)["stats"].clone()
}

/// The fiscal codes of the records dated before `cutoff` (old) and of the others (recent).
async fn fiscal_codes(app: &TestApp) -> (HashSet<String>, HashSet<String>) {
    let db = &app.state.db;
    let cutoff = ONE_MONTH.cutoffs(fixed_now()).bookings;
    let (mut old, mut recent) = (HashSet::new(), HashSet::new());
    for a in appointment::Entity::find().all(db).await.unwrap() {
        if a.starts_at < cutoff { &mut old } else { &mut recent }.insert(a.fiscal_code);
    }
    for f in follow_up::Entity::find().all(db).await.unwrap() {
        if f.created_at < cutoff { &mut old } else { &mut recent }.insert(f.citizen_fiscal_code);
    }
    for c in
        ccm_contact::Entity::find().filter(ccm_contact::Column::CitizenFiscalCode.is_not_null()).all(db).await.unwrap()
    {
        let code = c.citizen_fiscal_code.unwrap();
        if c.recorded_at < cutoff { &mut old } else { &mut recent }.insert(code);
    }
    use api::quesiti::domain::Lifecycle;
    for q in quesito::Entity::find().all(db).await.unwrap() {
        // An open quesito keeps its citizen's data whatever its age.
        let past = q.created_at < cutoff && !q.status.is_open();
        if past { &mut old } else { &mut recent }.insert(q.citizen_fiscal_code);
    }
    old.remove(ERASED);
    recent.remove(ERASED);
    (old, recent)
}

/// Every text column of every table, as (table, column).
async fn text_columns(app: &TestApp) -> Vec<(String, String)> {
    let db = &app.state.db;
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')"
        }
        _ => {
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND (upper(p.type) LIKE '%TEXT%' OR upper(p.type) LIKE '%CHAR%')"
        }
    };
    let rows = db.query_all_raw(Statement::from_string(backend, sql)).await.unwrap();
    rows.iter().map(|r| (r.try_get_by_index(0).unwrap(), r.try_get_by_index(1).unwrap())).collect()
}

/// The (table, column, how many) holding any of `codes`, anywhere in the database.
async fn where_found(app: &TestApp, codes: &HashSet<String>) -> Vec<(String, String, i64)> {
    let db = &app.state.db;
    let backend = db.get_database_backend();
    let list = codes.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(", ");
    let mut found = Vec::new();
    for (table, column) in text_columns(app).await {
        let sql = format!("SELECT count(*) FROM \"{table}\" WHERE \"{column}\" IN ({list})");
        let row = db.query_one_raw(Statement::from_string(backend, sql)).await.unwrap().unwrap();
        let n: i64 = row.try_get_by_index(0).unwrap();
        if n > 0 {
            found.push((table, column, n));
        }
    }
    found
}

/// Where a citizen's fiscal code is stored, as (table, column). The retention
/// pass covers the first five; procure, professionals, collaborators and staff
/// are not citizens' records of the kinds retention applies to.
const FISCAL_CODE_COLUMNS: [(&str, &str); 9] = [
    ("appointment", "fiscal_code"),
    ("follow_up", "citizen_fiscal_code"),
    ("ccm_contact", "citizen_fiscal_code"),
    ("quesito", "citizen_fiscal_code"),
    ("audit_event", "record_id"),
    ("procura", "client_fiscal_code"),
    ("professional", "fiscal_code"),
    ("collaborator", "fiscal_code"),
    ("person", "fiscal_code"),
];

/// Records past retention (at [`fixed_now`], [`ONE_MONTH`]) still holding a fiscal code, per table.
async fn fiscal_codes_past_retention(app: &TestApp) -> Vec<(&'static str, i64)> {
    let db = &app.state.db;
    let backend = db.get_database_backend();
    let cutoff = ONE_MONTH.cutoffs(fixed_now()).bookings;
    let at = match backend {
        DbBackend::Postgres => format!("'{}'::timestamptz", cutoff.to_rfc3339()),
        _ => format!("'{}'", cutoff.format("%Y-%m-%d %H:%M:%S")),
    };
    let open = "('NEW', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'FORWARDED_CENTRAL')";
    let checks = [
        ("appointment", format!("starts_at < {at} AND fiscal_code <> '{ERASED}'")),
        ("follow_up", format!("created_at < {at} AND citizen_fiscal_code <> '{ERASED}'")),
        ("ccm_contact", format!("recorded_at < {at} AND citizen_fiscal_code <> '{ERASED}'")),
        ("quesito", format!("created_at < {at} AND status NOT IN {open} AND citizen_fiscal_code <> '{ERASED}'")),
        (
            "audit_event",
            format!("occurred_at < {at} AND record_type IN ('citizen', 'client') AND record_id <> '{ERASED}'"),
        ),
    ];
    let mut found = Vec::new();
    for (table, past) in checks {
        let sql = format!("SELECT count(*) FROM {table} WHERE {past}");
        let row = db.query_one_raw(Statement::from_string(backend, sql)).await.unwrap().unwrap();
        let n: i64 = row.try_get_by_index(0).unwrap();
        if n > 0 {
            found.push((table, n));
        }
    }
    found
}

both_backends!(the_retention_pass_keeps_every_figure_and_leaves_no_fiscal_code_past_retention, configure: no_demo, |app: TestApp| async move {
    let today = api::appointments::domain::rome_date(fixed_now());
    let opts = GenerateOptions { scale: 1, days: 75, seed: 19, until: today };
    Reach::system().run(generate(&app.state.db, &opts)).await.unwrap();
    let token = app.login("dr.sardegna").await;
    let (from, to) = (today - Duration::days(80), today);
    let before = stats(&app, &token, from, to).await;
    let (old, recent) = fiscal_codes(&app).await;
    assert!(!old.is_empty() && !recent.is_empty(), "old {} recent {}", old.len(), recent.len());
    // Any table: the columns holding fiscal codes are those the pass knows of.
    let every_code: HashSet<String> = old.union(&recent).cloned().collect();
    for (table, column, _) in where_found(&app, &every_code).await {
        assert!(FISCAL_CODE_COLUMNS.contains(&(table.as_str(), column.as_str())), "fiscal codes in {table}.{column}");
    }
    let past = fiscal_codes_past_retention(&app).await;
    assert!(past.iter().any(|(t, _)| *t == "appointment") && past.iter().any(|(t, _)| *t == "quesito"), "{past:?}");

    let report = Reach::system().run(api::retention::run_pass(&app.state.db, &ONE_MONTH, fixed_now())).await.unwrap();
    let report = report.expect("the pass ran");
    assert!(report.bookings > 100 && report.quesiti > 10, "{report:?}");

    assert_eq!(stats(&app, &token, from, to).await, before, "the figures changed");
    assert_eq!(fiscal_codes_past_retention(&app).await, vec![], "past retention yet still there");
    // The recent records keep theirs.
    assert_eq!(fiscal_codes(&app).await.1, recent);
    // A second pass finds nothing left to erase.
    let again = Reach::system().run(api::retention::run_pass(&app.state.db, &ONE_MONTH, fixed_now())).await.unwrap();
    assert_eq!(again, Some(ErasureReport::default()));
});

const ERASE: &str = "mutation($f: String!) { eraseCitizenData(fiscalCode: $f) {
    bookings followUps contacts quesiti quesitoNotes outboxMessages auditEvents } }";

both_backends!(
    an_erasure_request_removes_one_citizens_data_everywhere_and_is_audited_without_it,
    |app: TestApp| async move {
        let db = &app.state.db;
        let booking = appointment::Entity::find().one(db).await.unwrap().expect("demo bookings");
        let code = booking.fiscal_code.clone();
        let others_before =
            appointment::Entity::find().filter(appointment::Column::FiscalCode.ne(&code)).all(db).await.unwrap();
        let codes = HashSet::from([code.clone()]);
        assert!(!where_found(&app, &codes).await.is_empty());

        // Only a national administrator may.
        let operator = app.login("op.roma1").await;
        let res = app.graphql(Some(&operator), ERASE, json!({ "f": code })).await;
        assert_eq!(crate::helpers::error_code(&res), Some("FORBIDDEN"), "{res}");

        let admin = app.login("admin").await;
        let res = app.graphql(Some(&admin), ERASE, json!({ "f": code.to_lowercase() })).await;
        let report = &data(&res)["eraseCitizenData"];
        assert!(report["bookings"].as_u64().unwrap() >= 1, "{report}");
        // Procure are kept (a mandate is kept as long as the law asks); nothing else holds the code.
        let left: Vec<_> = where_found(&app, &codes).await.into_iter().filter(|(t, _, _)| t != "procura").collect();
        assert_eq!(left, vec![], "the citizen's fiscal code is still stored");
        // Nobody else's data changed.
        let others_after =
            appointment::Entity::find().filter(appointment::Column::FiscalCode.ne(ERASED)).all(db).await.unwrap();
        assert_eq!(others_after.len(), others_before.len());

        let audit = entities::audit_event::Entity::find()
            .filter(entities::audit_event::Column::Action.eq("citizen.erase"))
            .one(db)
            .await
            .unwrap()
            .expect("the erasure is audited");
        assert_eq!(audit.actor_username.as_deref(), Some("admin"));
        let detail = audit.detail.unwrap_or_default();
        assert!(!detail.contains(&code) && detail.contains("\"bookings\""), "{detail}");
        // Asked again: nothing left to erase.
        let res = app.graphql(Some(&admin), ERASE, json!({ "f": code })).await;
        assert_eq!(data(&res)["eraseCitizenData"]["bookings"], 0);
    }
);

const ALERTS: &str = "{ alerts(first: 100) { unreadCount nodes { title } } }";

async fn alerts_of(app: &TestApp, token: &str) -> (u64, Vec<String>) {
    let res = app.graphql(Some(token), ALERTS, json!({})).await;
    let alerts = &data(&res)["alerts"];
    let titles = alerts["nodes"].as_array().unwrap().iter().map(|n| n["title"].as_str().unwrap().to_owned());
    (alerts["unreadCount"].as_u64().unwrap(), titles.collect())
}

both_backends!(the_retention_pass_deletes_old_alerts_and_leaves_what_is_unread_as_it_was, |app: TestApp| async move {
    let db = &app.state.db;
    let now = chrono::Utc::now();
    let operator = entities::person::Entity::find()
        .filter(entities::person::Column::Username.eq("op.cagliari1"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let office = entities::org_unit::Entity::find()
        .filter(entities::org_unit::Column::Code.eq("UT-CA1"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    // Raised 100, 40 and 10 days ago and an hour ago; read up to 20 days ago.
    for (days_ago, title) in [(100, "A 100 giorni"), (40, "A 40 giorni"), (10, "A 10 giorni"), (0, "Adesso")] {
        let mut alert = api::alerts::NewAlert::assigned(
            office.id,
            operator.id,
            "appointment",
            uuid::Uuid::now_v7(),
            "Prechiamata",
            "n. 1",
        );
        alert.title = title.to_owned();
        let at = now - Duration::days(days_ago) - Duration::hours(1);
        assert!(api::alerts::store::insert(db, &alert, at).await.unwrap());
    }
    api::alerts::store::mark_read(db, operator.id, now - Duration::days(20)).await.unwrap();
    let token = app.login("op.cagliari1").await;
    let (unread_before, before) = alerts_of(&app, &token).await;
    assert!(before.iter().any(|t| t == "A 100 giorni"), "{before:?}");
    assert!(unread_before >= 2, "the two of the last 20 days at least: {unread_before}");

    // RETENTION_ALERTS_DAYS=0: kept.
    let keep = RetentionPolicy { alert_days: 0, ..RetentionPolicy::default() };
    let report = Reach::system().run(api::retention::run_pass(db, &keep, now)).await.unwrap().unwrap();
    assert_eq!(report.alerts, 0);
    assert_eq!(alerts_of(&app, &token).await.1, before);

    // The default, 90 days: the alert of 100 days ago goes, the others stay, the unread count is the same.
    let report = Reach::system().run(api::retention::run_pass(db, &RetentionPolicy::default(), now)).await.unwrap();
    assert_eq!(report.unwrap().alerts, 1);
    let (unread_after, after) = alerts_of(&app, &token).await;
    let expected: Vec<String> = before.iter().filter(|t| *t != "A 100 giorni").cloned().collect();
    assert_eq!(after, expected);
    for kept in ["A 40 giorni", "A 10 giorni", "Adesso"] {
        assert!(after.iter().any(|t| t == kept), "{kept} kept: {after:?}");
    }
    assert_eq!(unread_after, unread_before, "what was unread is still unread, and nothing read became unread");
    assert_eq!(
        entities::alert_read::Entity::find_by_id(operator.id).one(db).await.unwrap().unwrap().read_until.timestamp(),
        (now - Duration::days(20)).timestamp(),
        "the read mark is untouched"
    );
    // A second pass deletes nothing more.
    let again = Reach::system().run(api::retention::run_pass(db, &RetentionPolicy::default(), now)).await.unwrap();
    assert_eq!(again.unwrap().alerts, 0);
});
