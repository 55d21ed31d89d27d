//! GraphQL layer of units' calendars.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use entities::{opening_interval, org_unit, unit_closure};

use super::{operations, store};
use crate::error::AppResult;
use crate::graphql::context::ContextExt;
use crate::kernel::ids::{UnitClosureId, parse_id};
use crate::kernel::unit_calendar::describe_hours;

entities::closed_list! {
    /// A day of the week (ISO order).
    Weekday {
        Monday = "MONDAY",
        Tuesday = "TUESDAY",
        Wednesday = "WEDNESDAY",
        Thursday = "THURSDAY",
        Friday = "FRIDAY",
        Saturday = "SATURDAY",
        Sunday = "SUNDAY",
    }
}

impl Weekday {
    fn from_iso(n: i16) -> Option<Weekday> {
        Weekday::ALL.get(usize::try_from(n - 1).ok()?).copied()
    }

    fn chrono(self) -> chrono::Weekday {
        match self {
            Weekday::Monday => chrono::Weekday::Mon,
            Weekday::Tuesday => chrono::Weekday::Tue,
            Weekday::Wednesday => chrono::Weekday::Wed,
            Weekday::Thursday => chrono::Weekday::Thu,
            Weekday::Friday => chrono::Weekday::Fri,
            Weekday::Saturday => chrono::Weekday::Sat,
            Weekday::Sunday => chrono::Weekday::Sun,
        }
    }
}

/// One weekly opening interval, `[opens, closes)` in Rome time.
#[derive(SimpleObject)]
pub struct OpeningInterval {
    pub weekday: Weekday,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

impl OpeningInterval {
    fn from_row(row: &opening_interval::Model) -> Option<Self> {
        let interval = store::interval_of(row)?;
        Some(OpeningInterval {
            weekday: Weekday::from_iso(row.weekday)?,
            opens: interval.opens,
            closes: interval.closes,
        })
    }
}

/// Days a unit and every unit under it are closed.
pub struct UnitClosure(unit_closure::Model);

#[Object]
impl UnitClosure {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn first_day(&self) -> NaiveDate {
        self.0.first_day
    }
    async fn last_day(&self) -> NaiveDate {
        self.0.last_day
    }
    /// The same days every year (a patron saint's day).
    async fn yearly(&self) -> bool {
        self.0.yearly
    }
    async fn reason(&self) -> &str {
        &self.0.reason
    }
    /// The unit that set it (the unit itself or one above it).
    async fn unit_id(&self) -> ID {
        ID(self.0.unit_id.to_string())
    }
}

/// A unit's calendar: its weekly hours and every closure that applies to it.
pub struct UnitCalendar {
    unit: org_unit::Model,
}

#[Object]
impl UnitCalendar {
    async fn unit_code(&self) -> &str {
        &self.unit.code
    }
    /// Weekly hours; empty means open at any time of a working day.
    async fn hours(&self, ctx: &Context<'_>) -> AppResult<Vec<OpeningInterval>> {
        let rows = store::hours(ctx.scope()?.db(), self.unit.id).await?;
        Ok(rows.iter().filter_map(OpeningInterval::from_row).collect())
    }
    /// The hours in Italian, e.g. "lun–ven 08:45–12:45; mar, gio 14:30–16:30".
    async fn hours_text(&self, ctx: &Context<'_>) -> AppResult<String> {
        let rows = store::hours(ctx.scope()?.db(), self.unit.id).await?;
        Ok(describe_hours(&rows.iter().filter_map(store::interval_of).collect::<Vec<_>>()))
    }
    /// Closures of this unit and of the units above it.
    async fn closures(&self, ctx: &Context<'_>) -> AppResult<Vec<UnitClosure>> {
        Ok(store::closures(ctx.scope()?.db(), &self.unit).await?.into_iter().map(UnitClosure).collect())
    }
    /// The next free times a session of `minutes` (default 15) can start, from
    /// `from` (default now): within opening hours, and not taken by a booking
    /// of the unit (a cancelled one frees its time).
    async fn next_open_slots(
        &self,
        ctx: &Context<'_>,
        from: Option<DateTime<Utc>>,
        minutes: Option<i32>,
        #[graphql(validator(minimum = 1, maximum = 20))] count: Option<i32>,
    ) -> AppResult<Vec<DateTime<Utc>>> {
        let calendar = store::calendar_of(ctx.scope()?.db(), &self.unit).await?;
        let minutes = minutes.unwrap_or(15).clamp(5, 240);
        let from = from.unwrap_or(ctx.now()?);
        let until = from + Duration::days(crate::appointments::hours::PROPOSAL_HORIZON_DAYS);
        // Start times only, no citizen data: whoever may see the unit's
        // calendar (a regional director who reads none of its bookings, say)
        // is offered the same free slots, so they are read for nobody in particular.
        let db = ctx.scope()?.db();
        let busy = crate::kernel::reach::Reach::system()
            .run(crate::appointments::store::busy_starts(db, self.unit.id, from, until))
            .await?;
        let slot = Duration::minutes(i64::from(minutes));
        Ok(calendar.next_free_slots(from, slot, count.unwrap_or(5) as usize, &busy))
    }
}

#[derive(InputObject)]
pub struct OpeningIntervalInput {
    pub weekday: Weekday,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

#[derive(InputObject)]
pub struct UnitClosureInput {
    pub unit_code: String,
    pub first_day: NaiveDate,
    /// Default: the first day (a one-day closure).
    pub last_day: Option<NaiveDate>,
    /// Repeat every year (a patron saint's day). Default false.
    pub yearly: Option<bool>,
    pub reason: String,
}

#[derive(Default)]
pub struct CalendarQuery;

#[Object]
impl CalendarQuery {
    /// The calendar of a unit the caller can see.
    async fn unit_calendar(&self, ctx: &Context<'_>, unit_code: String) -> AppResult<UnitCalendar> {
        let unit = crate::org::store::by_code(ctx.scope()?, unit_code.trim())
            .await?
            .ok_or_else(|| crate::kernel::messages::unknown_unit("unitCode"))?;
        Ok(UnitCalendar { unit })
    }
}

#[derive(Default)]
pub struct CalendarMutation;

#[Object]
impl CalendarMutation {
    /// Replaces the weekly opening hours of a unit (office or DP) the caller directs.
    async fn set_opening_hours(
        &self,
        ctx: &Context<'_>,
        unit_code: String,
        hours: Vec<OpeningIntervalInput>,
    ) -> AppResult<UnitCalendar> {
        let intervals: Vec<_> = hours.iter().map(|h| (h.weekday.chrono(), h.opens, h.closes)).collect();
        let unit = operations::set_opening_hours(ctx.scope()?, &unit_code, &intervals).await?;
        Ok(UnitCalendar { unit })
    }

    /// Closes a unit and everything under it for some days.
    async fn add_unit_closure(&self, ctx: &Context<'_>, input: UnitClosureInput) -> AppResult<UnitClosure> {
        let closure = operations::add_closure(
            ctx.scope()?,
            operations::NewClosure {
                unit_code: input.unit_code,
                first_day: input.first_day,
                last_day: input.last_day,
                yearly: input.yearly.unwrap_or(false),
                reason: input.reason,
            },
        )
        .await?;
        Ok(UnitClosure(closure))
    }

    /// Removes a closure.
    async fn remove_unit_closure(&self, ctx: &Context<'_>, id: ID) -> AppResult<bool> {
        let id: UnitClosureId = parse_id("id", id.as_str())?;
        operations::remove_closure(ctx.scope()?, id.into()).await?;
        Ok(true)
    }
}
