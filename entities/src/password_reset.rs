use sea_orm::entity::prelude::*;

/// A one-time link to choose a new password, issued by an admin or director
/// and sent by e-mail to the person. Used once, then void; expires.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "password_reset")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    /// SHA-256 of the link's token; the token itself is never stored.
    #[sea_orm(unique)]
    pub token_hash: String,
    pub issued_by_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
