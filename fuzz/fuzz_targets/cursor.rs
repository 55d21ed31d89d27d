//! Pagination arguments from any input: `Page::new` and `after_uuid` never
//! panic, a cursor that decodes is the canonical encoding of its key, and an
//! encoded key decodes back to itself.
#![no_main]

use api::kernel::paging::{MAX_PAGE_SIZE, Page, encode_cursor};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first four bytes, when there are, are `first`; the rest is `after`.
    let (first, rest) = match data.split_first_chunk::<4>() {
        Some((head, rest)) => (Some(i32::from_le_bytes(*head)), rest),
        None => (None, data),
    };
    let after = String::from_utf8_lossy(rest).into_owned();

    if let Ok(page) = Page::new(first, Some(after.clone())) {
        assert!(page.first <= MAX_PAGE_SIZE);
        let key = page.after.clone().unwrap_or_default();
        assert_eq!(encode_cursor(&key), after, "a cursor decodes to a key that encodes differently");
        if let Ok(Some(id)) = page.after_uuid() {
            assert!(uuid_text(&key, &id), "{key} is not {id}");
        }
    }

    // Any text, used as a key, survives the round trip.
    let page = Page::new(None, Some(encode_cursor(&after)));
    assert_eq!(page.ok().and_then(|p| p.after), Some(after));
});

/// `key` is one of the textual forms `Uuid::parse_str` accepts for `id`.
fn uuid_text(key: &str, id: &uuid::Uuid) -> bool {
    let lower = key.to_ascii_lowercase();
    [id.hyphenated().to_string(), id.simple().to_string(), id.braced().to_string(), id.urn().to_string()].contains(&lower)
}
