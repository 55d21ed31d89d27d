//! The second wall: on PostgreSQL the server's own connection, with one
//! caller's reach set, returns only that caller's rows even to a query with
//! no condition at all; with no reach set it returns none (issue 12).

use std::collections::HashSet;
use std::sync::Arc;

use api::kernel::reach::Reach;
use api::tenancy::Scope;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Statement};
use uuid::Uuid;

use crate::helpers::{Backend, TestApp};

/// The guarded tables and the unit columns that place their rows.
const GUARDED: &[(&str, &[&str])] = &[
    ("quesito", &["unit_id", "filed_by_unit_id", "forwarded_to_unit_id"]),
    ("appointment", &["unit_id", "booked_by_unit_id"]),
    ("callback_request", &["unit_id", "requested_by_unit_id"]),
    ("ccm_contact", &["unit_id"]),
    ("audit_event", &["unit_id", "acting_unit_id"]),
    ("role_assignment", &["unit_id"]),
    // The bookings' daily rollup (issue 15 item 5), guarded like the bookings.
    ("stats_appointment_day", &["unit_id"]),
];

/// The PostgreSQL app, or `None` after reporting `test` as not run.
async fn postgres_app(test: &str) -> Option<TestApp> {
    let Some(backend) = Backend::postgres() else {
        crate::not_run::report(test, crate::not_run::NO_POSTGRES);
        return None;
    };
    Some(TestApp::spawn(backend).await)
}

/// Every row of `table`, unscoped: the unit ids of each, in column order.
async fn unscoped_rows(db: &DatabaseConnection, table: &str, columns: &[&str]) -> Vec<Vec<Option<Uuid>>> {
    let sql = format!("SELECT {} FROM {table}", columns.join(", "));
    let rows = db.query_all_raw(Statement::from_string(db.get_database_backend(), sql)).await.unwrap();
    rows.iter().map(|r| columns.iter().map(|c| r.try_get::<Option<Uuid>>("", c).unwrap()).collect()).collect()
}

async fn scope_of(app: &TestApp, username: &str) -> Scope {
    let db = &app.state.db;
    let person = entities::person::Entity::find()
        .filter(entities::person::Column::Username.eq(username))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    // The assignments are guarded rows too: read them as sign-in does.
    let principal = Reach::system().run(api::auth::service::load_principal(db, person.id)).await.unwrap().unwrap();
    Scope::new(db.clone(), app.state.authz.clone(), Arc::new(principal), None)
}

/// Two audit events, one per region: the demo data has none.
async fn audit_events_in_both_regions(db: &DatabaseConnection) {
    use sea_orm::ActiveValue::Set;
    for prefix in ["/IT/SAR/", "/IT/LAZ/"] {
        let unit = *units_under(db, prefix).await.iter().next().unwrap();
        let event = entities::audit_event::ActiveModel {
            id: Set(Uuid::now_v7()),
            occurred_at: Set(chrono::Utc::now()),
            actor_id: Set(None),
            actor_username: Set(Some("test".into())),
            acting_role: Set(None),
            acting_unit_id: Set(Some(unit)),
            unit_id: Set(Some(unit)),
            action: Set("test.event".into()),
            record_type: Set(Some("test".into())),
            record_id: Set(None),
            detail: Set(None),
            request_id: Set(None),
        };
        Reach::system().run(entities::audit_event::Entity::insert(event).exec_without_returning(db)).await.unwrap();
    }
}

