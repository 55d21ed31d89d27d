//! GraphQL layer of the office board: `officeBoard` (days, totals, alarms,
//! no-reply list, bookings by precall result) and the day list export
//! (`officeDayListCsv`, `officeDayListXlsx`, like `statsCsv`).

use async_graphql::connection::{Connection, ConnectionNameType, EmptyFields};
use async_graphql::{Context, ID, Object, OutputType, SimpleObject};
use base64::Engine;
use chrono::NaiveDate;
use tokio::sync::OnceCell;
use uuid::Uuid;

use entities::org_unit;

use super::domain::{self, BoardDay, Window};
use super::export::{self, RowFacts};
use super::store::{self, Filter, List};
use crate::appointments::domain::{PrecallResult, PrecallStatus, rome_date};
use crate::appointments::graphql::{Appointment, prefetch};
use crate::authz::Action;
use crate::error::AppResult;
use crate::graphql::context::ContextExt;
use crate::kernel::ids::{UnitId, parse_id};
use crate::kernel::paging::{Page, connection, page_cost};
use crate::monitoring::csv::CsvDialect;
use crate::org::graphql::OrgUnit;

/// A day's counts (or the totals of the days).
#[derive(SimpleObject, Clone, Copy)]
pub struct BoardCounts {
    /// Bookings not cancelled.
    pub bookings: i64,
    /// Bookings of services that need a precall.
    pub to_precall: i64,
    /// Of those, with an assignee.
    pub assigned: i64,
    /// Of those, precalled (an outcome recorded, whichever).
    pub precalled: i64,
    /// Of those, with the citizen reached (positive outcome).
    pub reached: i64,
    /// To precall within 3 working days and the citizen not reached yet.
    pub late: i64,
    /// Precalled over to precall, in percent (one decimal); null when nothing is to precall.
    pub coverage: Option<f64>,
}

/// One day of the board.
#[derive(SimpleObject, Clone, Copy)]
pub struct OfficeBoardDay {
    pub date: NaiveDate,
    #[graphql(flatten)]
    pub counts: BoardCounts,
}

impl From<&BoardDay> for OfficeBoardDay {
    fn from(d: &BoardDay) -> Self {
        let c = d.counts;
        OfficeBoardDay {
            date: d.date,
            counts: BoardCounts {
                bookings: c.bookings,
                to_precall: c.to_precall,
                assigned: c.assigned,
                precalled: c.precalled,
                reached: c.reached,
                late: d.late,
                coverage: d.coverage(),
            },
        }
    }
}

/// A booking of the alarm list.
pub struct OfficeBoardAlarm(Appointment);

#[Object]
impl OfficeBoardAlarm {
    async fn appointment(&self) -> &Appointment {
        &self.0
    }
    /// Nobody is assigned its precall yet ("non ancora assegnata").
    async fn not_even_assigned(&self) -> bool {
        self.0.0.precall_status == PrecallStatus::Unassigned
    }
    /// A precall was attempted without reaching the citizen.
    async fn attempted(&self) -> bool {
        self.0.0.precall_outcome.is_some()
    }
}

/// The total of a board list, whatever page is shown.
pub struct BoardListTotals {
    filter: Filter,
    list: List,
}

#[Object]
impl BoardListTotals {
    /// How many items the list has in all.
    async fn total_count(&self, ctx: &Context<'_>) -> AppResult<u64> {
        store::count(ctx.scope()?, &self.filter, self.list).await
    }
}

/// The board's lists are named apart from the plain `appointments` list
/// (they carry `totalCount`): `OfficeBoardAppointmentConnection`, `OfficeBoardAlarmConnection`.
pub struct BoardConnectionName;

impl ConnectionNameType for BoardConnectionName {
    fn type_name<T: OutputType>() -> String {
        let node = T::type_name();
        if node.starts_with("OfficeBoard") {
            format!("{node}Connection")
        } else {
            format!("OfficeBoard{node}Connection")
        }
    }
}

type BoardConnection<N> = Connection<String, N, BoardListTotals, EmptyFields, BoardConnectionName>;

