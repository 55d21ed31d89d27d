//! Waiting for the citizen (issue 18 item 3) and giving a quesito back
//! (continuity, item 6): ask the citizen, record their reply, release.
//! The clock rules are in [`crate::quesiti::waiting`].

use chrono::{DateTime, Utc};
use serde_json::json;

use entities::quesito;

use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::ids::QuesitoId;
use crate::kernel::versioned::Changes;
use crate::quesiti::domain::{QuesitoStatus, Transition, limits};
use crate::quesiti::waiting;
use crate::tenancy::Scope;
use crate::validation::text_field;

use super::{Step, prepare, reload, write_transition};

/// The expert holding a quesito (or any expert of its CRIC and section, for
/// a NEW one, who then holds it) asks the citizen for information: it waits
/// for the citizen, its SLA clock paused, with what was asked.
pub async fn ask_citizen(scope: &Scope, id: QuesitoId, request: &str, now: DateTime<Utc>) -> AppResult<quesito::Model> {
    let request = text_field("request", request, limits::REASON_MIN, limits::REASON_MAX)?;
    let (l, acting, next) = prepare(scope, id, Transition::AskCitizen).await?;
    let mut changes = Changes::new()
        .set(quesito::Column::WaitingSince, Some(now))
        .set(quesito::Column::WaitingRequest, Some(request.clone()))
        .set(quesito::Column::CitizenReply, None::<String>);
    if l.status == QuesitoStatus::New {
        changes =
            changes.set(quesito::Column::TakenById, Some(scope.person_id())).set(quesito::Column::TakenAt, Some(now));
    }
    let op = Operation::begin(scope, acting).await?;
    let detail = json!({ "dueAt": l.q.due_at });
    let step = Step { t: Transition::AskCitizen, next, changes, note: Some(request), detail, at: now };
    write_transition(&op, &l, step).await?;
    let q = reload(&op, id).await?;
    op.commit().await?;
    Ok(q)
}

/// Records the citizen's reply to a quesito waiting for it (the CCM that
/// filed it, from a contact, or an expert of its CRIC): it is IN_PROGRESS
/// again with its holder, and its due date moves by the working days the
/// clock stood still (the CRIC's calendar).
pub async fn record_citizen_reply(
    scope: &Scope,
    id: QuesitoId,
    reply: &str,
    now: DateTime<Utc>,
) -> AppResult<quesito::Model> {
    let reply = text_field("reply", reply, 1, limits::REASON_MAX)?;
    let (l, acting, next) = prepare(scope, id, Transition::CitizenReplied).await?;
    let since = l.q.waiting_since.ok_or_else(|| AppError::internal("waiting without a start"))?;
    let calendar = crate::calendar::store::calendar_of(scope.db(), &l.cric).await?;
    let resumed = waiting::resume(&calendar, l.q.due_at, since, now);
    let days = i32::try_from(resumed.paused_working_days).unwrap_or(i32::MAX);
    let changes = Changes::new()
        .set(quesito::Column::WaitingSince, None::<DateTime<Utc>>)
        .set(quesito::Column::CitizenReply, Some(reply.clone()))
        .set(quesito::Column::PausedSeconds, l.q.paused_seconds.saturating_add(resumed.paused_seconds))
        .set(quesito::Column::PausedWorkingDays, l.q.paused_working_days.saturating_add(days))
        .set(quesito::Column::DueAt, resumed.due_at);
    let op = Operation::begin(scope, acting).await?;
    let detail = json!({
        "pausedWorkingDays": resumed.paused_working_days,
        "dueAtBefore": l.q.due_at,
        "dueAt": resumed.due_at,
    });
    let step = Step { t: Transition::CitizenReplied, next, changes, note: Some(reply), detail, at: now };
    write_transition(&op, &l, step).await?;
    let q = reload(&op, id).await?;
    op.commit().await?;
    Ok(q)
}

/// The expert holding an IN_PROGRESS quesito gives it back to the CRIC's
/// queue (NEW, held by nobody): until then nobody else takes it.
pub async fn release(scope: &Scope, id: QuesitoId, now: DateTime<Utc>) -> AppResult<quesito::Model> {
    let (l, acting, next) = prepare(scope, id, Transition::Release).await?;
    let changes = Changes::new()
        .set(quesito::Column::TakenById, None::<uuid::Uuid>)
        .set(quesito::Column::TakenAt, None::<DateTime<Utc>>)
        // Given back: no longer proposed to anyone in particular.
        .set(quesito::Column::ProposedToId, None::<uuid::Uuid>);
    let op = Operation::begin(scope, acting).await?;
    let step = Step { t: Transition::Release, next, changes, note: None, detail: json!({}), at: now };
    write_transition(&op, &l, step).await?;
    let q = reload(&op, id).await?;
    op.commit().await?;
    Ok(q)
}
