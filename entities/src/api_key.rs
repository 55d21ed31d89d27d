use sea_orm::entity::prelude::*;

/// An API key: a partner app's (acts as its person, read-only) or an IVR's
/// (files callback requests for one provincial directorate; `person_id` is the admin who created it).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_key")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub name: String,
    /// SHA-256 of the key; the key itself is never stored.
    #[sea_orm(unique)]
    pub token_hash: String,
    /// The key's first characters, so its owner can tell keys apart.
    pub hint: String,
    pub created_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    /// `PARTNER` (acts as its professional) or `IVR` (a telephony system's, scoped to `unit_id`).
    pub kind: ApiKeyKind,
    /// The provincial directorate an IVR key files callback requests for.
    pub unit_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

closed_list! {
    /// Who uses a key.
    ApiKeyKind {
        /// A professional's practice-management software: acts as its person, read-only.
        Partner = "PARTNER",
        /// A telephony system (e.g. Genesys) filing callback requests for one provincial directorate.
        Ivr = "IVR",
    }
}
