//! Short-lived shared state: sessions (when Redis is configured) and rate-limit
//! counters. With `REDIS_URL` it lives in Redis, so every instance sees the same
//! counters; without it, in this process (fine for one instance).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use redis::aio::ConnectionManager;

use crate::error::AppError;
use crate::ratelimit::{self, Decision, Quota};

/// Decrements a counter that exists and is above zero; DECR alone would
/// create a counter of -1 without expiry once the window has ended.
const GIVE_BACK_LUA: &str = r"
local v = tonumber(redis.call('GET', KEYS[1]) or '0')
if v > 0 then return redis.call('DECR', KEYS[1]) end
return 0
";

#[derive(Clone)]
pub enum Kv {
    Redis { conn: ConnectionManager, prefix: String },
    Memory(Arc<Mutex<HashMap<String, MemoryEntry>>>),
}

pub struct MemoryEntry {
    value: String,
    expires_at: Option<Instant>,
}

impl MemoryEntry {
    fn is_live(&self, now: Instant) -> bool {
        self.expires_at.is_none_or(|t| t > now)
    }
}

impl Kv {
    pub fn memory() -> Self {
        Kv::Memory(Arc::default())
    }

    pub async fn redis(url: &str, prefix: &str) -> Result<Self, redis::RedisError> {
        let client = redis::Client::open(url)?;
        let conn = ConnectionManager::new(client).await?;
        Ok(Kv::Redis { conn, prefix: prefix.to_owned() })
    }

    pub fn is_redis(&self) -> bool {
        matches!(self, Kv::Redis { .. })
    }

    /// Adds one to the counter `key` and returns the new count together with
    /// the seconds left in its window. The window starts at the first increment
    /// and lasts `window` (a fixed window).
    pub async fn incr_in_window(&self, key: &str, window: Duration) -> Result<(u64, u64), AppError> {
        match self {
            Kv::Redis { conn, prefix } => {
                let mut conn = conn.clone();
                let key = format!("{prefix}{key}");
                let (count, ttl): (u64, i64) = redis::pipe()
                    .atomic()
                    .cmd("INCR")
                    .arg(&key)
                    .cmd("EXPIRE")
                    .arg(&key)
                    .arg(window.as_secs())
                    .arg("NX")
                    .ignore()
                    .cmd("TTL")
                    .arg(&key)
                    .query_async(&mut conn)
                    .await
                    .map_err(AppError::internal)?;
                Ok((count, ttl.max(0) as u64))
            }
            Kv::Memory(map) => {
                let now = Instant::now();
                let mut map = map.lock().map_err(|_| AppError::internal("kv lock poisoned"))?;
                let entry = map.entry(key.to_owned()).or_insert(MemoryEntry {
                    value: "0".into(),
                    expires_at: Some(now + window),
                });
                if !entry.is_live(now) {
                    *entry = MemoryEntry { value: "0".into(), expires_at: Some(now + window) };
                }
                let count = entry.value.parse::<u64>().unwrap_or(0) + 1;
                entry.value = count.to_string();
                let left = entry.expires_at.map_or(0, |t| t.saturating_duration_since(now).as_secs());
                Ok((count, left))
            }
        }
    }

    /// Gives back one unit of the counter `key` taken by [`Kv::incr_in_window`],
    /// if its window is still running (an expired counter stays gone, and a
    /// counter never goes below zero or loses its expiry).
    pub async fn decr(&self, key: &str) -> Result<(), AppError> {
        match self {
            Kv::Redis { conn, prefix } => {
                let mut conn = conn.clone();
                redis::Script::new(GIVE_BACK_LUA)
                    .key(format!("{prefix}{key}"))
                    .invoke_async::<i64>(&mut conn)
                    .await
                    .map_err(AppError::internal)?;
                Ok(())
            }
            Kv::Memory(map) => {
                let now = Instant::now();
                let mut map = map.lock().map_err(|_| AppError::internal("kv lock poisoned"))?;
                if let Some(entry) = map.get_mut(key).filter(|e| e.is_live(now)) {
                    let count = entry.value.parse::<u64>().unwrap_or(0).saturating_sub(1);
                    entry.value = count.to_string();
                }
                Ok(())
            }
        }
    }

    /// Current value of a counter (0 when absent or expired) and seconds left in its window.
    pub async fn count(&self, key: &str) -> Result<(u64, u64), AppError> {
        match self {
            Kv::Redis { conn, prefix } => {
                let mut conn = conn.clone();
                let key = format!("{prefix}{key}");
                let (count, ttl): (Option<u64>, i64) = redis::pipe()
                    .cmd("GET")
                    .arg(&key)
                    .cmd("TTL")
                    .arg(&key)
                    .query_async(&mut conn)
                    .await
                    .map_err(AppError::internal)?;
                Ok((count.unwrap_or(0), ttl.max(0) as u64))
            }
            Kv::Memory(_) => {
                let now = Instant::now();
                Ok(self
                    .get_memory(key, now)?
                    .map(|(v, exp)| {
                        let left = exp.map_or(0, |t| t.saturating_duration_since(now).as_secs());
                        (v.parse().unwrap_or(0), left)
                    })
                    .unwrap_or((0, 0)))
            }
        }
    }

