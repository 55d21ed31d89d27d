//! GraphQL layer of callback requests.

use async_graphql::connection::Connection;
use async_graphql::{Context, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use entities::callback_request;

use super::domain::{CallbackOutcome, CallbackStatus};
use super::operations;
use super::store;
use crate::appointments::contact::{self, ContactRead};
use crate::appointments::graphql::{StaffRef, staff, unit};
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::ids::parse_id;
use crate::kernel::paging::{Page, connection};
use crate::org::graphql::OrgUnit;

/// A citizen's request to be called back.
pub struct Callback(pub callback_request::Model);

#[Object]
impl Callback {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// The provincial directorate or office that calls back.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        Ok(unit(ctx, Some(self.0.unit_id)).await?.map(OrgUnit))
    }
    /// The number to call (reading it is audited); null for roles that do not need it.
    async fn phone(&self, ctx: &Context<'_>) -> AppResult<Option<&str>> {
        let scope = ctx.scope()?;
        let mut grant = None;
        if let Some(u) = unit(ctx, Some(self.0.unit_id)).await?
            && let Ok(a) = scope.authorize(Action::CallbackReadContact, &u.path)
        {
            grant = Some(a.clone());
        }
        if grant.is_none() && self.0.assignee_id == Some(scope.person_id()) {
            grant = store::own_grant(scope, Action::CallbackReadContact).cloned();
        }
        if grant.is_none()
            && let Some(u) = unit(ctx, self.0.requested_by_unit_id).await?
            && let Ok(a) = scope.authorize(Action::CallbackReadRequested, &u.path)
        {
            grant = Some(a.clone());
        }
        let Some(grant) = grant else { return Ok(None) };
        contact::audited(ctx, ContactRead::new("callback", self.0.id, self.0.unit_id, &grant)).await?;
        Ok(Some(&self.0.phone))
    }
    async fn topic(&self) -> &str {
        &self.0.topic
    }
    async fn requested_at(&self) -> DateTime<Utc> {
        self.0.requested_at
    }
    /// When it may be served: requests outside 09:00–13:00 wait for the next opening.
    async fn available_from(&self) -> DateTime<Utc> {
        self.0.available_from
    }
    /// Null when an attempt may be recorded now; otherwise when the next
    /// callback window (09:00–13:00 on working days) opens for this request.
    async fn next_window_opens_at(&self, ctx: &Context<'_>) -> AppResult<Option<DateTime<Utc>>> {
        Ok(super::domain::next_attempt_window(ctx.now()?, self.0.available_from))
    }
    async fn status(&self) -> CallbackStatus {
        self.0.status
    }
    async fn assignee(&self, ctx: &Context<'_>) -> AppResult<Option<StaffRef>> {
        staff(ctx, self.0.assignee_id).await
    }
    async fn assigned_at(&self) -> Option<DateTime<Utc>> {
        self.0.assigned_at
    }
    /// Attempts made (at most 3).
    async fn attempts(&self) -> i32 {
        self.0.attempts
    }
    async fn last_attempt_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_attempt_at
    }
    /// The last attempt's outcome.
    async fn outcome(&self) -> Option<CallbackOutcome> {
        self.0.outcome
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    async fn requested_by(&self, ctx: &Context<'_>) -> AppResult<Option<StaffRef>> {
        staff(ctx, self.0.requested_by_id).await
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

/// One batch per loader for a page of callbacks (see `appointments::graphql::prefetch`).
pub async fn prefetch(ctx: &Context<'_>, rows: &[callback_request::Model]) -> AppResult<()> {
    use crate::appointments::graphql::PersonById;
    use async_graphql::dataloader::{DataLoader, HashMapCache};
    let units: Vec<Uuid> = rows.iter().flat_map(|c| [Some(c.unit_id), c.requested_by_unit_id]).flatten().collect();
    let people: Vec<Uuid> = rows.iter().flat_map(|c| [c.assignee_id, c.requested_by_id]).flatten().collect();
    let unit_loader = ctx.data::<crate::org::graphql::UnitLoader>().map_err(AppError::internal)?;
    let person_loader = ctx.data::<DataLoader<PersonById, HashMapCache>>().map_err(AppError::internal)?;
    futures::try_join!(unit_loader.load_many(units), person_loader.load_many(people))?;
    Ok(())
}

#[derive(InputObject)]
pub struct RequestCallbackInput {
    /// Code of the provincial directorate or office to call back from.
    pub unit_code: String,
    pub phone: String,
    pub topic: String,
    /// When the citizen asked (from the IVR); default now. Not in the future.
    pub requested_at: Option<DateTime<Utc>>,
}

#[derive(Default)]
pub struct CallbacksQuery;

#[Object]
impl CallbacksQuery {
    /// Callback requests the caller may see, oldest first.
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    async fn callbacks(
        &self,
        ctx: &Context<'_>,
        unit_code: Option<String>,
        status: Option<CallbackStatus>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Callback>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let unit_id = match unit_code {
            Some(code) => Some(store::unit_for(scope, Action::CallbackRead, &code).await.map_or(Uuid::nil(), |u| u.id)),
            None => None,
        };
        let rows = store::list(scope, unit_id, status, page.after_uuid()?, page.fetch_limit()).await?;
        prefetch(ctx, &rows).await?;
        Ok(connection(&page, rows, |c| c.id, Callback))
    }

    async fn callback(&self, ctx: &Context<'_>, id: ID) -> AppResult<Callback> {
        let scope = ctx.scope()?;
        Ok(Callback(store::find(scope, parse_id("id", &id)?).await?.ok_or_else(store::not_found)?))
    }
}

#[derive(Default)]
pub struct CallbacksMutation;

#[Object]
impl CallbacksMutation {
    /// Files a callback request for a provincial directorate or office.
    async fn request_callback(&self, ctx: &Context<'_>, input: RequestCallbackInput) -> AppResult<Callback> {
        let request = operations::NewRequest {
            unit_code: input.unit_code,
            phone: input.phone,
            topic: input.topic,
            requested_at: input.requested_at,
        };
        Ok(Callback(operations::request(ctx.scope()?, ctx.now()?, request).await?))
    }

    /// Assigns (or reassigns) a callback request to a staff member of the unit or an office under it.
    async fn assign_callback(
        &self,
        ctx: &Context<'_>,
        id: ID,
        username: String,
        version: Option<i32>,
    ) -> AppResult<Callback> {
        let id = parse_id("id", &id)?;
        Ok(Callback(operations::assign(ctx.scope()?, ctx.now()?, id, &username, version).await?))
    }

    /// Records a call-back attempt. NO_ANSWER leaves it for another try, up
    /// to 3 attempts; any other outcome closes it. Not before `availableFrom`.
    async fn record_callback_attempt(
        &self,
        ctx: &Context<'_>,
        id: ID,
        outcome: CallbackOutcome,
        note: Option<String>,
        version: Option<i32>,
    ) -> AppResult<Callback> {
        let id = parse_id("id", &id)?;
        Ok(Callback(operations::record_attempt(ctx.scope()?, ctx.now()?, id, outcome, note, version).await?))
    }
}
