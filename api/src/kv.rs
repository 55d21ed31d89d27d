//! Short-lived shared state: sessions (when Redis is configured) and rate-limit
//! counters. With `REDIS_URL` it lives in Redis, so every instance sees the same
//! counters; without it, in this process (fine for one instance).
//!
//! When Redis is out of reach, every call fails fast: each goes through
//! [`RedisConn`] (bounded connect and response times, and a circuit breaker
//! that refuses at once for [`CIRCUIT_OPEN`] after a failure, then lets one
//! probe through), and [`redis_error`] turns the failure into
//! [`AppError::Unavailable`]. What that means per use:
//! - sessions (Redis-backed when `REDIS_URL` is set): sign-in and signed-in
//!   requests are refused with the coded error;
//! - failed-login counters: fail closed, a login is refused rather than let
//!   through uncounted (an outage must not open the door to password guessing);
//! - partner-API GCRA ([`Kv::gcra`]): falls back to an in-process bucket per
//!   instance, so keys (resolved from the database) keep answering within their
//!   quota on each instance (at most `instances × quota` in total while Redis is down);
//! - everything else (anonymous queries, `/healthz`) does not touch Redis.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use redis::aio::{ConnectionLike, ConnectionManager, ConnectionManagerConfig};
use redis::{Cmd, Pipeline, RedisError, RedisFuture, Value};

use crate::error::AppError;
use crate::ratelimit::{self, Decision, Quota};

/// Decrements a counter that exists and is above zero; DECR alone would
/// create a counter of -1 without expiry once the window has ended.
const GIVE_BACK_LUA: &str = r"
local v = tonumber(redis.call('GET', KEYS[1]) or '0')
if v > 0 then return redis.call('DECR', KEYS[1]) end
return 0
";

/// How long the circuit stays open (every Redis call refused at once) after a failure.
pub const CIRCUIT_OPEN: Duration = Duration::from_secs(3);
/// Default bound on connecting to Redis and on each answer (`REDIS_TIMEOUT_MS`).
pub const DEFAULT_REDIS_TIMEOUT: Duration = Duration::from_millis(500);

type MemoryMap = Arc<Mutex<HashMap<String, MemoryEntry>>>;

#[derive(Clone)]
pub enum Kv {
    Redis { conn: RedisConn, prefix: String },
    Memory(MemoryMap),
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

