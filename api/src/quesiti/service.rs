//! Operations on quesiti: validate first, authorise, then write everything
//! (row, event, audit, links, outbox message) in one transaction.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, SqlErr};
use serde_json::json;
use uuid::Uuid;

use entities::{org_unit, quesito, quesito_classification, quesito_sla};

use super::domain::{self, Lifecycle, Priority, QuesitoStatus, Section, SectionRules, Transition, limits};
use super::store::{self, NewEvent};
use crate::audit::{self, Actor, AuditRecord};
use crate::auth::Assignment;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::faq;
use crate::kernel::Operation;
use crate::kernel::ids::{ClassificationId, QuesitoId};
use crate::kernel::messages::quesito_not_found;
use crate::kernel::versioned::{Changes, update_versioned};
use crate::outbox::NewMessage;
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
    let acting = scope.authorize_in_section(Action::QuesitoFile, &cric.path, input.section.as_str())?;
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
            .ok_or_else(|| AppError::bad_input("contactId", "Contatto non trovato", "Contact not found"))?;
        if contact.quesito_id.is_some() {
            return Err(contact_already_linked());
        }
    }
    let working_days = match store::sla_override(scope.db(), &cric.path, input.section).await? {
        Some((sla, _)) => u32::try_from(sla.working_days).unwrap_or(input.section.default_sla_working_days()),
        None => input.section.default_sla_working_days(),
    };
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
        version: 1,
        created_at: now,
        updated_at: now,
    };

    let op = Operation::begin(scope, acting).await?;
    match insert_filed(&op, &model, &classification).await {
        Ok(()) => {
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
            note: None,
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
    })))
    .await?;
    Ok(())
}

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

/// A visible quesito with the units it belongs to.
struct Loaded {
    q: quesito::Model,
    status: QuesitoStatus,
    section: Section,
    cric: org_unit::Model,
    filed_by: Option<org_unit::Model>,
    forwarded_to: Option<org_unit::Model>,
}

async fn load(scope: &Scope, id: QuesitoId) -> AppResult<Loaded> {
    let q = store::by_id(scope, id).await?.ok_or_else(quesito_not_found)?;
    let units = store::units_of(scope.db(), &q).await?;
    let find = |id: Uuid| units.iter().find(|u| u.id == id).cloned();
    let cric = find(q.unit_id).ok_or_else(|| AppError::internal("quesito without its CRIC"))?;
    let filed_by = find(q.filed_by_unit_id);
    let forwarded_to = q.forwarded_to_unit_id.and_then(find);
    let (status, section) = (q.status, q.section);
    Ok(Loaded { q, status, section, cric, filed_by, forwarded_to })
}

fn illegal(t: Transition, status: QuesitoStatus) -> AppError {
    let (it, en) = t.names();
    AppError::conflict(
        format!("Non è possibile {it} un quesito nello stato {}", status.as_str()),
        format!("Cannot {en} a quesito in status {}", status.as_str()),
    )
}

/// Who may do `t` on this quesito: experts of its CRIC (of its section);
/// once forwarded, the central directorate's experts answer it; the filing
/// CCM may also cancel.
fn authorize<'a>(scope: &'a Scope, l: &Loaded, t: Transition) -> AppResult<&'a Assignment> {
    let section = l.section.as_str();
    match t {
        Transition::Answer if l.status == QuesitoStatus::ForwardedCentral => {
            let dc = l.forwarded_to.as_ref().ok_or_else(|| AppError::internal("forwarded without target"))?;
            scope.authorize_in_section(Action::QuesitoWork, &dc.path, section)
        }
        Transition::Cancel => {
            scope.authorize_in_section(Action::QuesitoCancel, &l.cric.path, section).or_else(|err| match &l.filed_by {
                Some(ccm) => scope.authorize_in_section(Action::QuesitoCancel, &ccm.path, section),
                None => Err(err),
            })
        }
        _ => scope.authorize_in_section(Action::QuesitoWork, &l.cric.path, section),
    }
}

/// One transition to write: what happens, the resulting status, the columns
/// it changes besides the status, the event's note and the audit details.
struct Step {
    t: Transition,
    next: QuesitoStatus,
    changes: Changes<quesito::Entity>,
    note: Option<String>,
    detail: serde_json::Value,
    /// When it happens (the clock's now).
    at: DateTime<Utc>,
}

