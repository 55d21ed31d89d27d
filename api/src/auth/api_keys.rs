//! Partner API keys: long-lived bearer tokens a person creates for their own
//! software. A key is shown once, stored only as its SHA-256, recognisable by
//! its prefix (so leaked keys can be found by secret scanners), and acts as its
//! person with [`AuthMethod::ApiKey`]: read-only, limited to
//! [`crate::auth::API_KEY_ACTIONS`] and rate-limited per key.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use entities::api_key::{self, ApiKeyKind};

use crate::auth::service::load_principal;
use crate::auth::{AuthMethod, Principal, hash_token, new_token};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Every API key starts with this (session tokens with `acc_s_`).
pub const API_KEY_PREFIX: &str = "acc_pk_";
/// Most live keys one person may hold.
pub const MAX_KEYS_PER_PERSON: u64 = 10;
/// `last_used_at` is refreshed at most this often, so using a key costs no write per request.
pub const LAST_USED_RESOLUTION: Duration = Duration::from_secs(5 * 60);
/// Characters of the key kept in clear (`hint`) so its owner can tell keys apart.
pub const HINT_LEN: usize = API_KEY_PREFIX.len() + 4;

/// A key just created: the secret (shown once) and its stored row.
pub struct CreatedKey {
    pub secret: String,
    pub key: api_key::Model,
}

/// Validates a key's name: 1–100 characters.
pub fn parse_name(name: &str) -> AppResult<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::bad_input(
            "name",
            "Dai un nome alla chiave (al massimo 100 caratteri)",
            "Give the key a name (at most 100 characters)",
        ));
    }
    Ok(name.to_owned())
}

pub async fn create(
    conn: &impl ConnectionTrait,
    person_id: Uuid,
    name: String,
    now: DateTime<Utc>,
) -> AppResult<CreatedKey> {
    let secret = new_token(API_KEY_PREFIX)?;
    let key = api_key::Model {
        id: Uuid::now_v7(),
        person_id,
        name,
        token_hash: hash_token(&secret),
        hint: format!("{}…", &secret[..HINT_LEN]),
        created_at: now,
        last_used_at: None,
        revoked_at: None,
        kind: ApiKeyKind::Partner,
        unit_id: None,
    };
    // Inserted first, counted after (the caller's transaction rolls back when refused):
    // on SQLite a transaction must write before it reads to wait for its turn.
    api_key::Entity::insert(api_key::ActiveModel::from(key.clone())).exec_without_returning(conn).await?;
    let live = api_key::Entity::find()
        .filter(api_key::Column::PersonId.eq(person_id))
        .filter(api_key::Column::Kind.eq(ApiKeyKind::Partner.as_str()))
        .filter(api_key::Column::RevokedAt.is_null())
        .count(conn)
        .await?;
    if live > MAX_KEYS_PER_PERSON {
        return Err(AppError::conflict(
            format!("Hai già {MAX_KEYS_PER_PERSON} chiavi attive: revocane una prima di crearne un'altra"),
            format!("You already have {MAX_KEYS_PER_PERSON} live keys: revoke one before creating another"),
        ));
    }
    Ok(CreatedKey { secret, key })
}

/// The person's keys (revoked ones too), newest first.
pub async fn list_own(conn: &impl ConnectionTrait, person_id: Uuid) -> AppResult<Vec<api_key::Model>> {
    Ok(api_key::Entity::find()
        .filter(api_key::Column::PersonId.eq(person_id))
        .filter(api_key::Column::Kind.eq(ApiKeyKind::Partner.as_str()))
        .order_by_desc(api_key::Column::Id)
        .all(conn)
        .await?)
}

pub async fn own(conn: &impl ConnectionTrait, person_id: Uuid, id: Uuid) -> AppResult<Option<api_key::Model>> {
    Ok(api_key::Entity::find_by_id(id)
        .filter(api_key::Column::PersonId.eq(person_id))
        .filter(api_key::Column::Kind.eq(ApiKeyKind::Partner.as_str()))
        .one(conn)
        .await?)
}

/// Revokes one of the person's keys; from the next request on it is unknown.
pub async fn revoke(conn: &impl ConnectionTrait, person_id: Uuid, id: Uuid, now: DateTime<Utc>) -> AppResult<bool> {
    let result = api_key::Entity::update_many()
        .col_expr(api_key::Column::RevokedAt, Expr::value(now))
        .filter(api_key::Column::Id.eq(id))
        .filter(api_key::Column::PersonId.eq(person_id))
        .filter(api_key::Column::Kind.eq(ApiKeyKind::Partner.as_str()))
        .filter(api_key::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected > 0)
}

/// The principal behind a live key: its person, marked as acting through the key.
pub async fn principal_for_key(state: &AppState, secret: &str) -> AppResult<Option<Principal>> {
    let Some(key) = api_key::Entity::find()
        .filter(api_key::Column::TokenHash.eq(hash_token(secret)))
        .filter(api_key::Column::Kind.eq(ApiKeyKind::Partner.as_str()))
        .filter(api_key::Column::RevokedAt.is_null())
        .one(&state.db)
        .await?
    else {
        return Ok(None);
    };
    let now = Utc::now();
    let stale =
        key.last_used_at.is_none_or(|t| now.signed_duration_since(t).to_std().is_ok_and(|d| d >= LAST_USED_RESOLUTION));
    if stale {
        api_key::Entity::update_many()
            .col_expr(api_key::Column::LastUsedAt, Expr::value(now))
            .filter(api_key::Column::Id.eq(key.id))
            .exec(&state.db)
            .await?;
    }
    Ok(load_principal(&state.db, key.person_id)
        .await?
        .map(|p| Principal { via: AuthMethod::ApiKey { key_id: key.id }, ..p }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_recognisable_and_differ_from_session_tokens() {
        let key = new_token(API_KEY_PREFIX).unwrap();
        assert!(key.starts_with("acc_pk_"));
        assert!(!key.starts_with(crate::auth::TOKEN_PREFIX));
        assert!(key.len() > 40);
    }

    #[test]
    fn a_key_name_is_required_and_bounded() {
        assert!(parse_name("  ").is_err());
        assert!(parse_name(&"x".repeat(101)).is_err());
        assert_eq!(parse_name(" Gestionale studio ").unwrap(), "Gestionale studio");
    }
}
