//! The SQL each measured query runs, written out to be run directly against
//! the database: the floor the API's time is compared with.

use anyhow::Context as _;
use chrono::Utc;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter, Statement, Value,
};

use entities::{org_unit, person};

use crate::appointments::domain::{AppointmentStatus, PrecallOutcome, PrecallStatus};
use crate::callbacks::domain::CallbackStatus;
use crate::monitoring::domain::Period;
use crate::monitoring::store::{self as stats_store, Grouping};
use crate::tenancy::UnitScope;

/// Runs each statement once, reading every row.
pub async fn run_all(db: &DatabaseConnection, statements: &[Statement]) -> anyhow::Result<()> {
    for s in statements {
        db.query_all_raw(s.clone()).await?;
    }
    Ok(())
}

/// The caller's reach (row-level security) as the server computes it for `username`.
pub async fn reach_of(db: &DatabaseConnection, username: &str) -> anyhow::Result<crate::kernel::reach::Reach> {
    let me = person::Entity::find()
        .filter(person::Column::Username.eq(username))
        .one(db)
        .await?
        .context("no such person")?;
    let principal = crate::auth::service::load_principal(db, me.id)
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?
        .context("inactive")?;
    let authz = crate::authz::Authz::load().await?;
    Ok(crate::tenancy::Scope::new(db.clone(), authz, std::sync::Arc::new(principal), None).reach(false))
}

