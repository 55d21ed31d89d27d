use sea_orm::entity::prelude::*;

/// A service offered at the offices (the national catalogue).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub code: String,
    pub name: String,
    /// Fast services need no booking and are never precalled.
    pub fast: bool,
    /// Profilo Utente process the service is recorded under.
    pub pu_process: String,
    /// Profilo Utente product, when the process asks for one.
    pub pu_product: Option<String>,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
