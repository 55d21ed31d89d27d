use uuid::Uuid;

use crate::authz::Role;

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
    pub section: Option<String>,
}

impl Assignment {
    pub fn unit_path(&self) -> Option<&str> {
        self.unit.as_ref().map(|u| u.path.as_str())
    }

    pub fn unit_id(&self) -> Option<Uuid> {
        self.unit.as_ref().map(|u| u.id)
    }
}

/// A signed-in caller.
#[derive(Clone, Debug)]
pub struct Principal {
    pub person_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub assignments: Vec<Assignment>,
}

impl Principal {
    pub fn holds(&self, role: Role) -> bool {
        self.assignments.iter().any(|a| a.role == role)
    }
}
