//! The IVR intake (issue 14, item 8; docs/callbacks.md): a telephony system
//! such as Genesys files a callback request when a caller asks to be called
//! back, with an API key of kind `IVR` that an admin created for one
//! provincial directorate. The key files requests for that DP and the offices
//! under it only (any other unit: `FORBIDDEN`); the same call id filed twice
//! gives one request (a unique index backs the check); each key is
//! rate-limited like a partner app's ([`IVR_QUOTA`]).
//!
//! An IVR key is no person: it acts for its DP alone. Its writes run with a
//! row-level-security reach limited to the DP's subtree, and its audit events
//! name the key (`ivr:<name>`, role `IVR`).

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, SqlErr,
};
use serde_json::json;
use uuid::Uuid;

use entities::api_key::{self, ApiKeyKind};
use entities::{callback_request, org_unit};

use super::domain::CallbackStatus;
use super::store;
use crate::audit::{Actor, AuditRecord};
use crate::auth::api_keys::LAST_USED_RESOLUTION;
use crate::auth::{hash_token, new_token};
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::reach::{Reach, SETTINGS, TableReach};
use crate::org::domain::UnitKind;
use crate::ratelimit::Quota;
use crate::tenancy::Scope;

/// Every IVR key starts with this (partner keys with `acc_pk_`).
pub const IVR_KEY_PREFIX: &str = "acc_ivr_";
/// Characters of an IVR key kept in clear, so admins can tell keys apart.
const HINT_LEN: usize = IVR_KEY_PREFIX.len() + 4;
/// Per key: 120 calls a minute, all of them at once if need be (a DP's peak
/// of abandoned calls), then two a second.
pub const IVR_QUOTA: Quota = Quota { limit: 120, period: Duration::from_secs(60) };
/// Most live IVR keys one DP may hold (one per telephony installation, and a spare for rotation).
pub const MAX_KEYS_PER_UNIT: u64 = 5;

/// A key just created: the secret (shown once) and its row.
pub struct CreatedIvrKey {
    pub secret: String,
    pub key: api_key::Model,
}

fn ivr_keys() -> sea_orm::Select<api_key::Entity> {
    api_key::Entity::find().filter(api_key::Column::Kind.eq(ApiKeyKind::Ivr.as_str()))
}

async fn directorate(scope: &Scope, code: &str) -> AppResult<org_unit::Model> {
    crate::org::store::by_code(scope, code.trim())
        .await?
        .filter(|u| u.kind == UnitKind::ProvincialDirectorate)
        .ok_or_else(|| {
            AppError::bad_input(
                "unitCode",
                "Le chiavi IVR si creano per una direzione provinciale",
                "IVR keys are created for a provincial directorate",
            )
        })
}

/// Creates an IVR key for a provincial directorate the admin manages.
pub async fn create_key(scope: &Scope, unit_code: &str, name: &str, now: DateTime<Utc>) -> AppResult<CreatedIvrKey> {
    let name = crate::auth::api_keys::parse_name(name)?;
    let unit = directorate(scope, unit_code).await?;
    let acting = scope.authorize(Action::CallbackIvrKeys, &unit.path)?;
    let secret = new_token(IVR_KEY_PREFIX)?;
    let key = api_key::Model {
        id: Uuid::now_v7(),
        person_id: scope.person_id(),
        name,
        token_hash: hash_token(&secret),
        hint: format!("{}…", &secret[..HINT_LEN]),
        created_at: now,
        last_used_at: None,
        revoked_at: None,
        kind: ApiKeyKind::Ivr,
        unit_id: Some(unit.id),
    };
    let op = Operation::begin(scope, acting).await?;
    // Inserted first, counted after: on SQLite a transaction writes before it reads.
    api_key::Entity::insert(api_key::ActiveModel::from(key.clone())).exec_without_returning(&op).await?;
    let live = sea_orm::PaginatorTrait::count(
        ivr_keys().filter(api_key::Column::UnitId.eq(unit.id)).filter(api_key::Column::RevokedAt.is_null()),
        &op,
    )
    .await?;
    if live > MAX_KEYS_PER_UNIT {
        return Err(AppError::conflict(
            format!("La direzione ha già {MAX_KEYS_PER_UNIT} chiavi IVR attive: revocane una prima"),
            format!("The directorate already has {MAX_KEYS_PER_UNIT} live IVR keys: revoke one first"),
        ));
    }
    op.audit(
        AuditRecord::new("callback.ivr_key.create")
            .record("api_key", key.id.to_string())
            .unit(unit.id)
            .detail(json!({ "name": key.name, "hint": key.hint })),
    )
    .await?;
    op.commit().await?;
    Ok(CreatedIvrKey { secret, key })
}

