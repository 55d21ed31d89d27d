//! Follow-up storage, always within the caller's scope: the office's readers
//! of bookings, and the assignee wherever they work.

use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QuerySelect, Select};
use uuid::Uuid;

use entities::appointment;
use entities::follow_up::{self, Column as C, FollowUpStatus};

use crate::error::AppResult;
use crate::kernel::paging::{Direction, Page};
use crate::kernel::sorting::{self, ListTotal, Sort, SortField};
use crate::kernel::versioned::Versioned;
use crate::tenancy::Scope;

impl Versioned for follow_up::Entity {
    const ID: C = C::Id;
    const VERSION: C = C::Version;
    const UPDATED_AT: C = C::UpdatedAt;
    const CHANGED: (&'static str, &'static str) = ("L'attività è stata modificata", "The item was changed");
}

/// Rows of `follow_up` the caller may read (declared in [`crate::kernel::visibility`]).
pub fn visible(scope: &Scope) -> Condition {
    crate::kernel::visibility::visible::<follow_up::Entity>(scope)
}

/// What a list asks for.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub unit_id: Option<Uuid>,
    pub status: Option<FollowUpStatus>,
    pub assignee_id: Option<Uuid>,
    /// Open and due before this day.
    pub overdue_on: Option<NaiveDate>,
}

fn filtered(scope: &Scope, f: &Filter) -> Select<follow_up::Entity> {
    let mut q = follow_up::Entity::find().filter(visible(scope));
    if let Some(unit) = f.unit_id {
        q = q.filter(C::UnitId.eq(unit));
    }
    if let Some(status) = f.status {
        q = q.filter(C::Status.eq(status));
    }
    if let Some(assignee) = f.assignee_id {
        q = q.filter(C::AssigneeId.eq(assignee));
    }
    if let Some(today) = f.overdue_on {
        q = q.filter(C::Status.eq(FollowUpStatus::Open)).filter(C::DueOn.lt(today));
    }
    q
}

/// What a follow-up list can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowUpOrderField {
    DueOn,
    CitizenName,
    CreatedAt,
}

impl SortField for FollowUpOrderField {
    type Column = C;
    fn name(self) -> &'static str {
        match self {
            FollowUpOrderField::DueOn => "dueOn",
            FollowUpOrderField::CitizenName => "citizenName",
            FollowUpOrderField::CreatedAt => "createdAt",
        }
    }
    fn column(self) -> C {
        match self {
            FollowUpOrderField::DueOn => C::DueOn,
            FollowUpOrderField::CitizenName => C::CitizenName,
            FollowUpOrderField::CreatedAt => C::CreatedAt,
        }
    }
}

/// The list's order: as picked, else by due date (the most urgent first).
pub fn follow_up_sort(picked: Option<(FollowUpOrderField, Direction)>) -> Sort<C> {
    Sort::pick(picked, (FollowUpOrderField::DueOn, Direction::Ascending))
}

/// A page in `sort`'s order, then id, and the list's total.
pub async fn list(
    scope: &Scope,
    f: &Filter,
    sort: &Sort<C>,
    page: &Page,
) -> AppResult<(Vec<follow_up::Model>, ListTotal)> {
    sorting::page_of(scope, filtered(scope, f), sort, C::Id, page).await
}

/// Booking numbers of the bookings behind follow-ups the caller sees, by booking id.
pub async fn booking_numbers(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<(Uuid, String)>> {
    let mut followed = sea_orm::sea_query::Query::select();
    followed.column(C::AppointmentId).from(follow_up::Entity).cond_where(visible(scope));
    Ok(appointment::Entity::find()
        .select_only()
        .column(appointment::Column::Id)
        .column(appointment::Column::CupNumber)
        .filter(appointment::Column::Id.is_in(ids.iter().copied()))
        .filter(Expr::col((appointment::Entity, appointment::Column::Id)).in_subquery(followed))
        .into_tuple()
        .all(scope.db())
        .await?)
}

pub async fn by_id(scope: &Scope, id: Uuid) -> AppResult<Option<follow_up::Model>> {
    Ok(follow_up::Entity::find_by_id(id).filter(visible(scope)).one(scope.db()).await?)
}

/// The item a booking already has for this origin, if any.
pub async fn for_appointment(
    conn: &impl ConnectionTrait,
    appointment_id: Uuid,
    origin: follow_up::FollowUpOrigin,
) -> AppResult<Option<follow_up::Model>> {
    Ok(follow_up::Entity::find()
        .filter(C::AppointmentId.eq(appointment_id))
        .filter(C::Origin.eq(origin))
        .one(conn)
        .await?)
}

pub async fn insert(conn: &impl ConnectionTrait, model: &follow_up::Model) -> AppResult<()> {
    follow_up::Entity::insert(follow_up::ActiveModel::from(model.clone())).exec_without_returning(conn).await?;
    Ok(())
}

pub async fn reload(conn: &impl ConnectionTrait, id: Uuid) -> AppResult<follow_up::Model> {
    follow_up::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| crate::error::AppError::internal("follow-up vanished inside its own transaction"))
}
