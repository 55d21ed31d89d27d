//! The board's SQL, always within the caller's scope: the office's bookings
//! for who may read them (`appointments:read`), never another office's.
//! The per-day counts are one grouped statement whatever the number of days.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use uuid::Uuid;

use entities::appointment::{self, Column as C};
use entities::org_unit;

use super::domain::{DayCounts, Window};
use crate::appointments::domain::{AppointmentStatus, PrecallOutcome, PrecallResult, PrecallStatus};
use crate::authz::Action;
use crate::error::AppResult;
use crate::kernel::messages::office_not_found;
use crate::kernel::paging::{self, Direction};
use crate::org::domain::UnitKind;
use crate::tenancy::Scope;

/// The most rows a day list holds (an office's day has far fewer).
pub const DAY_LIST_MAX: u64 = 2_000;

/// The territorial office `id`, when the caller may read its bookings:
/// `NOT_FOUND` when there is no such office, `FORBIDDEN` when it is outside
/// the caller's reach (the org tree itself is no secret).
pub async fn office(scope: &Scope, id: Uuid) -> AppResult<org_unit::Model> {
    let office = org_unit::Entity::find_by_id(id)
        .filter(org_unit::Column::Kind.eq(UnitKind::TerritorialOffice.as_str()))
        .one(scope.db())
        .await?
        .ok_or_else(office_not_found)?;
    scope.authorize(Action::AppointmentRead, &office.path)?;
    Ok(office)
}

/// What every part of a board looks at: one office's bookings that are not
/// cancelled, optionally only those whose precall is assigned to one person.
#[derive(Clone, Copy, Debug)]
pub struct Filter {
    pub office_id: Uuid,
    pub assignee_id: Option<Uuid>,
}

fn bookings(scope: &Scope, f: &Filter) -> Select<appointment::Entity> {
    let readable = scope.units_for(Action::AppointmentRead);
    let mut q = appointment::Entity::find()
        .filter(readable.unit_id_condition(Expr::col((appointment::Entity, C::UnitId))))
        .filter(C::UnitId.eq(f.office_id))
        .filter(C::Status.ne(AppointmentStatus::Cancelled.as_str()));
    if let Some(person) = f.assignee_id {
        q = q.filter(C::PrecallAssigneeId.eq(person));
    }
    q
}

fn to_precall() -> Condition {
    Condition::all().add(C::PrecallStatus.ne(PrecallStatus::NotRequired.as_str()))
}

/// No POSITIVE outcome yet (none at all, or an attempt that did not reach them).
fn not_reached() -> Condition {
    Condition::any().add(C::PrecallOutcome.is_null()).add(C::PrecallOutcome.ne(PrecallOutcome::Positive.as_str()))
}

fn count_if(cond: Condition) -> Expr {
    Expr::expr(Func::count(Expr::case(cond, Expr::val(1))))
}

#[derive(Debug, FromQueryResult)]
struct DayRow {
    local_date: NaiveDate,
    bookings: i64,
    to_precall: i64,
    assigned: i64,
    precalled: i64,
    reached: i64,
}

/// The counts of each day of the window that has bookings, in one statement.
pub async fn day_counts(scope: &Scope, f: &Filter, window: Window) -> AppResult<Vec<(NaiveDate, DayCounts)>> {
    let rows = bookings(scope, f)
        .filter(C::LocalDate.gte(window.from))
        .filter(C::LocalDate.lte(window.to))
        .select_only()
        .column(C::LocalDate)
        .column_as(Expr::expr(Func::count(Expr::col((appointment::Entity, C::Id)))), "bookings")
        .column_as(count_if(to_precall()), "to_precall")
        .column_as(count_if(to_precall().add(C::PrecallAssigneeId.is_not_null())), "assigned")
        .column_as(count_if(to_precall().add(C::PrecallStatus.eq(PrecallStatus::Done.as_str()))), "precalled")
        .column_as(count_if(to_precall().add(C::PrecallOutcome.eq(PrecallOutcome::Positive.as_str()))), "reached")
        .group_by(C::LocalDate)
        .into_model::<DayRow>()
        .all(scope.db())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let counts = DayCounts {
                bookings: r.bookings,
                to_precall: r.to_precall,
                assigned: r.assigned,
                precalled: r.precalled,
                reached: r.reached,
            };
            (r.local_date, counts)
        })
        .collect())
}

