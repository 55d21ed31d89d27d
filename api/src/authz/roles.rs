use std::str::FromStr;

/// The roles of DOMAIN.md §3. Stored as their SCREAMING_CASE name.
#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Admin,
    RegionalDirector,
    ProvincialDirector,
    OfficeDirector,
    RoomCoordinator,
    Operator,
    CcmOperator,
    CricExpert,
    Auditor,
    Professional,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::Admin,
        Role::RegionalDirector,
        Role::ProvincialDirector,
        Role::OfficeDirector,
        Role::RoomCoordinator,
        Role::Operator,
        Role::CcmOperator,
        Role::CricExpert,
        Role::Auditor,
        Role::Professional,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "ADMIN",
            Role::RegionalDirector => "REGIONAL_DIRECTOR",
            Role::ProvincialDirector => "PROVINCIAL_DIRECTOR",
            Role::OfficeDirector => "OFFICE_DIRECTOR",
            Role::RoomCoordinator => "ROOM_COORDINATOR",
            Role::Operator => "OPERATOR",
            Role::CcmOperator => "CCM_OPERATOR",
            Role::CricExpert => "CRIC_EXPERT",
            Role::Auditor => "AUDITOR",
            Role::Professional => "PROFESSIONAL",
        }
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown role `{s}`"))
    }
}

/// Operations that need a policy decision. Each names `area:verb` as in policy.csv.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    OrgRead,
    OrgManage,
    PeopleManage,
    AuditRead,
    /// Monitor the notifications outbox (status, attempts, delivery log; no bodies).
    OutboxRead,
    /// Retry a failed or waiting notification.
    OutboxManage,
    /// Register and verify professionals (the register is national).
    ProfessionalManage,
    /// Read one's own procure, their history and collaborators; check them.
    ProcuraRead,
    /// Declare and revoke one's own procure, list collaborators, register webhooks.
    ProcuraManage,
    /// Create and revoke one's own partner API keys.
    ApiKeyManage,
    /// At the counter: may this collaborator act for this client?
    CollaboratorCheck,
}

impl Action {
    pub const ALL: [Action; 11] = [
        Action::OrgRead,
        Action::OrgManage,
        Action::PeopleManage,
        Action::AuditRead,
        Action::OutboxRead,
        Action::OutboxManage,
        Action::ProfessionalManage,
        Action::ProcuraRead,
        Action::ProcuraManage,
        Action::ApiKeyManage,
        Action::CollaboratorCheck,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::OrgRead => "org:read",
            Action::OrgManage => "org:manage",
            Action::PeopleManage => "people:manage",
            Action::AuditRead => "audit:read",
            Action::OutboxRead => "outbox:read",
            Action::OutboxManage => "outbox:manage",
            Action::ProfessionalManage => "professional:manage",
            Action::ProcuraRead => "procura:read",
            Action::ProcuraManage => "procura:manage",
            Action::ApiKeyManage => "apikey:manage",
            Action::CollaboratorCheck => "procura:check_collaborator",
        }
    }
}
