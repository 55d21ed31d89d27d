use sea_orm::entity::prelude::*;

closed_list! {
    /// Kinds of event in a procura's history. Each happens at most once to a procura.
    ProcuraEventKind {
        /// Declared by the professional.
        Declared = "DECLARED",
        /// Revoked by the professional.
        Revoked = "REVOKED",
        /// Noticed by the daily scan: the validity ends within 30 days.
        ExpiringSoon = "EXPIRING_SOON",
        /// Noticed by the daily scan: the validity has ended.
        Expired = "EXPIRED",
    }
}

/// One step in a procura's history (declared, revoked, expiring, expired).
/// Each kind happens at most once to a procura.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "procura_event")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub procura_id: Uuid,
    pub kind: ProcuraEventKind,
    pub occurred_at: DateTimeUtc,
    /// Who caused it; `None` for the system (the expiry scanner).
    pub actor_id: Option<Uuid>,
    /// JSON object with non-personal details.
    pub detail: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
