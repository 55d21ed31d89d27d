use sea_orm::entity::prelude::*;

/// Days a unit (and every unit under it) is closed: a patron saint's day
/// (`yearly`), a closure for works.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "unit_closure")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub unit_id: Uuid,
    pub first_day: Date,
    pub last_day: Date,
    /// The same days every year.
    pub yearly: bool,
    pub reason: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
