//! Single sign-on for staff through an OpenID provider (issue 17 item 1; see
//! docs/sign-in.md): authorization code flow with PKCE, `state` and `nonce`;
//! the ID token checked by the `openidconnect` crate; a person linked to the
//! provider's (issuer, subject) at their first sign-in, only if an admin created
//! them. The session issued is the same as a password sign-in's.

pub mod flow;
mod linking;
pub mod provider;
pub mod refusal;
pub mod settings;

pub use provider::OidcProvider;
pub use refusal::Refusal;
pub use settings::{OidcSettings, PasswordLogin, PersonClaim};
