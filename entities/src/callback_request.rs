use sea_orm::entity::prelude::*;

/// A citizen's request to be called back (IVR "richiamata").
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "callback_request")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The provincial directorate or office to call back from.
    pub unit_id: Uuid,
    pub phone: String,
    pub topic: String,
    pub requested_at: DateTimeUtc,
    /// First moment within opening hours it may be served.
    pub available_from: DateTimeUtc,
    /// WAITING, ASSIGNED or DONE.
    pub status: CallbackStatus,
    pub assignee_id: Option<Uuid>,
    pub assigned_at: Option<DateTimeUtc>,
    pub attempts: i32,
    pub last_attempt_at: Option<DateTimeUtc>,
    /// RESOLVED, ROUTED_INTERNALLY or NO_ANSWER (the last attempt's outcome).
    pub outcome: Option<CallbackOutcome>,
    pub note: Option<String>,
    pub requested_by_id: Option<Uuid>,
    pub requested_by_unit_id: Option<Uuid>,
    /// The telephony system's id of the call, for requests filed by an IVR (unique).
    pub call_id: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

closed_list! {
    CallbackStatus {
        Waiting = "WAITING",
        Assigned = "ASSIGNED",
        Done = "DONE",
    }
}

closed_list! {
    CallbackOutcome {
        Resolved = "RESOLVED",
        /// Put through to the unit that holds the file.
        RoutedInternally = "ROUTED_INTERNALLY",
        /// Nobody answered: retried up to 3 attempts.
        NoAnswer = "NO_ANSWER",
    }
}
