//! Italian personal fiscal code (codice fiscale, 16 characters) with its check
//! character, including omocodia: when two people would get the same code, the
//! Agenzia delle Entrate replaces digits, from the right, with the letters
//! `L M N P Q R S T U V` (standing for 0–9). A substituted code is a different,
//! equally valid code with its own check character.

use std::fmt;

use crate::error::AppError;

/// Letters standing for the digits 0–9 in an omocode.
const OMOCODIA: [u8; 10] = *b"LMNPQRSTUV";
/// Month letters, January to December.
const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";
/// Positions (0-based) that hold digits in a code without substitutions.
const DIGIT_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];

/// A structurally valid personal fiscal code, upper case.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FiscalCode(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FiscalCodeError {
    /// Not 16 characters.
    Length,
    /// A character is not allowed where it stands.
    Format,
    /// Month letter or day of birth impossible.
    BirthDate,
    /// The last character does not match the other fifteen.
    CheckCharacter,
}

impl FiscalCode {
    /// Parses a code given in any case, with surrounding spaces trimmed.
    pub fn parse(input: &str) -> Result<Self, FiscalCodeError> {
        let code = input.trim().to_ascii_uppercase();
        let bytes = code.as_bytes();
        if bytes.len() != 16 || !code.is_ascii() {
            return Err(FiscalCodeError::Length);
        }
        for (i, &b) in bytes.iter().enumerate() {
            let ok = if DIGIT_POSITIONS.contains(&i) {
                b.is_ascii_digit() || OMOCODIA.contains(&b)
            } else {
                b.is_ascii_uppercase()
            };
            if !ok {
                return Err(FiscalCodeError::Format);
            }
        }
        if !MONTHS.contains(&bytes[8]) {
            return Err(FiscalCodeError::BirthDate);
        }
        let day = digit(bytes[9]) * 10 + digit(bytes[10]);
        if !((1..=31).contains(&day) || (41..=71).contains(&day)) {
            return Err(FiscalCodeError::BirthDate);
        }
        if check_character(&bytes[..15]) != bytes[15] {
            return Err(FiscalCodeError::CheckCharacter);
        }
        Ok(FiscalCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// The code with every omocodia letter turned back into its digit (the
    /// check character recomputed): the "base" code the person would have had.
    pub fn without_omocodia(&self) -> String {
        let mut bytes: Vec<u8> = self.0.bytes().collect();
        for &i in &DIGIT_POSITIONS {
            if let Some(pos) = OMOCODIA.iter().position(|&l| l == bytes[i]) {
                bytes[i] = b'0' + pos as u8;
            }
        }
        bytes[15] = check_character(&bytes[..15]);
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl fmt::Display for FiscalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The value of a digit position: a digit or its omocodia letter.
fn digit(b: u8) -> u32 {
    if b.is_ascii_digit() { u32::from(b - b'0') } else { OMOCODIA.iter().position(|&l| l == b).map_or(0, |p| p as u32) }
}

/// Check character over the first fifteen characters (DM 23/12/1976).
fn check_character(first15: &[u8]) -> u8 {
    // Values of characters in odd positions (1st, 3rd, …) for 0-9 / A-Z.
    const ODD: [u32; 26] =
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
    let sum: u32 = first15
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let idx = if b.is_ascii_digit() { usize::from(b - b'0') } else { usize::from(b - b'A') };
            if i % 2 == 0 { ODD[idx] } else { idx as u32 }
        })
        .sum();
    b'A' + (sum % 26) as u8
}

/// Validates the input field `field` as a personal fiscal code.
pub fn fiscal_code_field(field: &str, input: &str) -> Result<FiscalCode, AppError> {
    FiscalCode::parse(input).map_err(|err| {
        let (it, en) = match err {
            FiscalCodeError::Length => {
                ("Il codice fiscale deve avere 16 caratteri", "The fiscal code must be 16 characters long")
            }
            FiscalCodeError::Format => (
                "Il codice fiscale contiene caratteri non ammessi",
                "The fiscal code contains characters that are not allowed",
            ),
            FiscalCodeError::BirthDate => (
                "Il codice fiscale contiene una data di nascita impossibile",
                "The fiscal code holds an impossible date of birth",
            ),
            FiscalCodeError::CheckCharacter => (
                "Codice fiscale non valido: il carattere di controllo non corrisponde",
                "Invalid fiscal code: the check character does not match",
            ),
        };
        AppError::bad_input(field, it, en)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_well_known_code_is_valid() {
        assert_eq!(FiscalCode::parse("RSSMRA80A01H501U").unwrap().as_str(), "RSSMRA80A01H501U");
        assert!(FiscalCode::parse("BLTMHL77S04E889G").is_ok());
    }

    #[test]
    fn lower_case_and_spaces_around_are_normalised() {
        assert_eq!(FiscalCode::parse("  rssmra80a01h501u ").unwrap().as_str(), "RSSMRA80A01H501U");
    }

    #[test]
    fn a_wrong_check_character_is_refused() {
        assert_eq!(FiscalCode::parse("RSSMRA80A01H501A"), Err(FiscalCodeError::CheckCharacter));
    }

    #[test]
    fn a_single_changed_character_is_caught_by_the_check_character() {
        assert_eq!(FiscalCode::parse("RSSMRA81A01H501U"), Err(FiscalCodeError::CheckCharacter));
    }

    #[test]
    fn wrong_lengths_are_refused() {
        assert_eq!(FiscalCode::parse(""), Err(FiscalCodeError::Length));
        assert_eq!(FiscalCode::parse("RSSMRA80A01H501"), Err(FiscalCodeError::Length));
        assert_eq!(FiscalCode::parse("RSSMRA80A01H501UX"), Err(FiscalCodeError::Length));
        // 16 bytes but not 16 ASCII characters.
        assert!(FiscalCode::parse("RSSMRÀ80A01H501").is_err());
    }

    #[test]
    fn letters_and_digits_must_stand_in_their_places() {
        assert_eq!(FiscalCode::parse("R5SMRA80A01H501U"), Err(FiscalCodeError::Format));
        assert_eq!(FiscalCode::parse("RSSMRA8AA01H501U"), Err(FiscalCodeError::Format));
        assert_eq!(FiscalCode::parse("RSSMRA80A01H50-U"), Err(FiscalCodeError::Format));
    }

    #[test]
    fn impossible_months_and_days_are_refused() {
        // F is not a month letter.
        assert_eq!(FiscalCode::parse("RSSMRA80F01H501U"), Err(FiscalCodeError::BirthDate));
        // Day 32 (male) and 72 (female) do not exist.
        assert_eq!(FiscalCode::parse("RSSMRA80A32H501U"), Err(FiscalCodeError::BirthDate));
        assert_eq!(FiscalCode::parse("RSSMRA80A00H501U"), Err(FiscalCodeError::BirthDate));
    }

    #[test]
    fn a_woman_s_code_has_the_day_plus_forty() {
        let base = b"RSSMRA80A41H501";
        let code = format!("{}{}", String::from_utf8_lossy(base), check_character(base) as char);
        assert!(FiscalCode::parse(&code).is_ok());
    }

    /// Builds the omocode of `base` substituting the digit positions listed.
    fn omocode(base: &str, positions: &[usize]) -> String {
        let mut bytes: Vec<u8> = base.bytes().take(15).collect();
        for &i in positions {
            bytes[i] = OMOCODIA[usize::from(bytes[i] - b'0')];
        }
        let cc = check_character(&bytes);
        bytes.push(cc);
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn omocodia_substitutions_from_the_right_are_valid() {
        // The Agenzia substitutes from the rightmost digit leftwards.
        let one = omocode("RSSMRA80A01H501U", &[14]);
        // Check character worked out by hand: odd positions 79 + even positions 37 = 116; 116 mod 26 = 12 → M.
        assert_eq!(one, "RSSMRA80A01H50MM");
        assert!(FiscalCode::parse(&one).is_ok());
        let all = omocode("RSSMRA80A01H501U", &DIGIT_POSITIONS);
        assert_eq!(&all[..15], "RSSMRAULALMHRLM");
        assert!(FiscalCode::parse(&all).is_ok());
    }

    #[test]
    fn an_omocode_keeps_its_birth_day_check() {
        // Day "UL" = 90: impossible even when written with letters.
        let mut bytes = b"RSSMRA80AULH501".to_vec();
        let cc = check_character(&bytes);
        bytes.push(cc);
        assert_eq!(FiscalCode::parse(std::str::from_utf8(&bytes).unwrap()), Err(FiscalCodeError::BirthDate));
    }

    #[test]
    fn letters_outside_the_omocodia_set_are_not_digits() {
        // `A` is not an omocodia letter, so it cannot stand in a digit position.
        let mut bytes = b"RSSMRA80A01H50A".to_vec();
        let cc = check_character(&bytes);
        bytes.push(cc);
        assert_eq!(FiscalCode::parse(std::str::from_utf8(&bytes).unwrap()), Err(FiscalCodeError::Format));
    }

    #[test]
    fn an_omocode_maps_back_to_its_base_code() {
        let all = omocode("RSSMRA80A01H501U", &DIGIT_POSITIONS);
        assert_eq!(FiscalCode::parse(&all).unwrap().without_omocodia(), "RSSMRA80A01H501U");
    }

    #[test]
    fn the_field_error_names_the_field() {
        let err = fiscal_code_field("citizenFiscalCode", "XYZ").unwrap_err();
        assert_eq!(err.code(), "BAD_USER_INPUT");
        assert!(matches!(err, AppError::BadUserInput { field: Some(f), .. } if f == "citizenFiscalCode"));
    }
}
