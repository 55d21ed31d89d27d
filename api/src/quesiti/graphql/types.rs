//! The GraphQL types of Linea quesiti: the quesito, its events, classifications, SLA and figures.

use async_graphql::dataloader::{DataLoader, HashMapCache};
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use entities::{quesito, quesito_classification, quesito_event};

use crate::appointments::contact::{self, ContactRead};
use crate::appointments::graphql::{StaffRef, staff};
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::org::graphql::{OrgUnit, UnitLoader};
use crate::quesiti::domain::{Lifecycle, Priority, QuesitoStatus, Section, Transition};
use crate::quesiti::forwarding::{ForwardTarget, forward_target};
use crate::quesiti::{queries, store, waiting};

use super::loaders::{CentralDirectorates, ClassificationById, Directorates, EventsByQuesito};

/// A Linea quesito filed by the CCM to a regional CRIC.
pub struct Quesito(pub quesito::Model);

impl Quesito {
    /// Paths of the units the quesito hangs from: its CRIC, the filing CCM,
    /// the directorate it was forwarded to.
    async fn unit_paths(&self, ctx: &Context<'_>) -> AppResult<Vec<String>> {
        let loader = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
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
        let Some(grant) = queries::contact_grant(scope, &self.0, &paths).cloned() else { return Ok(None) };
        contact::audited(ctx, ContactRead::new("quesito", self.0.id, self.0.unit_id, &grant)).await?;
        Ok(Some(value))
    }

