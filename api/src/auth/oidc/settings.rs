//! How single sign-on and password sign-in are configured (`OIDC_*`,
//! `PASSWORD_LOGIN`; documented in the README and docs/sign-in.md).

use crate::config::{ConfigError, SecretString};

/// The ID-token claim whose value names the Accoglienza person at their first
/// SSO sign-in (`OIDC_PERSON_CLAIM`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonClaim {
    /// `preferred_username`, matched against the person's username.
    PreferredUsername,
    /// `email`, matched against the person's e-mail address; refused when the
    /// provider says the address is not verified.
    Email,
}

impl PersonClaim {
    fn parse(value: &str) -> Result<Self, ConfigError> {
        match value {
            "preferred_username" => Ok(PersonClaim::PreferredUsername),
            "email" => Ok(PersonClaim::Email),
            other => Err(ConfigError::BadValue(
                "OIDC_PERSON_CLAIM",
                format!("`{other}`: must be `preferred_username` or `email`"),
            )),
        }
    }
}

/// The provider and this application's registration with it.
#[derive(Clone, Debug)]
pub struct OidcSettings {
    /// `OIDC_ISSUER_URL`: the provider's issuer; its discovery document is
    /// `<issuer>/.well-known/openid-configuration`.
    pub issuer_url: String,
    /// `OIDC_CLIENT_ID`.
    pub client_id: String,
    /// `OIDC_CLIENT_SECRET`: absent for a public client (PKCE alone).
    pub client_secret: Option<SecretString>,
    /// `OIDC_REDIRECT_URL`, registered with the provider; default
    /// `<PUBLIC_URL>/auth/oidc/callback`.
    pub redirect_url: String,
    /// `OIDC_PERSON_CLAIM` (default `preferred_username`).
    pub person_claim: PersonClaim,
}

/// Who may still sign in with a password (`PASSWORD_LOGIN`).
#[derive(async_graphql::Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordLogin {
    /// Everyone with a password, staff included (the default).
    Staff,
    /// Only professionals (people whose every role is PROFESSIONAL): staff sign in through SSO.
    Professionals,
    /// Nobody: everyone signs in through SSO.
    Off,
}

impl PasswordLogin {
    /// Whether a person holding `is_staff` (any role but PROFESSIONAL) may use their password.
    pub fn allows(self, is_staff: bool) -> bool {
        match self {
            PasswordLogin::Staff => true,
            PasswordLogin::Professionals => !is_staff,
            PasswordLogin::Off => false,
        }
    }
}

/// Reads the `OIDC_*` variables (SSO is on when `OIDC_ISSUER_URL` is set) and
/// `PASSWORD_LOGIN`, which may only restrict passwords when SSO is on (or
/// nobody could sign in).
pub fn from_lookup(
    get: &impl Fn(&str) -> Option<String>,
    public_url: &str,
) -> Result<(Option<OidcSettings>, PasswordLogin), ConfigError> {
    let oidc = match get("OIDC_ISSUER_URL") {
        None => None,
        Some(issuer_url) => Some(OidcSettings {
            issuer_url,
            client_id: get("OIDC_CLIENT_ID")
                .ok_or_else(|| ConfigError::BadValue("OIDC_CLIENT_ID", "required with OIDC_ISSUER_URL".to_owned()))?,
            client_secret: get("OIDC_CLIENT_SECRET").map(SecretString::new),
            redirect_url: get("OIDC_REDIRECT_URL")
                .unwrap_or_else(|| format!("{}/auth/oidc/callback", public_url.trim_end_matches('/'))),
            person_claim: PersonClaim::parse(get("OIDC_PERSON_CLAIM").as_deref().unwrap_or("preferred_username"))?,
        }),
    };
    let password_login = match get("PASSWORD_LOGIN").as_deref() {
        None | Some("staff") => PasswordLogin::Staff,
        Some("professionals") => PasswordLogin::Professionals,
        Some("off") => PasswordLogin::Off,
        Some(other) => {
            return Err(ConfigError::BadValue(
                "PASSWORD_LOGIN",
                format!("`{other}`: must be `staff`, `professionals` or `off`"),
            ));
        }
    };
    if oidc.is_none() && password_login != PasswordLogin::Staff {
        return Err(ConfigError::BadValue("PASSWORD_LOGIN", "restricting passwords needs OIDC_ISSUER_URL".to_owned()));
    }
    Ok((oidc, password_login))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(pairs: &[(&str, &str)]) -> Result<(Option<OidcSettings>, PasswordLogin), ConfigError> {
        let map: HashMap<&str, &str> = pairs.iter().copied().collect();
        from_lookup(&|k| map.get(k).map(|v| v.to_string()), "https://accoglienza.example.it/")
    }

    #[test]
    fn without_an_issuer_there_is_no_sso_and_everyone_uses_passwords() {
        let (oidc, passwords) = read(&[]).unwrap();
        assert!(oidc.is_none());
        assert_eq!(passwords, PasswordLogin::Staff);
    }

    #[test]
    fn an_issuer_turns_sso_on_with_defaults_for_the_rest() {
        let (oidc, _) = read(&[("OIDC_ISSUER_URL", "https://idp.example.it"), ("OIDC_CLIENT_ID", "acc")]).unwrap();
        let oidc = oidc.unwrap();
        assert_eq!(oidc.redirect_url, "https://accoglienza.example.it/auth/oidc/callback");
        assert_eq!(oidc.person_claim, PersonClaim::PreferredUsername);
        assert!(oidc.client_secret.is_none());
    }

    #[test]
    fn an_issuer_without_a_client_id_or_with_an_unknown_claim_is_refused() {
        assert!(read(&[("OIDC_ISSUER_URL", "https://idp.example.it")]).is_err());
        let bad_claim = [("OIDC_ISSUER_URL", "https://i"), ("OIDC_CLIENT_ID", "a"), ("OIDC_PERSON_CLAIM", "name")];
        assert!(read(&bad_claim).is_err());
    }

    #[test]
    fn passwords_can_be_restricted_only_when_sso_is_on() {
        assert!(read(&[("PASSWORD_LOGIN", "off")]).is_err());
        assert!(read(&[("PASSWORD_LOGIN", "sometimes")]).is_err());
        let sso = [("OIDC_ISSUER_URL", "https://i"), ("OIDC_CLIENT_ID", "a"), ("PASSWORD_LOGIN", "professionals")];
        assert_eq!(read(&sso).unwrap().1, PasswordLogin::Professionals);
    }

    #[test]
    fn who_may_use_a_password() {
        assert!(PasswordLogin::Staff.allows(true) && PasswordLogin::Staff.allows(false));
        assert!(!PasswordLogin::Professionals.allows(true) && PasswordLogin::Professionals.allows(false));
        assert!(!PasswordLogin::Off.allows(true) && !PasswordLogin::Off.allows(false));
    }
}
