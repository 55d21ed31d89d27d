//! Bookings storage. Every read applies the caller's visibility in SQL:
//! the office's bookings for who may read that office, plus the bookings made
//! by one's own unit for the CCM and the CRIC.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use uuid::Uuid;

use entities::{appointment, org_unit, person, role_assignment};

use super::domain::{AppointmentStatus, Channel, PrecallOutcome, PrecallStatus};
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::ids::AppointmentId;
use crate::kernel::paging::{Direction, Page};
use crate::kernel::sorting::{self, ListTotal, Sort, SortField};
use crate::tenancy::Scope;

/// Who may see a booking: readers of its office, or readers of what their
/// unit booked (declared in [`crate::kernel::visibility`]).
pub fn visible(scope: &Scope) -> Condition {
    crate::kernel::visibility::visible::<appointment::Entity>(scope)
}

pub async fn find(scope: &Scope, id: AppointmentId) -> AppResult<Option<appointment::Model>> {
    Ok(appointment::Entity::find_by_id(id).filter(visible(scope)).one(scope.db()).await?)
}

pub async fn find_many(scope: &Scope, ids: &[AppointmentId]) -> AppResult<Vec<appointment::Model>> {
    Ok(appointment::Entity::find()
        .filter(appointment::Column::Id.is_in(ids.iter().copied()))
        .filter(visible(scope))
        .all(scope.db())
        .await?)
}

pub fn not_found() -> AppError {
    AppError::not_found("Prenotazione non trovata", "Booking not found")
}

#[derive(Default, Clone)]
pub struct ListFilter {
    pub office_id: Option<Uuid>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub status: Option<AppointmentStatus>,
    pub precall_status: Option<PrecallStatus>,
    /// Precall assignee or counter operator.
    pub assignee_id: Option<Uuid>,
    pub channel: Option<Channel>,
}

/// Keyset position: (starts_at, id) of the last row seen.
/// What the bookings list can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppointmentOrderField {
    StartsAt,
    CitizenName,
    CupNumber,
}

impl SortField for AppointmentOrderField {
    type Column = appointment::Column;
    fn name(self) -> &'static str {
        match self {
            AppointmentOrderField::StartsAt => "startsAt",
            AppointmentOrderField::CitizenName => "citizenName",
            AppointmentOrderField::CupNumber => "cupNumber",
        }
    }
    fn column(self) -> appointment::Column {
        match self {
            AppointmentOrderField::StartsAt => appointment::Column::StartsAt,
            AppointmentOrderField::CitizenName => appointment::Column::CitizenName,
            AppointmentOrderField::CupNumber => appointment::Column::CupNumber,
        }
    }
}

/// The list's order: as picked, else by time.
pub fn appointment_sort(picked: Option<(AppointmentOrderField, Direction)>) -> Sort<appointment::Column> {
    Sort::pick(picked, (AppointmentOrderField::StartsAt, Direction::Ascending))
}

/// A page of the bookings the caller may see matching `filter`, and their total.
pub async fn list(
    scope: &Scope,
    filter: &ListFilter,
    sort: &Sort<appointment::Column>,
    page: &Page,
) -> AppResult<(Vec<appointment::Model>, ListTotal)> {
    sorting::page_of(scope, matching(scope, filter), sort, appointment::Column::Id, page).await
}

