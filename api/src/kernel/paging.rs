//! Relay-style forward pagination, once for every list.
//!
//! Lists are keyset-paginated: the cursor encodes the sort key of the last row
//! seen, so a page costs the same wherever it starts and rows inserted
//! meanwhile are neither skipped nor repeated. One cursor format (the key's
//! text, base64url), one default and maximum page size (used by the resolvers
//! and by the query-cost estimate alike: [`page_cost`]), and one keyset
//! condition ([`after`], [`after_id`]).

use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::{ObjectType, OutputType};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use sea_orm::Condition;
use sea_orm::sea_query::{Expr, ExprTrait, IntoColumnRef};
use uuid::Uuid;

use crate::error::{AppError, AppResult};

pub const DEFAULT_PAGE_SIZE: usize = 20;
pub const MAX_PAGE_SIZE: usize = 100;

/// The query cost of a list field: its page size (`first`, default
/// [`DEFAULT_PAGE_SIZE`]) times the cost of one node. Used in
/// `#[graphql(complexity = "page_cost(first, child_complexity)")]`.
pub fn page_cost(first: Option<i32>, child_complexity: usize) -> usize {
    first.map_or(DEFAULT_PAGE_SIZE, |n| Ord::max(n, 0) as usize) * child_complexity
}

/// Validated `first`/`after` arguments.
#[derive(Clone, Debug)]
pub struct Page {
    pub first: usize,
    /// The decoded key of the last row seen (see [`CursorKey`]).
    pub after: Option<String>,
}

impl Page {
    pub fn new(first: Option<i32>, after: Option<String>) -> AppResult<Self> {
        let first = match first {
            None => DEFAULT_PAGE_SIZE,
            Some(n) if (0..=MAX_PAGE_SIZE as i32).contains(&n) => n as usize,
            Some(_) => {
                return Err(AppError::bad_input(
                    "first",
                    format!("`first` deve essere tra 0 e {MAX_PAGE_SIZE}"),
                    format!("`first` must be between 0 and {MAX_PAGE_SIZE}"),
                ));
            }
        };
        let after = after.map(|c| decode_cursor(&c)).transpose()?;
        Ok(Page { first, after })
    }

    /// Rows to fetch: one more than asked, to learn whether a next page exists.
    pub fn fetch_limit(&self) -> u64 {
        self.first as u64 + 1
    }

    /// The key of the last row seen, as the list's key type; a cursor of
    /// another list or a forged one is `BAD_USER_INPUT` on `after`.
    pub fn after_key<K: CursorKey>(&self) -> AppResult<Option<K>> {
        self.after.as_deref().map(|s| K::from_key(s).ok_or_else(bad_cursor)).transpose()
    }

    pub fn after_uuid(&self) -> AppResult<Option<Uuid>> {
        self.after_key()
    }
}

/// A sort key a cursor can carry: written as text, read back exactly.
pub trait CursorKey: Sized {
    fn to_key(&self) -> String;
    fn from_key(key: &str) -> Option<Self>;
}

impl CursorKey for String {
    fn to_key(&self) -> String {
        self.clone()
    }
    fn from_key(key: &str) -> Option<Self> {
        Some(key.to_owned())
    }
}

impl CursorKey for Uuid {
    fn to_key(&self) -> String {
        self.to_string()
    }
    fn from_key(key: &str) -> Option<Self> {
        Uuid::parse_str(key).ok()
    }
}

impl CursorKey for DateTime<Utc> {
    fn to_key(&self) -> String {
        self.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
    }
    fn from_key(key: &str) -> Option<Self> {
        DateTime::parse_from_rfc3339(key).ok().map(|d| d.with_timezone(&Utc))
    }
}

impl CursorKey for chrono::NaiveDate {
    fn to_key(&self) -> String {
        self.to_string()
    }
    fn from_key(key: &str) -> Option<Self> {
        key.parse().ok()
    }
}

impl CursorKey for i64 {
    fn to_key(&self) -> String {
        self.to_string()
    }
    fn from_key(key: &str) -> Option<Self> {
        key.parse().ok()
    }
}

/// A sort value with the row's id as tie-breaker: `<value>|<uuid>` (the id
/// has no `|`, so the value may).
impl<V: CursorKey> CursorKey for (V, Uuid) {
    fn to_key(&self) -> String {
        format!("{}|{}", self.0.to_key(), self.1)
    }
    fn from_key(key: &str) -> Option<Self> {
        let (value, id) = key.rsplit_once('|')?;
        Some((V::from_key(value)?, Uuid::parse_str(id).ok()?))
    }
}

fn bad_cursor() -> AppError {
    AppError::bad_input("after", "Cursore di paginazione non valido", "Invalid pagination cursor")
}

pub fn encode_cursor(key: &str) -> String {
    URL_SAFE_NO_PAD.encode(key.as_bytes())
}

