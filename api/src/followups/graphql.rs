//! GraphQL layer of follow-up work.

use async_graphql::connection::{Connection, EmptyFields};
use std::collections::HashMap;

use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use async_graphql::{Context, Enum, ID, Object};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use entities::follow_up;

use super::domain::{self, FollowUpOrigin, FollowUpStatus};
use super::{operations, store};
use crate::appointments::domain::rome_date;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::ids::{FollowUpId, parse_id};
use crate::kernel::paging::{Page, page_cost};
use crate::kernel::sorting::{ListTotal, OrderBy, sorted_connection};
use crate::tenancy::Scope;

/// Work an office owes a citizen after a booking, due within 3 working days.
pub struct FollowUp(pub follow_up::Model);

#[Object]
impl FollowUp {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn origin(&self) -> FollowUpOrigin {
        self.0.origin
    }
    async fn status(&self) -> FollowUpStatus {
        self.0.status
    }
    async fn citizen_name(&self) -> &str {
        &self.0.citizen_name
    }
    /// The booking it follows, when there is one.
    async fn appointment_id(&self) -> Option<ID> {
        self.0.appointment_id.map(|id| ID(id.to_string()))
    }
    /// The protocol number of a transfer to the back office.
    async fn protocol_number(&self) -> Option<&str> {
        self.0.protocol_number.as_deref()
    }
    async fn due_on(&self) -> NaiveDate {
        self.0.due_on
    }
    /// For documents sent by e-mail (a precall that redirected the citizen to
    /// e-mail/PEC): the subject the citizen must write, to read out or send
    /// (`Prenotazione n. … appuntamento virtuale CONSEGNA DOCUMENTI – Nome Cognome`).
    async fn documents_subject(&self, ctx: &Context<'_>) -> AppResult<Option<String>> {
        let Some(appointment_id) = self.0.appointment_id.filter(|_| self.0.origin == FollowUpOrigin::PrecallEmailPec)
        else {
            return Ok(None);
        };
        let loader = ctx.data::<DataLoader<BookingNumberById, HashMapCache>>().map_err(AppError::internal)?;
        let number = loader.load_one(appointment_id).await?;
        Ok(number.map(|n| domain::documents_subject(&n, &self.0.citizen_name)))
    }
    /// The office's virtual-counter mailbox, where the citizen sends the
    /// documents (null when the office has none).
    async fn virtual_counter_mailbox(&self, ctx: &Context<'_>) -> AppResult<Option<String>> {
        Ok(crate::appointments::graphql::unit(ctx, Some(self.0.unit_id)).await?.and_then(|u| u.virtual_counter_mailbox))
    }
    /// Open and past its due date (the office's day, Rome time).
    async fn overdue(&self, ctx: &Context<'_>) -> AppResult<bool> {
        Ok(domain::is_overdue(self.0.status, self.0.due_on, rome_date(ctx.now()?)))
    }
    /// Username of the assignee.
    async fn assignee(&self, ctx: &Context<'_>) -> AppResult<Option<String>> {
        let Some(id) = self.0.assignee_id else { return Ok(None) };
        use async_graphql::dataloader::{DataLoader, HashMapCache};
        let loader = ctx
            .data::<DataLoader<crate::appointments::graphql::PersonById, HashMapCache>>()
            .map_err(crate::error::AppError::internal)?;
        Ok(loader.load_one(id).await?.map(|p| p.username))
    }
    /// What was done, or why it was cancelled.
    async fn outcome(&self) -> Option<&str> {
        self.0.outcome.as_deref()
    }
    async fn opened_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

/// Booking numbers of the bookings behind follow-ups, one batch per request.
pub struct BookingNumberById(pub Scope);

impl Loader<Uuid> for BookingNumberById {
    type Value = String;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, String>, AppError> {
        Ok(store::booking_numbers(&self.0, keys).await?.into_iter().collect())
    }
}

/// What a follow-up list can be sorted by (default: due date, the most urgent first).
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "store::FollowUpOrderField")]
pub enum FollowUpOrderField {
    DueOn,
    CitizenName,
    /// When the item was opened.
    CreatedAt,
}

#[derive(Default)]
pub struct FollowUpQuery;

#[Object]
impl FollowUpQuery {
    /// Follow-up items the caller can see, the most urgent first unless
    /// `orderBy` says otherwise: an office's (`officeCode`), by status, only
    /// the overdue, or only the caller's own.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    #[allow(clippy::too_many_arguments)]
    async fn follow_ups(
        &self,
        ctx: &Context<'_>,
        office_code: Option<String>,
        status: Option<FollowUpStatus>,
        overdue_only: Option<bool>,
        mine_only: Option<bool>,
        order_by: Option<OrderBy<FollowUpOrderField>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, FollowUp, ListTotal, EmptyFields>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let unit_id = match office_code {
            Some(code) => Some(
                crate::org::store::by_code(scope, code.trim())
                    .await?
                    .ok_or_else(|| crate::kernel::messages::unknown_unit("officeCode"))?
                    .id,
            ),
            None => None,
        };
        let filter = store::Filter {
            unit_id,
            status,
            assignee_id: mine_only.unwrap_or(false).then(|| scope.person_id()),
            overdue_on: overdue_only.unwrap_or(false).then(|| rome_date(ctx.now().unwrap_or_else(|_| Utc::now()))),
        };
        let sort = store::follow_up_sort(order_by.map(OrderBy::picked));
        let (rows, total) = store::list(scope, &filter, &sort, &page).await?;
        Ok(sorted_connection(&page, &sort, rows, |r| r.id, FollowUp, total))
    }
}

#[derive(Default)]
pub struct FollowUpMutation;

#[Object]
impl FollowUpMutation {
    /// Closes an open item as done, saying what was done.
    async fn complete_follow_up(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        outcome: String,
    ) -> AppResult<FollowUp> {
        let id: FollowUpId = parse_id("id", id.as_str())?;
        Ok(FollowUp(operations::close(ctx.scope()?, id.into(), version, FollowUpStatus::Done, &outcome).await?))
    }

    /// Closes an open item that is no longer needed, saying why.
    async fn cancel_follow_up(&self, ctx: &Context<'_>, id: ID, version: i32, reason: String) -> AppResult<FollowUp> {
        let id: FollowUpId = parse_id("id", id.as_str())?;
        Ok(FollowUp(operations::close(ctx.scope()?, id.into(), version, FollowUpStatus::Cancelled, &reason).await?))
    }

    /// Gives an open item to a member of the office's staff.
    async fn assign_follow_up(&self, ctx: &Context<'_>, id: ID, version: i32, username: String) -> AppResult<FollowUp> {
        let id: FollowUpId = parse_id("id", id.as_str())?;
        Ok(FollowUp(operations::assign(ctx.scope()?, id.into(), version, &username).await?))
    }
}
