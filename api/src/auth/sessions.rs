//! Where sessions live: in the database by default (they survive a restart and
//! are shared by instances on the same database), in Redis when configured
//! (see [`super::sessions_redis`] for its keys).
//!
//! Either way a person's live sessions can be listed (`mySessions`) and ended
//! one by one, all but the current one, or all at once (deactivation, a role
//! change, a new password): a token whose session has ended is refused on the
//! very next request, on every instance.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use entities::session;

use super::sessions_redis::RedisSessions;
use crate::error::AppError;
use crate::kv::Kv;

/// How often a session's "last used" is written: at most once in this long,
/// so a signed-in request costs no extra write.
pub const LAST_USED_RESOLUTION: Duration = Duration::from_secs(60);
/// Longest user agent kept (browsers send up to a few hundred characters).
pub const USER_AGENT_MAX_CHARS: usize = 200;

#[derive(Clone)]
pub enum SessionStore {
    Database(DatabaseConnection),
    Redis(RedisSessions),
}

/// A live session, as its person (or their manager) sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveSession {
    pub id: Uuid,
    /// Compared with the request's own token to tell the current session; never shown.
    pub token_hash: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub user_agent: Option<String>,
}

/// What signing in knows about the new session besides its person.
#[derive(Clone, Debug, Default)]
pub struct SessionOrigin {
    pub user_agent: Option<String>,
}

impl SessionOrigin {
    pub fn new(user_agent: Option<&str>) -> Self {
        let user_agent = user_agent
            .map(|ua| ua.trim().chars().filter(|c| !c.is_control()).take(USER_AGENT_MAX_CHARS).collect::<String>())
            .filter(|ua| !ua.is_empty());
        SessionOrigin { user_agent }
    }
}

/// Whether a session last used at `last_used` should be stamped again at `now`.
pub fn is_stale(last_used: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now.signed_duration_since(last_used).to_std().is_ok_and(|d| d >= LAST_USED_RESOLUTION)
}

impl SessionStore {
    pub fn for_kv(kv: &Kv, db: &DatabaseConnection) -> Self {
        match kv {
            Kv::Redis { .. } => SessionStore::Redis(RedisSessions::new(kv.clone())),
            Kv::Memory(_) => SessionStore::Database(db.clone()),
        }
    }

    pub async fn create(
        &self,
        token_hash: &str,
        person_id: Uuid,
        ttl: Duration,
        origin: &SessionOrigin,
    ) -> Result<DateTime<Utc>, AppError> {
        let now = Utc::now();
        let expires_at = now + chrono::Duration::from_std(ttl).map_err(AppError::internal)?;
        let live = LiveSession {
            id: Uuid::now_v7(),
            token_hash: token_hash.to_owned(),
            created_at: now,
            expires_at,
            last_used_at: Some(now),
            user_agent: origin.user_agent.clone(),
        };
        match self {
            SessionStore::Database(db) => {
                session::Entity::insert(session::ActiveModel {
                    id: Set(live.id),
                    token_hash: Set(live.token_hash),
                    person_id: Set(person_id),
                    created_at: Set(now),
                    expires_at: Set(expires_at),
                    revoked_at: Set(None),
                    last_used_at: Set(live.last_used_at),
                    user_agent: Set(live.user_agent),
                })
                .exec(db)
                .await?;
            }
            SessionStore::Redis(redis) => redis.create(person_id, &live, ttl).await?,
        }
        Ok(expires_at)
    }

    /// The person a live (not expired, not revoked) session belongs to, with
    /// the authorisation version of [`super::principal_cache`] read in the
    /// same round trip when in Redis (`None` without Redis: the caller uses
    /// the process's own version). Stamps "last used" when it is older than
    /// [`LAST_USED_RESOLUTION`].
    pub async fn resolve_with_version(&self, token_hash: &str) -> Result<(Option<Uuid>, Option<u64>), AppError> {
        match self {
            SessionStore::Database(db) => {
                let now = Utc::now();
                let Some(row) = session::Entity::find()
                    .filter(session::Column::TokenHash.eq(token_hash))
                    .filter(session::Column::RevokedAt.is_null())
                    .filter(session::Column::ExpiresAt.gt(now))
                    .one(db)
                    .await?
                else {
                    return Ok((None, None));
                };
                if is_stale(row.last_used_at.unwrap_or(row.created_at), now) {
                    session::Entity::update_many()
                        .col_expr(session::Column::LastUsedAt, Expr::value(now))
                        .filter(session::Column::Id.eq(row.id))
                        .exec(db)
                        .await?;
                }
                Ok((Some(row.person_id), None))
            }
            SessionStore::Redis(redis) => redis.resolve_with_version(token_hash).await,
        }
    }

