use sea_orm::entity::prelude::*;

/// A partner-app API key. It acts as its person, read-only.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_key")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub name: String,
    /// SHA-256 of the key; the key itself is never stored.
    #[sea_orm(unique)]
    pub token_hash: String,
    /// The key's first characters, so its owner can tell keys apart.
    pub hint: String,
    pub created_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
