//! Registering professionals: by an administrator (verified at once), or by
//! the professional themself without signing in.
//!
//! Self-registration is open to anyone, so it must tell nobody whether a
//! username or a fiscal code exists: it answers the same receipt whether the
//! values were free or taken, and the outcome goes to the e-mail address
//! given. It is limited per client address and per target (username, fiscal
//! code, e-mail), counted only after the input has been checked, so invalid
//! attempts do not lock anybody out and one address cannot lock out the rest.

use std::net::IpAddr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::json;
use uuid::Uuid;

use entities::{person, professional, role_assignment};

use super::domain::{self, Albo, EntratelUserType};
use crate::audit::{self, Actor, AuditRecord};
use crate::auth::hash_password;
use crate::authz::Role;
use crate::error::{AppError, AppResult};
use crate::outbox::{self, NewMessage};
use crate::state::AppState;
use crate::validation::{email_field, fiscal_code_field};

/// Self-registrations accepted per client address per hour.
pub const PER_ADDRESS_PER_HOUR: u64 = 10;
/// Self-registrations accepted per username, fiscal code or e-mail per hour.
pub const PER_TARGET_PER_HOUR: u64 = 3;
const WINDOW: Duration = Duration::from_secs(3600);

/// What a registration asks for, as typed.
pub struct RegistrationForm {
    pub username: String,
    pub password: String,
    pub email: Option<String>,
    pub fiscal_code: String,
    pub name: String,
    pub entratel_user_type: String,
    pub albo: String,
    pub albo_province: String,
    pub albo_number: String,
}

/// A registration whose every field has been checked (the password not yet hashed).
pub struct Registration {
    username: String,
    password: String,
    email: Option<String>,
    fiscal_code: String,
    name: String,
    entratel: EntratelUserType,
    albo: Albo,
}

/// Checks every field, cheaply (no hashing), before anything is counted or written.
pub fn check(form: RegistrationForm) -> AppResult<Registration> {
    let username = form.username.trim().to_lowercase();
    let username_ok =
        (3..=64).contains(&username.len()) && username.chars().all(|c| c.is_ascii_alphanumeric() || ".-_".contains(c));
    if !username_ok {
        return Err(AppError::bad_input(
            "username",
            "Nome utente non valido: 3–64 caratteri tra lettere, cifre, . - _",
            "Invalid username: 3–64 characters among letters, digits, . - _",
        ));
    }
    crate::auth::password::check_new_password("password", &form.password)?;
    let fiscal_code = fiscal_code_field("fiscalCode", &form.fiscal_code)?.into_string();
    let name = domain::parse_name("name", &form.name)?;
    let entratel = EntratelUserType::parse(&form.entratel_user_type)?;
    let albo = Albo::parse(&form.albo, &form.albo_province, &form.albo_number)?;
    let email = match form.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        Some(e) => Some(email_field("email", e)?.into_string()),
        None => None,
    };
    Ok(Registration { username, password: form.password, email, fiscal_code, name, entratel, albo })
}

impl Registration {
    pub fn username(&self) -> &str {
        &self.username
    }
}

/// Creates the person, their PROFESSIONAL role and the register entry. The
/// unique indexes on username and fiscal code answer "already taken" (no
/// look-up first: two concurrent registrations cannot both pass it).
pub async fn insert(
    txn: &impl sea_orm::ConnectionTrait,
    reg: Registration,
    self_registered: bool,
    verified_by: Option<Uuid>,
    now: DateTime<Utc>,
) -> AppResult<professional::Model> {
    let password_hash = hash_password(&reg.password).await?;
    let person_id = Uuid::now_v7();
    person::Entity::insert(person::ActiveModel {
        id: Set(person_id),
        username: Set(reg.username),
        display_name: Set(reg.name.clone()),
        email: Set(reg.email),
        fiscal_code: Set(Some(reg.fiscal_code.clone())),
        password_hash: Set(Some(password_hash)),
        active: Set(true),
        // Registered by an admin: the admin typed the password, the professional replaces it.
        must_change_password: Set(!self_registered),
        created_at: Set(now),
    })
    .exec_without_returning(txn)
    .await
    .map_err(|e| on_unique(e, AppError::conflict("Nome utente non disponibile", "Username not available")))?;
    role_assignment::Entity::insert(role_assignment::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person_id),
        role: Set(Role::Professional),
        unit_id: Set(None),
        section: Set(None),
        created_at: Set(now),
    })
    .exec_without_returning(txn)
    .await?;
    let model = professional::Model {
        id: Uuid::now_v7(),
        person_id,
        fiscal_code: reg.fiscal_code,
        name: reg.name,
        entratel_type: reg.entratel.as_str().to_owned(),
        albo_name: reg.albo.name,
        albo_province: reg.albo.province,
        albo_number: reg.albo.number,
        self_registered,
        verified_at: verified_by.map(|_| now),
        verified_by,
        rejected_at: None,
        rejection_reason: None,
        created_at: now,
        version: 1,
    };
    professional::Entity::insert(professional::ActiveModel::from(model.clone()))
        .exec_without_returning(txn)
        .await
        .map_err(|e| {
            on_unique(
                e,
                AppError::conflict(
                    "Un professionista con questo codice fiscale è già registrato",
                    "A professional with this fiscal code is already registered",
                ),
            )
        })?;
    Ok(model)
}

