//! GraphQL layer of bookings, precalls, pre-contact e-mails and counter sessions.

use std::collections::HashMap;
use std::io::Read;

use async_graphql::connection::Connection;
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use async_graphql::{Context, ID, InputObject, Object, SimpleObject, Upload};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use uuid::Uuid;

use entities::{appointment, org_unit, person, service};

use super::contact::{self, ContactRead};
use super::domain::{
    self, AppointmentSource, AppointmentStatus, Channel, CounterOutcome, PrecallCoverage, PrecallOutcome,
    PrecallReason, PrecallResult, PrecallStatus,
};
use super::messages::{self, BookingFacts};
use super::service::{self as ops, BookingInput, PrecallInput};
use super::store::{self, ListFilter};
use crate::authz::Action;
use crate::callbacks::graphql::Callback;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::ids::{AppointmentId, parse_id};
use crate::kernel::paging::{Page, connection};
use crate::org::graphql::OrgUnit;
use crate::services::graphql::Service;
use crate::tenancy::Scope;

// ---------------------------------------------------------------- loaders

/// Units shown on bookings and callbacks (see [`store::units_by_ids`]).
pub struct RecordUnitById(pub Scope);

impl Loader<Uuid> for RecordUnitById {
    type Value = org_unit::Model;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(store::units_by_ids(&self.0, keys).await?.into_iter().map(|u| (u.id, u)).collect())
    }
}

/// Staff shown as assignees.
pub struct PersonById(pub Scope);

impl Loader<Uuid> for PersonById {
    type Value = person::Model;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(store::people_by_ids(&self.0, keys).await?.into_iter().map(|p| (p.id, p)).collect())
    }
}

/// Catalogue entries.
pub struct ServiceById(pub Scope);

impl Loader<Uuid> for ServiceById {
    type Value = service::Model;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(crate::services::store::by_ids(self.0.db(), keys).await?.into_iter().map(|s| (s.id, s)).collect())
    }
}

pub async fn unit(ctx: &Context<'_>, id: Option<Uuid>) -> AppResult<Option<org_unit::Model>> {
    let Some(id) = id else { return Ok(None) };
    let loader = ctx.data::<DataLoader<RecordUnitById, HashMapCache>>().map_err(AppError::internal)?;
    loader.load_one(id).await
}

pub async fn staff(ctx: &Context<'_>, id: Option<Uuid>) -> AppResult<Option<StaffRef>> {
    let Some(id) = id else { return Ok(None) };
    let loader = ctx.data::<DataLoader<PersonById, HashMapCache>>().map_err(AppError::internal)?;
    Ok(loader.load_one(id).await?.map(|p| StaffRef { username: p.username, display_name: p.display_name }))
}

/// Loads, in one batch per loader, what a list of bookings will show
/// (offices, booking units, services, staff), so a page costs the same number
/// of statements whatever its size; the fields then read the per-request cache.
pub async fn prefetch(ctx: &Context<'_>, rows: &[appointment::Model]) -> AppResult<()> {
    let units: Vec<Uuid> = rows.iter().flat_map(|a| [Some(a.unit_id), a.booked_by_unit_id]).flatten().collect();
    let people: Vec<Uuid> = rows
        .iter()
        .flat_map(|a| [a.precall_assignee_id, a.counter_operator_id, a.booked_by_id, a.precontact_sent_by_id])
        .flatten()
        .collect();
    let services: Vec<Uuid> = rows.iter().map(|a| a.service_id).collect();
    let unit_loader = ctx.data::<DataLoader<RecordUnitById, HashMapCache>>().map_err(AppError::internal)?;
    let person_loader = ctx.data::<DataLoader<PersonById, HashMapCache>>().map_err(AppError::internal)?;
    let service_loader = ctx.data::<DataLoader<ServiceById, HashMapCache>>().map_err(AppError::internal)?;
    futures::try_join!(
        unit_loader.load_many(units),
        person_loader.load_many(people),
        service_loader.load_many(services),
    )?;
    Ok(())
}

