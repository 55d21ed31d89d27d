//! GraphQL layer of CCM contacts.

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::dataloader::{DataLoader, HashMapCache};
use async_graphql::{Context, Enum, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use entities::ccm_contact;

use super::domain::{Channel, ContactOutcome};
use super::service::{self, RecordContact};
use super::store::{self, ContactFilter as StoreFilter};
use crate::appointments::contact::{self, ContactRead};
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::ids::{ContactId, parse_id, parse_uuid};
use crate::kernel::paging::Page;
use crate::kernel::sorting::{ListTotal, OrderBy, sorted_connection};
use crate::quesiti::domain::Section;
use crate::quesiti::graphql::{Quesito, QuesitoById};
use crate::validation::fiscal_code_field;

/// A citizen's contact handled by the CCM.
pub struct Contact(pub ccm_contact::Model);

impl Contact {
    /// Audits (once per request and contact) a read of the citizen's data on
    /// this contact, attributed to the contact's unit (the CCM), under the
    /// assignment the caller reads contacts with.
    async fn audit_personal_read(&self, ctx: &Context<'_>) -> AppResult<()> {
        let scope = ctx.scope()?;
        let Some(unit) = crate::appointments::graphql::unit(ctx, Some(self.0.unit_id)).await? else { return Ok(()) };
        let grant = scope.authorize_in_section(Action::ContactRecord, &unit.path, self.0.section)?.clone();
        contact::audited(ctx, ContactRead::new("contact", self.0.id, self.0.unit_id, &grant)).await
    }
}

#[Object]
impl Contact {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn channel(&self) -> AppResult<Channel> {
        Ok(self.0.channel)
    }
    /// The CCM specialist section that handled it.
    async fn section(&self) -> Section {
        self.0.section
    }
    async fn topic(&self) -> &str {
        &self.0.topic
    }
    // Reading it is audited (see `audit_personal_read`).
    async fn citizen_fiscal_code(&self, ctx: &Context<'_>) -> AppResult<Option<&str>> {
        let Some(code) = self.0.citizen_fiscal_code.as_deref() else { return Ok(None) };
        self.audit_personal_read(ctx).await?;
        Ok(Some(code))
    }
    async fn outcome(&self) -> AppResult<ContactOutcome> {
        Ok(self.0.outcome)
    }
    /// The quesito the contact produced, when the caller may see it.
    async fn quesito(&self, ctx: &Context<'_>) -> AppResult<Option<Quesito>> {
        let Some(id) = self.0.quesito_id else { return Ok(None) };
        let loader = ctx.data::<DataLoader<QuesitoById, HashMapCache>>().map_err(AppError::internal)?;
        Ok(loader.load_one(id).await?.map(Quesito))
    }
    async fn appointment_id(&self) -> Option<ID> {
        self.0.appointment_id.map(|id| ID(id.to_string()))
    }
    async fn callback_id(&self) -> Option<ID> {
        self.0.callback_id.map(|id| ID(id.to_string()))
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    async fn recorded_at(&self) -> DateTime<Utc> {
        self.0.recorded_at
    }
}

#[derive(InputObject)]
pub struct RecordContactInput {
    pub channel: Channel,
    /// The CCM specialist section handling the contact.
    pub section: Section,
    /// What the citizen asked about (at most 200 characters).
    pub topic: String,
    /// The citizen's fiscal code, when given (checked with its check character).
    pub citizen_fiscal_code: Option<String>,
    pub outcome: ContactOutcome,
    /// The quesito filed (outcome QUESITO_FILED). A quesito filed later with
    /// `contactId` links itself instead.
    pub quesito_id: Option<ID>,
    /// The appointment booked (outcome APPOINTMENT_BOOKED).
    pub appointment_id: Option<ID>,
    /// The callback requested (outcome CALLBACK_REQUESTED).
    pub callback_id: Option<ID>,
    pub note: Option<String>,
}

#[derive(InputObject, Default)]
pub struct ContactFilter {
    pub section: Option<Section>,
    pub channel: Option<Channel>,
    pub outcome: Option<ContactOutcome>,
    /// Contacts of one citizen (the look-up is audited).
    pub citizen_fiscal_code: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// What the contact list can be sorted by (default: date, newest first).
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "store::ContactOrderField")]
pub enum ContactOrderField {
    /// When the contact was recorded.
    RecordedAt,
    Topic,
}

#[derive(Default)]
pub struct CcmQuery;

#[Object]
impl CcmQuery {
    /// Contacts of the caller's CCM (their section only when their assignment
    /// names one), by date newest first unless `orderBy` says otherwise.
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    async fn contacts(
        &self,
        ctx: &Context<'_>,
        filter: Option<ContactFilter>,
        order_by: Option<OrderBy<ContactOrderField>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Contact, ListTotal, EmptyFields>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let filter = filter.unwrap_or_default();
        let citizen_fiscal_code = filter
            .citizen_fiscal_code
            .as_deref()
            .map(|c| fiscal_code_field("filter.citizenFiscalCode", c))
            .transpose()?
            .map(|c| c.into_string());
        if let Some(code) = &citizen_fiscal_code {
            service::audit_lookup(scope, code).await?;
        }
        let filter = StoreFilter {
            section: filter.section,
            channel: filter.channel,
            outcome: filter.outcome,
            citizen_fiscal_code,
            from: filter.from,
            to: filter.to,
        };
        let sort = store::contact_sort(order_by.map(OrderBy::picked));
        let (rows, total) = store::list(scope, &filter, &sort, &page).await?;
        if filter.citizen_fiscal_code.is_some() {
            // The look-up discloses whose contacts these are: each one returned is a read.
            let hits: Vec<Contact> = rows.iter().take(page.first).cloned().map(Contact).collect();
            futures::future::try_join_all(hits.iter().map(|c| c.audit_personal_read(ctx))).await?;
        }
        Ok(sorted_connection(&page, &sort, rows, |c| c.id, Contact, total))
    }

    /// One contact of the caller's CCM.
    async fn contact(&self, ctx: &Context<'_>, id: ID) -> AppResult<Contact> {
        let scope = ctx.scope()?;
        store::by_id(scope, parse_id::<ContactId>("id", &id)?.uuid())
            .await?
            .map(Contact)
            .ok_or_else(crate::kernel::messages::contact_not_found)
    }
}

#[derive(Default)]
pub struct CcmMutation;

#[Object]
impl CcmMutation {
    /// Records a citizen's contact handled by the caller's CCM section.
    async fn record_contact(&self, ctx: &Context<'_>, input: RecordContactInput) -> AppResult<Contact> {
        let scope = ctx.scope()?;
        let opt_id = |field: &str, id: &Option<ID>| -> AppResult<Option<Uuid>> {
            id.as_ref().map(|id| parse_uuid(field, id)).transpose()
        };
        let record = RecordContact {
            channel: input.channel,
            section: input.section,
            topic: input.topic,
            citizen_fiscal_code: input.citizen_fiscal_code,
            outcome: input.outcome,
            quesito_id: opt_id("quesitoId", &input.quesito_id)?,
            appointment_id: opt_id("appointmentId", &input.appointment_id)?,
            callback_id: opt_id("callbackId", &input.callback_id)?,
            note: input.note,
        };
        Ok(Contact(service::record(scope, record).await?))
    }
}
