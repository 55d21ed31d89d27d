//! Citizen identifiers and contacts, checked with the shared validators of
//! [`crate::validation`] and turned into the (Italian, English) reasons this
//! area reports per CSV row or per input field.

use crate::error::AppError;
use crate::validation::{Email, Phone, email_field, fiscal_code_field, phone_field};

/// (Italian, English) reason.
pub type Reason = (String, String);

fn reason(err: AppError) -> Reason {
    let msg = err.msg();
    (msg.it, msg.en)
}

/// A personal fiscal code (check character and omocodia verified), upper-cased.
pub fn fiscal_code(raw: &str) -> Result<String, Reason> {
    fiscal_code_field("fiscalCode", raw).map(|cf| cf.into_string()).map_err(reason)
}

/// An optional e-mail address; empty means none.
pub fn optional_email(raw: &str) -> Result<Option<String>, Reason> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    email_field("email", raw).map(|e: Email| Some(e.into_string())).map_err(reason)
}

/// An optional phone number, normalised; empty means none.
pub fn optional_phone(raw: &str) -> Result<Option<String>, Reason> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    phone_field("phone", raw).map(|p: Phone| Some(p.into_string())).map_err(reason)
}