/// A staff member shown on a record.
#[derive(SimpleObject, Clone)]
pub struct StaffRef {
    pub username: String,
    pub display_name: String,
}

// ---------------------------------------------------------------- objects

/// A CUP booking at an office.
pub struct Appointment(pub appointment::Model);

impl Appointment {
    /// The assignment under which the caller may see the citizen's data, if any:
    /// staff of the office, or the unit that booked it.
    async fn contact_grant(&self, ctx: &Context<'_>) -> AppResult<Option<crate::auth::Assignment>> {
        let scope = ctx.scope()?;
        if let Some(office) = unit(ctx, Some(self.0.unit_id)).await?
            && let Ok(a) = scope.authorize(Action::AppointmentReadContact, &office.path)
        {
            return Ok(Some(a.clone()));
        }
        if let Some(booker) = unit(ctx, self.0.booked_by_unit_id).await?
            && let Ok(a) = scope.authorize(Action::AppointmentReadBooked, &booker.path)
        {
            return Ok(Some(a.clone()));
        }
        Ok(None)
    }

    /// Personal data, audited once per request; `None` without the grant.
    async fn personal<'a>(&'a self, ctx: &Context<'_>, value: Option<&'a str>) -> AppResult<Option<&'a str>> {
        let Some(grant) = self.contact_grant(ctx).await? else { return Ok(None) };
        if value.is_some() {
            contact::audited(ctx, ContactRead::new("appointment", self.0.id, self.0.unit_id, &grant)).await?;
        }
        Ok(value)
    }

    async fn service_model(&self, ctx: &Context<'_>) -> AppResult<Option<service::Model>> {
        let loader = ctx.data::<DataLoader<ServiceById, HashMapCache>>().map_err(AppError::internal)?;
        loader.load_one(self.0.service_id).await
    }
}

#[Object]
impl Appointment {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// CUP booking number (unique per office).
    async fn cup_number(&self) -> &str {
        &self.0.cup_number
    }
    async fn office(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        Ok(unit(ctx, Some(self.0.unit_id)).await?.map(OrgUnit))
    }
    async fn starts_at(&self) -> DateTime<Utc> {
        self.0.starts_at
    }
    /// Day of the appointment in Europe/Rome.
    async fn date(&self) -> NaiveDate {
        self.0.local_date
    }
    /// Time of the appointment in Europe/Rome.
    async fn time(&self) -> NaiveTime {
        self.0.starts_at.with_timezone(&chrono_tz::Europe::Rome).time()
    }
    async fn service(&self, ctx: &Context<'_>) -> AppResult<Option<Service>> {
        Ok(self.service_model(ctx).await?.map(Service))
    }
    /// Citizen's name: for the office's staff and the unit that booked it; null for others.
    async fn citizen_name(&self, ctx: &Context<'_>) -> AppResult<Option<&str>> {
        Ok(self.contact_grant(ctx).await?.map(|_| self.0.citizen_name.as_str()))
    }
    /// Citizen's fiscal code (reading it is audited); null for roles that do not need it.
    async fn fiscal_code(&self, ctx: &Context<'_>) -> AppResult<Option<&str>> {
        self.personal(ctx, Some(&self.0.fiscal_code)).await
    }
    /// Citizen's phone (reading it is audited); null when missing or for roles that do not need it.
    async fn phone(&self, ctx: &Context<'_>) -> AppResult<Option<&str>> {
        self.personal(ctx, self.0.phone.as_deref()).await
    }
    /// Citizen's e-mail (reading it is audited); null when missing or for roles that do not need it.
    async fn email(&self, ctx: &Context<'_>) -> AppResult<Option<&str>> {
        self.personal(ctx, self.0.email.as_deref()).await
    }
    /// Whether the booking has a phone number (without revealing it).
    async fn has_phone(&self) -> bool {
        self.0.phone.is_some()
    }
    async fn has_email(&self) -> bool {
        self.0.email.is_some()
    }
    /// IN_PERSON or VIRTUAL: as wanted in CUP, then as confirmed or assigned.
    async fn channel(&self) -> Channel {
        self.0.channel
    }
    async fn status(&self) -> AppointmentStatus {
        self.0.status
    }
    async fn source(&self) -> AppointmentSource {
        self.0.source
    }
    /// Who booked it through the API (CCM, CRIC, office staff); null for CUP imports.
    async fn booked_by(&self, ctx: &Context<'_>) -> AppResult<Option<StaffRef>> {
        staff(ctx, self.0.booked_by_id).await
    }
    async fn booked_by_unit(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        Ok(unit(ctx, self.0.booked_by_unit_id).await?.map(OrgUnit))
    }
    async fn cancel_reason(&self) -> Option<&str> {
        self.0.cancel_reason.as_deref()
    }
    async fn cancelled_at(&self) -> Option<DateTime<Utc>> {
        self.0.cancelled_at
    }
    async fn precall(&self) -> Precall<'_> {
        Precall(&self.0)
    }
    /// The pre-contact e-mail (large offices, docs/domain.md §5.3).
    async fn precontact(&self) -> Precontact<'_> {
        Precontact(&self.0)
    }
    async fn counter(&self) -> Counter<'_> {
        Counter(&self.0)
    }
    /// Optimistic-concurrency version: pass it back to mutations to refuse stale changes.
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

