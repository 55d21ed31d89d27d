//! Errors several areas give, each written once: the same refusal reads the
//! same wherever it comes from.

use crate::error::AppError;

pub fn unit_not_found() -> AppError {
    AppError::not_found("Unità organizzativa non trovata", "Organisational unit not found")
}

/// A unit named in an input that does not exist or lies outside the caller's reach.
pub fn unknown_unit(field: &str) -> AppError {
    AppError::bad_input(field, "Unità organizzativa non trovata", "Organisational unit not found")
}

pub fn office_not_found() -> AppError {
    AppError::not_found("Ufficio non trovato", "Office not found")
}

pub fn quesito_not_found() -> AppError {
    AppError::not_found("Quesito non trovato", "Quesito not found")
}

/// A quesito named in an input that does not exist or lies outside the caller's reach.
pub fn unknown_quesito(field: &str) -> AppError {
    AppError::bad_input(field, "Quesito non trovato", "Quesito not found")
}

/// A virtual session asked of an office without a virtual counter.
pub fn no_virtual_counter(field: &str) -> AppError {
    AppError::bad_input(
        field,
        "L'ufficio non ha lo sportello virtuale attivo",
        "The office has no active virtual counter",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refusal_has_its_code_and_field() {
        assert_eq!(unit_not_found().code(), "NOT_FOUND");
        assert_eq!(unknown_unit("unitCode").code(), "BAD_USER_INPUT");
        assert_eq!(no_virtual_counter("channel").code(), "BAD_USER_INPUT");
    }
}
