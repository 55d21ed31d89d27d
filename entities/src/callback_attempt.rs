use sea_orm::entity::prelude::*;

use crate::callback_request::CallbackOutcome;

/// One attempt to call a citizen back (the request keeps the last outcome only).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "callback_attempt")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub callback_id: Uuid,
    /// 1, 2 or 3.
    pub attempt_number: i32,
    pub attempted_at: DateTimeUtc,
    pub outcome: CallbackOutcome,
    pub note: Option<String>,
    /// Who called.
    pub by_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
