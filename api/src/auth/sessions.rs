//! Where sessions live: in the database by default (they survive a restart and
//! are shared by instances on the same database), in Redis when configured.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use entities::session;

use crate::error::AppError;
use crate::kv::Kv;

#[derive(Clone)]
pub enum SessionStore {
    Database(DatabaseConnection),
    Redis(Kv),
}

fn redis_key(token_hash: &str) -> String {
    format!("session:{token_hash}")
}

impl SessionStore {
    pub async fn create(&self, token_hash: &str, person_id: Uuid, ttl: Duration) -> Result<DateTime<Utc>, AppError> {
        let now = Utc::now();
        let expires_at = now + chrono::Duration::from_std(ttl).map_err(AppError::internal)?;
        match self {
            SessionStore::Database(db) => {
                session::Entity::insert(session::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    token_hash: Set(token_hash.to_owned()),
                    person_id: Set(person_id),
                    created_at: Set(now),
                    expires_at: Set(expires_at),
                    revoked_at: Set(None),
                })
                .exec(db)
                .await?;
            }
            SessionStore::Redis(kv) => kv.set_with_ttl(&redis_key(token_hash), &person_id.to_string(), ttl).await?,
        }
        Ok(expires_at)
    }

    /// The person a live (not expired, not revoked) session belongs to.
    pub async fn resolve(&self, token_hash: &str) -> Result<Option<Uuid>, AppError> {
        match self {
            SessionStore::Database(db) => Ok(session::Entity::find()
                .filter(session::Column::TokenHash.eq(token_hash))
                .filter(session::Column::RevokedAt.is_null())
                .filter(session::Column::ExpiresAt.gt(Utc::now()))
                .one(db)
                .await?
                .map(|s| s.person_id)),
            SessionStore::Redis(kv) => Ok(kv.get(&redis_key(token_hash)).await?.and_then(|v| Uuid::parse_str(&v).ok())),
        }
    }

    /// [`SessionStore::resolve`], with the authorisation version of
    /// [`super::principal_cache`] read in the same round trip when in Redis
    /// (`None` without Redis: the caller uses the process's own version).
    pub async fn resolve_with_version(&self, token_hash: &str) -> Result<(Option<Uuid>, Option<u64>), AppError> {
        match self {
            SessionStore::Database(_) => Ok((self.resolve(token_hash).await?, None)),
            SessionStore::Redis(kv) => {
                let (person, version) = kv.get_two(&redis_key(token_hash), super::principal_cache::VERSION_KEY).await?;
                let person = person.and_then(|v| Uuid::parse_str(&v).ok());
                Ok((person, Some(version.and_then(|v| v.parse().ok()).unwrap_or(0))))
            }
        }
    }

    pub async fn revoke(&self, token_hash: &str) -> Result<(), AppError> {
        match self {
            SessionStore::Database(db) => {
                session::Entity::update_many()
                    .col_expr(session::Column::RevokedAt, sea_orm::sea_query::Expr::value(Utc::now()))
                    .filter(session::Column::TokenHash.eq(token_hash))
                    .exec(db)
                    .await?;
                Ok(())
            }
            SessionStore::Redis(kv) => kv.delete(&redis_key(token_hash)).await,
        }
    }
}
