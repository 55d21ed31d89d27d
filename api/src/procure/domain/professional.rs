//! Who may declare procure: the Entratel user types, the register (albo) entry, names.

use crate::error::{AppError, AppResult};

/// Entratel user types that may declare procure: commercialisti (A10, A20, A25)
/// and consulenti del lavoro (A30, A56).
pub const DECLARING_TYPES: [&str; 5] = ["A10", "A20", "A25", "A30", "A56"];

/// Profession as implied by the Entratel user type.
#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ProfessionCategory {
    /// Dottore commercialista / esperto contabile (A10, A20, A25).
    Commercialista,
    /// Consulente del lavoro (A30, A56).
    ConsulenteDelLavoro,
    /// Any other Entratel user type: may not declare procure.
    Other,
}

/// An Entratel user type code: one capital letter and two digits (e.g. `A10`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntratelUserType(String);

impl EntratelUserType {
    pub fn parse(input: &str) -> AppResult<Self> {
        let code = input.trim().to_ascii_uppercase();
        let b = code.as_bytes();
        let well_formed = b.len() == 3 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit);
        if !well_formed {
            return Err(AppError::bad_input(
                "entratelUserType",
                "Tipo utente Entratel non valido (es. A10)",
                "Invalid Entratel user type (e.g. A10)",
            ));
        }
        Ok(EntratelUserType(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn category(&self) -> ProfessionCategory {
        match self.0.as_str() {
            "A10" | "A20" | "A25" => ProfessionCategory::Commercialista,
            "A30" | "A56" => ProfessionCategory::ConsulenteDelLavoro,
            _ => ProfessionCategory::Other,
        }
    }

    pub fn may_declare(&self) -> bool {
        DECLARING_TYPES.contains(&self.0.as_str())
    }
}

/// Is a professional in a position to declare procure? (type and verification)
pub fn ensure_may_declare(entratel_type: &str, verified: bool) -> AppResult<()> {
    if !verified {
        return Err(AppError::forbidden(
            "La registrazione come professionista è in attesa di verifica: non puoi ancora dichiarare procure",
            "Your professional registration is awaiting verification: you cannot declare procure yet",
        ));
    }
    let may = EntratelUserType::parse(entratel_type).is_ok_and(|t| t.may_declare());
    if !may {
        return Err(AppError::forbidden(
            format!(
                "Il tipo utente Entratel {entratel_type} non può dichiarare procure: \
                 sono ammessi A10, A20, A25 (commercialisti) e A30, A56 (consulenti del lavoro)"
            ),
            format!(
                "Entratel user type {entratel_type} may not declare procure: \
                 only A10, A20, A25 (commercialisti) and A30, A56 (consulenti del lavoro) may"
            ),
        ));
    }
    Ok(())
}

/// A professional-register (albo) entry: name, province (sigla) and number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Albo {
    pub name: String,
    pub province: String,
    pub number: String,
}

impl Albo {
    pub fn parse(name: &str, province: &str, number: &str) -> AppResult<Self> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(AppError::bad_input(
                "albo",
                "Indica l'albo professionale (al massimo 200 caratteri)",
                "Name the professional register (at most 200 characters)",
            ));
        }
        let province = province.trim().to_ascii_uppercase();
        if province.len() != 2 || !province.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(AppError::bad_input(
                "alboProvince",
                "La provincia dell'albo è la sigla di due lettere (es. RM)",
                "The register's province is its two-letter code (e.g. RM)",
            ));
        }
        let number = number.trim();
        let number_ok = !number.is_empty()
            && number.len() <= 32
            && number.chars().all(|c| c.is_ascii_alphanumeric() || c == '/' || c == '-');
        if !number_ok {
            return Err(AppError::bad_input(
                "alboNumber",
                "Numero di iscrizione all'albo non valido",
                "Invalid register number",
            ));
        }
        Ok(Albo { name: name.to_owned(), province, number: number.to_owned() })
    }
}

/// A person's name as shown on the register: 1–200 characters.
pub fn parse_name(field: &str, name: &str) -> AppResult<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(AppError::bad_input(
            field,
            "Indica il nome (al massimo 200 caratteri)",
            "Give the name (at most 200 characters)",
        ));
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_five_entratel_types_may_declare_and_others_are_told_why() {
        for t in DECLARING_TYPES {
            assert!(EntratelUserType::parse(t).unwrap().may_declare());
            assert!(ensure_may_declare(t, true).is_ok());
        }
        assert_eq!(EntratelUserType::parse("a30").unwrap().category(), ProfessionCategory::ConsulenteDelLavoro);
        let err = ensure_may_declare("A40", true).unwrap_err();
        assert_eq!(err.code(), "FORBIDDEN");
        assert!(err.msg().en.contains("A40"));
        assert!(EntratelUserType::parse("10A").is_err());
        assert!(EntratelUserType::parse("A100").is_err());
    }

    #[test]
    fn an_unverified_professional_may_not_declare_yet() {
        assert_eq!(ensure_may_declare("A10", false).unwrap_err().code(), "FORBIDDEN");
    }

    #[test]
    fn albo_province_is_a_two_letter_code() {
        assert_eq!(Albo::parse("ODCEC Roma", "rm", "AA-123").unwrap().province, "RM");
        assert!(Albo::parse("ODCEC Roma", "Roma", "1").is_err());
        assert!(Albo::parse("", "RM", "1").is_err());
        assert!(Albo::parse("ODCEC", "RM", "1 2").is_err());
    }
}
