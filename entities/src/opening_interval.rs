use sea_orm::entity::prelude::*;

/// One weekly opening interval of a unit (an office, a DP), in Rome time.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "opening_interval")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub unit_id: Uuid,
    /// ISO weekday: 1 Monday … 7 Sunday.
    pub weekday: i16,
    /// Minutes after midnight; the interval is `[opens, closes)`.
    pub opens_minute: i32,
    pub closes_minute: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
