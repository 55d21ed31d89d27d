//! `eraseCitizenData`: the erasure request (see `operations`).

use async_graphql::{Context, Object, SimpleObject};

use super::domain::ErasureReport;
use crate::error::AppResult;
use crate::graphql::context::ContextExt;

/// How many records of each kind lost the citizen's personal data.
#[derive(SimpleObject)]
pub struct ErasureReportView {
    pub bookings: u64,
    pub follow_ups: u64,
    pub contacts: u64,
    pub quesiti: u64,
    /// Notes in the history of those quesiti.
    pub quesito_notes: u64,
    /// E-mails sent to the citizen's addresses (those still to send are sent first).
    pub outbox_messages: u64,
    /// Audit events of searches by the citizen's fiscal code.
    pub audit_events: u64,
}

impl From<ErasureReport> for ErasureReportView {
    fn from(r: ErasureReport) -> Self {
        ErasureReportView {
            bookings: r.bookings,
            follow_ups: r.follow_ups,
            contacts: r.contacts,
            quesiti: r.quesiti,
            quesito_notes: r.quesito_notes,
            outbox_messages: r.outbox_messages,
            audit_events: r.audit_events,
        }
    }
}

#[derive(Default)]
pub struct RetentionMutation;

#[Object]
impl RetentionMutation {
    /// Erases the personal data of the citizen with this fiscal code from every
    /// booking, follow-up, contact, quesito, e-mail sent and audited search
    /// (national ADMIN; audited without the fiscal code). The records stay,
    /// so monitoring's figures do not change. Procure are kept: a mandate is
    /// kept for as long as the law asks. Returns what was erased.
    async fn erase_citizen_data(&self, ctx: &Context<'_>, fiscal_code: String) -> AppResult<ErasureReportView> {
        Ok(super::operations::erase_citizen(ctx.scope()?, &fiscal_code).await?.into())
    }
}
