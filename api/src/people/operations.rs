//! People's mutations, one function each: validate, authorise, then write
//! with the audit event through one [`Operation`]. Their reads are in
//! [`super::store`].

use crate::quesiti::domain::Section;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use entities::{org_unit, person, role_assignment};

use super::domain::{self, check_assignment, may_grant};
use crate::audit::AuditRecord;
use crate::auth::{SessionStore, hash_password, reset};
use crate::authz::{Action, Role};
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::tenancy::Scope;

use super::store::{insert_assignment, unit_in_scope, visible_person};

pub struct NewAssignment {
    pub role: Role,
    pub unit_code: String,
    pub section: Option<String>,
}

/// Checks and authorises an assignment; returns the unit and the assignment the caller acts under.
async fn prepare_assignment<'s>(
    scope: &'s Scope,
    a: &NewAssignment,
) -> AppResult<(org_unit::Model, Option<Section>, &'s crate::auth::Assignment)> {
    let unit = unit_in_scope(scope, &a.unit_code).await?;
    let acting = scope.authorize(Action::PeopleManage, &unit.path)?;
    if !may_grant(acting.role, a.role) {
        return Err(AppError::forbidden(
            format!("Il tuo ruolo non può assegnare il ruolo {}", a.role.as_str()),
            format!("Your role may not grant {}", a.role.as_str()),
        ));
    }
    let section = check_assignment(a.role, unit.kind, a.section.as_deref())?;
    Ok((unit, section, acting))
}

pub struct NewPerson {
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub initial_password: Option<String>,
    pub first_assignment: NewAssignment,
}

/// Creates a person together with their first role assignment (so the person
/// is never outside everyone's scope).
pub async fn create_person(scope: &Scope, input: NewPerson) -> AppResult<person::Model> {
    let username = domain::check_username(&input.username)?;
    let email = input
        .email
        .as_deref()
        .filter(|e| !e.trim().is_empty())
        .map(|e| crate::validation::email_field("email", e).map(|e| e.into_string()))
        .transpose()?;
    if let Some(p) = &input.initial_password {
        crate::auth::password::check_new_password("initialPassword", p)?;
    }
    let (unit, section, acting) = prepare_assignment(scope, &input.first_assignment).await?;
    let password_hash = match input.initial_password {
        Some(p) => Some(hash_password(&p).await?),
        None => None,
    };
    let op = Operation::begin(scope, acting).await?;
    if person::Entity::find().filter(person::Column::Username.eq(&username)).one(&op).await?.is_some() {
        // Usernames are global: the refusal cannot help confirming that one
        // exists, so it says no more than that, and the auditors of the unit
        // the person was meant for see every such refusal.
        // The refusal is recorded (and nothing else written).
        let record = AuditRecord::new("person.create_refused")
            .unit(unit.id)
            .detail(serde_json::json!({ "username": username, "reason": "username_unavailable" }));
        op.audit(record).await?;
        op.commit().await?;
        return Err(AppError::conflict(
            "Nome utente non disponibile: scegline un altro",
            "Username not available: choose another one",
        ));
    }
    let model = person::Model {
        id: Uuid::now_v7(),
        username,
        display_name: crate::validation::text_field("displayName", &input.display_name, 2, 200)?,
        email,
        fiscal_code: None,
        // The admin typed this password: the person replaces it before anything else.
        must_change_password: password_hash.is_some(),
        password_hash,
        active: true,
        created_at: Utc::now(),
    };
    person::Entity::insert(person::ActiveModel::from(model.clone())).exec(&op).await?;
    let assignment = insert_assignment(&op, model.id, input.first_assignment.role, unit.id, section).await?;
    let record = AuditRecord::new("person.create")
        .record("person", model.id.to_string())
        .unit(unit.id)
        .detail(serde_json::json!({ "username": model.username, "role": assignment.role.as_str() }));
    op.audit(record).await?;
    op.commit().await?;
    Ok(model)
}

