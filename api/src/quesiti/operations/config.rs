//! Classifications and SLA settings of a national root or a regional directorate.

use chrono::Utc;
use sea_orm::{ActiveValue::Set, EntityTrait, SqlErr};
use serde_json::json;
use uuid::Uuid;

use entities::{org_unit, quesito_classification, quesito_sla};

use crate::audit::AuditRecord;
use crate::auth::Assignment;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::kernel::ids::ClassificationId;
use crate::kernel::versioned::{Changes, update_versioned};
use crate::quesiti::domain::{self, Section, limits};
use crate::quesiti::store::{self};
use crate::tenancy::Scope;
use crate::validation::text_field;

pub struct NewClassification {
    pub unit_code: String,
    pub section: Section,
    pub code: String,
    pub label: String,
}

fn owner_kind_ok(unit: &org_unit::Model) -> bool {
    matches!(unit.kind, crate::org::domain::UnitKind::National | crate::org::domain::UnitKind::RegionalDirectorate)
}

/// Refuses, as FORBIDDEN, whoever configures quesiti nowhere (a classification
/// they may see but not change is not "not found" to them).
fn may_configure(scope: &Scope) -> AppResult<()> {
    if scope.units_for(Action::QuesitoConfigure).is_nowhere() {
        return Err(AppError::forbidden(
            "Solo amministratori e direttori regionali configurano i quesiti",
            "Only administrators and regional directors configure quesiti",
        ));
    }
    Ok(())
}

/// A unit that may own classifications and SLA settings, managed by the caller.
async fn config_owner<'a>(scope: &'a Scope, unit_code: &str) -> AppResult<(org_unit::Model, &'a Assignment)> {
    may_configure(scope)?;
    let unit = crate::org::store::by_code(scope, unit_code.trim())
        .await?
        .ok_or_else(|| crate::kernel::messages::unknown_unit("unitCode"))?;
    if !owner_kind_ok(&unit) {
        return Err(AppError::bad_input(
            "unitCode",
            "Classificazioni e tempi si configurano sulla radice nazionale o su una Direzione regionale",
            "Classifications and SLA are configured on a national root or a regional directorate",
        ));
    }
    let acting = scope.authorize(Action::QuesitoConfigure, &unit.path)?;
    Ok((unit, acting))
}

