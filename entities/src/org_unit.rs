use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "org_unit")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub code: String,
    pub name: String,
    pub kind: String,
    pub parent_id: Option<Uuid>,
    /// Materialised path such as `/IT/SAR/CA/CA1/`: "this unit and everything
    /// under it" is `path LIKE '/IT/SAR/%'`.
    #[sea_orm(unique)]
    pub path: String,
    pub office_size: Option<String>,
    pub virtual_counter: bool,
    pub virtual_counter_mailbox: Option<String>,
    pub opening_hours: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
