//! The lists people read at volume, each sorted by a picked column across pages,
//! with a `totalCount` equal to a raw count of the rows the caller may read (issue 16):
//! the audit trail, CCM contacts, callbacks, follow-ups, the register of
//! professionals and the outbox. A Lazio caller's list and total never hold a
//! Sardegna row.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;

use entities::{audit_event, callback_request, ccm_contact, follow_up, org_unit, outbox_message, person};

use crate::both_backends;
use crate::helpers::{TestApp, data, error_code};
use crate::outbox::make_admin_of;
use crate::sorting::all_pages;

async fn unit(app: &TestApp, code: &str) -> org_unit::Model {
    org_unit::Entity::find().filter(org_unit::Column::Code.eq(code)).one(&app.state.db).await.unwrap().unwrap()
}

/// The ids of the units under the unit `code` (itself included).
async fn subtree(app: &TestApp, code: &str) -> Vec<Uuid> {
    let root = unit(app, code).await;
    let all = org_unit::Entity::find().filter(org_unit::Column::Path.starts_with(&root.path)).all(&app.state.db);
    all.await.unwrap().into_iter().map(|u| u.id).collect()
}

async fn person_id(app: &TestApp, username: &str) -> Uuid {
    let found = person::Entity::find().filter(person::Column::Username.eq(username)).one(&app.state.db);
    found.await.unwrap().unwrap().id
}

fn texts<'a>(nodes: &'a [Value], field: &str) -> Vec<&'a str> {
    nodes.iter().map(|n| n[field].as_str().unwrap_or_else(|| panic!("{field} in {n}"))).collect()
}

fn ascending(values: &[&str]) -> bool {
    values.windows(2).all(|w| w[0] <= w[1])
}

fn descending(values: &[&str]) -> bool {
    values.windows(2).all(|w| w[0] >= w[1])
}

/// The same instants written differently (`…Z` and `…+00:00`) compare as instants.
fn instants(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| DateTime::parse_from_rfc3339(v).unwrap().with_timezone(&Utc).to_rfc3339()).collect()
}

/// The values of `field` that start with `prefix` (the rows a test made), in list order.
fn ours<'a>(nodes: &'a [Value], field: &str, prefix: &str) -> Vec<&'a str> {
    nodes.iter().filter_map(|n| n[field].as_str()).filter(|v| v.starts_with(prefix)).collect()
}

fn same_total(totals: &[u64], expected: usize) {
    assert!(totals.iter().all(|t| *t == expected as u64), "every page's total is {expected}: {totals:?}");
}

// ---------------------------------------------------------------------------
// Audit trail
// ---------------------------------------------------------------------------

const AUDIT: &str = r#"query($order: AuditEventOrder, $first: Int, $after: String) {
  auditEvents(orderBy: $order, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { actor action occurredAt }
  }
}"#;

/// Events a reader of the subtree sees: of a record there, or with no record unit and acted there.
async fn audit_count_under(app: &TestApp, units: &[Uuid]) -> usize {
    let all = audit_event::Entity::find().all(&app.state.db).await.unwrap();
    all.iter()
        .filter(|e| match e.unit_id {
            Some(u) => units.contains(&u),
            None => e.acting_unit_id.is_some_and(|u| units.contains(&u)),
        })
        .count()
}