    /// Connects to Redis with every wait bounded by `timeout` (connect, each
    /// answer) and one reconnection attempt per call, so an outage costs a
    /// request at most about `timeout` (the defaults wait up to ~10 s).
    pub async fn redis(url: &str, prefix: &str, timeout: Duration) -> Result<Self, redis::RedisError> {
        let client = redis::Client::open(url)?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            .set_number_of_retries(1)
            .set_min_delay(Duration::from_millis(50))
            .set_max_delay(Duration::from_millis(100));
        let conn = ConnectionManager::new_with_config(client, config).await?;
        Ok(Kv::Redis { conn: RedisConn::new(conn, timeout), prefix: prefix.to_owned() })
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
                    .map_err(redis_error)?;
                Ok((count, ttl.max(0) as u64))
            }
            Kv::Memory(map) => {
                let now = Instant::now();
                let mut map = map.lock().map_err(|_| AppError::internal("kv lock poisoned"))?;
                let entry = map
                    .entry(key.to_owned())
                    .or_insert(MemoryEntry { value: "0".into(), expires_at: Some(now + window) });
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
                    .map_err(redis_error)?;
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
                    .map_err(redis_error)?;
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
                    .map_err(redis_error)
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
                redis::cmd("GET").arg(format!("{prefix}{key}")).query_async(&mut conn).await.map_err(redis_error)
            }
            Kv::Memory(_) => Ok(self.get_memory(key, Instant::now())?.map(|(v, _)| v)),
        }
    }

    /// Two keys in one round trip (`MGET`).
    pub async fn get_two(&self, first: &str, second: &str) -> Result<(Option<String>, Option<String>), AppError> {
        match self {
            Kv::Redis { conn, prefix } => {
                let mut conn = conn.clone();
                redis::cmd("MGET")
                    .arg(format!("{prefix}{first}"))
                    .arg(format!("{prefix}{second}"))
                    .query_async(&mut conn)
                    .await
                    .map_err(redis_error)
            }
            Kv::Memory(_) => {
                let now = Instant::now();
                Ok((self.get_memory(first, now)?.map(|(v, _)| v), self.get_memory(second, now)?.map(|(v, _)| v)))
            }
        }
    }

    /// Adds one to a counter that never expires.
    pub async fn incr(&self, key: &str) -> Result<u64, AppError> {
        match self {
            Kv::Redis { conn, prefix } => {
                let mut conn = conn.clone();
                redis::cmd("INCR").arg(format!("{prefix}{key}")).query_async(&mut conn).await.map_err(redis_error)
            }
            Kv::Memory(map) => {
                let mut map = map.lock().map_err(|_| AppError::internal("kv lock poisoned"))?;
                let entry = map.entry(key.to_owned()).or_insert(MemoryEntry { value: "0".into(), expires_at: None });
                let next = entry.value.parse::<u64>().unwrap_or(0) + 1;
                entry.value = next.to_string();
                Ok(next)
            }
        }
    }

    /// Publishes `payload` on the channel `<prefix><channel>` (Redis pub/sub);
    /// in memory there is no other instance to tell, so nothing happens.
    pub async fn publish(&self, channel: &str, payload: &str) -> Result<(), AppError> {
        match self {
            Kv::Redis { conn, prefix } => {
                let mut conn = conn.clone();
                redis::cmd("PUBLISH")
                    .arg(format!("{prefix}{channel}"))
                    .arg(payload)
                    .query_async::<()>(&mut conn)
                    .await
                    .map_err(redis_error)
            }
            Kv::Memory(_) => Ok(()),
        }
    }

    /// Reads and removes `key` at once (`GETDEL`): of two concurrent takers,
    /// only one gets the value. For single-use values (SSO sign-in state).
    pub async fn take(&self, key: &str) -> Result<Option<String>, AppError> {
        match self {
            Kv::Redis { conn, prefix } => {
                let mut conn = conn.clone();
                redis::cmd("GETDEL").arg(format!("{prefix}{key}")).query_async(&mut conn).await.map_err(redis_error)
            }
            Kv::Memory(map) => {
                let mut map = map.lock().map_err(|_| AppError::internal("kv lock poisoned"))?;
                Ok(map.remove(key).filter(|entry| entry.is_live(Instant::now())).map(|entry| entry.value))
            }
        }
    }

    pub async fn delete(&self, key: &str) -> Result<(), AppError> {
        match self {
            Kv::Redis { conn, prefix } => {
                let mut conn = conn.clone();
                redis::cmd("DEL").arg(format!("{prefix}{key}")).query_async::<()>(&mut conn).await.map_err(redis_error)
            }
            Kv::Memory(map) => {
                map.lock().map_err(|_| AppError::internal("kv lock poisoned"))?.remove(key);
                Ok(())
            }
        }
    }

    /// One step of the GCRA rate limiter ([`crate::ratelimit`]) for the bucket
    /// `key`: atomic in Redis (a Lua script on Redis's clock), under the lock in memory.
    ///
    /// While Redis is unavailable the bucket is kept in this process instead
    /// (per instance: see the module documentation), so the partner API keeps answering.
    pub async fn gcra(&self, key: &str, quota: Quota, cost: u64) -> Result<Decision, AppError> {
        match self {
            Kv::Redis { conn, prefix } => {
                let mut redis = conn.clone();
                let answer: Result<(i64, i64, i64), AppError> = redis::Script::new(ratelimit::GCRA_LUA)
                    .key(format!("{prefix}{key}"))
                    .arg(quota.interval_ms())
                    .arg(quota.limit)
                    .arg(cost)
                    .invoke_async(&mut redis)
                    .await
                    .map_err(redis_error);
                match answer {
                    Ok((allowed, slack, reset)) => {
                        let ms = |v: i64| u64::try_from(v).unwrap_or(0);
                        Ok(Decision::from_parts(quota, allowed == 1, ms(slack), ms(reset)))
                    }
                    Err(AppError::Unavailable { .. }) => memory_gcra(&conn.fallback, key, quota, cost),
                    Err(err) => Err(err),
                }
            }
            Kv::Memory(map) => memory_gcra(map, key, quota, cost),
        }
    }

    /// Readiness: Redis answers PING (always true in memory). False at once
    /// while the circuit is open.
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
        Ok(map.get(key).filter(|e| e.is_live(now)).map(|e| (e.value.clone(), e.expires_at)))
    }
}

