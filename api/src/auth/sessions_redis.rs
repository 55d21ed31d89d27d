//! Sessions in Redis (with `REDIS_URL`), shared by every instance:
//! - `session:<token hash>` → `"<person id> <session id>"`, expiring with the
//!   session: what each request reads (with the authorisation version, one `MGET`);
//! - `person-sessions:<person id>`, a hash listing the person's sessions:
//!   field `<session id>` → `{"h": token hash, "c": started, "e": expires, "ua": user agent}`
//!   and field `<session id>:used` → when it was last used. It expires with the
//!   person's newest session; entries whose `session:` key is gone (expired,
//!   signed out) are dropped when the list is read.
//!
//! Ending a session deletes its `session:` key, so the next request with its
//! token finds nothing, on whichever instance it lands.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::principal_cache::VERSION_KEY;
use super::sessions::{LAST_USED_RESOLUTION, LiveSession};
use crate::error::AppError;
use crate::kv::{Kv, redis_error};

/// Stamps "last used" only while the session is listed: a session ended
/// between its request's look-up and the stamp must not leave a field behind
/// (nor recreate the list without its expiry).
const STAMP_LUA: &str = r"
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
  return 1
end
return 0
";

/// Bound on the sessions whose last stamp this process remembers.
const MAX_REMEMBERED: usize = 10_000;

#[derive(Clone)]
pub struct RedisSessions {
    kv: Kv,
    /// When this process last stamped each session's "last used".
    stamped: Arc<Mutex<HashMap<Uuid, Instant>>>,
}

#[derive(Serialize, Deserialize)]
struct Meta {
    h: String,
    c: DateTime<Utc>,
    e: DateTime<Utc>,
    ua: Option<String>,
}

fn session_key(token_hash: &str) -> String {
    format!("session:{token_hash}")
}

fn person_key(person_id: Uuid) -> String {
    format!("person-sessions:{person_id}")
}

fn used_field(session_id: Uuid) -> String {
    format!("{session_id}:used")
}

/// The value of a `session:` key: the person, and the session (absent in
/// sessions created before sessions had ids: they still resolve).
fn parse_value(value: &str) -> Option<(Uuid, Option<Uuid>)> {
    let mut parts = value.split(' ');
    let person = Uuid::parse_str(parts.next()?).ok()?;
    let session = parts.next().and_then(|s| Uuid::parse_str(s).ok());
    Some((person, session))
}

impl RedisSessions {
    pub fn new(kv: Kv) -> Self {
        RedisSessions { kv, stamped: Arc::default() }
    }

    /// The connection and key prefix (a `RedisSessions` is made only on a Redis [`Kv`]).
    fn redis(&self) -> Result<(crate::kv::RedisConn, &str), AppError> {
        match &self.kv {
            Kv::Redis { conn, prefix } => Ok((conn.clone(), prefix.as_str())),
            Kv::Memory(_) => Err(AppError::internal("Redis sessions without Redis")),
        }
    }

    pub async fn create(&self, person_id: Uuid, live: &LiveSession, ttl: Duration) -> Result<(), AppError> {
        let (mut conn, prefix) = self.redis()?;
        let meta =
            Meta { h: live.token_hash.clone(), c: live.created_at, e: live.expires_at, ua: live.user_agent.clone() };
        let meta = serde_json::to_string(&meta).map_err(AppError::internal)?;
        let person = format!("{prefix}{}", person_key(person_id));
        let secs = ttl.as_secs().max(1);
        redis::pipe()
            .atomic()
            .cmd("SET")
            .arg(format!("{prefix}{}", session_key(&live.token_hash)))
            .arg(format!("{person_id} {}", live.id))
            .arg("EX")
            .arg(secs)
            .ignore()
            .cmd("HSET")
            .arg(&person)
            .arg(live.id.to_string())
            .arg(meta)
            .arg(used_field(live.id))
            .arg(live.created_at.to_rfc3339())
            .ignore()
            // Every session lasts the same: the newest one expires last.
            .cmd("EXPIRE")
            .arg(&person)
            .arg(secs)
            .ignore()
            .query_async::<()>(&mut conn)
            .await
            .map_err(redis_error)?;
        self.remember_stamp(live.id);
        Ok(())
    }

    pub async fn resolve_with_version(&self, token_hash: &str) -> Result<(Option<Uuid>, Option<u64>), AppError> {
        let (value, version) = self.kv.get_two(&session_key(token_hash), VERSION_KEY).await?;
        let version = Some(version.and_then(|v| v.parse().ok()).unwrap_or(0));
        let Some((person_id, session_id)) = value.as_deref().and_then(parse_value) else {
            return Ok((None, version));
        };
        if let Some(session_id) = session_id
            && self.needs_stamp(session_id)
        {
            self.stamp(person_id, session_id).await?;
        }
        Ok((Some(person_id), version))
    }

    /// Whether this process has not stamped the session within [`LAST_USED_RESOLUTION`].
    fn needs_stamp(&self, session_id: Uuid) -> bool {
        let Ok(stamped) = self.stamped.lock() else { return false };
        stamped.get(&session_id).is_none_or(|at| at.elapsed() >= LAST_USED_RESOLUTION)
    }