/// The IVR keys (revoked ones too) of the DPs the caller manages keys of, newest first.
pub async fn list_keys(
    scope: &Scope,
    unit_code: Option<&str>,
    after: Option<Uuid>,
    limit: u64,
) -> AppResult<Vec<api_key::Model>> {
    let units = scope.units_for(Action::CallbackIvrKeys);
    let mut query = ivr_keys().filter(units.unit_id_condition(Expr::col((api_key::Entity, api_key::Column::UnitId))));
    if let Some(code) = unit_code {
        let unit = directorate(scope, code).await?;
        query = query.filter(api_key::Column::UnitId.eq(unit.id));
    }
    if let Some(after) = after {
        query = query.filter(api_key::Column::Id.lt(after));
    }
    Ok(query.order_by_desc(api_key::Column::Id).limit(limit).all(scope.db()).await?)
}

/// Revokes an IVR key: from the next call on it is unknown (`UNAUTHENTICATED`).
pub async fn revoke_key(scope: &Scope, id: Uuid, now: DateTime<Utc>) -> AppResult<api_key::Model> {
    let not_found = || AppError::not_found("Chiave IVR non trovata", "IVR key not found");
    let units = scope.units_for(Action::CallbackIvrKeys);
    let key = ivr_keys()
        .filter(api_key::Column::Id.eq(id))
        .filter(units.unit_id_condition(Expr::col((api_key::Entity, api_key::Column::UnitId))))
        .one(scope.db())
        .await?
        .ok_or_else(not_found)?;
    let unit = crate::org::store::by_ids(scope, &[key.unit_id.unwrap_or_default()])
        .await?
        .into_iter()
        .next()
        .ok_or_else(not_found)?;
    let acting = scope.authorize(Action::CallbackIvrKeys, &unit.path)?;
    if key.revoked_at.is_some() {
        return Ok(key);
    }
    let op = Operation::begin(scope, acting).await?;
    api_key::Entity::update_many()
        .col_expr(api_key::Column::RevokedAt, Expr::value(now))
        .filter(api_key::Column::Id.eq(key.id))
        .exec(&op)
        .await?;
    op.audit(AuditRecord::new("callback.ivr_key.revoke").record("api_key", key.id.to_string()).unit(unit.id)).await?;
    op.commit().await?;
    Ok(api_key::Model { revoked_at: Some(now), ..key })
}

/// A telephony system, as its key proves: the key and the DP it files for.
pub struct IvrCaller {
    pub key: api_key::Model,
    pub unit: org_unit::Model,
}

impl IvrCaller {
    /// Who the audit trail says acted: the key, as role `IVR` on its DP.
    fn actor(&self) -> Actor {
        Actor {
            id: None,
            username: Some(format!("ivr:{}", self.key.name)),
            role: Some("IVR"),
            unit_id: Some(self.unit.id),
        }
    }