async fn units_under(db: &DatabaseConnection, prefix: &str) -> HashSet<Uuid> {
    let units = entities::org_unit::Entity::find()
        .filter(entities::org_unit::Column::Path.starts_with(prefix))
        .all(db)
        .await
        .unwrap();
    units.into_iter().map(|u| u.id).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_no_reach_the_app_connection_sees_no_guarded_row() {
    let Some(app) = postgres_app(crate::this_test!("with_no_reach_the_app_connection_sees_no_guarded_row")).await
    else {
        return;
    };
    let db = app.state.db.clone();
    audit_events_in_both_regions(&db).await;
    let (is_super, role): (bool, String) = Reach::nowhere()
        .run(async {
            let r = db
                .query_one_raw(Statement::from_string(
                    db.get_database_backend(),
                    "SELECT r.rolsuper, current_user::text AS who FROM pg_roles r WHERE r.rolname = current_user",
                ))
                .await
                .unwrap()
                .unwrap();
            (r.try_get("", "rolsuper").unwrap(), r.try_get("", "who").unwrap())
        })
        .await;
    assert_eq!(role, api::db::APP_ROLE);
    assert!(!is_super, "a superuser would bypass row-level security");
    for (table, columns) in GUARDED {
        let all = Reach::system().run(unscoped_rows(&db, table, columns)).await;
        assert!(!all.is_empty(), "{table}: the demo data should have rows");
        let seen = Reach::nowhere().run(unscoped_rows(&db, table, columns)).await;
        assert!(seen.is_empty(), "{table}: {} rows visible with no reach", seen.len());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unscoped_select_with_a_directors_reach_returns_only_rows_of_the_region() {
    let Some(app) =
        postgres_app(crate::this_test!("an_unscoped_select_with_a_directors_reach_returns_only_rows_of_the_region"))
            .await
    else {
        return;
    };
    let db = app.state.db.clone();
    audit_events_in_both_regions(&db).await;
    let sardegna = units_under(&db, "/IT/SAR/").await;
    assert!(!sardegna.is_empty());
    let reach = scope_of(&app, "dr.sardegna").await.reach(false);
    for (table, columns) in GUARDED {
        let all = Reach::system().run(unscoped_rows(&db, table, columns)).await;
        let seen = reach.clone().run(unscoped_rows(&db, table, columns)).await;
        let foreign = seen.iter().filter(|row| !row.iter().flatten().any(|unit| sardegna.contains(unit))).count();
        assert_eq!(foreign, 0, "{table}: {foreign} rows outside Sardegna visible to its director");
        let of_region = all.iter().filter(|row| row.iter().flatten().any(|unit| sardegna.contains(unit))).count();
        assert_eq!(seen.len(), of_region, "{table}: the director sees every row of the region");
        assert!(seen.len() < all.len(), "{table}: the demo data should have rows elsewhere too");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unscoped_update_with_a_foreign_reach_changes_nothing() {
    let Some(app) = postgres_app(crate::this_test!("an_unscoped_update_with_a_foreign_reach_changes_nothing")).await
    else {
        return;
    };
    let db = app.state.db.clone();
    let reach = scope_of(&app, "op.roma1").await.reach(true);
    let changed = reach
        .run(async {
            let sql = "UPDATE appointment SET citizen_name = 'X' WHERE unit_id IN \
                       (SELECT id FROM org_unit WHERE path LIKE '/IT/SAR/%')";
            db.execute_raw(Statement::from_string(db.get_database_backend(), sql)).await.unwrap().rows_affected()
        })
        .await;
    assert_eq!(changed, 0);
    let sardinian = Reach::system()
        .run(async {
            let sql = "SELECT count(*) AS n FROM appointment WHERE citizen_name = 'X'";
            let row = db.query_one_raw(Statement::from_string(db.get_database_backend(), sql)).await.unwrap().unwrap();
            row.try_get::<i64>("", "n").unwrap()
        })
        .await;
    assert_eq!(sardinian, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guarded_row_written_outside_the_reach_is_refused() {
    let Some(app) = postgres_app(crate::this_test!("a_guarded_row_written_outside_the_reach_is_refused")).await else {
        return;
    };
    let db = app.state.db.clone();
    let reach = scope_of(&app, "op.roma1").await.reach(true);
    let refused = reach
        .run(async {
            let sql = "UPDATE appointment SET unit_id = (SELECT id FROM org_unit WHERE path LIKE '/IT/SAR/%' LIMIT 1) \
                       WHERE unit_id IN (SELECT id FROM org_unit WHERE path LIKE '/IT/LAZ/%')";
            db.execute_raw(Statement::from_string(db.get_database_backend(), sql)).await.unwrap_err()
        })
        .await;
    assert!(refused.to_string().contains("row-level security"), "{refused}");
}

/// The production setup: the owner migrates, a login that owns nothing serves.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_two_logins_the_serving_one_owns_nothing_and_cannot_escape_the_role() {
    let Some(backend) = Backend::postgres() else {
        let test = crate::this_test!("with_two_logins_the_serving_one_owns_nothing_and_cannot_escape_the_role");
        crate::not_run::report(test, crate::not_run::NO_POSTGRES);
        return;
    };
    let Backend::Postgres { url, .. } = &backend else { unreachable!() };
    let url = url.clone();
    let owner = sea_orm::Database::connect(url.as_str()).await.unwrap();
    // As a DBA would, before the first start (the trust authentication of the test cluster needs no password).
    for sql in [
        "DO $$ BEGIN CREATE ROLE accoglienza_app NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
        "DO $$ BEGIN CREATE ROLE accoglienza_test_web LOGIN IN ROLE accoglienza_app; \
         EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
    ] {
        owner.execute_unprepared(sql).await.unwrap();
    }
    let mut web_url = reqwest::Url::parse(&url).unwrap();
    web_url.set_username("accoglienza_test_web").unwrap();
    let app = TestApp::spawn_configured(backend, |s| {
        s.database_migration_url = Some(s.database_url.clone());
        s.database_url = web_url.to_string();
    })
    .await;

    let token = app.login("dr.sardegna").await;
    let res = app.graphql(Some(&token), "{ quesiti(first: 50) { nodes { id } } }", serde_json::json!({})).await;
    assert!(!res["data"]["quesiti"]["nodes"].as_array().unwrap().is_empty(), "{res}");

    let db = app.state.db.clone();
    let escape = Reach::nowhere()
        .run(async {
            db.execute_unprepared("RESET ROLE").await.unwrap();
            let sql = "SELECT session_user::text AS login, (SELECT count(*) FROM quesito) AS seen";
            let row = db.query_one_raw(Statement::from_string(db.get_database_backend(), sql)).await.unwrap().unwrap();
            (row.try_get::<String>("", "login").unwrap(), row.try_get::<i64>("", "seen").unwrap())
        })
        .await;
    assert_eq!(escape, ("accoglienza_test_web".to_owned(), 0), "a reset role is still a login that owns nothing");
    let altered = Reach::nowhere().run(db.execute_unprepared("ALTER TABLE quesito DISABLE ROW LEVEL SECURITY")).await;
    assert!(altered.unwrap_err().to_string().contains("must be owner"));
}
