//! The erasing statements, one per kind of record. Each takes the rows to
//! erase (past retention, or one citizen's) and overwrites only personal
//! columns, so every row, status, date and outcome that monitoring counts
//! stays as it was. A NULL stays NULL (some figures count what was filled in);
//! a value becomes [`ERASED`]. Rows already erased are left alone, so a pass
//! can be repeated and its counts say what it changed.

use sea_orm::sea_query::{Expr, IntoCondition, SimpleExpr};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use entities::outbox_message::Status as OutboxStatus;
use entities::{alert, appointment, audit_event, callback_request, ccm_contact, follow_up, outbox_message, quesito};
use entities::{quesito_event, quesito_event::Column as QE};

use super::domain::ERASED;
use crate::error::AppResult;

/// `[cancellato]` where the column had a value, NULL where it had none.
fn erased_unless_null(column: &str) -> SimpleExpr {
    Expr::cust(format!("CASE WHEN {column} IS NULL THEN NULL ELSE '{ERASED}' END"))
}

fn none() -> SimpleExpr {
    Expr::value(Option::<String>::None)
}

pub async fn erase_bookings(conn: &impl ConnectionTrait, rows: impl IntoCondition) -> AppResult<u64> {
    use appointment::Column as A;
    let res = appointment::Entity::update_many()
        .col_expr(A::FiscalCode, Expr::value(ERASED))
        .col_expr(A::CitizenName, Expr::value(ERASED))
        .col_expr(A::Phone, none())
        .col_expr(A::Email, none())
        .col_expr(A::CitizenReply, erased_unless_null("citizen_reply"))
        .col_expr(A::PrecallNote, erased_unless_null("precall_note"))
        .filter(rows)
        .filter(A::FiscalCode.ne(ERASED))
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}

pub async fn erase_follow_ups(conn: &impl ConnectionTrait, rows: impl IntoCondition) -> AppResult<u64> {
    use follow_up::Column as F;
    let res = follow_up::Entity::update_many()
        .col_expr(F::CitizenFiscalCode, Expr::value(ERASED))
        .col_expr(F::CitizenName, Expr::value(ERASED))
        .col_expr(F::Outcome, erased_unless_null("outcome"))
        .filter(rows)
        .filter(F::CitizenFiscalCode.ne(ERASED))
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}

pub async fn erase_contacts(conn: &impl ConnectionTrait, rows: impl IntoCondition) -> AppResult<u64> {
    use ccm_contact::Column as C;
    let res = ccm_contact::Entity::update_many()
        .col_expr(C::CitizenFiscalCode, erased_unless_null("citizen_fiscal_code"))
        .col_expr(C::Note, erased_unless_null("note"))
        .filter(rows)
        .filter(Condition::any().add(C::CitizenFiscalCode.ne(ERASED)).add(C::Note.ne(ERASED)))
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}

/// Quesiti and the notes of their events (which may quote the citizen).
pub async fn erase_quesiti(conn: &impl ConnectionTrait, rows: impl IntoCondition) -> AppResult<(u64, u64)> {
    use quesito::Column as Q;
    let ids: Vec<uuid::Uuid> = quesito::Entity::find()
        .select_only()
        .column(Q::Id)
        .filter(rows)
        .filter(Q::CitizenFiscalCode.ne(ERASED))
        .into_tuple()
        .all(conn)
        .await?;
    let (mut quesiti, mut notes) = (0, 0);
    // In chunks: a statement's parameters are limited (SQLite 32766, PostgreSQL 65535).
    for chunk in ids.chunks(1000) {
        let res = quesito::Entity::update_many()
            .col_expr(Q::CitizenFiscalCode, Expr::value(ERASED))
            .col_expr(Q::CitizenPhone, none())
            .col_expr(Q::CitizenEmail, none())
            .col_expr(Q::Subject, Expr::value(ERASED))
            .col_expr(Q::Question, Expr::value(ERASED))
            .col_expr(Q::Answer, erased_unless_null("answer"))
            .col_expr(Q::WaitingRequest, erased_unless_null("waiting_request"))
            .col_expr(Q::CitizenReply, erased_unless_null("citizen_reply"))
            .filter(Q::Id.is_in(chunk.to_vec()))
            .exec(conn)
            .await?;
        quesiti += res.rows_affected;
        let res = quesito_event::Entity::update_many()
            .col_expr(QE::Note, Expr::value(ERASED))
            .filter(QE::QuesitoId.is_in(chunk.to_vec()))
            .filter(QE::Note.is_not_null())
            .filter(QE::Note.ne(ERASED))
            .exec(conn)
            .await?;
        notes += res.rows_affected;
    }
    Ok((quesiti, notes))
}

