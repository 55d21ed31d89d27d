//! Filing a quesito (idempotent per person and key), linked to its CCM contact.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, DbErr, EntityTrait, SqlErr};
use serde_json::json;
use uuid::Uuid;

use entities::{quesito, quesito_classification};

use crate::alerts::NewAlert;
use crate::audit::AuditRecord;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::messages::quesito_not_found;
use crate::quesiti::domain::{self, Priority, QuesitoStatus, Section, SectionRules, limits};
use crate::quesiti::store::{self, NewEvent};
use crate::tenancy::Scope;
use crate::validation::{email_field, fiscal_code_field, optional_text_field, phone_field, text_field};

pub struct FileQuesito {
    pub region_code: String,
    pub section: Section,
    pub classification_id: Uuid,
    pub subject: String,
    pub question: String,
    pub citizen_fiscal_code: String,
    pub citizen_phone: Option<String>,
    pub citizen_email: Option<String>,
    pub priority: Priority,
    pub contact_id: Option<Uuid>,
    pub idempotency_key: Option<String>,
}

/// Files a quesito to the CRIC of `region_code`. The same `idempotency_key`
/// from the same person returns the quesito filed first.
pub async fn file(scope: &Scope, input: FileQuesito, now: DateTime<Utc>) -> AppResult<quesito::Model> {
    // Validate everything before touching the database.
    let subject = text_field("subject", &input.subject, 1, limits::SUBJECT_MAX)?;
    let question = text_field("question", &input.question, limits::QUESTION_MIN, limits::QUESTION_MAX)?;
    let fiscal_code = fiscal_code_field("citizenFiscalCode", &input.citizen_fiscal_code)?.into_string();
    let phone = match input.citizen_phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => Some(phone_field("citizenPhone", p)?.into_string()),
        None => None,
    };
    let email = match input.citizen_email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        Some(e) => Some(email_field("citizenEmail", e)?.into_string()),
        None => None,
    };
    let key = optional_text_field("idempotencyKey", input.idempotency_key.as_deref(), limits::IDEMPOTENCY_KEY_MAX)?;

    if scope.units_for(Action::QuesitoFile).is_nowhere() {
        return Err(AppError::forbidden(
            "Solo il CCM inoltra quesiti ai CRIC",
            "Only the CCM files quesiti to the CRICs",
        ));
    }
    if let Some(key) = &key
        && let Some(existing) = store::by_idempotency_key(scope, key).await?
    {
        return same_request(existing, input.section, &subject, &question, &fiscal_code);
    }

    let cric =
        store::cric_of_region(scope, input.region_code.trim(), &[Action::QuesitoFile]).await?.ok_or_else(|| {
            AppError::bad_input("regionCode", "Direzione regionale sconosciuta", "Unknown regional directorate")
        })?;
    let acting = scope.authorize_in_section(Action::QuesitoFile, &cric.path, input.section)?;
    let filed_by_unit_id = acting.unit_id().ok_or_else(|| AppError::internal("acting assignment without unit"))?;
    let classification =
        store::classification_for_filing(scope.db(), &cric.path, input.section, input.classification_id)
            .await?
            .ok_or_else(|| {
                AppError::bad_input(
                    "classification",
                    "Classificazione non valida per questa sezione e regione",
                    "Classification not valid for this section and region",
                )
            })?;
    if let Some(contact_id) = input.contact_id {
        let contact = crate::ccm::store::by_id(scope, contact_id)
            .await?
            .ok_or_else(|| crate::kernel::messages::unknown_contact("contactId"))?;
        if contact.quesito_id.is_some() {
            return Err(contact_already_linked());
        }
    }
    let working_days = match store::sla_override(scope.db(), &cric.path, input.section).await? {
        Some((sla, _)) => u32::try_from(sla.working_days).unwrap_or(input.section.default_sla_working_days()),
        None => input.section.default_sla_working_days(),
    };
    // Continuity: the expert who took this citizen's latest quesito here.
    let since = now - chrono::Duration::days(domain::CONTINUITY_DAYS);
    let proposed_to_id = store::continuity_expert(scope, cric.id, &fiscal_code, since).await?;
    let id = Uuid::now_v7();
    let model = quesito::Model {
        id,
        unit_id: cric.id,
        filed_by_unit_id,
        forwarded_to_unit_id: None,
        section: input.section,
        classification_id: classification.id,
        subject,
        question,
        citizen_fiscal_code: fiscal_code,
        citizen_phone: phone,
        citizen_email: email,
        priority: input.priority,
        status: QuesitoStatus::New,
        due_at: domain::due_at(now, working_days),
        contact_id: input.contact_id,
        idempotency_key: key.clone(),
        filed_by_id: scope.person_id(),
        taken_by_id: None,
        taken_at: None,
        answer: None,
        answered_by_id: None,
        answered_at: None,
        forward_reason: None,
        cancel_reason: None,
        appointment_id: None,
        faq_entry_id: None,
        waiting_since: None,
        waiting_request: None,
        citizen_reply: None,
        paused_seconds: 0,
        paused_working_days: 0,
        proposed_to_id,
        version: 1,
        created_at: now,
        updated_at: now,
    };

    let op = Operation::begin(scope, acting).await?;
    match insert_filed(&op, &model, &classification).await {
        Ok(()) => {
            op.alert(NewAlert::quesito_filed(&model)).await?;
            op.commit().await?;
            Ok(model)
        }
        Err(InsertError::Db(err))
            if key.is_some() && matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) =>
        {
            // Lost a race with the same request: return the winner's quesito.
            op.rollback().await?;
            let key = key.unwrap_or_default();
            let existing = store::by_idempotency_key(scope, &key).await?.ok_or_else(quesito_not_found)?;
            same_request(existing, input.section, &model.subject, &model.question, &model.citizen_fiscal_code)
        }
        Err(InsertError::Db(err)) => Err(err.into()),
        Err(InsertError::App(err)) => Err(err),
    }
}