/// A booking's precall ("prechiamata").
pub struct Precall<'a>(&'a appointment::Model);

#[Object]
impl Precall<'_> {
    async fn status(&self) -> PrecallStatus {
        self.0.precall_status
    }
    /// "Assegnatario Precalling".
    async fn assignee(&self, ctx: &Context<'_>) -> AppResult<Option<StaffRef>> {
        staff(ctx, self.0.precall_assignee_id).await
    }
    async fn assigned_at(&self) -> Option<DateTime<Utc>> {
        self.0.precall_assigned_at
    }
    async fn outcome(&self) -> Option<PrecallOutcome> {
        self.0.precall_outcome
    }
    async fn reason(&self) -> Option<PrecallReason> {
        self.0.precall_reason
    }
    async fn result(&self) -> Option<PrecallResult> {
        self.0.precall_result
    }
    /// "Note motivazione conferma app.to", for the counter operator.
    async fn note(&self) -> Option<&str> {
        self.0.precall_note.as_deref()
    }
    /// When the first attempt was recorded.
    async fn precalled_at(&self) -> Option<DateTime<Utc>> {
        self.0.precalled_at
    }
    /// Precalled at least 3 days before the appointment?
    async fn coverage(&self, ctx: &Context<'_>) -> AppResult<PrecallCoverage> {
        let status = self.0.precall_status;
        Ok(domain::precall_coverage(status, self.0.local_date, self.0.precalled_at, ctx.now()?))
    }
}

pub struct Precontact<'a>(&'a appointment::Model);

#[Object]
impl Precontact<'_> {
    async fn sent_at(&self) -> Option<DateTime<Utc>> {
        self.0.precontact_sent_at
    }
    async fn sent_by(&self, ctx: &Context<'_>) -> AppResult<Option<StaffRef>> {
        staff(ctx, self.0.precontact_sent_by_id).await
    }
    /// The citizen's reply, as recorded.
    async fn reply(&self) -> Option<&str> {
        self.0.citizen_reply.as_deref()
    }
    async fn replied_at(&self) -> Option<DateTime<Utc>> {
        self.0.citizen_reply_at
    }
}

/// The counter session ("sportello").
pub struct Counter<'a>(&'a appointment::Model);

