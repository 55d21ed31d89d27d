//! `api bench`: what users run, measured side by side in one run.
//!
//! Generated data in a PostgreSQL schema, the release server as a child
//! process on loopback (row-level security on, as in production), and for
//! each query: the API's latency and throughput, the same SQL run directly
//! (the floor), and, with `--peer-url`, PostGraphile v5 on the same schema
//! answering the equivalent query. It prints ratios and the server's memory.
//! See docs/performance.md for a run and how to repeat it.
//!
//! Everything is bounded: `--requests` per query, `--concurrency` in flight,
//! loopback only. A schema the bench made itself is dropped at the end; one
//! named with `--schema` is kept (and reused when it already holds data), so
//! the peer can be started on it: `--prepare-only` generates it and stops.

mod measure;
mod server;
mod statements;

use anyhow::Context as _;
use chrono::{Duration as Days, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use serde_json::{Value, json};

use crate::appointments::domain::rome_date;
use crate::config::Settings;
use crate::monitoring::domain::Period;
use crate::seed::generate::{GenerateOptions, generate};
use measure::{Client, Measured, measure, ms};
use server::Server;

#[derive(clap::Args, Debug)]
pub struct BenchOptions {
    /// PostgreSQL server URL; the bench works in a schema of its own (dropped afterwards unless --schema).
    #[arg(long)]
    pub database_url: String,
    /// Requests per measured query.
    #[arg(long, default_value_t = 200)]
    pub requests: usize,
    /// Requests in flight at once.
    #[arg(long, default_value_t = 4)]
    pub concurrency: usize,
    /// Days of generated history.
    #[arg(long, default_value_t = 365)]
    pub days: u32,
    #[arg(long, default_value_t = 1)]
    pub scale: u32,
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Work in this schema and keep it (reused when it already holds data); default a fresh one, dropped.
    #[arg(long)]
    pub schema: Option<String>,
    /// PostGraphile's /graphql on the same schema (started by postgraphile-peer.sh), measured side by side.
    #[arg(long)]
    pub peer_url: Option<String>,
    /// Generate the data into --schema and stop (then start the peer on it).
    #[arg(long)]
    pub prepare_only: bool,
    /// Start the measured server with this Redis, as in production (sessions and the
    /// authorisation version there); without it the server keeps them in PostgreSQL.
    #[arg(long)]
    pub redis_url: Option<String>,
}

const FLAT: &str = "{ quesiti(first: 50) { nodes { id status section priority subject dueAt filedAt } } }";

const NESTED: &str = "{ quesiti(first: 50) { nodes { id status section priority subject dueAt filedAt \
    classification { label } cric { code name } events { to at } } } }";

const PEER_FLAT: &str = "query($u: UUID!) { allQuesitos(first: 50, condition: { unitId: $u }, orderBy: PRIMARY_KEY_DESC) \
    { nodes { rowId status section priority subject dueAt createdAt } } }";

const PEER_NESTED: &str = "query($u: UUID!) { allQuesitos(first: 50, condition: { unitId: $u }, orderBy: PRIMARY_KEY_DESC) \
    { nodes { rowId status section priority subject dueAt createdAt \
    quesitoClassificationByClassificationId { label } orgUnitByUnitId { code name } \
    quesitoEventsByQuesitoId { nodes { toStatus occurredAt } } } } }";

const STATS: &str = "query($unit: String!, $from: NaiveDate!, $to: NaiveDate!) { stats(unitCode: $unit, from: $from, to: $to) { \
    figures { appointments { bookings toPrecall precallCoverage servedWithoutCounterShare sessions sessionsOver15Minutes \
    counterSessions { channel outcome count } } callbacks { requested waiting served } \
    quesiti { section received backlog slaBreaches medianAnswerSeconds } } \
    children { unit { code } figures { appointments { bookings precallCoverage notReachingCounterShare } \
    callbacks { requested } quesiti { section backlog medianAnswerSeconds } } } } }";

/// Requests of each one-at-a-time `stats` line (a national year is the slowest query measured).
const STATS_REQUESTS: usize = 40;
/// Runs of the raw-row count each of those lines is compared with.
const RAW_REQUESTS: usize = 5;

const WORKLIST: &str = "{ myWorklist { date precalls { id cupNumber startsAt } counterSessions { id cupNumber startsAt } \
    callbacks { id } } }";

const PROCURA_CHECK: &str = "query($c: String!) { procuraCheck(clientFiscalCode: $c, service: STATUS_INFORMATION) { \
    authorized reason on procura { id validFrom validTo } } }";

pub async fn run(settings: Settings, opts: BenchOptions) -> anyhow::Result<()> {
    crate::outbox::transport::webhook::install_crypto_provider();
    let owned = opts.schema.is_none();
    let schema = opts.schema.clone().unwrap_or_else(|| format!("bench_{}", uuid::Uuid::new_v4().simple()));
    let admin = sea_orm::Database::connect(&opts.database_url).await.context("connect to --database-url")?;
    if admin.get_database_backend() != DbBackend::Postgres {
        anyhow::bail!("--database-url must be a PostgreSQL URL");
    }
    admin.execute_unprepared(&format!("CREATE SCHEMA IF NOT EXISTS \"{schema}\"")).await?;
    let result = bench_in_schema(&settings, &opts, &schema).await;
    if owned {
        admin.execute_unprepared(&format!("DROP SCHEMA \"{schema}\" CASCADE")).await?;
    }
    result
}

/// Migrates and fills the schema unless it already holds data; returns the
/// owner's connection to it and the last day of the data.
async fn prepare(
    settings: &Settings,
    opts: &BenchOptions,
    schema: &str,
) -> anyhow::Result<(DatabaseConnection, NaiveDate)> {
    let mut settings = settings.clone();
    settings.database_url = opts.database_url.clone();
    settings.database_schema = Some(schema.to_owned());
    let db = crate::db::connect_owner(&settings).await?;
    crate::db::migrate(&db).await?;
    let until = rome_date(Utc::now());
    let count = db
        .query_one_raw(Statement::from_string(DbBackend::Postgres, "SELECT COUNT(*) AS n FROM org_unit"))
        .await?
        .and_then(|row| row.try_get::<i64>("", "n").ok())
        .unwrap_or(0);
    if count == 0 {
        let started = std::time::Instant::now();
        let gen_opts = GenerateOptions { scale: opts.scale, days: opts.days, seed: opts.seed, until };
        let made = generate(&db, &gen_opts).await?;
        println!(
            "generated (scale {}, {} days, seed {}) in schema {schema} in {:.1} s: {made:?}",
            opts.scale,
            opts.days,
            opts.seed,
            started.elapsed().as_secs_f64()
        );
        db.execute_unprepared("ANALYZE").await?;
    } else {
        // A migration may have marked rows for the rollups (a new rollup
        // marks every existing row): count them now, not in the first request.
        let started = std::time::Instant::now();
        crate::monitoring::store::rollup::bring_up_to_date(&db).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
        println!(
            "schema {schema} already holds data: reused as it is (rollups brought up to date in {:.1} s)",
            started.elapsed().as_secs_f64()
        );
    }
    Ok((db, until))
}

/// One line of the report.
struct Row {
    name: &'static str,
    api: Measured,
    sql: Option<Measured>,
    /// The same SQL as the serving role under the caller's row-level security.
    sql_rls: Option<Measured>,
    peer: Option<Measured>,
}

async fn bench_in_schema(settings: &Settings, opts: &BenchOptions, schema: &str) -> anyhow::Result<()> {
    let (db, until) = prepare(settings, opts, schema).await?;
    if opts.prepare_only {
        println!("prepared. Start the peer with: postgraphile-peer.sh {} {schema}", opts.database_url);
        return Ok(());
    }
    let server = Server::start(&opts.database_url, schema, opts.redis_url.as_deref()).await?;
    let client = Client::new(server.url.clone());
    let peer = opts.peer_url.clone().map(Client::new);
    let (n, c) = (opts.requests, opts.concurrency);
    let director = client.login("dr.sardegna").await?;
    let operator = client.login("op.cagliari1").await?;
    let expert = client.login("cric.sardegna").await?;
    let professional = client.login("prof.rossi").await?;
    let cric = statements::cric_sardegna(&db).await?;
    let period = Period::new(until - Days::days(30), until - Days::days(1)).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let sessions = if opts.redis_url.is_some() { "in Redis" } else { "in PostgreSQL (no Redis)" };
    println!(
        "\n{n} requests per query, {c} in flight; stats over {} – {}; sessions {sessions}\n",
        period.from, period.to
    );

    let mut rows = Vec::new();
    let api = |token: Option<&str>, query: &'static str, vars: Value| {
        let token = token.map(str::to_owned);
        let client = &client;
        measure(n, c, move || {
            let (token, vars) = (token.clone(), vars.clone());
            async move { client.graphql(token.as_deref(), query, vars).await.map(|_| ()) }
        })
    };
    let sql = |stmts: Vec<Statement>| {
        let db = &db;
        async move { measure(n, c, || statements::run_all(db, &stmts)).await }
    };
    let peer_measure = |query: &'static str, vars: Value| {
        let peer = peer.as_ref();
        async move {
            match peer {
                Some(p) => Ok::<_, anyhow::Error>(Some(
                    measure(n, c, || async { p.graphql(None, query, vars.clone()).await.map(|_| ()) }).await?,
                )),
                None => Ok(None),
            }
        }
    };

    let anonymous = api(None, "{ __typename }", json!({})).await?;
    rows.push(Row { name: "{ __typename } anonymous", api: anonymous, sql: None, sql_rls: None, peer: None });
    let me = api(Some(&director), "{ me { username } }", json!({})).await?;
    rows.push(Row {
        name: "{ me } signed in",
        api: me,
        sql: Some(sql(statements::me(&db, "dr.sardegna").await?).await?),
        sql_rls: None,
        peer: None,
    });
    let peer_vars = json!({ "u": cric.id });
    rows.push(Row {
        name: "CRIC list, flat (50)",
        api: api(Some(&expert), FLAT, json!({})).await?,
        sql: Some(sql(statements::cric_list(&db, false).await?).await?),
        sql_rls: None,
        peer: peer_measure(PEER_FLAT, peer_vars.clone()).await?,
    });
    rows.push(Row {
        name: "CRIC list, nested (50)",
        api: api(Some(&expert), NESTED, json!({})).await?,
        sql: Some(sql(statements::cric_list(&db, true).await?).await?),
        sql_rls: None,
        peer: peer_measure(PEER_NESTED, peer_vars).await?,
    });
    rows.push(Row {
        name: "myWorklist op.cagliari1",
        api: api(Some(&operator), WORKLIST, json!({})).await?,
        sql: Some(sql(statements::worklist(&db, "op.cagliari1", until).await?).await?),
        sql_rls: None,
        peer: None,
    });
    let client_code = crate::seed::generate::vat_code(1_000_000_000 + 7919 * 17);
    rows.push(Row {
        name: "procuraCheck prof.rossi",
        api: api(Some(&professional), PROCURA_CHECK, json!({ "c": client_code })).await?,
        sql: Some(sql(statements::procura_check(&db, &client_code).await?).await?),
        sql_rls: None,
        peer: None,
    });
    let stats_vars = json!({ "unit": "DR-SAR", "from": period.from, "to": period.to });
    // Planned as the server plans figures (kernel::reach::Plans::Custom).
    let director_reach = statements::reach_of(&db, "dr.sardegna").await?.with_custom_plans();
    let admin_reach = statements::reach_of(&db, "admin").await?.with_custom_plans();
    let month = statements::stats(&db, "DR-SAR", period).await?;
    rows.push(Row {
        name: "stats DR-SAR, a month",
        api: api(Some(&director), STATS, stats_vars).await?,
        sql: Some(sql(month.clone()).await?),
        sql_rls: Some(measure(n, c, || statements::run_all_as(&db, &director_reach, &month)).await?),
        peer: None,
    });
    // Issue 15 item 5: a region and the nation, a month and a year, one request
    // at a time (a director running a report), the figures and the children.
    let admin = client.login("admin").await?;
    let year = Period::new(until - Days::days(365), until - Days::days(1)).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let one_by_one = n.min(STATS_REQUESTS);
    let mut bookings = Vec::new();
    for (name, token, reach, unit, period) in [
        ("stats DR-SAR, a month, 1x", &director, &director_reach, "DR-SAR", period),
        ("stats DR-SAR, a year, 1x", &director, &director_reach, "DR-SAR", year),
        ("stats nation, a month, 1x", &admin, &admin_reach, "ROOT", period),
        ("stats nation, a year, 1x", &admin, &admin_reach, "ROOT", year),
    ] {
        let vars = json!({ "unit": unit, "from": period.from, "to": period.to });
        let token = token.clone();
        let client = &client;
        let api = measure(one_by_one, 1, move || {
            let (token, vars) = (token.clone(), vars.clone());
            async move { client.graphql(Some(&token), STATS, vars).await.map(|_| ()) }
        })
        .await?;
        let stmts = statements::stats(&db, unit, period).await?;
        let sql = measure(one_by_one, 1, || statements::run_all(&db, &stmts)).await?;
        let sql_rls = measure(one_by_one, 1, || statements::run_all_as(&db, reach, &stmts)).await?;
        rows.push(Row { name, api, sql: Some(sql), sql_rls: Some(sql_rls), peer: None });
        // The bookings alone: the rollup's read against counting the raw rows
        // (a few runs of the latter: a national year takes seconds).
        let rollup = statements::stats_bookings(&db, unit, period, true).await?;
        let raw = statements::stats_bookings(&db, unit, period, false).await?;
        let rollup = measure(one_by_one, 1, || statements::run_all(&db, &rollup)).await?;
        let raw = measure(one_by_one.min(RAW_REQUESTS), 1, || statements::run_all(&db, &raw)).await?;
        bookings.push((name, rollup, raw));
    }
    let memory = server.memory_mb();
    server.stop().await;
    print_report(&rows, memory);
    println!("\nbookings of stats (total + children), SQL only: the daily rollup against the raw rows");
    println!(
        "{:<26} {:>12} {:>12} | {:>12} {:>12} | {:>8}",
        "query", "rollup p50", "rollup p95", "raw p50", "raw p95", "raw/rollup"
    );
    for (name, rollup, raw) in &bookings {
        println!(
            "{:<26} {:>12.2} {:>12.2} | {:>12.2} {:>12.2} | {:>8.1}",
            name,
            ms(rollup.p50),
            ms(rollup.p95),
            ms(raw.p50),
            ms(raw.p95),
            ms(raw.p50) / ms(rollup.p50).max(1e-6)
        );
    }
    Ok(())
}