    /// Row-level security for the key's work: callback requests and audit
    /// events of its DP's subtree, nothing else.
    fn reach(&self) -> Reach {
        let tables = SETTINGS
            .iter()
            .map(|(setting, _)| match *setting {
                "accoglienza.callback" | "accoglienza.any" => {
                    TableReach { everywhere: false, prefixes: vec![self.unit.path.clone()], unowned: false }
                }
                _ => TableReach::default(),
            })
            .collect();
        Reach::from_tables(tables, self.key.id)
    }
}

/// The live IVR key behind `secret` and its DP; `None` when unknown or revoked.
/// Looks across every DP (it acts for nobody yet): run it under [`Reach::system`].
pub async fn authenticate(db: &DatabaseConnection, secret: &str) -> AppResult<Option<IvrCaller>> {
    if !secret.starts_with(IVR_KEY_PREFIX) {
        return Ok(None);
    }
    let Some(key) = ivr_keys()
        .filter(api_key::Column::TokenHash.eq(hash_token(secret)))
        .filter(api_key::Column::RevokedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(unit) = org_unit::Entity::find_by_id(key.unit_id.unwrap_or_default()).one(db).await? else {
        return Ok(None);
    };
    let now = Utc::now();
    if key.last_used_at.is_none_or(|t| (now - t).to_std().is_ok_and(|d| d >= LAST_USED_RESOLUTION)) {
        api_key::Entity::update_many()
            .col_expr(api_key::Column::LastUsedAt, Expr::value(now))
            .filter(api_key::Column::Id.eq(key.id))
            .exec(db)
            .await?;
    }
    Ok(Some(IvrCaller { key, unit }))
}

/// A call as the telephony system reports it.
pub struct IvrCall {
    /// The telephony system's id of the call (e.g. Genesys' conversation id).
    pub call_id: String,
    /// The DP or an office under it; default the key's DP.
    pub unit_code: Option<String>,
    pub phone: String,
    pub topic: String,
    /// When the caller asked; default now.
    pub requested_at: Option<DateTime<Utc>>,
}

/// What the intake did: the request, and whether this call created it.
pub struct Filed {
    pub callback: callback_request::Model,
    pub unit: org_unit::Model,
    pub created: bool,
}

/// A call id: 1–100 characters among letters, digits and `-_.:` (what
/// telephony systems use for conversation ids, UUIDs included).
pub fn check_call_id(raw: &str) -> AppResult<String> {
    let id = raw.trim();
    let valid =
        !id.is_empty() && id.len() <= 100 && id.chars().all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c));
    if !valid {
        return Err(AppError::bad_input(
            "callId",
            "Identificativo della chiamata obbligatorio: al più 100 caratteri tra lettere, cifre e - _ . :",
            "Call id required: at most 100 characters among letters, digits and - _ . :",
        ));
    }
    Ok(id.to_owned())
}

/// Files the callback request of a call (see the module's documentation).
pub async fn file(
    db: &DatabaseConnection,
    caller: &IvrCaller,
    now: DateTime<Utc>,
    call: IvrCall,
    request_id: &str,
) -> AppResult<Filed> {
    caller.reach().run(file_within_reach(db, caller, now, call, request_id)).await
}

