//! Who may do what, and where: casbin decides from the versioned model and
//! policy in `api/policy/`; [`crate::tenancy`] turns the answer into SQL.
//!
//! Decisions are taken per operation inside the domain services, never by a
//! path middleware in front of `/graphql` (every operation looks the same there).

mod roles;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use casbin::{CoreApi, DefaultModel, Enforcer, StringAdapter};

pub use roles::{Action, Role};

/// The model and policy are compiled into the binary so the server behaves the
/// same wherever it is started from; the files stay the reviewed source.
const MODEL: &str = include_str!("../../policy/model.conf");
const POLICY: &str = include_str!("../../policy/policy.csv");

/// A decision's question: role, held path, target path, action.
type Question = (Role, String, String, Action);

/// Bound on the decisions remembered; past it the memo starts over.
const MEMO_LIMIT: usize = 100_000;

#[derive(Clone)]
pub struct Authz {
    enforcer: Arc<Enforcer>,
    /// The policy is compiled in and never changes while the process runs, so
    /// a decision, once taken, holds: each signed-in request asks about every
    /// action for the caller's reach (issue 15: ~80 casbin evaluations, most of
    /// a `{ me }` request's time), and those questions repeat request after request.
    memo: Arc<Mutex<HashMap<Question, bool>>>,
}

impl Authz {
    pub async fn load() -> Result<Self, casbin::Error> {
        let model = DefaultModel::from_str(MODEL).await?;
        let policy: String = POLICY
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        let enforcer = Enforcer::new(model, StringAdapter::new(policy)).await?;
        Ok(Authz { enforcer: Arc::new(enforcer), memo: Arc::default() })
    }

    /// May `role`, held on the unit at `held_path` (None for roles held outside
    /// the organisation), do `action` on a record of the unit at `target_path`
    /// (None for records owned by a person rather than a unit)?
    pub fn permits(&self, role: Role, held_path: Option<&str>, target_path: Option<&str>, action: Action) -> bool {
        let question = (role, held_path.unwrap_or("").to_owned(), target_path.unwrap_or("").to_owned(), action);
        if let Some(known) = self.memo.lock().ok().and_then(|memo| memo.get(&question).copied()) {
            return known;
        }
        let decision = self.decide(role, held_path, target_path, action);
        if let Ok(mut memo) = self.memo.lock() {
            if memo.len() >= MEMO_LIMIT {
                memo.clear();
            }
            memo.insert(question, decision);
        }
        decision
    }

    fn decide(&self, role: Role, held_path: Option<&str>, target_path: Option<&str>, action: Action) -> bool {
        self.enforcer
            .enforce((role.as_str(), held_path.unwrap_or(""), target_path.unwrap_or(""), action.as_str()))
            .unwrap_or_else(|err| {
                tracing::error!(error.cause = ?err, "casbin enforce failed; denying");
                false
            })
    }
}

/// Any path outside every real unit: a role that may act on it may act anywhere.
pub(crate) const OUTSIDE_ANY_UNIT: &str = "/";

#[cfg(test)]
mod tests;
