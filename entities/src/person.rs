use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "person")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub fiscal_code: Option<String>,
    /// PHC string (argon2id). `None` for people who sign in only through SSO.
    pub password_hash: Option<String>,
    pub active: bool,
    /// Set when someone else chose the password (an admin creating the person):
    /// until they choose their own, the API refuses everything but that.
    pub must_change_password: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