    fn remember_stamp(&self, session_id: Uuid) {
        let Ok(mut stamped) = self.stamped.lock() else { return };
        if stamped.len() >= MAX_REMEMBERED {
            stamped.clear();
        }
        stamped.insert(session_id, Instant::now());
    }

    async fn stamp(&self, person_id: Uuid, session_id: Uuid) -> Result<(), AppError> {
        let (mut conn, prefix) = self.redis()?;
        redis::Script::new(STAMP_LUA)
            .key(format!("{prefix}{}", person_key(person_id)))
            .arg(session_id.to_string())
            .arg(used_field(session_id))
            .arg(Utc::now().to_rfc3339())
            .invoke_async::<i64>(&mut conn)
            .await
            .map_err(redis_error)?;
        self.remember_stamp(session_id);
        Ok(())
    }

    pub async fn revoke(&self, token_hash: &str) -> Result<(), AppError> {
        let value = self.kv.get(&session_key(token_hash)).await?;
        let (mut conn, prefix) = self.redis()?;
        let mut pipe = redis::pipe();
        pipe.atomic().cmd("DEL").arg(format!("{prefix}{}", session_key(token_hash))).ignore();
        if let Some((person_id, Some(session_id))) = value.as_deref().and_then(parse_value) {
            pipe.cmd("HDEL")
                .arg(format!("{prefix}{}", person_key(person_id)))
                .arg(session_id.to_string())
                .arg(used_field(session_id))
                .ignore();
        }
        pipe.query_async::<()>(&mut conn).await.map_err(redis_error)
    }

    /// The entries of the person's list, each with its session's id (unchecked).
    async fn entries(&self, person_id: Uuid) -> Result<Vec<LiveSession>, AppError> {
        let (mut conn, prefix) = self.redis()?;
        let fields: HashMap<String, String> = redis::cmd("HGETALL")
            .arg(format!("{prefix}{}", person_key(person_id)))
            .query_async(&mut conn)
            .await
            .map_err(redis_error)?;
        let mut sessions = Vec::new();
        for (field, value) in &fields {
            let Ok(id) = Uuid::parse_str(field) else { continue };
            let Ok(meta) = serde_json::from_str::<Meta>(value) else { continue };
            let last_used_at = fields
                .get(&used_field(id))
                .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                .map(|t| t.with_timezone(&Utc));
            sessions.push(LiveSession {
                id,
                token_hash: meta.h,
                created_at: meta.c,
                expires_at: meta.e,
                last_used_at,
                user_agent: meta.ua,
            });
        }
        Ok(sessions)
    }

    /// The person's sessions whose token still resolves to them; the others'
    /// entries are dropped from the list.
    pub async fn list(&self, person_id: Uuid) -> Result<Vec<LiveSession>, AppError> {
        let entries = self.entries(person_id).await?;
        if entries.is_empty() {
            return Ok(entries);
        }
        let (mut conn, prefix) = self.redis()?;
        let mut mget = redis::cmd("MGET");
        for s in &entries {
            mget.arg(format!("{prefix}{}", session_key(&s.token_hash)));
        }
        let values: Vec<Option<String>> = mget.query_async(&mut conn).await.map_err(redis_error)?;
        let (live, dead): (Vec<_>, Vec<_>) = entries
            .into_iter()
            .zip(values)
            .partition(|(s, value)| value.as_deref().and_then(parse_value) == Some((person_id, Some(s.id))));
        if !dead.is_empty() {
            let mut hdel = redis::cmd("HDEL");
            hdel.arg(format!("{prefix}{}", person_key(person_id)));
            for (s, _) in &dead {
                hdel.arg(s.id.to_string()).arg(used_field(s.id));
            }
            hdel.query_async::<()>(&mut conn).await.map_err(redis_error)?;
        }
        Ok(live.into_iter().map(|(s, _)| s).collect())
    }

    /// Deletes the tokens of these sessions of the person and their entries;
    /// answers how many tokens were still live.
    pub async fn end(&self, person_id: Uuid, ids: &[Uuid]) -> Result<u64, AppError> {
        let entries = self.entries(person_id).await?;
        let ending: Vec<&LiveSession> = entries.iter().filter(|s| ids.contains(&s.id)).collect();
        if ending.is_empty() {
            return Ok(0);
        }
        let (mut conn, prefix) = self.redis()?;
        let mut del = redis::cmd("DEL");
        let mut hdel = redis::cmd("HDEL");
        hdel.arg(format!("{prefix}{}", person_key(person_id)));
        for s in &ending {
            del.arg(format!("{prefix}{}", session_key(&s.token_hash)));
            hdel.arg(s.id.to_string()).arg(used_field(s.id));
        }
        let (ended, _): (u64, u64) = redis::pipe()
            .atomic()
            .add_command(del)
            .add_command(hdel)
            .query_async(&mut conn)
            .await
            .map_err(redis_error)?;
        Ok(ended)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_value_names_its_person_and_session() {
        let (p, s) = (Uuid::now_v7(), Uuid::now_v7());
        assert_eq!(parse_value(&format!("{p} {s}")), Some((p, Some(s))));
        // Sessions signed in before sessions had ids.
        assert_eq!(parse_value(&p.to_string()), Some((p, None)));
        assert_eq!(parse_value("nonsense"), None);
    }
}
