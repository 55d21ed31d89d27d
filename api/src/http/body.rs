//! The body of `POST /graphql`, read and checked before async-graphql sees it:
//!
//! - read with a deadline (`BODY_READ_TIMEOUT_SECS`): actix's `web::Bytes`
//!   extractor waits for the body as long as the client keeps the connection
//!   open, so a body sent one byte a second held a worker's connection forever;
//! - at most [`MAX_BODY_BYTES`];
//! - a JSON batch must be a non-empty array of objects: serde reads a struct
//!   from an array too, so `[]` and `["{__typename}"]` were taken by
//!   async-graphql for a single request and answered 200;
//! - a multipart upload carries at most one file: async-graphql's
//!   `max_num_files` only sizes the stream limit, and a second file part was
//!   dropped (unmapped) or replaced the first (mapped to the same variable)
//!   without a word.

use std::time::Duration;

use actix_web::web::{self, Bytes, BytesMut};
use futures::StreamExt;

use super::MAX_BODY_BYTES;

/// Files accepted in one multipart request (`importCupBookings` takes one).
pub const MAX_FILES: usize = 1;

/// Why a body was not read.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The whole body did not arrive within the deadline (HTTP 408).
    TimedOut,
    /// Longer than [`MAX_BODY_BYTES`] (HTTP 413).
    TooLarge,
    /// The connection failed while reading (HTTP 400).
    Broken(String),
}

/// The whole body, or why not, within `timeout` from now.
pub async fn read(mut payload: web::Payload, timeout: Duration) -> Result<Bytes, ReadError> {
    let deadline = tokio::time::Instant::now() + timeout;
    let mut body = BytesMut::new();
    loop {
        match tokio::time::timeout_at(deadline, payload.next()).await {
            Err(_) => return Err(ReadError::TimedOut),
            Ok(None) => return Ok(body.freeze()),
            Ok(Some(Err(err))) => return Err(ReadError::Broken(err.to_string())),
            Ok(Some(Ok(chunk))) => {
                if body.len() + chunk.len() > MAX_BODY_BYTES {
                    return Err(ReadError::TooLarge);
                }
                body.extend_from_slice(&chunk);
            }
        }
    }
}

/// Refuses a JSON body that async-graphql would misread: a top-level array
/// must hold one object per operation, and at least one.
pub fn check_json_shape(body: &[u8]) -> Result<(), String> {
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'[') {
        return Ok(());
    }
    // Parsed twice (here and by async-graphql), only for batches, at most 1 MiB.
    let operations: Vec<serde_json::Value> =
        serde_json::from_slice(body).map_err(|e| format!("Invalid JSON batch: {e}"))?;
    if operations.is_empty() {
        return Err("A batch must hold at least one operation".to_owned());
    }
    if !operations.iter().all(serde_json::Value::is_object) {
        return Err("Each operation of a batch must be a JSON object with a query".to_owned());
    }
    Ok(())
}

/// Checks a multipart request (GraphQL multipart request spec): at most
/// [`MAX_FILES`] file parts, and `operations` of the shape [`check_json_shape`] wants.
pub async fn check_multipart(boundary: &str, body: Bytes) -> Result<(), String> {
    let stream = futures::stream::once(async move { Ok::<Bytes, std::convert::Infallible>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut files = 0usize;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(()),
            Err(err) => return Err(format!("Invalid multipart body: {err}")),
        };
        match field.name() {
            Some("operations") => {
                let operations = field.bytes().await.map_err(|e| format!("Invalid multipart body: {e}"))?;
                check_json_shape(&operations)?;
            }
            Some("map") => {}
            _ => {
                files += 1;
                if files > MAX_FILES {
                    return Err(format!("A request may carry at most one file ({MAX_FILES})"));
                }
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_must_be_a_non_empty_array_of_objects() {
        assert_eq!(check_json_shape(br#"{"query":"{ __typename }"}"#), Ok(()));
        assert_eq!(check_json_shape(br#" [{"query":"{ __typename }"}]"#), Ok(()));
        assert!(check_json_shape(b"[]").unwrap_err().contains("at least one"));
        assert!(check_json_shape(b" \n[ ]").unwrap_err().contains("at least one"));
        assert!(check_json_shape(br#"["{__typename}"]"#).unwrap_err().contains("JSON object"));
        assert!(check_json_shape(br#"[{"query":"{a}"}, ["{b}"]]"#).unwrap_err().contains("JSON object"));
        assert!(check_json_shape(b"[{").is_err());
    }

    fn multipart(parts: &[(&str, Option<&str>, &str)]) -> Bytes {
        let mut body = String::new();
        for (name, file, content) in parts {
            body.push_str("--XX\r\n");
            match file {
                Some(f) => {
                    body.push_str(&format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\n"))
                }
                None => body.push_str(&format!("Content-Disposition: form-data; name=\"{name}\"\r\n")),
            }
            body.push_str(&format!("\r\n{content}\r\n"));
        }
        body.push_str("--XX--\r\n");
        Bytes::from(body)
    }

    #[tokio::test]
    async fn a_second_file_is_refused() {
        let ops = r#"{"query":"mutation($f: Upload!) { x(f: $f) }","variables":{"f":null}}"#;
        let one = multipart(&[
            ("operations", None, ops),
            ("map", None, r#"{"0":["variables.f"]}"#),
            ("0", Some("a.csv"), "a"),
        ]);
        assert_eq!(check_multipart("XX", one).await, Ok(()));
        let two = multipart(&[
            ("operations", None, ops),
            ("map", None, r#"{"0":["variables.f"]}"#),
            ("0", Some("a.csv"), "a"),
            ("1", Some("b.csv"), "b"),
        ]);
        assert!(check_multipart("XX", two).await.unwrap_err().contains("one file"));
        let empty_batch = multipart(&[("operations", None, "[]"), ("map", None, "{}")]);
        assert!(check_multipart("XX", empty_batch).await.is_err());
    }
}
