//! GraphQL layer of Linea quesiti.

use std::collections::HashMap;

use async_graphql::connection::Connection;
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use entities::{org_unit, quesito, quesito_classification, quesito_event};

use super::domain::{Priority, QuesitoStatus, Section, Transition};
use super::service::{self, Answer, FileQuesito, NewClassification};
use super::store::{self, QuesitoFilter as StoreFilter};
use crate::appointments::contact::{self, ContactRead};
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::ids::{ClassificationId, ContactId, parse_id};
use crate::kernel::messages::quesito_not_found as not_found;
use crate::kernel::paging::{Page, connection};
use crate::org::graphql::OrgUnit;
use crate::tenancy::Scope;
use crate::validation::fiscal_code_field;

/// Parses a GraphQL `ID` holding a UUID; anything else is `BAD_USER_INPUT` on `field`.
/// A Linea quesito filed by the CCM to a regional CRIC.
pub struct Quesito(pub quesito::Model);

impl Quesito {
    /// Paths of the units the quesito hangs from: its CRIC, the filing CCM,
    /// the directorate it was forwarded to.
    async fn unit_paths(&self, ctx: &Context<'_>) -> AppResult<Vec<String>> {
        let loader = ctx.data::<DataLoader<QuesitoUnitById, HashMapCache>>().map_err(AppError::internal)?;
        let ids: Vec<Uuid> = [Some(self.0.unit_id), Some(self.0.filed_by_unit_id), self.0.forwarded_to_unit_id]
            .into_iter()
            .flatten()
            .collect();
        let units = loader.load_many(ids).await?;
        Ok(units.into_values().map(|u| u.path).collect())
    }

    /// `value` when the caller may see the citizen's contact details, after
    /// auditing the read (once per request and quesito, attributed to the
    /// quesito's CRIC so the auditors of its region see it); `None` otherwise.
    async fn personal<T>(&self, ctx: &Context<'_>, value: T) -> AppResult<Option<T>> {
        let scope = ctx.scope()?;
        let paths = self.unit_paths(ctx).await?;
        let Some(grant) = service::contact_grant(scope, &self.0, &paths).cloned() else { return Ok(None) };
        contact::audited(ctx, ContactRead::new("quesito", self.0.id, self.0.unit_id, &grant)).await?;
        Ok(Some(value))
    }

    /// Audits that a look-up by the citizen's fiscal code returned this quesito
    /// (the look-up itself discloses the citizen's quesiti), like a read of its
    /// contact details: the auditors of the quesito's region see it.
    async fn audit_lookup_hit(&self, ctx: &Context<'_>) -> AppResult<()> {
        let scope = ctx.scope()?;
        let paths = self.unit_paths(ctx).await?;
        let grant =
            service::contact_grant(scope, &self.0, &paths).or_else(|| service::read_grant(scope, &self.0, &paths));
        if let Some(grant) = grant.cloned() {
            contact::audited(ctx, ContactRead::new("quesito", self.0.id, self.0.unit_id, &grant)).await?;
        }
        Ok(())
    }
}