/// [`Kv::gcra`] on an in-process map.
fn memory_gcra(map: &MemoryMap, key: &str, quota: Quota, cost: u64) -> Result<Decision, AppError> {
    let now = Instant::now();
    let now_ms =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_err(AppError::internal)?.as_millis()
            as u64;
    let mut map = map.lock().map_err(|_| AppError::internal("kv lock poisoned"))?;
    let tat = map.get(key).filter(|e| e.is_live(now)).and_then(|e| e.value.parse::<u64>().ok());
    let (decision, new_tat) = ratelimit::gcra(now_ms, tat, quota, cost);
    if let Some(new_tat) = new_tat {
        let ttl = Duration::from_millis(new_tat.saturating_sub(now_ms));
        map.insert(key.to_owned(), MemoryEntry { value: new_tat.to_string(), expires_at: Some(now + ttl) });
    }
    Ok(decision)
}

/// The error a failed Redis call becomes: Redis out of reach (connection
/// refused or lost, timeout, open circuit) is [`AppError::Unavailable`], with
/// a retry after the circuit's pause; anything else (a bug: wrong type, script
/// error) is logged and `INTERNAL`. Every Redis call maps its error with this.
pub fn redis_error(err: RedisError) -> AppError {
    if is_outage(&err) {
        tracing::warn!(error.cause = %err, "Redis unavailable");
        AppError::Unavailable { retry_after_secs: CIRCUIT_OPEN.as_secs().max(1) }
    } else {
        AppError::internal(err)
    }
}

/// Redis did not answer (as opposed to answering with an error).
fn is_outage(err: &RedisError) -> bool {
    err.is_io_error() || err.is_timeout() || err.is_connection_dropped() || err.is_connection_refusal()
}

fn outage(kind: std::io::ErrorKind, what: &'static str) -> RedisError {
    RedisError::from(std::io::Error::new(kind, what))
}

/// The Redis connection every call goes through: a [`ConnectionManager`]
/// (which reconnects by itself) behind a hard time bound and a [`Circuit`].
/// It implements [`ConnectionLike`], so commands, pipelines and scripts use it
/// like the manager itself.
#[derive(Clone)]
pub struct RedisConn {
    inner: ConnectionManager,
    circuit: Arc<Circuit>,
    /// Most a call may take, reconnecting included.
    call_timeout: Duration,
    /// Rate-limit buckets kept here while Redis is unavailable ([`Kv::gcra`]).
    fallback: MemoryMap,
}

impl RedisConn {
    fn new(inner: ConnectionManager, timeout: Duration) -> Self {
        RedisConn {
            inner,
            circuit: Arc::new(Circuit::new(CIRCUIT_OPEN)),
            // The manager's own bounds are per attempt; this one holds for the whole call.
            call_timeout: timeout + Duration::from_millis(200),
            fallback: MemoryMap::default(),
        }
    }

    /// Runs one call under the circuit and the time bound, and tells the
    /// circuit how it went.
    async fn guarded<T>(&self, call: impl Future<Output = redis::RedisResult<T>>) -> redis::RedisResult<T> {
        let admission = self.circuit.admit();
        if admission == Admission::Refused {
            return Err(outage(std::io::ErrorKind::NotConnected, "Redis circuit open: not tried"));
        }
        let result = match tokio::time::timeout(self.call_timeout, call).await {
            Ok(result) => result,
            Err(_) => Err(outage(std::io::ErrorKind::TimedOut, "Redis call timed out")),
        };
        match &result {
            Err(err) if is_outage(err) => self.circuit.failed(),
            // An answer, even an error answer, means Redis is there.
            _ => self.circuit.succeeded(),
        }
        result
    }
}

