use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};

use crate::error::AppError;

/// Argon2id with the library's recommended parameters (memory-hard).
pub fn hash_password(password: &str) -> Result<String, AppError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(AppError::internal)
}

/// Constant-time check of `password` against a stored PHC string.
pub fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hashed_password_verifies_and_a_wrong_one_does_not() {
        let phc = hash_password("demo").unwrap();
        assert!(phc.starts_with("$argon2id$"));
        assert!(verify_password("demo", &phc));
        assert!(!verify_password("Demo", &phc));
    }

    #[test]
    fn a_malformed_hash_never_verifies() {
        assert!(!verify_password("demo", "not-a-phc-string"));
    }
}