/// An office's precall board over the next days (seed 000 §I.2, §II.A).
pub struct OfficeBoard {
    office: org_unit::Model,
    window: Window,
    today: NaiveDate,
    alarm_until: NaiveDate,
    filter: Filter,
    days: OnceCell<Vec<BoardDay>>,
}

impl OfficeBoard {
    async fn counted(&self, ctx: &Context<'_>) -> AppResult<&Vec<BoardDay>> {
        self.days
            .get_or_try_init(|| async {
                let counted = store::day_counts(ctx.scope()?, &self.filter, self.window).await?;
                Ok(domain::board_days(self.window, &counted, self.today, self.alarm_until))
            })
            .await
    }

    async fn page<N: OutputType>(
        &self,
        ctx: &Context<'_>,
        list: List,
        first: Option<i32>,
        after: Option<String>,
        node: impl Fn(Appointment) -> N,
    ) -> AppResult<BoardConnection<N>> {
        let page = Page::new(first, after)?;
        let rows = store::list(ctx.scope()?, &self.filter, list, page.after_key()?, page.fetch_limit()).await?;
        prefetch(ctx, &rows).await?;
        let plain = connection(&page, rows, |a| (a.starts_at, a.id), |a| node(Appointment(a)));
        let totals = BoardListTotals { filter: self.filter, list };
        let mut conn = BoardConnection::with_additional_fields(plain.has_previous_page, plain.has_next_page, totals);
        conn.edges.extend(plain.edges);
        Ok(conn)
    }
}

