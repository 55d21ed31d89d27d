//! Relay-style forward pagination shared by every list.
//!
//! Lists are keyset-paginated: the cursor encodes the sort key of the last row
//! seen, so a page costs the same wherever it starts and rows inserted
//! meanwhile are neither skipped nor repeated.

use async_graphql::OutputType;
use async_graphql::connection::{Connection, Edge};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use uuid::Uuid;

use crate::error::{AppError, AppResult};

pub const DEFAULT_PAGE_SIZE: usize = 20;
pub const MAX_PAGE_SIZE: usize = 100;

/// Validated `first`/`after` arguments.
#[derive(Clone, Debug)]
pub struct Page {
    pub first: usize,
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

    pub fn after_uuid(&self) -> AppResult<Option<Uuid>> {
        self.after.as_deref().map(|s| Uuid::parse_str(s).map_err(|_| bad_cursor())).transpose()
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
pub fn connection<R, N: OutputType>(
    page: &Page,
    mut rows: Vec<R>,
    key: impl Fn(&R) -> String,
    node: impl Fn(R) -> N,
) -> Connection<String, N> {
    let has_next = rows.len() > page.first;
    rows.truncate(page.first);
    let mut conn = Connection::new(page.after.is_some(), has_next);
    conn.edges.extend(rows.into_iter().map(|r| Edge::new(encode_cursor(&key(&r)), node(r))));
    conn
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
    }

    #[test]
    fn cursors_round_trip_and_garbage_is_rejected() {
        let c = encode_cursor("/IT/SAR/");
        assert_eq!(Page::new(None, Some(c)).unwrap().after.as_deref(), Some("/IT/SAR/"));
        assert!(Page::new(None, Some("%%%".into())).is_err());
    }
}
