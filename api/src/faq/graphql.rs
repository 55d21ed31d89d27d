//! GraphQL layer of the FAQ.

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, InputObject, Object};
use chrono::{DateTime, Utc};

use entities::faq_entry;

use super::domain::{self, FaqStatus, limits};
use super::service::{self, Publish, Update};
use super::store::{self, FaqSearch};
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::ids::{FaqEntryId, parse_id, parse_uuid};
use crate::kernel::paging::{self, CursorKey, Page};
use crate::kernel::sorting::{ListTotal, OrderBy, sorted_connection};
use crate::quesiti::domain::Section;

/// A FAQ entry: a question, its answer and tags, for one section.
pub struct FaqEntry(pub faq_entry::Model);

#[Object]
impl FaqEntry {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn section(&self) -> Section {
        self.0.section
    }
    async fn question(&self) -> &str {
        &self.0.question
    }
    async fn answer(&self) -> &str {
        &self.0.answer
    }
    async fn tags(&self) -> Vec<String> {
        domain::split_tags(&self.0.tags)
    }
    async fn status(&self) -> FaqStatus {
        self.0.status
    }
    /// The answered quesito this entry was published from, if any.
    async fn source_quesito_id(&self) -> Option<ID> {
        self.0.source_quesito_id.map(|id| ID(id.to_string()))
    }
    /// Increases with every change; pass it back as `expectedVersion` when editing.
    async fn version(&self) -> i32 {
        self.0.version
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

#[derive(InputObject)]
pub struct PublishFaqInput {
    pub section: Section,
    pub question: String,
    pub answer: String,
    #[graphql(default)]
    pub tags: Vec<String>,
    /// An answered quesito of the same section this entry comes from.
    pub source_quesito_id: Option<ID>,
}

#[derive(InputObject)]
pub struct UpdateFaqInput {
    pub question: Option<String>,
    pub answer: Option<String>,
    pub tags: Option<Vec<String>>,
}

/// The cursor of a ranked search: how many results were seen (`o:<n>`).
struct RankCursor(u64);

impl CursorKey for RankCursor {
    fn to_key(&self) -> String {
        format!("o:{}", self.0)
    }
    fn from_key(key: &str) -> Option<Self> {
        key.strip_prefix("o:").and_then(|n| n.parse().ok()).map(RankCursor)
    }
}

/// What the FAQ list can be sorted by.
#[derive(async_graphql::Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "crate::faq::store::FaqOrderField")]
pub enum FaqEntryOrderField {
    /// When it was published (the default without a search, newest first).
    CreatedAt,
    UpdatedAt,
    Question,
    Section,
}

#[derive(Default)]
pub struct FaqQuery;

#[Object]
impl FaqQuery {
    /// FAQ entries, searched in Italian when `search` is given (word forms
    /// match: "pensione" finds "pensioni"), best match first; otherwise newest
    /// first. `orderBy` sorts them (the matches, with `search`) by a column
    /// instead. Retired entries only with `includeRetired`.
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    #[allow(clippy::too_many_arguments)]
    async fn faq_entries(
        &self,
        ctx: &Context<'_>,
        search: Option<String>,
        section: Option<Section>,
        include_retired: Option<bool>,
        order_by: Option<OrderBy<FaqEntryOrderField>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, FaqEntry, ListTotal, EmptyFields>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let text = search.as_deref().map(str::trim).filter(|s| !s.is_empty());
        if text.is_some_and(|t| t.chars().count() > limits::SEARCH_MAX) {
            return Err(AppError::bad_input(
                "search",
                format!("Ricerca troppo lunga: al massimo {} caratteri", limits::SEARCH_MAX),
                format!("Search too long: at most {} characters", limits::SEARCH_MAX),
            ));
        }
        let criteria = FaqSearch { text, section, include_retired: include_retired.unwrap_or(false) };
        let Some(text) = text.filter(|_| order_by.is_none()) else {
            let sort = store::faq_sort(order_by.map(OrderBy::picked));
            let (rows, total) = store::sorted(scope, &criteria, &sort, &page).await?;
            return Ok(sorted_connection(&page, &sort, rows, |e| e.id, FaqEntry, total));
        };
        // Ranked results page by position: the cursor is `o:<rows seen>`.
        let offset = page.after_key::<RankCursor>()?.map_or(0, |r| r.0);
        let (rows, total) = store::ranked(scope, &criteria, text, offset, page.fetch_limit()).await?;
        let numbered: Vec<(u64, faq_entry::Model)> =
            rows.into_iter().enumerate().map(|(i, r)| (offset + i as u64 + 1, r)).collect();
        Ok(paging::connection_with(&page, numbered, |(n, _)| RankCursor(*n), |(_, r)| FaqEntry(r), total))
    }

    async fn faq_entry(&self, ctx: &Context<'_>, id: ID) -> AppResult<FaqEntry> {
        let scope = ctx.scope()?;
        store::by_id(scope, parse_id::<FaqEntryId>("id", &id)?.uuid())
            .await?
            .map(FaqEntry)
            .ok_or_else(crate::kernel::messages::faq_entry_not_found)
    }
}

#[derive(Default)]
pub struct FaqMutation;

#[Object]
impl FaqMutation {
    /// Publishes a FAQ entry for the caller's CRIC (CRIC experts of the section).
    async fn publish_faq(&self, ctx: &Context<'_>, input: PublishFaqInput) -> AppResult<FaqEntry> {
        let scope = ctx.scope()?;
        let source_quesito_id =
            input.source_quesito_id.as_ref().map(|id| parse_uuid("sourceQuesitoId", id)).transpose()?;
        let publish = Publish {
            section: input.section,
            question: input.question,
            answer: input.answer,
            tags: input.tags,
            source_quesito_id,
        };
        Ok(FaqEntry(service::publish(scope, publish).await?))
    }

    /// Changes a published entry. With `expectedVersion`, a newer version in
    /// the meantime gives `CONFLICT` instead of overwriting it.
    async fn update_faq(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateFaqInput,
        expected_version: Option<i32>,
    ) -> AppResult<FaqEntry> {
        let scope = ctx.scope()?;
        let update = Update { question: input.question, answer: input.answer, tags: input.tags, expected_version };
        Ok(FaqEntry(service::update(scope, parse_id::<FaqEntryId>("id", &id)?.uuid(), update).await?))
    }

    /// Retires an entry: it no longer appears in searches.
    async fn retire_faq(&self, ctx: &Context<'_>, id: ID) -> AppResult<FaqEntry> {
        let scope = ctx.scope()?;
        Ok(FaqEntry(service::retire(scope, parse_id::<FaqEntryId>("id", &id)?.uuid()).await?))
    }
}
