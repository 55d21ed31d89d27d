//! The GraphQL types of bookings: the booking and its precall, pre-contact and counter parts, reports, inputs.

use async_graphql::dataloader::{DataLoader, HashMapCache};
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use entities::{appointment, service};

use crate::appointments::contact::{self, ContactRead};
use crate::appointments::domain::{
    self, AppointmentSource, AppointmentStatus, Channel, CounterOutcome, PrecallCoverage, PrecallOutcome,
    PrecallReason, PrecallResult, PrecallStatus,
};
use crate::authz::Action;
use crate::callbacks::graphql::Callback;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::org::graphql::OrgUnit;
use crate::services::graphql::Service;

use super::loaders::{ServiceById, staff, unit};

/// A staff member shown on a record.
#[derive(SimpleObject, Clone)]
pub struct StaffRef {
    pub username: String,
    pub display_name: String,
}

// ---------------------------------------------------------------- objects

/// A time a booking can take at an office for a service: within its hours, free.
#[derive(SimpleObject)]
pub struct FreeSlot {
    pub starts_at: DateTime<Utc>,
    /// Office-local (Europe/Rome) day and time, as `bookAppointment` takes them.
    pub date: NaiveDate,
    pub time: NaiveTime,
}

impl FreeSlot {
    pub fn at(starts_at: DateTime<Utc>) -> Self {
        let local = starts_at.with_timezone(&chrono_tz::Europe::Rome);
        FreeSlot { starts_at, date: local.date_naive(), time: local.time() }
    }
}

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
    /// Rows imported although the office is closed at their time (weekend,
    /// holiday, closure, outside its hours): CUP is the source of truth, the
    /// office is told.
    pub outside_opening_hours: Vec<OutsideHoursRow>,
    /// Days present in the file.
    pub days: Vec<NaiveDate>,
}

/// A row imported at a time the office is closed.
#[derive(SimpleObject)]
pub struct OutsideHoursRow {
    /// Line number in the file (the header is line 1).
    pub row: i32,
    pub cup_number: String,
    pub starts_at: DateTime<Utc>,
    /// Why the office is closed then, in Italian.
    pub reason: String,
    pub reason_en: String,
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

/// What the bookings list can be sorted by (default: time of the appointment).
#[derive(async_graphql::Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "crate::appointments::store::AppointmentOrderField")]
pub enum AppointmentOrderField {
    StartsAt,
    CitizenName,
    /// The CUP booking number.
    CupNumber,
}

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