/// A unique-index violation is the given conflict; anything else stays a database error.
fn on_unique(err: sea_orm::DbErr, conflict: AppError) -> AppError {
    match err.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => conflict,
        _ => err.into(),
    }
}

/// Self-registration: checks, counts, then registers or not, and always
/// answers `Ok(())` for checked input; the e-mail given says which happened.
pub async fn register_self(
    state: &AppState,
    client: Option<IpAddr>,
    form: RegistrationForm,
    request_id: &str,
) -> AppResult<()> {
    let reg = check(form)?;
    let Some(email) = reg.email.clone() else {
        return Err(AppError::bad_input(
            "email",
            "Indica un indirizzo e-mail: l'esito della registrazione arriva lì",
            "Give an e-mail address: the outcome of the registration is sent there",
        ));
    };
    limit(state, client, &reg, &email).await?;
    let username = reg.username.clone();
    let txn = crate::kernel::write_txn::begin_write(&state.db).await?;
    let outcome = insert(&txn, reg, true, None, Utc::now()).await;
    let (txn, notice) = match outcome {
        Ok(p) => {
            let actor = Actor { id: Some(p.person_id), username: Some(username.clone()), ..Actor::default() };
            let record = AuditRecord::new("professional.self_register")
                .record("professional", p.id.to_string())
                .detail(json!({ "entratelUserType": p.entratel_type }));
            audit::record(&txn, &actor, record, Some(request_id)).await?;
            (txn, Notice::Received)
        }
        Err(AppError::Conflict(_)) => {
            txn.rollback().await?;
            let txn = crate::kernel::write_txn::begin_write(&state.db).await?;
            let actor = Actor { username: Some(username.clone()), ..Actor::default() };
            let record = AuditRecord::new("professional.self_register_refused").detail(json!({ "reason": "taken" }));
            audit::record(&txn, &actor, record, Some(request_id)).await?;
            (txn, Notice::Taken)
        }
        Err(other) => return Err(other),
    };
    outbox::enqueue(&txn, notice.email(request_id, &email, &username)).await?;
    txn.commit().await?;
    Ok(())
}

/// Counts the attempt against its address and each of its targets.
async fn limit(state: &AppState, client: Option<IpAddr>, reg: &Registration, email: &str) -> AppResult<()> {
    let mut buckets = vec![
        (format!("self-registration:username:{}", reg.username), PER_TARGET_PER_HOUR),
        (format!("self-registration:fiscal-code:{}", reg.fiscal_code), PER_TARGET_PER_HOUR),
        (format!("self-registration:email:{}", email.to_lowercase()), PER_TARGET_PER_HOUR),
    ];
    if let Some(ip) = client {
        buckets.push((format!("self-registration:address:{ip}"), PER_ADDRESS_PER_HOUR));
    }
    for (key, max) in buckets {
        let (count, retry_after) = state.kv.incr_in_window(&key, WINDOW).await?;
        if count > max {
            return Err(AppError::RateLimited { retry_after_secs: retry_after.max(1) });
        }
    }
    Ok(())
}

/// The e-mail that tells the person who registered what happened.
enum Notice {
    Received,
    Taken,
}

impl Notice {
    fn email(&self, request_id: &str, to: &str, username: &str) -> NewMessage {
        let (subject, body) = match self {
            Notice::Received => (
                "Registrazione ricevuta",
                format!(
                    "La registrazione del nome utente «{username}» come professionista è stata ricevuta.\n\
                     Puoi già accedere; potrai dichiarare procure dopo la verifica da parte dell'amministrazione."
                ),
            ),
            Notice::Taken => (
                "Registrazione non completata",
                format!(
                    "Una richiesta di registrazione con il nome utente «{username}» e questo indirizzo non è stata completata:\n\
                     il nome utente o il codice fiscale indicati risultano già registrati.\n\
                     Se hai già un account, accedi con le tue credenziali; altrimenti scegli un altro nome utente."
                ),
            ),
        };
        NewMessage::email(format!("self-registration:{request_id}"), to, subject, body)
            .event("professional.self_register")
    }
}