/// Writes a transition: the versioned update, its event and its audit record.
async fn write_transition(op: &Operation<'_>, l: &Loaded, step: Step) -> AppResult<()> {
    let Step { t, next, changes, note, detail, at } = step;
    let changes = changes.set(quesito::Column::Status, next);
    update_versioned::<quesito::Entity>(op, l.q.id, l.q.version, changes).await?;
    let principal = op.scope().principal();
    store::insert_event(
        op,
        NewEvent {
            quesito_id: l.q.id,
            from: Some(l.status),
            to: next,
            actor_id: principal.person_id,
            actor_username: &principal.username,
            acting_role: Some(op.acting().role.as_str()),
            note,
            at,
        },
    )
    .await?;
    let mut detail = detail;
    if let Some(obj) = detail.as_object_mut() {
        obj.insert("from".into(), json!(l.status.as_str()));
        obj.insert("to".into(), json!(next.as_str()));
    }
    op.audit(AuditRecord::new(t.audit_action()).record("quesito", l.q.id.to_string()).unit(l.q.unit_id).detail(detail))
        .await
}

async fn reload(txn: &impl ConnectionTrait, id: QuesitoId) -> AppResult<quesito::Model> {
    quesito::Entity::find_by_id(id).one(txn).await?.ok_or_else(quesito_not_found)
}

/// Checks visibility, authority and the life cycle, in that order
/// (NOT_FOUND, FORBIDDEN, CONFLICT).
async fn prepare(scope: &Scope, id: QuesitoId, t: Transition) -> AppResult<(Loaded, &Assignment, QuesitoStatus)> {
    let l = load(scope, id).await?;
    let acting = authorize(scope, &l, t)?;
    let next = l.status.apply(t).ok_or_else(|| illegal(t, l.status))?;
    Ok((l, acting, next))
}

/// An expert takes a NEW quesito. Of two experts taking it at once, exactly one wins.
pub async fn take(scope: &Scope, id: QuesitoId, now: DateTime<Utc>) -> AppResult<quesito::Model> {
    let (l, acting, next) = prepare(scope, id, Transition::Take).await?;
    let changes = Changes::new()
        .set(quesito::Column::TakenById, Some(scope.person_id()))
        .set(quesito::Column::TakenAt, Some(now));
    // Read outside, write inside: the transaction starts with the write, so on
    // SQLite the loser waits for the lock and then finds the version moved.
    let op = Operation::begin(scope, acting).await?;
    let step = Step { t: Transition::Take, next, changes, note: None, detail: json!({}), at: now };
    write_transition(&op, &l, step).await?;
    let q = reload(&op, id).await?;
    op.commit().await?;
    Ok(q)
}

pub struct Answer {
    pub answer: String,
    pub publish_as_faq: bool,
    /// The FAQ's question; the quesito's subject when absent.
    pub faq_question: Option<String>,
    pub faq_tags: Vec<String>,
}