#[Object]
impl Quesito {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn status(&self) -> AppResult<QuesitoStatus> {
        self.0.status.parse().map_err(AppError::internal)
    }
    async fn section(&self) -> AppResult<Section> {
        self.0.section.parse().map_err(AppError::internal)
    }
    async fn priority(&self) -> AppResult<Priority> {
        self.0.priority.parse().map_err(AppError::internal)
    }
    async fn subject(&self) -> &str {
        &self.0.subject
    }
    async fn question(&self) -> &str {
        &self.0.question
    }
    async fn classification(&self, ctx: &Context<'_>) -> AppResult<Option<QuesitoClassification>> {
        let loader = ctx.data::<DataLoader<ClassificationById, HashMapCache>>().map_err(AppError::internal)?;
        Ok(loader.load_one(self.0.classification_id).await?)
    }
    /// The CRIC handling it.
    async fn cric(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        let loader = ctx.data::<DataLoader<QuesitoUnitById, HashMapCache>>().map_err(AppError::internal)?;
        Ok(loader.load_one(self.0.unit_id).await?.map(OrgUnit))
    }
    /// The central directorate it was forwarded to.
    async fn forwarded_to(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        let Some(id) = self.0.forwarded_to_unit_id else { return Ok(None) };
        let loader = ctx.data::<DataLoader<QuesitoUnitById, HashMapCache>>().map_err(AppError::internal)?;
        Ok(loader.load_one(id).await?.map(OrgUnit))
    }
    /// The citizen's fiscal code: shown to CCM operators and experts only.
    async fn citizen_fiscal_code(&self, ctx: &Context<'_>) -> AppResult<Option<&str>> {
        self.personal(ctx, self.0.citizen_fiscal_code.as_str()).await
    }
    /// Shown to CCM operators and experts only.
    async fn citizen_phone(&self, ctx: &Context<'_>) -> AppResult<Option<&str>> {
        Ok(self.personal(ctx, self.0.citizen_phone.as_deref()).await?.flatten())
    }
    /// Shown to CCM operators and experts only.
    async fn citizen_email(&self, ctx: &Context<'_>) -> AppResult<Option<&str>> {
        Ok(self.personal(ctx, self.0.citizen_email.as_deref()).await?.flatten())
    }
    /// When it must be answered (the section's SLA in working days).
    async fn due_at(&self) -> DateTime<Utc> {
        self.0.due_at
    }
    /// Still open and past its due date.
    async fn overdue(&self, ctx: &Context<'_>) -> AppResult<bool> {
        let status: QuesitoStatus = self.0.status.parse().map_err(AppError::internal)?;
        Ok(status.is_open() && self.0.due_at < ctx.now()?)
    }
    async fn filed_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn taken_at(&self) -> Option<DateTime<Utc>> {
        self.0.taken_at
    }
    async fn answer(&self) -> Option<&str> {
        self.0.answer.as_deref()
    }
    async fn answered_at(&self) -> Option<DateTime<Utc>> {
        self.0.answered_at
    }
    async fn forward_reason(&self) -> Option<&str> {
        self.0.forward_reason.as_deref()
    }
    async fn cancel_reason(&self) -> Option<&str> {
        self.0.cancel_reason.as_deref()
    }
    /// The office appointment it was converted to.
    async fn appointment_id(&self) -> Option<ID> {
        self.0.appointment_id.map(|id| ID(id.to_string()))
    }
    /// Offices of its region where it may become an appointment, by name.
    /// Empty unless the caller may convert it now (an expert of its CRIC and
    /// section, while NEW or IN_PROGRESS).
    async fn conversion_offices(&self, ctx: &Context<'_>) -> AppResult<Vec<OrgUnit>> {
        let scope = ctx.scope()?;
        let status: QuesitoStatus = self.0.status.parse().map_err(AppError::internal)?;
        if status.apply(Transition::ConvertToAppointment).is_none() {
            return Ok(Vec::new());
        }
        let loader = ctx.data::<DataLoader<QuesitoUnitById, HashMapCache>>().map_err(AppError::internal)?;
        let Some(cric) = loader.load_one(self.0.unit_id).await? else { return Ok(Vec::new()) };
        if scope.authorize_in_section(Action::QuesitoWork, &cric.path, &self.0.section).is_err() {
            return Ok(Vec::new());
        }
        let Some(region) = store::region_of_cric(&cric.path) else { return Ok(Vec::new()) };
        Ok(store::offices_of_region(scope, &region).await?.into_iter().map(OrgUnit).collect())
    }
    /// The FAQ entry its answer was published as.
    async fn faq_entry_id(&self) -> Option<ID> {
        self.0.faq_entry_id.map(|id| ID(id.to_string()))
    }
    /// The CCM contact it came from.
    async fn contact_id(&self) -> Option<ID> {
        self.0.contact_id.map(|id| ID(id.to_string()))
    }
    /// Increases with every change.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// Every transition, oldest first: who, when, from, to, note.
    #[graphql(complexity = "10 * child_complexity")]
    async fn events(&self, ctx: &Context<'_>) -> AppResult<Vec<QuesitoEvent>> {
        let loader = ctx.data::<DataLoader<EventsByQuesito, HashMapCache>>().map_err(AppError::internal)?;
        Ok(loader.load_one(self.0.id).await?.unwrap_or_default().into_iter().map(QuesitoEvent).collect())
    }
}

