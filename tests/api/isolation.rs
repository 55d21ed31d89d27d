//! Issue 12: a property test of read isolation. Random selections of the
//! schema's queries, sent as random people of the two demo regions, never
//! return an id, a code, a name or a username of the other region; direct
//! look-ups of the other region's records answer NOT_FOUND / FORBIDDEN.
//!
//! Seeded and reproducible: `ISOLATION_SEED=<n>` replays a run (the seed is
//! printed), `ISOLATION_ROUNDS=<n>` makes it longer (default 40 per backend).

use std::collections::HashMap;

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::both_backends;
use crate::helpers::TestApp;

const SARDEGNA: &str = "/IT/SAR/";
const LAZIO: &str = "/IT/LAZ/";

/// The demo people held only inside one region.
const SARDINIANS: &[&str] = &[
    "dr.sardegna",
    "dp.cagliari",
    "dir.cagliari1",
    "coord.cagliari1",
    "op.cagliari1",
    "op2.cagliari1",
    "op.sassari",
    "cric.sardegna",
    "cric.sardegna.pensioni",
    "auditor.sardegna",
];
const LAZIALI: &[&str] = &["dr.lazio", "op.roma1", "cric.lazio"];

/// One query of the catalogue: the root field (with its arguments) and the
/// pieces of selection a round picks from (the first is always taken).
struct Probe {
    root: &'static str,
    wrap: fn(&str) -> String,
    pieces: &'static [&'static str],
}

fn nodes(s: &str) -> String {
    format!("{{ nodes {{ {s} }} }}")
}
fn plain(s: &str) -> String {
    format!("{{ {s} }}")
}
fn scalar(_: &str) -> String {
    String::new()
}

/// The schema's readable queries, with the fields that could carry a foreign
/// id, code or name. Not here: the FAQ's `sourceQuesitoId` (the FAQ is one
/// national knowledge base, docs/domain.md §4.5, on purpose) and the national
/// service catalogue, which belong to no region.
const CATALOGUE: &[Probe] = &[
    Probe { root: "me", wrap: plain, pieces: &["username", "assignments { unitCode unitName }"] },
    Probe {
        root: "orgUnits(first: 20)",
        wrap: nodes,
        pieces: &["id code name path", "parent { code name }", "children { id code name }"],
    },
    Probe {
        root: "people(first: 20)",
        wrap: nodes,
        pieces: &["id username", "assignments { id role unit { id code name } }"],
    },
    Probe {
        root: "auditEvents(first: 20)",
        wrap: nodes,
        pieces: &[
            "id action recordType recordId",
            "actor",
            "unit { id code name }",
            "actingUnit { id code name }",
            "detail",
        ],
    },
    Probe {
        root: "appointments(first: 20)",
        wrap: nodes,
        pieces: &[
            "id cupNumber",
            "office { id code name }",
            "bookedByUnit { id code }",
            "bookedBy { username }",
            "precall { assignee { username } }",
            "counter { operator { username } }",
        ],
    },
    Probe {
        root: "quesiti(first: 20)",
        wrap: nodes,
        pieces: &[
            "id subject",
            "cric { id code name }",
            "forwardedTo { code }",
            "classification { id code }",
            "events { actor }",
            "conversionOffices { id code name }",
            "appointmentId contactId",
        ],
    },
    Probe { root: "quesitoCount", wrap: scalar, pieces: &[""] },
    Probe { root: "quesitoRegions", wrap: plain, pieces: &["id code name"] },
    Probe { root: "quesitoStats", wrap: plain, pieces: &["section backlog filed answered"] },
    Probe {
        root: "callbacks(first: 20)",
        wrap: nodes,
        pieces: &["id topic", "unit { id code name }", "assignee { username }", "requestedBy { username }"],
    },
    Probe {
        root: "contacts(first: 20)",
        wrap: nodes,
        pieces: &["id topic", "quesito { id cric { code } }", "appointmentId callbackId"],
    },
    Probe {
        root: "myWorklist",
        wrap: plain,
        pieces: &[
            "precalls { id office { code } }",
            "counterSessions { id office { code } }",
            "callbacks { id unit { code } }",
        ],
    },
    Probe { root: "outboxMessages(first: 20)", wrap: nodes, pieces: &["id reference", "unit { id code name }"] },
    Probe { root: "faqEntries(first: 20)", wrap: nodes, pieces: &["id question"] },
    Probe { root: "professionals(first: 20)", wrap: nodes, pieces: &["id"] },
];

