use sea_orm::entity::prelude::*;

/// A Linea quesito: a question filed by the CCM to a regional CRIC.
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
    pub section: String,
    pub classification_id: Uuid,
    pub subject: String,
    pub question: String,
    pub citizen_fiscal_code: String,
    pub citizen_phone: Option<String>,
    pub citizen_email: Option<String>,
    pub priority: String,
    pub status: String,
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
    /// Optimistic-locking version: every update bumps it.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
