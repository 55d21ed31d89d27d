//! Mutations of bookings: each resolver calls one operation and maps its result.

use std::io::Read;

use async_graphql::{Context, ID, Object, Upload};
use chrono::NaiveDate;

use crate::appointments::domain::{Channel, CounterOutcome};
use crate::appointments::operations::{self as ops, BookingInput, PrecallInput};
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::ids::{AppointmentId, parse_id};

use super::types::*;

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
            outside_opening_hours: report
                .outside_opening_hours
                .into_iter()
                .map(|r| OutsideHoursRow {
                    row: r.row as i32,
                    cup_number: r.cup_number,
                    starts_at: r.starts_at,
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
        Ok(Appointment(ops::book(scope, input, ctx.now()?).await?))
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

    /// Sends the pre-contact e-mail through the outbox: from the precall
    /// assignee's address, to the citizen, the office's function mailbox in
    /// copy; marks it sent. `BAD_USER_INPUT` on `functionMailbox` when the
    /// office has none, on `from` when the assignee has no address.
    async fn send_precontact_email(
        &self,
        ctx: &Context<'_>,
        appointment_id: ID,
        version: Option<i32>,
    ) -> AppResult<Appointment> {
        let scope = ctx.scope()?;
        let id = parse_id("appointmentId", &appointment_id)?;
        Ok(Appointment(ops::send_precontact_email(scope, id, version).await?))
    }

    /// Marks the pre-contact e-mail as sent (for one sent outside the app).
    #[graphql(deprecation = "Use sendPrecontactEmail: it sends the e-mail through the outbox")]
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
    /// TRANSFERRED_TO_BACK_OFFICE and refused otherwise. Past 15 minutes the
    /// rule is a transfer to the back office: closing as COMPLETED then needs
    /// `confirmOverFifteenMinutes: true` (counted apart in monitoring).
    async fn record_counter_outcome(
        &self,
        ctx: &Context<'_>,
        id: ID,
        outcome: CounterOutcome,
        protocol_number: Option<String>,
        version: Option<i32>,
        confirm_over_fifteen_minutes: Option<bool>,
    ) -> AppResult<Appointment> {
        let scope = ctx.scope()?;
        let (id, protocol, confirmed) =
            (parse_id("id", &id)?, protocol_number.as_deref(), confirm_over_fifteen_minutes.unwrap_or(false));
        Ok(Appointment(ops::record_counter_outcome(scope, id, outcome, protocol, version, confirmed).await?))
    }

    /// Dequeues the signed-in operator's next booking of today and starts its
    /// session; null when there is none.
    async fn next_appointment(&self, ctx: &Context<'_>) -> AppResult<Option<Appointment>> {
        let scope = ctx.scope()?;
        Ok(ops::next_appointment(scope).await?.map(Appointment))
    }
}
