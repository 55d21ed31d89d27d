//! TEMPORARY stand-in for `crate::validation` (being written on another
//! branch): same function names, format checks only, no check characters.
//! Replaced by `crate::validation` at the first merge of main that has it.

use crate::error::{AppError, AppResult};

pub struct Code(String);

impl Code {
    pub fn into_string(self) -> String {
        self.0
    }
}

pub fn fiscal_code_field(field: &str, input: &str) -> AppResult<Code> {
    let c = input.trim().to_ascii_uppercase();
    if c.len() == 16 && c.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(Code(c))
    } else {
        Err(AppError::bad_input(field, "Codice fiscale non valido", "Invalid fiscal code"))
    }
}

pub fn tax_code_field(field: &str, input: &str) -> AppResult<Code> {
    let c = input.trim();
    if c.len() == 11 && c.bytes().all(|b| b.is_ascii_digit()) {
        Ok(Code(c.to_owned()))
    } else {
        fiscal_code_field(field, c)
    }
}

pub fn email_field(field: &str, input: &str) -> AppResult<Code> {
    if input.contains('@') {
        Ok(Code(input.trim().to_owned()))
    } else {
        Err(AppError::bad_input(field, "E-mail non valida", "Invalid e-mail"))
    }
}
