//! Reads of Linea quesiti: lists, one quesito, regions, classifications, figures and SLA.

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::authz::Action;
use crate::error::AppResult;
use crate::graphql::context::ContextExt;
use crate::kernel::ids::{ClassificationId, parse_id};
use crate::kernel::messages::quesito_not_found as not_found;
use crate::kernel::paging::{self, Page};
use crate::kernel::sorting::{ListTotal, OrderBy};
use crate::org::graphql::OrgUnit;
use crate::quesiti::domain::{QuesitoOrder, Section};
use crate::quesiti::queries;
use crate::quesiti::store::{self, QuesitoFilter as StoreFilter};
use crate::tenancy::Scope;
use crate::validation::fiscal_code_field;

use super::inputs::{ClassificationOrderField, QuesitoFilter};
use super::types::*;

async fn resolve_filter(scope: &Scope, filter: QuesitoFilter, now: DateTime<Utc>) -> AppResult<StoreFilter> {
    let cric_id = match filter.region_code {
        // A region the caller cannot reach simply matches nothing.
        Some(code) => Some(
            store::cric_of_region(scope, code.trim(), &[Action::QuesitoRead, Action::QuesitoFile])
                .await?
                .map_or(Uuid::nil(), |u| u.id),
        ),
        None => None,
    };
    let citizen_fiscal_code = filter
        .citizen_fiscal_code
        .as_deref()
        .map(|c| fiscal_code_field("filter.citizenFiscalCode", c))
        .transpose()?
        .map(|c| c.into_string());
    if let Some(code) = &citizen_fiscal_code {
        queries::audit_lookup(scope, code).await?;
    }
    Ok(StoreFilter {
        statuses: filter.status,
        section: filter.section,
        cric_id,
        classification_id: filter
            .classification
            .as_ref()
            .map(|id| parse_id::<ClassificationId>("filter.classification", id).map(Uuid::from))
            .transpose()?,
        overdue: filter.overdue,
        citizen_fiscal_code,
        text: filter.text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()),
        proposed_to: filter.proposed_to_me.unwrap_or(false).then(|| scope.person_id()),
        taken_by: filter.taken_by_me.unwrap_or(false).then(|| scope.person_id()),
        now: Some(now),
    })
}

#[derive(Default)]
pub struct QuesitoQuery;

#[Object]
impl QuesitoQuery {
    /// Quesiti the caller may see, newest first, or soonest due first with
    /// `orderBy: DUE_FIRST` (the CRIC queue): a CRIC expert their CRIC's
    /// (their section's), the CCM what it filed, a regional director the
    /// region's, the central directorate what was forwarded to it.
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    async fn quesiti(
        &self,
        ctx: &Context<'_>,
        filter: Option<QuesitoFilter>,
        order_by: Option<QuesitoOrder>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Quesito, ListTotal, EmptyFields>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        // Absent or null (a client's unset variable): newest first.
        let order_by = order_by.unwrap_or_default();
        let filter = resolve_filter(scope, filter.unwrap_or_default(), ctx.now()?).await?;
        let levels = crate::quesiti::prefetch::levels_asked(ctx);
        let (rows, loaded) = store::list(scope, &filter, order_by, &page, levels).await?;
        if filter.citizen_fiscal_code.is_some() {
            let hits: Vec<Quesito> = rows.iter().take(page.first).cloned().map(Quesito).collect();
            futures::future::try_join_all(hits.iter().map(|q| q.audit_lookup_hit(ctx))).await?;
        }
        crate::quesiti::prefetch::page(ctx, &rows[..rows.len().min(page.first)], levels, loaded).await?;
        let total = store::total(scope, &filter);
        Ok(paging::connection_with(&page, rows, |q| store::cursor_key(order_by, q), Quesito, total))
    }

    /// How many quesiti the caller may see match the filter.
    async fn quesito_count(&self, ctx: &Context<'_>, filter: Option<QuesitoFilter>) -> AppResult<u64> {
        let scope = ctx.scope()?;
        let filter = resolve_filter(scope, filter.unwrap_or_default(), ctx.now()?).await?;
        store::count(scope, &filter).await
    }

    async fn quesito(&self, ctx: &Context<'_>, id: ID) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        store::by_id(scope, parse_id("id", &id)?).await?.map(Quesito).ok_or_else(not_found)
    }

    /// Regional directorates the caller may file quesiti to (those whose CRIC
    /// is within reach: every region for the CCM), by name. Empty for others.
    async fn quesito_regions(&self, ctx: &Context<'_>) -> AppResult<Vec<OrgUnit>> {
        let scope = ctx.scope()?;
        Ok(store::filing_regions(scope).await?.into_iter().map(OrgUnit).collect())
    }

    /// The central directorates a classification may be mapped to (of the
    /// national roots where the caller configures or forwards quesiti), by path.
    async fn central_directorates(&self, ctx: &Context<'_>) -> AppResult<Vec<OrgUnit>> {
        let scope = ctx.scope()?;
        let units = store::central_directorates(scope, &[Action::QuesitoConfigure, Action::QuesitoRoute]).await?;
        Ok(units.into_iter().map(OrgUnit).collect())
    }

    /// Classifications usable for quesiti to the CRIC of `regionCode`
    /// (national ones and the region's own), in the order they were created
    /// unless `orderBy` says otherwise.
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    #[allow(clippy::too_many_arguments)]
    async fn quesito_classifications(
        &self,
        ctx: &Context<'_>,
        region_code: String,
        section: Option<Section>,
        include_inactive: Option<bool>,
        order_by: Option<OrderBy<ClassificationOrderField>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, QuesitoClassification, ListTotal, EmptyFields>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let actions = [Action::QuesitoFile, Action::QuesitoRead, Action::QuesitoConfigure];
        let Some(cric) = store::cric_of_region(scope, region_code.trim(), &actions).await? else {
            return Err(crate::kernel::messages::regional_directorate_not_found());
        };
        let sort = store::classification_sort(order_by.map(OrderBy::picked));
        let inactive = include_inactive.unwrap_or(false);
        let (rows, total) = store::classifications_for_cric(scope, &cric.path, section, inactive, &sort, &page).await?;
        let rows = QuesitoClassification::wrap(scope.db(), rows).await?;
        Ok(paging::connection_with(&page, rows, |c| sort.key_of(&c.model, c.model.id), |c| c, total))
    }

    /// Backlog by section and age, SLA breaches, median time to answer and
    /// classification counts, over the quesiti the caller may see (optionally
    /// one region's), for the period `[from, to)` (default: the last 30 days).
    async fn quesito_stats(
        &self,
        ctx: &Context<'_>,
        region_code: Option<String>,
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
    ) -> AppResult<Vec<QuesitoSectionStats>> {
        let figures = queries::stats(ctx.scope()?, region_code.as_deref(), from, to, ctx.now()?).await?;
        Ok(figures.into_iter().map(QuesitoSectionStats::from).collect())
    }

    /// The SLA of each section for quesiti to the CRIC of `regionCode`.
    async fn quesito_slas(&self, ctx: &Context<'_>, region_code: String) -> AppResult<Vec<QuesitoSla>> {
        let slas = queries::slas(ctx.scope()?, &region_code).await?;
        Ok(slas
            .into_iter()
            .map(|s| QuesitoSla { section: s.section, working_days: s.working_days, configured_on: s.configured_on })
            .collect())
    }
}
