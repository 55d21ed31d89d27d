//! Identity providers: the one seam between "who proved to be whom" and the
//! rest of the system.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use entities::person;

use crate::auth::password::verify_password;
use crate::error::AppError;

/// Checks credentials and answers which person they belong to.
pub trait IdentityProvider {
    type Credentials;
    fn authenticate(
        &self,
        credentials: Self::Credentials,
    ) -> impl std::future::Future<Output = Result<Option<Uuid>, AppError>> + Send;
}

/// Username and password against the argon2 hash in `person.password_hash`.
pub struct PasswordProvider<'a> {
    pub db: &'a DatabaseConnection,
}

pub struct UsernamePassword {
    pub username: String,
    pub password: String,
}

/// A valid hash of a random password, verified when the username is unknown so
/// that a wrong username takes as long as a wrong password.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0YSUhjbUhm2FSAGd4TZ2w8PxmfnU8HhiclOn4gjT4mk";

impl IdentityProvider for PasswordProvider<'_> {
    type Credentials = UsernamePassword;

    async fn authenticate(&self, credentials: UsernamePassword) -> Result<Option<Uuid>, AppError> {
        let person = person::Entity::find()
            .filter(person::Column::Username.eq(credentials.username.as_str()))
            .filter(person::Column::Active.eq(true))
            .one(self.db)
            .await?;
        let hash = person.as_ref().and_then(|p| p.password_hash.as_deref()).unwrap_or(DUMMY_HASH);
        let verified = verify_password(&credentials.password, hash).await?;
        Ok(person.filter(|p| verified && p.password_hash.is_some()).map(|p| p.id))
    }
}
