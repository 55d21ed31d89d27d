use sea_orm::entity::prelude::*;

/// A professional's endpoint for signed notifications about their procure.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub professional_id: Uuid,
    pub url: String,
    /// HMAC-SHA256 key; shown to the professional once.
    pub secret: String,
    /// The secret a rotation replaced, still valid (deliveries signed with
    /// both) until `previous_secret_until`.
    pub previous_secret: Option<String>,
    pub previous_secret_until: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub deleted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
