//! Reads of bookings: lists, one booking, the worklist, the pre-contact e-mail.

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;

use entities::appointment;

use crate::appointments::contact;
use crate::appointments::domain;
use crate::appointments::store::{self, ListFilter};
use crate::callbacks::graphql::Callback;
use crate::error::AppResult;
use crate::graphql::context::ContextExt;
use crate::kernel::ids::parse_id;
use crate::kernel::paging::Page;
use crate::kernel::sorting::{ListTotal, OrderBy, sorted_connection};

use super::loaders::prefetch;
use super::types::*;
use crate::appointments::queries;

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
        order_by: Option<OrderBy<AppointmentOrderField>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Appointment, ListTotal, EmptyFields>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let filter = filter.unwrap_or_default();
        let list_filter = ListFilter {
            office_id: None,
            from: filter.from,
            to: filter.to,
            status: filter.status,
            precall_status: filter.precall_status,
            assignee_id: None,
            channel: filter.channel,
        };
        let (office, assignee) = (filter.office_code.as_deref(), filter.assignee.as_deref());
        let sort = store::appointment_sort(order_by.map(OrderBy::picked));
        let (rows, total) = queries::list(scope, office, assignee, list_filter, &sort, &page).await?;
        prefetch(ctx, &rows).await?;
        Ok(sorted_connection(&page, &sort, rows, |a| a.id, Appointment, total))
    }

    /// The free slots of an office for a service, from `from` to `to` (at most
    /// 14 days, narrowed to the CUP window): within the office's opening hours,
    /// not on its closed days, not past, not taken by a live booking of the
    /// service. For who may book there (the CCM: every office); otherwise
    /// `NOT_FOUND`.
    async fn free_slots(
        &self,
        ctx: &Context<'_>,
        office_code: String,
        service_code: String,
        from: NaiveDate,
        to: NaiveDate,
    ) -> AppResult<Vec<FreeSlot>> {
        let slots = queries::free_slots(ctx.scope()?, &office_code, &service_code, (from, to), ctx.now()?).await?;
        Ok(slots.into_iter().map(FreeSlot::at).collect())
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
        let queries::Worklist { precalls, sessions, callbacks } = queries::worklist(scope, date, WORKLIST_MAX).await?;
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
        let mail = queries::precontact_email(ctx.scope()?, parse_id("appointmentId", &appointment_id)?).await?;
        contact::audited(ctx, mail.read).await?;
        Ok(PrecontactEmail { from: mail.from, to: mail.to, cc: mail.cc, subject: mail.subject, body: mail.body })
    }
}
