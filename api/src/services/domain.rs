//! Catalogue rules.

use crate::authz::Role;
use crate::error::{AppError, AppResult};

/// Roles that make someone staff of an office: they can be given precalls,
/// counter sessions and callbacks there.
pub const OFFICE_STAFF: [Role; 3] = [Role::Operator, Role::RoomCoordinator, Role::OfficeDirector];

/// A service code: 2–32 of A–Z, 0–9, `-` and `_`, upper-cased.
pub fn service_code(raw: &str) -> AppResult<String> {
    let code = raw.trim().to_ascii_uppercase();
    let valid = (2..=32).contains(&code.len())
        && code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if !valid {
        return Err(AppError::bad_input(
            "code",
            "Codice servizio non valido (2–32 caratteri: A–Z, 0–9, - e _)",
            "Invalid service code (2–32 characters: A–Z, 0–9, - and _)",
        ));
    }
    Ok(code)
}

/// A required label of at most `max` characters, trimmed.
pub fn label(field: &str, raw: &str, max: usize) -> AppResult<String> {
    let text = raw.trim();
    if text.is_empty() || text.chars().count() > max {
        return Err(AppError::bad_input(
            field,
            format!("Il campo è obbligatorio e non può superare {max} caratteri"),
            format!("The field is required and at most {max} characters long"),
        ));
    }
    Ok(text.to_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn service_codes_are_upper_cased_and_checked() {
        assert_eq!(service_code(" succ ").unwrap(), "SUCC");
        assert!(service_code("a").is_err());
        assert!(service_code("REG ATTI").is_err());
        assert!(service_code("X%").is_err());
    }

    #[test]
    fn labels_are_required_and_bounded() {
        assert_eq!(label("name", "  Successioni ", 200).unwrap(), "Successioni");
        assert!(label("name", "   ", 200).is_err());
        assert!(label("name", &"x".repeat(201), 200).is_err());
    }
}
