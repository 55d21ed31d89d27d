//! Queries of procure management.
//!
//! Mutations write before they read inside a transaction (a conditional
//! UPDATE, or an INSERT checked afterwards and rolled back when refused): on
//! SQLite a transaction that reads first cannot upgrade to a writer after
//! another one committed, and would fail instead of waiting its turn.
//! Procure, collaborators and webhooks belong to
//! a professional, not to a unit: every read of them is restricted IN THE SQL to
//! the caller's own professional record (`professional_id = ?`), except the
//! counter check, which staff with `procura:check_collaborator` run across
//! professionals (and which is audited).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    QuerySelect, Select, TryInsertResult,
};
use uuid::Uuid;

use entities::{collaborator, procura, procura_event, professional, webhook};

use super::domain::{DelegableService, ProcuraEventKind, ProcuraStatus, ServiceSet, Validity};
use crate::authz::Action;
use crate::error::AppResult;
use crate::kernel::ids::ProcuraId;
use crate::kernel::paging::{Direction, Page};
use crate::kernel::sorting::{self, ListTotal, Sort, SortField};
use crate::tenancy::Scope;

// ---------------------------------------------------------------------------
// Professionals
// ---------------------------------------------------------------------------

/// The caller's own professional record, if they have one.
pub async fn own_professional(scope: &Scope) -> AppResult<Option<professional::Model>> {
    Ok(professional::Entity::find()
        .filter(professional::Column::PersonId.eq(scope.person_id()))
        .one(scope.db())
        .await?)
}

/// Which professionals to list.
#[derive(Default, Clone, Copy)]
pub struct ProfessionalsFilter {
    pub verified: Option<bool>,
    /// Awaiting review: neither verified nor rejected (the verification queue).
    pub pending: Option<bool>,
}

/// What the register of professionals can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfessionalOrderField {
    CreatedAt,
    Name,
    FiscalCode,
}

impl SortField for ProfessionalOrderField {
    type Column = professional::Column;
    fn name(self) -> &'static str {
        match self {
            ProfessionalOrderField::CreatedAt => "createdAt",
            ProfessionalOrderField::Name => "name",
            ProfessionalOrderField::FiscalCode => "fiscalCode",
        }
    }
    fn column(self) -> professional::Column {
        match self {
            ProfessionalOrderField::CreatedAt => professional::Column::CreatedAt,
            ProfessionalOrderField::Name => professional::Column::Name,
            ProfessionalOrderField::FiscalCode => professional::Column::FiscalCode,
        }
    }
}

/// The register's order: as picked, else newest first.
pub fn professional_sort(picked: Option<(ProfessionalOrderField, Direction)>) -> Sort<professional::Column> {
    Sort::pick(picked, (ProfessionalOrderField::CreatedAt, Direction::Descending))
}

/// The register, for administrators (`professional:manage`, checked by the caller
/// and again here), in `sort`'s order, and its total.
pub async fn list_professionals(
    scope: &Scope,
    filter: ProfessionalsFilter,
    sort: &Sort<professional::Column>,
    page: &Page,
) -> AppResult<(Vec<professional::Model>, ListTotal)> {
    let mut query = professional::Entity::find();
    if scope.units_for(Action::ProfessionalManage) != crate::tenancy::UnitScope::Everywhere {
        // Nobody else reads the register: no row, and a total of none.
        query = query.filter(Expr::value(false));
    }
    match filter.verified {
        Some(true) => query = query.filter(professional::Column::VerifiedAt.is_not_null()),
        Some(false) => query = query.filter(professional::Column::VerifiedAt.is_null()),
        None => {}
    }
    let awaiting = Condition::all()
        .add(professional::Column::VerifiedAt.is_null())
        .add(professional::Column::RejectedAt.is_null());
    match filter.pending {
        Some(true) => query = query.filter(awaiting),
        Some(false) => query = query.filter(awaiting.not()),
        None => {}
    }
    sorting::page_of(scope, query, sort, professional::Column::Id, page).await
}

