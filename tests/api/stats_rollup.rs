//! The daily rollups (issue 15 item 5): `stats` sums them instead of the raw
//! bookings, callbacks and quesiti, and its figures stay equal to counts
//! computed here from the raw rows after generated data, after changes
//! through the API and by hand (the triggers mark them), for a region and the
//! nation, with two instances reading and refreshing while bookings change,
//! and a region never reads another's rollup rows.

use chrono::{Duration, NaiveDate, NaiveTime};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Statement};
use serde_json::{Value, json};
use uuid::Uuid;

use api::appointments::domain::{AppointmentStatus, rome_instant};
use api::quesiti::domain::QuesitoStatus;
use entities::{appointment, callback_request, org_unit, quesito};

use crate::both_backends;
use crate::helpers::{TestApp, data};
use crate::monitoring::{assert_same_figures, expected, fixed_now, generated, no_demo, stats_query, today};
use crate::quesiti_support::{answer, cancel as cancel_quesito, file_ok, take};

fn period() -> (NaiveDate, NaiveDate) {
    (today() - Duration::days(8), today() + Duration::days(4))
}

async fn unit(app: &TestApp, code: &str) -> org_unit::Model {
    org_unit::Entity::find().filter(org_unit::Column::Code.eq(code)).one(&app.state.db).await.unwrap().unwrap()
}

/// `stats` of `region` (figures, each child, each day) against the raw rows.
async fn assert_report_equals_rows(app: &TestApp, token: &str, region: &str, what: &str) {
    let (from, to) = period();
    let res = app.graphql(Some(token), &stats_query(), json!({ "u": region, "from": from, "to": to })).await;
    let stats = &data(&res)["stats"];
    let path = unit(app, region).await.path;
    let want = expected(app, &path, from, to).await;
    assert!(want["appointments"]["bookings"].as_i64().unwrap() > 100, "{what}: data was generated: {want}");
    assert_same_figures(&stats["figures"], &want, &format!("{what}: {region}"));
    for child in stats["children"].as_array().unwrap() {
        let code = child["unit"]["code"].as_str().unwrap();
        let path = unit(app, code).await.path;
        assert_same_figures(&child["figures"], &expected(app, &path, from, to).await, &format!("{what}: {code}"));
    }
    for day in stats["daily"].as_array().unwrap() {
        let date: NaiveDate = serde_json::from_value(day["date"].clone()).unwrap();
        let want = expected(app, &path, date, date).await;
        assert_same_figures(&day["figures"], &want, &format!("{what}: {region} on {date}"));
    }
}

/// Bookings of an office in the period, oldest first.
async fn bookings_of(app: &TestApp, office: &str, status: AppointmentStatus) -> Vec<appointment::Model> {
    let (from, to) = period();
    let office = unit(app, office).await;
    appointment::Entity::find()
        .filter(appointment::Column::UnitId.eq(office.id))
        .filter(appointment::Column::LocalDate.between(from, to))
        .filter(appointment::Column::Status.eq(status))
        .order_by_asc(appointment::Column::StartsAt)
        .all(&app.state.db)
        .await
        .unwrap()
}

