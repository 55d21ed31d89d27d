use sea_orm::entity::prelude::*;

use crate::quesito::QuesitoStatus;

/// One transition of a quesito's life cycle. Append-only.
// Deserialize: a page of quesiti brings this level along as JSON on PostgreSQL
// (api's `quesiti::store::page_levels`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "quesito_event")]
pub struct Model {
    /// UUIDv7: ordering by id is ordering by time.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub quesito_id: Uuid,
    /// None for the filing itself.
    pub from_status: Option<QuesitoStatus>,
    pub to_status: QuesitoStatus,
    pub actor_id: Uuid,
    pub actor_username: String,
    pub acting_role: Option<String>,
    pub note: Option<String>,
    pub occurred_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