both_backends!(the_audit_trail_sorts_by_actor_and_time_and_counts_only_the_callers_region, |app: TestApp| async move {
    for username in ["dr.sardegna", "op.cagliari1", "op.roma1", "cric.lazio"] {
        app.login(username).await;
    }
    // An event with no actor (none is written today; the column allows it): sorted after every name.
    let laz = unit(&app, "DR-LAZ").await;
    audit_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        occurred_at: Set(Utc::now() - Duration::days(400)),
        actor_id: Set(None),
        actor_username: Set(None),
        acting_role: Set(None),
        acting_unit_id: Set(None),
        unit_id: Set(Some(laz.id)),
        action: Set("test.unattributed".into()),
        record_type: Set(None),
        record_id: Set(None),
        detail: Set(None),
        request_id: Set(None),
    }
    .insert(&app.state.db)
    .await
    .unwrap();
    let lazio = app.login("dr.lazio").await;

    let by_actor = json!({ "order": { "field": "ACTOR" } });
    let (nodes, totals) = all_pages(&app, &lazio, AUDIT, "auditEvents", by_actor).await;
    let actors: Vec<Option<&str>> = nodes.iter().map(|n| n["actor"].as_str()).collect();
    let named: Vec<&str> = actors.iter().flatten().copied().collect();
    assert!(ascending(&named), "{actors:?}");
    assert_eq!(actors.last(), Some(&None), "the event without an actor comes last: {actors:?}");
    for sardegna in ["dr.sardegna", "op.cagliari1"] {
        assert!(!named.contains(&sardegna), "{sardegna} in Lazio's trail: {named:?}");
    }
    assert!(named.contains(&"op.roma1") && named.contains(&"dr.lazio"), "{named:?}");
    let expected = audit_count_under(&app, &subtree(&app, "DR-LAZ").await).await;
    assert_eq!(nodes.len(), expected, "the pages hold every event of the region once");
    same_total(&totals, expected);

    // Descending, the event without an actor comes first, and the pages still meet.
    let desc = json!({ "order": { "field": "ACTOR", "direction": "DESC" } });
    let (nodes, _) = all_pages(&app, &lazio, AUDIT, "auditEvents", desc).await;
    let actors: Vec<Option<&str>> = nodes.iter().map(|n| n["actor"].as_str()).collect();
    assert_eq!(actors.first(), Some(&None), "{actors:?}");
    assert!(descending(&actors.iter().flatten().copied().collect::<Vec<_>>()), "{actors:?}");
    assert_eq!(nodes.len(), expected);

    // The default: newest first, by when it happened.
    let (nodes, totals) = all_pages(&app, &lazio, AUDIT, "auditEvents", json!({})).await;
    let times = instants(&texts(&nodes, "occurredAt"));
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    assert_eq!(nodes.last().unwrap()["action"], "test.unattributed", "the oldest event is last");
    same_total(&totals, expected);

    let by_action = json!({ "order": { "field": "ACTION" } });
    let (nodes, _) = all_pages(&app, &lazio, AUDIT, "auditEvents", by_action).await;
    assert!(ascending(&texts(&nodes, "action")));
});

// ---------------------------------------------------------------------------
// CCM contacts
// ---------------------------------------------------------------------------

const CONTACTS: &str = r#"query($order: ContactOrder, $first: Int, $after: String) {
  contacts(orderBy: $order, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { topic recordedAt }
  }
}"#;

async fn contact(app: &TestApp, unit_id: Uuid, topic: &str, recorded_at: DateTime<Utc>) {
    let recorder = person_id(app, "ccm.op").await;
    ccm_contact::Model {
        id: Uuid::now_v7(),
        unit_id,
        section: entities::quesito::Section::Pensioni,
        channel: ccm_contact::Channel::Phone,
        topic: topic.into(),
        citizen_fiscal_code: None,
        outcome: ccm_contact::ContactOutcome::Answered,
        quesito_id: None,
        appointment_id: None,
        callback_id: None,
        note: None,
        recorded_by_id: recorder,
        recorded_at,
    }
    .into_active_model()
    .insert(&app.state.db)
    .await
    .unwrap();
}

both_backends!(contacts_come_in_date_order_newest_first_and_count_only_the_callers_units, |app: TestApp| async move {
    let ccm = unit(&app, "CCM").await;
    let now = Utc::now();
    // Recorded in another order than created (a contact typed in later, a data load).
    for (topic, days_ago) in [("Rimborso", 3), ("Bollo", 1), ("Cartella", 5), ("Accesso", 2), ("Durc", 4)] {
        contact(&app, ccm.id, topic, now - Duration::days(days_ago)).await;
    }
    contact(&app, unit(&app, "CRIC-SAR").await.id, "Sardegna", now).await;
    contact(&app, unit(&app, "CRIC-LAZ").await.id, "Lazio", now).await;

    let operator = app.login("ccm.op").await;
    let (nodes, totals) = all_pages(&app, &operator, CONTACTS, "contacts", json!({})).await;
    let topics = texts(&nodes, "topic");
    let made: Vec<&str> =
        topics.iter().copied().filter(|t| ["Rimborso", "Bollo", "Cartella", "Accesso", "Durc"].contains(t)).collect();
    assert_eq!(made, ["Bollo", "Accesso", "Rimborso", "Durc", "Cartella"], "newest first by date");
    let times = instants(&texts(&nodes, "recordedAt"));
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    assert!(!topics.contains(&"Sardegna") && !topics.contains(&"Lazio"), "{topics:?}");
    let raw = ccm_contact::Entity::find().filter(ccm_contact::Column::UnitId.eq(ccm.id)).all(&app.state.db);
    let expected = raw.await.unwrap().len();
    assert_eq!(nodes.len(), expected);
    same_total(&totals, expected);

    let by_topic = json!({ "order": { "field": "TOPIC" } });
    let (nodes, _) = all_pages(&app, &operator, CONTACTS, "contacts", by_topic).await;
    assert!(ascending(&texts(&nodes, "topic")));

    // An administrator of Lazio reads Lazio's contacts only.
    make_admin_of(&app, "dr.lazio", "DR-LAZ").await;
    let lazio = app.login("dr.lazio").await;
    let (nodes, totals) = all_pages(&app, &lazio, CONTACTS, "contacts", json!({})).await;
    assert_eq!(texts(&nodes, "topic"), ["Lazio"]);
    same_total(&totals, 1);
});

