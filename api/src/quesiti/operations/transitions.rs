//! The life-cycle transitions of a quesito: take, answer, forward, convert to an appointment, cancel.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use entities::{org_unit, quesito};

use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::faq;
use crate::kernel::Operation;
use crate::kernel::ids::QuesitoId;
use crate::kernel::versioned::Changes;
use crate::outbox::NewMessage;
use crate::quesiti::domain::{QuesitoStatus, Transition, limits};
use crate::quesiti::forwarding::{ForwardTarget, forward_target};
use crate::quesiti::store::{self};
use crate::tenancy::Scope;
use crate::validation::text_field;

use super::{Step, prepare, reload, write_transition};

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
        scope.authorize_in_section(Action::FaqWrite, &owner.path, l.section)?;
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
    let dc = competent_directorate(scope, &l.q, &l.cric.path).await?;
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

/// The central directorate a quesito is forwarded to: the one competent for
/// its classification, otherwise the national root's first ([`forward_target`]).
async fn competent_directorate(scope: &Scope, q: &quesito::Model, cric_path: &str) -> AppResult<org_unit::Model> {
    let competent = store::competent_directorate_of(scope.db(), q.classification_id).await?;
    let reachable = store::forwarding_directorates(scope).await?;
    match forward_target(competent, &reachable, cric_path) {
        ForwardTarget::To(unit) => Ok(unit.clone()),
        ForwardTarget::CompetentOutOfReach => Err(AppError::forbidden(
            "La Direzione centrale competente per questa classificazione non è tra quelle a cui puoi inoltrare",
            "The central directorate competent for this classification is not one you may forward to",
        )),
        ForwardTarget::NoneConfigured => {
            Err(AppError::not_found("Nessuna Direzione centrale configurata", "No central directorate is configured"))
        }
    }
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
    let appointment = crate::appointments::service::book_at(&op, scope, acting, &office, booking, now).await?;
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
