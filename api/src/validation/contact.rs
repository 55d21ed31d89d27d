//! E-mail addresses and phone numbers: syntax only (whether they reach anyone
//! is for the delivery to find out).

use std::fmt;

use crate::error::AppError;

/// A syntactically valid e-mail address (RFC 5322 addr-spec, via the
/// `email_address` crate), trimmed; the domain is lower-cased.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// Longest address accepted (RFC 5321 path limit).
    pub const MAX_LEN: usize = 254;

    pub fn parse(input: &str) -> Option<Self> {
        let trimmed = input.trim();
        if trimmed.len() > Self::MAX_LEN {
            return None;
        }
        let parsed = email_address::EmailAddress::parse_with_options(
            trimmed,
            email_address::Options::default().without_display_text().without_domain_literal(),
        )
        .ok()?;
        // A deliverable address needs a dotted domain.
        let domain = parsed.domain();
        if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
            return None;
        }
        Some(Email(format!("{}@{}", parsed.local_part(), domain.to_ascii_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn email_field(field: &str, input: &str) -> Result<Email, AppError> {
    Email::parse(input).ok_or_else(|| crate::kernel::messages::invalid_email(field))
}

/// A phone number normalised to digits with an optional leading `+`
/// (spaces, dots, dashes and parentheses dropped): 6 to 15 digits (E.164 max).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Phone(String);

impl Phone {
    pub fn parse(input: &str) -> Option<Self> {
        let trimmed = input.trim();
        let (plus, rest) = match trimmed.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        let mut digits = String::with_capacity(rest.len());
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '.' | '-' | '/' | '(' | ')' => {}
                _ => return None,
            }
        }
        if !(6..=15).contains(&digits.len()) {
            return None;
        }
        Some(Phone(if plus { format!("+{digits}") } else { digits }))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn phone_field(field: &str, input: &str) -> Result<Phone, AppError> {
    Phone::parse(input).ok_or_else(|| {
        AppError::bad_input(
            field,
            "Numero di telefono non valido: da 6 a 15 cifre, eventualmente precedute da +",
            "Invalid phone number: 6 to 15 digits, optionally preceded by +",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_addresses_are_accepted_and_the_domain_lower_cased() {
        assert_eq!(Email::parse(" Mario.Rossi@Example.IT ").unwrap().as_str(), "Mario.Rossi@example.it");
        assert!(Email::parse("a+tag@pec.comune.roma.it").is_some());
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in [
            "",
            "mario",
            "mario@",
            "@example.it",
            "mario@example",
            "ma rio@example.it",
            "a@b@c.it",
            "Mario <mario@example.it>",
        ] {
            assert!(Email::parse(bad).is_none(), "{bad} accepted");
        }
    }

    #[test]
    fn overlong_addresses_are_refused() {
        let long = format!("{}@example.it", "a".repeat(250));
        assert!(Email::parse(&long).is_none());
    }

    #[test]
    fn phone_numbers_are_normalised() {
        assert_eq!(Phone::parse("+39 070 123 4567").unwrap().as_str(), "+390701234567");
        assert_eq!(Phone::parse("(070) 12.34-56").unwrap().as_str(), "070123456");
        assert_eq!(Phone::parse("333/1234567").unwrap().as_str(), "3331234567");
    }

    #[test]
    fn phone_numbers_with_letters_or_wrong_lengths_are_refused() {
        for bad in ["", "12345", "+1234567890123456", "070-CALL-ME", "++39070123456", "39 070 12 34 56 78 90 12"] {
            assert!(Phone::parse(bad).is_none(), "{bad} accepted");
        }
    }
}