async fn file_within_reach(
    db: &DatabaseConnection,
    caller: &IvrCaller,
    now: DateTime<Utc>,
    call: IvrCall,
    request_id: &str,
) -> AppResult<Filed> {
    let call_id = check_call_id(&call.call_id)?;
    let (phone, topic, requested_at) =
        super::operations::checked_request(&call.phone, &call.topic, call.requested_at, now)?;
    let unit = target_unit(db, caller, call.unit_code.as_deref()).await?;
    if let Some(existing) = already_filed(db, caller, &call_id).await? {
        return Ok(Filed { callback: existing, unit, created: false });
    }
    let calendar = crate::calendar::calendar_of(db, &unit).await?;
    let model = callback_request::Model {
        id: Uuid::now_v7(),
        unit_id: unit.id,
        phone,
        topic,
        requested_at,
        available_from: super::domain::available_from(&calendar, requested_at),
        status: CallbackStatus::Waiting,
        assignee_id: None,
        assigned_at: None,
        attempts: 0,
        last_attempt_at: None,
        outcome: None,
        note: None,
        requested_by_id: None,
        requested_by_unit_id: None,
        call_id: Some(call_id.clone()),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let txn = crate::kernel::write_txn::begin_write(db).await?;
    if let Err(err) = store::try_insert(&txn, &model).await {
        if !matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) {
            return Err(err.into());
        }
        txn.rollback().await?;
        // The same call filed at the same moment by a retry: the first one stands.
        return match already_filed(db, caller, &call_id).await? {
            Some(existing) => Ok(Filed { callback: existing, unit, created: false }),
            // On PostgreSQL another DP's row is outside this key's reach.
            None => Err(call_id_taken()),
        };
    }
    let record =
        AuditRecord::new("callback.request").record("callback", model.id.to_string()).unit(model.unit_id).detail(
            json!({ "via": "IVR", "keyId": caller.key.id, "callId": call_id, "availableFrom": model.available_from }),
        );
    crate::audit::record(&txn, &caller.actor(), record, Some(request_id)).await?;
    txn.commit().await?;
    Ok(Filed { callback: model, unit, created: true })
}

/// The request already filed for this call id, when it is of the key's DP;
/// another DP's request with the same id is a `CONFLICT` that shows nothing of it.
async fn already_filed(
    conn: &impl ConnectionTrait,
    caller: &IvrCaller,
    call_id: &str,
) -> AppResult<Option<callback_request::Model>> {
    let Some(existing) = store::by_call_id(conn, call_id).await? else { return Ok(None) };
    let unit = org_unit::Entity::find_by_id(existing.unit_id).one(conn).await?;
    match unit {
        Some(u) if u.path.starts_with(caller.unit.path.as_str()) => Ok(Some(existing)),
        _ => Err(call_id_taken()),
    }
}

/// The unit the call is for: the key's DP or an office under it; elsewhere `FORBIDDEN`.
async fn target_unit(
    conn: &impl ConnectionTrait,
    caller: &IvrCaller,
    unit_code: Option<&str>,
) -> AppResult<org_unit::Model> {
    let Some(code) = unit_code.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(caller.unit.clone());
    };
    let unit = org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq(code))
        .filter(
            org_unit::Column::Kind
                .is_in([UnitKind::ProvincialDirectorate.as_str(), UnitKind::TerritorialOffice.as_str()]),
        )
        .one(conn)
        .await?
        .ok_or_else(|| {
            AppError::bad_input(
                "unitCode",
                "Nessuna direzione provinciale o ufficio con questo codice",
                "No provincial directorate or office has this code",
            )
        })?;
    if !unit.path.starts_with(caller.unit.path.as_str()) {
        return Err(AppError::forbidden(
            format!("La chiave IVR è della {}: non registra richiamate per altre unità", caller.unit.name),
            format!("The IVR key belongs to {}: it files no callback for other units", caller.unit.name),
        ));
    }
    Ok(unit)
}

fn call_id_taken() -> AppError {
    AppError::conflict(
        "Questo identificativo di chiamata è già stato usato per un'altra unità",
        "This call id was already used for another unit",
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn call_ids_are_bounded_and_plain() {
        assert_eq!(check_call_id(" 3f2a-77:abc.1_x ").unwrap(), "3f2a-77:abc.1_x");
        assert!(check_call_id("").is_err());
        assert!(check_call_id("a b").is_err());
        assert!(check_call_id(&"x".repeat(101)).is_err());
        assert!(check_call_id("id'; DROP").is_err());
    }

    #[test]
    fn ivr_keys_are_told_apart_from_partner_keys() {
        let key = new_token(IVR_KEY_PREFIX).unwrap();
        assert!(key.starts_with("acc_ivr_"));
        assert!(!key.starts_with(crate::auth::api_keys::API_KEY_PREFIX));
    }
}