#[Object]
impl Counter<'_> {
    /// The designated operator.
    async fn operator(&self, ctx: &Context<'_>) -> AppResult<Option<StaffRef>> {
        staff(ctx, self.0.counter_operator_id).await
    }
    async fn channel(&self) -> Option<Channel> {
        self.0.counter_channel
    }
    async fn assigned_at(&self) -> Option<DateTime<Utc>> {
        self.0.counter_assigned_at
    }
    async fn started_at(&self) -> Option<DateTime<Utc>> {
        self.0.counter_started_at
    }
    async fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.0.counter_ended_at
    }
    async fn outcome(&self) -> Option<CounterOutcome> {
        self.0.counter_outcome
    }
    /// Required for TRANSFERRED_TO_BACK_OFFICE.
    async fn protocol_number(&self) -> Option<&str> {
        self.0.protocol_number.as_deref()
    }
    /// Whole minutes between start and end (rounded up).
    async fn duration_minutes(&self) -> Option<i64> {
        domain::session_duration(self.0.counter_started_at, self.0.counter_ended_at).map(|d| d.0)
    }
    /// The session lasted more than 15 minutes.
    async fn over_time_limit(&self) -> bool {
        domain::session_duration(self.0.counter_started_at, self.0.counter_ended_at).is_some_and(|d| d.1)
    }
}

/// What the CUP import did.
#[derive(SimpleObject)]
pub struct CupImportReport {
    pub created: i32,
    pub updated: i32,
    /// Rows identical to the stored booking: nothing written.
    pub unchanged: i32,
    /// Bookings of the covered days missing from the file (cancelled, never deleted).
    pub cancelled: i32,
    pub rejected: Vec<RejectedRow>,
    /// Days present in the file.
    pub days: Vec<NaiveDate>,
}

/// A row of the file that was not written.
#[derive(SimpleObject)]
pub struct RejectedRow {
    /// Line number in the file (the header is line 1).
    pub row: i32,
    pub cup_number: Option<String>,
    pub reason: String,
    pub reason_en: String,
}

#[derive(SimpleObject)]
pub struct AutoAssignResult {
    pub assigned: Vec<Appointment>,
    /// Bookings left without assignee: no operator has the service's skill.
    pub without_skilled_operator: Vec<Appointment>,
    /// How many precalls each operator received now.
    pub per_operator: Vec<OperatorCount>,
}

#[derive(SimpleObject)]
pub struct OperatorCount {
    pub username: String,
    pub count: i32,
}

/// The signed-in operator's day.
#[derive(SimpleObject)]
pub struct Worklist {
    pub date: NaiveDate,
    /// Precalls assigned to me and not concluded, for bookings from `date` on.
    pub precalls: Vec<Appointment>,
    /// Counter sessions designated to me on `date`.
    pub counter_sessions: Vec<Appointment>,
    /// Callback requests assigned to me and not done.
    pub callbacks: Vec<Callback>,
}

/// The pre-contact e-mail, ready to send from the assignee's mailbox.
#[derive(SimpleObject)]
pub struct PrecontactEmail {
    /// The precall assignee's address (the directive: not the office mailbox, for its size limits).
    pub from: Option<String>,
    pub to: String,
    /// The office's mailbox in copy (the virtual counter's, where the office has one).
    pub cc: Option<String>,
    pub subject: String,
    pub body: String,
}

// ---------------------------------------------------------------- inputs

#[derive(InputObject, Default)]
pub struct AppointmentFilter {
    pub office_code: Option<String>,
    /// From this day (Europe/Rome), inclusive.
    pub from: Option<NaiveDate>,
    /// To this day (Europe/Rome), inclusive.
    pub to: Option<NaiveDate>,
    pub status: Option<AppointmentStatus>,
    pub precall_status: Option<PrecallStatus>,
    /// Username of the precall assignee or counter operator.
    pub assignee: Option<String>,
    pub channel: Option<Channel>,
}

#[derive(InputObject)]
pub struct BookAppointmentInput {
    pub office_code: String,
    /// CUP booking number when the slot was taken in CUP; generated otherwise.
    pub cup_number: Option<String>,
    /// Day in Europe/Rome, within the 24-day CUP window.
    pub date: NaiveDate,
    /// Time in Europe/Rome.
    pub time: NaiveTime,
    pub service_code: String,
    pub fiscal_code: String,
    pub citizen_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Default IN_PERSON; VIRTUAL only where the office has the virtual counter.
    pub channel: Option<Channel>,
}

