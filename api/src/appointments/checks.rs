//! Citizen identifiers and contacts, checked for this area.
//!
//! The real validators (check characters, omocodia) live in `crate::validation`;
//! these adapters turn their errors into the row/field reasons this area reports.
//! Until that module reaches this branch they apply only the shape rules.

/// (Italian, English) reason.
pub type Reason = (String, String);

/// A personal fiscal code, upper-cased.
pub fn fiscal_code(raw: &str) -> Result<String, Reason> {
    let cf = raw.trim().to_ascii_uppercase();
    let shape = cf.len() == 16 && cf.chars().all(|c| c.is_ascii_alphanumeric());
    if !shape {
        return Err(("Codice fiscale non valido".into(), "Invalid fiscal code".into()));
    }
    Ok(cf)
}

/// An optional e-mail address; empty means none.
pub fn optional_email(raw: &str) -> Result<Option<String>, Reason> {
    let email = raw.trim();
    if email.is_empty() {
        return Ok(None);
    }
    let valid = email.len() <= 254
        && !email.contains(char::is_whitespace)
        && email
            .split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.') && !domain.contains('@'));
    if !valid {
        return Err(("Indirizzo e-mail non valido".into(), "Invalid e-mail address".into()));
    }
    Ok(Some(email.to_owned()))
}
