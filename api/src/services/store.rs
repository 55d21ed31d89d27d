//! Catalogue and skills storage.
//!
//! The catalogue is national (not owned by a unit): every signed-in staff
//! member reads it. Skills hang from an office and are read and written within
//! the caller's scope.

use chrono::Utc;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use entities::{operator_skill, person, role_assignment, service};

use super::domain::OFFICE_STAFF;
use crate::authz::Action;
use crate::error::AppResult;
use crate::tenancy::Scope;

pub async fn list(scope: &Scope, include_inactive: bool) -> AppResult<Vec<service::Model>> {
    let mut query = service::Entity::find();
    if !include_inactive {
        query = query.filter(service::Column::Active.eq(true));
    }
    Ok(query.order_by_asc(service::Column::Code).all(scope.db()).await?)
}

pub async fn by_code(conn: &impl ConnectionTrait, code: &str) -> AppResult<Option<service::Model>> {
    Ok(service::Entity::find().filter(service::Column::Code.eq(code)).one(conn).await?)
}

pub async fn by_codes(conn: &impl ConnectionTrait, codes: &[String]) -> AppResult<Vec<service::Model>> {
    Ok(service::Entity::find().filter(service::Column::Code.is_in(codes.iter().cloned())).all(conn).await?)
}

pub async fn by_ids(conn: &impl ConnectionTrait, ids: &[Uuid]) -> AppResult<Vec<service::Model>> {
    Ok(service::Entity::find().filter(service::Column::Id.is_in(ids.iter().copied())).all(conn).await?)
}

pub struct NewService {
    pub code: String,
    pub name: String,
    pub fast: bool,
    pub pu_process: String,
    pub pu_product: Option<String>,
    pub active: bool,
}

