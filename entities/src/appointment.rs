use sea_orm::entity::prelude::*;

/// A CUP booking at an office, with its precall, pre-contact e-mail and
/// counter session. Its closed lists (below) are stored as their text.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "appointment")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The office.
    pub unit_id: Uuid,
    /// CUP booking number, unique per office.
    pub cup_number: String,
    pub starts_at: DateTimeUtc,
    /// Day of the appointment in Europe/Rome.
    pub local_date: Date,
    pub service_id: Uuid,
    pub fiscal_code: String,
    pub citizen_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// IN_PERSON or VIRTUAL: wanted at booking, then as confirmed/assigned.
    pub channel: Channel,
    pub status: AppointmentStatus,
    /// CUP_IMPORT or BOOKED (through the API).
    pub source: AppointmentSource,
    pub booked_by_id: Option<Uuid>,
    pub booked_by_unit_id: Option<Uuid>,
    pub cancel_reason: Option<String>,
    pub cancelled_at: Option<DateTimeUtc>,
    pub precall_status: PrecallStatus,
    pub precall_assignee_id: Option<Uuid>,
    pub precall_assigned_at: Option<DateTimeUtc>,
    pub precall_outcome: Option<PrecallOutcome>,
    pub precall_reason: Option<PrecallReason>,
    pub precall_result: Option<PrecallResult>,
    pub precall_note: Option<String>,
    /// First recorded precall attempt (what coverage is measured on).
    pub precalled_at: Option<DateTimeUtc>,
    pub precontact_sent_at: Option<DateTimeUtc>,
    pub precontact_sent_by_id: Option<Uuid>,
    pub citizen_reply: Option<String>,
    pub citizen_reply_at: Option<DateTimeUtc>,
    pub counter_operator_id: Option<Uuid>,
    pub counter_channel: Option<Channel>,
    pub counter_assigned_at: Option<DateTimeUtc>,
    pub counter_started_at: Option<DateTimeUtc>,
    pub counter_ended_at: Option<DateTimeUtc>,
    pub counter_outcome: Option<CounterOutcome>,
    pub protocol_number: Option<String>,
    /// Optimistic concurrency: every update is `WHERE version = ?` and bumps it.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

closed_list! {
    /// How the citizen is served at the counter.
    #[graphql(name = "AppointmentChannel")]
    Channel {
        InPerson = "IN_PERSON",
        /// Video call (sportello virtuale): only where the office has it active.
        Virtual = "VIRTUAL",
    }
}

closed_list! {
    /// Where a booking stands.
    AppointmentStatus {
        /// Booked, waiting for precall or counter assignment.
        Booked = "BOOKED",
        /// The citizen confirmed at the precall (in person or virtual).
        Confirmed = "CONFIRMED",
        /// Served or redirected at the precall: it will not reach the counter.
        ResolvedByPrecall = "RESOLVED_BY_PRECALL",
        /// A counter operator is designated.
        CounterAssigned = "COUNTER_ASSIGNED",
        /// The counter session is under way.
        InSession = "IN_SESSION",
        /// The counter outcome is recorded.
        Closed = "CLOSED",
        Cancelled = "CANCELLED",
    }
}

closed_list! {
    /// Where the booking came from.
    AppointmentSource {
        CupImport = "CUP_IMPORT",
        /// Booked through the API (CCM, quesito conversion, office staff).
        Booked = "BOOKED",
    }
}

closed_list! {
    PrecallStatus {
        /// Fast service: no precall.
        NotRequired = "NOT_REQUIRED",
        Unassigned = "UNASSIGNED",
        Assigned = "ASSIGNED",
        /// An outcome is recorded.
        Done = "DONE",
    }
}

closed_list! {
    /// Colonna "PRECALLING" of the directive.
    PrecallOutcome {
        /// Non contattabile (mancanza del numero di telefono).
        NotContactable = "NOT_CONTACTABLE",
        /// Esito negativo del contatto.
        Negative = "NEGATIVE",
        /// Esito positivo del contatto.
        Positive = "POSITIVE",
    }
}

closed_list! {
    /// Colonna "MOTIVAZIONE NON CONTATTABILE".
    PrecallReason {
        MissingPhone = "MISSING_PHONE",
        WrongNumber = "WRONG_NUMBER",
        NoAnswer = "NO_ANSWER",
    }
}

closed_list! {
    /// Colonna "ESITO CONTATTO" of a positive precall.
    PrecallResult {
        /// Service given on the phone (Profilo Utente "LAVORAZIONE CONCLUSA").
        ServedRemotely = "SERVED_REMOTELY",
        /// Documents will come by e-mail/PEC ("FORNITA ASSISTENZA E/O INFORMAZIONE").
        RedirectedEmailPec = "REDIRECTED_EMAIL_PEC",
        /// "CONFERMA CUP VIRTUALI".
        ConfirmedVirtual = "CONFIRMED_VIRTUAL",
        /// "CONFERMA CUP PRESENZA".
        ConfirmedInPerson = "CONFIRMED_IN_PERSON",
        CancelledByCitizen = "CANCELLED_BY_CITIZEN",
    }
}

closed_list! {
    /// Outcome of a counter session ("ESITO SPORTELLO").
    CounterOutcome {
        Completed = "COMPLETED",
        /// "Servizio trasferito in BO": a protocol number is required.
        TransferredToBackOffice = "TRANSFERRED_TO_BACK_OFFICE",
        NoShow = "NO_SHOW",
        NotDeliverable = "NOT_DELIVERABLE",
    }
}
