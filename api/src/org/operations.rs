//! The organisation's mutations, one function each: validate, authorise,
//! then write with the audit event through one [`Operation`].

use chrono::Utc;
use uuid::Uuid;

use entities::org_unit;

use super::domain::{OfficeSize, UnitKind};
use super::store;
use crate::audit::AuditRecord;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::tenancy::Scope;

/// What an admin may set on a unit.
pub struct UnitChanges {
    pub name: Option<String>,
    pub office_size: Option<Option<OfficeSize>>,
    pub virtual_counter: Option<bool>,
    pub virtual_counter_mailbox: Option<Option<String>>,
    pub opening_hours: Option<Option<String>>,
}

pub struct NewUnit {
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub parent_code: String,
    /// Path segment under the parent (A-Z, 0-9, `-`).
    pub segment: String,
    pub changes: UnitChanges,
}

fn validated_name(name: &str) -> AppResult<String> {
    crate::validation::text_field("name", name, 2, 200)
}

/// The virtual counter's mailbox: a syntactically valid e-mail address (it is
/// put in e-mail headers), or none when blank.
fn validated_mailbox(mailbox: Option<String>) -> AppResult<Option<String>> {
    match mailbox {
        Some(m) if !m.trim().is_empty() => {
            Ok(Some(crate::validation::email_field("virtualCounterMailbox", &m)?.into_string()))
        }
        _ => Ok(None),
    }
}

/// Creates a unit under a parent the caller manages (`org:manage`).
pub async fn create(scope: &Scope, input: NewUnit) -> AppResult<org_unit::Model> {
    let code = input.code.trim().to_uppercase();
    if !(2..=32).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(AppError::bad_input(
            "code",
            "Il codice deve avere da 2 a 32 caratteri tra lettere, cifre e -",
            "The code must be 2 to 32 characters among letters, digits and -",
        ));
    }
    let name = validated_name(&input.name)?;
    let mailbox = validated_mailbox(input.changes.virtual_counter_mailbox.clone().flatten())?;
    let parent =
        store::by_code(scope, &input.parent_code).await?.ok_or_else(crate::kernel::messages::unit_not_found)?;
    let acting = scope.authorize(Action::OrgManage, &parent.path)?;
    let path = super::domain::child_path(&parent.path, &input.segment.trim().to_uppercase())
        .map_err(|e| AppError::bad_input("segment", format!("Segmento non valido: {e}"), e))?;
    let op = Operation::begin(scope, acting).await?;
    let clash = store::clashing(&op, &code, &path).await?;
    if clash.is_some() {
        return Err(AppError::conflict(
            "Esiste già un'unità con questo codice o percorso",
            "A unit with this code or path already exists",
        ));
    }
    let is_office = input.kind == UnitKind::TerritorialOffice;
    let c = input.changes;
    let model = org_unit::Model {
        id: Uuid::now_v7(),
        code,
        name,
        kind: input.kind,
        parent_id: Some(parent.id),
        path,
        office_size: if is_office { c.office_size.flatten().or(Some(OfficeSize::Small)) } else { None },
        virtual_counter: is_office && c.virtual_counter.unwrap_or(false),
        virtual_counter_mailbox: mailbox,
        function_mailbox: None,
        opening_hours: c.opening_hours.flatten(),
        created_at: Utc::now(),
    };
    store::insert(&op, model.clone()).await?;
    let record = AuditRecord::new("org_unit.create").record("org_unit", model.code.clone()).unit(model.id);
    op.audit(record).await?;
    op.commit().await?;
    Ok(model)
}

/// Sets or clears an office's function mailbox (`org:office_settings`).
pub async fn set_function_mailbox(
    scope: &Scope,
    office_code: &str,
    mailbox: Option<String>,
) -> AppResult<org_unit::Model> {
    let mailbox = match mailbox {
        Some(m) if !m.trim().is_empty() => Some(crate::validation::email_field("functionMailbox", &m)?.into_string()),
        _ => None,
    };
    let office = store::by_code(scope, office_code.trim())
        .await?
        .filter(|u| u.kind == UnitKind::TerritorialOffice)
        .ok_or_else(crate::kernel::messages::office_not_found)?;
    let acting = scope.authorize(Action::OfficeSettings, &office.path)?;
    let updated = org_unit::Model { function_mailbox: mailbox, ..office.clone() };
    let op = Operation::begin(scope, acting).await?;
    store::update(&op, updated.clone()).await?;
    let record = AuditRecord::new("org_unit.set_function_mailbox")
        .record("org_unit", office.code.clone())
        .unit(office.id)
        .detail(serde_json::json!({ "set": updated.function_mailbox.is_some() }));
    op.audit(record).await?;
    op.commit().await?;
    Ok(updated)
}

/// Changes a unit's name and office settings (never its place in the tree).
pub async fn update(scope: &Scope, code: &str, c: UnitChanges) -> AppResult<org_unit::Model> {
    let unit = store::by_code(scope, code).await?.ok_or_else(crate::kernel::messages::unit_not_found)?;
    let acting = scope.authorize(Action::OrgManage, &unit.path)?;
    let is_office = unit.kind == UnitKind::TerritorialOffice;
    if !is_office && (c.office_size.is_some() || c.virtual_counter == Some(true)) {
        return Err(AppError::bad_input(
            "size",
            "Dimensione e sportello virtuale valgono solo per gli uffici territoriali",
            "Size and virtual counter apply to territorial offices only",
        ));
    }
    let mut updated = unit.clone();
    if let Some(name) = c.name {
        updated.name = validated_name(&name)?;
    }
    if let Some(size) = c.office_size {
        updated.office_size = size;
    }
    if let Some(v) = c.virtual_counter {
        updated.virtual_counter = v;
    }
    if let Some(m) = c.virtual_counter_mailbox {
        updated.virtual_counter_mailbox = validated_mailbox(m)?;
    }
    if let Some(h) = c.opening_hours {
        updated.opening_hours = h;
    }
    let op = Operation::begin(scope, acting).await?;
    store::update(&op, updated.clone()).await?;
    let record = AuditRecord::new("org_unit.update").record("org_unit", unit.code.clone()).unit(unit.id);
    op.audit(record).await?;
    op.commit().await?;
    Ok(updated)
}