#[derive(InputObject)]
pub struct PrecallOutcomeInput {
    pub outcome: PrecallOutcome,
    /// NOT_CONTACTABLE: MISSING_PHONE; NEGATIVE: WRONG_NUMBER or NO_ANSWER; POSITIVE: none.
    pub reason: Option<PrecallReason>,
    /// Only with POSITIVE.
    pub result: Option<PrecallResult>,
    /// Only with CONFIRMED_VIRTUAL or CONFIRMED_IN_PERSON, at most 300 characters.
    pub note: Option<String>,
}

async fn person_id(scope: &Scope, username: &str) -> AppResult<Uuid> {
    // An unknown username simply matches nothing.
    Ok(crate::services::store::person_by_username(scope.db(), username.trim()).await?.map_or(Uuid::nil(), |p| p.id))
}

const WORKLIST_MAX: u64 = 100;

#[derive(Default)]
pub struct AppointmentsQuery;

#[Object]
impl AppointmentsQuery {
    /// Bookings the caller may see, by time. Office staff see their office;
    /// directors their subtree; CCM and CRIC what their unit booked.
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    async fn appointments(
        &self,
        ctx: &Context<'_>,
        filter: Option<AppointmentFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Appointment>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let filter = filter.unwrap_or_default();
        let office_id = match &filter.office_code {
            Some(code) => Some(office_id_by_code(scope, code).await?),
            None => None,
        };
        let assignee_id = match &filter.assignee {
            Some(u) => Some(person_id(scope, u).await?),
            None => None,
        };
        let list_filter = ListFilter {
            office_id,
            from: filter.from,
            to: filter.to,
            status: filter.status,
            precall_status: filter.precall_status,
            assignee_id,
            channel: filter.channel,
        };
        let rows = store::list(scope, &list_filter, page.after_key()?, page.fetch_limit()).await?;
        prefetch(ctx, &rows).await?;
        Ok(connection(&page, rows, |a| (a.starts_at, a.id), Appointment))
    }

    /// One booking; NOT_FOUND also when outside the caller's scope.
    async fn appointment(&self, ctx: &Context<'_>, id: ID) -> AppResult<Appointment> {
        let scope = ctx.scope()?;
        Ok(Appointment(store::find(scope, parse_id("id", &id)?).await?.ok_or_else(store::not_found)?))
    }

    /// The signed-in person's precalls, counter sessions and callbacks for a
    /// day (default today, Europe/Rome). Only what is assigned to them.
    // Each of the three lists holds at most WORKLIST_MAX items, so the cost is
    // WORKLIST_MAX times the sum of the three per-item selections.
    #[graphql(complexity = "100 * child_complexity")]
    async fn my_worklist(&self, ctx: &Context<'_>, date: Option<NaiveDate>) -> AppResult<Worklist> {
        let scope = ctx.scope()?;
        let date = match date {
            Some(d) => d,
            None => domain::rome_date(ctx.now()?),
        };
        let me = scope.person_id();
        let precalls = store::precalls_of(scope, me, date, WORKLIST_MAX).await?;
        let sessions = store::sessions_of(scope, me, date, WORKLIST_MAX).await?;
        let callbacks = crate::callbacks::store::assigned_to(scope, me, WORKLIST_MAX).await?;
        let all: Vec<appointment::Model> = precalls.iter().chain(&sessions).cloned().collect();
        prefetch(ctx, &all).await?;
        crate::callbacks::graphql::prefetch(ctx, &callbacks).await?;
        Ok(Worklist {
            date,
            precalls: precalls.into_iter().map(Appointment).collect(),
            counter_sessions: sessions.into_iter().map(Appointment).collect(),
            callbacks: callbacks.into_iter().map(Callback).collect(),
        })
    }