fn matching(scope: &Scope, filter: &ListFilter) -> Select<appointment::Entity> {
    let mut query = appointment::Entity::find().filter(visible(scope));
    if let Some(office) = filter.office_id {
        query = query.filter(appointment::Column::UnitId.eq(office));
    }
    if let Some(from) = filter.from {
        query = query.filter(appointment::Column::LocalDate.gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(appointment::Column::LocalDate.lte(to));
    }
    if let Some(status) = filter.status {
        query = query.filter(appointment::Column::Status.eq(status.as_str()));
    }
    if let Some(p) = filter.precall_status {
        query = query.filter(appointment::Column::PrecallStatus.eq(p.as_str()));
    }
    if let Some(person) = filter.assignee_id {
        query = query.filter(
            Condition::any()
                .add(appointment::Column::PrecallAssigneeId.eq(person))
                .add(appointment::Column::CounterOperatorId.eq(person)),
        );
    }
    if let Some(channel) = filter.channel {
        query = query.filter(appointment::Column::Channel.eq(channel.as_str()));
    }
    query
}

/// The office's bookings with these CUP numbers or (for CUP-imported ones) on these days.
pub async fn for_import(
    scope: &Scope,
    office_id: Uuid,
    cup_numbers: &[String],
    days: &[NaiveDate],
) -> AppResult<Vec<appointment::Model>> {
    Ok(appointment::Entity::find()
        .filter(visible(scope))
        .filter(appointment::Column::UnitId.eq(office_id))
        .filter(
            Condition::any().add(appointment::Column::CupNumber.is_in(cup_numbers.iter().cloned())).add(
                Condition::all()
                    .add(appointment::Column::LocalDate.is_in(days.iter().copied()))
                    .add(appointment::Column::Source.eq(super::domain::AppointmentSource::CupImport.as_str())),
            ),
        )
        .all(scope.db())
        .await?)
}

pub async fn insert(conn: &impl ConnectionTrait, m: &appointment::Model) -> AppResult<()> {
    let unique_taken = appointment::Entity::find()
        .filter(appointment::Column::UnitId.eq(m.unit_id))
        .filter(appointment::Column::CupNumber.eq(m.cup_number.clone()))
        .one(conn)
        .await?
        .is_some();
    if unique_taken {
        return Err(AppError::conflict(
            format!("Esiste già una prenotazione n. {} in questo ufficio", m.cup_number),
            format!("A booking no. {} already exists at this office", m.cup_number),
        ));
    }
    appointment::Entity::insert(appointment::ActiveModel {
        id: Set(m.id),
        unit_id: Set(m.unit_id),
        cup_number: Set(m.cup_number.clone()),
        starts_at: Set(m.starts_at),
        local_date: Set(m.local_date),
        service_id: Set(m.service_id),
        fiscal_code: Set(m.fiscal_code.clone()),
        citizen_name: Set(m.citizen_name.clone()),
        phone: Set(m.phone.clone()),
        email: Set(m.email.clone()),
        channel: Set(m.channel),
        status: Set(m.status),
        source: Set(m.source),
        booked_by_id: Set(m.booked_by_id),
        booked_by_unit_id: Set(m.booked_by_unit_id),
        cancel_reason: Set(m.cancel_reason.clone()),
        cancelled_at: Set(m.cancelled_at),
        precall_status: Set(m.precall_status),
        precall_assignee_id: Set(m.precall_assignee_id),
        precall_assigned_at: Set(m.precall_assigned_at),
        precall_outcome: Set(m.precall_outcome),
        precall_reason: Set(m.precall_reason),
        precall_result: Set(m.precall_result),
        precall_note: Set(m.precall_note.clone()),
        precalled_at: Set(m.precalled_at),
        precontact_sent_at: Set(m.precontact_sent_at),
        precontact_sent_by_id: Set(m.precontact_sent_by_id),
        citizen_reply: Set(m.citizen_reply.clone()),
        citizen_reply_at: Set(m.citizen_reply_at),
        counter_operator_id: Set(m.counter_operator_id),
        counter_channel: Set(m.counter_channel),
        counter_assigned_at: Set(m.counter_assigned_at),
        counter_started_at: Set(m.counter_started_at),
        counter_ended_at: Set(m.counter_ended_at),
        counter_outcome: Set(m.counter_outcome),
        protocol_number: Set(m.protocol_number.clone()),
        version: Set(m.version),
        created_at: Set(m.created_at),
        updated_at: Set(m.updated_at),
    })
    .exec(conn)
    .await
    .map_err(|err| match err.sql_err() {
        // Someone inserted the same number between our check and our insert.
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => AppError::conflict(
            format!("Esiste già una prenotazione n. {} in questo ufficio", m.cup_number),
            format!("A booking no. {} already exists at this office", m.cup_number),
        ),
        _ => AppError::from(err),
    })?;
    Ok(())
}

/// The changes of a booking's versioned update
/// ([`crate::kernel::versioned::update_versioned`]).
pub type Changes = crate::kernel::versioned::Changes<appointment::Entity>;

impl crate::kernel::versioned::Versioned for appointment::Entity {
    const ID: appointment::Column = appointment::Column::Id;
    const VERSION: appointment::Column = appointment::Column::Version;
    const UPDATED_AT: appointment::Column = appointment::Column::UpdatedAt;
    const CHANGED: (&'static str, &'static str) = ("La prenotazione è stata modificata", "The booking was changed");
}

/// Re-reads a booking inside a transaction (after a write).
pub async fn reload(conn: &impl ConnectionTrait, id: Uuid) -> AppResult<appointment::Model> {
    appointment::Entity::find_by_id(id).one(conn).await?.ok_or_else(not_found)
}

/// Precalls waiting for this person: assigned and not concluded, from `from` on.
pub async fn precalls_of(
    scope: &Scope,
    person_id: Uuid,
    from: NaiveDate,
    limit: u64,
) -> AppResult<Vec<appointment::Model>> {
    Ok(appointment::Entity::find()
        .filter(visible(scope))
        .filter(appointment::Column::PrecallAssigneeId.eq(person_id))
        .filter(appointment::Column::Status.eq(AppointmentStatus::Booked.as_str()))
        .filter(
            Condition::any().add(appointment::Column::PrecallStatus.eq(PrecallStatus::Assigned.as_str())).add(
                // A negative attempt stays on the list for another try.
                Condition::all()
                    .add(appointment::Column::PrecallStatus.eq(PrecallStatus::Done.as_str()))
                    .add(appointment::Column::PrecallOutcome.ne(PrecallOutcome::Positive.as_str())),
            ),
        )
        .filter(appointment::Column::LocalDate.gte(from))
        .order_by_asc(appointment::Column::StartsAt)
        .order_by_asc(appointment::Column::Id)
        .limit(limit)
        .all(scope.db())
        .await?)
}

/// Counter sessions of the day designated to this person.
pub async fn sessions_of(
    scope: &Scope,
    person_id: Uuid,
    day: NaiveDate,
    limit: u64,
) -> AppResult<Vec<appointment::Model>> {
    Ok(appointment::Entity::find()
        .filter(visible(scope))
        .filter(appointment::Column::CounterOperatorId.eq(person_id))
        .filter(appointment::Column::LocalDate.eq(day))
        .filter(appointment::Column::Status.ne(AppointmentStatus::Cancelled.as_str()))
        .order_by_asc(appointment::Column::StartsAt)
        .order_by_asc(appointment::Column::Id)
        .limit(limit)
        .all(scope.db())
        .await?)
}

/// Candidates for `nextAppointment`: today's bookings designated to the
/// person and not started, then today's unassigned confirmed/booked ones of
/// the offices in `offices` for the services in `skills`, earliest first.
pub async fn next_candidates(
    scope: &Scope,
    person_id: Uuid,
    offices: &[Uuid],
    skills: &[Uuid],
    day: NaiveDate,
) -> AppResult<Vec<appointment::Model>> {
    let mine = Condition::all()
        .add(appointment::Column::CounterOperatorId.eq(person_id))
        .add(appointment::Column::Status.eq(AppointmentStatus::CounterAssigned.as_str()));
    let open = Condition::all()
        .add(appointment::Column::CounterOperatorId.is_null())
        .add(appointment::Column::UnitId.is_in(offices.iter().copied()))
        .add(appointment::Column::ServiceId.is_in(skills.iter().copied()))
        .add(
            appointment::Column::Status
                .is_in([AppointmentStatus::Confirmed.as_str(), AppointmentStatus::Booked.as_str()]),
        );
    let mut rows = appointment::Entity::find()
        .filter(visible(scope))
        .filter(appointment::Column::LocalDate.eq(day))
        .filter(Condition::any().add(mine).add(open))
        .order_by_asc(appointment::Column::StartsAt)
        .order_by_asc(appointment::Column::Id)
        .limit(20)
        .all(scope.db())
        .await?;
    // Designated ones first, each group by time.
    rows.sort_by_key(|a| (a.counter_operator_id != Some(person_id), a.starts_at, a.id));
    Ok(rows)
}

/// Open precalls per operator at the office (for balancing).
pub async fn open_precall_load(scope: &Scope, office_id: Uuid, from: NaiveDate) -> AppResult<Vec<(Uuid, i64)>> {
    let rows: Vec<(Option<Uuid>, i64)> = appointment::Entity::find()
        .select_only()
        .column(appointment::Column::PrecallAssigneeId)
        .column_as(appointment::Column::Id.count(), "n")
        .filter(visible(scope))
        .filter(appointment::Column::UnitId.eq(office_id))
        .filter(appointment::Column::PrecallStatus.eq(PrecallStatus::Assigned.as_str()))
        .filter(appointment::Column::Status.eq(AppointmentStatus::Booked.as_str()))
        .filter(appointment::Column::LocalDate.gte(from))
        .group_by(appointment::Column::PrecallAssigneeId)
        .into_tuple()
        .all(scope.db())
        .await?;
    Ok(rows.into_iter().filter_map(|(p, n)| p.map(|p| (p, n))).collect())
}

/// Bookings of the office on the day whose precall nobody has yet.
pub async fn unassigned_precalls(scope: &Scope, office_id: Uuid, day: NaiveDate) -> AppResult<Vec<appointment::Model>> {
    Ok(appointment::Entity::find()
        .filter(visible(scope))
        .filter(appointment::Column::UnitId.eq(office_id))
        .filter(appointment::Column::LocalDate.eq(day))
        .filter(appointment::Column::Status.eq(AppointmentStatus::Booked.as_str()))
        .filter(appointment::Column::PrecallStatus.eq(PrecallStatus::Unassigned.as_str()))
        .order_by_asc(appointment::Column::StartsAt)
        .order_by_asc(appointment::Column::Id)
        .all(scope.db())
        .await?)
}

/// People shown as assignees: those holding a role on a unit the caller may read.
pub async fn people_by_ids(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<person::Model>> {
    let org = scope.units_for(Action::OrgRead);
    let mut in_reach = Query::select();
    in_reach
        .column(role_assignment::Column::PersonId)
        .from(role_assignment::Entity)
        .cond_where(org.unit_id_condition(Expr::col((role_assignment::Entity, role_assignment::Column::UnitId))));
    Ok(person::Entity::find()
        .filter(person::Column::Id.is_in(ids.iter().copied()))
        .filter(Expr::col((person::Entity, person::Column::Id)).in_subquery(in_reach))
        .all(scope.db())
        .await?)
}

/// The id of the territorial office `code`, wherever it is: for narrowing the
/// list of what the caller's unit booked (it reveals nothing else).
pub async fn any_office_id(scope: &Scope, code: &str) -> AppResult<Option<Uuid>> {
    Ok(org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq(code.trim()))
        .filter(org_unit::Column::Kind.eq(crate::org::domain::UnitKind::TerritorialOffice.as_str()))
        .one(scope.db())
        .await?
        .map(|o| o.id))
}

/// Start times of the live bookings of one service at an office from `first`
/// to `last` (office-local days): the slots already taken. Only the times are
/// read, never who booked them.
///
/// A caller books at offices whose bookings they may not read (the CCM books
/// everywhere, reads only its own): the SQL keeps the office within the
/// caller's `appointments:book` reach, and the read runs under the caller's
/// write reach ([`Scope::reach`]), the same the booking itself will be
/// written with, so PostgreSQL's row-level security shows the office's
/// bookings to who may book there and to nobody else.
pub async fn taken_starts(
    scope: &Scope,
    office_id: Uuid,
    service_id: Uuid,
    first: NaiveDate,
    last: NaiveDate,
) -> AppResult<Vec<DateTime<Utc>>> {
    let bookable = scope.units_for(Action::AppointmentBook);
    let query = appointment::Entity::find()
        .select_only()
        .column(appointment::Column::StartsAt)
        .filter(appointment::Column::UnitId.eq(office_id))
        .filter(bookable.unit_id_condition(Expr::col((appointment::Entity, appointment::Column::UnitId))))
        .filter(appointment::Column::LocalDate.between(first, last))
        .filter(appointment::Column::ServiceId.eq(service_id))
        .filter(appointment::Column::Status.ne(AppointmentStatus::Cancelled.as_str()))
        .into_tuple::<DateTime<Utc>>();
    let rows = scope.reach(true).run(query.all(scope.db())).await?;
    Ok(rows)
}

/// When the office's live bookings between `from` and `until` start (cancelled
/// ones free their slot): what free-slot proposals leave out. Start times only,
/// no citizen data; the caller's reach decides what the database shows (a
/// booking's write reach, or [`crate::kernel::reach::Reach::system`] for a
/// proposal anyone booking at the office may see).
pub async fn busy_starts(
    conn: &impl ConnectionTrait,
    office_id: Uuid,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> AppResult<Vec<DateTime<Utc>>> {
    let (first_day, last_day) = (super::domain::rome_date(from), super::domain::rome_date(until));
    Ok(appointment::Entity::find()
        .select_only()
        .column(appointment::Column::StartsAt)
        .filter(appointment::Column::UnitId.eq(office_id))
        .filter(appointment::Column::LocalDate.between(first_day, last_day))
        .filter(appointment::Column::Status.ne(AppointmentStatus::Cancelled.as_str()))
        .order_by_asc(appointment::Column::StartsAt)
        .into_tuple()
        .all(conn)
        .await?)
}
