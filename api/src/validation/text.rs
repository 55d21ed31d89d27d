//! Free text: trimmed, not blank when required, within a length in characters,
//! and without control characters (newlines and tabs excepted in long text).

use crate::error::AppError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextError {
    Blank,
    TooShort { min: usize },
    TooLong { max: usize },
    ControlCharacters,
}

/// Checks `input` and returns it trimmed. `min`/`max` count characters, not bytes.
pub fn check_text(input: &str, min: usize, max: usize) -> Result<String, TextError> {
    let trimmed = input.trim();
    if trimmed.is_empty() && min > 0 {
        return Err(TextError::Blank);
    }
    let len = trimmed.chars().count();
    if len < min {
        return Err(TextError::TooShort { min });
    }
    if len > max {
        return Err(TextError::TooLong { max });
    }
    if trimmed.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
        return Err(TextError::ControlCharacters);
    }
    Ok(trimmed.to_owned())
}

/// Validates a required text field: at least `min` (≥ 1) and at most `max` characters.
pub fn text_field(field: &str, input: &str, min: usize, max: usize) -> Result<String, AppError> {
    check_text(input, min.max(1), max).map_err(|err| text_error(field, err))
}

/// An optional text field: absent or blank gives `None`; otherwise at most `max` characters.
pub fn optional_text_field(field: &str, input: Option<&str>, max: usize) -> Result<Option<String>, AppError> {
    match input.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => check_text(text, 0, max).map(Some).map_err(|err| text_error(field, err)),
    }
}

fn text_error(field: &str, err: TextError) -> AppError {
    match err {
        TextError::Blank => AppError::bad_input(field, "Campo obbligatorio", "This field is required"),
        TextError::TooShort { min } => AppError::bad_input(
            field,
            format!("Testo troppo breve: almeno {min} caratteri"),
            format!("Text too short: at least {min} characters"),
        ),
        TextError::TooLong { max } => AppError::bad_input(
            field,
            format!("Testo troppo lungo: al massimo {max} caratteri"),
            format!("Text too long: at most {max} characters"),
        ),
        TextError::ControlCharacters => AppError::bad_input(
            field,
            "Il testo contiene caratteri di controllo non ammessi",
            "The text contains control characters that are not allowed",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed() {
        assert_eq!(check_text("  ciao  ", 1, 10).unwrap(), "ciao");
    }

    #[test]
    fn blank_text_is_refused_when_required() {
        assert_eq!(check_text("   ", 1, 10), Err(TextError::Blank));
        assert!(text_field("subject", "", 0, 10).is_err());
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        assert!(check_text("perché", 1, 6).is_ok());
        assert_eq!(check_text("perchéé", 1, 6), Err(TextError::TooLong { max: 6 }));
        assert_eq!(check_text("ab", 3, 6), Err(TextError::TooShort { min: 3 }));
    }

    #[test]
    fn control_characters_are_refused_but_newlines_kept() {
        assert_eq!(check_text("a\u{0}b", 1, 10), Err(TextError::ControlCharacters));
        assert_eq!(check_text("riga 1\nriga 2", 1, 20).unwrap(), "riga 1\nriga 2");
    }

    #[test]
    fn optional_text_turns_blank_into_none() {
        assert_eq!(optional_text_field("note", Some("  "), 10).unwrap(), None);
        assert_eq!(optional_text_field("note", None, 10).unwrap(), None);
        assert_eq!(optional_text_field("note", Some(" x "), 10).unwrap(), Some("x".into()));
        assert!(optional_text_field("note", Some("troppo lungo"), 5).is_err());
    }
}
