use sea_orm::entity::prelude::*;

/// Append-only: the application inserts rows and never updates or deletes them.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    /// UUIDv7, so ordering by id is ordering by time.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub occurred_at: DateTimeUtc,
    pub actor_id: Option<Uuid>,
    pub actor_username: Option<String>,
    pub acting_role: Option<String>,
    pub acting_unit_id: Option<Uuid>,
    /// Unit owning the affected record; the auditor's scope filters on it.
    pub unit_id: Option<Uuid>,
    pub action: String,
    pub record_type: Option<String>,
    pub record_id: Option<String>,
    /// JSON object with the operation's non-personal details.
    pub detail: Option<String>,
    pub request_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