async fn cancel(app: &TestApp, token: &str, id: Uuid) {
    let res = app
        .graphql(
            Some(token),
            "mutation($id: ID!) { cancelAppointment(id: $id, reason: \"Richiesta del contribuente\") { status } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(data(&res)["cancelAppointment"]["status"], "CANCELLED", "{res}");
}

both_backends!(the_rollup_equals_the_raw_rows_as_records_change, configure: no_demo, |app: TestApp| async move {
    generated(&app, 10, 21).await;
    let director = app.login("dr.sardegna").await;
    assert_report_equals_rows(&app, &director, "DR-SAR", "generated").await;
    // The nation: its children are the regions (each the sum of its offices,
    // medians over all their quesiti), as a national director reads them.
    let admin = app.login("admin").await;
    assert_report_equals_rows(&app, &admin, "ROOT", "generated, the nation").await;

    // Through the API: a booking cancelled, a quesito taken and answered.
    let office_director = app.login("dir.cagliari1").await;
    let booked = bookings_of(&app, "UT-CA1", AppointmentStatus::Booked).await;
    cancel(&app, &office_director, booked[0].id).await;
    let cric = unit(&app, "CRIC-SAR").await;
    let open = quesito::Entity::find()
        .filter(quesito::Column::UnitId.eq(cric.id))
        .filter(quesito::Column::Status.eq(QuesitoStatus::New))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("a new quesito at CRIC Sardegna");
    let expert = app.login("cric.sardegna").await;
    let res = app.graphql(Some(&expert), "mutation($id: ID!) { takeQuesito(id: $id) { status } }", json!({ "id": open.id })).await;
    assert_eq!(data(&res)["takeQuesito"]["status"], "IN_PROGRESS", "{res}");
    let res = app
        .graphql(
            Some(&expert),
            "mutation($id: ID!) { answerQuesito(id: $id, answer: \"La pensione decorre dal mese successivo.\") { status } }",
            json!({ "id": open.id }),
        )
        .await;
    assert_eq!(data(&res)["answerQuesito"]["status"], "ANSWERED", "{res}");
    assert_report_equals_rows(&app, &director, "DR-SAR", "after a cancellation and an answer").await;

    // By hand, outside the app: a precall recorded, a booking moved to another
    // office and day, one deleted. The trigger marks each (unit, day) touched.
    let db = &app.state.db;
    let booked = bookings_of(&app, "UT-CA1", AppointmentStatus::Booked).await;
    appointment::Entity::update_many()
        .col_expr(appointment::Column::PrecallOutcome, Expr::value("POSITIVE"))
        .col_expr(appointment::Column::PrecallResult, Expr::value("SERVED_REMOTELY"))
        .col_expr(appointment::Column::PrecalledAt, Expr::value(booked[1].starts_at - Duration::days(5)))
        .filter(appointment::Column::Id.eq(booked[1].id))
        .exec(db)
        .await
        .unwrap();
    let other = unit(&app, "UT-SS").await;
    appointment::Entity::update_many()
        .col_expr(appointment::Column::UnitId, Expr::value(other.id))
        .col_expr(appointment::Column::CupNumber, Expr::value("SPOSTATA-1"))
        .col_expr(appointment::Column::LocalDate, Expr::value(booked[2].local_date + Duration::days(1)))
        .filter(appointment::Column::Id.eq(booked[2].id))
        .exec(db)
        .await
        .unwrap();
    appointment::Entity::delete_by_id(booked[3].id).exec(db).await.unwrap();
    assert_report_equals_rows(&app, &director, "DR-SAR", "after changes by hand").await;
    let marks = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), "SELECT COUNT(*) AS n FROM stats_dirty"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(marks.try_get::<i64>("", "n").unwrap(), 0, "every mark was recounted and removed");
});

async fn marks_left(app: &TestApp) -> i64 {
    let db = &app.state.db;
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), "SELECT COUNT(*) AS n FROM stats_dirty"))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

/// Runs one statement by hand, outside the app (the triggers see it like any write).
async fn by_hand(app: &TestApp, sql: &str, values: Vec<sea_orm::Value>) {
    let db = &app.state.db;
    let backend = db.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => sql.to_owned(),
        // `$1`, `$2`… are `?` on SQLite, bound in the same order.
        _ => (1..=values.len()).rev().fold(sql.to_owned(), |s, i| s.replace(&format!("${i}"), "?")),
    };
    db.execute_raw(Statement::from_sql_and_values(backend, sql, values)).await.unwrap();
}

async fn callback_of(app: &TestApp, unit_code: &str) -> callback_request::Model {
    let (from, to) = period();
    let unit = unit(app, unit_code).await;
    callback_request::Entity::find()
        .filter(callback_request::Column::UnitId.eq(unit.id))
        .filter(callback_request::Column::RequestedAt.gte(rome_instant(from, NaiveTime::MIN).unwrap()))
        .filter(callback_request::Column::RequestedAt.lt(rome_instant(to, NaiveTime::MIN).unwrap()))
        .order_by_asc(callback_request::Column::RequestedAt)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("a callback of {unit_code} in the period"))
}

