use uuid::Uuid;

use crate::authz::{Action, Role};

/// The organisational unit a role is held on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitRef {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub path: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
    pub role: Role,
    /// `None` for roles held outside the organisation (PROFESSIONAL).
    pub unit: Option<UnitRef>,
    /// CRIC or CCM section the assignment is narrowed to, if any.
    pub section: Option<crate::quesiti::domain::Section>,
}

impl Assignment {
    pub fn unit_path(&self) -> Option<&str> {
        self.unit.as_ref().map(|u| u.path.as_str())
    }

    pub fn unit_id(&self) -> Option<Uuid> {
        self.unit.as_ref().map(|u| u.id)
    }
}

/// How the caller proved who they are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AuthMethod {
    /// A session token from signing in: the person's full permissions.
    #[default]
    Session,
    /// A partner-app API key: acts as its person, read-only, and only for
    /// [`API_KEY_ACTIONS`]; rate-limited per key.
    ApiKey { key_id: Uuid },
}

/// What an API key may do on behalf of its professional: read their procure
/// and collaborators (and run `procuraCheck`). Mutations are refused before
/// execution (`http::graphql`), everything else here in [`crate::tenancy::Scope`].
pub const API_KEY_ACTIONS: &[Action] = &[Action::ProcuraRead];

impl AuthMethod {
    pub fn allows(self, action: Action) -> bool {
        match self {
            AuthMethod::Session => true,
            AuthMethod::ApiKey { .. } => API_KEY_ACTIONS.contains(&action),
        }
    }
}

/// A signed-in caller.
#[derive(Clone, Debug)]
pub struct Principal {
    pub person_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub assignments: Vec<Assignment>,
    pub via: AuthMethod,
    /// Signed in with a password an admin chose: everything but choosing a
    /// new one is refused ([`crate::error::AppError::PasswordChangeRequired`]).
    pub must_change_password: bool,
}

impl Principal {
    pub fn holds(&self, role: Role) -> bool {
        self.assignments.iter().any(|a| a.role == role)
    }

    /// The API key this request was made with, if any.
    pub fn api_key_id(&self) -> Option<Uuid> {
        match self.via {
            AuthMethod::ApiKey { key_id } => Some(key_id),
            AuthMethod::Session => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_may_do_anything_its_roles_allow_and_a_key_only_read_procure() {
        let key = AuthMethod::ApiKey { key_id: Uuid::nil() };
        for action in Action::ALL {
            assert!(AuthMethod::Session.allows(action));
            assert_eq!(key.allows(action), action == Action::ProcuraRead, "{action:?}");
        }
    }
}
