//! `VatCode::parse` and `TaxCode::parse` on any text: never panic, accept only
//! eleven digits with their check digit, and agree with the field helpers.
#![no_main]

use api::validation::{TaxCode, VatCode, tax_code_field, vat_code_field};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);

    let vat = VatCode::parse(&input);
    assert_eq!(vat_code_field("vatCode", &input).ok(), vat.clone().ok());
    if let Ok(code) = &vat {
        let text = code.as_str();
        assert_eq!(text.len(), 11);
        assert!(text.bytes().all(|b| b.is_ascii_digit()), "{text}");
        assert_eq!(VatCode::parse(text).as_ref(), Ok(code));
        // The VIES form of the same code is the same code.
        assert_eq!(VatCode::parse(&format!("IT{text}")).as_ref(), Ok(code));
    }

    let tax = TaxCode::parse(&input);
    assert_eq!(tax_code_field("taxCode", &input).ok(), tax.clone().ok());
    if let Ok(code) = &tax {
        assert_eq!(TaxCode::parse(code.as_str()).as_ref(), Ok(code));
        if let TaxCode::Numeric(vat_code) = code {
            assert_eq!(VatCode::parse(&input).as_ref(), Ok(vat_code));
        }
    }
});