/// One transition of a quesito's life cycle.
pub struct QuesitoEvent(quesito_event::Model);

#[Object]
impl QuesitoEvent {
    /// Null for the filing itself.
    async fn from(&self) -> AppResult<Option<QuesitoStatus>> {
        self.0.from_status.as_deref().map(str::parse).transpose().map_err(AppError::internal)
    }
    async fn to(&self) -> AppResult<QuesitoStatus> {
        self.0.to_status.parse().map_err(AppError::internal)
    }
    async fn at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }
    /// Username of who made the transition.
    async fn actor(&self) -> &str {
        &self.0.actor_username
    }
    /// The role they acted as.
    async fn acting_role(&self) -> Option<&str> {
        self.0.acting_role.as_deref()
    }
    /// Reason of a forward or a cancellation.
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
}

/// A type of quesito (tipologia) in a section.
#[derive(Clone)]
pub struct QuesitoClassification {
    model: quesito_classification::Model,
    /// Owned by a national root (rather than a regional directorate).
    national: bool,
}

impl QuesitoClassification {
    /// Wraps rows, learning in one query whether each owner is a national root.
    async fn wrap(
        conn: &impl sea_orm::ConnectionTrait,
        rows: Vec<quesito_classification::Model>,
    ) -> AppResult<Vec<QuesitoClassification>> {
        let owners: Vec<Uuid> = rows.iter().map(|r| r.unit_id).collect();
        let national_owners = store::national_units(conn, &owners).await?;
        Ok(rows
            .into_iter()
            .map(|model| {
                let national = national_owners.contains(&model.unit_id);
                QuesitoClassification { model, national }
            })
            .collect())
    }

    async fn one(conn: &impl sea_orm::ConnectionTrait, row: quesito_classification::Model) -> AppResult<Self> {
        QuesitoClassification::wrap(conn, vec![row])
            .await?
            .pop()
            .ok_or_else(|| AppError::internal("classification vanished"))
    }
}

#[Object]
impl QuesitoClassification {
    async fn id(&self) -> ID {
        ID(self.model.id.to_string())
    }
    async fn section(&self) -> AppResult<Section> {
        self.model.section.parse().map_err(AppError::internal)
    }
    /// Stable code used in the figures, e.g. `DECORRENZA`.
    async fn code(&self) -> &str {
        &self.model.code
    }
    async fn label(&self) -> &str {
        &self.model.label
    }
    /// Inactive classifications stay on old quesiti but cannot be used for new ones.
    async fn active(&self) -> bool {
        self.model.active
    }
    /// True when set nationally, false when it is the region's own.
    async fn national(&self) -> bool {
        self.national
    }
    async fn version(&self) -> i32 {
        self.model.version
    }
}

/// The time allowed to answer quesiti of a section.
#[derive(SimpleObject)]
pub struct QuesitoSla {
    pub section: Section,
    /// Working days after the filing day: Saturdays, Sundays and Italian
    /// national holidays do not count; due at 23:59:59 Europe/Rome.
    pub working_days: i32,
    /// Code of the unit whose setting applies; null for the built-in default.
    pub configured_on: Option<String>,
}

/// Open quesiti by calendar days since filing.
#[derive(SimpleObject)]
pub struct QuesitoBacklogAge {
    pub up_to_2_days: i64,
    pub from_3_to_5_days: i64,
    pub from_6_to_10_days: i64,
    pub over_10_days: i64,
}

#[derive(SimpleObject)]
pub struct QuesitoClassificationCount {
    pub classification: QuesitoClassification,
    /// Quesiti of this classification filed in the period.
    pub count: i64,
}

/// The figures of one section (docs/domain.md §4.6) over the quesiti the caller may see.
#[derive(SimpleObject)]
pub struct QuesitoSectionStats {
    pub section: Section,
    /// Open now: NEW, IN_PROGRESS or FORWARDED_CENTRAL.
    pub backlog: i64,
    pub backlog_by_age: QuesitoBacklogAge,
    /// Open now and past their due date (SLA breaches still open).
    pub overdue: i64,
    /// Filed in the period.
    pub filed: i64,
    /// Answered in the period.
    pub answered: i64,
    /// Answered in the period after their due date (SLA breaches closed).
    pub answered_late: i64,
    /// Median hours from filing to answer, over those answered in the period.
    pub median_answer_hours: Option<f64>,
    /// Quesiti filed in the period by classification, most frequent first.
    pub by_classification: Vec<QuesitoClassificationCount>,
}

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
        service::audit_lookup(scope, code).await?;
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
        now: Some(now),
    })
}