    /// Ends the session of this token (signing out).
    pub async fn revoke(&self, token_hash: &str) -> Result<(), AppError> {
        match self {
            SessionStore::Database(db) => {
                session::Entity::update_many()
                    .col_expr(session::Column::RevokedAt, Expr::value(Utc::now()))
                    .filter(session::Column::TokenHash.eq(token_hash))
                    .exec(db)
                    .await?;
                Ok(())
            }
            SessionStore::Redis(redis) => redis.revoke(token_hash).await,
        }
    }

    /// The person's live sessions, newest first.
    pub async fn list(&self, person_id: Uuid) -> Result<Vec<LiveSession>, AppError> {
        let mut sessions = match self {
            SessionStore::Database(db) => session::Entity::find()
                .filter(session::Column::PersonId.eq(person_id))
                .filter(session::Column::RevokedAt.is_null())
                .filter(session::Column::ExpiresAt.gt(Utc::now()))
                .order_by_desc(session::Column::CreatedAt)
                .all(db)
                .await?
                .into_iter()
                .map(|s| LiveSession {
                    id: s.id,
                    token_hash: s.token_hash,
                    created_at: s.created_at,
                    expires_at: s.expires_at,
                    last_used_at: s.last_used_at,
                    user_agent: s.user_agent,
                })
                .collect(),
            SessionStore::Redis(redis) => redis.list(person_id).await?,
        };
        sessions.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
        Ok(sessions)
    }

    /// Ends the person's live sessions except the one of `keep` (a token
    /// hash); answers how many were ended.
    pub async fn end_all(&self, person_id: Uuid, keep: Option<&str>) -> Result<u64, AppError> {
        let ids: Vec<Uuid> = self
            .list(person_id)
            .await?
            .into_iter()
            .filter(|s| Some(s.token_hash.as_str()) != keep)
            .map(|s| s.id)
            .collect();
        self.end(person_id, &ids).await
    }

    /// Ends these sessions of the person (ids of other people's sessions are
    /// ignored); answers how many were live and are now ended.
    pub async fn end(&self, person_id: Uuid, ids: &[Uuid]) -> Result<u64, AppError> {
        if ids.is_empty() {
            return Ok(0);
        }
        match self {
            SessionStore::Database(db) => Ok(session::Entity::update_many()
                .col_expr(session::Column::RevokedAt, Expr::value(Utc::now()))
                .filter(session::Column::PersonId.eq(person_id))
                .filter(session::Column::Id.is_in(ids.iter().copied()))
                .filter(session::Column::RevokedAt.is_null())
                .filter(session::Column::ExpiresAt.gt(Utc::now()))
                .exec(db)
                .await?
                .rows_affected),
            SessionStore::Redis(redis) => redis.end(person_id, ids).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_agent_is_trimmed_cut_and_cleaned() {
        assert_eq!(SessionOrigin::new(Some("  ")).user_agent, None);
        assert_eq!(SessionOrigin::new(None).user_agent, None);
        let long = "x".repeat(500);
        assert_eq!(SessionOrigin::new(Some(&long)).user_agent.map(|u| u.len()), Some(USER_AGENT_MAX_CHARS));
        assert_eq!(SessionOrigin::new(Some("curl/8\n")).user_agent.as_deref(), Some("curl/8"));
    }

    #[test]
    fn last_used_is_stamped_at_most_once_a_minute() {
        let t0 = Utc::now();
        assert!(!is_stale(t0, t0 + chrono::Duration::seconds(59)));
        assert!(is_stale(t0, t0 + chrono::Duration::seconds(60)));
        // A clock that went backwards does not stamp.
        assert!(!is_stale(t0, t0 - chrono::Duration::seconds(5)));
    }
}
