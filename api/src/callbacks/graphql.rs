//! GraphQL layer of callback requests.

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, Enum, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use entities::{callback_attempt, callback_request};

use super::domain::{CallbackOutcome, CallbackStatus};
use super::operations;
use super::store;
use crate::appointments::contact::{self, ContactRead};
use crate::appointments::graphql::{StaffRef, staff, unit};
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::ids::parse_id;
use crate::kernel::paging::{Direction, Page, connection};
use crate::kernel::sorting::{ListTotal, OrderBy, sorted_connection};
use crate::org::graphql::OrgUnit;
use crate::people::graphql::StaffMember;

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
    /// The unit's working days count: its closures (a patron saint's day) close the window too.
    async fn next_window_opens_at(&self, ctx: &Context<'_>) -> AppResult<Option<DateTime<Utc>>> {
        let calendar = super::loaders::calendar(ctx, self.0.unit_id).await?;
        Ok(super::domain::next_attempt_window(&calendar, ctx.now()?, self.0.available_from))
    }
    /// Every attempt made, in order (the request itself keeps the last outcome).
    async fn attempt_history(&self, ctx: &Context<'_>) -> AppResult<Vec<CallbackAttempt>> {
        Ok(super::loaders::attempts(ctx, self.0.id).await?.into_iter().map(CallbackAttempt).collect())
    }
    /// Filed by a telephony system (an IVR key) rather than by staff.
    async fn via_ivr(&self) -> bool {
        self.0.call_id.is_some()
    }
    /// The telephony system's id of the call, for requests filed by an IVR.
    async fn call_id(&self) -> Option<&str> {
        self.0.call_id.as_deref()
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

/// One attempt to call a citizen back.
pub struct CallbackAttempt(pub callback_attempt::Model);

#[Object]
impl CallbackAttempt {
    /// 1, 2 or 3.
    async fn number(&self) -> i32 {
        self.0.attempt_number
    }
    async fn attempted_at(&self) -> DateTime<Utc> {
        self.0.attempted_at
    }
    async fn outcome(&self) -> CallbackOutcome {
        self.0.outcome
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    /// Who called.
    async fn by(&self, ctx: &Context<'_>) -> AppResult<Option<StaffRef>> {
        staff(ctx, Some(self.0.by_id)).await
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

/// What the list of callback requests can be sorted by (default: requested, oldest first).
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "store::CallbackOrderField")]
pub enum CallbackOrderField {
    /// When the citizen asked.
    RequestedAt,
    /// From when the request may be served.
    AvailableFrom,
}

#[derive(Default)]
pub struct CallbacksQuery;

#[Object]
impl CallbacksQuery {
    /// Callback requests the caller may see, by when the citizen asked, oldest
    /// first (the queue's order), unless `orderBy` says otherwise.
    /// `totalCount` counts the whole list.
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    #[allow(clippy::too_many_arguments)]
    async fn callbacks(
        &self,
        ctx: &Context<'_>,
        unit_code: Option<String>,
        status: Option<CallbackStatus>,
        #[graphql(deprecation = "use orderBy: { field: REQUESTED_AT, direction: DESC }")] newest_first: Option<bool>,
        order_by: Option<OrderBy<CallbackOrderField>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Callback, ListTotal, EmptyFields>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let unit_id = match unit_code {
            Some(code) => Some(store::unit_for(scope, Action::CallbackRead, &code).await.map_or(Uuid::nil(), |u| u.id)),
            None => None,
        };
        let filter = store::Filter { unit_id, status };
        // The older argument still works: newest first is by request time, descending.
        let picked = order_by.map(OrderBy::picked).or_else(|| {
            newest_first.unwrap_or(false).then_some((store::CallbackOrderField::RequestedAt, Direction::Descending))
        });
        let sort = store::callback_sort(picked);
        let (rows, total) = store::list(scope, filter, &sort, &page).await?;
        prefetch(ctx, &rows).await?;
        Ok(sorted_connection(&page, &sort, rows, |c| c.id, Callback, total))
    }

    async fn callback(&self, ctx: &Context<'_>, id: ID) -> AppResult<Callback> {
        let scope = ctx.scope()?;
        Ok(Callback(store::find(scope, parse_id("id", &id)?).await?.ok_or_else(store::not_found)?))
    }

    /// The staff a callback request of the unit may be assigned to: operators,
    /// coordinators and directors of the unit and of the offices under it, by name.
    async fn callback_staff(&self, ctx: &Context<'_>, unit_code: String) -> AppResult<Vec<StaffMember>> {
        let scope = ctx.scope()?;
        let unit = store::unit_for(scope, Action::CallbackAssign, &unit_code).await?;
        let people = store::staff_list_under(scope, &unit).await?;
        Ok(people.into_iter().map(|p| StaffMember { username: p.username, display_name: p.display_name }).collect())
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

/// An IVR key: a telephony system's credential to file callback requests for
/// one provincial directorate (docs/callbacks.md). The secret is shown once.
pub struct IvrKey(pub entities::api_key::Model);

#[Object]
impl IvrKey {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The key's first characters, to tell keys apart.
    async fn hint(&self) -> &str {
        &self.0.hint
    }
    /// The provincial directorate it files callback requests for.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        Ok(unit(ctx, self.0.unit_id).await?.map(OrgUnit))
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// Last use, to within five minutes.
    async fn last_used_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_used_at
    }
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
}

/// A key just created: `secret` is in this answer and never again.
#[derive(async_graphql::SimpleObject)]
pub struct CreatedIvrKey {
    pub secret: String,
    pub key: IvrKey,
}

#[derive(Default)]
pub struct IvrKeysQuery;

#[Object]
impl IvrKeysQuery {
    /// IVR keys of the provincial directorates the caller (an admin) manages, newest first.
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    async fn ivr_keys(
        &self,
        ctx: &Context<'_>,
        unit_code: Option<String>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, IvrKey>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let rows = super::ivr::list_keys(scope, unit_code.as_deref(), page.after_uuid()?, page.fetch_limit()).await?;
        Ok(connection(&page, rows, |k| k.id, IvrKey))
    }
}

#[derive(Default)]
pub struct IvrKeysMutation;

#[Object]
impl IvrKeysMutation {
    /// Creates an IVR key for a provincial directorate (admins).
    async fn create_ivr_key(&self, ctx: &Context<'_>, unit_code: String, name: String) -> AppResult<CreatedIvrKey> {
        let created = super::ivr::create_key(ctx.scope()?, &unit_code, &name, ctx.now()?).await?;
        Ok(CreatedIvrKey { secret: created.secret, key: IvrKey(created.key) })
    }

    /// Revokes an IVR key: the telephony system's next call gets `UNAUTHENTICATED`.
    async fn revoke_ivr_key(&self, ctx: &Context<'_>, id: ID) -> AppResult<IvrKey> {
        let id = parse_id::<crate::kernel::ids::ApiKeyId>("id", &id)?;
        Ok(IvrKey(super::ivr::revoke_key(ctx.scope()?, id.into(), ctx.now()?).await?))
    }
}
