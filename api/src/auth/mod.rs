//! Who is calling: sign-in, sessions and bearer tokens.
//!
//! Credentials are checked by an [`IdentityProvider`]; whatever proved the
//! identity, the result is the same opaque session token and the same
//! [`Principal`]. Single sign-on ([`oidc`]) maps an ID token's (issuer, subject)
//! to a person and calls [`service::issue_session`], like a password sign-in.

pub mod account;
pub mod api_keys;
mod device;
pub mod graphql;
pub mod oidc;
pub mod password;
mod principal;
pub mod principal_cache;
pub mod provider;
pub mod reset;
pub mod service;
pub mod sessions;
mod sessions_redis;
mod token;

pub use password::{hash_password, hash_password_blocking, verify_password};
pub use principal::{API_KEY_ACTIONS, Assignment, AuthMethod, Principal, UnitRef};
pub use provider::{IdentityProvider, PasswordProvider};
pub use sessions::{LiveSession, SessionOrigin, SessionStore};
pub use token::{TOKEN_PREFIX, hash_token, new_token};
