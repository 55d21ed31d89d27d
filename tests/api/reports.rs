//! Reports that arrive (issue 18 item 5): a director subscribes to the weekly
//! or monthly report of a unit; each ended period gives exactly one e-mail,
//! with the figures of `statsCsv` attached, even with two instances scanning
//! at once; nobody subscribes to a unit outside their reach or ends another
//! person's subscription.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use api::monitoring::reports::job::scan;
use entities::outbox_message;

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};

/// Monday 14 December 2026, 08:00 in Rome: the week of 7–13 December has just ended.
fn monday_morning() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-14T08:00:00+01:00").unwrap().with_timezone(&Utc)
}

const SUBSCRIBE: &str = "mutation($u: String!, $f: ReportFrequency!) {
    subscribeToReport(unitCode: $u, frequency: $f) { id frequency unit { code } lastSentAt } }";
const MINE: &str = "{ myReportSubscriptions { id frequency unit { code } lastSentAt } }";
const UNSUBSCRIBE: &str = "mutation($id: ID!) { unsubscribeFromReport(id: $id) }";

async fn subscribe(app: &TestApp, token: &str, unit: &str, frequency: &str) -> Value {
    app.graphql(Some(token), SUBSCRIBE, json!({ "u": unit, "f": frequency })).await
}

async fn reports_of(app: &TestApp, subscription_id: &str) -> Vec<outbox_message::Model> {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Reference.eq(format!("report_subscription:{subscription_id}")))
        .order_by_asc(outbox_message::Column::CreatedAt)
        .all(&app.state.db)
        .await
        .unwrap()
}

both_backends!(
    a_weekly_report_is_one_email_per_period_with_two_instances,
    configure: |s: &mut api::config::Settings| s.fixed_now = Some(monday_morning()),
    |app: TestApp| async move {
        let sibling = app.spawn_sibling().await;
        let director = app.login("dir.cagliari1").await;
        let res = subscribe(&app, &director, "UT-CA1", "WEEKLY").await;
        let id = data(&res)["subscribeToReport"]["id"].as_str().unwrap().to_owned();
        assert_eq!(data(&res)["subscribeToReport"]["lastSentAt"], Value::Null);
        // Subscribing again is the same subscription.
        let again = subscribe(&app, &director, "UT-CA1", "WEEKLY").await;
        assert_eq!(data(&again)["subscribeToReport"]["id"], json!(id));

        // Both instances find the report due at the same moment, several times.
        let now = monday_morning();
        let (a, b) = tokio::join!(
            scan(&app.state.db, &app.state.authz, now),
            scan(&sibling.state.db, &sibling.state.authz, now)
        );
        assert_eq!(a.unwrap() + b.unwrap(), 1, "one e-mail for the week, whichever instance enqueued it");
        assert_eq!(scan(&sibling.state.db, &sibling.state.authz, now + Duration::hours(5)).await.unwrap(), 0);
        let reports = reports_of(&app, &id).await;
        assert_eq!(reports.len(), 1);
        let report = &reports[0];
        assert_eq!(report.recipient, "dir.cagliari1@agenzia.example.it");
        assert_eq!(report.event, "report.weekly");
        assert_eq!(
            report.subject.as_deref(),
            Some("Rapporto settimanale — UT Cagliari 1 — dal 07/12/2026 al 13/12/2026")
        );
        assert!(report.body.contains("Prenotazioni:"), "{}", report.body);
        assert_eq!(report.attachment_name.as_deref(), Some("rapporto-UT-CA1-2026-12-07-2026-12-13.csv"));

        // The attachment is what the director downloads from Monitoraggio for that week.
        let csv = app
            .graphql(
                Some(&director),
                r#"query { statsCsv(unitCode: "UT-CA1", from: "2026-12-07", to: "2026-12-13", dialect: ITALIAN) }"#,
                json!({}),
            )
            .await;
        assert_eq!(report.attachment.as_deref(), data(&csv)["statsCsv"].as_str());
        assert!(report.attachment.as_deref().unwrap().contains("Operatore"), "the per-person table is attached");

        // Delivered as an e-mail with the CSV attached; the list shows when.
        assert_eq!(app.drain_outbox().await, 1);
        let eml = std::fs::read_to_string(app.mail_dir().join(format!("{}.eml", report.id))).unwrap();
        assert!(eml.contains("multipart/mixed"), "{eml}");
        assert!(eml.contains("rapporto-UT-CA1-2026-12-07-2026-12-13.csv"), "{eml}");
        assert!(eml.contains("text/csv"), "{eml}");
        let mine = app.graphql(Some(&director), MINE, json!({})).await;
        assert_ne!(data(&mine)["myReportSubscriptions"][0]["lastSentAt"], Value::Null, "{mine}");

        // A week later, the next week's report: again exactly one.
        let next_monday = now + Duration::days(7);
        let (a, b) = tokio::join!(
            scan(&app.state.db, &app.state.authz, next_monday),
            scan(&sibling.state.db, &sibling.state.authz, next_monday)
        );
        assert_eq!(a.unwrap() + b.unwrap(), 1);
        let reports = reports_of(&app, &id).await;
        assert_eq!(reports.len(), 2);
        assert_eq!(reports[1].attachment_name.as_deref(), Some("rapporto-UT-CA1-2026-12-14-2026-12-20.csv"));
    }
);

