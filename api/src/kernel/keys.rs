//! A batch of keys in one parameter: the condition a DataLoader's look-up puts
//! on its key column.
//!
//! `col IN ($1, …, $n)` is a different statement for every number of keys: each
//! size is parsed, planned and cached on every pooled connection apart, and a
//! page of 50 binds 50 parameters. On PostgreSQL the keys travel instead as one
//! text parameter, `col = ANY(string_to_array($1, ',')::uuid[])`, so a loader
//! runs one prepared statement whatever the number of keys and the planner
//! reads it as an array it can look up in the column's index. (A text list
//! rather than a bound `uuid[]`: array binds need sea-orm's `postgres-array`
//! feature, and UUIDs hold no comma.) SQLite keeps `IN (…)`: it has no arrays,
//! and its statements cost nothing to plan.

use sea_orm::DbBackend;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ExprTrait, Value};
use uuid::Uuid;

/// `col` is one of `keys`, as one parameter on PostgreSQL (see the module docs).
pub fn any_of(backend: DbBackend, col: impl Into<Expr>, keys: &[Uuid]) -> SimpleExpr {
    let col: Expr = col.into();
    match backend {
        // One custom expression: sea-query would parenthesise a right-hand `ANY(…)`.
        DbBackend::Postgres => Expr::cust_with_exprs(
            "$1 = ANY(string_to_array($2, ',')::uuid[])",
            [col, Expr::val(Value::from(joined(keys)))],
        ),
        _ => col.is_in(keys.iter().copied()),
    }
}

/// The keys as PostgreSQL's `string_to_array` reads them back.
fn joined(keys: &[Uuid]) -> String {
    let mut out = String::with_capacity(keys.len() * 37);
    for (i, key) in keys.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&key.hyphenated().to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sea_query::{PostgresQueryBuilder, Query, SqliteQueryBuilder};

    fn keys(n: u128) -> Vec<Uuid> {
        (1..=n).map(Uuid::from_u128).collect()
    }

    fn sql(backend: DbBackend, n: u128) -> (String, usize) {
        let mut q = Query::select();
        q.expr(Expr::cust("1")).from("t").and_where(any_of(backend, Expr::col("id"), &keys(n)));
        let (sql, values) = match backend {
            DbBackend::Postgres => q.build(PostgresQueryBuilder),
            _ => q.build(SqliteQueryBuilder),
        };
        (sql, values.0.len())
    }

    #[test]
    fn on_postgres_any_number_of_keys_is_one_statement_with_one_parameter() {
        let (one, params_one) = sql(DbBackend::Postgres, 1);
        let (fifty, params_fifty) = sql(DbBackend::Postgres, 50);
        assert_eq!(one, fifty, "the statement must not depend on how many keys");
        assert_eq!((params_one, params_fifty), (1, 1));
        assert!(fifty.contains(r#""id" = ANY(string_to_array($1, ',')::uuid[])"#), "{fifty}");
    }

    #[test]
    fn on_sqlite_the_keys_stay_an_in_list() {
        let (sql, params) = sql(DbBackend::Sqlite, 3);
        assert!(sql.contains(r#""id" IN (?, ?, ?)"#), "{sql}");
        assert_eq!(params, 3);
    }

    #[test]
    fn keys_are_joined_by_commas_in_their_hyphenated_form() {
        let two = keys(2);
        assert_eq!(joined(&two), format!("{},{}", two[0], two[1]));
        assert_eq!(joined(&[]), "");
    }
}
