//! One-time links to choose a new password (issue 17 item 3).
//!
//! An admin or director never types a password for someone else when resetting
//! it: they issue a link ([`crate::people::operations::issue_password_reset`]),
//! sent through the outbox to the person's e-mail address. The link carries a
//! random token in its fragment (`/reimposta-password#<token>`: browsers do not
//! send fragments, so it stays out of access logs); only the token's SHA-256 is
//! stored. It works once, for [`RESET_LINK_TTL`], and a newer link voids the
//! older ones. Using it sets the password, lifts "must change password" and
//! ends every session of the person.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use entities::{password_reset, person};

use super::password::check_new_password;
use super::{account, hash_password, hash_token, new_token};
use crate::audit::{self, Actor, AuditRecord};
use crate::error::{AppError, AppResult};
use crate::outbox::NewMessage;
use crate::state::AppState;

/// How long a reset link works.
pub const RESET_LINK_TTL: Duration = Duration::from_secs(24 * 3600);
/// Reset tokens start with this, so a leaked one is recognisable.
pub const RESET_TOKEN_PREFIX: &str = "acc_r_";
/// The admin app's page that reads the token from the link's fragment.
pub const RESET_PAGE: &str = "/reimposta-password";

/// A link just issued: the token goes only into the e-mail.
pub struct IssuedLink {
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// Stores a new link for the person (voiding their unused ones) in `conn`,
/// the issuing operation's transaction.
pub async fn store_new_link(
    conn: &impl ConnectionTrait,
    person_id: Uuid,
    issued_by: Uuid,
    now: DateTime<Utc>,
) -> AppResult<IssuedLink> {
    password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Expr::value(now))
        .filter(password_reset::Column::PersonId.eq(person_id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    let token = new_token(RESET_TOKEN_PREFIX)?;
    let expires_at = now + chrono::Duration::from_std(RESET_LINK_TTL).map_err(AppError::internal)?;
    password_reset::Entity::insert(password_reset::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person_id),
        token_hash: Set(hash_token(&token)),
        issued_by_id: Set(Some(issued_by)),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
    })
    .exec_without_returning(conn)
    .await?;
    Ok(IssuedLink { token, expires_at })
}

/// The e-mail carrying the link.
pub fn link_email(public_url: &str, person: &person::Model, to: &str, link: &IssuedLink) -> NewMessage {
    let url = format!("{}{RESET_PAGE}#{}", public_url.trim_end_matches('/'), link.token);
    let until = link.expires_at.with_timezone(&chrono_tz::Europe::Rome).format("%d/%m/%Y alle %H:%M");
    let body = format!(
        "Gentile {name},\n\n\
         è stato chiesto di impostare una nuova password per il tuo account «{username}».\n\
         Apri questo collegamento e scegli la nuova password:\n\n{url}\n\n\
         Il collegamento vale una sola volta, fino al {until}.\n\
         Se non ti aspettavi questo messaggio, avvisa il tuo amministratore.",
        name = person.display_name,
        username = person.username,
    );
    NewMessage::email(format!("password-reset:{}", hash_token(&link.token)), to, "Imposta la tua nuova password", body)
        .event("person.password_reset")
}

fn link_not_valid() -> AppError {
    AppError::bad_input(
        "token",
        "Il collegamento non è valido, è già stato usato o è scaduto: chiedine uno nuovo",
        "The link is not valid, has already been used or has expired: ask for a new one",
    )
}

/// Sets a new password with a reset link's token. The link is used up in the
/// same transaction that sets the password, so two uses cannot both succeed.
pub async fn complete(state: &AppState, token: &str, new_password: &str, request_id: Option<&str>) -> AppResult<()> {
    check_new_password("newPassword", new_password)?;
    let token_hash = hash_token(token.trim());
    let now = Utc::now();
    // Checked before hashing the new password: a made-up token costs no hash.
    let Some(link) = password_reset::Entity::find()
        .filter(password_reset::Column::TokenHash.eq(&token_hash))
        .filter(password_reset::Column::UsedAt.is_null())
        .filter(password_reset::Column::ExpiresAt.gt(now))
        .one(&state.db)
        .await?
    else {
        return Err(link_not_valid());
    };
    let Some(person) =
        person::Entity::find_by_id(link.person_id).filter(person::Column::Active.eq(true)).one(&state.db).await?
    else {
        return Err(link_not_valid());
    };
    let new_hash = hash_password(new_password).await?;
    let txn = crate::kernel::write_txn::begin_write(&state.db).await?;
    let used = password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Expr::value(now))
        .filter(password_reset::Column::Id.eq(link.id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if used.rows_affected != 1 {
        txn.rollback().await?;
        return Err(link_not_valid());
    }
    person::Entity::update_many()
        .col_expr(person::Column::PasswordHash, Expr::value(new_hash))
        .col_expr(person::Column::MustChangePassword, Expr::value(false))
        .filter(person::Column::Id.eq(person.id))
        .exec(&txn)
        .await?;
    // Attributed to the person's home unit, like their sign-ins.
    let unit_id = super::service::home_unit_of_username(&txn, &person.username).await?;
    let actor = Actor { id: Some(person.id), username: Some(person.username.clone()), unit_id, ..Actor::default() };
    let record = AuditRecord::new("auth.password_reset").record("person", person.id.to_string());
    audit::record(&txn, &actor, record, request_id).await?;
    txn.commit().await?;
    account::access_changed(state, person.id, None).await?;
    Ok(())
}
