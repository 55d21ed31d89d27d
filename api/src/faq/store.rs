//! FAQ storage and Italian full-text search on both databases.
//!
//! Search is the one place where SQL differs by backend (guarded by
//! `get_database_backend()`, values always bound):
//! - PostgreSQL: `to_tsvector('italian', …) @@ plainto_tsquery('italian', $1)`,
//!   ranked by `ts_rank`, served by the GIN index on the same expression;
//! - SQLite: FTS5 `MATCH` on the Rust-stemmed `faq_fts` table, ranked by `bm25`.

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, Order, QueryFilter, QueryOrder,
    QuerySelect, Select, Statement,
};
use uuid::Uuid;

use entities::faq_entry;

use super::domain::{self, FaqStatus};
use crate::error::AppResult;
use crate::kernel::paging::{self, Direction};
use crate::kernel::versioned::Versioned;
use crate::quesiti::domain::Section;
use crate::tenancy::Scope;

/// The expression the PostgreSQL GIN index is built on (migration 000310).
pub const PG_DOCUMENT: &str =
    "to_tsvector('italian', faq_entry.question || ' ' || faq_entry.answer || ' ' || faq_entry.tags)";

fn visible(scope: &Scope) -> Select<faq_entry::Entity> {
    faq_entry::Entity::find().filter(crate::kernel::visibility::visible::<faq_entry::Entity>(scope))
}

pub async fn by_id(scope: &Scope, id: Uuid) -> AppResult<Option<faq_entry::Model>> {
    Ok(visible(scope).filter(faq_entry::Column::Id.eq(id)).one(scope.db()).await?)
}

pub async fn by_ids(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<faq_entry::Model>> {
    Ok(visible(scope).filter(faq_entry::Column::Id.is_in(ids.iter().copied())).all(scope.db()).await?)
}

pub struct FaqSearch<'a> {
    pub text: Option<&'a str>,
    pub section: Option<Section>,
    pub include_retired: bool,
}

/// Without text: newest first, keyset on id (`before`). With text: best match
/// first, paged by `offset` (a rank is not a stable key). `None` from
/// [`domain::fts5_query`] (only stop words) finds nothing.
pub async fn search(
    scope: &Scope,
    s: &FaqSearch<'_>,
    before: Option<Uuid>,
    offset: u64,
    limit: u64,
) -> AppResult<Vec<faq_entry::Model>> {
    let mut query = visible(scope);
    if let Some(section) = s.section {
        query = query.filter(faq_entry::Column::Section.eq(section.as_str()));
    }
    if !s.include_retired {
        query = query.filter(faq_entry::Column::Status.eq(FaqStatus::Published));
    }
    let Some(text) = s.text else {
        if let Some(before) = before {
            query = query.filter(paging::after_id(
                (faq_entry::Entity, faq_entry::Column::Id),
                before,
                Direction::Descending,
            ));
        }
        return Ok(query.order_by_desc(faq_entry::Column::Id).limit(limit).all(scope.db()).await?);
    };
    query = match scope.db().get_database_backend() {
        DbBackend::Postgres => query
            .filter(Expr::cust_with_values(format!("{PG_DOCUMENT} @@ plainto_tsquery('italian', $1)"), [text]))
            .order_by(
                Expr::cust_with_values(format!("ts_rank({PG_DOCUMENT}, plainto_tsquery('italian', $1))"), [text]),
                Order::Desc,
            ),
        // SQLite: sea-query numbers only `?` placeholders here (`$1` is PostgreSQL's).
        _ => {
            let Some(matcher) = domain::fts5_query(text) else { return Ok(Vec::new()) };
            query
                .filter(Expr::cust_with_values(
                    "faq_entry.id IN (SELECT faq_id FROM faq_fts WHERE faq_fts MATCH ?)",
                    [matcher.clone()],
                ))
                .order_by(
                    Expr::cust_with_values(
                        "(SELECT bm25(faq_fts) FROM faq_fts WHERE faq_fts MATCH ? AND faq_fts.faq_id = faq_entry.id)",
                        [matcher],
                    ),
                    Order::Asc,
                )
        }
    };
    Ok(query.order_by_desc(faq_entry::Column::Id).offset(offset).limit(limit).all(scope.db()).await?)
}

/// Keeps the SQLite search table in step with an entry (PostgreSQL indexes
/// the row itself). Retired entries stay indexed: the status filter on
/// `faq_entry` hides them unless `includeRetired` is asked.
async fn sync_index(conn: &impl ConnectionTrait, entry: &faq_entry::Model) -> AppResult<()> {
    if conn.get_database_backend() != DbBackend::Sqlite {
        return Ok(());
    }
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "DELETE FROM faq_fts WHERE faq_id = ?",
        [entry.id.into()],
    ))
    .await?;
    let body = domain::index_text(&entry.question, &entry.answer, &entry.tags);
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "INSERT INTO faq_fts (faq_id, body) VALUES (?, ?)",
        [entry.id.into(), body.into()],
    ))
    .await?;
    Ok(())
}

pub async fn insert(conn: &impl ConnectionTrait, e: &faq_entry::Model) -> AppResult<()> {
    faq_entry::Entity::insert(faq_entry::ActiveModel {
        id: Set(e.id),
        unit_id: Set(e.unit_id),
        section: Set(e.section),
        question: Set(e.question.clone()),
        answer: Set(e.answer.clone()),
        tags: Set(e.tags.clone()),
        source_quesito_id: Set(e.source_quesito_id),
        status: Set(e.status),
        version: Set(e.version),
        created_by_id: Set(e.created_by_id),
        created_at: Set(e.created_at),
        updated_at: Set(e.updated_at),
    })
    .exec(conn)
    .await?;
    sync_index(conn, e).await
}

impl Versioned for faq_entry::Entity {
    const ID: faq_entry::Column = faq_entry::Column::Id;
    const VERSION: faq_entry::Column = faq_entry::Column::Version;
    const UPDATED_AT: faq_entry::Column = faq_entry::Column::UpdatedAt;
    const CHANGED: (&'static str, &'static str) = ("La voce FAQ è stata modificata", "The FAQ entry was changed");
}

/// The entry as just changed in `conn` (the operation's), with the search
/// index brought in step with it.
pub async fn reindex(conn: &impl ConnectionTrait, id: Uuid) -> AppResult<Option<faq_entry::Model>> {
    let Some(row) = faq_entry::Entity::find_by_id(id).one(conn).await? else { return Ok(None) };
    sync_index(conn, &row).await?;
    Ok(Some(row))
}