#[derive(Default)]
pub struct QuesitoQuery;

#[Object]
impl QuesitoQuery {
    /// Quesiti the caller may see, newest first: a CRIC expert their CRIC's
    /// (their section's), the CCM what it filed, a regional director the
    /// region's, the central directorate what was forwarded to it.
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    async fn quesiti(
        &self,
        ctx: &Context<'_>,
        filter: Option<QuesitoFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Quesito>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let filter = resolve_filter(scope, filter.unwrap_or_default(), ctx.now()?).await?;
        let rows = store::list(scope, &filter, page.after_uuid()?, page.fetch_limit()).await?;
        if filter.citizen_fiscal_code.is_some() {
            let hits: Vec<Quesito> = rows.iter().take(page.first).cloned().map(Quesito).collect();
            futures::future::try_join_all(hits.iter().map(|q| q.audit_lookup_hit(ctx))).await?;
        }
        super::prefetch::page(ctx, &rows[..rows.len().min(page.first)]).await?;
        Ok(connection(&page, rows, |q| q.id, Quesito))
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

    /// Classifications usable for quesiti to the CRIC of `regionCode`
    /// (national ones and the region's own).
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    async fn quesito_classifications(
        &self,
        ctx: &Context<'_>,
        region_code: String,
        section: Option<Section>,
        include_inactive: Option<bool>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, QuesitoClassification>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let actions = [Action::QuesitoFile, Action::QuesitoRead, Action::QuesitoConfigure];
        let Some(cric) = store::cric_of_region(scope, region_code.trim(), &actions).await? else {
            return Err(AppError::not_found("Direzione regionale non trovata", "Regional directorate not found"));
        };
        let rows = store::classifications_for_cric(
            scope.db(),
            &cric.path,
            section,
            include_inactive.unwrap_or(false),
            page.after_uuid()?,
            page.fetch_limit(),
        )
        .await?;
        let rows = QuesitoClassification::wrap(scope.db(), rows).await?;
        Ok(connection(&page, rows, |c| c.model.id, |c| c))
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
        let scope = ctx.scope()?;
        let now = ctx.now()?;
        let to = to.unwrap_or(now);
        let from = from.unwrap_or(to - chrono::Duration::days(30));
        if from >= to {
            return Err(AppError::bad_input("from", "`from` deve precedere `to`", "`from` must come before `to`"));
        }
        let cric_id = match region_code {
            Some(code) => Some(
                store::cric_of_region(scope, code.trim(), &[Action::QuesitoRead, Action::QuesitoFile])
                    .await?
                    .map_or(Uuid::nil(), |u| u.id),
            ),
            None => None,
        };
        let period = store::ReportWindow { from, to, now };
        let counts = store::section_counts(scope, cric_id, &period).await?;
        let times = store::answer_times(scope, cric_id, &period).await?;
        let by_class = store::classification_counts(scope, cric_id, &period).await?;
        let ids: Vec<Uuid> = by_class.iter().map(|(id, _)| *id).collect();
        let classes =
            QuesitoClassification::wrap(scope.db(), store::classifications_by_ids(scope, &ids).await?).await?;
        let mut out = Vec::new();
        for section in Section::ALL {
            let c = counts.iter().find(|c| c.section == section.as_str());
            let durations = times
                .iter()
                .filter(|(s, _, _)| s == section.as_str())
                .filter_map(|(_, filed, answered)| answered.map(|a| (a - *filed).num_seconds()));
            let mut by_classification: Vec<QuesitoClassificationCount> = by_class
                .iter()
                .filter_map(|(id, count)| {
                    classes
                        .iter()
                        .find(|k| k.model.id == *id && k.model.section == section.as_str())
                        .map(|k| QuesitoClassificationCount { classification: k.clone(), count: *count })
                })
                .collect();
            by_classification.sort_by(|a, b| {
                b.count.cmp(&a.count).then(a.classification.model.code.cmp(&b.classification.model.code))
            });
            let get = |f: fn(&store::SectionCounts) -> i64| c.map_or(0, f);
            out.push(QuesitoSectionStats {
                section,
                backlog: get(|c| c.backlog),
                backlog_by_age: QuesitoBacklogAge {
                    up_to_2_days: get(|c| c.backlog_up_to_2_days),
                    from_3_to_5_days: get(|c| c.backlog_3_to_5_days),
                    from_6_to_10_days: get(|c| c.backlog_6_to_10_days),
                    over_10_days: get(|c| c.backlog_over_10_days),
                },
                overdue: get(|c| c.overdue),
                filed: get(|c| c.filed),
                answered: get(|c| c.answered),
                answered_late: get(|c| c.answered_late),
                median_answer_hours: crate::kernel::median::median(durations).map(|s| s / 3600.0),
                by_classification,
            });
        }
        Ok(out)
    }

    /// The SLA of each section for quesiti to the CRIC of `regionCode`.
    async fn quesito_slas(&self, ctx: &Context<'_>, region_code: String) -> AppResult<Vec<QuesitoSla>> {
        let slas = service::slas(ctx.scope()?, &region_code).await?;
        Ok(slas
            .into_iter()
            .map(|s| QuesitoSla { section: s.section, working_days: s.working_days, configured_on: s.configured_on })
            .collect())
    }
}

#[derive(Default)]
pub struct QuesitoMutation;

#[Object]
impl QuesitoMutation {
    /// Files a quesito to the CRIC of a region (CCM operators). It starts NEW,
    /// due after the section's SLA.
    async fn file_quesito(&self, ctx: &Context<'_>, input: FileQuesitoInput) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        let file = FileQuesito {
            region_code: input.region_code,
            section: input.section,
            classification_id: parse_id::<ClassificationId>("classification", &input.classification)?.uuid(),
            subject: input.subject,
            question: input.question,
            citizen_fiscal_code: input.citizen_fiscal_code,
            citizen_phone: input.citizen_phone,
            citizen_email: input.citizen_email,
            priority: input.priority,
            contact_id: input
                .contact_id
                .as_ref()
                .map(|id| parse_id::<ContactId>("contactId", id).map(Uuid::from))
                .transpose()?,
            idempotency_key: input.idempotency_key,
        };
        Ok(Quesito(service::file(scope, file, ctx.now()?).await?))
    }

