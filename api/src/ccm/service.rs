//! Recording contacts: validate, authorise, write with its audit event.

use chrono::Utc;
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::json;
use uuid::Uuid;

use entities::ccm_contact;

use super::domain::{self, Channel, ContactOutcome, Links};
use crate::audit::{self, AuditRecord};
use crate::auth::Assignment;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::quesiti::domain::Section;
use crate::tenancy::Scope;
use crate::validation::{fiscal_code_field, optional_text_field, text_field};

pub struct RecordContact {
    pub channel: Channel,
    pub section: Section,
    pub topic: String,
    pub citizen_fiscal_code: Option<String>,
    pub outcome: ContactOutcome,
    pub quesito_id: Option<Uuid>,
    pub appointment_id: Option<Uuid>,
    pub callback_id: Option<Uuid>,
    pub note: Option<String>,
}

/// The caller's assignment under which they act for `action` in `section`,
/// on the unit it is held on (the CCM for a CCM operator).
pub fn acting_on_own_unit(scope: &Scope, action: Action, section: Section) -> AppResult<&Assignment> {
    scope
        .principal()
        .assignments
        .iter()
        .filter_map(|a| a.unit_path())
        .find_map(|path| scope.authorize_in_section(action, path, section).ok())
        .ok_or_else(|| {
            AppError::forbidden(
                "Solo gli operatori del CCM (della sezione) registrano contatti",
                "Only CCM operators (of the section) record contacts",
            )
        })
}

pub async fn record(scope: &Scope, input: RecordContact) -> AppResult<ccm_contact::Model> {
    let topic = text_field("topic", &input.topic, 1, domain::TOPIC_MAX)?;
    let fiscal_code = input
        .citizen_fiscal_code
        .as_deref()
        .filter(|c| !c.trim().is_empty())
        .map(|c| fiscal_code_field("citizenFiscalCode", c))
        .transpose()?;
    let note = optional_text_field("note", input.note.as_deref(), domain::NOTE_MAX)?;
    let links = Links {
        quesito: input.quesito_id.is_some(),
        appointment: input.appointment_id.is_some(),
        callback: input.callback_id.is_some(),
    };
    domain::check_links(input.outcome, links).map_err(|field| {
        AppError::bad_input(
            field,
            "Il collegamento non corrisponde all'esito del contatto",
            "The link does not match the contact's outcome",
        )
    })?;
    let acting = acting_on_own_unit(scope, Action::ContactRecord, input.section)?;
    let unit_id = acting.unit_id().ok_or_else(|| AppError::internal("acting assignment without unit"))?;
    if let Some(quesito_id) = input.quesito_id {
        // Only a quesito the caller can see (and so, for the CCM, one it filed).
        crate::quesiti::store::by_id(scope, quesito_id.into())
            .await?
            .ok_or_else(|| crate::kernel::messages::unknown_quesito("quesitoId"))?;
    }
    if let Some(appointment_id) = input.appointment_id {
        // Only a booking the caller can see (for the CCM, one it booked).
        crate::appointments::store::find(scope, appointment_id.into())
            .await?
            .ok_or_else(|| AppError::bad_input("appointmentId", "Appuntamento non trovato", "Appointment not found"))?;
    }
    if let Some(callback_id) = input.callback_id {
        crate::callbacks::store::find(scope, callback_id.into())
            .await?
            .ok_or_else(|| crate::kernel::messages::unknown_callback("callbackId"))?;
    }
    let now = Utc::now();
    let model = ccm_contact::Model {
        id: Uuid::now_v7(),
        unit_id,
        section: input.section,
        channel: input.channel,
        topic,
        citizen_fiscal_code: fiscal_code.map(|c| c.into_string()),
        outcome: input.outcome,
        quesito_id: input.quesito_id,
        appointment_id: input.appointment_id,
        callback_id: input.callback_id,
        note,
        recorded_by_id: scope.person_id(),
        recorded_at: now,
    };
    let op = Operation::begin(scope, acting).await?;
    ccm_contact::Entity::insert(ccm_contact::ActiveModel {
        id: Set(model.id),
        unit_id: Set(model.unit_id),
        section: Set(model.section),
        channel: Set(model.channel),
        topic: Set(model.topic.clone()),
        citizen_fiscal_code: Set(model.citizen_fiscal_code.clone()),
        outcome: Set(model.outcome),
        quesito_id: Set(model.quesito_id),
        appointment_id: Set(model.appointment_id),
        callback_id: Set(model.callback_id),
        note: Set(model.note.clone()),
        recorded_by_id: Set(model.recorded_by_id),
        recorded_at: Set(model.recorded_at),
    })
    .exec(&op)
    .await?;
    op.audit(AuditRecord::new("contact.record").record("contact", model.id.to_string()).unit(unit_id).detail(json!({
        "channel": model.channel.as_str(),
        "section": model.section.as_str(),
        "outcome": model.outcome.as_str(),
    })))
    .await?;
    op.commit().await?;
    Ok(model)
}

/// Audits a search of contacts by a citizen's fiscal code (a read of personal
/// data), as the caller's CCM assignment, so the CCM's auditors see it.
pub async fn audit_lookup(scope: &Scope, fiscal_code: &str) -> AppResult<()> {
    audit::record_citizen_lookup(scope, Action::ContactRecord, "contact.lookup_by_fiscal_code", fiscal_code).await
}