/// Like [`run_all`], as the serving role under `reach` (row-level security on,
/// as the server's statements run): one transaction that sets the role and
/// the reach in one statement, then the statements. Its `BEGIN`, that
/// statement and `COMMIT` are three round trips more than [`run_all`].
pub async fn run_all_as(
    db: &DatabaseConnection,
    reach: &crate::kernel::reach::Reach,
    statements: &[Statement],
) -> anyhow::Result<()> {
    use sea_orm::TransactionTrait;
    let txn = db.begin().await?;
    let set = format!("{}, set_config('role', '{}', true)", crate::kernel::reach::set_sql(true), crate::db::APP_ROLE);
    let values = reach.settings().into_iter().map(Value::from);
    txn.query_one_raw(Statement::from_sql_and_values(DbBackend::Postgres, set, values)).await?;
    for s in statements {
        txn.query_all_raw(s.clone()).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// What `stats` runs for the figures and the children: the unit, its
/// children, and the grouped statements (the director's scope is the DR).
pub async fn stats(db: &DatabaseConnection, unit_code: &str, period: Period) -> anyhow::Result<Vec<Statement>> {
    let unit =
        org_unit::Entity::find().filter(org_unit::Column::Code.eq(unit_code)).one(db).await?.context("unit missing")?;
    let units = UnitScope::Under(vec![unit.path.clone()]);
    let now = Utc::now();
    let pg = DbBackend::Postgres;
    let mut statements = vec![
        Statement::from_sql_and_values(
            pg,
            "SELECT * FROM org_unit WHERE path LIKE $1 AND code = $2",
            [format!("{}%", unit.path).into(), unit_code.into()],
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

/// The booking figures of `stats` (total and children), from the rollup
/// (`rollup: true`, what it runs) or counted from the raw bookings (as before the rollup).
pub async fn stats_bookings(
    db: &DatabaseConnection,
    unit_code: &str,
    period: Period,
    rollup: bool,
) -> anyhow::Result<Vec<Statement>> {
    use crate::monitoring::store::rollup::{raw_sql, read_sql};
    let unit =
        org_unit::Entity::find().filter(org_unit::Column::Code.eq(unit_code)).one(db).await?.context("unit missing")?;
    let units = UnitScope::Under(vec![unit.path.clone()]);
    let read = if rollup { read_sql } else { raw_sql };
    let pg = DbBackend::Postgres;
    Ok(vec![
        read(pg, &units, &unit, period, Grouping::Total),
        read(pg, &units, &unit, period, Grouping::Children(&unit)),
    ])
}

/// The worklist's three lists, as the stores query them.
pub async fn worklist(
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
    // The statuses are bound, as the stores bind them, from the typed enums.
    let status = |s: AppointmentStatus| Value::from(s.as_str());
    let precall = |s: PrecallStatus| Value::from(s.as_str());
    Ok(vec![
        Statement::from_sql_and_values(
            pg,
            "SELECT * FROM appointment WHERE precall_assignee_id = $1 AND status = $3 \
             AND (precall_status = $4 OR (precall_status = $5 AND precall_outcome <> $6)) \
             AND local_date >= $2 ORDER BY starts_at, id LIMIT 200",
            [
                me.id.into(),
                today.into(),
                status(AppointmentStatus::Booked),
                precall(PrecallStatus::Assigned),
                precall(PrecallStatus::Done),
                PrecallOutcome::Positive.as_str().into(),
            ],
        ),
        Statement::from_sql_and_values(
            pg,
            "SELECT * FROM appointment WHERE counter_operator_id = $1 AND local_date = $2 AND status <> $3 \
             ORDER BY starts_at, id LIMIT 200",
            [me.id.into(), today.into(), status(AppointmentStatus::Cancelled)],
        ),
        Statement::from_sql_and_values(
            pg,
            "SELECT * FROM callback_request WHERE assignee_id = $1 AND status = $2 \
             ORDER BY available_from, id LIMIT 200",
            [me.id.into(), CallbackStatus::Assigned.as_str().into()],
        ),
    ])
}

/// The first page of the CRIC's quesiti, only the columns the flat list
/// shows; `nested` adds classification, CRIC and events, one statement each.
pub async fn cric_list(db: &DatabaseConnection, nested: bool) -> anyhow::Result<Vec<Statement>> {
    let cric = cric_sardegna(db).await?;
    let pg = DbBackend::Postgres;
    let page = "SELECT id, status, section, priority, subject, due_at, created_at, classification_id, unit_id \
                FROM quesito WHERE unit_id = $1 ORDER BY id DESC LIMIT 51";
    let mut statements = vec![Statement::from_sql_and_values(pg, page, [cric.id.into()])];
    if nested {
        let ids = format!("SELECT id FROM ({page}) p");
        statements.push(Statement::from_sql_and_values(
            pg,
            format!(
                "SELECT id, label FROM quesito_classification WHERE id IN \
                 (SELECT classification_id FROM ({page}) p)"
            ),
            [cric.id.into()],
        ));
        statements.push(Statement::from_sql_and_values(
            pg,
            "SELECT id, code, name FROM org_unit WHERE id = $1",
            [cric.id.into()],
        ));
        statements.push(Statement::from_sql_and_values(
            pg,
            format!("SELECT quesito_id, to_status, occurred_at FROM quesito_event WHERE quesito_id IN ({ids}) ORDER BY occurred_at"),
            [cric.id.into()],
        ));
    }
    Ok(statements)
}

/// The caller of `{ me { username } }`: what resolving the token reads.
pub async fn me(db: &DatabaseConnection, username: &str) -> anyhow::Result<Vec<Statement>> {
    let me = person::Entity::find()
        .filter(person::Column::Username.eq(username))
        .one(db)
        .await?
        .context("person missing")?;
    Ok(vec![Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT id, username FROM person WHERE id = $1",
        [me.id.into()],
    )])
}

pub async fn cric_sardegna(db: &DatabaseConnection) -> anyhow::Result<org_unit::Model> {
    org_unit::Entity::find().filter(org_unit::Column::Code.eq("CRIC-SAR")).one(db).await?.context("CRIC-SAR missing")
}

/// The professional's procure from one client, as `procuraCheck` reads them.
pub async fn procura_check(db: &DatabaseConnection, client: &str) -> anyhow::Result<Vec<Statement>> {
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
