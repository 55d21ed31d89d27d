//! Who may do what, and where: casbin decides from the versioned model and
//! policy in `api/policy/`; [`crate::tenancy`] turns the answer into SQL.
//!
//! Decisions are taken per operation inside the domain services, never by a
//! path middleware in front of `/graphql` (every operation looks the same there).

mod roles;

use std::sync::Arc;

use casbin::{CoreApi, DefaultModel, Enforcer, StringAdapter};

pub use roles::{Action, Role};

/// The model and policy are compiled into the binary so the server behaves the
/// same wherever it is started from; the files stay the reviewed source.
const MODEL: &str = include_str!("../../policy/model.conf");
const POLICY: &str = include_str!("../../policy/policy.csv");

#[derive(Clone)]
pub struct Authz {
    enforcer: Arc<Enforcer>,
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
        Ok(Authz { enforcer: Arc::new(enforcer) })
    }

    /// May `role`, held on the unit at `held_path` (None for roles held outside
    /// the organisation), do `action` on a record of the unit at `target_path`
    /// (None for records owned by a person rather than a unit)?
    pub fn permits(&self, role: Role, held_path: Option<&str>, target_path: Option<&str>, action: Action) -> bool {
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
