use sea_orm::entity::prelude::*;

/// A Linea quesito: a question filed by the CCM to a regional CRIC. Its closed
/// lists (below) are stored as their text; their rules live in `api::quesiti::domain`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quesito")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The CRIC that handles it.
    pub unit_id: Uuid,
    /// The CCM unit that filed it.
    pub filed_by_unit_id: Uuid,
    /// The central directorate it was forwarded to, if any.
    pub forwarded_to_unit_id: Option<Uuid>,
    pub section: Section,
    pub classification_id: Uuid,
    pub subject: String,
    pub question: String,
    pub citizen_fiscal_code: String,
    pub citizen_phone: Option<String>,
    pub citizen_email: Option<String>,
    pub priority: Priority,
    pub status: QuesitoStatus,
    pub due_at: DateTimeUtc,
    pub contact_id: Option<Uuid>,
    pub idempotency_key: Option<String>,
    pub filed_by_id: Uuid,
    pub taken_by_id: Option<Uuid>,
    pub taken_at: Option<DateTimeUtc>,
    pub answer: Option<String>,
    pub answered_by_id: Option<Uuid>,
    pub answered_at: Option<DateTimeUtc>,
    pub forward_reason: Option<String>,
    pub cancel_reason: Option<String>,
    pub appointment_id: Option<Uuid>,
    pub faq_entry_id: Option<Uuid>,
    /// While WAITING_FOR_CITIZEN: since when (the SLA clock is paused).
    pub waiting_since: Option<DateTimeUtc>,
    /// What was last asked of the citizen.
    pub waiting_request: Option<String>,
    /// The citizen's last reply, as recorded by the CCM or the expert.
    pub citizen_reply: Option<String>,
    /// Time spent waiting for the citizen in ended pauses, in seconds.
    pub paused_seconds: i64,
    /// Working days (of the CRIC's calendar) the due date moved by, in all.
    pub paused_working_days: i32,
    /// Continuity: the expert who handled this citizen's previous quesito at
    /// this CRIC in the last 30 days, to whom it is proposed first.
    pub proposed_to_id: Option<Uuid>,
    /// Optimistic-locking version: every update bumps it.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

closed_list! {
    /// The three sections of a CRIC (and the CCM's specialist sections).
    Section {
        /// Pensioni.
        Pensioni = "PENSIONI",
        /// Prestazioni a sostegno del reddito.
        SostegnoReddito = "SOSTEGNO_REDDITO",
        /// Soggetto contribuente.
        SoggettoContribuente = "SOGGETTO_CONTRIBUENTE",
    }
}

closed_list! {
    Priority {
        Low = "LOW",
        Normal = "NORMAL",
        High = "HIGH",
    }
}

closed_list! {
    /// Where a quesito is in its life cycle.
    QuesitoStatus {
        /// Filed, waiting for an expert.
        New = "NEW",
        /// Taken by an expert of the CRIC.
        InProgress = "IN_PROGRESS",
        /// Information was asked of the citizen: the SLA clock is paused until they reply.
        WaitingForCitizen = "WAITING_FOR_CITIZEN",
        /// Answered by the CRIC or by the central directorate.
        Answered = "ANSWERED",
        /// Of exceptional complexity: with the central directorate, which answers it.
        ForwardedCentral = "FORWARDED_CENTRAL",
        /// The paper file must be rebuilt: an office appointment was booked instead.
        ConvertedToAppointment = "CONVERTED_TO_APPOINTMENT",
        Cancelled = "CANCELLED",
    }
}
