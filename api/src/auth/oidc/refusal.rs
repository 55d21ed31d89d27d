//! Why an SSO sign-in was refused. The callback sends the browser back to the
//! sign-in page with the refusal's code (`/accesso?sso_error=CODE`); the app
//! shows the Italian message for it (`admin-ui/src/features/auth/ssoErrors.ts`,
//! the same words as [`Refusal::message_it`]).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The `state` is unknown, expired or already used (a replayed or forged callback).
    State,
    /// The ID token's `nonce` is not the one this sign-in sent.
    Nonce,
    /// The ID token has expired.
    Expired,
    /// The ID token failed another check: signature, issuer, audience, missing token or claim.
    InvalidToken,
    /// No person in Accoglienza matches the configured claim (no self-provisioning).
    UnknownPerson,
    /// The person is deactivated.
    Deactivated,
    /// The person is already linked to another subject of this provider.
    LinkConflict,
    /// The person cancelled at the provider.
    Cancelled,
    /// The provider failed or could not be reached.
    Provider,
}

impl Refusal {
    /// The code the app and the tests switch on.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::State => "OIDC_STATE",
            Refusal::Nonce => "OIDC_NONCE",
            Refusal::Expired => "OIDC_EXPIRED",
            Refusal::InvalidToken => "OIDC_INVALID_TOKEN",
            Refusal::UnknownPerson => "OIDC_UNKNOWN_PERSON",
            Refusal::Deactivated => "OIDC_DEACTIVATED",
            Refusal::LinkConflict => "OIDC_LINK_CONFLICT",
            Refusal::Cancelled => "OIDC_CANCELLED",
            Refusal::Provider => "OIDC_PROVIDER",
        }
    }

    pub fn message_it(self) -> &'static str {
        match self {
            Refusal::State | Refusal::Nonce => "La richiesta di accesso non è valida o è scaduta: riprova.",
            Refusal::Expired => "L'attestazione del fornitore di identità è scaduta: riprova.",
            Refusal::InvalidToken => "L'attestazione del fornitore di identità non è valida.",
            Refusal::UnknownPerson => {
                "Il tuo account non è abilitato ad Accoglienza: chiedi a un amministratore di crearlo."
            }
            Refusal::Deactivated => "Il tuo account è disattivato: rivolgiti a un amministratore.",
            Refusal::LinkConflict => {
                "Il tuo account è già collegato a un'altra identità del fornitore: rivolgiti a un amministratore."
            }
            Refusal::Cancelled => "Accesso annullato.",
            Refusal::Provider => "Il fornitore di identità non ha completato l'accesso: riprova più tardi.",
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_has_its_own_code() {
        let all = [
            Refusal::State,
            Refusal::Nonce,
            Refusal::Expired,
            Refusal::InvalidToken,
            Refusal::UnknownPerson,
            Refusal::Deactivated,
            Refusal::LinkConflict,
            Refusal::Cancelled,
            Refusal::Provider,
        ];
        let codes: std::collections::HashSet<_> = all.iter().map(|r| r.code()).collect();
        assert_eq!(codes.len(), all.len());
        assert!(all.iter().all(|r| r.code().starts_with("OIDC_") && !r.message_it().is_empty()));
    }
}