fn decode_cursor(cursor: &str) -> AppResult<String> {
    URL_SAFE_NO_PAD.decode(cursor).ok().and_then(|bytes| String::from_utf8(bytes).ok()).ok_or_else(bad_cursor)
}

/// Builds a connection from rows fetched with [`Page::fetch_limit`]; `key`
/// gives each row's sort key (what the next page's `after` refers to).
pub fn connection<R, K: CursorKey, N: OutputType>(
    page: &Page,
    rows: Vec<R>,
    key: impl Fn(&R) -> K,
    node: impl Fn(R) -> N,
) -> Connection<String, N> {
    connection_with(page, rows, key, node, EmptyFields)
}

/// [`connection`] with fields of the connection itself (e.g. a `totalCount`).
pub fn connection_with<R, K: CursorKey, N: OutputType, F: ObjectType>(
    page: &Page,
    mut rows: Vec<R>,
    key: impl Fn(&R) -> K,
    node: impl Fn(R) -> N,
    fields: F,
) -> Connection<String, N, F, EmptyFields> {
    let has_next = rows.len() > page.first;
    rows.truncate(page.first);
    let mut conn = Connection::with_additional_fields(page.after.is_some(), has_next, fields);
    conn.edges.extend(rows.into_iter().map(|r| Edge::new(encode_cursor(&key(&r).to_key()), node(r))));
    conn
}

/// Which way a list runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

/// Rows after `id` in a list ordered by id alone.
pub fn after_id(id_col: impl IntoColumnRef, id: Uuid, dir: Direction) -> Condition {
    let col = Expr::col(id_col);
    Condition::all().add(match dir {
        Direction::Ascending => col.gt(id),
        Direction::Descending => col.lt(id),
    })
}

/// Rows after `(value, id)` in a list ordered by `sort_col` then `id_col`,
/// both in `dir`: `sort > v OR (sort = v AND id > i)` (or `<` descending).
pub fn after<V: Into<sea_orm::Value> + Clone>(
    sort_col: impl IntoColumnRef + Clone,
    id_col: impl IntoColumnRef,
    (value, id): (V, Uuid),
    dir: Direction,
) -> Condition {
    let beyond = |col: Expr, v: sea_orm::Value| match dir {
        Direction::Ascending => col.gt(v),
        Direction::Descending => col.lt(v),
    };
    Condition::any()
        .add(beyond(Expr::col(sort_col.clone()), value.clone().into()))
        .add(Condition::all().add(Expr::col(sort_col).eq(value.into())).add(beyond(Expr::col(id_col), id.into())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_size_defaults_and_is_capped() {
        assert_eq!(Page::new(None, None).unwrap().first, DEFAULT_PAGE_SIZE);
        assert_eq!(Page::new(Some(100), None).unwrap().first, 100);
        assert!(Page::new(Some(101), None).is_err());
        assert!(Page::new(Some(-1), None).is_err());
        assert_eq!(page_cost(None, 3), 3 * DEFAULT_PAGE_SIZE);
        assert_eq!(page_cost(Some(-5), 3), 0);
    }

    #[test]
    fn cursors_round_trip_and_garbage_is_rejected() {
        let c = encode_cursor("/IT/SAR/");
        assert_eq!(Page::new(None, Some(c)).unwrap().after.as_deref(), Some("/IT/SAR/"));
        assert!(Page::new(None, Some("%%%".into())).is_err());
    }

    #[test]
    fn composite_keys_round_trip_and_a_key_of_another_list_is_bad_input() {
        let at = DateTime::parse_from_rfc3339("2026-12-01T09:15:00.123Z").unwrap().with_timezone(&Utc);
        let key = (at, Uuid::now_v7());
        let page = Page::new(None, Some(encode_cursor(&key.to_key()))).unwrap();
        assert_eq!(page.after_key::<(DateTime<Utc>, Uuid)>().unwrap(), Some(key));
        let text = ("a|b".to_owned(), Uuid::nil());
        assert_eq!(<(String, Uuid)>::from_key(&text.to_key()), Some(text));
        let err = page.after_uuid().unwrap_err();
        assert_eq!(err.code(), "BAD_USER_INPUT");
    }

    #[test]
    fn the_keyset_condition_breaks_ties_on_the_id() {
        use sea_orm::sea_query::{Alias, PostgresQueryBuilder, Query};
        let cond = after(Alias::new("due_at"), Alias::new("id"), (5_i64, Uuid::nil()), Direction::Descending);
        let sql = Query::select()
            .column(Alias::new("id"))
            .from(Alias::new("t"))
            .cond_where(cond)
            .to_string(PostgresQueryBuilder);
        assert!(
            sql.contains(r#""due_at" < 5 OR ("due_at" = 5 AND "id" < '00000000-0000-0000-0000-000000000000')"#),
            "{sql}"
        );
    }
}