/// Ids, codes, names and usernames that belong to the region under `prefix`.
async fn markers_of(app: &TestApp, prefix: &str, usernames: &[&str]) -> Vec<String> {
    let db = &app.state.db;
    let units = entities::org_unit::Entity::find()
        .filter(entities::org_unit::Column::Path.starts_with(prefix))
        .all(db)
        .await
        .unwrap();
    let unit_ids: Vec<Uuid> = units.iter().map(|u| u.id).collect();
    let mut out: Vec<String> = units.iter().flat_map(|u| [u.id.to_string(), u.code.clone(), u.name.clone()]).collect();
    macro_rules! ids_in_units {
        ($entity:ident) => {
            out.extend(
                entities::$entity::Entity::find()
                    .filter(entities::$entity::Column::UnitId.is_in(unit_ids.clone()))
                    .all(db)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|r| r.id.to_string()),
            )
        };
    }
    ids_in_units!(appointment);
    ids_in_units!(quesito);
    ids_in_units!(callback_request);
    ids_in_units!(audit_event);
    let people = entities::person::Entity::find()
        .filter(entities::person::Column::Username.is_in(usernames.iter().copied()))
        .all(db)
        .await
        .unwrap();
    out.extend(people.iter().flat_map(|p| [p.id.to_string(), p.username.clone()]));
    out
}

fn leaks<'m>(response: &Value, foreign: &'m [String]) -> Vec<&'m str> {
    let text = response.to_string();
    foreign.iter().filter(|m| text.contains(m.as_str())).map(String::as_str).collect()
}

fn random_query(rng: &mut StdRng) -> String {
    let picks = rng.random_range(1..=3);
    let mut fields = Vec::new();
    for i in 0..picks {
        let probe = &CATALOGUE[rng.random_range(0..CATALOGUE.len())];
        let mut selection: Vec<&str> = vec![probe.pieces[0]];
        selection.extend(probe.pieces[1..].iter().filter(|_| rng.random_bool(0.5)));
        fields.push(format!("q{i}: {} {}", probe.root, (probe.wrap)(&selection.join(" "))));
    }
    format!("{{ {} }}", fields.join(" "))
}

/// Every selection of the catalogue is valid GraphQL: an admin asking for all
/// of it gets no error (so a round's empty answer is never a typo's).
async fn catalogue_is_valid(app: &TestApp) {
    let admin = app.login("admin").await;
    for probe in CATALOGUE {
        let query = format!("{{ {} {} }}", probe.root, (probe.wrap)(&probe.pieces.join(" ")));
        let res = app.graphql(Some(&admin), &query, json!({})).await;
        assert!(res.get("errors").is_none(), "{query}: {res}");
    }
}

/// Errors a resolver returned carry a `path`; validation errors do not.
fn assert_valid(query: &str, res: &Value) {
    for error in res["errors"].as_array().into_iter().flatten() {
        assert!(error.get("path").is_some(), "not a resolver error: {error} for {query}");
    }
}