    /// The pre-contact e-mail for a booking (subject and body of docs/domain.md §5.3).
    /// Reading it reveals the citizen's address, so it is audited.
    async fn precontact_email(&self, ctx: &Context<'_>, appointment_id: ID) -> AppResult<PrecontactEmail> {
        let scope = ctx.scope()?;
        let (a, office) = ops::load(scope, parse_id("appointmentId", &appointment_id)?).await?;
        let grant = scope.authorize(Action::AppointmentReadContact, &office.path)?.clone();
        let to = a.email.clone().ok_or_else(domain::no_email)?;
        contact::audited(ctx, ContactRead::new("appointment", a.id, a.unit_id, &grant)).await?;
        let svc = Appointment(a.clone()).service_model(ctx).await?;
        let from = match a.precall_assignee_id {
            Some(id) => {
                let loader = ctx.data::<DataLoader<PersonById, HashMapCache>>().map_err(AppError::internal)?;
                loader.load_one(id).await?.and_then(|p| p.email)
            }
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
        Ok(PrecontactEmail {
            from,
            to,
            cc: office.virtual_counter_mailbox.clone(),
            subject: email.subject,
            body: email.body,
        })
    }
}

async fn office_id_by_code(scope: &Scope, code: &str) -> AppResult<Uuid> {
    // Offices reachable for reading bookings, or where the caller's unit booked.
    let read = ops::office_for(scope, Action::AppointmentRead, code).await;
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

#[derive(Default)]
pub struct AppointmentsMutation;

#[Object]
impl AppointmentsMutation {
    /// Loads the CUP "VISUALIZZA" export (CSV, see docs/cup-import.md) of an
    /// office. Good rows are written, bad ones reported by line and not
    /// written; bookings of the same days missing from the file are cancelled.
    /// Importing the same file twice changes nothing.
    async fn import_cup_bookings(
        &self,
        ctx: &Context<'_>,
        office_code: String,
        file: Upload,
    ) -> AppResult<CupImportReport> {
        let scope = ctx.scope()?;
        let mut bytes = Vec::new();
        file.value(ctx)
            .map_err(|_| AppError::bad_input("file", "File mancante", "Missing file"))?
            .into_read()
            .read_to_end(&mut bytes)
            .map_err(|_| AppError::bad_input("file", "File non leggibile", "Unreadable file"))?;
        let report = ops::import_cup(scope, &office_code, &bytes, ctx.now()?).await?;
        Ok(CupImportReport {
            created: report.created as i32,
            updated: report.updated as i32,
            unchanged: report.unchanged as i32,
            cancelled: report.cancelled as i32,
            rejected: report
                .rejected
                .into_iter()
                .map(|r| RejectedRow {
                    row: r.row as i32,
                    cup_number: r.cup_number,
                    reason: r.reason_it,
                    reason_en: r.reason_en,
                })
                .collect(),
            days: report.days,
        })
    }

    /// Books an appointment (CCM operators at any office; office staff at theirs).
    async fn book_appointment(&self, ctx: &Context<'_>, input: BookAppointmentInput) -> AppResult<Appointment> {
        let scope = ctx.scope()?;
        let input = BookingInput {
            office_code: input.office_code,
            cup_number: input.cup_number,
            date: input.date,
            time: input.time,
            service_code: input.service_code,
            fiscal_code: input.fiscal_code,
            citizen_name: input.citizen_name,
            phone: input.phone,
            email: input.email,
            channel: input.channel,
        };
        Ok(Appointment(ops::book(scope, input).await?))
    }

    /// Cancels a booking (it stays, with the reason).
    async fn cancel_appointment(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: String,
        version: Option<i32>,
    ) -> AppResult<Appointment> {
        let scope = ctx.scope()?;
        Ok(Appointment(ops::cancel(scope, parse_id("id", &id)?, &reason, version).await?))
    }

    /// Assigns (or reassigns) the precalls of these bookings to a staff member of their office.
    async fn assign_precalls(
        &self,
        ctx: &Context<'_>,
        appointment_ids: Vec<ID>,
        username: String,
    ) -> AppResult<Vec<Appointment>> {
        let scope = ctx.scope()?;
        let ids = appointment_ids
            .iter()
            .map(|id| parse_id("appointmentIds", id))
            .collect::<AppResult<Vec<AppointmentId>>>()?;
        Ok(ops::assign_precalls(scope, &ids, username.trim()).await?.into_iter().map(Appointment).collect())
    }

    /// Spreads the unassigned precalls of the day over the office's operators
    /// who have the service's skill, balancing their open precalls.
    async fn auto_assign_precalls(
        &self,
        ctx: &Context<'_>,
        office_code: String,
        date: NaiveDate,
    ) -> AppResult<AutoAssignResult> {
        let scope = ctx.scope()?;
        let report = ops::auto_assign_precalls(scope, &office_code, date).await?;
        let mut per: Vec<OperatorCount> = Vec::new();
        for (_, username) in &report.assigned {
            match per.iter_mut().find(|c| &c.username == username) {
                Some(c) => c.count += 1,
                None => per.push(OperatorCount { username: username.clone(), count: 1 }),
            }
        }
        per.sort_by(|a, b| a.username.cmp(&b.username));
        Ok(AutoAssignResult {
            assigned: report.assigned.into_iter().map(|(a, _)| Appointment(a)).collect(),
            without_skilled_operator: report.without_skilled_operator.into_iter().map(Appointment).collect(),
            per_operator: per,
        })
    }

    /// Records a precall's outcome with the closed lists of the directive.
    async fn record_precall_outcome(
        &self,
        ctx: &Context<'_>,
        appointment_id: ID,
        input: PrecallOutcomeInput,
        version: Option<i32>,
    ) -> AppResult<Appointment> {
        let scope = ctx.scope()?;
        let input =
            PrecallInput { outcome: input.outcome, reason: input.reason, result: input.result, note: input.note };
        Ok(Appointment(ops::record_precall(scope, parse_id("appointmentId", &appointment_id)?, input, version).await?))
    }

    /// Marks the pre-contact e-mail as sent.
    async fn mark_precontact_sent(
        &self,
        ctx: &Context<'_>,
        appointment_id: ID,
        version: Option<i32>,
    ) -> AppResult<Appointment> {
        let scope = ctx.scope()?;
        Ok(Appointment(ops::mark_precontact_sent(scope, parse_id("appointmentId", &appointment_id)?, version).await?))
    }

    /// Records the citizen's reply to the pre-contact e-mail.
    async fn record_citizen_reply(
        &self,
        ctx: &Context<'_>,
        appointment_id: ID,
        reply: String,
        version: Option<i32>,
    ) -> AppResult<Appointment> {
        let scope = ctx.scope()?;
        Ok(Appointment(
            ops::record_citizen_reply(scope, parse_id("appointmentId", &appointment_id)?, &reply, version).await?,
        ))
    }

    /// Designates (or changes) the counter operator and the channel.
    async fn assign_counter(
        &self,
        ctx: &Context<'_>,
        appointment_id: ID,
        username: String,
        channel: Channel,
        version: Option<i32>,
    ) -> AppResult<Appointment> {
        let scope = ctx.scope()?;
        Ok(Appointment(
            ops::assign_counter(scope, parse_id("appointmentId", &appointment_id)?, username.trim(), channel, version)
                .await?,
        ))
    }

    /// The designated operator starts the counter session.
    async fn start_counter_session(&self, ctx: &Context<'_>, id: ID, version: Option<i32>) -> AppResult<Appointment> {
        let scope = ctx.scope()?;
        Ok(Appointment(ops::start_session(scope, parse_id("id", &id)?, version).await?))
    }

    /// Closes the counter session. `protocolNumber` is required for
    /// TRANSFERRED_TO_BACK_OFFICE and refused otherwise.
    async fn record_counter_outcome(
        &self,
        ctx: &Context<'_>,
        id: ID,
        outcome: CounterOutcome,
        protocol_number: Option<String>,
        version: Option<i32>,
    ) -> AppResult<Appointment> {
        let scope = ctx.scope()?;
        Ok(Appointment(
            ops::record_counter_outcome(scope, parse_id("id", &id)?, outcome, protocol_number.as_deref(), version)
                .await?,
        ))
    }

    /// Dequeues the signed-in operator's next booking of today and starts its
    /// session; null when there is none.
    async fn next_appointment(&self, ctx: &Context<'_>) -> AppResult<Option<Appointment>> {
        let scope = ctx.scope()?;
        Ok(ops::next_appointment(scope).await?.map(Appointment))
    }
}
