use sea_orm::entity::prelude::*;

use crate::quesito::Section;

/// A type of quesito (tipologia) in a CRIC section, owned by the national root
/// (everywhere) or by a regional directorate (that region only).
// Deserialize: a page of quesiti brings this level along as JSON on PostgreSQL
// (api's `quesiti::store::page_levels`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "quesito_classification")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub unit_id: Uuid,
    pub section: Section,
    pub code: String,
    pub label: String,
    pub active: bool,
    /// The central directorate competent for the subject (seed 003): forwarded
    /// quesiti of this classification go there. None: the national root's first.
    pub competent_directorate_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
