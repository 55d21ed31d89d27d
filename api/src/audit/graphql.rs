//! The audit trail for auditors and regional directors.

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, Enum, ID, InputObject, Object};
use chrono::{DateTime, Utc};

use entities::audit_event;

use super::store::{self, AuditFilter};
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::paging::{Page, connection};
use crate::kernel::sorting::{ListTotal, OrderBy, sorted_connection};
use crate::org::graphql::{OrgUnit, UnitLoader};
use crate::people::graphql::StaffMember;
use crate::people::store::{self as people_store, PeopleFilter};

pub struct AuditEvent(audit_event::Model);

#[Object]
impl AuditEvent {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }
    /// Username of who acted (for a failed sign-in, the username tried).
    async fn actor(&self) -> Option<&str> {
        self.0.actor_username.as_deref()
    }
    /// The role the actor acted as.
    async fn acting_role(&self) -> Option<&str> {
        self.0.acting_role.as_deref()
    }
    async fn acting_unit(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        load_unit(ctx, self.0.acting_unit_id).await
    }
    /// The unit the affected record belongs to.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        load_unit(ctx, self.0.unit_id).await
    }
    /// `area.verb`, e.g. `auth.login`.
    async fn action(&self) -> &str {
        &self.0.action
    }
    async fn record_type(&self) -> Option<&str> {
        self.0.record_type.as_deref()
    }
    async fn record_id(&self) -> Option<&str> {
        self.0.record_id.as_deref()
    }
    /// JSON object with the operation's details.
    async fn detail(&self) -> Option<&str> {
        self.0.detail.as_deref()
    }
    async fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }
}

async fn load_unit(ctx: &Context<'_>, id: Option<uuid::Uuid>) -> AppResult<Option<OrgUnit>> {
    let Some(id) = id else { return Ok(None) };
    let loader = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
    Ok(loader.load_one(id).await?.map(OrgUnit))
}

#[derive(InputObject, Default)]
pub struct AuditEventFilter {
    /// Only events on records of this unit (not its subtree).
    pub unit_code: Option<String>,
    /// Username of the actor.
    pub actor: Option<String>,
    pub action: Option<String>,
    pub record_type: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// What the audit trail can be sorted by (default: newest first).
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "store::AuditEventOrderField")]
pub enum AuditEventOrderField {
    /// When it happened.
    OccurredAt,
    /// The actor's username.
    Actor,
    /// The action's code.
    Action,
}

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// Audit events within the caller's scope, newest first unless `orderBy`
    /// says otherwise. For AUDITOR, REGIONAL_DIRECTOR and ADMIN; others get an
    /// empty list.
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    async fn audit_events(
        &self,
        ctx: &Context<'_>,
        filter: Option<AuditEventFilter>,
        order_by: Option<OrderBy<AuditEventOrderField>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, AuditEvent, ListTotal, EmptyFields>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let filter = filter.unwrap_or_default();
        let unit_ids = match filter.unit_code {
            Some(code) => {
                let unit = crate::org::store::by_code(scope, &code)
                    .await?
                    .ok_or_else(crate::kernel::messages::unit_not_found)?;
                Some(vec![unit.id])
            }
            None => None,
        };
        let filter = AuditFilter {
            unit_ids,
            actor: filter.actor,
            action: filter.action,
            record_type: filter.record_type,
            from: filter.from,
            to: filter.to,
        };
        let sort = store::audit_sort(order_by.map(OrderBy::picked));
        let (rows, total) = store::list(scope, filter, &sort, &page).await?;
        Ok(sorted_connection(&page, &sort, rows, |e| e.id, AuditEvent, total))
    }

    /// People whose actions the caller may read in the audit trail (a role on
    /// a unit within their audit reach), by username, narrowed by part of the
    /// username or name: the "Autore" filter picks from them.
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    async fn audit_actors(
        &self,
        ctx: &Context<'_>,
        search: Option<String>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, StaffMember>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let filter = PeopleFilter { search, ..PeopleFilter::default() };
        let rows = people_store::list_within(scope, Action::AuditRead, filter, &page).await?;
        // Names only: the picker needs nothing else of them.
        Ok(connection(
            &page,
            rows,
            |p| p.username.clone(),
            |p| StaffMember { username: p.username, display_name: p.display_name },
        ))
    }
}