pub async fn erase_callbacks(conn: &impl ConnectionTrait, rows: impl IntoCondition) -> AppResult<u64> {
    use callback_request::Column as CB;
    let res = callback_request::Entity::update_many()
        .col_expr(CB::Phone, Expr::value(ERASED))
        .col_expr(CB::Note, erased_unless_null("note"))
        .filter(rows)
        .filter(CB::Phone.ne(ERASED))
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}

/// Messages no longer to send: recipient, copy, subject, body and attachment
/// (a report's CSV names staff, and could hold more one day). A message
/// still waiting is left to be sent (or withdrawn by its module).
pub async fn erase_outbox_messages(conn: &impl ConnectionTrait, rows: impl IntoCondition) -> AppResult<u64> {
    use outbox_message::Column as M;
    let done = [OutboxStatus::Sent, OutboxStatus::Failed, OutboxStatus::Cancelled].map(|s| s.as_str());
    let res = outbox_message::Entity::update_many()
        .col_expr(M::Recipient, Expr::value(ERASED))
        .col_expr(M::Cc, none())
        .col_expr(M::Subject, erased_unless_null("subject"))
        .col_expr(M::Body, Expr::value(ERASED))
        .col_expr(M::Attachment, none())
        .col_expr(M::SigningSecret, none())
        .filter(rows)
        .filter(M::Status.is_in(done))
        .filter(M::Recipient.ne(ERASED))
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}

/// The audit trail's searches by fiscal code keep who searched, when and what
/// kind of search, not the fiscal code searched for.
pub async fn erase_audited_searches(conn: &impl ConnectionTrait, rows: impl IntoCondition) -> AppResult<u64> {
    use audit_event::Column as E;
    let res = audit_event::Entity::update_many()
        .col_expr(E::RecordId, Expr::value(ERASED))
        .filter(rows)
        .filter(E::RecordType.is_in(CITIZEN_RECORD_TYPES))
        .filter(E::RecordId.ne(ERASED))
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}

/// The audit record types whose record id is a citizen's fiscal code.
pub const CITIZEN_RECORD_TYPES: [&str; 2] = ["citizen", "client"];

/// The e-mail addresses a citizen gave in their bookings and quesiti (to find the messages sent to them).
pub async fn emails_of(conn: &impl ConnectionTrait, fiscal_code: &str) -> AppResult<Vec<String>> {
    let mut emails: Vec<String> = appointment::Entity::find()
        .select_only()
        .column(appointment::Column::Email)
        .filter(appointment::Column::FiscalCode.eq(fiscal_code))
        .filter(appointment::Column::Email.is_not_null())
        .into_tuple::<Option<String>>()
        .all(conn)
        .await?
        .into_iter()
        .flatten()
        .collect();
    let from_quesiti = quesito::Entity::find()
        .select_only()
        .column(quesito::Column::CitizenEmail)
        .filter(quesito::Column::CitizenFiscalCode.eq(fiscal_code))
        .filter(quesito::Column::CitizenEmail.is_not_null())
        .into_tuple::<Option<String>>()
        .all(conn)
        .await?;
    emails.extend(from_quesiti.into_iter().flatten());
    emails.sort();
    emails.dedup();
    Ok(emails)
}

/// Deletes the alerts raised before `before` (past `RETENTION_ALERTS_DAYS`).
/// Read marks need nothing: a person's mark is one instant up to which they
/// read (`alert_read`), not a row per alert, so what is unread among the
/// alerts kept stays what it was.
pub async fn delete_alerts(conn: &impl ConnectionTrait, before: chrono::DateTime<chrono::Utc>) -> AppResult<u64> {
    let res = alert::Entity::delete_many().filter(alert::Column::CreatedAt.lt(before)).exec(conn).await?;
    Ok(res.rows_affected)
}