/// Inserts or updates by code; returns the stored row.
pub async fn upsert(conn: &impl ConnectionTrait, s: NewService) -> AppResult<(service::Model, bool)> {
    let now = Utc::now();
    if let Some(existing) = by_code(conn, &s.code).await? {
        service::Entity::update_many()
            .col_expr(service::Column::Name, Expr::value(s.name))
            .col_expr(service::Column::Fast, Expr::value(s.fast))
            .col_expr(service::Column::PuProcess, Expr::value(s.pu_process))
            .col_expr(service::Column::PuProduct, Expr::value(s.pu_product))
            .col_expr(service::Column::Active, Expr::value(s.active))
            .col_expr(service::Column::UpdatedAt, Expr::value(now))
            .filter(service::Column::Id.eq(existing.id))
            .exec(conn)
            .await?;
        let updated = service::Entity::find_by_id(existing.id).one(conn).await?.unwrap_or(existing);
        return Ok((updated, false));
    }
    let model = service::Model {
        id: Uuid::now_v7(),
        code: s.code,
        name: s.name,
        fast: s.fast,
        pu_process: s.pu_process,
        pu_product: s.pu_product,
        active: s.active,
        created_at: now,
        updated_at: now,
    };
    service::Entity::insert(service::ActiveModel {
        id: Set(model.id),
        code: Set(model.code.clone()),
        name: Set(model.name.clone()),
        fast: Set(model.fast),
        pu_process: Set(model.pu_process.clone()),
        pu_product: Set(model.pu_product.clone()),
        active: Set(model.active),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec(conn)
    .await?;
    Ok((model, true))
}

/// A person holding a staff role (operator, coordinator, director) on this
/// office, when the office is within the caller's reach for `action`.
pub async fn staff_member(
    scope: &Scope,
    conn: &impl ConnectionTrait,
    action: Action,
    office_id: Uuid,
    username: &str,
) -> AppResult<Option<person::Model>> {
    let units = scope.units_for(action);
    let mut staff = Query::select();
    staff.column(role_assignment::Column::PersonId).from(role_assignment::Entity).cond_where(
        Condition::all()
            .add(Expr::col(role_assignment::Column::UnitId).eq(office_id))
            .add(Expr::col(role_assignment::Column::Role).is_in(OFFICE_STAFF.map(|r| r.as_str())))
            .add(units.unit_id_condition(Expr::col((role_assignment::Entity, role_assignment::Column::UnitId)))),
    );
    Ok(person::Entity::find()
        .filter(person::Column::Username.eq(username))
        .filter(person::Column::Active.eq(true))
        .filter(Expr::col((person::Entity, person::Column::Id)).in_subquery(staff))
        .one(conn)
        .await?)
}

/// Offices (within reach for `action`) where the person holds a staff role.
pub async fn staff_offices(scope: &Scope, action: Action, person_id: Uuid) -> AppResult<Vec<Uuid>> {
    let units = scope.units_for(action);
    Ok(role_assignment::Entity::find()
        .filter(role_assignment::Column::PersonId.eq(person_id))
        .filter(role_assignment::Column::Role.is_in(OFFICE_STAFF.map(|r| r.as_str())))
        .filter(units.unit_id_condition(Expr::col((role_assignment::Entity, role_assignment::Column::UnitId))))
        .all(scope.db())
        .await?
        .into_iter()
        .filter_map(|a| a.unit_id)
        .collect())
}

pub async fn person_by_username(conn: &impl ConnectionTrait, username: &str) -> AppResult<Option<person::Model>> {
    Ok(person::Entity::find()
        .filter(person::Column::Username.eq(username))
        .filter(person::Column::Active.eq(true))
        .one(conn)
        .await?)
}

/// Services the person can give at this office (office within reach for `action`).
pub async fn skills_of(
    scope: &Scope,
    action: Action,
    office_id: Uuid,
    person_id: Uuid,
) -> AppResult<Vec<service::Model>> {
    let units = scope.units_for(action);
    let mut skill_services = Query::select();
    skill_services.column(operator_skill::Column::ServiceId).from(operator_skill::Entity).cond_where(
        Condition::all()
            .add(Expr::col(operator_skill::Column::PersonId).eq(person_id))
            .add(Expr::col(operator_skill::Column::UnitId).eq(office_id))
            .add(units.unit_id_condition(Expr::col((operator_skill::Entity, operator_skill::Column::UnitId)))),
    );
    Ok(service::Entity::find()
        .filter(Expr::col((service::Entity, service::Column::Id)).in_subquery(skill_services))
        .order_by_asc(service::Column::Code)
        .all(scope.db())
        .await?)
}

pub async fn has_skill(
    scope: &Scope,
    conn: &impl ConnectionTrait,
    office_id: Uuid,
    person_id: Uuid,
    service_id: Uuid,
) -> AppResult<bool> {
    Ok(operator_skill::Entity::find()
        .filter(operator_skill::Column::PersonId.eq(person_id))
        .filter(operator_skill::Column::UnitId.eq(office_id))
        .filter(operator_skill::Column::ServiceId.eq(service_id))
        .filter(
            scope
                .units_for(Action::AppointmentRead)
                .unit_id_condition(Expr::col((operator_skill::Entity, operator_skill::Column::UnitId))),
        )
        .one(conn)
        .await?
        .is_some())
}

/// Operators (role OPERATOR on the office) with their skills there, for
/// automatic assignment: (person, service ids).
pub async fn operators_with_skills(scope: &Scope, office_id: Uuid) -> AppResult<Vec<(person::Model, Vec<Uuid>)>> {
    let units = scope.units_for(Action::AppointmentAssign);
    let mut operators = Query::select();
    operators.column(role_assignment::Column::PersonId).from(role_assignment::Entity).cond_where(
        Condition::all()
            .add(Expr::col(role_assignment::Column::UnitId).eq(office_id))
            .add(Expr::col(role_assignment::Column::Role).eq(crate::authz::Role::Operator.as_str()))
            .add(units.unit_id_condition(Expr::col((role_assignment::Entity, role_assignment::Column::UnitId)))),
    );
    let people = person::Entity::find()
        .filter(person::Column::Active.eq(true))
        .filter(Expr::col((person::Entity, person::Column::Id)).in_subquery(operators))
        .order_by_asc(person::Column::Username)
        .all(scope.db())
        .await?;
    let skills = operator_skill::Entity::find()
        .filter(operator_skill::Column::UnitId.eq(office_id))
        .filter(operator_skill::Column::PersonId.is_in(people.iter().map(|p| p.id)))
        .all(scope.db())
        .await?;
    Ok(people
        .into_iter()
        .map(|p| {
            let ids = skills.iter().filter(|s| s.person_id == p.id).map(|s| s.service_id).collect();
            (p, ids)
        })
        .collect())
}

/// Replaces the person's skills at the office, in the caller's transaction.
pub async fn replace_skills(
    conn: &impl ConnectionTrait,
    office_id: Uuid,
    person_id: Uuid,
    service_ids: &[Uuid],
) -> AppResult<()> {
    operator_skill::Entity::delete_many()
        .filter(operator_skill::Column::PersonId.eq(person_id))
        .filter(operator_skill::Column::UnitId.eq(office_id))
        .exec(conn)
        .await?;
    let now = Utc::now();
    for service_id in service_ids {
        operator_skill::Entity::insert(operator_skill::ActiveModel {
            id: Set(Uuid::now_v7()),
            person_id: Set(person_id),
            unit_id: Set(office_id),
            service_id: Set(*service_id),
            created_at: Set(now),
        })
        .exec(conn)
        .await?;
    }
    Ok(())
}