/// Answers an IN_PROGRESS quesito (its CRIC) or a FORWARDED_CENTRAL one (the
/// central directorate); optionally publishes the answer as a FAQ entry
/// linked to the quesito, and queues the citizen's notification.
pub async fn answer(scope: &Scope, id: QuesitoId, input: Answer, now: DateTime<Utc>) -> AppResult<quesito::Model> {
    let answer = text_field("answer", &input.answer, 1, limits::ANSWER_MAX)?;
    let (l, acting, next) = prepare(scope, id, Transition::Answer).await?;
    let faq = if input.publish_as_faq {
        let question = match input.faq_question.as_deref() {
            Some(q) => q.to_owned(),
            None => l.q.subject.clone(),
        };
        let draft = faq::service::validate(l.section, &question, &answer, &input.faq_tags)?;
        // The FAQ belongs to the unit that answers (the CRIC, or the central directorate).
        let owner = if l.status == QuesitoStatus::ForwardedCentral { l.forwarded_to.as_ref() } else { Some(&l.cric) };
        let owner = owner.ok_or_else(|| AppError::internal("answering unit missing"))?;
        // Publishing needs `faq:write` there too; the FAQ's audit event is
        // recorded by this operation, under the assignment answering it.
        scope.authorize_in_section(Action::FaqWrite, &owner.path, l.section.as_str())?;
        Some((draft, owner.id))
    } else {
        None
    };
    let faq_id = faq.as_ref().map(|_| Uuid::now_v7());
    let changes = Changes::new()
        .set(quesito::Column::Answer, Some(answer.clone()))
        .set(quesito::Column::AnsweredById, Some(scope.person_id()))
        .set(quesito::Column::AnsweredAt, Some(now))
        .set(quesito::Column::FaqEntryId, faq_id);
    let op = Operation::begin(scope, acting).await?;
    let detail = json!({ "publishedAsFaq": faq_id.map(|id| id.to_string()) });
    let step = Step { t: Transition::Answer, next, changes, note: None, detail, at: now };
    write_transition(&op, &l, step).await?;
    if let (Some((draft, unit_id)), Some(faq_id)) = (faq, faq_id) {
        faq::service::insert(&op, faq_id, unit_id, draft, Some(l.q.id)).await?;
    }
    let q = reload(&op, id).await?;
    notify_citizen_of_answer(&op, &q).await?;
    op.commit().await?;
    Ok(q)
}

/// Queues the e-mail telling the citizen their quesito was answered, in the
/// answer's transaction (no answer without its message, no message without
/// its answer). Without an e-mail address nothing is sent: the citizen hears
/// the answer from the CCM when calling back.
async fn notify_citizen_of_answer(op: &Operation<'_>, q: &quesito::Model) -> AppResult<()> {
    let Some(to) = q.citizen_email.as_deref() else { return Ok(()) };
    let filed = q.created_at.with_timezone(&chrono_tz::Europe::Rome).format("%d/%m/%Y");
    let subject = format!("Risposta al quesito del {filed}: {}", q.subject);
    let body = format!(
        "Gentile cittadina, gentile cittadino,\n\n\
         al quesito «{}» inoltrato il {filed} tramite il Contact Center è stata data la seguente risposta:\n\n\
         {}\n\n\
         Per ulteriori chiarimenti può contattare il Contact Center citando il riferimento {}.\n\n\
         Questo messaggio è generato automaticamente: la preghiamo di non rispondere.\n",
        q.subject,
        q.answer.as_deref().unwrap_or_default(),
        q.id,
    );
    let message = NewMessage::email(format!("quesito:{}:answered", q.id), to, subject, body)
        .event("quesito.answered")
        .unit(q.unit_id)
        .reference(format!("quesito:{}", q.id));
    op.notify(message).await?;
    Ok(())
}

/// Forwards a quesito of exceptional complexity to the central directorate.
pub async fn forward(scope: &Scope, id: QuesitoId, reason: &str, now: DateTime<Utc>) -> AppResult<quesito::Model> {
    let reason = text_field("reason", reason, limits::REASON_MIN, limits::REASON_MAX)?;
    let (l, acting, next) = prepare(scope, id, Transition::Forward).await?;
    let dc = store::central_directorate_for(scope, &l.cric.path).await?.ok_or_else(|| {
        AppError::not_found("Nessuna Direzione centrale configurata", "No central directorate is configured")
    })?;
    let changes = Changes::new()
        .set(quesito::Column::ForwardedToUnitId, Some(dc.id))
        .set(quesito::Column::ForwardReason, Some(reason.clone()));
    let op = Operation::begin(scope, acting).await?;
    let detail = json!({ "to": dc.code });
    let step = Step { t: Transition::Forward, next, changes, note: Some(reason), detail, at: now };
    write_transition(&op, &l, step).await?;
    let q = reload(&op, id).await?;
    op.commit().await?;
    Ok(q)
}

/// Where and when the citizen is to be received when a quesito becomes an appointment.
pub struct Conversion {
    /// Why the paper file must be rebuilt at an office (the only reason to convert).
    pub reason: String,
    pub booking: crate::appointments::service::BookingInput,
}

