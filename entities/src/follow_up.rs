use sea_orm::entity::prelude::*;

crate::closed_list! {
    /// Where a follow-up item stands.
    FollowUpStatus {
        Open = "OPEN",
        /// Done, with what was done (`outcome`).
        Done = "DONE",
        /// Not needed after all, with why (`outcome`).
        Cancelled = "CANCELLED",
    }
}

crate::closed_list! {
    /// What left the work to do.
    FollowUpOrigin {
        /// A counter session closed as TRANSFERRED_TO_BACK_OFFICE, with its protocol number.
        CounterBackOffice = "COUNTER_BACK_OFFICE",
        /// A precall that sent the citizen to e-mail/PEC: "evasa nel giro di 2/3 giorni".
        PrecallEmailPec = "PRECALL_EMAIL_PEC",
    }
}

/// Work an office owes a citizen after a booking (docs/domain.md §5.7), due
/// within 3 working days of the office's calendar.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "follow_up")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The office that owes it.
    pub unit_id: Uuid,
    pub appointment_id: Option<Uuid>,
    pub origin: FollowUpOrigin,
    pub citizen_fiscal_code: String,
    pub citizen_name: String,
    pub protocol_number: Option<String>,
    pub assignee_id: Option<Uuid>,
    pub status: FollowUpStatus,
    pub due_on: Date,
    pub outcome: Option<String>,
    pub closed_at: Option<DateTimeUtc>,
    pub closed_by_id: Option<Uuid>,
    pub created_by_id: Uuid,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