    /// An expert of the CRIC takes a NEW quesito. If someone else took it
    /// first: `CONFLICT`.
    async fn take_quesito(&self, ctx: &Context<'_>, id: ID) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        Ok(Quesito(service::take(scope, parse_id("id", &id)?, ctx.now()?).await?))
    }

    /// Answers an IN_PROGRESS quesito (its CRIC) or a FORWARDED_CENTRAL one
    /// (the central directorate). With `publishAsFaq` the answer also becomes
    /// a FAQ entry (question: `faqQuestion`, default the subject). The citizen
    /// is notified by e-mail when one was given.
    async fn answer_quesito(
        &self,
        ctx: &Context<'_>,
        id: ID,
        answer: String,
        publish_as_faq: Option<bool>,
        faq_question: Option<String>,
        #[graphql(default)] faq_tags: Vec<String>,
    ) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        let input = Answer { answer, publish_as_faq: publish_as_faq.unwrap_or(false), faq_question, faq_tags };
        Ok(Quesito(service::answer(scope, parse_id("id", &id)?, input, ctx.now()?).await?))
    }

    /// Forwards a quesito of exceptional complexity to the central directorate.
    async fn forward_quesito(&self, ctx: &Context<'_>, id: ID, reason: String) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        Ok(Quesito(service::forward(scope, parse_id("id", &id)?, &reason, ctx.now()?).await?))
    }

    /// Converts a NEW or IN_PROGRESS quesito into an appointment at an office of
    /// its region, only when the paper file must be rebuilt: the booking is made
    /// and linked in the same transaction (`appointmentId`).
    async fn convert_quesito_to_appointment(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: ConvertQuesitoInput,
    ) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        let conversion = service::Conversion {
            reason: input.reason,
            booking: crate::appointments::service::BookingInput {
                office_code: input.office_code,
                cup_number: input.cup_number,
                date: input.date,
                time: input.time,
                service_code: input.service_code,
                fiscal_code: String::new(),
                citizen_name: input.citizen_name,
                phone: input.phone,
                email: input.email,
                channel: input.channel,
            },
        };
        Ok(Quesito(service::convert_to_appointment(scope, parse_id("id", &id)?, conversion, ctx.now()?).await?))
    }

    /// Cancels a NEW or IN_PROGRESS quesito (its CRIC, or the CCM that filed it).
    async fn cancel_quesito(&self, ctx: &Context<'_>, id: ID, reason: String) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        Ok(Quesito(service::cancel(scope, parse_id("id", &id)?, &reason, ctx.now()?).await?))
    }

    /// Adds a classification, national (`ROOT`) or for one region (admins, regional directors).
    async fn create_quesito_classification(
        &self,
        ctx: &Context<'_>,
        input: NewClassificationInput,
    ) -> AppResult<QuesitoClassification> {
        let scope = ctx.scope()?;
        let input = NewClassification {
            unit_code: input.unit_code,
            section: input.section,
            code: input.code,
            label: input.label,
        };
        QuesitoClassification::one(scope.db(), service::create_classification(scope, input).await?).await
    }

    /// Renames, deactivates or reactivates a classification.
    async fn update_quesito_classification(
        &self,
        ctx: &Context<'_>,
        id: ID,
        label: Option<String>,
        active: Option<bool>,
    ) -> AppResult<QuesitoClassification> {
        let scope = ctx.scope()?;
        let row = service::update_classification(scope, parse_id("id", &id)?, label, active).await?;
        QuesitoClassification::one(scope.db(), row).await
    }

    /// Sets the working days allowed for a section, nationally (`ROOT`) or for
    /// one region; applies to quesiti filed from now on.
    async fn set_quesito_sla(
        &self,
        ctx: &Context<'_>,
        unit_code: String,
        section: Section,
        working_days: i32,
    ) -> AppResult<QuesitoSla> {
        let scope = ctx.scope()?;
        let row = service::set_sla(scope, &unit_code, section, working_days).await?;
        Ok(QuesitoSla { section, working_days: row.working_days, configured_on: Some(unit_code.trim().to_owned()) })
    }
}

