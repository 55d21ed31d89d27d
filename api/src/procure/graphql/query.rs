//! The queries of procure management: each calls one read and maps the result.

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;

use super::super::domain::DelegableService;
use super::super::{queries, store};
use super::types::*;
use crate::error::AppResult;
use crate::graphql::context::ContextExt;
use crate::kernel::ids::{ProcuraId, parse_id};
use crate::kernel::paging::{Page, page_cost};
use crate::kernel::sorting::{ListTotal, OrderBy, sorted_connection};

#[derive(Default)]
pub struct ProcureQuery;

#[Object]
impl ProcureQuery {
    /// The caller's own entry in the register of professionals (null for staff).
    async fn professional_profile(&self, ctx: &Context<'_>) -> AppResult<Option<Professional>> {
        Ok(store::own_professional(ctx.scope()?).await?.map(Professional))
    }

    /// The register of professionals, newest first unless `orderBy` says
    /// otherwise. ADMIN only.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    async fn professionals(
        &self,
        ctx: &Context<'_>,
        filter: Option<ProfessionalFilter>,
        order_by: Option<OrderBy<ProfessionalOrderField>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Professional, ListTotal, EmptyFields>> {
        let page = Page::new(first, after)?;
        let filter = filter.unwrap_or_default();
        let filter = store::ProfessionalsFilter { verified: filter.verified, pending: filter.pending };
        let sort = store::professional_sort(order_by.map(OrderBy::picked));
        let (rows, total) = queries::professionals(ctx.scope()?, filter, &sort, &page).await?;
        Ok(sorted_connection(&page, &sort, rows, |p| p.id, Professional, total))
    }

    /// The caller's procure, newest first unless `orderBy` says otherwise.
    /// Filtering by client writes an audit event.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    async fn procure(
        &self,
        ctx: &Context<'_>,
        filter: Option<ProcuraFilter>,
        order_by: Option<OrderBy<ProcuraOrderField>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Procura, ListTotal, EmptyFields>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let f = filter.unwrap_or_default();
        let sort = store::procura_sort(order_by.map(OrderBy::picked));
        let (rows, total) =
            queries::own_procure(scope, f.client_fiscal_code.as_deref(), f.status, f.service, &sort, &page).await?;
        Ok(sorted_connection(&page, &sort, rows, |p| p.id, Procura, total))
    }

    /// One of the caller's procure.
    async fn procura(&self, ctx: &Context<'_>, id: ID) -> AppResult<Procura> {
        let id = parse_id::<ProcuraId>("id", &id)?;
        Ok(Procura(queries::own_procura(ctx.scope()?, id).await?))
    }

    /// Does the caller hold an active procura from this client for this
    /// service on `on` (default: today, Europe/Rome)? For professionals and
    /// their partner apps (API keys). Audited.
    async fn procura_check(
        &self,
        ctx: &Context<'_>,
        client_fiscal_code: String,
        service: DelegableService,
        on: Option<NaiveDate>,
    ) -> AppResult<CheckResult> {
        Ok(CheckResult(queries::check_procura(ctx.scope()?, &client_fiscal_code, service, on).await?))
    }

    /// The caller's collaborators, newest first unless `orderBy` says otherwise.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    async fn collaborators(
        &self,
        ctx: &Context<'_>,
        filter: Option<CollaboratorFilter>,
        order_by: Option<OrderBy<CollaboratorOrderField>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Collaborator, ListTotal, EmptyFields>> {
        let page = Page::new(first, after)?;
        let f = filter.unwrap_or_default();
        let sort = store::collaborator_sort(order_by.map(OrderBy::picked));
        let (rows, total) =
            queries::own_collaborators(ctx.scope()?, f.fiscal_code.as_deref(), f.active_on, &sort, &page).await?;
        Ok(sorted_connection(&page, &sort, rows, |c| c.id, Collaborator, total))
    }

    /// At the counter: may this collaborator act for this client on this
    /// service on `on` (default: today)? Yes only if an active procura covers
    /// the service, authorises collaborators, and its professional lists the
    /// collaborator for that day. For office staff; every check is audited
    /// with the staff member's unit.
    async fn collaborator_check(
        &self,
        ctx: &Context<'_>,
        collaborator_fiscal_code: String,
        client_fiscal_code: String,
        service: DelegableService,
        on: Option<NaiveDate>,
    ) -> AppResult<CheckResult> {
        let scope = ctx.scope()?;
        let check =
            queries::check_collaborator(scope, &collaborator_fiscal_code, &client_fiscal_code, service, on).await?;
        Ok(CheckResult(check))
    }

    /// The caller's partner API keys (revoked ones too), newest first.
    async fn api_keys(&self, ctx: &Context<'_>) -> AppResult<Vec<ApiKey>> {
        Ok(queries::own_api_keys(ctx.scope()?).await?.into_iter().map(ApiKey).collect())
    }

    /// The caller's webhook endpoints.
    async fn webhooks(&self, ctx: &Context<'_>) -> AppResult<Vec<Webhook>> {
        Ok(queries::own_webhooks(ctx.scope()?).await?.into_iter().map(Webhook).collect())
    }
}