enum InsertError {
    Db(DbErr),
    App(AppError),
}

impl From<DbErr> for InsertError {
    fn from(err: DbErr) -> Self {
        InsertError::Db(err)
    }
}

impl From<AppError> for InsertError {
    fn from(err: AppError) -> Self {
        InsertError::App(err)
    }
}

async fn insert_filed(
    op: &Operation<'_>,
    m: &quesito::Model,
    classification: &quesito_classification::Model,
) -> Result<(), InsertError> {
    quesito::Entity::insert(quesito::ActiveModel {
        id: Set(m.id),
        unit_id: Set(m.unit_id),
        filed_by_unit_id: Set(m.filed_by_unit_id),
        forwarded_to_unit_id: Set(None),
        section: Set(m.section),
        classification_id: Set(m.classification_id),
        subject: Set(m.subject.clone()),
        question: Set(m.question.clone()),
        citizen_fiscal_code: Set(m.citizen_fiscal_code.clone()),
        citizen_phone: Set(m.citizen_phone.clone()),
        citizen_email: Set(m.citizen_email.clone()),
        priority: Set(m.priority),
        status: Set(m.status),
        due_at: Set(m.due_at),
        contact_id: Set(m.contact_id),
        idempotency_key: Set(m.idempotency_key.clone()),
        filed_by_id: Set(m.filed_by_id),
        taken_by_id: Set(None),
        taken_at: Set(None),
        answer: Set(None),
        answered_by_id: Set(None),
        answered_at: Set(None),
        forward_reason: Set(None),
        cancel_reason: Set(None),
        appointment_id: Set(None),
        faq_entry_id: Set(None),
        waiting_since: Set(None),
        waiting_request: Set(None),
        citizen_reply: Set(None),
        paused_seconds: Set(0),
        paused_working_days: Set(0),
        proposed_to_id: Set(m.proposed_to_id),
        version: Set(m.version),
        created_at: Set(m.created_at),
        updated_at: Set(m.updated_at),
    })
    .exec(op)
    .await?;
    let principal = op.scope().principal();
    store::insert_event(
        op,
        NewEvent {
            quesito_id: m.id,
            from: None,
            to: QuesitoStatus::New,
            actor_id: principal.person_id,
            actor_username: &principal.username,
            acting_role: Some(op.acting().role.as_str()),
            note: m.proposed_to_id.map(|_| CONTINUITY_NOTE.to_owned()),
            at: m.created_at,
        },
    )
    .await?;
    if let Some(contact_id) = m.contact_id
        && !crate::ccm::store::link_quesito(op, contact_id, m.id).await?
    {
        return Err(contact_already_linked().into());
    }
    op.audit(AuditRecord::new("quesito.file").record("quesito", m.id.to_string()).unit(m.unit_id).detail(json!({
        "section": m.section.as_str(),
        "classification": classification.code,
        "priority": m.priority.as_str(),
        "dueAt": m.due_at,
        "contactId": m.contact_id,
        "proposedTo": m.proposed_to_id,
    })))
    .await?;
    Ok(())
}

/// The filing event's note when the quesito is proposed to an expert.
const CONTINUITY_NOTE: &str = "Proposto all'esperto che ha seguito il quesito precedente dello stesso cittadino";

fn contact_already_linked() -> AppError {
    AppError::conflict("Il contatto è già collegato a un quesito", "The contact is already linked to a quesito")
}

/// A repeated idempotency key must carry the same request.
fn same_request(
    existing: quesito::Model,
    section: Section,
    subject: &str,
    question: &str,
    fiscal_code: &str,
) -> AppResult<quesito::Model> {
    let same = existing.section == section
        && existing.subject == subject.trim()
        && existing.question == question.trim()
        && existing.citizen_fiscal_code == fiscal_code.trim().to_ascii_uppercase();
    if same {
        Ok(existing)
    } else {
        Err(AppError::conflict(
            "Chiave di idempotenza già usata per un quesito diverso",
            "Idempotency key already used for a different quesito",
        ))
    }
}
