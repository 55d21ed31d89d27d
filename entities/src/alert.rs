use sea_orm::entity::prelude::*;

crate::closed_list! {
    /// What an alert tells its audience (docs/alerts.md).
    AlertKind {
        /// A new quesito in the CRIC section of the audience.
        QuesitoFiled = "QUESITO_FILED",
        /// An open quesito due within one working day.
        QuesitoDueSoon = "QUESITO_DUE_SOON",
        /// A precall, counter session or callback assigned to the recipient.
        Assigned = "ASSIGNED",
        /// A follow-up assigned to the recipient is due today.
        FollowUpDue = "FOLLOW_UP_DUE",
        /// A callback request has waited over 30 minutes without an assignee.
        CallbackWaiting = "CALLBACK_WAITING",
    }
}

/// Something a person should know now: shown in the app's notification area
/// and pushed to open subscriptions. Either for one recipient, or for whoever
/// may act on the unit (and section) it names.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "alert")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub kind: AlertKind,
    /// The unit the alert is about (the CRIC, the office).
    pub unit_id: Uuid,
    pub section: Option<super::quesito::Section>,
    /// Set when the alert is for one person only.
    pub recipient_id: Option<Uuid>,
    /// The record it is about: `quesito`, `appointment`, `callback_request`, `follow_up`.
    pub record_type: String,
    pub record_id: Uuid,
    /// What people read, in Italian.
    pub title: String,
    /// Alerts raised by scans carry a key so that they are raised once, whichever instance scans.
    #[sea_orm(unique)]
    pub dedupe_key: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
