//! `api bench`: generated data in a fresh PostgreSQL schema, the real server
//! on loopback, and the latency distribution and throughput of the queries
//! directors, operators and experts run most — next to the time of the same
//! SQL run directly, so the API's overhead shows as a ratio (issue 6 §5).
//!
//! Everything is bounded: `--requests` per query, `--concurrency` in flight,
//! loopback only; the schema is dropped at the end.

use std::time::{Duration, Instant};

use anyhow::Context as _;
use chrono::{Duration as Days, Utc};
use futures::StreamExt;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter, Statement};
use serde_json::{Value, json};

use entities::{org_unit, person};

use crate::appointments::domain::rome_date;
use crate::config::Settings;
use crate::monitoring::domain::Period;
use crate::monitoring::store::{self as stats_store, Grouping};
use crate::seed::generate::{GenerateOptions, generate};
use crate::startup::Application;
use crate::tenancy::UnitScope;

pub struct BenchOptions {
    pub database_url: String,
    pub requests: usize,
    pub concurrency: usize,
    pub days: u32,
    pub scale: u32,
    pub seed: u64,
}

/// Latency distribution of one measured operation.
#[derive(Clone, Debug)]
pub struct Measured {
    pub p50: Duration,
    pub p95: Duration,
    pub p99: Duration,
    pub per_second: f64,
}

fn summarise(mut samples: Vec<Duration>, wall: Duration) -> Measured {
    samples.sort();
    let at = |q: f64| {
        let i = ((samples.len() as f64 * q).ceil() as usize).saturating_sub(1).min(samples.len().saturating_sub(1));
        samples.get(i).copied().unwrap_or_default()
    };
    Measured {
        p50: at(0.50),
        p95: at(0.95),
        p99: at(0.99),
        per_second: samples.len() as f64 / wall.as_secs_f64().max(1e-9),
    }
}

/// Runs `op` `n` times with `concurrency` in flight.
async fn measure<F, Fut>(n: usize, concurrency: usize, op: F) -> anyhow::Result<Measured>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    // Warm-up: caches, prepared statements, connections.
    for _ in 0..3 {
        op().await?;
    }
    let started = Instant::now();
    let samples: Vec<anyhow::Result<Duration>> = futures::stream::iter(0..n)
        .map(|_| {
            let fut = op();
            async move {
                let t = Instant::now();
                fut.await?;
                Ok(t.elapsed())
            }
        })
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await;
    let wall = started.elapsed();
    let samples = samples.into_iter().collect::<anyhow::Result<Vec<_>>>()?;
    Ok(summarise(samples, wall))
}

struct Client {
    http: reqwest::Client,
    url: String,
}

impl Client {
    async fn graphql(&self, token: Option<&str>, query: &str, variables: Value) -> anyhow::Result<Value> {
        let mut req = self
            .http
            .post(&self.url)
            .header("content-type", "application/json")
            .body(serde_json::to_vec(&json!({ "query": query, "variables": variables }))?);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let body = req.send().await?.bytes().await?;
        let value: Value = serde_json::from_slice(&body)?;
        if value.get("errors").is_some() {
            anyhow::bail!("GraphQL errors: {value}");
        }
        Ok(value)
    }

    async fn login(&self, username: &str) -> anyhow::Result<String> {
        let res = self
            .graphql(
                None,
                "mutation($u: String!) { login(username: $u, password: \"demo\") { token } }",
                json!({ "u": username }),
            )
            .await?;
        res["data"]["login"]["token"].as_str().map(str::to_owned).context("no token")
    }
}

const STATS: &str = "query($from: NaiveDate!, $to: NaiveDate!) { stats(unitCode: \"DR-SAR\", from: $from, to: $to) { \
    figures { appointments { bookings toPrecall precallCoverage servedWithoutCounterShare sessions sessionsOver15Minutes \
    counterSessions { channel outcome count } } callbacks { requested waiting served } \
    quesiti { section received backlog slaBreaches medianAnswerSeconds } } \
    children { unit { code } figures { appointments { bookings precallCoverage notReachingCounterShare } \
    callbacks { requested } quesiti { section backlog medianAnswerSeconds } } } } }";

const WORKLIST: &str = "{ myWorklist { date precalls { id cupNumber startsAt } counterSessions { id cupNumber startsAt } \
    callbacks { id } } }";

const QUESITI: &str = "{ quesiti(first: 50) { edges { node { id subject status section priority dueAt overdue \
    filedAt classification { label } } } } }";

const PROCURA_CHECK: &str = "query($c: String!) { procuraCheck(clientFiscalCode: $c, service: STATUS_INFORMATION) { \
    authorized reason on procura { id validFrom validTo } } }";