// ---------------------------------------------------------------------------
// Callbacks
// ---------------------------------------------------------------------------

const CALLBACKS: &str = r#"query($order: CallbackOrder, $newest: Boolean, $first: Int, $after: String) {
  callbacks(orderBy: $order, newestFirst: $newest, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { topic requestedAt availableFrom unit { code } }
  }
}"#;

async fn callback(app: &TestApp, unit_id: Uuid, topic: &str, requested_at: DateTime<Utc>, available_in: i64) {
    callback_request::Model {
        id: Uuid::now_v7(),
        unit_id,
        phone: "3331234567".into(),
        topic: topic.into(),
        requested_at,
        available_from: requested_at + Duration::hours(available_in),
        status: callback_request::CallbackStatus::Waiting,
        assignee_id: None,
        assigned_at: None,
        attempts: 0,
        last_attempt_at: None,
        outcome: None,
        note: None,
        requested_by_id: None,
        requested_by_unit_id: None,
        call_id: None,
        version: 1,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
    .into_active_model()
    .insert(&app.state.db)
    .await
    .unwrap();
}

both_backends!(callbacks_sort_by_request_time_and_a_lazio_director_counts_lazio_only, |app: TestApp| async move {
    let (rm1, ca1) = (unit(&app, "UT-RM1").await.id, unit(&app, "UT-CA1").await.id);
    let at = |h: i64| Utc::now() - Duration::hours(h);
    // Requested in another order than filed; available after different delays.
    for (topic, hours_ago, delay) in [("Roma C", 2, 30), ("Roma A", 9, 1), ("Roma B", 5, 2), ("Roma D", 1, 5)] {
        callback(&app, rm1, topic, at(hours_ago), delay).await;
    }
    callback(&app, ca1, "Cagliari", at(3), 1).await;

    let lazio = app.login("dr.lazio").await;
    let (nodes, totals) = all_pages(&app, &lazio, CALLBACKS, "callbacks", json!({})).await;
    assert_eq!(ours(&nodes, "topic", "Roma"), ["Roma A", "Roma B", "Roma C", "Roma D"], "oldest request first");
    assert!(ascending(&instants(&texts(&nodes, "requestedAt")).iter().map(String::as_str).collect::<Vec<_>>()));
    let region = subtree(&app, "DR-LAZ").await;
    let region_codes: Vec<String> = org_unit::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|u| region.contains(&u.id))
        .map(|u| u.code)
        .collect();
    assert!(nodes.iter().all(|n| region_codes.iter().any(|c| n["unit"]["code"] == c.as_str())), "{nodes:?}");
    let expected = {
        let all = callback_request::Entity::find().all(&app.state.db).await.unwrap();
        all.iter().filter(|c| region.contains(&c.unit_id)).count()
    };
    assert_eq!(nodes.len(), expected);
    same_total(&totals, expected);

    let newest = json!({ "order": { "field": "REQUESTED_AT", "direction": "DESC" } });
    let (nodes, _) = all_pages(&app, &lazio, CALLBACKS, "callbacks", newest).await;
    assert_eq!(ours(&nodes, "topic", "Roma"), ["Roma D", "Roma C", "Roma B", "Roma A"]);
    // The older argument still gives newest first.
    let (nodes, _) = all_pages(&app, &lazio, CALLBACKS, "callbacks", json!({ "newest": true })).await;
    assert_eq!(ours(&nodes, "topic", "Roma"), ["Roma D", "Roma C", "Roma B", "Roma A"]);

    let by_availability = json!({ "order": { "field": "AVAILABLE_FROM" } });
    let (nodes, _) = all_pages(&app, &lazio, CALLBACKS, "callbacks", by_availability).await;
    assert_eq!(ours(&nodes, "topic", "Roma"), ["Roma A", "Roma B", "Roma D", "Roma C"]);

    let sardegna = app.login("dr.sardegna").await;
    let (nodes, totals) = all_pages(&app, &sardegna, CALLBACKS, "callbacks", json!({})).await;
    assert!(ours(&nodes, "topic", "Roma").is_empty());
    same_total(&totals, nodes.len());
});

