//! Reads of the organisation tree, always within the caller's scope.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use entities::org_unit;

use super::domain::UnitKind;
use crate::audit::AuditRecord;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::paging::Page;
use crate::tenancy::Scope;

fn visible(scope: &Scope) -> sea_orm::Select<org_unit::Entity> {
    let units = scope.units_for(Action::OrgRead);
    org_unit::Entity::find().filter(units.path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))))
}

/// Units the caller may see, in tree order (by path).
pub async fn list(scope: &Scope, kind: Option<UnitKind>, page: &Page) -> AppResult<Vec<org_unit::Model>> {
    let mut query = visible(scope);
    if let Some(kind) = kind {
        query = query.filter(org_unit::Column::Kind.eq(kind.as_str()));
    }
    // Paths are unique: the path alone is the key.
    if let Some(after) = page.after_key::<String>()? {
        query = query.filter(org_unit::Column::Path.gt(after));
    }
    Ok(query.order_by_asc(org_unit::Column::Path).limit(page.fetch_limit()).all(scope.db()).await?)
}

pub async fn by_code(scope: &Scope, code: &str) -> AppResult<Option<org_unit::Model>> {
    Ok(visible(scope).filter(org_unit::Column::Code.eq(code)).one(scope.db()).await?)
}

pub async fn by_ids(scope: &Scope, ids: &[Uuid]) -> AppResult<Vec<org_unit::Model>> {
    Ok(visible(scope).filter(org_unit::Column::Id.is_in(ids.iter().copied())).all(scope.db()).await?)
}

pub async fn children_of(scope: &Scope, parent_ids: &[Uuid]) -> AppResult<Vec<org_unit::Model>> {
    Ok(visible(scope)
        .filter(org_unit::Column::ParentId.is_in(parent_ids.iter().copied()))
        .order_by_asc(org_unit::Column::Path)
        .all(scope.db())
        .await?)
}

/// What an admin may set on a unit.
pub struct UnitChanges {
    pub name: Option<String>,
    pub office_size: Option<Option<String>>,
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
    let parent = visible(scope)
        .filter(org_unit::Column::Code.eq(input.parent_code.as_str()))
        .one(scope.db())
        .await?
        .ok_or_else(crate::kernel::messages::unit_not_found)?;
    let acting = scope.authorize(Action::OrgManage, &parent.path)?;
    let path = super::domain::child_path(&parent.path, &input.segment.trim().to_uppercase())
        .map_err(|e| AppError::bad_input("segment", format!("Segmento non valido: {e}"), e))?;
    let op = Operation::begin(scope, acting).await?;
    let clash = org_unit::Entity::find()
        .filter(
            Condition::any()
                .add(org_unit::Column::Code.eq(code.as_str()))
                .add(org_unit::Column::Path.eq(path.as_str())),
        )
        .one(&op)
        .await?;
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
        kind: input.kind.as_str().to_owned(),
        parent_id: Some(parent.id),
        path,
        office_size: if is_office { c.office_size.flatten().or(Some("SMALL".into())) } else { None },
        virtual_counter: is_office && c.virtual_counter.unwrap_or(false),
        virtual_counter_mailbox: mailbox,
        opening_hours: c.opening_hours.flatten(),
        created_at: Utc::now(),
    };
    org_unit::Entity::insert(org_unit::ActiveModel::from(model.clone())).exec(&op).await?;
    let record = AuditRecord::new("org_unit.create").record("org_unit", model.code.clone()).unit(model.id);
    op.audit(record).await?;
    op.commit().await?;
    Ok(model)
}

/// Changes a unit's name and office settings (never its place in the tree).
pub async fn update(scope: &Scope, code: &str, c: UnitChanges) -> AppResult<org_unit::Model> {
    let unit = by_code(scope, code).await?.ok_or_else(crate::kernel::messages::unit_not_found)?;
    let acting = scope.authorize(Action::OrgManage, &unit.path)?;
    let is_office = unit.kind == UnitKind::TerritorialOffice.as_str();
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
    org_unit::Entity::update(org_unit::ActiveModel::from(updated.clone()).reset_all()).exec(&op).await?;
    let record = AuditRecord::new("org_unit.update").record("org_unit", unit.code.clone()).unit(unit.id);
    op.audit(record).await?;
    op.commit().await?;
    Ok(updated)
}
