pub use entities::role_assignment::Role;

/// Operations that need a policy decision. Each names `area:verb` as in policy.csv.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    OrgRead,
    OrgManage,
    PeopleManage,
    AuditRead,
    /// Record CCM contacts and read the CCM's contacts.
    ContactRecord,
    /// File a quesito to a CRIC (the CCM files to every region's CRIC).
    QuesitoFile,
    /// Read quesiti of a unit: the CRIC handling them, the CCM that filed
    /// them, the central directorate they were forwarded to.
    QuesitoRead,
    /// Take, answer, forward and convert quesiti of the unit.
    QuesitoWork,
    /// Cancel quesiti handled or filed by the unit.
    QuesitoCancel,
    /// Find the unit a quesito goes to (the central directorate it is forwarded to).
    QuesitoRoute,
    /// See the citizen's fiscal code, phone and e-mail on quesiti of the unit.
    QuesitoReadContact,
    /// Manage the classifications and the SLA of quesiti.
    QuesitoConfigure,
    /// Read and search the FAQ.
    FaqRead,
    /// Publish, update and retire FAQ entries.
    FaqWrite,
    /// Manage the national service catalogue.
    ServiceManage,
    /// Set which services the operators of an office can give.
    SkillManage,
    /// Read the bookings of an office.
    AppointmentRead,
    /// Read the bookings made by one's own unit, at any office (CCM, CRIC).
    AppointmentReadBooked,
    /// See a booking's citizen data (name, fiscal code, phone, e-mail); every read is audited.
    AppointmentReadContact,
    AppointmentImport,
    AppointmentBook,
    AppointmentCancel,
    /// Assign and reassign precalls and counter sessions.
    AppointmentAssign,
    /// Record precall outcomes, pre-contact e-mails and counter sessions of what is assigned to one.
    AppointmentWork,
    CallbackRequest,
    CallbackRead,
    /// Read the callback requests filed by one's own unit (CCM).
    CallbackReadRequested,
    /// See a callback request's phone number; every read is audited.
    CallbackReadContact,
    CallbackAssign,
    CallbackWork,
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
    /// Read the monitoring figures of a unit and everything under it (docs/domain.md §7).
    StatsRead,
    /// Set the opening hours and closures of a unit and everything under it.
    CalendarManage,
    /// Create, list and revoke the IVR keys (telephony systems) of provincial directorates.
    CallbackIvrKeys,
    /// Set an office's function mailbox (in copy of its pre-contact e-mails).
    OfficeSettings,
}

impl Action {
    pub const ALL: [Action; 41] = [
        Action::OrgRead,
        Action::OrgManage,
        Action::PeopleManage,
        Action::AuditRead,
        Action::ContactRecord,
        Action::QuesitoFile,
        Action::QuesitoRead,
        Action::QuesitoWork,
        Action::QuesitoCancel,
        Action::QuesitoRoute,
        Action::QuesitoReadContact,
        Action::QuesitoConfigure,
        Action::FaqRead,
        Action::FaqWrite,
        Action::ServiceManage,
        Action::SkillManage,
        Action::AppointmentRead,
        Action::AppointmentReadBooked,
        Action::AppointmentReadContact,
        Action::AppointmentImport,
        Action::AppointmentBook,
        Action::AppointmentCancel,
        Action::AppointmentAssign,
        Action::AppointmentWork,
        Action::CallbackRequest,
        Action::CallbackRead,
        Action::CallbackReadRequested,
        Action::CallbackReadContact,
        Action::CallbackAssign,
        Action::CallbackWork,
        Action::OutboxRead,
        Action::OutboxManage,
        Action::ProfessionalManage,
        Action::ProcuraRead,
        Action::ProcuraManage,
        Action::ApiKeyManage,
        Action::CollaboratorCheck,
        Action::StatsRead,
        Action::CalendarManage,
        Action::CallbackIvrKeys,
        Action::OfficeSettings,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::OrgRead => "org:read",
            Action::OrgManage => "org:manage",
            Action::PeopleManage => "people:manage",
            Action::AuditRead => "audit:read",
            Action::ContactRecord => "ccm:contact",
            Action::QuesitoFile => "quesito:file",
            Action::QuesitoRead => "quesito:read",
            Action::QuesitoWork => "quesito:work",
            Action::QuesitoCancel => "quesito:cancel",
            Action::QuesitoRoute => "quesito:route",
            Action::QuesitoReadContact => "quesito:read_contact",
            Action::QuesitoConfigure => "quesito:configure",
            Action::FaqRead => "faq:read",
            Action::FaqWrite => "faq:write",
            Action::ServiceManage => "services:manage",
            Action::SkillManage => "skills:manage",
            Action::AppointmentRead => "appointments:read",
            Action::AppointmentReadBooked => "appointments:read_booked",
            Action::AppointmentReadContact => "appointments:read_contact",
            Action::AppointmentImport => "appointments:import",
            Action::AppointmentBook => "appointments:book",
            Action::AppointmentCancel => "appointments:cancel",
            Action::AppointmentAssign => "appointments:assign",
            Action::AppointmentWork => "appointments:work",
            Action::CallbackRequest => "callbacks:request",
            Action::CallbackRead => "callbacks:read",
            Action::CallbackReadRequested => "callbacks:read_requested",
            Action::CallbackReadContact => "callbacks:read_contact",
            Action::CallbackAssign => "callbacks:assign",
            Action::CallbackWork => "callbacks:work",
            Action::OutboxRead => "outbox:read",
            Action::OutboxManage => "outbox:manage",
            Action::ProfessionalManage => "professional:manage",
            Action::ProcuraRead => "procura:read",
            Action::ProcuraManage => "procura:manage",
            Action::ApiKeyManage => "apikey:manage",
            Action::CollaboratorCheck => "procura:check_collaborator",
            Action::StatsRead => "stats:read",
            Action::CalendarManage => "calendar:manage",
            Action::CallbackIvrKeys => "callbacks:ivr_keys",
            Action::OfficeSettings => "org:office_settings",
        }
    }
}