pub async fn assign_role(scope: &Scope, username: &str, a: NewAssignment) -> AppResult<role_assignment::Model> {
    let person = visible_person(scope, username).await?;
    let (unit, section, acting) = prepare_assignment(scope, &a).await?;
    let op = Operation::begin(scope, acting).await?;
    let duplicate = role_assignment::Entity::find()
        .filter(role_assignment::Column::PersonId.eq(person.id))
        .filter(role_assignment::Column::Role.eq(a.role.as_str()))
        .filter(role_assignment::Column::UnitId.eq(unit.id))
        .one(&op)
        .await?;
    if duplicate.is_some() {
        return Err(AppError::conflict(
            "La persona ha già questo ruolo su questa unità",
            "The person already holds this role on this unit",
        ));
    }
    let assignment = insert_assignment(&op, person.id, a.role, unit.id, section).await?;
    let record = AuditRecord::new("person.assign_role")
        .record("role_assignment", assignment.id.to_string())
        .unit(unit.id)
        .detail(
            serde_json::json!({ "username": person.username, "role": assignment.role.as_str(), "section": assignment.section.map(|s| s.as_str()) }),
        );
    op.audit(record).await?;
    op.commit().await?;
    Ok(assignment)
}

/// Removes a role assignment; answers it (its person's sessions are then ended).
pub async fn revoke_role(scope: &Scope, assignment_id: Uuid) -> AppResult<role_assignment::Model> {
    let units = scope.units_for(Action::PeopleManage);
    let assignment = role_assignment::Entity::find_by_id(assignment_id)
        .filter(units.unit_id_condition(Expr::col((role_assignment::Entity, role_assignment::Column::UnitId))))
        .one(scope.db())
        .await?
        .ok_or_else(domain::assignment_not_found)?;
    let unit = org_unit::Entity::find_by_id(assignment.unit_id.unwrap_or_default())
        .one(scope.db())
        .await?
        .ok_or_else(domain::assignment_not_found)?;
    let acting = scope.authorize(Action::PeopleManage, &unit.path)?;
    let role = assignment.role;
    if !may_grant(acting.role, role) {
        return Err(AppError::forbidden(
            format!("Il tuo ruolo non può revocare il ruolo {}", role.as_str()),
            format!("Your role may not revoke {}", role.as_str()),
        ));
    }
    if assignment.person_id == scope.person_id() {
        return Err(AppError::conflict(
            "Non puoi revocare un tuo ruolo: chiedi a un altro amministratore",
            "You cannot revoke your own role: ask another administrator",
        ));
    }
    let op = Operation::begin(scope, acting).await?;
    role_assignment::Entity::delete_by_id(assignment.id).exec(&op).await?;
    let record = AuditRecord::new("person.revoke_role")
        .record("role_assignment", assignment.id.to_string())
        .unit(unit.id)
        .detail(serde_json::json!({ "role": assignment.role.as_str() }));
    op.audit(record).await?;
    op.commit().await?;
    Ok(assignment)
}

/// Activates or deactivates a person. A deactivated person's tokens stop
/// working at once (sign-in and token resolution require an active person).
pub async fn set_active(scope: &Scope, username: &str, active: bool) -> AppResult<person::Model> {
    let person = visible_person(scope, username).await?;
    if person.id == scope.person_id() {
        return Err(AppError::conflict("Non puoi disattivare te stesso", "You cannot deactivate yourself"));
    }
    let (acting, unit_id) = acting_over(scope, &person).await?;
    let op = Operation::begin(scope, acting).await?;
    person::Entity::update_many()
        .col_expr(person::Column::Active, Expr::value(active))
        .filter(person::Column::Id.eq(person.id))
        .exec(&op)
        .await?;
    let mut record = AuditRecord::new(if active { "person.activate" } else { "person.deactivate" })
        .record("person", person.id.to_string());
    if let Some(unit_id) = unit_id {
        record = record.unit(unit_id);
    }
    op.audit(record).await?;
    op.commit().await?;
    Ok(person::Model { active, ..person })
}