pub async fn create_classification(
    scope: &Scope,
    input: NewClassification,
) -> AppResult<quesito_classification::Model> {
    let code = input.code.trim().to_owned();
    if !domain::valid_classification_code(&code) {
        return Err(AppError::bad_input(
            "code",
            "Codice non valido: lettere maiuscole, cifre e _ (al massimo 40)",
            "Invalid code: upper-case letters, digits and _ (at most 40)",
        ));
    }
    let label = text_field("label", &input.label, 1, limits::CLASSIFICATION_LABEL_MAX)?;
    let (unit, acting) = config_owner(scope, &input.unit_code).await?;
    let now = Utc::now();
    let model = quesito_classification::Model {
        id: Uuid::now_v7(),
        unit_id: unit.id,
        section: input.section,
        code,
        label,
        active: true,
        competent_directorate_id: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let op = Operation::begin(scope, acting).await?;
    let inserted = quesito_classification::Entity::insert(quesito_classification::ActiveModel {
        id: Set(model.id),
        unit_id: Set(model.unit_id),
        section: Set(model.section),
        code: Set(model.code.clone()),
        label: Set(model.label.clone()),
        active: Set(true),
        competent_directorate_id: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec(&op)
    .await;
    if let Err(err) = inserted {
        return Err(match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => AppError::conflict(
                "Esiste già una classificazione con questo codice",
                "A classification with this code already exists",
            ),
            _ => err.into(),
        });
    }
    op.audit(
        AuditRecord::new("quesito_classification.create")
            .record("quesito_classification", model.id.to_string())
            .unit(unit.id)
            .detail(json!({ "section": model.section.as_str(), "code": model.code })),
    )
    .await?;
    op.commit().await?;
    Ok(model)
}

/// A classification the caller manages, with its owner unit and the assignment acting on it.
async fn managed(
    scope: &Scope,
    id: ClassificationId,
) -> AppResult<(quesito_classification::Model, org_unit::Model, &Assignment)> {
    may_configure(scope)?;
    let current = store::managed_classification(scope, id.uuid())
        .await?
        .ok_or_else(crate::kernel::messages::classification_not_found)?;
    let unit = crate::org::store::by_ids(scope, &[current.unit_id])
        .await?
        .into_iter()
        .next()
        .ok_or_else(crate::kernel::messages::classification_not_found)?;
    let acting = scope.authorize(Action::QuesitoConfigure, &unit.path)?;
    Ok((current, unit, acting))
}

pub async fn update_classification(
    scope: &Scope,
    id: ClassificationId,
    label: Option<String>,
    active: Option<bool>,
) -> AppResult<quesito_classification::Model> {
    let label = label.map(|l| text_field("label", &l, 1, limits::CLASSIFICATION_LABEL_MAX)).transpose()?;
    let (current, _, acting) = managed(scope, id).await?;
    let mut changes = Changes::new();
    if let Some(label) = &label {
        changes = changes.set(quesito_classification::Column::Label, label.clone());
    }
    if let Some(active) = active {
        changes = changes.set(quesito_classification::Column::Active, active);
    }
    let record = AuditRecord::new("quesito_classification.update").detail(json!({ "label": label, "active": active }));
    write_classification(scope, acting, &current, changes, record).await
}

/// Sets the central directorate competent for a classification's subject
/// (seed 003), or with `None` clears it (its quesiti then go to the national
/// root's first). Any central directorate of the owner's national root may
/// be named, also by a regional director whose reach stops at the region.
pub async fn set_competent_directorate(
    scope: &Scope,
    id: ClassificationId,
    directorate_code: Option<&str>,
) -> AppResult<quesito_classification::Model> {
    let (current, owner, acting) = managed(scope, id).await?;
    let directorate = match directorate_code.map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(code) => {
            let root = crate::org::domain::root_prefix(&owner.path);
            let candidates = store::central_directorates(scope, &[Action::QuesitoConfigure]).await?;
            let found = candidates.into_iter().find(|u| u.code == code && u.path.starts_with(root.as_str()));
            Some(found.ok_or_else(|| {
                AppError::bad_input(
                    "directorateCode",
                    "Non è una Direzione centrale della radice nazionale della classificazione",
                    "Not a central directorate of the classification's national root",
                )
            })?)
        }
    };
    let changes =
        Changes::new().set(quesito_classification::Column::CompetentDirectorateId, directorate.as_ref().map(|d| d.id));
    let detail = json!({ "directorate": directorate.as_ref().map(|d| d.code.as_str()) });
    let record = AuditRecord::new("quesito_classification.directorate").detail(detail);
    write_classification(scope, acting, &current, changes, record).await
}

/// Writes a classification's changes with their audit record, in one transaction.
async fn write_classification(
    scope: &Scope,
    acting: &Assignment,
    current: &quesito_classification::Model,
    changes: Changes<quesito_classification::Entity>,
    record: AuditRecord,
) -> AppResult<quesito_classification::Model> {
    let op = Operation::begin(scope, acting).await?;
    update_versioned::<quesito_classification::Entity>(&op, current.id, current.version, changes).await?;
    op.audit(record.record("quesito_classification", current.id.to_string()).unit(current.unit_id)).await?;
    let updated = quesito_classification::Entity::find_by_id(current.id)
        .one(&op)
        .await?
        .ok_or_else(crate::kernel::messages::classification_not_found)?;
    op.commit().await?;
    Ok(updated)
}

/// Sets the working days of a section's SLA for a national root or a region.
pub async fn set_sla(
    scope: &Scope,
    unit_code: &str,
    section: Section,
    working_days: i32,
) -> AppResult<quesito_sla::Model> {
    if !(1..=limits::SLA_MAX_WORKING_DAYS as i32).contains(&working_days) {
        return Err(AppError::bad_input(
            "workingDays",
            format!("I giorni lavorativi devono essere tra 1 e {}", limits::SLA_MAX_WORKING_DAYS),
            format!("Working days must be between 1 and {}", limits::SLA_MAX_WORKING_DAYS),
        ));
    }
    let (unit, acting) = config_owner(scope, unit_code).await?;
    let op = Operation::begin(scope, acting).await?;
    let existing = store::sla_of_unit(&op, unit.id, section).await?;
    let id = match &existing {
        Some(row) => {
            let changes = Changes::new().set(quesito_sla::Column::WorkingDays, working_days);
            update_versioned::<quesito_sla::Entity>(&op, row.id, row.version, changes).await?;
            row.id
        }
        None => {
            let id = Uuid::now_v7();
            quesito_sla::Entity::insert(quesito_sla::ActiveModel {
                id: Set(id),
                unit_id: Set(unit.id),
                section: Set(section),
                working_days: Set(working_days),
                version: Set(1),
                updated_at: Set(Utc::now()),
            })
            .exec(&op)
            .await?;
            id
        }
    };
    op.audit(
        AuditRecord::new("quesito_sla.set")
            .record("quesito_sla", id.to_string())
            .unit(unit.id)
            .detail(json!({ "section": section.as_str(), "workingDays": working_days })),
    )
    .await?;
    let row =
        quesito_sla::Entity::find_by_id(id).one(&op).await?.ok_or_else(|| AppError::internal("SLA row vanished"))?;
    op.commit().await?;
    Ok(row)
}