// ---------------------------------------------------------------------------
// Follow-ups
// ---------------------------------------------------------------------------

const FOLLOW_UPS: &str = r#"query($order: FollowUpOrder, $first: Int, $after: String) {
  followUps(orderBy: $order, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { citizenName dueOn }
  }
}"#;

async fn follow_up(app: &TestApp, unit_id: Uuid, citizen: &str, due_on: NaiveDate) {
    let creator = person_id(app, "admin").await;
    follow_up::Model {
        id: Uuid::now_v7(),
        unit_id,
        appointment_id: None,
        origin: follow_up::FollowUpOrigin::CounterBackOffice,
        citizen_fiscal_code: crate::procure::CLIENT.into(),
        citizen_name: citizen.into(),
        protocol_number: Some("P-1".into()),
        assignee_id: None,
        status: follow_up::FollowUpStatus::Open,
        due_on,
        outcome: None,
        closed_at: None,
        closed_by_id: None,
        created_by_id: creator,
        version: 1,
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
    .into_active_model()
    .insert(&app.state.db)
    .await
    .unwrap();
}

both_backends!(follow_ups_sort_by_due_date_or_citizen_within_the_callers_region, |app: TestApp| async move {
    let (rm1, ca1) = (unit(&app, "UT-RM1").await.id, unit(&app, "UT-CA1").await.id);
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
    for (citizen, due) in [("Verdi", 14), ("Bianchi", 10), ("Rossi", 12), ("Esposito", 11)] {
        follow_up(&app, rm1, citizen, day(due)).await;
    }
    follow_up(&app, ca1, "Sardo", day(9)).await;

    let lazio = app.login("dr.lazio").await;
    let (nodes, totals) = all_pages(&app, &lazio, FOLLOW_UPS, "followUps", json!({})).await;
    let days = texts(&nodes, "dueOn");
    assert!(ascending(&days), "the most urgent first: {days:?}");
    assert!(!texts(&nodes, "citizenName").contains(&"Sardo"));
    let expected = {
        let units = subtree(&app, "DR-LAZ").await;
        let all = follow_up::Entity::find().all(&app.state.db).await.unwrap();
        all.iter().filter(|f| units.contains(&f.unit_id)).count()
    };
    assert_eq!(nodes.len(), expected);
    same_total(&totals, expected);

    let by_name = json!({ "order": { "field": "CITIZEN_NAME", "direction": "DESC" } });
    let (nodes, _) = all_pages(&app, &lazio, FOLLOW_UPS, "followUps", by_name).await;
    let names = texts(&nodes, "citizenName");
    assert!(descending(&names), "{names:?}");
    assert_eq!(nodes.len(), expected);
});

// ---------------------------------------------------------------------------
// The register of professionals
// ---------------------------------------------------------------------------

const PROFESSIONALS: &str = r#"query($order: ProfessionalOrder, $first: Int, $after: String) {
  professionals(orderBy: $order, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { name fiscalCode }
  }
}"#;