async fn quesiti_of(app: &TestApp, cric: &str, status: QuesitoStatus) -> Vec<quesito::Model> {
    let (from, to) = period();
    let cric = unit(app, cric).await;
    quesito::Entity::find()
        .filter(quesito::Column::UnitId.eq(cric.id))
        .filter(quesito::Column::Status.eq(status))
        .filter(quesito::Column::CreatedAt.gte(rome_instant(from, NaiveTime::MIN).unwrap()))
        .filter(quesito::Column::CreatedAt.lt(rome_instant(to, NaiveTime::MIN).unwrap()))
        .order_by_asc(quesito::Column::CreatedAt)
        .all(&app.state.db)
        .await
        .unwrap()
}

/// The nation, both regions, each child and each day, against the raw rows.
async fn assert_every_report_equals_rows(app: &TestApp, what: &str) {
    let admin = app.login("admin").await;
    assert_report_equals_rows(app, &admin, "ROOT", what).await;
    assert_report_equals_rows(app, &app.login("dr.sardegna").await, "DR-SAR", what).await;
    assert_report_equals_rows(app, &app.login("dr.lazio").await, "DR-LAZ", what).await;
    assert_eq!(marks_left(app).await, 0, "{what}: every mark was recounted and removed");
    // The rollups themselves hold every row, once.
    let db = &app.state.db;
    let count = |sql: &'static str| async move {
        let row = db.query_one_raw(Statement::from_string(db.get_database_backend(), sql)).await.unwrap().unwrap();
        row.try_get::<Option<i64>>("", "n").unwrap().unwrap_or(0)
    };
    assert_eq!(
        count("SELECT CAST(SUM(requested) AS BIGINT) AS n FROM stats_callback_day").await,
        count("SELECT COUNT(*) AS n FROM callback_request").await,
        "{what}: callbacks"
    );
    assert_eq!(
        count("SELECT CAST(SUM(received) AS BIGINT) AS n FROM stats_quesito_day").await,
        count("SELECT COUNT(*) AS n FROM quesito").await,
        "{what}: quesiti"
    );
}

const REQUEST_CALLBACK: &str = "mutation($i: RequestCallbackInput!) { requestCallback(input: $i) { id status } }";

