//! Fair use of the partner API: a per-key rate limit with the Generic Cell Rate
//! Algorithm (GCRA), a leaky bucket kept as one timestamp per key.
//!
//! The bucket holds [`PARTNER_QUOTA`]`.limit` requests and refills one request
//! every `period / limit`: 60 requests per minute, of which all 60 may come at
//! once, then one per second. The state is one "theoretical arrival time" (TAT)
//! per key. The same arithmetic runs in two places with identical results:
//! [`gcra`] here (in-process, one instance) and [`GCRA_LUA`] inside Redis (when
//! `REDIS_URL` is set), where the script makes read-compute-write atomic and
//! uses Redis's clock so that instances with skewed clocks still agree.
//! [`crate::kv::Kv::gcra`] picks the backend.

mod checks;
mod cost;

use std::time::Duration;

pub use checks::{METERED_FIELDS, request_cost};
pub use cost::PartnerCostLimit;

/// A quota: at most `limit` requests per `period`, all of them allowed at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quota {
    pub limit: u64,
    pub period: Duration,
}

impl Quota {
    /// Milliseconds between two requests at the sustained rate.
    pub fn interval_ms(&self) -> u64 {
        (self.period.as_millis() as u64 / self.limit.max(1)).max(1)
    }
}

/// The partner-API quota per key: 60 units per minute (bursts of up to 60).
/// Each procura / collaborator check costs one unit, however it is sent
/// (aliases, fragments, batches: [`request_cost`]); a request without checks
/// costs one.
pub const PARTNER_QUOTA: Quota = Quota { limit: 60, period: Duration::from_secs(60) };

/// Highest query cost accepted from an API key (staff: [`crate::graphql::MAX_COMPLEXITY`]).
/// A page of 100 procure with their plain fields costs about 700.
pub const PARTNER_MAX_COMPLEXITY: usize = 1_000;
/// Deepest selection accepted from an API key (staff: [`crate::graphql::MAX_DEPTH`]).
pub const PARTNER_MAX_DEPTH: usize = 6;

/// The answer for one request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decision {
    pub allowed: bool,
    pub limit: u64,
    /// Requests that could still be made right now.
    pub remaining: u64,
    /// Milliseconds until the bucket is full again (`RateLimit-Reset`).
    pub reset_ms: u64,
    /// Milliseconds to wait before this request would be allowed (0 when allowed).
    pub retry_after_ms: u64,
}

impl Decision {
    /// `RateLimit-Reset`, whole seconds rounded up.
    pub fn reset_secs(&self) -> u64 {
        self.reset_ms.div_ceil(1000)
    }

    /// `Retry-After` and `extensions.retryAfter`: whole seconds, at least 1.
    pub fn retry_after_secs(&self) -> u64 {
        self.retry_after_ms.div_ceil(1000).max(1)
    }

    /// Builds the decision from what either backend computed.
    pub fn from_parts(quota: Quota, allowed: bool, slack_ms: u64, reset_ms: u64) -> Self {
        let interval = quota.interval_ms();
        if allowed {
            Decision { allowed, limit: quota.limit, remaining: slack_ms / interval, reset_ms, retry_after_ms: 0 }
        } else {
            Decision { allowed, limit: quota.limit, remaining: 0, reset_ms, retry_after_ms: slack_ms }
        }
    }
}

/// One GCRA step. `tat` is the stored theoretical arrival time (ms; `None` for
/// a fresh key). Returns the decision and the TAT to store (`None`: unchanged).
///
/// `new_tat = max(tat, now) + cost·T`; the request is allowed when
/// `new_tat − limit·T ≤ now`, i.e. when the bucket has room for `cost` more.
pub fn gcra(now_ms: u64, tat: Option<u64>, quota: Quota, cost: u64) -> (Decision, Option<u64>) {
    let (now, interval) = (now_ms as i128, quota.interval_ms() as i128);
    let tat = tat.map_or(now, |t| t as i128).max(now);
    let new_tat = tat + interval * cost as i128;
    let allow_at = new_tat - interval * quota.limit as i128;
    let ms = |v: i128| u64::try_from(v).unwrap_or(0);
    if now < allow_at {
        (Decision::from_parts(quota, false, ms(allow_at - now), ms(tat - now)), None)
    } else {
        (Decision::from_parts(quota, true, ms(now - allow_at), ms(new_tat - now)), Some(ms(new_tat)))
    }
}

