//! `FiscalCode::parse` on any text: never panics, and what it accepts is a
//! normalised code that parses again to itself (so does its base code).
#![no_main]

use api::validation::{FiscalCode, fiscal_code_field};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let parsed = FiscalCode::parse(&input);

    // Case and surrounding spaces never change the outcome.
    assert_eq!(FiscalCode::parse(&input.to_ascii_lowercase()), parsed);
    assert_eq!(FiscalCode::parse(input.trim()), parsed);
    // The field helper agrees with the parser.
    assert_eq!(fiscal_code_field("fiscalCode", &input).ok(), parsed.clone().ok());

    let Ok(code) = parsed else { return };
    let text = code.as_str();
    assert_eq!(text.len(), 16);
    assert!(text.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()), "{text}");
    assert_eq!(FiscalCode::parse(text).as_ref(), Ok(&code));

    // The base code (omocodia undone) is itself valid and has no substitutions left.
    let base = code.without_omocodia();
    let reparsed = FiscalCode::parse(&base).unwrap_or_else(|e| panic!("base of {text} is {base}: {e:?}"));
    assert_eq!(reparsed.without_omocodia(), base);
});
