//! Reviewing self-registrations (issue 17 item 4): the e-mail that tells the
//! professional the outcome (approved, or rejected with the administrator's
//! reason), and closing a rejected account. Used by
//! [`super::operations::verify_professional`] and `reject_professional`.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use entities::{person, professional};

use crate::error::AppResult;
use crate::outbox::NewMessage;

/// Longest rejection reason (its column).
pub const MAX_REASON_CHARS: usize = 500;

pub enum Outcome<'a> {
    Approved,
    Rejected { reason: &'a str },
}

/// The outcome e-mail to the professional's address, or `None` when their
/// person has none (registrations by an administrator may lack one).
pub async fn outcome_email(
    conn: &impl ConnectionTrait,
    p: &professional::Model,
    outcome: Outcome<'_>,
) -> AppResult<Option<NewMessage>> {
    let Some(to) = person::Entity::find_by_id(p.person_id).one(conn).await?.and_then(|person| person.email) else {
        return Ok(None);
    };
    let (key, subject, body) = match outcome {
        Outcome::Approved => (
            "approved",
            "Registrazione verificata",
            format!(
                "Gentile {name},\n\nla tua registrazione come professionista è stata verificata.\n\
                 Puoi ora dichiarare procure e usare i servizi per i professionisti.",
                name = p.name
            ),
        ),
        Outcome::Rejected { reason } => (
            "rejected",
            "Registrazione non accolta",
            format!(
                "Gentile {name},\n\nla tua registrazione come professionista non è stata accolta, per questo motivo:\n\n\
                 {reason}\n\nL'account è stato disattivato. Se ritieni che si tratti di un errore, \
                 registrati di nuovo con i dati corretti o contatta l'ufficio.",
                name = p.name
            ),
        ),
    };
    Ok(Some(NewMessage::email(format!("professional:{}:{key}", p.id), to, subject, body).event(match key {
        "approved" => "professional.verified",
        _ => "professional.rejected",
    })))
}

/// A rejected registration's account can no longer sign in.
pub async fn deactivate_account(conn: &impl ConnectionTrait, person_id: Uuid) -> AppResult<()> {
    person::Entity::update_many()
        .col_expr(person::Column::Active, Expr::value(false))
        .filter(person::Column::Id.eq(person_id))
        .exec(conn)
        .await?;
    Ok(())
}
