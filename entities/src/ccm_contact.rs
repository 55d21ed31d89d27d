use sea_orm::entity::prelude::*;

use crate::quesito::Section;

crate::closed_list! {
    /// How the citizen reached the CCM.
    #[graphql(name = "ContactChannel")]
    Channel {
        Phone = "PHONE",
        Email = "EMAIL",
        /// Posta elettronica certificata.
        Pec = "PEC",
        Chat = "CHAT",
        Counter = "COUNTER",
    }
}

crate::closed_list! {
    ContactOutcome {
        /// The answer was available (closed-cycle service; the FAQ searched first).
        Answered = "ANSWERED",
        /// Too complex: a Linea quesito was filed to the regional CRIC.
        QuesitoFiled = "QUESITO_FILED",
        /// An appointment with an office was booked.
        AppointmentBooked = "APPOINTMENT_BOOKED",
        CallbackRequested = "CALLBACK_REQUESTED",
    }
}

/// A citizen's contact handled by a CCM operator, with its outcome and what it produced.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ccm_contact")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The CCM unit that handled it.
    pub unit_id: Uuid,
    pub section: Section,
    pub channel: Channel,
    pub topic: String,
    pub citizen_fiscal_code: Option<String>,
    pub outcome: ContactOutcome,
    pub quesito_id: Option<Uuid>,
    pub appointment_id: Option<Uuid>,
    pub callback_id: Option<Uuid>,
    pub note: Option<String>,
    pub recorded_by_id: Uuid,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