both_backends!(the_callback_and_quesiti_rollups_equal_the_raw_rows_as_records_change, configure: no_demo, |app: TestApp| async move {
    generated(&app, 10, 33).await;
    assert_eq!(marks_left(&app).await, 0, "the generator counted every rollup at its end");
    assert_every_report_equals_rows(&app, "generated").await;

    // Through the API, in both regions: quesiti filed, taken and answered,
    // cancelled, left new; callbacks requested, assigned and served.
    let ccm = app.login("ccm.op").await;
    let sardegna = file_ok(&app, "DR-SAR", "Decorrenza della pensione").await;
    let expert = app.login("cric.sardegna").await;
    let id = sardegna["id"].as_str().unwrap();
    assert_eq!(data(&take(&app, &expert, id).await)["takeQuesito"]["status"], "IN_PROGRESS");
    let res = answer(&app, &expert, id, "La pensione decorre dal mese successivo.", false).await;
    assert_eq!(data(&res)["answerQuesito"]["status"], "ANSWERED", "{res}");
    file_ok(&app, "DR-SAR", "Ricostituzione della pensione").await;
    let lazio = file_ok(&app, "DR-LAZ", "Assegno di inclusione").await;
    let res = cancel_quesito(&app, &ccm, lazio["id"].as_str().unwrap(), "Il cittadino ha risolto da solo").await;
    assert_eq!(data(&res)["cancelQuesito"]["status"], "CANCELLED", "{res}");
    let yesterday_ten = rome_instant(today() - Duration::days(1), NaiveTime::from_hms_opt(10, 0, 0).unwrap()).unwrap();
    let mut requested = Vec::new();
    for dp in ["DP-CA", "DP-RM"] {
        let input = json!({ "i": { "unitCode": dp, "phone": "347 000 1122", "topic": "Stato del rimborso", "requestedAt": yesterday_ten.to_rfc3339() } });
        let res = app.graphql(Some(&ccm), REQUEST_CALLBACK, input).await;
        assert_eq!(data(&res)["requestCallback"]["status"], "WAITING", "{res}");
        requested.push(data(&res)["requestCallback"]["id"].clone());
    }
    let dp = app.login("dp.cagliari").await;
    let res = app
        .graphql(Some(&dp), "mutation($id: ID!) { assignCallback(id: $id, username: \"op.cagliari1\") { status } }", json!({ "id": requested[0] }))
        .await;
    assert_eq!(data(&res)["assignCallback"]["status"], "ASSIGNED", "{res}");
    let op = app.login("op.cagliari1").await;
    let res = app
        .graphql(Some(&op), "mutation($id: ID!) { recordCallbackAttempt(id: $id, outcome: RESOLVED) { status } }", json!({ "id": requested[0] }))
        .await;
    assert_eq!(data(&res)["recordCallbackAttempt"]["status"], "DONE", "{res}");
    assert_every_report_equals_rows(&app, "after changes through the API").await;

    // By hand, outside the app. A quesito refiled at 00:30 Rome time, which
    // is the previous day in UTC (the day its mark names); one past its due
    // date now (a breach by the clock); one deleted. A callback moved from
    // Sardinia to Lazio and to another day; one deleted.
    let new = quesiti_of(&app, "CRIC-SAR", QuesitoStatus::New).await;
    assert!(new.len() >= 3, "{} new quesiti", new.len());
    let half_past_midnight = rome_instant(today() - Duration::days(2), NaiveTime::from_hms_opt(0, 30, 0).unwrap()).unwrap();
    by_hand(&app, "UPDATE quesito SET created_at = $1 WHERE id = $2", vec![half_past_midnight.into(), new[0].id.into()]).await;
    by_hand(&app, "UPDATE quesito SET due_at = $1 WHERE id = $2", vec![(fixed_now() - Duration::hours(1)).into(), new[1].id.into()]).await;
    by_hand(&app, "DELETE FROM quesito_event WHERE quesito_id = $1", vec![new[2].id.into()]).await;
    by_hand(&app, "DELETE FROM quesito WHERE id = $1", vec![new[2].id.into()]).await;
    let answered = quesiti_of(&app, "CRIC-LAZ", QuesitoStatus::Answered).await;
    by_hand(&app, "UPDATE quesito SET answered_at = $1 WHERE id = $2", vec![(answered[0].due_at + Duration::hours(2)).into(), answered[0].id.into()]).await;
    let moved = callback_of(&app, "DP-CA").await;
    let rome = unit(&app, "DP-RM").await;
    by_hand(
        &app,
        "UPDATE callback_request SET unit_id = $1, requested_at = $2 WHERE id = $3",
        vec![rome.id.into(), (moved.requested_at + Duration::days(1)).into(), moved.id.into()],
    )
    .await;
    let gone = callback_of(&app, "DP-SS").await;
    by_hand(&app, "DELETE FROM callback_attempt WHERE callback_id = $1", vec![gone.id.into()]).await;
    by_hand(&app, "DELETE FROM callback_request WHERE id = $1", vec![gone.id.into()]).await;
    // Open quesiti of the period with their clock run past the due date: a
    // breach no write marks (the rollup leaves it out), counted from their rows at the read.
    let late = quesito::Entity::find()
        .filter(quesito::Column::AnsweredAt.is_null())
        .filter(quesito::Column::Status.is_in(["NEW", "IN_PROGRESS", "FORWARDED_CENTRAL"]))
        .filter(quesito::Column::DueAt.lt(fixed_now()))
        .filter(quesito::Column::CreatedAt.gte(rome_instant(period().0, NaiveTime::MIN).unwrap()))
        .all(&app.state.db)
        .await
        .unwrap();
    assert!(!late.is_empty(), "open quesiti past due now");
    assert_every_report_equals_rows(&app, "after changes by hand").await;
});

