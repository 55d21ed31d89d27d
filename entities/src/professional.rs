use sea_orm::entity::prelude::*;

/// A professional (commercialista, consulente del lavoro) who may declare procure.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "professional")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The person who signs in as this professional.
    #[sea_orm(unique)]
    pub person_id: Uuid,
    #[sea_orm(unique)]
    pub fiscal_code: String,
    pub name: String,
    /// Entratel user type, e.g. `A10`.
    pub entratel_type: String,
    /// Professional register (albo): its name, province and registration number.
    pub albo_name: String,
    pub albo_province: String,
    pub albo_number: String,
    pub self_registered: bool,
    /// `None` until an administrator verifies a self-registration.
    pub verified_at: Option<DateTimeUtc>,
    pub verified_by: Option<Uuid>,
    /// Set when an administrator rejects a self-registration (it leaves the
    /// queue; the account is deactivated); the reason was e-mailed.
    pub rejected_at: Option<DateTimeUtc>,
    pub rejection_reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
