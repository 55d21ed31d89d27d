use sea_orm::entity::prelude::*;

use crate::quesito::Section;

crate::closed_list! {
    FaqStatus {
        Published = "PUBLISHED",
        /// No longer shown in searches; kept for the record.
        Retired = "RETIRED",
    }
}

/// A FAQ entry published by a CRIC for a section.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "faq_entry")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The CRIC that published it.
    pub unit_id: Uuid,
    pub section: Section,
    pub question: String,
    pub answer: String,
    /// Tags joined by ", ".
    pub tags: String,
    pub source_quesito_id: Option<Uuid>,
    pub status: FaqStatus,
    pub version: i32,
    pub created_by_id: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