/// Converts a NEW or IN_PROGRESS quesito into an office appointment: books it
/// through the appointments module in the same transaction (the booking and
/// the transition commit or fail together) and links it. The office must be in
/// the quesito's region; the citizen's fiscal code and contacts come from the
/// quesito unless the booking gives others.
pub async fn convert_to_appointment(
    scope: &Scope,
    id: QuesitoId,
    input: Conversion,
    now: DateTime<Utc>,
) -> AppResult<quesito::Model> {
    let reason = text_field("reason", &input.reason, limits::REASON_MIN, limits::REASON_MAX)?;
    // Working the quesito (its CRIC, its section) is what authorises the
    // booking, at an office of the quesito's region only: a CRIC holds no
    // `appointments:book` of its own.
    let (l, acting, next) = prepare(scope, id, Transition::ConvertToAppointment).await?;
    let office = match store::region_of_cric(&l.cric.path) {
        Some(region) => store::office_of_region(scope, &region, &input.booking.office_code).await?,
        None => None,
    }
    .ok_or_else(|| {
        AppError::bad_input(
            "officeCode",
            "L'ufficio deve essere nella regione del quesito",
            "The office must be in the quesito's region",
        )
    })?;
    let mut booking = input.booking;
    if booking.fiscal_code.trim().is_empty() {
        booking.fiscal_code = l.q.citizen_fiscal_code.clone();
    }
    if booking.phone.is_none() {
        booking.phone = l.q.citizen_phone.clone();
    }
    if booking.email.is_none() {
        booking.email = l.q.citizen_email.clone();
    }
    let op = Operation::begin(scope, acting).await?;
    // The transition first: a lost race leaves no booking behind.
    let step = Step {
        t: Transition::ConvertToAppointment,
        next,
        changes: Changes::new(),
        note: Some(reason),
        detail: json!({ "office": office.code }),
        at: now,
    };
    write_transition(&op, &l, step).await?;
    let appointment = crate::appointments::service::book_at(&op, scope, acting, &office, booking).await?;
    quesito::Entity::update_many()
        .col_expr(quesito::Column::AppointmentId, sea_orm::sea_query::Expr::value(appointment.id))
        .filter(quesito::Column::Id.eq(id))
        .exec(&op)
        .await?;
    let q = reload(&op, id).await?;
    op.commit().await?;
    Ok(q)
}

/// Cancels a NEW or IN_PROGRESS quesito (its CRIC, or the CCM that filed it).
pub async fn cancel(scope: &Scope, id: QuesitoId, reason: &str, now: DateTime<Utc>) -> AppResult<quesito::Model> {
    let reason = text_field("reason", reason, limits::REASON_MIN, limits::REASON_MAX)?;
    let (l, acting, next) = prepare(scope, id, Transition::Cancel).await?;
    let changes = Changes::new().set(quesito::Column::CancelReason, Some(reason.clone()));
    let op = Operation::begin(scope, acting).await?;
    let step = Step { t: Transition::Cancel, next, changes, note: Some(reason), detail: json!({}), at: now };
    write_transition(&op, &l, step).await?;
    let q = reload(&op, id).await?;
    op.commit().await?;
    Ok(q)
}

/// Audits a search of quesiti by a citizen's fiscal code (a read of personal
/// data), as the role and unit the caller reads quesiti under, so the auditors
/// and directors of that unit see it.
pub async fn audit_lookup(scope: &Scope, fiscal_code: &str) -> AppResult<()> {
    let acting = scope
        .principal()
        .assignments
        .iter()
        .filter_map(|a| a.unit_path())
        .find_map(|path| scope.authorize(Action::QuesitoRead, path).ok());
    let actor = match acting {
        Some(a) => Actor::acting_as(scope.principal(), a),
        None => Actor::from_principal(scope.principal()),
    };
    audit::record(
        scope.db(),
        &actor,
        AuditRecord::new("quesito.lookup_by_fiscal_code").record("citizen", fiscal_code),
        scope.request_id(),
    )
    .await
}

/// The assignment under which the caller sees the citizen's fiscal code,
/// phone and e-mail on this quesito (`paths`: its CRIC, the filing CCM, the
/// directorate it was forwarded to), if any. Each read is audited under it.
pub fn contact_grant<'s>(scope: &'s Scope, q: &quesito::Model, paths: &[String]) -> Option<&'s Assignment> {
    paths.iter().find_map(|p| scope.authorize_in_section(Action::QuesitoReadContact, p, q.section.as_str()).ok())
}