/// Direct look-ups of one foreign record of each kind: refused, and the
/// refusal names nothing else of the other region.
async fn direct_lookups(app: &TestApp, token: &str, other: &str, foreign: &[String]) {
    let db = &app.state.db;
    let unit = entities::org_unit::Entity::find()
        .filter(entities::org_unit::Column::Path.starts_with(other))
        .filter(entities::org_unit::Column::Kind.eq("TERRITORIAL_OFFICE"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let mut probes = vec![
        (format!(r#"{{ orgUnit(code: "{}") {{ id name }} }}"#, unit.code), unit.code.clone()),
        (format!(r#"{{ officeStaff(officeCode: "{}") {{ username }} }}"#, unit.code), unit.code.clone()),
        (
            format!(
                r#"{{ stats(unitCode: "{}", from: "2026-01-01", to: "2026-01-31") {{ unit {{ code }} }} }}"#,
                unit.code
            ),
            unit.code.clone(),
        ),
    ];
    if let Some(a) = entities::appointment::Entity::find()
        .filter(entities::appointment::Column::UnitId.eq(unit.id))
        .one(db)
        .await
        .unwrap()
    {
        probes.push((format!(r#"{{ appointment(id: "{}") {{ id cupNumber }} }}"#, a.id), a.id.to_string()));
    }
    let cric = entities::org_unit::Entity::find()
        .filter(entities::org_unit::Column::Path.starts_with(other))
        .filter(entities::org_unit::Column::Kind.eq("CRIC"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    if let Some(q) =
        entities::quesito::Entity::find().filter(entities::quesito::Column::UnitId.eq(cric.id)).one(db).await.unwrap()
    {
        probes.push((format!(r#"{{ quesito(id: "{}") {{ id subject }} }}"#, q.id), q.id.to_string()));
    }
    for (query, asked) in probes {
        let res = app.graphql(Some(token), &query, json!({})).await;
        let code = res["errors"][0]["extensions"]["code"].as_str();
        assert!(matches!(code, Some("NOT_FOUND" | "FORBIDDEN")), "{query}: {res}");
        let others: Vec<String> = foreign.iter().filter(|m| **m != asked).cloned().collect();
        assert!(leaks(&res, &others).is_empty(), "{query}: {res}");
    }
}

both_backends!(random_queries_never_return_the_other_regions_records, |app: TestApp| async move {
    let seed = std::env::var("ISOLATION_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(rand::random::<u64>);
    let rounds: usize = std::env::var("ISOLATION_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(40);
    eprintln!("isolation property test: ISOLATION_SEED={seed} ISOLATION_ROUNDS={rounds}");
    let mut rng = StdRng::seed_from_u64(seed);

    // A record of each kind in each region, beyond the demo data: a quesito
    // filed to each CRIC, so both regions have some.
    for region in ["DR-SAR", "DR-LAZ"] {
        crate::quesiti_support::file_ok(&app, region, "Verifica di isolamento").await;
    }
    catalogue_is_valid(&app).await;
    let sardinian_markers = markers_of(&app, SARDEGNA, SARDINIANS).await;
    let lazio_markers = markers_of(&app, LAZIO, LAZIALI).await;
    assert!(sardinian_markers.len() > 20 && lazio_markers.len() > 20, "demo data of both regions");
    // The detector works: one's own region's markers do show up.
    let mut own_seen = 0;
    let mut tokens: HashMap<&str, String> = HashMap::new();
    for who in SARDINIANS.iter().chain(LAZIALI) {
        tokens.insert(who, app.login(who).await);
    }
    for (people, foreign, other) in [(SARDINIANS, &lazio_markers, LAZIO), (LAZIALI, &sardinian_markers, SARDEGNA)] {
        direct_lookups(&app, &tokens[people[0]], other, foreign).await;
    }

    for round in 0..rounds {
        let lazio = rng.random_bool(0.5);
        let (people, foreign) = if lazio { (LAZIALI, &sardinian_markers) } else { (SARDINIANS, &lazio_markers) };
        let who = people[rng.random_range(0..people.len())];
        let query = random_query(&mut rng);
        let res = app.graphql(Some(&tokens[who]), &query, json!({})).await;
        assert_valid(&query, &res);
        let own = if lazio { &lazio_markers } else { &sardinian_markers };
        own_seen += usize::from(!leaks(&res, own).is_empty());
        let leaked = leaks(&res, foreign);
        assert!(
            leaked.is_empty(),
            "round {round} (ISOLATION_SEED={seed}): {who} sees {leaked:?} of the other region with {query}\n{res}"
        );
    }
    assert!(own_seen * 4 >= rounds, "only {own_seen} of {rounds} rounds returned anything of the caller's own region");
});