both_backends!(two_instances_reading_while_bookings_change_stay_exact, configure: no_demo, |app: TestApp| async move {
    generated(&app, 10, 5).await;
    let sibling = app.spawn_sibling().await;
    let token = app.login("dr.sardegna").await;
    let booked = bookings_of(&app, "UT-CA1", AppointmentStatus::Booked).await;
    let (from, to) = period();
    let vars = json!({ "u": "DR-SAR", "from": from, "to": to });
    let q = "query($u: String!, $from: NaiveDate!, $to: NaiveDate!) { stats(unitCode: $u, from: $from, to: $to) { figures { appointments { bookings cancelled } } } }";
    // Bookings cancelled one by one while both instances read (and refresh) the figures.
    let writes = async {
        for b in booked.iter().take(20) {
            appointment::Entity::update_many()
                .col_expr(appointment::Column::Status, Expr::value("CANCELLED"))
                .filter(appointment::Column::Id.eq(b.id))
                .exec(&app.state.db)
                .await
                .unwrap();
        }
    };
    let reads = |server: &'static str| {
        let (app, sibling, token, vars) = (&app, &sibling, token.clone(), vars.clone());
        async move {
            for _ in 0..10 {
                let on = if server == "first" { app } else { sibling };
                let res = on.graphql(Some(&token), q, vars.clone()).await;
                assert!(data(&res)["stats"]["figures"]["appointments"]["bookings"].as_i64().unwrap() > 0, "{res}");
            }
        }
    };
    tokio::join!(writes, reads("first"), reads("second"));
    assert_report_equals_rows(&app, &token, "DR-SAR", "first instance").await;
    assert_report_equals_rows(&sibling, &token, "DR-SAR", "second instance").await;
});