both_backends!(the_register_of_professionals_sorts_by_name_with_its_total_for_admins_only, |app: TestApp| async move {
    let admin = app.login("admin").await;
    let register = r#"mutation($i: RegisterProfessionalInput!) { registerProfessional(input: $i) { id } }"#;
    let people = [
        ("prof.zeta", "Zeno Zeta", crate::procure::CLIENT),
        ("prof.alfa", "Alba Alfa", crate::procure::COLLAB_A),
        ("prof.emme", "Emma Emme", crate::procure::COLLAB_B),
    ];
    for (username, name, code) in people {
        let input = json!({ "i": {
            "username": username, "password": "una-password-lunga", "fiscalCode": code, "name": name,
            "entratelUserType": "A10", "albo": "ODCEC di Roma", "alboProvince": "RM", "alboNumber": "1/A",
        }});
        let res = app.graphql(Some(&admin), register, input).await;
        assert!(res["errors"].is_null(), "{res}");
    }
    let by_name = json!({ "order": { "field": "NAME" } });
    let (nodes, totals) = all_pages(&app, &admin, PROFESSIONALS, "professionals", by_name).await;
    let names = texts(&nodes, "name");
    assert!(ascending(&names), "{names:?}");
    let expected = entities::professional::Entity::find().all(&app.state.db).await.unwrap().len();
    assert_eq!(nodes.len(), expected);
    same_total(&totals, expected);

    // Newest first by default.
    let (nodes, _) = all_pages(&app, &admin, PROFESSIONALS, "professionals", json!({})).await;
    assert_eq!(&texts(&nodes, "name")[..3], ["Emma Emme", "Alba Alfa", "Zeno Zeta"]);

    let lazio = app.login("dr.lazio").await;
    let res = app.graphql(Some(&lazio), PROFESSIONALS, json!({})).await;
    assert_eq!(error_code(&res), Some("FORBIDDEN"), "{res}");
});

// ---------------------------------------------------------------------------
// Notifications (outbox)
// ---------------------------------------------------------------------------

const OUTBOX: &str = r#"query($order: OutboxMessageOrder, $first: Int, $after: String) {
  outboxMessages(orderBy: $order, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { reference createdAt sentAt unit { code } }
  }
}"#;

async fn queued(app: &TestApp, key: &str, unit_id: Uuid, created_at: DateTime<Utc>) {
    let msg = api::outbox::domain::NewMessage::email(key, "a@example.it", "Oggetto", "Testo")
        .event("quesito.answered")
        .reference(key)
        .unit(unit_id);
    let id = api::outbox::enqueue(&app.state.db, msg).await.unwrap().id();
    let mut row = outbox_message::Entity::find_by_id(id).one(&app.state.db).await.unwrap().unwrap().into_active_model();
    row.created_at = Set(created_at);
    row.update(&app.state.db).await.unwrap();
}

both_backends!(notifications_come_in_time_order_and_a_lazio_admin_counts_lazio_only, |app: TestApp| async move {
    let (laz, sar) = (unit(&app, "CRIC-LAZ").await.id, unit(&app, "CRIC-SAR").await.id);
    let ago = |h: i64| Utc::now() - Duration::hours(h);
    // Queued in another order than their time (a message written by a data load).
    for (key, hours_ago) in [("laz:b", 2), ("laz:a", 1), ("laz:d", 4), ("laz:c", 3)] {
        queued(&app, key, laz, ago(hours_ago)).await;
    }
    queued(&app, "sar:a", sar, ago(1)).await;
    make_admin_of(&app, "dr.lazio", "DR-LAZ").await;
    let lazio = app.login("dr.lazio").await;

    let expected = {
        let units = subtree(&app, "DR-LAZ").await;
        let all = outbox_message::Entity::find().all(&app.state.db).await.unwrap();
        all.iter().filter(|m| m.unit_id.is_some_and(|u| units.contains(&u))).count()
    };
    let (nodes, totals) = all_pages(&app, &lazio, OUTBOX, "outboxMessages", json!({})).await;
    let references: Vec<&str> = nodes.iter().filter_map(|n| n["reference"].as_str()).collect();
    let laz: Vec<&str> = references.iter().copied().filter(|r| r.starts_with("laz:")).collect();
    assert_eq!(laz, ["laz:a", "laz:b", "laz:c", "laz:d"], "newest first by time");
    assert!(!references.contains(&"sar:a"));
    assert_eq!(nodes.len(), expected);
    same_total(&totals, expected);

    // By delivery time: none is delivered yet, then one is (the undelivered last ascending).
    let delivered = outbox_message::Entity::find().filter(outbox_message::Column::Reference.eq("laz:c"));
    let mut row = delivered.one(&app.state.db).await.unwrap().unwrap().into_active_model();
    row.sent_at = Set(Some(Utc::now()));
    row.update(&app.state.db).await.unwrap();
    let by_sent = json!({ "order": { "field": "SENT_AT" } });
    let (nodes, totals) = all_pages(&app, &lazio, OUTBOX, "outboxMessages", by_sent).await;
    let first_sent = nodes.iter().position(|n| n["sentAt"].is_null()).unwrap_or(nodes.len());
    let sent: Vec<&str> = nodes[..first_sent].iter().filter_map(|n| n["reference"].as_str()).collect();
    assert!(sent.contains(&"laz:c"), "{nodes:?}");
    assert!(nodes[first_sent..].iter().all(|n| n["sentAt"].is_null()), "the undelivered last: {nodes:?}");
    assert_eq!(nodes.len(), expected, "the undelivered follow on the next pages");
    same_total(&totals, expected);

    let admin = app.login("admin").await;
    let res = app.graphql(Some(&admin), OUTBOX, json!({ "first": 100 })).await;
    let everyone = data(&res)["outboxMessages"]["totalCount"].as_u64().unwrap();
    let raw = outbox_message::Entity::find().all(&app.state.db).await.unwrap().len() as u64;
    assert_eq!(everyone, raw, "the national administrator counts every message");
});

