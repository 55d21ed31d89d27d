use sea_orm::entity::prelude::*;

use crate::quesito::Section;

/// Working days to answer a quesito of a section, set for a national root or a
/// regional directorate (the nearest one above the CRIC wins; built-in
/// defaults otherwise).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quesito_sla")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub unit_id: Uuid,
    pub section: Section,
    pub working_days: i32,
    pub version: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