    pub async fn set_with_ttl(&self, key: &str, value: &str, ttl: Duration) -> Result<(), AppError> {
        match self {
            Kv::Redis { conn, prefix } => {
                let mut conn = conn.clone();
                redis::cmd("SET")
                    .arg(format!("{prefix}{key}"))
                    .arg(value)
                    .arg("EX")
                    .arg(ttl.as_secs().max(1))
                    .query_async::<()>(&mut conn)
                    .await
                    .map_err(AppError::internal)
            }
            Kv::Memory(map) => {
                let mut map = map.lock().map_err(|_| AppError::internal("kv lock poisoned"))?;
                map.insert(
                    key.to_owned(),
                    MemoryEntry { value: value.to_owned(), expires_at: Some(Instant::now() + ttl) },
                );
                Ok(())
            }
        }
    }

    pub async fn get(&self, key: &str) -> Result<Option<String>, AppError> {
        match self {
            Kv::Redis { conn, prefix } => {
                let mut conn = conn.clone();
                redis::cmd("GET")
                    .arg(format!("{prefix}{key}"))
                    .query_async(&mut conn)
                    .await
                    .map_err(AppError::internal)
            }
            Kv::Memory(_) => Ok(self.get_memory(key, Instant::now())?.map(|(v, _)| v)),
        }
    }

    pub async fn delete(&self, key: &str) -> Result<(), AppError> {
        match self {
            Kv::Redis { conn, prefix } => {
                let mut conn = conn.clone();
                redis::cmd("DEL")
                    .arg(format!("{prefix}{key}"))
                    .query_async::<()>(&mut conn)
                    .await
                    .map_err(AppError::internal)
            }
            Kv::Memory(map) => {
                map.lock().map_err(|_| AppError::internal("kv lock poisoned"))?.remove(key);
                Ok(())
            }
        }
    }

    /// One step of the GCRA rate limiter ([`crate::ratelimit`]) for the bucket
    /// `key`: atomic in Redis (a Lua script on Redis's clock), under the lock in memory.
    pub async fn gcra(&self, key: &str, quota: Quota, cost: u64) -> Result<Decision, AppError> {
        match self {
            Kv::Redis { conn, prefix } => {
                let mut conn = conn.clone();
                let (allowed, slack, reset): (i64, i64, i64) = redis::Script::new(ratelimit::GCRA_LUA)
                    .key(format!("{prefix}{key}"))
                    .arg(quota.interval_ms())
                    .arg(quota.limit)
                    .arg(cost)
                    .invoke_async(&mut conn)
                    .await
                    .map_err(AppError::internal)?;
                let ms = |v: i64| u64::try_from(v).unwrap_or(0);
                Ok(Decision::from_parts(quota, allowed == 1, ms(slack), ms(reset)))
            }
            Kv::Memory(map) => {
                let now = Instant::now();
                let now_ms = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_err(AppError::internal)?
                    .as_millis() as u64;
                let mut map = map.lock().map_err(|_| AppError::internal("kv lock poisoned"))?;
                let tat = map.get(key).filter(|e| e.is_live(now)).and_then(|e| e.value.parse::<u64>().ok());
                let (decision, new_tat) = ratelimit::gcra(now_ms, tat, quota, cost);
                if let Some(new_tat) = new_tat {
                    let ttl = Duration::from_millis(new_tat.saturating_sub(now_ms));
                    map.insert(key.to_owned(), MemoryEntry { value: new_tat.to_string(), expires_at: Some(now + ttl) });
                }
                Ok(decision)
            }
        }
    }

    /// Readiness: Redis answers PING (always true in memory).
    pub async fn ping(&self) -> bool {
        match self {
            Kv::Redis { conn, .. } => {
                let mut conn = conn.clone();
                redis::cmd("PING").query_async::<String>(&mut conn).await.is_ok()
            }
            Kv::Memory(_) => true,
        }
    }

    fn get_memory(&self, key: &str, now: Instant) -> Result<Option<(String, Option<Instant>)>, AppError> {
        let Kv::Memory(map) = self else { return Ok(None) };
        let map = map.lock().map_err(|_| AppError::internal("kv lock poisoned"))?;
        Ok(map
            .get(key)
            .filter(|e| e.is_live(now))
            .map(|e| (e.value.clone(), e.expires_at)))
    }
}
