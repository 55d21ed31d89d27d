//! The GraphQL inputs of Linea quesiti.

use async_graphql::{ID, InputObject};

use crate::quesiti::domain::{Priority, QuesitoStatus, Section};

#[derive(InputObject, Default)]
pub struct QuesitoFilter {
    /// One or more statuses.
    pub status: Option<Vec<QuesitoStatus>>,
    pub section: Option<Section>,
    /// Code of the regional directorate (e.g. `DR-SAR`) whose CRIC handles them.
    pub region_code: Option<String>,
    pub classification: Option<ID>,
    /// true: open and past due; false: the others.
    pub overdue: Option<bool>,
    /// One citizen's quesiti (the look-up is audited).
    pub citizen_fiscal_code: Option<String>,
    /// Words in the subject or question.
    pub text: Option<String>,
    /// Only those proposed to the caller (continuity: a new quesito of a
    /// citizen whose previous one they took); the CRIC queue shows them first.
    pub proposed_to_me: Option<bool>,
    /// Only those the caller holds (took and has not released).
    pub taken_by_me: Option<bool>,
}

#[derive(InputObject)]
pub struct FileQuesitoInput {
    /// Code of the regional directorate whose CRIC receives it, e.g. `DR-SAR`.
    pub region_code: String,
    pub section: Section,
    /// A classification of the section valid for the region (`quesitoClassifications`).
    pub classification: ID,
    /// At most 200 characters.
    pub subject: String,
    /// 10 to 4000 characters.
    pub question: String,
    pub citizen_fiscal_code: String,
    pub citizen_phone: Option<String>,
    /// The answer is notified here.
    pub citizen_email: Option<String>,
    #[graphql(default_with = "Priority::Normal")]
    pub priority: Priority,
    /// The CCM contact this quesito comes from: it is linked to it.
    pub contact_id: Option<ID>,
    /// Sending the same key again returns the quesito filed the first time.
    pub idempotency_key: Option<String>,
}

/// The office appointment a quesito becomes when its paper file must be rebuilt.
#[derive(InputObject)]
pub struct ConvertQuesitoInput {
    /// Why the paper file must be rebuilt at an office (5 to 2000 characters).
    pub reason: String,
    /// An office of the quesito's region, e.g. `UT-CA1`.
    pub office_code: String,
    /// Day in Europe/Rome, within the 24-day CUP window.
    pub date: chrono::NaiveDate,
    /// Time in Europe/Rome.
    pub time: chrono::NaiveTime,
    pub service_code: String,
    /// Surname and name of the citizen (the quesito holds only the fiscal code).
    pub citizen_name: String,
    /// The CUP booking number, when the slot was taken in CUP.
    pub cup_number: Option<String>,
    /// Default IN_PERSON.
    pub channel: Option<crate::appointments::domain::Channel>,
    /// Default: the quesito's.
    pub phone: Option<String>,
    /// Default: the quesito's.
    pub email: Option<String>,
}

#[derive(InputObject)]
pub struct NewClassificationInput {
    /// The national root (`ROOT`) or a regional directorate (`DR-SAR`).
    pub unit_code: String,
    pub section: Section,
    /// Upper-case letters, digits and `_`.
    pub code: String,
    pub label: String,
}

/// What the list of classifications can be sorted by.
#[derive(async_graphql::Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "crate::quesiti::store::ClassificationOrderField")]
pub enum ClassificationOrderField {
    /// When it was created (the default, oldest first).
    CreatedAt,
    Code,
    Label,
    Section,
}