/// The assignment under which the caller reads this quesito at all (for
/// auditing a look-up by the citizen's fiscal code that returned it).
pub fn read_grant<'s>(scope: &'s Scope, q: &quesito::Model, paths: &[String]) -> Option<&'s Assignment> {
    paths.iter().find_map(|p| scope.authorize_in_section(Action::QuesitoRead, p, q.section.as_str()).ok())
}

// ---- configuration: classifications and SLA ---------------------------------

/// The SLA of a section for quesiti to one region's CRIC.
pub struct SectionSla {
    pub section: Section,
    pub working_days: i32,
    /// Code of the unit whose setting applies; `None` for the built-in default.
    pub configured_on: Option<String>,
}

/// The SLA of each section for quesiti to the CRIC of `region_code`.
pub async fn slas(scope: &Scope, region_code: &str) -> AppResult<Vec<SectionSla>> {
    let actions = [Action::QuesitoFile, Action::QuesitoRead, Action::QuesitoConfigure];
    let Some(cric) = store::cric_of_region(scope, region_code.trim(), &actions).await? else {
        return Err(AppError::not_found("Direzione regionale non trovata", "Regional directorate not found"));
    };
    let mut out = Vec::new();
    for &section in Section::ALL {
        let configured = store::sla_override(scope.db(), &cric.path, section).await?;
        let configured_on = match &configured {
            Some((row, _)) => store::unit_code(scope.db(), row.unit_id).await?,
            None => None,
        };
        let working_days =
            configured.as_ref().map_or(section.default_sla_working_days() as i32, |(row, _)| row.working_days);
        out.push(SectionSla { section, working_days, configured_on });
    }
    Ok(out)
}

pub struct NewClassification {
    pub unit_code: String,
    pub section: Section,
    pub code: String,
    pub label: String,
}

fn owner_kind_ok(unit: &org_unit::Model) -> bool {
    matches!(unit.kind, crate::org::domain::UnitKind::National | crate::org::domain::UnitKind::RegionalDirectorate)
}

/// A unit that may own classifications and SLA settings, managed by the caller.
async fn config_owner<'a>(scope: &'a Scope, unit_code: &str) -> AppResult<(org_unit::Model, &'a Assignment)> {
    if scope.units_for(Action::QuesitoConfigure).is_nowhere() {
        return Err(AppError::forbidden(
            "Solo amministratori e direttori regionali configurano i quesiti",
            "Only administrators and regional directors configure quesiti",
        ));
    }
    let unit = crate::org::store::by_code(scope, unit_code.trim())
        .await?
        .ok_or_else(|| crate::kernel::messages::unknown_unit("unitCode"))?;
    if !owner_kind_ok(&unit) {
        return Err(AppError::bad_input(
            "unitCode",
            "Classificazioni e tempi si configurano sulla radice nazionale o su una Direzione regionale",
            "Classifications and SLA are configured on a national root or a regional directorate",
        ));
    }
    let acting = scope.authorize(Action::QuesitoConfigure, &unit.path)?;
    Ok((unit, acting))
}

