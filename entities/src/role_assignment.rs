use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "role_assignment")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub role: Role,
    /// `None` only for roles held outside the organisation (PROFESSIONAL).
    pub unit_id: Option<Uuid>,
    /// Optional CRIC/CCM section that narrows the assignment.
    pub section: Option<super::quesito::Section>,
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

closed_list! {
    /// The roles of docs/domain.md §3. Stored as their SCREAMING_CASE name.
    Role {
        Admin = "ADMIN",
        RegionalDirector = "REGIONAL_DIRECTOR",
        ProvincialDirector = "PROVINCIAL_DIRECTOR",
        OfficeDirector = "OFFICE_DIRECTOR",
        RoomCoordinator = "ROOM_COORDINATOR",
        Operator = "OPERATOR",
        CcmOperator = "CCM_OPERATOR",
        CricExpert = "CRIC_EXPERT",
        Auditor = "AUDITOR",
        Professional = "PROFESSIONAL",
    }
}