/// Professionals by id, for DataLoaders. Visible to administrators, to the
/// professional themself, and (as the holder of a procura a counter check
/// returned) to counter staff.
pub async fn professionals_by_ids(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<professional::Model>> {
    let mut query = professional::Entity::find().filter(professional::Column::Id.is_in(ids.iter().copied()));
    let everyone = scope.units_for(Action::ProfessionalManage) == crate::tenancy::UnitScope::Everywhere
        || !scope.units_for(Action::CollaboratorCheck).is_nowhere();
    if !everyone {
        query = query.filter(professional::Column::PersonId.eq(scope.person_id()));
    }
    Ok(query.all(scope.db()).await?)
}

/// Marks a self-registration verified; `false` when it is absent or already verified.
pub async fn verify_professional(
    conn: &impl ConnectionTrait,
    id: Uuid,
    by: Uuid,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let result = professional::Entity::update_many()
        .col_expr(professional::Column::VerifiedAt, Expr::value(now))
        .col_expr(professional::Column::VerifiedBy, Expr::value(by))
        .col_expr(professional::Column::Version, Expr::col(professional::Column::Version).add(1))
        .filter(professional::Column::Id.eq(id))
        .filter(professional::Column::VerifiedAt.is_null())
        .filter(professional::Column::RejectedAt.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Marks a self-registration rejected with its reason; `false` when it is
/// absent or already verified or rejected.
pub async fn reject_professional(
    conn: &impl ConnectionTrait,
    id: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let result = professional::Entity::update_many()
        .col_expr(professional::Column::RejectedAt, Expr::value(now))
        .col_expr(professional::Column::RejectionReason, Expr::value(reason))
        .col_expr(professional::Column::Version, Expr::col(professional::Column::Version).add(1))
        .filter(professional::Column::Id.eq(id))
        .filter(professional::Column::VerifiedAt.is_null())
        .filter(professional::Column::RejectedAt.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

// ---------------------------------------------------------------------------
// Procure
// ---------------------------------------------------------------------------

fn service_column(service: DelegableService) -> procura::Column {
    match service {
        DelegableService::ReviewIrregularityNotices => procura::Column::ServiceReviewIrregularity,
        DelegableService::RefundDocumentation => procura::Column::ServiceRefundDocumentation,
        DelegableService::ReviewAssessments41bis => procura::Column::ServiceReviewAssessments41bis,
        DelegableService::StatusInformation => procura::Column::ServiceStatusInformation,
    }
}

/// `Validity::status_on(day) == status`, as SQL over the date columns: the
/// status is never stored, so it can never go stale.
pub fn status_condition(status: ProcuraStatus, day: NaiveDate) -> Condition {
    let not_revoked =
        Condition::any().add(procura::Column::RevokedOn.is_null()).add(procura::Column::RevokedOn.gt(day));
    match status {
        ProcuraStatus::Revoked => Condition::all().add(procura::Column::RevokedOn.lte(day)),
        ProcuraStatus::NotYetValid => Condition::all().add(not_revoked).add(procura::Column::ValidFrom.gt(day)),
        ProcuraStatus::Expired => Condition::all().add(not_revoked).add(procura::Column::ValidTo.lt(day)),
        ProcuraStatus::Active => Condition::all()
            .add(not_revoked)
            .add(procura::Column::ValidFrom.lte(day))
            .add(procura::Column::ValidTo.gte(day)),
    }
}

#[derive(Default)]
pub struct ProcuraFilter {
    pub client_fiscal_code: Option<String>,
    pub status: Option<ProcuraStatus>,
    pub service: Option<DelegableService>,
}

/// What the professional's procure list can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcuraOrderField {
    DeclaredAt,
    ClientFiscalCode,
    ValidFrom,
    ValidTo,
}

impl SortField for ProcuraOrderField {
    type Column = procura::Column;
    fn name(self) -> &'static str {
        match self {
            ProcuraOrderField::DeclaredAt => "declaredAt",
            ProcuraOrderField::ClientFiscalCode => "clientFiscalCode",
            ProcuraOrderField::ValidFrom => "validFrom",
            ProcuraOrderField::ValidTo => "validTo",
        }
    }
    fn column(self) -> procura::Column {
        match self {
            ProcuraOrderField::DeclaredAt => procura::Column::DeclaredAt,
            ProcuraOrderField::ClientFiscalCode => procura::Column::ClientFiscalCode,
            ProcuraOrderField::ValidFrom => procura::Column::ValidFrom,
            ProcuraOrderField::ValidTo => procura::Column::ValidTo,
        }
    }
}

/// The list's order: as picked, else the newest declaration first.
pub fn procura_sort(picked: Option<(ProcuraOrderField, Direction)>) -> Sort<procura::Column> {
    Sort::pick(picked, (ProcuraOrderField::DeclaredAt, Direction::Descending))
}

/// The professional's own procure matching `filter` (on `today`'s status).
fn own_procure_matching(professional_id: Uuid, filter: &ProcuraFilter, today: NaiveDate) -> Select<procura::Entity> {
    let mut query = procura::Entity::find().filter(procura::Column::ProfessionalId.eq(professional_id));
    if let Some(code) = &filter.client_fiscal_code {
        query = query.filter(procura::Column::ClientFiscalCode.eq(code.as_str()));
    }
    if let Some(status) = filter.status {
        query = query.filter(status_condition(status, today));
    }
    if let Some(service) = filter.service {
        query = query.filter(service_column(service).eq(true));
    }
    query
}

/// A page of the professional's own procure in `sort`'s order, and their total.
pub async fn list_own_procure(
    scope: &Scope,
    professional_id: Uuid,
    filter: &ProcuraFilter,
    today: NaiveDate,
    sort: &Sort<procura::Column>,
    page: &Page,
) -> AppResult<(Vec<procura::Model>, ListTotal)> {
    sorting::page_of(scope, own_procure_matching(professional_id, filter, today), sort, procura::Column::Id, page).await
}

/// One of the professional's own procure (absent when it is someone else's).
pub async fn own_procura(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
    id: ProcuraId,
) -> AppResult<Option<procura::Model>> {
    Ok(procura::Entity::find_by_id(id).filter(procura::Column::ProfessionalId.eq(professional_id)).one(conn).await?)
}

/// The professional's procure from one client (for `procuraCheck`).
pub async fn own_procure_from_client(
    scope: &Scope,
    professional_id: Uuid,
    client_fiscal_code: &str,
) -> AppResult<Vec<procura::Model>> {
    Ok(procura::Entity::find()
        .filter(procura::Column::ProfessionalId.eq(professional_id))
        .filter(procura::Column::ClientFiscalCode.eq(client_fiscal_code))
        .order_by_desc(procura::Column::Id)
        .all(scope.db())
        .await?)
}

fn staff_only(scope: &Scope) -> AppResult<()> {
    if scope.units_for(Action::CollaboratorCheck).is_nowhere() {
        return Err(crate::kernel::messages::collaborator_check_forbidden());
    }
    Ok(())
}

/// Every professional's procure from one client, for the counter check.
pub async fn procure_from_client(scope: &Scope, client_fiscal_code: &str) -> AppResult<Vec<procura::Model>> {
    staff_only(scope)?;
    Ok(procura::Entity::find()
        .filter(procura::Column::ClientFiscalCode.eq(client_fiscal_code))
        .order_by_desc(procura::Column::Id)
        .all(scope.db())
        .await?)
}

/// A collaborator's listings with the professionals holding those procure.
pub async fn listings_of(
    scope: &Scope,
    collaborator_fiscal_code: &str,
    professional_ids: &[Uuid],
) -> AppResult<Vec<collaborator::Model>> {
    staff_only(scope)?;
    Ok(collaborator::Entity::find()
        .filter(collaborator::Column::FiscalCode.eq(collaborator_fiscal_code))
        .filter(collaborator::Column::ProfessionalId.is_in(professional_ids.iter().copied()))
        .all(scope.db())
        .await?)
}

pub struct NewProcura {
    pub professional_id: Uuid,
    pub client_fiscal_code: String,
    pub services: ServiceSet,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub collaborators_authorized: bool,
}

pub async fn insert_procura(
    conn: &impl ConnectionTrait,
    new: NewProcura,
    now: DateTime<Utc>,
) -> AppResult<procura::Model> {
    let model = procura::Model {
        id: Uuid::now_v7(),
        professional_id: new.professional_id,
        client_fiscal_code: new.client_fiscal_code,
        service_review_irregularity: new.services.review_irregularity_notices,
        service_refund_documentation: new.services.refund_documentation,
        service_review_assessments41bis: new.services.review_assessments_41bis,
        service_status_information: new.services.status_information,
        valid_from: new.valid_from,
        valid_to: new.valid_to,
        collaborators_authorized: new.collaborators_authorized,
        privacy_notice_given: true,
        declared_at: now,
        revoked_at: None,
        revoked_on: None,
        version: 1,
    };
    procura::Entity::insert(procura::ActiveModel::from(model.clone())).exec_without_returning(conn).await?;
    Ok(model)
}

/// Revokes a procura of this professional if it is still in force or yet to
/// start; `false` when it is not (absent, already revoked or expired: the
/// caller reads it to say which). The write comes first in the transaction, so
/// of two concurrent revocations exactly one wins, on SQLite too.
pub async fn revoke_procura(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
    id: ProcuraId,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> AppResult<bool> {
    let result = procura::Entity::update_many()
        .col_expr(procura::Column::RevokedAt, Expr::value(now))
        .col_expr(procura::Column::RevokedOn, Expr::value(today))
        .col_expr(procura::Column::Version, Expr::col(procura::Column::Version).add(1))
        .filter(procura::Column::Id.eq(id))
        .filter(procura::Column::ProfessionalId.eq(professional_id))
        .filter(procura::Column::RevokedAt.is_null())
        .filter(procura::Column::ValidTo.gte(today))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Appends a history event; `false` when this kind was already recorded for
/// the procura (each kind happens once, which makes the expiry scan idempotent).
pub async fn add_event(
    conn: &impl ConnectionTrait,
    procura_id: Uuid,
    kind: ProcuraEventKind,
    actor_id: Option<Uuid>,
    detail: Option<serde_json::Value>,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let result = procura_event::Entity::insert(procura_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        procura_id: Set(procura_id),
        kind: Set(kind),
        occurred_at: Set(now),
        actor_id: Set(actor_id),
        detail: Set(detail.map(|d| d.to_string())),
    })
    .on_conflict_do_nothing_on([procura_event::Column::ProcuraId, procura_event::Column::Kind])
    .exec_without_returning(conn)
    .await?;
    Ok(matches!(result, TryInsertResult::Inserted(n) if n > 0))
}

/// History of the caller's own procure among `procura_ids`, oldest first.
pub async fn own_events(scope: &Scope, procura_ids: &[Uuid]) -> AppResult<Vec<procura_event::Model>> {
    let mut own_procure = Query::select();
    own_procure
        .column(procura::Column::Id)
        .from(procura::Entity)
        .and_where(procura::Column::Id.is_in(procura_ids.iter().copied()))
        .and_where(
            procura::Column::ProfessionalId.in_subquery(
                Query::select()
                    .column(professional::Column::Id)
                    .from(professional::Entity)
                    .and_where(professional::Column::PersonId.eq(scope.person_id()))
                    .to_owned(),
            ),
        );
    Ok(procura_event::Entity::find()
        .filter(Expr::col((procura_event::Entity, procura_event::Column::ProcuraId)).in_subquery(own_procure))
        .order_by_asc(procura_event::Column::Id)
        .all(scope.db())
        .await?)
}

/// Procure the expiry scan has to announce: not revoked, ending within
/// `notice_until` (inclusive) and not yet announced as `kind`.
pub async fn due_for_notice(
    conn: &impl ConnectionTrait,
    kind: ProcuraEventKind,
    today: NaiveDate,
    notice_until: NaiveDate,
    limit: u64,
) -> AppResult<Vec<procura::Model>> {
    let mut already = Query::select();
    already
        .column(procura_event::Column::ProcuraId)
        .from(procura_event::Entity)
        .and_where(procura_event::Column::Kind.eq(kind));
    let mut query = procura::Entity::find()
        .filter(procura::Column::RevokedAt.is_null())
        .filter(Expr::col((procura::Entity, procura::Column::Id)).not_in_subquery(already));
    query = match kind {
        ProcuraEventKind::Expired => query.filter(procura::Column::ValidTo.lt(today)),
        _ => query.filter(procura::Column::ValidTo.gte(today)).filter(procura::Column::ValidTo.lte(notice_until)),
    };
    Ok(query.order_by_asc(procura::Column::ValidTo).limit(limit).all(conn).await?)
}

// ---------------------------------------------------------------------------
// Collaborators
// ---------------------------------------------------------------------------

pub async fn own_listings_of(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
    fiscal_code: &str,
) -> AppResult<Vec<collaborator::Model>> {
    Ok(collaborator::Entity::find()
        .filter(collaborator::Column::ProfessionalId.eq(professional_id))
        .filter(collaborator::Column::FiscalCode.eq(fiscal_code))
        .all(conn)
        .await?)
}

pub async fn insert_collaborator(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
    fiscal_code: String,
    valid_from: NaiveDate,
    valid_to: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> AppResult<collaborator::Model> {
    let model = collaborator::Model {
        id: Uuid::now_v7(),
        professional_id,
        fiscal_code,
        valid_from,
        valid_to,
        created_at: now,
        ended_at: None,
        version: 1,
    };
    collaborator::Entity::insert(collaborator::ActiveModel::from(model.clone())).exec_without_returning(conn).await?;
    Ok(model)
}

pub async fn own_collaborator(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
    id: Uuid,
) -> AppResult<Option<collaborator::Model>> {
    Ok(collaborator::Entity::find_by_id(id)
        .filter(collaborator::Column::ProfessionalId.eq(professional_id))
        .one(conn)
        .await?)
}

/// Sets the last day of a collaborator's period to `on`, if `on` lies within
/// it; `false` otherwise (or when it is not the professional's).
pub async fn end_collaborator(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
    id: Uuid,
    on: NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let result = collaborator::Entity::update_many()
        .col_expr(collaborator::Column::ValidTo, Expr::value(on))
        .col_expr(collaborator::Column::EndedAt, Expr::value(now))
        .col_expr(collaborator::Column::Version, Expr::col(collaborator::Column::Version).add(1))
        .filter(collaborator::Column::Id.eq(id))
        .filter(collaborator::Column::ProfessionalId.eq(professional_id))
        .filter(collaborator::Column::ValidFrom.lte(on))
        .filter(
            Condition::any().add(collaborator::Column::ValidTo.is_null()).add(collaborator::Column::ValidTo.gte(on)),
        )
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

#[derive(Default)]
pub struct CollaboratorFilter {
    pub fiscal_code: Option<String>,
    /// Only those whose period covers this day.
    pub active_on: Option<NaiveDate>,
}

/// What the list of collaborators can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CollaboratorOrderField {
    CreatedAt,
    FiscalCode,
    ValidFrom,
    ValidTo,
}

impl SortField for CollaboratorOrderField {
    type Column = collaborator::Column;
    fn name(self) -> &'static str {
        match self {
            CollaboratorOrderField::CreatedAt => "createdAt",
            CollaboratorOrderField::FiscalCode => "fiscalCode",
            CollaboratorOrderField::ValidFrom => "validFrom",
            CollaboratorOrderField::ValidTo => "validTo",
        }
    }
    fn column(self) -> collaborator::Column {
        match self {
            CollaboratorOrderField::CreatedAt => collaborator::Column::CreatedAt,
            CollaboratorOrderField::FiscalCode => collaborator::Column::FiscalCode,
            CollaboratorOrderField::ValidFrom => collaborator::Column::ValidFrom,
            // Null: open-ended, so after every end date ascending.
            CollaboratorOrderField::ValidTo => collaborator::Column::ValidTo,
        }
    }
}

/// The list's order: as picked, else newest first.
pub fn collaborator_sort(picked: Option<(CollaboratorOrderField, Direction)>) -> Sort<collaborator::Column> {
    Sort::pick(picked, (CollaboratorOrderField::CreatedAt, Direction::Descending))
}

/// A page of the professional's own collaborators in `sort`'s order, and their total.
pub async fn list_own_collaborators(
    scope: &Scope,
    professional_id: Uuid,
    filter: &CollaboratorFilter,
    sort: &Sort<collaborator::Column>,
    page: &Page,
) -> AppResult<(Vec<collaborator::Model>, ListTotal)> {
    let mut query = collaborator::Entity::find().filter(collaborator::Column::ProfessionalId.eq(professional_id));
    if let Some(code) = &filter.fiscal_code {
        query = query.filter(collaborator::Column::FiscalCode.eq(code.as_str()));
    }
    if let Some(day) = filter.active_on {
        query = query.filter(collaborator::Column::ValidFrom.lte(day)).filter(
            Condition::any().add(collaborator::Column::ValidTo.is_null()).add(collaborator::Column::ValidTo.gte(day)),
        );
    }
    sorting::page_of(scope, query, sort, collaborator::Column::Id, page).await
}

// ---------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------

/// Most endpoints one professional may register.
pub const MAX_WEBHOOKS: u64 = 5;

pub async fn own_webhooks(conn: &impl ConnectionTrait, professional_id: Uuid) -> AppResult<Vec<webhook::Model>> {
    Ok(webhook::Entity::find()
        .filter(webhook::Column::ProfessionalId.eq(professional_id))
        .filter(webhook::Column::DeletedAt.is_null())
        .order_by_asc(webhook::Column::Id)
        .all(conn)
        .await?)
}

pub async fn insert_webhook(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
    url: String,
    secret: String,
    now: DateTime<Utc>,
) -> AppResult<webhook::Model> {
    let model = webhook::Model {
        id: Uuid::now_v7(),
        professional_id,
        url,
        secret,
        previous_secret: None,
        previous_secret_until: None,
        created_at: now,
        deleted_at: None,
    };
    webhook::Entity::insert(webhook::ActiveModel::from(model.clone())).exec_without_returning(conn).await?;
    Ok(model)
}

/// Replaces an endpoint's signing secret, keeping the old one valid until
/// `grace_until`; `false` when it is not the professional's (or deleted).
pub async fn rotate_webhook_secret(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
    id: Uuid,
    new_secret: &str,
    grace_until: DateTime<Utc>,
) -> AppResult<bool> {
    let result = webhook::Entity::update_many()
        .col_expr(webhook::Column::PreviousSecret, Expr::col(webhook::Column::Secret))
        .col_expr(webhook::Column::PreviousSecretUntil, Expr::value(grace_until))
        .col_expr(webhook::Column::Secret, Expr::value(new_secret))
        .filter(webhook::Column::Id.eq(id))
        .filter(webhook::Column::ProfessionalId.eq(professional_id))
        .filter(webhook::Column::DeletedAt.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected > 0)
}

/// Stops deliveries to an endpoint; `false` when it is not the professional's
/// (or already deleted).
pub async fn delete_webhook(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let result = webhook::Entity::update_many()
        .col_expr(webhook::Column::DeletedAt, Expr::value(now))
        .filter(webhook::Column::Id.eq(id))
        .filter(webhook::Column::ProfessionalId.eq(professional_id))
        .filter(webhook::Column::DeletedAt.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected > 0)
}

/// Validity as the domain sees it.
pub fn validity(p: &procura::Model) -> Validity {
    Validity { valid_from: p.valid_from, valid_to: p.valid_to, revoked_on: p.revoked_on }
}

pub fn services(p: &procura::Model) -> ServiceSet {
    ServiceSet {
        review_irregularity_notices: p.service_review_irregularity,
        refund_documentation: p.service_refund_documentation,
        review_assessments_41bis: p.service_review_assessments41bis,
        status_information: p.service_status_information,
    }
}