// ---------------------------------------------------------------------------
// A professional's collaborators
// ---------------------------------------------------------------------------

const COLLABORATORS: &str = r#"query($order: CollaboratorOrder, $first: Int, $after: String) {
  collaborators(orderBy: $order, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { fiscalCode to }
  }
}"#;

both_backends!(collaborators_sort_by_end_date_open_ended_last_and_count_only_ones_own, |app: TestApp| async move {
    use crate::procure::{CLIENT, COLLAB_A, COLLAB_B, COLLAB_UNLISTED, registered_professional};
    let today = api::appointments::domain::rome_date(Utc::now());
    let day = |n: i64| (today + Duration::days(n)).to_string();
    let add = r#"mutation($f: String!, $from: NaiveDate!, $to: NaiveDate) { addCollaborator(fiscalCode: $f, from: $from, to: $to) { id } }"#;
    let rossi = app.login("prof.rossi").await;
    for (code, to) in [(COLLAB_A, None), (COLLAB_B, Some(day(30))), (COLLAB_UNLISTED, Some(day(10)))] {
        let res = app.graphql(Some(&rossi), add, json!({ "f": code, "from": day(-5), "to": to })).await;
        assert!(res["errors"].is_null(), "{res}");
    }
    let other = registered_professional(&app, "prof.altro", "NRELNN80A41B354G", "A10").await;
    let res = app.graphql(Some(&other), add, json!({ "f": CLIENT, "from": day(-5) })).await;
    assert!(res["errors"].is_null(), "{res}");

    let ours = |nodes: &[Value]| -> Vec<String> {
        let made = [COLLAB_A, COLLAB_B, COLLAB_UNLISTED];
        texts(nodes, "fiscalCode").into_iter().filter(|c| made.contains(c)).map(str::to_owned).collect()
    };
    let by_end = json!({ "order": { "field": "VALID_TO" } });
    let (nodes, totals) = all_pages(&app, &rossi, COLLABORATORS, "collaborators", by_end).await;
    assert_eq!(ours(&nodes), [COLLAB_UNLISTED, COLLAB_B, COLLAB_A], "the open-ended one last");
    assert!(!texts(&nodes, "fiscalCode").contains(&CLIENT), "another professional's collaborator");
    let rossi_id = entities::professional::Entity::find()
        .filter(entities::professional::Column::PersonId.eq(person_id(&app, "prof.rossi").await))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let raw = entities::collaborator::Entity::find()
        .filter(entities::collaborator::Column::ProfessionalId.eq(rossi_id))
        .all(&app.state.db)
        .await
        .unwrap()
        .len();
    assert_eq!(nodes.len(), raw);
    same_total(&totals, raw);

    let desc = json!({ "order": { "field": "VALID_TO", "direction": "DESC" } });
    let (nodes, _) = all_pages(&app, &rossi, COLLABORATORS, "collaborators", desc).await;
    assert_eq!(ours(&nodes), [COLLAB_A, COLLAB_B, COLLAB_UNLISTED], "the open-ended one first");

    let (nodes, totals) = all_pages(&app, &other, COLLABORATORS, "collaborators", json!({})).await;
    assert_eq!(texts(&nodes, "fiscalCode"), [CLIENT]);
    same_total(&totals, 1);
});
