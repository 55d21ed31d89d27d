use sea_orm::entity::prelude::*;

/// A CUP booking at an office, with its precall, pre-contact e-mail and
/// counter session. Enums are SCREAMING_CASE strings parsed in the domain.
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
    pub channel: String,
    pub status: String,
    /// CUP_IMPORT or BOOKED (through the API).
    pub source: String,
    pub booked_by_id: Option<Uuid>,
    pub booked_by_unit_id: Option<Uuid>,
    pub cancel_reason: Option<String>,
    pub cancelled_at: Option<DateTimeUtc>,
    pub precall_status: String,
    pub precall_assignee_id: Option<Uuid>,
    pub precall_assigned_at: Option<DateTimeUtc>,
    pub precall_outcome: Option<String>,
    pub precall_reason: Option<String>,
    pub precall_result: Option<String>,
    pub precall_note: Option<String>,
    /// First recorded precall attempt (what coverage is measured on).
    pub precalled_at: Option<DateTimeUtc>,
    pub precontact_sent_at: Option<DateTimeUtc>,
    pub precontact_sent_by_id: Option<Uuid>,
    pub citizen_reply: Option<String>,
    pub citizen_reply_at: Option<DateTimeUtc>,
    pub counter_operator_id: Option<Uuid>,
    pub counter_channel: Option<String>,
    pub counter_assigned_at: Option<DateTimeUtc>,
    pub counter_started_at: Option<DateTimeUtc>,
    pub counter_ended_at: Option<DateTimeUtc>,
    pub counter_outcome: Option<String>,
    pub protocol_number: Option<String>,
    /// Optimistic concurrency: every update is `WHERE version = ?` and bumps it.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
