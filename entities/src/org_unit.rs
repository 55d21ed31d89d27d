use sea_orm::entity::prelude::*;

// Deserialize: a page of quesiti brings this level along as JSON on PostgreSQL
// (api's `quesiti::store::page_levels`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "org_unit")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub parent_id: Option<Uuid>,
    /// Materialised path such as `/IT/SAR/CA/CA1/`: "this unit and everything
    /// under it" is `path LIKE '/IT/SAR/%'`.
    #[sea_orm(unique)]
    pub path: String,
    pub office_size: Option<OfficeSize>,
    pub virtual_counter: bool,
    pub virtual_counter_mailbox: Option<String>,
    /// The office's function mailbox: in copy of the pre-contact e-mails its
    /// operators send (not the virtual counter's mailbox).
    pub function_mailbox: Option<String>,
    pub opening_hours: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

closed_list! {
    /// What a unit is (docs/domain.md §2).
    UnitKind {
        National = "NATIONAL",
        CentralDirectorate = "CENTRAL_DIRECTORATE",
        ContactCenter = "CONTACT_CENTER",
        RegionalDirectorate = "REGIONAL_DIRECTORATE",
        Cric = "CRIC",
        ProvincialDirectorate = "PROVINCIAL_DIRECTORATE",
        TerritorialOffice = "TERRITORIAL_OFFICE",
    }
}

closed_list! {
    /// Office size: large offices use the pre-contact e-mail (docs/domain.md §5.3).
    OfficeSize {
        Small = "SMALL",
        Large = "LARGE",
    }
}
