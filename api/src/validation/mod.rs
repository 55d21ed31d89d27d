//! Validators shared by every area: fiscal codes, VAT codes, e-mail, phone
//! numbers and free-text lengths.
//!
//! Two layers:
//! - pure parsers (`FiscalCode::parse`, `VatCode::parse`, …) returning a typed
//!   value or a typed error, unit-tested in their module;
//! - `*_field` helpers that turn the error into `BAD_USER_INPUT` naming the
//!   GraphQL input field, for resolvers and services. Call them all before
//!   opening the transaction, so bad input never leaves a partial write.

mod contact;
mod fiscal_code;
mod text;
mod vat_code;

pub use contact::{Email, Phone, email_field, phone_field};
pub use fiscal_code::{FiscalCode, FiscalCodeError, fiscal_code_field};
pub use text::{TextError, check_text, optional_text_field, text_field};
pub use vat_code::{TaxCode, VatCode, VatCodeError, tax_code_field, vat_code_field};
