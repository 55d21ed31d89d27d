//! PostgreSQL row-level security: the second wall behind the SQL scope.
//!
//! The server serves requests as the role `accoglienza_app`, which owns
//! nothing: it may read and write the tables (never alter them, never rewrite
//! the audit trail) and, on the tables with organisation-owned rows, sees only
//! the rows whose unit lies under one of the path prefixes of the reach it was
//! given for that table (`api/src/kernel/reach.rs` sets it per request). With
//! no reach set it sees none. `FORCE` makes the owner subject to the policies
//! too; migrations and data loads run with the whole reach (`*`).
//!
//! SQLite has no such mechanism: there the SQL scope is the only wall.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const ROLE: &str = "accoglienza_app";

/// A guarded table: its reach setting and the unit columns that make a row
/// visible (any of them), and whether a row with all of them NULL is visible
/// to callers whose reach includes rows of no unit.
struct Guarded {
    table: &'static str,
    setting: &'static str,
    unit_columns: &'static [&'static str],
    unowned_rows: bool,
    /// A column naming the person a row is assigned to, who sees it wherever they work.
    assignee_column: Option<&'static str>,
}

const GUARDED: &[Guarded] = &[
    Guarded {
        table: "quesito",
        setting: "accoglienza.quesito",
        unit_columns: &["unit_id", "filed_by_unit_id", "forwarded_to_unit_id"],
        unowned_rows: false,
        assignee_column: None,
    },
    Guarded {
        table: "appointment",
        setting: "accoglienza.appointment",
        unit_columns: &["unit_id", "booked_by_unit_id"],
        unowned_rows: false,
        assignee_column: None,
    },
    Guarded {
        table: "callback_request",
        setting: "accoglienza.callback",
        unit_columns: &["unit_id", "requested_by_unit_id"],
        unowned_rows: false,
        assignee_column: Some("assignee_id"),
    },
    Guarded {
        table: "ccm_contact",
        setting: "accoglienza.contact",
        unit_columns: &["unit_id"],
        unowned_rows: false,
        assignee_column: None,
    },
    Guarded {
        table: "audit_event",
        setting: "accoglienza.any",
        unit_columns: &["unit_id", "acting_unit_id"],
        unowned_rows: true,
        assignee_column: None,
    },
    Guarded {
        table: "role_assignment",
        setting: "accoglienza.any",
        unit_columns: &["unit_id"],
        unowned_rows: true,
        assignee_column: None,
    },
];

/// The reach as an array: `*`, `LIKE` patterns of unit paths, `-` for rows of no unit.
fn reach(setting: &str) -> String {
    format!("string_to_array(current_setting('{setting}', true), ',')")
}

fn visible(g: &Guarded) -> String {
    let reach = reach(g.setting);
    let mut any = vec![format!("'*' = ANY ({reach})")];
    for col in g.unit_columns {
        any.push(format!("{col} IN (SELECT u.id FROM org_unit u WHERE u.path LIKE ANY ({reach}))"));
    }
    if g.unowned_rows {
        let none: Vec<String> = g.unit_columns.iter().map(|c| format!("{c} IS NULL")).collect();
        any.push(format!("({} AND '-' = ANY ({reach}))", none.join(" AND ")));
    }
    if let Some(col) = g.assignee_column {
        any.push(format!("{col} = NULLIF(current_setting('accoglienza.person', true), '')::uuid"));
    }
    format!("({})", any.join(" OR "))
}

fn up_statements() -> Vec<String> {
    let mut sql = vec![
        // Roles belong to the cluster: made once, by whichever database migrates first.
        format!(
            "DO $$ BEGIN CREATE ROLE {ROLE} NOLOGIN; \
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        ),
        // The owner's own sessions may drop to the role (the single-URL setup).
        format!(
            "DO $$ BEGIN EXECUTE format('GRANT {ROLE} TO %I', current_user); \
             EXCEPTION WHEN others THEN NULL; END $$"
        ),
        format!("DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO {ROLE}', current_schema()); END $$"),
        format!(
            "DO $$ BEGIN EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO {ROLE}', \
             current_schema()); END $$"
        ),
        format!(
            "DO $$ BEGIN EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I \
             GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {ROLE}', current_schema()); END $$"
        ),
        // The migrations' ledger and the audit trail are never rewritten by the server.
        format!("REVOKE INSERT, UPDATE, DELETE ON seaql_migrations FROM {ROLE}"),
        format!("REVOKE UPDATE, DELETE ON audit_event FROM {ROLE}"),
    ];
    for g in GUARDED {
        let t = g.table;
        let visible = visible(g);
        sql.push(format!("ALTER TABLE {t} ENABLE ROW LEVEL SECURITY"));
        sql.push(format!("ALTER TABLE {t} FORCE ROW LEVEL SECURITY"));
        sql.push(format!("CREATE POLICY within_reach ON {t} USING {visible} WITH CHECK {visible}"));
    }
    // A quesito's history is visible with its quesito.
    sql.push("ALTER TABLE quesito_event ENABLE ROW LEVEL SECURITY".into());
    sql.push("ALTER TABLE quesito_event FORCE ROW LEVEL SECURITY".into());
    let of_visible_quesito = "(EXISTS (SELECT 1 FROM quesito q WHERE q.id = quesito_event.quesito_id))";
    sql.push(format!(
        "CREATE POLICY within_reach ON quesito_event USING {of_visible_quesito} WITH CHECK {of_visible_quesito}"
    ));
    // Whoever acts records it, also about rows they will not read back.
    sql.push("CREATE POLICY anyone_appends ON audit_event FOR INSERT WITH CHECK (true)".into());
    sql
}

fn down_statements() -> Vec<String> {
    let mut sql = vec!["DROP POLICY IF EXISTS anyone_appends ON audit_event".to_owned()];
    for t in GUARDED.iter().map(|g| g.table).chain(["quesito_event"]) {
        sql.push(format!("DROP POLICY IF EXISTS within_reach ON {t}"));
        sql.push(format!("ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY"));
        sql.push(format!("ALTER TABLE {t} DISABLE ROW LEVEL SECURITY"));
    }
    sql.push(format!(
        "DO $$ BEGIN EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM {ROLE}', current_schema()); END $$"
    ));
    sql
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_on_postgres(manager, up_statements()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_on_postgres(manager, down_statements()).await
    }
}

async fn run_on_postgres(manager: &SchemaManager<'_>, statements: Vec<String>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    for sql in statements {
        db.execute_unprepared(&sql).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_visible_through_any_of_its_unit_columns_or_the_whole_reach() {
        let sql = visible(&GUARDED[1]);
        assert!(sql.starts_with("('*' = ANY (string_to_array(current_setting('accoglienza.appointment', true), ','))"));
        assert!(sql.contains("unit_id IN (SELECT u.id FROM org_unit u WHERE u.path LIKE ANY"), "{sql}");
        assert!(sql.contains("booked_by_unit_id IN"), "{sql}");
        assert!(!sql.contains("IS NULL"), "{sql}");
    }

    #[test]
    fn rows_of_no_unit_need_the_marker() {
        let sql = visible(&GUARDED[4]);
        assert!(sql.contains("(unit_id IS NULL AND acting_unit_id IS NULL AND '-' = ANY"), "{sql}");
    }
}