// ---- DataLoaders -------------------------------------------------------------

/// Quesiti by id, within the caller's scope.
pub struct QuesitoById(pub Scope);

impl Loader<Uuid> for QuesitoById {
    type Value = quesito::Model;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(store::by_ids(&self.0, keys).await?.into_iter().map(|q| (q.id, q)).collect())
    }
}

/// Events of each visible quesito.
pub struct EventsByQuesito(pub Scope);

impl Loader<Uuid> for EventsByQuesito {
    type Value = Vec<quesito_event::Model>;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let mut map: HashMap<Uuid, Vec<quesito_event::Model>> = HashMap::new();
        for e in super::lookups::events_of(&self.0, keys).await? {
            map.entry(e.quesito_id).or_default().push(e);
        }
        Ok(map)
    }
}

/// Classifications of visible quesiti (or managed by the caller).
pub struct ClassificationById(pub Scope);

impl Loader<Uuid> for ClassificationById {
    type Value = QuesitoClassification;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let rows = super::lookups::classifications(&self.0, keys).await?;
        Ok(rows.into_iter().map(|r| (r.model.id, r.into())).collect())
    }
}

impl From<super::lookups::ClassificationRow> for QuesitoClassification {
    fn from(r: super::lookups::ClassificationRow) -> Self {
        QuesitoClassification { model: r.model, national: r.national }
    }
}

/// Units a visible quesito belongs to (its CRIC, the filing CCM, the central
/// directorate): seeing a quesito means seeing where it is.
pub struct QuesitoUnitById(pub Scope);

impl Loader<Uuid> for QuesitoUnitById {
    type Value = org_unit::Model;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(super::lookups::units_of_visible_quesiti(&self.0, keys).await?.into_iter().map(|u| (u.id, u)).collect())
    }
}
