use uuid::Uuid;

use crate::auth::{Assignment, Principal};

/// Who acted. For anonymous attempts (a failed sign-in) only the username given.
#[derive(Clone, Debug, Default)]
pub struct Actor {
    pub id: Option<Uuid>,
    pub username: Option<String>,
    pub role: Option<&'static str>,
    pub unit_id: Option<Uuid>,
}

impl Actor {
    pub fn from_principal(principal: &Principal) -> Self {
        Actor { id: Some(principal.person_id), username: Some(principal.username.clone()), ..Actor::default() }
    }

    /// The caller acting under one specific role assignment.
    pub fn acting_as(principal: &Principal, assignment: &Assignment) -> Self {
        Actor {
            role: Some(assignment.role.as_str()),
            unit_id: assignment.unit_id(),
            ..Actor::from_principal(principal)
        }
    }
}

/// What happened. `action` is `area.verb` (e.g. `auth.login`, `quesito.take`).
#[derive(Clone, Debug)]
pub struct AuditRecord {
    pub action: String,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    /// The unit the affected record belongs to.
    pub unit_id: Option<Uuid>,
    /// Non-personal details of the operation.
    pub detail: Option<serde_json::Value>,
}

impl AuditRecord {
    pub fn new(action: &str) -> Self {
        AuditRecord { action: action.to_owned(), record_type: None, record_id: None, unit_id: None, detail: None }
    }

    pub fn record(mut self, record_type: &str, record_id: impl Into<String>) -> Self {
        self.record_type = Some(record_type.to_owned());
        self.record_id = Some(record_id.into());
        self
    }

    pub fn unit(mut self, unit_id: Uuid) -> Self {
        self.unit_id = Some(unit_id);
        self
    }

    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = Some(detail);
        self
    }
}
