//! Reads of bookings that several operations and resolvers share, each within
//! the caller's scope.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use entities::{appointment, callback_request, org_unit};

use super::contact::ContactRead;
use super::domain;
use super::free_slots;
use super::messages::{self, BookingFacts};
use super::store::{self, ListFilter};
use crate::authz::Action;
use crate::error::AppResult;
use crate::kernel::ids::AppointmentId;
use crate::tenancy::Scope;

use crate::kernel::messages::office_not_found;
use crate::kernel::paging::Page;
use crate::kernel::sorting::{ListTotal, Sort};
/// The territorial office `code`, when `action` reaches it for the caller.
pub async fn office_for(scope: &Scope, action: Action, code: &str) -> AppResult<org_unit::Model> {
    office_for_in(scope.db(), scope, action, code).await
}

/// [`office_for`] on `conn` (the caller's transaction, when it holds one).
pub async fn office_for_in(
    conn: &impl ConnectionTrait,
    scope: &Scope,
    action: Action,
    code: &str,
) -> AppResult<org_unit::Model> {
    let units = scope.units_for(action);
    org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq(code.trim()))
        .filter(org_unit::Column::Kind.eq(crate::org::domain::UnitKind::TerritorialOffice.as_str()))
        .filter(units.path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))))
        .one(conn)
        .await?
        .ok_or_else(office_not_found)
}

/// A booking the caller can see, with its office.
pub async fn load(scope: &Scope, id: AppointmentId) -> AppResult<(appointment::Model, org_unit::Model)> {
    let a = store::find(scope, id).await?.ok_or_else(store::not_found)?;
    let office =
        crate::org::store::by_ids(scope, &[a.unit_id]).await?.into_iter().next().ok_or_else(store::not_found)?;
    Ok((a, office))
}

/// The office a list of bookings is narrowed to: one the caller reads, or,
/// for units that read what they booked (CCM, CRIC), any office by code (an
/// unknown or unreachable code gives the nil id, hence an empty page).
pub async fn office_id_by_code(scope: &Scope, code: &str) -> AppResult<Uuid> {
    // Offices reachable for reading bookings, or where the caller's unit booked.
    let read = office_for(scope, Action::AppointmentRead, code).await;
    match read {
        Ok(o) => Ok(o.id),
        Err(_) if !scope.units_for(Action::AppointmentReadBooked).is_nowhere() => {
            // CCM and CRIC book (or convert) outside their subtree and read only
            // what their unit booked: naming any office narrows that list and
            // reveals nothing else (an unknown code gives the same empty page).
            Ok(store::any_office_id(scope, code).await?.unwrap_or(Uuid::nil()))
        }
        Err(_) => Ok(Uuid::nil()),
    }
}

/// The free slots of an office for a service from `from` to `to` (see
/// [`super::free_slots`]), at an office the caller may book at (otherwise
/// `NOT_FOUND`, as booking there would be).
pub async fn free_slots(
    scope: &Scope,
    office_code: &str,
    service_code: &str,
    (from, to): (NaiveDate, NaiveDate),
    now: DateTime<Utc>,
) -> AppResult<Vec<DateTime<Utc>>> {
    let office = office_for(scope, Action::AppointmentBook, office_code).await?;
    let svc = crate::services::store::by_code(scope.db(), &service_code.trim().to_ascii_uppercase())
        .await?
        .filter(|s| s.active)
        .ok_or_else(|| crate::kernel::messages::unknown_service("serviceCode"))?;
    let Some((first, last)) = free_slots::days_to_look_at(from, to, now)? else { return Ok(Vec::new()) };
    let calendar = crate::calendar::store::calendar_of(scope.db(), &office).await?;
    let taken = store::taken_starts(scope, office.id, svc.id, first, last).await?;
    Ok(free_slots::free_slots(&calendar, first, last, now, &taken))
}

/// The id of an active person by username; the nil id (matching nothing) when unknown.
pub async fn person_id(scope: &Scope, username: &str) -> AppResult<Uuid> {
    // An unknown username simply matches nothing.
    Ok(crate::services::store::person_by_username(scope.db(), username.trim()).await?.map_or(Uuid::nil(), |p| p.id))
}

/// Bookings the caller may see, narrowed by office code and assignee username
/// (resolved here) and the other criteria of `filter`.
pub async fn list(
    scope: &Scope,
    office_code: Option<&str>,
    assignee: Option<&str>,
    mut filter: ListFilter,
    sort: &Sort<appointment::Column>,
    page: &Page,
) -> AppResult<(Vec<appointment::Model>, ListTotal)> {
    if let Some(code) = office_code {
        filter.office_id = Some(office_id_by_code(scope, code).await?);
    }
    if let Some(username) = assignee {
        filter.assignee_id = Some(person_id(scope, username).await?);
    }
    store::list(scope, &filter, sort, page).await
}

/// What is assigned to one person for a day: precalls, counter sessions, callbacks.
pub struct Worklist {
    pub precalls: Vec<appointment::Model>,
    pub sessions: Vec<appointment::Model>,
    pub callbacks: Vec<callback_request::Model>,
}

/// The signed-in person's worklist for `date`, each list at most `max` long.
pub async fn worklist(scope: &Scope, date: NaiveDate, max: u64) -> AppResult<Worklist> {
    let me = scope.person_id();
    let precalls = store::precalls_of(scope, me, date, max).await?;
    let sessions = store::sessions_of(scope, me, date, max).await?;
    let callbacks = crate::callbacks::store::assigned_to(scope, me, max).await?;
    Ok(Worklist { precalls, sessions, callbacks })
}

/// The pre-contact e-mail of a booking, and the personal-data read it is (the
/// caller audits it before showing the e-mail).
pub struct PrecontactMail {
    pub read: ContactRead,
    /// The precall assignee's address.
    pub from: Option<String>,
    pub to: String,
    /// The office's function mailbox (see `sendPrecontactEmail`).
    pub cc: Option<String>,
    pub subject: String,
    pub body: String,
}

/// Loads a booking the caller may read the citizen's data of
/// (`appointments:read_contact` on its office) and writes its pre-contact
/// e-mail (docs/domain.md §5.3). No e-mail address: `BAD_USER_INPUT`.
pub async fn precontact_email(scope: &Scope, id: AppointmentId) -> AppResult<PrecontactMail> {
    let (a, office) = load(scope, id).await?;
    let grant = scope.authorize(Action::AppointmentReadContact, &office.path)?;
    let to = a.email.clone().ok_or_else(domain::no_email)?;
    let read = ContactRead::new("appointment", a.id, a.unit_id, grant);
    let svc = crate::services::store::by_ids(scope.db(), &[a.service_id]).await?.into_iter().next();
    let from = match a.precall_assignee_id {
        Some(id) => store::people_by_ids(scope, &[id]).await?.into_iter().next().and_then(|p| p.email),
        None => None,
    };
    let facts = BookingFacts {
        cup_number: &a.cup_number,
        starts_at: a.starts_at,
        service_name: svc.as_ref().map_or("", |s| s.name.as_str()),
        office_name: &office.name,
        office_has_virtual_counter: office.virtual_counter,
        virtual_counter_mailbox: office.virtual_counter_mailbox.as_deref(),
    };
    let email = messages::precontact(&facts);
    Ok(PrecontactMail { read, from, to, cc: office.function_mailbox.clone(), subject: email.subject, body: email.body })
}