fn print_report(rows: &[Row], memory: Option<(f64, f64)>) {
    println!(
        "{:<26} {:>8} {:>8} {:>8} {:>8} | {:>8} {:>8} | {:>8} | {:>8} {:>8} | {:>8} {:>8}",
        "query",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "req/s",
        "SQL p50",
        "SQL/s",
        "peer/s",
        "API/SQL",
        "API/peer",
        "RLS p50",
        "API/RLS"
    );
    let anonymous = rows.first().map(|r| r.api.per_second).unwrap_or(0.0);
    for r in rows {
        let dash = || "—".to_owned();
        let sql_p50 = r.sql.as_ref().map_or_else(dash, |s| format!("{:.2}", ms(s.p50)));
        let sql_rate = r.sql.as_ref().map_or_else(dash, |s| format!("{:.0}", s.per_second));
        let peer_rate = r.peer.as_ref().map_or_else(dash, |p| format!("{:.0}", p.per_second));
        // Time ratio against the floor; throughput ratio against the peer.
        let vs_sql = r.sql.as_ref().map_or_else(dash, |s| format!("{:.2}", ms(r.api.p50) / ms(s.p50).max(1e-6)));
        let vs_peer =
            r.peer.as_ref().map_or_else(dash, |p| format!("{:.2}", r.api.per_second / p.per_second.max(1e-9)));
        let rls_p50 = r.sql_rls.as_ref().map_or_else(dash, |s| format!("{:.2}", ms(s.p50)));
        let vs_rls = r.sql_rls.as_ref().map_or_else(dash, |s| format!("{:.2}", ms(r.api.p50) / ms(s.p50).max(1e-6)));
        println!(
            "{:<26} {:>8.2} {:>8.2} {:>8.2} {:>8.0} | {:>8} {:>8} | {:>8} | {:>8} {:>8} | {:>8} {:>8}",
            r.name,
            ms(r.api.p50),
            ms(r.api.p95),
            ms(r.api.p99),
            r.api.per_second,
            sql_p50,
            sql_rate,
            peer_rate,
            vs_sql,
            vs_peer,
            rls_p50,
            vs_rls
        );
    }
    if let Some(me) = rows.get(1) {
        println!(
            "\n{{ me }} signed in runs at {:.0} % of anonymous {{ __typename }}",
            100.0 * me.api.per_second / anonymous.max(1e-9)
        );
    }
    if let Some((now, peak)) = memory {
        println!("server resident memory: {now:.0} MB now, {peak:.0} MB at the peak");
    }
    println!(
        "API/SQL: the API's p50 over the same SQL's p50 (1.0 = no overhead). API/peer: throughput ratio (above 1 = faster)."
    );
    println!(
        "RLS: the same SQL as the serving role under the caller's row-level security, in one transaction \
         (its BEGIN, the statement setting role and reach, and COMMIT: three round trips more than SQL)."
    );
    println!("procuraCheck also writes its audit event, an INSERT the plain SQL does not do.");
    println!("\"1x\": one request at a time, {STATS_REQUESTS} of them (or --requests when fewer).");
}
