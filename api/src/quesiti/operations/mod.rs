//! The operations on quesiti, transport-free: validate first, authorise, then
//! write everything (row, event, audit, links, outbox message) in one
//! transaction through the kernel's write path. One file per group of
//! mutations: [`filing`], [`transitions`] (take, answer, forward, convert,
//! cancel), [`waiting`] (ask the citizen, their reply, release) and
//! [`config`] (classifications and SLA); the reads they share are in
//! [`super::queries`]. The helpers below are the life cycle's write path.

pub mod config;
pub mod filing;
pub mod transitions;
pub mod waiting;

pub use config::*;
pub use filing::*;
pub use transitions::*;
pub use waiting::*;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde_json::json;

use entities::quesito;

use crate::audit::AuditRecord;
use crate::auth::Assignment;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::ids::QuesitoId;
use crate::kernel::messages::quesito_not_found;
use crate::kernel::versioned::{Changes, update_versioned};
use crate::quesiti::domain::{Lifecycle, QuesitoStatus, Transition};
use crate::quesiti::store::{self, NewEvent};
use crate::tenancy::Scope;

use super::queries::{Loaded, load};

fn illegal(t: Transition, status: QuesitoStatus) -> AppError {
    let (it, en) = t.names();
    AppError::conflict(
        format!("Non è possibile {it} un quesito nello stato {}", status.as_str()),
        format!("Cannot {en} a quesito in status {}", status.as_str()),
    )
}

/// Who may do `t` on this quesito: experts of its CRIC (of its section);
/// once forwarded, the central directorate's experts answer it; the filing
/// CCM may also cancel, and records the citizen's reply as it records their
/// contacts (`ccm:contact`).
fn authorize<'a>(scope: &'a Scope, l: &Loaded, t: Transition) -> AppResult<&'a Assignment> {
    let section = l.section;
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
        Transition::CitizenReplied => {
            scope.authorize_in_section(Action::QuesitoWork, &l.cric.path, section).or_else(|err| match &l.filed_by {
                Some(ccm) => scope.authorize_in_section(Action::ContactRecord, &ccm.path, section),
                None => Err(err),
            })
        }
        _ => scope.authorize_in_section(Action::QuesitoWork, &l.cric.path, section),
    }
}

/// Continuity: what only the expert holding the quesito may do.
fn not_the_holder(t: Transition) -> AppError {
    let (it, en) = match t {
        Transition::Release => ("rilasciarlo", "release it"),
        _ => ("metterlo in attesa del cittadino", "put it waiting for the citizen"),
    };
    AppError::forbidden(
        format!("Solo l'esperto che ha in carico il quesito può {it}"),
        format!("Only the expert holding the quesito may {en}"),
    )
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
    if t.needs_holder(l.status) && l.q.taken_by_id != Some(scope.person_id()) {
        return Err(not_the_holder(t));
    }
    Ok((l, acting, next))
}