impl ConnectionLike for RedisConn {
    fn req_packed_command<'a>(&'a mut self, cmd: &'a Cmd) -> RedisFuture<'a, Value> {
        let mut inner = self.inner.clone();
        Box::pin(async move { self.guarded(inner.req_packed_command(cmd)).await })
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        pipeline: &'a Pipeline,
        offset: usize,
        count: usize,
    ) -> RedisFuture<'a, Vec<Value>> {
        let mut inner = self.inner.clone();
        Box::pin(async move { self.guarded(inner.req_packed_commands(pipeline, offset, count)).await })
    }

    fn get_db(&self) -> i64 {
        self.inner.get_db()
    }
}

/// Whether a call may go to Redis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Admission {
    /// Circuit closed: go.
    Go,
    /// The open period is over: this call is the one probe.
    Probe,
    /// Circuit open (or a probe already in flight): fail at once.
    Refused,
}

/// A circuit breaker: closed while Redis answers; a failure opens it for
/// `open_for`, during which calls are refused without waiting; then one probe
/// goes through, and its outcome closes the circuit or opens it again.
struct Circuit {
    open_for: Duration,
    state: Mutex<CircuitState>,
}

#[derive(Default)]
struct CircuitState {
    /// `Some`: open until then (or half-open once passed).
    open_until: Option<Instant>,
    probing: bool,
}

impl Circuit {
    fn new(open_for: Duration) -> Self {
        Circuit { open_for, state: Mutex::default() }
    }

    fn admit(&self) -> Admission {
        self.admit_at(Instant::now())
    }

    fn admit_at(&self, now: Instant) -> Admission {
        let Ok(mut state) = self.state.lock() else { return Admission::Go };
        match state.open_until {
            None => Admission::Go,
            Some(until) if now < until || state.probing => Admission::Refused,
            Some(_) => {
                state.probing = true;
                Admission::Probe
            }
        }
    }

    fn failed(&self) {
        self.failed_at(Instant::now());
    }

    fn failed_at(&self, now: Instant) {
        if let Ok(mut state) = self.state.lock() {
            if state.open_until.is_none() {
                tracing::warn!(open_secs = self.open_for.as_secs(), "Redis unreachable: circuit opened");
            }
            *state = CircuitState { open_until: Some(now + self.open_for), probing: false };
        }
    }

    fn succeeded(&self) {
        if let Ok(mut state) = self.state.lock() {
            if state.open_until.is_some() {
                tracing::info!("Redis reachable again: circuit closed");
            }
            *state = CircuitState::default();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_a_failure_calls_are_refused_at_once_until_one_probe_may_go() {
        let circuit = Circuit::new(Duration::from_secs(3));
        let t0 = Instant::now();
        assert_eq!(circuit.admit_at(t0), Admission::Go);
        circuit.failed_at(t0);
        assert_eq!(circuit.admit_at(t0 + Duration::from_secs(2)), Admission::Refused);
        let later = t0 + Duration::from_secs(3);
        assert_eq!(circuit.admit_at(later), Admission::Probe);
        // Only one probe at a time.
        assert_eq!(circuit.admit_at(later), Admission::Refused);
        circuit.succeeded();
        assert_eq!(circuit.admit_at(later), Admission::Go);
    }

    #[test]
    fn a_failed_probe_opens_the_circuit_again() {
        let circuit = Circuit::new(Duration::from_secs(3));
        let t0 = Instant::now();
        circuit.failed_at(t0);
        let probe_at = t0 + Duration::from_secs(4);
        assert_eq!(circuit.admit_at(probe_at), Admission::Probe);
        circuit.failed_at(probe_at);
        assert_eq!(circuit.admit_at(probe_at + Duration::from_secs(1)), Admission::Refused);
    }

    #[test]
    fn an_unreachable_redis_is_a_retryable_error_and_a_bad_answer_is_internal() {
        let down = outage(std::io::ErrorKind::ConnectionRefused, "refused");
        assert_eq!(redis_error(down), AppError::Unavailable { retry_after_secs: 3 });
        let bad = RedisError::from((redis::ErrorKind::UnexpectedReturnType, "wrong type"));
        assert_eq!(redis_error(bad), AppError::Internal);
    }
}