/// The lists of the board.
#[derive(Clone, Copy, Debug)]
pub enum List {
    /// To precall, from `today` to `until`, not reached (domain::is_alarm).
    Alarms { today: NaiveDate, until: NaiveDate },
    /// Pre-contact e-mail sent, no reply recorded, not reached yet, on a day
    /// of the window from today on (seed 000 §II.A).
    NoReply { from: NaiveDate, to: NaiveDate },
    /// Every booking of the window, optionally with one precall result.
    Bookings { from: NaiveDate, to: NaiveDate, result: Option<PrecallResult> },
}

fn listed(scope: &Scope, f: &Filter, list: List) -> Select<appointment::Entity> {
    let q = bookings(scope, f);
    match list {
        List::Alarms { today, until } => {
            q.filter(to_precall()).filter(not_reached()).filter(C::LocalDate.gte(today)).filter(C::LocalDate.lte(until))
        }
        List::NoReply { from, to } => q
            .filter(to_precall())
            .filter(not_reached())
            .filter(C::PrecontactSentAt.is_not_null())
            .filter(C::CitizenReplyAt.is_null())
            .filter(C::LocalDate.gte(from))
            .filter(C::LocalDate.lte(to)),
        List::Bookings { from, to, result } => {
            let q = q.filter(C::LocalDate.gte(from)).filter(C::LocalDate.lte(to));
            match result {
                Some(r) => q.filter(C::PrecallResult.eq(r.as_str())),
                None => q,
            }
        }
    }
}

/// Keyset position: (starts_at, id) of the last row seen.
pub type Cursor = (DateTime<Utc>, Uuid);

/// A page of a list, by time of the appointment.
pub async fn list(
    scope: &Scope,
    f: &Filter,
    which: List,
    after: Option<Cursor>,
    limit: u64,
) -> AppResult<Vec<appointment::Model>> {
    let mut q = listed(scope, f, which).order_by_asc(C::StartsAt).order_by_asc(C::Id).limit(limit);
    if let Some(key) = after {
        q = q.filter(paging::after(
            (appointment::Entity, C::StartsAt),
            (appointment::Entity, C::Id),
            key,
            Direction::Ascending,
        ));
    }
    Ok(q.all(scope.db()).await?)
}

/// How many rows the list has in all.
pub async fn count(scope: &Scope, f: &Filter, which: List) -> AppResult<u64> {
    Ok(listed(scope, f, which).count(scope.db()).await?)
}

/// The office's bookings of one day, cancelled ones included (the list says
/// so), by time: the day list of the export.
pub async fn day_list(scope: &Scope, office_id: Uuid, date: NaiveDate) -> AppResult<Vec<appointment::Model>> {
    let readable = scope.units_for(Action::AppointmentRead);
    Ok(appointment::Entity::find()
        .filter(readable.unit_id_condition(Expr::col((appointment::Entity, C::UnitId))))
        .filter(C::UnitId.eq(office_id))
        .filter(C::LocalDate.eq(date))
        .order_by_asc(C::StartsAt)
        .order_by_asc(C::Id)
        .limit(DAY_LIST_MAX)
        .all(scope.db())
        .await?)
}

/// The office's booking changed last, as (when, which, its version), to tell a
/// live board whether to read again: every change of a booking is a versioned
/// update (`updated_at = now`, `version + 1`) and a new booking is written with
/// `updated_at` = its creation, so any change moves this. Within the caller's
/// scope like the board itself; one step down the index on `(unit_id, updated_at)`.
pub async fn last_change(scope: &Scope, office_id: Uuid) -> AppResult<Option<(DateTime<Utc>, Uuid, i32)>> {
    let readable = scope.units_for(Action::AppointmentRead);
    Ok(appointment::Entity::find()
        .select_only()
        .columns([C::UpdatedAt, C::Id, C::Version])
        .filter(readable.unit_id_condition(Expr::col((appointment::Entity, C::UnitId))))
        .filter(C::UnitId.eq(office_id))
        .order_by_desc(C::UpdatedAt)
        .limit(1)
        .into_tuple::<(DateTime<Utc>, Uuid, i32)>()
        .one(scope.db())
        .await?)
}
