//! The bookings' daily rollup (issue 15 item 5): `stats` sums it instead of
//! the raw bookings, and its figures stay equal to counts computed here from
//! the raw rows after generated data, after changes through the API and by
//! hand (the trigger marks them), for a region and the nation, with two instances reading and refreshing
//! while bookings change, and a region never reads another's rollup rows.

use chrono::{Duration, NaiveDate};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Statement};
use serde_json::{Value, json};
use uuid::Uuid;

use api::appointments::domain::AppointmentStatus;
use api::quesiti::domain::QuesitoStatus;
use entities::{appointment, org_unit, quesito};

use crate::both_backends;
use crate::helpers::{TestApp, data};
use crate::monitoring::{assert_same_figures, expected, generated, no_demo, stats_query, today};

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
    let q = "query($u: String!, $from: NaiveDate!, $to: NaiveDate!) { stats(unitCode: $u, from: $from, to: $to) { figures { appointments { bookings cancelled } } children { unit { code } } } }";
    let vars = json!({ "u": "DR-LAZ", "from": from, "to": to });
    let before: Value = data(&app.graphql(Some(&lazio), q, vars.clone()).await)["stats"].clone();
    let want = expected(&app, "/IT/LAZ/", from, to).await;
    assert_eq!(before["figures"]["appointments"]["bookings"], want["appointments"]["bookings"]);
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

    // Sardinia's bookings change: Lazio's figures do not, and Sardinia's stay hidden.
    let office_director = app.login("dir.cagliari1").await;
    for b in bookings_of(&app, "UT-CA1", AppointmentStatus::Booked).await.iter().take(3) {
        cancel(&app, &office_director, b.id).await;
    }
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
        let all_rows = "SELECT unit_id FROM stats_appointment_day";
        let read = |db: sea_orm::DatabaseConnection| async move {
            let rows = db.query_all_raw(Statement::from_string(db.get_database_backend(), all_rows)).await.unwrap();
            rows.iter().map(|r| r.try_get::<Uuid>("", "unit_id").unwrap()).collect::<Vec<Uuid>>()
        };
        let everything = read(db.clone()).await;
        let seen = scope.reach(false).run(read(db.clone())).await;
        assert!(!seen.is_empty() && seen.len() < everything.len(), "{} of {}", seen.len(), everything.len());
        assert!(seen.iter().all(|u| lazio_units.contains(u)), "rows of another region visible to Lazio");
    }
});
