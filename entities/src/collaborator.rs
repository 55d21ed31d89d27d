use sea_orm::entity::prelude::*;

/// A collaborator a professional may send to the offices, for a period.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "collaborator")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub professional_id: Uuid,
    pub fiscal_code: String,
    pub valid_from: Date,
    /// `None`: open-ended.
    pub valid_to: Option<Date>,
    pub created_at: DateTimeUtc,
    /// When `endCollaborator` was called.
    pub ended_at: Option<DateTimeUtc>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