both_backends!(a_region_reads_only_its_own_rollup_rows, configure: no_demo, |app: TestApp| async move {
    generated(&app, 10, 9).await;
    let lazio = app.login("dr.lazio").await;
    let (from, to) = period();
    let q = "query($u: String!, $from: NaiveDate!, $to: NaiveDate!) { stats(unitCode: $u, from: $from, to: $to) { figures { appointments { bookings cancelled } callbacks { requested waiting } quesiti { section received backlog } } children { unit { code } } } }";
    let vars = json!({ "u": "DR-LAZ", "from": from, "to": to });
    let before: Value = data(&app.graphql(Some(&lazio), q, vars.clone()).await)["stats"].clone();
    let want = expected(&app, "/IT/LAZ/", from, to).await;
    assert_eq!(before["figures"]["appointments"]["bookings"], want["appointments"]["bookings"]);
    assert_eq!(before["figures"]["callbacks"]["requested"], want["callbacks"]["requested"]);
    assert_eq!(before["figures"]["quesiti"][0]["received"], want["quesiti"][0]["received"]);
    let codes: Vec<&str> =
        before["children"].as_array().unwrap().iter().map(|c| c["unit"]["code"].as_str().unwrap()).collect();
    let region = unit(&app, "DR-LAZ").await;
    let own: Vec<String> = org_unit::Entity::find()
        .filter(org_unit::Column::ParentId.eq(region.id))
        .order_by_asc(org_unit::Column::Path)
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.code)
        .collect();
    assert_eq!(codes, own, "Lazio's own children, nothing else");

    // Sardinia's bookings, callbacks and quesiti change: Lazio's figures do
    // not, and Sardinia's stay hidden.
    let office_director = app.login("dir.cagliari1").await;
    for b in bookings_of(&app, "UT-CA1", AppointmentStatus::Booked).await.iter().take(3) {
        cancel(&app, &office_director, b.id).await;
    }
    file_ok(&app, "DR-SAR", "Pensione di reversibilità").await;
    let ccm = app.login("ccm.op").await;
    let input = json!({ "i": { "unitCode": "DP-CA", "phone": "347 000 1122", "topic": "Stato del rimborso" } });
    assert_eq!(data(&app.graphql(Some(&ccm), REQUEST_CALLBACK, input).await)["requestCallback"]["status"], "WAITING");
    let after: Value = data(&app.graphql(Some(&lazio), q, vars).await)["stats"].clone();
    assert_eq!(after, before);
    let res = app.graphql(Some(&lazio), q, json!({ "u": "DR-SAR", "from": from, "to": to })).await;
    assert_eq!(crate::helpers::error_code(&res), Some("NOT_FOUND"));

    // The rollup's rows through the server's own connection, unscoped, with
    // the Lazio director's reach: PostgreSQL's row-level security returns
    // only Lazio's (SQLite has no such wall; the SQL scope above is its one).
    let db = &app.state.db;
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        let lazio_units: std::collections::HashSet<Uuid> = org_unit::Entity::find()
            .filter(org_unit::Column::Path.starts_with("/IT/LAZ/"))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|u| u.id)
            .collect();
        let person = entities::person::Entity::find()
            .filter(entities::person::Column::Username.eq("dr.lazio"))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let principal = api::auth::service::load_principal(db, person.id).await.unwrap().unwrap();
        let scope = api::tenancy::Scope::new(db.clone(), app.state.authz.clone(), std::sync::Arc::new(principal), None);
        for table in ["stats_appointment_day", "stats_callback_day", "stats_quesito_day"] {
            let all_rows = format!("SELECT unit_id FROM {table}");
            let read = |db: sea_orm::DatabaseConnection, sql: String| async move {
                let rows = db.query_all_raw(Statement::from_string(db.get_database_backend(), sql)).await.unwrap();
                rows.iter().map(|r| r.try_get::<Uuid>("", "unit_id").unwrap()).collect::<Vec<Uuid>>()
            };
            let everything = read(db.clone(), all_rows.clone()).await;
            let seen = scope.reach(false).run(read(db.clone(), all_rows)).await;
            assert!(!seen.is_empty() && seen.len() < everything.len(), "{table}: {} of {}", seen.len(), everything.len());
            assert!(seen.iter().all(|u| lazio_units.contains(u)), "{table}: rows of another region visible to Lazio");
        }
    }
});

/// `generate-data` marks every row it writes and the rollups' rebuild deletes
/// the marks; on PostgreSQL it then vacuums the marks' table, so the check for
/// marks before each `stats` read does not scan their dead rows (at national
/// size: 6.9 million, 451 MB, 200 ms a check until autovacuum came). What is
/// checked is that the vacuum ran (`last_vacuum`, which only a manual vacuum
/// sets): how much it can reclaim depends on the other transactions of the
/// cluster, which the tests running beside this one keep open.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generated_data_leaves_no_dead_marks_behind() {
    let Some(backend) = crate::helpers::Backend::postgres() else {
        crate::not_run::report(module_path!(), crate::not_run::NO_POSTGRES);
        return;
    };
    let app = TestApp::spawn_configured(backend, no_demo).await;
    // As `generate-data` does: as the owner of the tables.
    let owner = api::db::connect_owner(&app.settings).await.unwrap();
    let opts = api::seed::generate::GenerateOptions { scale: 1, days: 20, seed: 7, until: today() };
    api::seed::generate::generate(&owner, &opts).await.unwrap();
    let vacuumed = "SELECT last_vacuum IS NOT NULL AS done FROM pg_stat_user_tables \
                    WHERE schemaname = current_schema() AND relname = 'stats_dirty'";
    // Statistics reach the view within a second or so of the vacuum.
    for _ in 0..50 {
        let row = owner.query_one_raw(Statement::from_string(sea_orm::DbBackend::Postgres, vacuumed)).await.unwrap();
        if row.is_some_and(|r| r.try_get::<bool>("", "done").unwrap()) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("generate-data did not vacuum the marks' table");
}
