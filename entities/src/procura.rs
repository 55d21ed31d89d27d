use sea_orm::entity::prelude::*;

/// A procura declared by a professional. Its status (active, expired, revoked)
/// is derived from the dates at read time, never stored.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "procura")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub professional_id: Uuid,
    /// 16-character personal fiscal code or 11-digit VAT code.
    pub client_fiscal_code: String,
    pub service_review_irregularity: bool,
    pub service_refund_documentation: bool,
    pub service_review_assessments41bis: bool,
    pub service_status_information: bool,
    pub valid_from: Date,
    pub valid_to: Date,
    pub collaborators_authorized: bool,
    pub privacy_notice_given: bool,
    pub declared_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
    /// Europe/Rome day from which the revocation applies.
    pub revoked_on: Option<Date>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
