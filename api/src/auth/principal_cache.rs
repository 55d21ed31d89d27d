//! The callers resolved recently, so that most requests resolve theirs
//! without the database (issue 15: three statements on every request before).
//!
//! What is cached is a person's [`Principal`] (their assignments with units),
//! by person, with the *authorisation version* it was read at. The session
//! itself is still looked up on every request (one Redis GET, or one indexed
//! SQL statement without Redis), so signing out ends a token at once on every
//! instance. Anything that changes who a person is or what they may do —
//! deactivation, role assignments, their name — calls [`bump`] after it
//! commits: with Redis the version is a shared counter read in the same round
//! trip as the session (`MGET`), so every instance reloads at once; without
//! Redis it lives in this process (one instance: immediate; several instances
//! on one database without Redis: within [`MAX_AGE`]).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use uuid::Uuid;

use super::Principal;

/// The longest a cached principal is used without being read again, whatever the version says.
pub const MAX_AGE: Duration = Duration::from_secs(30);
/// Bound on the people remembered; past it the cache starts over (it is only a cache).
const MAX_ENTRIES: usize = 10_000;

/// The Redis key of the shared authorisation version.
pub const VERSION_KEY: &str = "auth:version";

#[derive(Default)]
pub struct PrincipalCache {
    entries: Mutex<HashMap<Uuid, Entry>>,
    /// The version when there is no Redis (and a local floor when there is).
    local_version: AtomicU64,
}

struct Entry {
    principal: Arc<Principal>,
    version: u64,
    read_at: Instant,
}

impl PrincipalCache {
    pub fn local_version(&self) -> u64 {
        self.local_version.load(Ordering::Acquire)
    }

    /// The person's principal if it was read at `version` less than [`MAX_AGE`] ago.
    pub fn get(&self, person_id: Uuid, version: u64) -> Option<Arc<Principal>> {
        let entries = self.entries.lock().ok()?;
        let entry = entries.get(&person_id)?;
        (entry.version == version && entry.read_at.elapsed() < MAX_AGE).then(|| entry.principal.clone())
    }

    pub fn put(&self, principal: Arc<Principal>, version: u64) {
        let Ok(mut entries) = self.entries.lock() else { return };
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(principal.person_id, Entry { principal, version, read_at: Instant::now() });
    }

    /// Forgets everyone in this process and moves the local version on.
    pub fn bump_local(&self) {
        self.local_version.fetch_add(1, Ordering::AcqRel);
        if let Ok(mut entries) = self.entries.lock() {
            entries.clear();
        }
    }
}

/// After a change to who a person is or what they may do has committed:
/// every instance reads every principal again on its next request.
pub async fn bump(state: &crate::state::AppState) -> crate::error::AppResult<()> {
    state.principals.bump_local();
    if state.kv.is_redis() {
        state.kv.incr(VERSION_KEY).await?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::auth::AuthMethod;

    fn principal() -> Arc<Principal> {
        Arc::new(Principal {
            person_id: Uuid::now_v7(),
            username: "op".into(),
            display_name: "Op".into(),
            assignments: vec![],
            via: AuthMethod::Session,
            must_change_password: false,
        })
    }

    #[test]
    fn a_principal_is_used_only_at_the_version_it_was_read() {
        let cache = PrincipalCache::default();
        let p = principal();
        cache.put(p.clone(), 3);
        assert!(cache.get(p.person_id, 3).is_some());
        assert!(cache.get(p.person_id, 4).is_none());
        cache.bump_local();
        assert!(cache.get(p.person_id, 3).is_none(), "bumping forgets");
        assert_eq!(cache.local_version(), 1);
    }
}
