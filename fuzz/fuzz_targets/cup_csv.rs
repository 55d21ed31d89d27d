//! The CUP "VISUALIZZA" CSV parser on any bytes: never panics, and every row
//! it keeps is well formed (numbered after the header, unique booking number,
//! valid fiscal code, inside the CUP window).
#![no_main]

use std::collections::HashSet;

use api::appointments::cup::{MAX_ROWS, parse};
use api::validation::FiscalCode;
use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;

/// A fixed "now", the Monday the fixture files are dated for.
fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_420_800, 0).unwrap_or_default() // 2026-11-23T08:00:00Z
}

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = parse(data, "UT-CA1", now()) else { return };
    assert!(parsed.rows.len() <= MAX_ROWS);
    let mut numbers = HashSet::new();
    for row in &parsed.rows {
        assert!(row.line >= 2, "{row:?}");
        assert!(numbers.insert(row.cup_number.clone()), "repeated {}", row.cup_number);
        assert_eq!(FiscalCode::parse(&row.fiscal_code).map(|c| c.into_string()).as_ref(), Ok(&row.fiscal_code));
        assert!(!row.citizen_name.is_empty() && !row.service_code.is_empty(), "{row:?}");
        let ahead = (row.date - now().date_naive()).num_days();
        assert!((-1..=api::appointments::domain::CUP_WINDOW_DAYS + 1).contains(&ahead), "{row:?}");
    }
});