/// The same step inside Redis. KEYS[1] = the key's TAT; ARGV = interval ms,
/// limit, cost. Returns `{allowed (0/1), slack ms, reset ms}` where slack is
/// the room left when allowed and the wait when refused.
pub const GCRA_LUA: &str = r#"
local interval = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then tat = now end
local new_tat = tat + interval * cost
local allow_at = new_tat - interval * limit
if now < allow_at then
  return {0, allow_at - now, tat - now}
end
redis.call('SET', KEYS[1], new_tat, 'PX', math.max(new_tat - now, 1))
return {1, now - allow_at, new_tat - now}
"#;

/// The kv key of an API key's bucket.
pub fn bucket_key(key_id: uuid::Uuid) -> String {
    format!("ratelimit:apikey:{key_id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const Q: Quota = Quota { limit: 60, period: Duration::from_secs(60) };

    fn run(mut now: u64, requests: u64, step_ms: u64) -> (Vec<Decision>, Option<u64>) {
        let mut tat = None;
        let mut out = Vec::new();
        for _ in 0..requests {
            let (d, new) = gcra(now, tat, Q, 1);
            if let Some(new) = new {
                tat = Some(new);
            }
            out.push(d);
            now += step_ms;
        }
        (out, tat)
    }

    #[test]
    fn a_fresh_key_may_burst_the_whole_quota_and_not_one_more() {
        let (decisions, _) = run(1_000_000, 61, 0);
        assert!(decisions[..60].iter().all(|d| d.allowed));
        assert_eq!(decisions[0].remaining, 59);
        assert_eq!(decisions[59].remaining, 0);
        let refused = decisions[60];
        assert!(!refused.allowed);
        assert_eq!(refused.retry_after_ms, 1_000);
        assert_eq!(refused.retry_after_secs(), 1);
        assert_eq!(refused.reset_secs(), 60);
    }

    #[test]
    fn the_sustained_rate_of_one_per_second_is_never_refused() {
        let (decisions, _) = run(0, 500, 1_000);
        assert!(decisions.iter().all(|d| d.allowed));
    }

    #[test]
    fn after_a_burst_one_request_per_interval_comes_back() {
        let start = 5_000_000;
        let (_, tat) = run(start, 60, 0);
        let (d, _) = gcra(start + 999, tat, Q, 1);
        assert!(!d.allowed);
        assert_eq!(d.retry_after_ms, 1);
        let (d, _) = gcra(start + 1_000, tat, Q, 1);
        assert!(d.allowed);
        assert_eq!(d.remaining, 0);
    }

    #[test]
    fn a_refused_request_does_not_use_up_the_quota() {
        let start = 7_000_000;
        let (_, tat) = run(start, 60, 0);
        for _ in 0..10 {
            let (d, new) = gcra(start, tat, Q, 1);
            assert!(!d.allowed);
            assert!(new.is_none());
        }
        assert!(gcra(start + 1_000, tat, Q, 1).0.allowed);
    }

    #[test]
    fn a_batch_costs_one_per_operation() {
        let (d, tat) = gcra(0, None, Q, 10);
        assert!(d.allowed);
        assert_eq!(d.remaining, 50);
        assert!(!gcra(0, tat, Q, 51).0.allowed);
        assert!(gcra(0, tat, Q, 50).0.allowed);
    }

    #[test]
    fn an_idle_key_refills_completely() {
        let (_, tat) = run(0, 60, 0);
        let (d, _) = gcra(3_600_000, tat, Q, 1);
        assert!(d.allowed);
        assert_eq!(d.remaining, 59);
    }
}
