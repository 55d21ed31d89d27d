use sea_orm::entity::prelude::*;

crate::closed_list! {
    /// How often a subscribed report arrives.
    ReportFrequency {
        /// Every Monday, for the week (Monday to Sunday) just ended.
        Weekly = "WEEKLY",
        /// On the 1st, for the month just ended.
        Monthly = "MONTHLY",
    }
}

/// A person's wish to receive, by e-mail, the figures of a unit for each
/// period that ends (docs/monitoring.md, *Reports that arrive*).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report_subscription")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub unit_id: Uuid,
    pub frequency: ReportFrequency,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::org_unit::Entity", from = "Column::UnitId", to = "super::org_unit::Column::Id")]
    OrgUnit,
}

impl Related<super::org_unit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OrgUnit.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