pub async fn run(mut settings: Settings, opts: BenchOptions) -> anyhow::Result<()> {
    crate::outbox::transport::webhook::install_crypto_provider();
    let schema = format!("bench_{}", uuid::Uuid::new_v4().simple());
    let admin = sea_orm::Database::connect(&opts.database_url).await.context("connect to --database-url")?;
    if admin.get_database_backend() != DbBackend::Postgres {
        anyhow::bail!("--database-url must be a PostgreSQL URL");
    }
    admin.execute_unprepared(&format!("CREATE SCHEMA \"{schema}\"")).await?;
    let result = bench_in_schema(&mut settings, &opts, &schema).await;
    admin.execute_unprepared(&format!("DROP SCHEMA \"{schema}\" CASCADE")).await?;
    result
}

async fn bench_in_schema(settings: &mut Settings, opts: &BenchOptions, schema: &str) -> anyhow::Result<()> {
    settings.database_url = opts.database_url.clone();
    settings.database_schema = Some(schema.to_owned());
    settings.bind_addr = "127.0.0.1:0".into();
    settings.seed_demo = false;
    settings.redis_url = None;
    settings.outbox.worker = false;
    settings.http_workers = Some(2);

    let db = crate::db::connect_owner(settings).await?;
    crate::db::migrate(&db).await?;
    let until = rome_date(Utc::now());
    let started = Instant::now();
    let made = generate(&db, &GenerateOptions { scale: opts.scale, days: opts.days, seed: opts.seed, until }).await?;
    println!(
        "generated (scale {}, {} days, seed {}) in {:.1} s: {made:?}",
        opts.scale,
        opts.days,
        opts.seed,
        started.elapsed().as_secs_f64()
    );
    db.execute_unprepared("ANALYZE").await?;

    let app = Application::build(settings.clone()).await?;
    let client = Client { http: reqwest::Client::new(), url: format!("http://127.0.0.1:{}/graphql", app.port()) };
    let server = tokio::spawn(app.run_until_stopped());

    let director = client.login("dr.sardegna").await?;
    let operator = client.login("op.cagliari1").await?;
    let expert = client.login("cric.sardegna").await?;
    let period = Period::new(until - Days::days(30), until - Days::days(1)).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let vars = json!({ "from": period.from, "to": period.to });

    let (n, c) = (opts.requests, opts.concurrency);
    println!("\n{n} requests per query, {c} in flight; the month {} – {}\n", period.from, period.to);
    println!(
        "{:<28} {:>9} {:>9} {:>9} {:>9} | {:>9} {:>9} | {:>7}",
        "query", "p50 ms", "p95 ms", "p99 ms", "req/s", "SQL p50", "SQL p95", "API/SQL"
    );

    let api =
        measure(n, c, || async { client.graphql(Some(&director), STATS, vars.clone()).await.map(|_| ()) }).await?;
    let stats_sql = stats_statements(&db, period).await?;
    let sql = measure(n, c, || run_all(&db, &stats_sql)).await?;
    report("stats DR-SAR, one month", &api, &sql);

    let api =
        measure(n, c, || async { client.graphql(Some(&operator), WORKLIST, json!({})).await.map(|_| ()) }).await?;
    let worklist_sql = worklist_statements(&db, "op.cagliari1", until).await?;
    let sql = measure(n, c, || run_all(&db, &worklist_sql)).await?;
    report("myWorklist op.cagliari1", &api, &sql);

    let api = measure(n, c, || async { client.graphql(Some(&expert), QUESITI, json!({})).await.map(|_| ()) }).await?;
    let quesiti_sql = quesiti_statements(&db).await?;
    let sql = measure(n, c, || run_all(&db, &quesiti_sql)).await?;
    report("quesiti(first: 50) CRIC-SAR", &api, &sql);

    let professional = client.login("prof.rossi").await?;
    let procura_vars = json!({ "c": crate::seed::generate::vat_code(1_000_000_000 + 7919 * 17) });
    let api = measure(n, c, || async {
        client.graphql(Some(&professional), PROCURA_CHECK, procura_vars.clone()).await.map(|_| ())
    })
    .await?;
    let procura_sql = procura_statements(&db, procura_vars["c"].as_str().unwrap_or_default()).await?;
    let sql = measure(n, c, || run_all(&db, &procura_sql)).await?;
    report("procuraCheck prof.rossi", &api, &sql);
    println!("\n(procuraCheck also writes its audit event: one INSERT the plain SQL does not do.)");
    server.abort();
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(name: &str, api: &Measured, sql: &Measured) {
    let ratio = ms(api.p50) / ms(sql.p50).max(1e-6);
    println!(
        "{name:<28} {:>9.2} {:>9.2} {:>9.2} {:>9.1} | {:>9.2} {:>9.2} | {:>7.1}",
        ms(api.p50),
        ms(api.p95),
        ms(api.p99),
        api.per_second,
        ms(sql.p50),
        ms(sql.p95),
        ratio
    );
}

async fn run_all(db: &DatabaseConnection, statements: &[Statement]) -> anyhow::Result<()> {
    for s in statements {
        db.query_all_raw(s.clone()).await?;
    }
    Ok(())
}

/// What `stats` runs for the figures and the children: the unit, its
/// children, and the grouped statements (the director's scope is the DR).
async fn stats_statements(db: &DatabaseConnection, period: Period) -> anyhow::Result<Vec<Statement>> {
    let unit = org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq("DR-SAR"))
        .one(db)
        .await?
        .context("DR-SAR missing")?;
    let units = UnitScope::Under(vec![unit.path.clone()]);
    let now = Utc::now();
    let pg = DbBackend::Postgres;
    let mut statements = vec![
        Statement::from_sql_and_values(
            pg,
            "SELECT * FROM org_unit WHERE path LIKE $1 AND code = $2",
            [format!("{}%", unit.path).into(), "DR-SAR".into()],
        ),
        Statement::from_sql_and_values(
            pg,
            "SELECT * FROM org_unit WHERE path LIKE $1 AND parent_id = $2 ORDER BY path",
            [format!("{}%", unit.path).into(), unit.id.into()],
        ),
    ];
    statements.extend(stats_store::statements(pg, &units, &unit, period, Grouping::Total, now));
    statements.extend(stats_store::statements(pg, &units, &unit, period, Grouping::Children(&unit), now));
    Ok(statements)
}

