//! Optimistic concurrency, once for every versioned table.
//!
//! Each editable record has a `version` column. A change is written as
//! `UPDATE … SET …, version = version + 1, updated_at = now WHERE id = ? AND version = ?`:
//! of two people who loaded the same version, exactly one succeeds and the
//! other gets `CONFLICT` ("modificato da un'altra persona: ricarica e riprova").

use chrono::Utc;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter};

use crate::error::{AppError, AppResult};

/// The columns every versioned table has.
pub trait Versioned: EntityTrait {
    const ID: Self::Column;
    const VERSION: Self::Column;
    const UPDATED_AT: Self::Column;
    /// The start of the conflict message, Italian then English, e.g.
    /// ("La prenotazione è stata modificata", "The booking was changed").
    const CHANGED: (&'static str, &'static str);
}

/// The changes of one versioned update: column, new value (or expression).
pub struct Changes<E: EntityTrait>(Vec<(E::Column, SimpleExpr)>);

impl<E: EntityTrait> Default for Changes<E> {
    fn default() -> Self {
        Changes(Vec::new())
    }
}

impl<E: EntityTrait> Changes<E> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `col` to `value`.
    pub fn set(mut self, col: E::Column, value: impl Into<sea_orm::Value>) -> Self {
        self.0.push((col, Expr::value(value)));
        self
    }

    /// Sets `col` to an expression (e.g. `attempts + 1`).
    pub fn set_expr(mut self, col: E::Column, expr: impl Into<SimpleExpr>) -> Self {
        self.0.push((col, expr.into()));
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Applies `changes` to the row `id` if it is still at `version`; returns the
/// new version. No row updated means someone else changed it first: `CONFLICT`.
pub async fn update_versioned<E: Versioned>(
    conn: &impl ConnectionTrait,
    id: impl Into<sea_orm::Value>,
    version: i32,
    changes: Changes<E>,
) -> AppResult<i32> {
    let mut update = E::update_many()
        .col_expr(E::VERSION, Expr::col(E::VERSION).add(1))
        .col_expr(E::UPDATED_AT, Expr::value(Utc::now()));
    for (col, expr) in changes.0 {
        update = update.col_expr(col, expr);
    }
    let result = update.filter(E::ID.eq(id)).filter(E::VERSION.eq(version)).exec(conn).await?;
    if result.rows_affected == 0 {
        return Err(conflict::<E>());
    }
    Ok(version + 1)
}

/// The refusal of a stale version, also for callers that compare versions
/// themselves before writing.
pub fn conflict<E: Versioned>() -> AppError {
    let (it, en) = E::CHANGED;
    AppError::conflict(
        format!("{it} da un'altra persona: ricarica e riprova"),
        format!("{en} by someone else: reload and try again"),
    )
}