both_backends!(
    a_monthly_report_covers_the_month_just_ended,
    configure: |s: &mut api::config::Settings| s.fixed_now = Some(monday_morning()),
    |app: TestApp| async move {
        let director = app.login("dr.sardegna").await;
        let res = subscribe(&app, &director, "DR-SAR", "MONTHLY").await;
        let id = data(&res)["subscribeToReport"]["id"].as_str().unwrap().to_owned();
        assert_eq!(scan(&app.state.db, &app.state.authz, monday_morning()).await.unwrap(), 1);
        let reports = reports_of(&app, &id).await;
        assert_eq!(reports[0].attachment_name.as_deref(), Some("rapporto-DR-SAR-2026-11-01-2026-11-30.csv"));
        assert_eq!(reports[0].event, "report.monthly");
    }
);

both_backends!(reports_stay_inside_each_persons_reach, |app: TestApp| async move {
    let cagliari = app.login("dir.cagliari1").await;
    // Another region's unit, or a unit above one's own, is not there for them.
    for unit in ["DR-LAZ", "UT-RM1", "DR-SAR"] {
        let res = subscribe(&app, &cagliari, unit, "WEEKLY").await;
        assert_eq!(error_code(&res), Some("NOT_FOUND"), "{unit}: {res}");
    }
    // People without figures to read cannot subscribe at all.
    let operator = app.login("op.cagliari1").await;
    let res = subscribe(&app, &operator, "UT-CA1", "WEEKLY").await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"), "{res}");

    // A subscription is its owner's alone: another director neither sees nor ends it.
    let res = subscribe(&app, &cagliari, "UT-CA1", "WEEKLY").await;
    let id = data(&res)["subscribeToReport"]["id"].as_str().unwrap().to_owned();
    let region = app.login("dr.sardegna").await;
    let theirs = app.graphql(Some(&region), MINE, json!({})).await;
    assert_eq!(data(&theirs)["myReportSubscriptions"], json!([]));
    let res = app.graphql(Some(&region), UNSUBSCRIBE, json!({ "id": id })).await;
    assert_eq!(error_code(&res), Some("NOT_FOUND"), "{res}");

    // Its owner ends it, and no report is made for it any more.
    let res = app.graphql(Some(&cagliari), UNSUBSCRIBE, json!({ "id": id })).await;
    assert_eq!(data(&res)["unsubscribeFromReport"], json!(id));
    let mine = app.graphql(Some(&cagliari), MINE, json!({})).await;
    assert_eq!(data(&mine)["myReportSubscriptions"], json!([]));
    assert_eq!(scan(&app.state.db, &app.state.authz, Utc::now()).await.unwrap(), 0);
});
