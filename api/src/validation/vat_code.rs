//! Italian 11-digit numeric code: a company's VAT number (partita IVA), which
//! is also its fiscal code (and the form of provisional personal codes). The
//! last digit is a Luhn-style check digit over the first ten.

use std::fmt;

use super::fiscal_code::{FiscalCode, FiscalCodeError, fiscal_code_field};
use crate::error::AppError;

/// A valid 11-digit VAT code.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct VatCode(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VatCodeError {
    /// Not exactly 11 digits.
    Format,
    /// The last digit does not match the other ten.
    CheckDigit,
}

impl VatCode {
    /// Parses a code, with surrounding spaces trimmed (an `IT` prefix, as in
    /// the EU VIES form, is accepted and dropped).
    pub fn parse(input: &str) -> Result<Self, VatCodeError> {
        let trimmed = input.trim();
        let code = trimmed.strip_prefix("IT").or_else(|| trimmed.strip_prefix("it")).unwrap_or(trimmed);
        let bytes = code.as_bytes();
        if bytes.len() != 11 || !bytes.iter().all(u8::is_ascii_digit) {
            return Err(VatCodeError::Format);
        }
        if bytes.iter().all(|&b| b == b'0') {
            return Err(VatCodeError::Format);
        }
        if check_digit(&bytes[..10]) != bytes[10] {
            return Err(VatCodeError::CheckDigit);
        }
        Ok(VatCode(code.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for VatCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn check_digit(first10: &[u8]) -> u8 {
    let sum: u32 = first10
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                d
            } else {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            }
        })
        .sum();
    b'0' + ((10 - sum % 10) % 10) as u8
}

/// Validates the input field `field` as an 11-digit VAT code.
pub fn vat_code_field(field: &str, input: &str) -> Result<VatCode, AppError> {
    VatCode::parse(input).map_err(|err| vat_error(field, err))
}

fn vat_error(field: &str, err: VatCodeError) -> AppError {
    match err {
        VatCodeError::Format => {
            AppError::bad_input(field, "La partita IVA deve avere 11 cifre", "The VAT code must be 11 digits")
        }
        VatCodeError::CheckDigit => AppError::bad_input(
            field,
            "Partita IVA non valida: la cifra di controllo non corrisponde",
            "Invalid VAT code: the check digit does not match",
        ),
    }
}

/// Either kind of Italian tax code: a person's 16-character fiscal code or an
/// 11-digit numeric code (companies; provisional personal codes).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TaxCode {
    Personal(FiscalCode),
    Numeric(VatCode),
}

impl TaxCode {
    pub fn parse(input: &str) -> Result<Self, TaxCodeError> {
        let trimmed = input.trim();
        if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
            VatCode::parse(trimmed).map(TaxCode::Numeric).map_err(TaxCodeError::Vat)
        } else {
            FiscalCode::parse(trimmed).map(TaxCode::Personal).map_err(TaxCodeError::Fiscal)
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            TaxCode::Personal(c) => c.as_str(),
            TaxCode::Numeric(c) => c.as_str(),
        }
    }

    pub fn into_string(self) -> String {
        match self {
            TaxCode::Personal(c) => c.into_string(),
            TaxCode::Numeric(c) => c.into_string(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaxCodeError {
    Fiscal(FiscalCodeError),
    Vat(VatCodeError),
}

/// Validates the input field `field` as a fiscal code or an 11-digit VAT code.
pub fn tax_code_field(field: &str, input: &str) -> Result<TaxCode, AppError> {
    let trimmed = input.trim();
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        vat_code_field(field, trimmed).map(TaxCode::Numeric)
    } else {
        fiscal_code_field(field, trimmed).map(TaxCode::Personal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_vat_code_is_accepted() {
        // Check digits computed by hand: 0123456789 → 7.
        assert_eq!(VatCode::parse("01234567897").unwrap().as_str(), "01234567897");
        assert!(VatCode::parse("12345678903").is_ok());
    }

    #[test]
    fn a_wrong_check_digit_is_refused() {
        assert_eq!(VatCode::parse("01234567890"), Err(VatCodeError::CheckDigit));
        assert_eq!(VatCode::parse("12345678901"), Err(VatCodeError::CheckDigit));
    }

    #[test]
    fn swapping_two_adjacent_digits_is_caught() {
        assert_eq!(VatCode::parse("10234567897"), Err(VatCodeError::CheckDigit));
    }

    #[test]
    fn anything_but_eleven_digits_is_refused() {
        assert_eq!(VatCode::parse("0123456789"), Err(VatCodeError::Format));
        assert_eq!(VatCode::parse("012345678970"), Err(VatCodeError::Format));
        assert_eq!(VatCode::parse("0123456789A"), Err(VatCodeError::Format));
        assert_eq!(VatCode::parse(""), Err(VatCodeError::Format));
        assert_eq!(VatCode::parse("00000000000"), Err(VatCodeError::Format));
    }

    #[test]
    fn the_vies_prefix_and_spaces_are_tolerated() {
        assert_eq!(VatCode::parse(" IT01234567897 ").unwrap().as_str(), "01234567897");
    }

    #[test]
    fn a_tax_code_is_either_kind() {
        assert!(matches!(TaxCode::parse("01234567897"), Ok(TaxCode::Numeric(_))));
        assert!(matches!(TaxCode::parse("RSSMRA80A01H501U"), Ok(TaxCode::Personal(_))));
        assert!(matches!(TaxCode::parse("01234567890"), Err(TaxCodeError::Vat(VatCodeError::CheckDigit))));
        assert!(matches!(TaxCode::parse("RSSMRA80A01H501A"), Err(TaxCodeError::Fiscal(_))));
    }

    #[test]
    fn tax_code_field_errors_name_the_field() {
        let err = tax_code_field("clientFiscalCode", "01234567890").unwrap_err();
        assert!(matches!(err, AppError::BadUserInput { field: Some(f), .. } if f == "clientFiscalCode"));
    }
}