pub async fn create_classification(
    scope: &Scope,
    input: NewClassification,
) -> AppResult<quesito_classification::Model> {
    let code = input.code.trim().to_owned();
    if !domain::valid_classification_code(&code) {
        return Err(AppError::bad_input(
            "code",
            "Codice non valido: lettere maiuscole, cifre e _ (al massimo 40)",
            "Invalid code: upper-case letters, digits and _ (at most 40)",
        ));
    }
    let label = text_field("label", &input.label, 1, limits::CLASSIFICATION_LABEL_MAX)?;
    let (unit, acting) = config_owner(scope, &input.unit_code).await?;
    let now = Utc::now();
    let model = quesito_classification::Model {
        id: Uuid::now_v7(),
        unit_id: unit.id,
        section: input.section,
        code,
        label,
        active: true,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let op = Operation::begin(scope, acting).await?;
    let inserted = quesito_classification::Entity::insert(quesito_classification::ActiveModel {
        id: Set(model.id),
        unit_id: Set(model.unit_id),
        section: Set(model.section),
        code: Set(model.code.clone()),
        label: Set(model.label.clone()),
        active: Set(true),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec(&op)
    .await;
    if let Err(err) = inserted {
        return Err(match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => AppError::conflict(
                "Esiste già una classificazione con questo codice",
                "A classification with this code already exists",
            ),
            _ => err.into(),
        });
    }
    op.audit(
        AuditRecord::new("quesito_classification.create")
            .record("quesito_classification", model.id.to_string())
            .unit(unit.id)
            .detail(json!({ "section": model.section.as_str(), "code": model.code })),
    )
    .await?;
    op.commit().await?;
    Ok(model)
}

pub async fn update_classification(
    scope: &Scope,
    id: ClassificationId,
    label: Option<String>,
    active: Option<bool>,
) -> AppResult<quesito_classification::Model> {
    let label = label.map(|l| text_field("label", &l, 1, limits::CLASSIFICATION_LABEL_MAX)).transpose()?;
    let current = store::managed_classification(scope, id.uuid())
        .await?
        .ok_or_else(|| AppError::not_found("Classificazione non trovata", "Classification not found"))?;
    let unit = crate::org::store::by_ids(scope, &[current.unit_id])
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| AppError::not_found("Classificazione non trovata", "Classification not found"))?;
    let acting = scope.authorize(Action::QuesitoConfigure, &unit.path)?;
    let op = Operation::begin(scope, acting).await?;
    let mut changes = Changes::new();
    if let Some(label) = &label {
        changes = changes.set(quesito_classification::Column::Label, label.clone());
    }
    if let Some(active) = active {
        changes = changes.set(quesito_classification::Column::Active, active);
    }
    update_versioned::<quesito_classification::Entity>(&op, id, current.version, changes).await?;
    op.audit(
        AuditRecord::new("quesito_classification.update")
            .record("quesito_classification", id.to_string())
            .unit(current.unit_id)
            .detail(json!({ "label": label, "active": active })),
    )
    .await?;
    let updated = quesito_classification::Entity::find_by_id(id)
        .one(&op)
        .await?
        .ok_or_else(|| AppError::not_found("Classificazione non trovata", "Classification not found"))?;
    op.commit().await?;
    Ok(updated)
}

/// Sets the working days of a section's SLA for a national root or a region.
pub async fn set_sla(
    scope: &Scope,
    unit_code: &str,
    section: Section,
    working_days: i32,
) -> AppResult<quesito_sla::Model> {
    if !(1..=limits::SLA_MAX_WORKING_DAYS as i32).contains(&working_days) {
        return Err(AppError::bad_input(
            "workingDays",
            format!("I giorni lavorativi devono essere tra 1 e {}", limits::SLA_MAX_WORKING_DAYS),
            format!("Working days must be between 1 and {}", limits::SLA_MAX_WORKING_DAYS),
        ));
    }
    let (unit, acting) = config_owner(scope, unit_code).await?;
    let op = Operation::begin(scope, acting).await?;
    let existing = store::sla_of_unit(&op, unit.id, section).await?;
    let id = match &existing {
        Some(row) => {
            let changes = Changes::new().set(quesito_sla::Column::WorkingDays, working_days);
            update_versioned::<quesito_sla::Entity>(&op, row.id, row.version, changes).await?;
            row.id
        }
        None => {
            let id = Uuid::now_v7();
            quesito_sla::Entity::insert(quesito_sla::ActiveModel {
                id: Set(id),
                unit_id: Set(unit.id),
                section: Set(section),
                working_days: Set(working_days),
                version: Set(1),
                updated_at: Set(Utc::now()),
            })
            .exec(&op)
            .await?;
            id
        }
    };
    op.audit(
        AuditRecord::new("quesito_sla.set")
            .record("quesito_sla", id.to_string())
            .unit(unit.id)
            .detail(json!({ "section": section.as_str(), "workingDays": working_days })),
    )
    .await?;
    let row =
        quesito_sla::Entity::find_by_id(id).one(&op).await?.ok_or_else(|| AppError::internal("SLA row vanished"))?;
    op.commit().await?;
    Ok(row)
}
