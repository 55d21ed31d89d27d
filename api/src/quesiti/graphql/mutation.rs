//! Mutations of Linea quesiti: each calls one function of `operations` and maps the result.

use async_graphql::{Context, ID, Object};
use uuid::Uuid;

use crate::error::AppResult;
use crate::graphql::context::ContextExt;
use crate::kernel::ids::{ClassificationId, ContactId, parse_id};
use crate::quesiti::domain::Section;
use crate::quesiti::operations::{self, Answer, FileQuesito, NewClassification};

use super::inputs::{ConvertQuesitoInput, FileQuesitoInput, NewClassificationInput};
use super::types::*;

#[derive(Default)]
pub struct QuesitoMutation;

#[Object]
impl QuesitoMutation {
    /// Files a quesito to the CRIC of a region (CCM operators). It starts NEW,
    /// due after the section's SLA.
    async fn file_quesito(&self, ctx: &Context<'_>, input: FileQuesitoInput) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        let file = FileQuesito {
            region_code: input.region_code,
            section: input.section,
            classification_id: parse_id::<ClassificationId>("classification", &input.classification)?.uuid(),
            subject: input.subject,
            question: input.question,
            citizen_fiscal_code: input.citizen_fiscal_code,
            citizen_phone: input.citizen_phone,
            citizen_email: input.citizen_email,
            priority: input.priority,
            contact_id: input
                .contact_id
                .as_ref()
                .map(|id| parse_id::<ContactId>("contactId", id).map(Uuid::from))
                .transpose()?,
            idempotency_key: input.idempotency_key,
        };
        Ok(Quesito(operations::file(scope, file, ctx.now()?).await?))
    }

    /// An expert of the CRIC takes a NEW quesito. If someone else took it
    /// first: `CONFLICT`.
    async fn take_quesito(&self, ctx: &Context<'_>, id: ID) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        Ok(Quesito(operations::take(scope, parse_id("id", &id)?, ctx.now()?).await?))
    }

    /// The expert holding an IN_PROGRESS quesito gives it back to the CRIC's
    /// queue (NEW). Another expert: `FORBIDDEN`.
    async fn release_quesito(&self, ctx: &Context<'_>, id: ID) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        Ok(Quesito(operations::release(scope, parse_id("id", &id)?, ctx.now()?).await?))
    }

    /// Asks the citizen for information (`request`, 5 to 2000 characters):
    /// the quesito waits for the citizen (WAITING_FOR_CITIZEN) and its SLA
    /// clock pauses. The expert holding it, or any expert of its CRIC for a
    /// NEW one (who then holds it).
    async fn request_citizen_info(&self, ctx: &Context<'_>, id: ID, request: String) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        Ok(Quesito(operations::ask_citizen(scope, parse_id("id", &id)?, &request, ctx.now()?).await?))
    }

    /// Records the citizen's reply to a quesito waiting for it: the CCM that
    /// filed it (from a contact) or an expert of its CRIC. It is IN_PROGRESS
    /// again and its due date moves by the working days it waited.
    async fn record_quesito_citizen_reply(&self, ctx: &Context<'_>, id: ID, reply: String) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        Ok(Quesito(operations::record_citizen_reply(scope, parse_id("id", &id)?, &reply, ctx.now()?).await?))
    }

    /// Answers an IN_PROGRESS quesito (its CRIC) or a FORWARDED_CENTRAL one
    /// (the central directorate). With `publishAsFaq` the answer also becomes
    /// a FAQ entry (question: `faqQuestion`, default the subject). The citizen
    /// is notified by e-mail when one was given.
    async fn answer_quesito(
        &self,
        ctx: &Context<'_>,
        id: ID,
        answer: String,
        publish_as_faq: Option<bool>,
        faq_question: Option<String>,
        #[graphql(default)] faq_tags: Vec<String>,
    ) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        let input = Answer { answer, publish_as_faq: publish_as_faq.unwrap_or(false), faq_question, faq_tags };
        Ok(Quesito(operations::answer(scope, parse_id("id", &id)?, input, ctx.now()?).await?))
    }

    /// Forwards a quesito of exceptional complexity to the central directorate.
    async fn forward_quesito(&self, ctx: &Context<'_>, id: ID, reason: String) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        Ok(Quesito(operations::forward(scope, parse_id("id", &id)?, &reason, ctx.now()?).await?))
    }

    /// Converts a NEW or IN_PROGRESS quesito into an appointment at an office of
    /// its region, only when the paper file must be rebuilt: the booking is made
    /// and linked in the same transaction (`appointmentId`).
    async fn convert_quesito_to_appointment(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: ConvertQuesitoInput,
    ) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        let conversion = operations::Conversion {
            reason: input.reason,
            booking: crate::appointments::service::BookingInput {
                office_code: input.office_code,
                cup_number: input.cup_number,
                date: input.date,
                time: input.time,
                service_code: input.service_code,
                fiscal_code: String::new(),
                citizen_name: input.citizen_name,
                phone: input.phone,
                email: input.email,
                channel: input.channel,
            },
        };
        Ok(Quesito(operations::convert_to_appointment(scope, parse_id("id", &id)?, conversion, ctx.now()?).await?))
    }

    /// Cancels a NEW or IN_PROGRESS quesito (its CRIC, or the CCM that filed it).
    async fn cancel_quesito(&self, ctx: &Context<'_>, id: ID, reason: String) -> AppResult<Quesito> {
        let scope = ctx.scope()?;
        Ok(Quesito(operations::cancel(scope, parse_id("id", &id)?, &reason, ctx.now()?).await?))
    }

    /// Adds a classification, national (`ROOT`) or for one region (admins, regional directors).
    async fn create_quesito_classification(
        &self,
        ctx: &Context<'_>,
        input: NewClassificationInput,
    ) -> AppResult<QuesitoClassification> {
        let scope = ctx.scope()?;
        let input = NewClassification {
            unit_code: input.unit_code,
            section: input.section,
            code: input.code,
            label: input.label,
        };
        QuesitoClassification::one(scope.db(), operations::create_classification(scope, input).await?).await
    }

    /// Renames, deactivates or reactivates a classification.
    async fn update_quesito_classification(
        &self,
        ctx: &Context<'_>,
        id: ID,
        label: Option<String>,
        active: Option<bool>,
    ) -> AppResult<QuesitoClassification> {
        let scope = ctx.scope()?;
        let row = operations::update_classification(scope, parse_id("id", &id)?, label, active).await?;
        QuesitoClassification::one(scope.db(), row).await
    }

    /// Names the central directorate competent for a classification's subject
    /// (its forwarded quesiti go there); null or blank clears it. Those who
    /// manage the classification (admins, the region's director).
    async fn set_classification_directorate(
        &self,
        ctx: &Context<'_>,
        id: ID,
        directorate_code: Option<String>,
    ) -> AppResult<QuesitoClassification> {
        let scope = ctx.scope()?;
        let id = parse_id("id", &id)?;
        let row = operations::set_competent_directorate(scope, id, directorate_code.as_deref()).await?;
        QuesitoClassification::one(scope.db(), row).await
    }

    /// Sets the working days allowed for a section, nationally (`ROOT`) or for
    /// one region; applies to quesiti filed from now on.
    async fn set_quesito_sla(
        &self,
        ctx: &Context<'_>,
        unit_code: String,
        section: Section,
        working_days: i32,
    ) -> AppResult<QuesitoSla> {
        let scope = ctx.scope()?;
        let row = operations::set_sla(scope, &unit_code, section, working_days).await?;
        Ok(QuesitoSla { section, working_days: row.working_days, configured_on: Some(unit_code.trim().to_owned()) })
    }
}
