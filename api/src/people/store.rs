//! People and role assignments, read and changed within the caller's
//! `people:manage` scope: a person is visible when one of their assignments is
//! on a unit in scope (admins of a national root see everyone).

use chrono::Utc;
use sea_orm::sea_query::{Expr, Func, LikeExpr, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use uuid::Uuid;

use entities::{org_unit, person, role_assignment};

use super::domain;
use crate::authz::{Action, Role};
use crate::error::AppResult;
use crate::kernel::paging::{Direction, Page};
use crate::kernel::sorting::{self, ListTotal, Sort, SortField};
use crate::quesiti::domain::Section;
use crate::tenancy::{Scope, UnitScope};

#[derive(Default)]
pub struct PeopleFilter {
    pub unit_id: Option<Uuid>,
    pub role: Option<Role>,
    pub search: Option<String>,
}

fn assignments_in_scope(units: &UnitScope) -> Condition {
    let in_units = units.unit_id_condition(Expr::col((role_assignment::Entity, role_assignment::Column::UnitId)));
    if units.includes_a_root() {
        Condition::any().add(in_units).add(role_assignment::Column::UnitId.is_null())
    } else {
        in_units
    }
}

/// What the people list can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonOrderField {
    Username,
    DisplayName,
    CreatedAt,
}

impl SortField for PersonOrderField {
    type Column = person::Column;
    fn name(self) -> &'static str {
        match self {
            PersonOrderField::Username => "username",
            PersonOrderField::DisplayName => "displayName",
            PersonOrderField::CreatedAt => "createdAt",
        }
    }
    fn column(self) -> person::Column {
        match self {
            PersonOrderField::Username => person::Column::Username,
            PersonOrderField::DisplayName => person::Column::DisplayName,
            PersonOrderField::CreatedAt => person::Column::CreatedAt,
        }
    }
}

/// The list's order: as picked, else by username.
pub fn people_sort(picked: Option<(PersonOrderField, Direction)>) -> Sort<person::Column> {
    Sort::pick(picked, (PersonOrderField::Username, Direction::Ascending))
}

/// A page of the people the caller manages, and their total.
pub async fn list(
    scope: &Scope,
    filter: PeopleFilter,
    sort: &Sort<person::Column>,
    page: &Page,
) -> AppResult<(Vec<person::Model>, ListTotal)> {
    sorting::page_of(scope, matching_within(scope, Action::PeopleManage, filter), sort, person::Column::Id, page).await
}

/// Like [`list`], people with an assignment within the caller's reach for
/// `action` instead (the audit's authors: [`Action::AuditRead`]), by username.
pub async fn list_within(
    scope: &Scope,
    action: Action,
    filter: PeopleFilter,
    page: &Page,
) -> AppResult<Vec<person::Model>> {
    let mut query = matching_within(scope, action, filter);
    // Usernames are unique: the username alone is the key.
    if let Some(after) = page.after_key::<String>()? {
        query = query.filter(person::Column::Username.gt(after));
    }
    Ok(query.order_by_asc(person::Column::Username).limit(page.fetch_limit()).all(scope.db()).await?)
}

/// People with an assignment within the caller's reach for `action`, matching `filter`.
fn matching_within(scope: &Scope, action: Action, filter: PeopleFilter) -> Select<person::Entity> {
    let units = scope.units_for(action);
    let mut assignments = Query::select();
    assignments
        .column(role_assignment::Column::PersonId)
        .from(role_assignment::Entity)
        .cond_where(assignments_in_scope(&units));
    if let Some(unit_id) = filter.unit_id {
        assignments.and_where(Expr::col(role_assignment::Column::UnitId).eq(unit_id));
    }
    if let Some(role) = filter.role {
        assignments.and_where(Expr::col(role_assignment::Column::Role).eq(role.as_str()));
    }
    let mut query = person::Entity::find().filter(person::Column::Id.in_subquery(assignments));
    if let Some(search) = filter.search.map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty()) {
        // `\` escapes LIKE's own wildcards, so "op_1" matches an underscore, not any character.
        let escaped = search.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        let pattern = || LikeExpr::new(format!("%{escaped}%")).escape('\\');
        query = query.filter(
            Condition::any()
                .add(Expr::col(person::Column::Username).like(pattern()))
                .add(Func::lower(Expr::col(person::Column::DisplayName)).like(pattern())),
        );
    }
    query
}

/// Assignments of these people that the caller may see.
pub async fn assignments_of(scope: &Scope, person_ids: &[Uuid]) -> AppResult<Vec<role_assignment::Model>> {
    let units = scope.units_for(Action::PeopleManage);
    Ok(role_assignment::Entity::find()
        .filter(role_assignment::Column::PersonId.is_in(person_ids.iter().copied()))
        .filter(assignments_in_scope(&units))
        .order_by_asc(role_assignment::Column::CreatedAt)
        .all(scope.db())
        .await?)
}

/// A person the caller manages, by username (`NOT_FOUND` otherwise).
pub async fn visible_person(scope: &Scope, username: &str) -> AppResult<person::Model> {
    let units = scope.units_for(Action::PeopleManage);
    let mut assignments = Query::select();
    assignments
        .column(role_assignment::Column::PersonId)
        .from(role_assignment::Entity)
        .cond_where(assignments_in_scope(&units));
    person::Entity::find()
        .filter(person::Column::Username.eq(username))
        .filter(person::Column::Id.in_subquery(assignments))
        .one(scope.db())
        .await?
        .ok_or_else(domain::person_not_found)
}

pub(super) async fn unit_in_scope(scope: &Scope, code: &str) -> AppResult<org_unit::Model> {
    let units = scope.units_for(Action::PeopleManage);
    org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq(code))
        .filter(units.path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))))
        .one(scope.db())
        .await?
        .ok_or_else(crate::kernel::messages::unit_not_found)
}

/// The people holding a role on one office, for those who assign work there
/// (`appointments:assign`): directors and coordinators pick operators from it.
pub async fn staff_of_office(scope: &Scope, office_code: &str) -> AppResult<Vec<person::Model>> {
    let units = scope.units_for(Action::AppointmentAssign);
    let office = org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq(office_code))
        .filter(units.path_condition(Expr::col((org_unit::Entity, org_unit::Column::Path))))
        .one(scope.db())
        .await?
        .ok_or_else(crate::kernel::messages::office_not_found)?;
    let mut holders = Query::select();
    holders
        .column(role_assignment::Column::PersonId)
        .from(role_assignment::Entity)
        .and_where(Expr::col(role_assignment::Column::UnitId).eq(office.id));
    Ok(person::Entity::find()
        .filter(person::Column::Id.in_subquery(holders))
        .filter(person::Column::Active.eq(true))
        .order_by_asc(person::Column::DisplayName)
        .all(scope.db())
        .await?)
}

/// Inserts a role assignment of `person_id` on `unit_id`.
pub(super) async fn insert_assignment(
    conn: &impl ConnectionTrait,
    person_id: Uuid,
    role: Role,
    unit_id: Uuid,
    section: Option<Section>,
) -> AppResult<role_assignment::Model> {
    let model = role_assignment::Model {
        id: Uuid::now_v7(),
        person_id,
        role,
        unit_id: Some(unit_id),
        section,
        created_at: Utc::now(),
    };
    role_assignment::Entity::insert(role_assignment::ActiveModel::from(model.clone())).exec(conn).await?;
    Ok(model)
}