/// The assignment the caller acts under to manage this person as a whole
/// (deactivate them, end their sessions, send them a reset link), with the
/// unit of the person's first role: the caller must be able to manage every
/// role the person holds.
async fn acting_over<'s>(
    scope: &'s Scope,
    person: &person::Model,
) -> AppResult<(&'s crate::auth::Assignment, Option<Uuid>)> {
    let all =
        role_assignment::Entity::find().filter(role_assignment::Column::PersonId.eq(person.id)).all(scope.db()).await?;
    let mut acting_actor = None;
    for a in &all {
        let role = a.role;
        let acting = match a.unit_id {
            Some(id) => {
                let unit = org_unit::Entity::find_by_id(id).one(scope.db()).await?;
                let path = unit.map(|u| u.path).unwrap_or_default();
                let acting = scope.authorize(Action::PeopleManage, &path)?;
                if !may_grant(acting.role, role) {
                    return Err(cannot_manage_every_role());
                }
                acting
            }
            None => manager_of_unitless(scope, role)?,
        };
        acting_actor.get_or_insert((acting, a.unit_id));
    }
    acting_actor.ok_or_else(domain::person_not_found)
}

/// Ends every session of a person the caller manages (a lost laptop, a
/// suspicion); answers how many were live.
pub async fn end_sessions_of(scope: &Scope, sessions: &SessionStore, username: &str) -> AppResult<(Uuid, u64)> {
    let person = visible_person(scope, username).await?;
    let (acting, unit_id) = acting_over(scope, &person).await?;
    let ended = sessions.end_all(person.id, None).await?;
    let op = Operation::begin(scope, acting).await?;
    let mut record = AuditRecord::new("person.sessions_end")
        .record("person", person.id.to_string())
        .detail(serde_json::json!({ "username": person.username, "ended": ended }));
    if let Some(unit_id) = unit_id {
        record = record.unit(unit_id);
    }
    op.audit(record).await?;
    op.commit().await?;
    Ok((person.id, ended))
}

/// A reset link sent: until when it works, and to which (masked) address.
pub struct ResetIssued {
    pub expires_at: chrono::DateTime<Utc>,
    pub sent_to: String,
}

/// Sends a person the caller manages a one-time link to choose a new password
/// (crate::auth::reset), instead of the caller typing one for them. Their
/// current password keeps working until the link is used.
pub async fn issue_password_reset(scope: &Scope, public_url: &str, username: &str) -> AppResult<ResetIssued> {
    let person = visible_person(scope, username).await?;
    let (acting, unit_id) = acting_over(scope, &person).await?;
    if !person.active {
        return Err(AppError::conflict(
            "La persona è disattivata: riattivala prima di inviarle il collegamento",
            "The person is deactivated: activate them before sending the link",
        ));
    }
    let Some(email) = person.email.clone() else {
        return Err(AppError::conflict(
            "La persona non ha un indirizzo e-mail a cui inviare il collegamento",
            "The person has no e-mail address to send the link to",
        ));
    };
    let op = Operation::begin(scope, acting).await?;
    let link = reset::store_new_link(&op, person.id, scope.person_id(), Utc::now()).await?;
    let mut record = AuditRecord::new("person.password_reset_issued")
        .record("person", person.id.to_string())
        .detail(serde_json::json!({ "username": person.username }));
    let mut message = reset::link_email(public_url, &person, &email, &link);
    if let Some(unit_id) = unit_id {
        record = record.unit(unit_id);
        message = message.unit(unit_id);
    }
    op.audit(record).await?;
    op.notify(message).await?;
    op.commit().await?;
    let sent_to = crate::outbox::domain::mask_recipient(crate::outbox::Channel::Email, &email);
    Ok(ResetIssued { expires_at: link.expires_at, sent_to })
}

fn cannot_manage_every_role() -> AppError {
    AppError::forbidden(
        "Il tuo ruolo non può gestire tutti i ruoli di questa persona",
        "Your role may not manage every role of this person",
    )
}

/// Who may (de)activate the holder of a role held on no unit: a professional
/// belongs to the national register, managed by who holds `professional:manage`
/// (the admins, docs/domain.md §3 "everything"). Their sessions and API keys
/// resolve only while the person is active, so deactivating stops both at once.
fn manager_of_unitless(scope: &Scope, role: Role) -> AppResult<&crate::auth::Assignment> {
    if role != Role::Professional {
        return Err(cannot_manage_every_role());
    }
    scope.authorize(Action::ProfessionalManage, crate::authz::OUTSIDE_ANY_UNIT).map_err(|_| cannot_manage_every_role())
}