/// The worklist's three lists, as the stores query them.
async fn worklist_statements(
    db: &DatabaseConnection,
    username: &str,
    today: chrono::NaiveDate,
) -> anyhow::Result<Vec<Statement>> {
    let me = person::Entity::find()
        .filter(person::Column::Username.eq(username))
        .one(db)
        .await?
        .context("operator missing")?;
    let pg = DbBackend::Postgres;
    Ok(vec![
        Statement::from_sql_and_values(
            pg,
            "SELECT * FROM appointment WHERE precall_assignee_id = $1 AND status = 'BOOKED' \
             AND (precall_status = 'ASSIGNED' OR (precall_status = 'DONE' AND precall_outcome <> 'POSITIVE')) \
             AND local_date >= $2 ORDER BY starts_at, id LIMIT 200",
            [me.id.into(), today.into()],
        ),
        Statement::from_sql_and_values(
            pg,
            "SELECT * FROM appointment WHERE counter_operator_id = $1 AND local_date = $2 AND status <> 'CANCELLED' \
             ORDER BY starts_at, id LIMIT 200",
            [me.id.into(), today.into()],
        ),
        Statement::from_sql_and_values(
            pg,
            "SELECT * FROM callback_request WHERE assignee_id = $1 AND status = 'ASSIGNED' \
             ORDER BY available_from, id LIMIT 200",
            [me.id.into()],
        ),
    ])
}

/// The first page of the CRIC's quesiti and their classifications.
async fn quesiti_statements(db: &DatabaseConnection) -> anyhow::Result<Vec<Statement>> {
    let cric = org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq("CRIC-SAR"))
        .one(db)
        .await?
        .context("CRIC-SAR missing")?;
    let pg = DbBackend::Postgres;
    Ok(vec![
        Statement::from_sql_and_values(
            pg,
            "SELECT * FROM quesito WHERE unit_id IN (SELECT id FROM org_unit WHERE path LIKE $1) ORDER BY id DESC LIMIT 51",
            [format!("{}%", cric.path).into()],
        ),
        Statement::from_string(
            pg,
            "SELECT * FROM quesito_classification WHERE id IN (SELECT DISTINCT classification_id FROM \
             (SELECT classification_id FROM quesito ORDER BY id DESC LIMIT 51) page)",
        ),
    ])
}

/// The professional's procure from one client, as `procuraCheck` reads them.
async fn procura_statements(db: &DatabaseConnection, client: &str) -> anyhow::Result<Vec<Statement>> {
    let me = person::Entity::find()
        .filter(person::Column::Username.eq("prof.rossi"))
        .one(db)
        .await?
        .context("prof.rossi missing")?;
    let pg = DbBackend::Postgres;
    Ok(vec![
        Statement::from_sql_and_values(pg, "SELECT * FROM professional WHERE person_id = $1", [me.id.into()]),
        Statement::from_sql_and_values(
            pg,
            "SELECT * FROM procura WHERE professional_id = (SELECT id FROM professional WHERE person_id = $1) \
             AND client_fiscal_code = $2 ORDER BY id DESC",
            [me.id.into(), client.into()],
        ),
    ])
}
