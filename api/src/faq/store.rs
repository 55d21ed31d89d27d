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
use crate::kernel::paging::{Direction, Page};
use crate::kernel::sorting::{self, ListTotal, Sort, SortField};
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

/// What the FAQ list can be sorted by (without a search, or when a client
/// prefers a column to the best match).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaqOrderField {
    CreatedAt,
    UpdatedAt,
    Question,
    Section,
}

impl SortField for FaqOrderField {
    type Column = faq_entry::Column;
    fn name(self) -> &'static str {
        match self {
            FaqOrderField::CreatedAt => "createdAt",
            FaqOrderField::UpdatedAt => "updatedAt",
            FaqOrderField::Question => "question",
            FaqOrderField::Section => "section",
        }
    }
    fn column(self) -> faq_entry::Column {
        match self {
            FaqOrderField::CreatedAt => faq_entry::Column::CreatedAt,
            FaqOrderField::UpdatedAt => faq_entry::Column::UpdatedAt,
            FaqOrderField::Question => faq_entry::Column::Question,
            FaqOrderField::Section => faq_entry::Column::Section,
        }
    }
}

/// The list's order: as picked, else newest first.
pub fn faq_sort(picked: Option<(FaqOrderField, Direction)>) -> Sort<faq_entry::Column> {
    Sort::pick(picked, (FaqOrderField::CreatedAt, Direction::Descending))
}

/// The visible entries `s` matches, unordered; `None` when the text is only
/// stop words ([`domain::fts5_query`]), which finds nothing.
fn matching(scope: &Scope, s: &FaqSearch<'_>) -> Option<Select<faq_entry::Entity>> {
    let mut query = visible(scope);
    if let Some(section) = s.section {
        query = query.filter(faq_entry::Column::Section.eq(section.as_str()));
    }
    if !s.include_retired {
        query = query.filter(faq_entry::Column::Status.eq(FaqStatus::Published));
    }
    let Some(text) = s.text else { return Some(query) };
    Some(match scope.db().get_database_backend() {
        DbBackend::Postgres => {
            query.filter(Expr::cust_with_values(format!("{PG_DOCUMENT} @@ plainto_tsquery('italian', $1)"), [text]))
        }
        // SQLite: sea-query numbers only `?` placeholders here (`$1` is PostgreSQL's).
        _ => query.filter(Expr::cust_with_values(
            "faq_entry.id IN (SELECT faq_id FROM faq_fts WHERE faq_fts MATCH ?)",
            [domain::fts5_query(text)?],
        )),
    })
}

/// A page of the entries `s` matches in `sort`'s order, and their total.
pub async fn sorted(
    scope: &Scope,
    s: &FaqSearch<'_>,
    sort: &Sort<faq_entry::Column>,
    page: &Page,
) -> AppResult<(Vec<faq_entry::Model>, ListTotal)> {
    let Some(query) = matching(scope, s) else {
        return Ok((Vec::new(), ListTotal::counting(scope, visible(scope).filter(Expr::value(false)))));
    };
    sorting::page_of(scope, query, sort, faq_entry::Column::Id, page).await
}

/// The entries matching the text of `s`, best match first, paged by
/// `offset` (a rank is not a stable key), and their total.
pub async fn ranked(
    scope: &Scope,
    s: &FaqSearch<'_>,
    text: &str,
    offset: u64,
    limit: u64,
) -> AppResult<(Vec<faq_entry::Model>, ListTotal)> {
    let Some(query) = matching(scope, s) else {
        return Ok((Vec::new(), ListTotal::counting(scope, visible(scope).filter(Expr::value(false)))));
    };
    let total = ListTotal::counting(scope, query.clone());
    let query = match scope.db().get_database_backend() {
        DbBackend::Postgres => query.order_by(
            Expr::cust_with_values(format!("ts_rank({PG_DOCUMENT}, plainto_tsquery('italian', $1))"), [text]),
            Order::Desc,
        ),
        _ => {
            let Some(matcher) = domain::fts5_query(text) else { return Ok((Vec::new(), total)) };
            query.order_by(
                Expr::cust_with_values(
                    "(SELECT bm25(faq_fts) FROM faq_fts WHERE faq_fts MATCH ? AND faq_fts.faq_id = faq_entry.id)",
                    [matcher],
                ),
                Order::Asc,
            )
        }
    };
    let rows = query.order_by_desc(faq_entry::Column::Id).offset(offset).limit(limit).all(scope.db()).await?;
    Ok((rows, total))
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