    /// Audits that a look-up by the citizen's fiscal code returned this quesito
    /// (the look-up itself discloses the citizen's quesiti), like a read of its
    /// contact details: the auditors of the quesito's region see it.
    pub(super) async fn audit_lookup_hit(&self, ctx: &Context<'_>) -> AppResult<()> {
        let scope = ctx.scope()?;
        let paths = self.unit_paths(ctx).await?;
        let grant =
            queries::contact_grant(scope, &self.0, &paths).or_else(|| queries::read_grant(scope, &self.0, &paths));
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
    async fn status(&self) -> QuesitoStatus {
        self.0.status
    }
    async fn section(&self) -> Section {
        self.0.section
    }
    async fn priority(&self) -> Priority {
        self.0.priority
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
        let loader = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
        Ok(loader.load_one(self.0.unit_id).await?.map(OrgUnit))
    }
    /// The central directorate it was forwarded to.
    async fn forwarded_to(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        let Some(id) = self.0.forwarded_to_unit_id else { return Ok(None) };
        let loader = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
        Ok(loader.load_one(id).await?.map(OrgUnit))
    }
    /// The central directorate forwarding it would send it to now: the one
    /// competent for its classification, otherwise the first of the national
    /// root. Null when the caller may not forward it there (or at all).
    async fn forward_target(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        let classifications = ctx.data::<DataLoader<ClassificationById, HashMapCache>>().map_err(AppError::internal)?;
        let units = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
        let directorates = ctx.data::<DataLoader<CentralDirectorates, HashMapCache>>().map_err(AppError::internal)?;
        let (classification, cric, reachable) = futures::try_join!(
            classifications.load_one(self.0.classification_id),
            units.load_one(self.0.unit_id),
            directorates.load_one(Directorates::Forwardable),
        )?;
        let (Some(cric), Some(reachable)) = (cric, reachable) else { return Ok(None) };
        let competent = classification.and_then(|c| c.model.competent_directorate_id);
        Ok(match forward_target(competent, &reachable, &cric.path) {
            ForwardTarget::To(unit) => Some(OrgUnit(unit.clone())),
            ForwardTarget::CompetentOutOfReach | ForwardTarget::NoneConfigured => None,
        })
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
    /// Still open and past its due date: an SLA breach. Not while it waits
    /// for the citizen (its clock is paused), unless it was late already.
    async fn overdue(&self, ctx: &Context<'_>) -> AppResult<bool> {
        Ok(waiting::is_overdue(self.0.status, self.0.due_at, self.0.waiting_since, ctx.now()?))
    }
    /// While WAITING_FOR_CITIZEN: since when its SLA clock is paused.
    async fn waiting_since(&self) -> Option<DateTime<Utc>> {
        self.0.waiting_since
    }
    /// What was last asked of the citizen.
    async fn waiting_request(&self) -> Option<&str> {
        self.0.waiting_request.as_deref()
    }
    /// The citizen's last reply.
    async fn citizen_reply(&self) -> Option<&str> {
        self.0.citizen_reply.as_deref()
    }
    /// Working days its due date moved by, waiting for the citizen.
    async fn paused_working_days(&self) -> i32 {
        self.0.paused_working_days
    }
    /// Hours it waited for the citizen in pauses that ended.
    async fn paused_hours(&self) -> f64 {
        self.0.paused_seconds as f64 / 3600.0
    }
    /// The expert holding it (who took it and has not released it), when
    /// the caller may see them.
    async fn taken_by(&self, ctx: &Context<'_>) -> AppResult<Option<StaffRef>> {
        staff(ctx, self.0.taken_by_id).await
    }
    /// Whether the caller holds it.
    async fn taken_by_me(&self, ctx: &Context<'_>) -> AppResult<bool> {
        Ok(self.0.taken_by_id == Some(ctx.scope()?.person_id()))
    }
    /// Continuity: the expert it is proposed to first (who took the citizen's
    /// previous quesito at this CRIC in the last 30 days), when visible.
    async fn proposed_to(&self, ctx: &Context<'_>) -> AppResult<Option<StaffRef>> {
        staff(ctx, self.0.proposed_to_id).await
    }
    /// Whether it is proposed to the caller.
    async fn proposed_to_me(&self, ctx: &Context<'_>) -> AppResult<bool> {
        Ok(self.0.proposed_to_id == Some(ctx.scope()?.person_id()))
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
        if self.0.status.apply(Transition::ConvertToAppointment).is_none() {
            return Ok(Vec::new());
        }
        let loader = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
        let Some(cric) = loader.load_one(self.0.unit_id).await? else { return Ok(Vec::new()) };
        if scope.authorize_in_section(Action::QuesitoWork, &cric.path, self.0.section).is_err() {
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
    async fn from(&self) -> Option<QuesitoStatus> {
        self.0.from_status
    }
    async fn to(&self) -> QuesitoStatus {
        self.0.to_status
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
    /// Reason of a forward or a cancellation, what was asked of the citizen
    /// or their reply.
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
}

/// A type of quesito (tipologia) in a section.
#[derive(Clone)]
pub struct QuesitoClassification {
    pub(super) model: quesito_classification::Model,
    /// Owned by a national root (rather than a regional directorate).
    national: bool,
}

impl From<crate::quesiti::lookups::ClassificationRow> for QuesitoClassification {
    fn from(r: crate::quesiti::lookups::ClassificationRow) -> Self {
        QuesitoClassification { model: r.model, national: r.national }
    }
}

impl QuesitoClassification {
    /// Wraps rows, learning in one query whether each owner is a national root.
    pub(super) async fn wrap(
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

    pub(super) async fn one(
        conn: &impl sea_orm::ConnectionTrait,
        row: quesito_classification::Model,
    ) -> AppResult<Self> {
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
    async fn section(&self) -> Section {
        self.model.section
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
    /// The central directorate competent for the subject: forwarded quesiti
    /// of this classification go there. Null when none is set (they go to the
    /// national root's first), or to callers who neither configure nor forward quesiti.
    async fn competent_directorate(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        let Some(id) = self.model.competent_directorate_id else { return Ok(None) };
        let loader = ctx.data::<DataLoader<CentralDirectorates, HashMapCache>>().map_err(AppError::internal)?;
        let shown = loader.load_one(Directorates::Shown).await?.unwrap_or_default();
        Ok(shown.into_iter().find(|u| u.id == id).map(OrgUnit))
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
    /// Open now: NEW, IN_PROGRESS, WAITING_FOR_CITIZEN or FORWARDED_CENTRAL.
    pub backlog: i64,
    /// Of the backlog, waiting for the citizen now (SLA clock paused).
    pub waiting_for_citizen: i64,
    pub backlog_by_age: QuesitoBacklogAge,
    /// Open now and past their due date (SLA breaches still open); a quesito
    /// waiting for the citizen is not, unless it was late when it paused.
    pub overdue: i64,
    /// Filed in the period.
    pub filed: i64,
    /// Answered in the period.
    pub answered: i64,
    /// Answered in the period after their due date (SLA breaches closed).
    pub answered_late: i64,
    /// Median hours from filing to answer, over those answered in the period
    /// (time waiting for the citizen included: it is counted apart below).
    pub median_answer_hours: Option<f64>,
    /// Hours the quesiti answered in the period waited for the citizen.
    pub paused_hours: f64,
    /// Working days the due dates of the quesiti answered in the period
    /// moved by, waiting for the citizen.
    pub paused_working_days: i64,
    /// Quesiti filed in the period by classification, most frequent first.
    pub by_classification: Vec<QuesitoClassificationCount>,
}

impl From<queries::SectionFigures> for QuesitoSectionStats {
    fn from(f: queries::SectionFigures) -> Self {
        let get = |field: fn(&store::SectionCounts) -> i64| f.counts.as_ref().map_or(0, field);
        QuesitoSectionStats {
            section: f.section,
            backlog: get(|c| c.backlog),
            waiting_for_citizen: get(|c| c.waiting_for_citizen),
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
            median_answer_hours: f.median_answer_hours,
            paused_hours: get(|c| c.paused_seconds) as f64 / 3600.0,
            paused_working_days: get(|c| c.paused_working_days),
            by_classification: f
                .by_classification
                .into_iter()
                .map(|(model, national, count)| QuesitoClassificationCount {
                    classification: QuesitoClassification { model, national },
                    count,
                })
                .collect(),
        }
    }
}