#[Object]
impl OfficeBoard {
    async fn office(&self) -> OrgUnit {
        OrgUnit(self.office.clone())
    }
    async fn from(&self) -> NaiveDate {
        self.window.from
    }
    async fn to(&self) -> NaiveDate {
        self.window.to
    }
    /// The last day the alarms look at: the office's third working day after today.
    async fn alarm_until(&self) -> NaiveDate {
        self.alarm_until
    }
    /// One row per day of the window, zeros included.
    async fn days(&self, ctx: &Context<'_>) -> AppResult<Vec<OfficeBoardDay>> {
        Ok(self.counted(ctx).await?.iter().map(OfficeBoardDay::from).collect())
    }
    /// The sums of the days (coverage over the whole window).
    async fn totals(&self, ctx: &Context<'_>) -> AppResult<BoardCounts> {
        let (c, late) = domain::totals(self.counted(ctx).await?);
        Ok(BoardCounts {
            bookings: c.bookings,
            to_precall: c.to_precall,
            assigned: c.assigned,
            precalled: c.precalled,
            reached: c.reached,
            late,
            coverage: domain::coverage(c.precalled, c.to_precall),
        })
    }
    /// Bookings to precall from today to `alarmUntil` whose citizen is not
    /// reached yet (an attempt with no answer leaves them here), by time.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    async fn alarms(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<BoardConnection<OfficeBoardAlarm>> {
        let list = List::Alarms { today: self.today, until: self.alarm_until };
        self.page(ctx, list, first, after, OfficeBoardAlarm).await
    }
    /// Bookings of the window (from today on) whose pre-contact e-mail got no
    /// reply and whose citizen is not reached yet: the precalls to watch (§II.A).
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    async fn no_reply(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<BoardConnection<Appointment>> {
        let list = List::NoReply { from: self.window.from.max(self.today), to: self.window.to };
        self.page(ctx, list, first, after, |a| a).await
    }
    /// The bookings of the window, optionally only those with one precall
    /// result (e.g. CONFIRMED_VIRTUAL, "CONFERMA CUP VIRTUALI"), by time.
    #[graphql(complexity = "page_cost(first, child_complexity)")]
    async fn bookings(
        &self,
        ctx: &Context<'_>,
        result: Option<PrecallResult>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<BoardConnection<Appointment>> {
        let list = List::Bookings { from: self.window.from, to: self.window.to, result };
        self.page(ctx, list, first, after, |a| a).await
    }
}

async fn filter_for(ctx: &Context<'_>, office: &org_unit::Model, assignee: Option<&str>) -> AppResult<Filter> {
    let assignee_id = match assignee.map(str::trim).filter(|u| !u.is_empty()) {
        Some(username) => Some(crate::appointments::queries::person_id(ctx.scope()?, username).await?),
        None => None,
    };
    Ok(Filter { office_id: office.id, assignee_id })
}

async fn office_of(ctx: &Context<'_>, unit_id: &ID) -> AppResult<org_unit::Model> {
    let id: UnitId = parse_id("unitId", unit_id)?;
    store::office(ctx.scope()?, Uuid::from(id)).await
}

#[derive(Default)]
pub struct OfficeBoardQuery;

#[Object]
impl OfficeBoardQuery {
    /// An office's precall board over `days` days from `from` (default today,
    /// 4 days; at most 24, the CUP window), for who reads its bookings (its
    /// director and room coordinator, the provincial and regional directors
    /// above it). `assignee` (a username of the office's staff) narrows every
    /// part to the precalls assigned to that person. `FORBIDDEN` for an office
    /// outside the caller's reach.
    async fn office_board(
        &self,
        ctx: &Context<'_>,
        unit_id: ID,
        from: Option<NaiveDate>,
        #[graphql(default = 4)] days: Option<i32>,
        assignee: Option<String>,
    ) -> AppResult<OfficeBoard> {
        let today = rome_date(ctx.now()?);
        let window = Window::new(from.unwrap_or(today), days.unwrap_or(domain::DEFAULT_DAYS))?;
        let office = office_of(ctx, &unit_id).await?;
        let calendar = crate::calendar::store::calendar_of(ctx.scope()?.db(), &office).await?;
        let filter = filter_for(ctx, &office, assignee.as_deref()).await?;
        Ok(OfficeBoard {
            alarm_until: domain::alarm_until(&calendar, today),
            office,
            window,
            today,
            filter,
            days: OnceCell::new(),
        })
    }

    /// "Assegnazione sportelli virtuali / presenza del giorno X": the office's
    /// bookings of `date` with precall assignee and outcome and counter
    /// session, as CSV (UTF-8, Italian headers). Same rules as `officeBoard`.
    async fn office_day_list_csv(
        &self,
        ctx: &Context<'_>,
        unit_id: ID,
        date: NaiveDate,
        #[graphql(default)] dialect: CsvDialect,
    ) -> AppResult<String> {
        let (_, rows) = day_list(ctx, &unit_id, date).await?;
        export::csv(&rows, dialect)
    }

    /// The same day list as an Excel workbook (XLSX), base64-encoded.
    async fn office_day_list_xlsx(&self, ctx: &Context<'_>, unit_id: ID, date: NaiveDate) -> AppResult<String> {
        let (office, rows) = day_list(ctx, &unit_id, date).await?;
        let bytes = export::xlsx(&export::title(&office.name, date), &rows)?;
        Ok(base64::engine::general_purpose::STANDARD.encode(bytes))
    }
}

/// The day list's rows: the bookings, their services and staff in two more
/// statements; citizens' names only for who may read them.
async fn day_list(ctx: &Context<'_>, unit_id: &ID, date: NaiveDate) -> AppResult<(org_unit::Model, Vec<Vec<String>>)> {
    let scope = ctx.scope()?;
    let office = office_of(ctx, unit_id).await?;
    let bookings = store::day_list(scope, office.id, date).await?;
    let people_ids: Vec<Uuid> =
        bookings.iter().flat_map(|a| [a.precall_assignee_id, a.counter_operator_id]).flatten().collect();
    let service_ids: Vec<Uuid> = bookings.iter().map(|a| a.service_id).collect();
    let people = crate::appointments::store::people_by_ids(scope, &people_ids).await?;
    let services = crate::services::store::by_ids(scope.db(), &service_ids).await?;
    let names = scope.authorize(Action::AppointmentReadContact, &office.path).is_ok();
    let person =
        |id: Option<Uuid>| id.and_then(|id| people.iter().find(|p| p.id == id)).map(|p| p.display_name.as_str());
    let rows = bookings
        .iter()
        .map(|a| {
            export::row(&RowFacts {
                booking: a,
                citizen_name: names.then_some(a.citizen_name.as_str()),
                service_name: services.iter().find(|s| s.id == a.service_id).map_or("", |s| s.name.as_str()),
                precall_assignee: person(a.precall_assignee_id),
                counter_operator: person(a.counter_operator_id),
            })
        })
        .collect();
    Ok((office, rows))
}
