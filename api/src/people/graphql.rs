//! GraphQL layer for people and role assignments.

use std::collections::HashMap;

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::dataloader::{DataLoader, Loader};
use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use uuid::Uuid;

use entities::{person, role_assignment};

use super::operations::{self, NewAssignment, NewPerson};
use super::store::{self, PeopleFilter};
use crate::authz::Role;
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::paging::Page;
use crate::kernel::sorting::{ListTotal, OrderBy, sorted_connection};
use crate::org::graphql::{OrgUnit, UnitLoader};
use crate::tenancy::Scope;

/// A member of staff (or a professional) with the roles the caller may see.
pub struct Person(pub person::Model);

#[Object]
impl Person {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn username(&self) -> &str {
        &self.0.username
    }
    async fn display_name(&self) -> &str {
        &self.0.display_name
    }
    async fn email(&self) -> Option<&str> {
        self.0.email.as_deref()
    }
    /// Deactivated people cannot sign in; their tokens stop working at once.
    async fn active(&self) -> bool {
        self.0.active
    }
    /// Role assignments on units within the caller's scope.
    async fn assignments(&self, ctx: &Context<'_>) -> AppResult<Vec<PersonAssignment>> {
        let loader = ctx.data::<DataLoader<AssignmentsByPerson>>().map_err(AppError::internal)?;
        Ok(loader.load_one(self.0.id).await?.unwrap_or_default().into_iter().map(PersonAssignment).collect())
    }
}

/// Someone who works at an office, as offered in assignment pickers.
#[derive(SimpleObject)]
pub struct StaffMember {
    pub username: String,
    pub display_name: String,
}

pub struct PersonAssignment(role_assignment::Model);

#[Object]
impl PersonAssignment {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn role(&self) -> Role {
        self.0.role
    }
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        let Some(id) = self.0.unit_id else { return Ok(None) };
        let loader = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
        Ok(loader.load_one(id).await?.map(OrgUnit))
    }
    /// CRIC/CCM section the assignment is narrowed to.
    async fn section(&self) -> Option<&str> {
        self.0.section.map(|s| s.as_str())
    }
}

#[derive(InputObject, Default)]
pub struct PeopleFilterInput {
    /// People with a role on exactly this unit.
    pub unit_code: Option<String>,
    pub role: Option<Role>,
    /// Part of the username or name.
    pub search: Option<String>,
}

#[derive(InputObject)]
pub struct RoleAssignmentInput {
    pub role: Role,
    pub unit_code: String,
    /// PENSIONI, SOSTEGNO_REDDITO or SOGGETTO_CONTRIBUENTE (CRIC experts, CCM operators).
    pub section: Option<String>,
}

impl From<RoleAssignmentInput> for NewAssignment {
    fn from(i: RoleAssignmentInput) -> Self {
        NewAssignment { role: i.role, unit_code: i.unit_code, section: i.section }
    }
}

#[derive(InputObject)]
pub struct CreatePersonInput {
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    /// At least 12 characters; omit for people who sign in only through SSO.
    pub initial_password: Option<String>,
    /// The first role: a person always has one, so someone can manage them.
    pub assignment: RoleAssignmentInput,
}

/// What the people list can be sorted by (default: username).
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "store::PersonOrderField")]
pub enum PersonOrderField {
    Username,
    DisplayName,
    /// When the person was created.
    CreatedAt,
}

#[derive(Default)]
pub struct PeopleQuery;

#[Object]
impl PeopleQuery {
    /// People the caller manages (ADMIN: everyone; REGIONAL_DIRECTOR: their region).
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    async fn people(
        &self,
        ctx: &Context<'_>,
        filter: Option<PeopleFilterInput>,
        order_by: Option<OrderBy<PersonOrderField>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Person, ListTotal, EmptyFields>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let filter = filter.unwrap_or_default();
        let unit_id = match filter.unit_code {
            Some(code) => Some(
                crate::org::store::by_code(scope, &code).await?.ok_or_else(crate::kernel::messages::unit_not_found)?.id,
            ),
            None => None,
        };
        let filter = PeopleFilter { unit_id, role: filter.role, search: filter.search };
        let sort = store::people_sort(order_by.map(OrderBy::picked));
        let (rows, total) = store::list(scope, filter, &sort, &page).await?;
        Ok(sorted_connection(&page, &sort, rows, |p| p.id, Person, total))
    }
}

#[derive(Default)]
pub struct PersonQuery;

#[Object]
impl PersonQuery {
    /// Active people holding a role on an office, for its directors and
    /// coordinators to assign work (their roles on other units are not shown).
    async fn office_staff(&self, ctx: &Context<'_>, office_code: String) -> AppResult<Vec<StaffMember>> {
        let people = store::staff_of_office(ctx.scope()?, &office_code).await?;
        Ok(people.into_iter().map(|p| StaffMember { username: p.username, display_name: p.display_name }).collect())
    }

    /// One person the caller manages, by username. `NOT_FOUND` otherwise.
    async fn person(&self, ctx: &Context<'_>, username: String) -> AppResult<Person> {
        Ok(Person(store::visible_person(ctx.scope()?, &username).await?))
    }
}

#[derive(Default)]
pub struct PeopleMutation;

#[Object]
impl PeopleMutation {
    /// Creates a person with their first role assignment.
    async fn create_person(&self, ctx: &Context<'_>, input: CreatePersonInput) -> AppResult<Person> {
        let scope = ctx.scope()?;
        let new = NewPerson {
            username: input.username,
            display_name: input.display_name,
            email: input.email,
            initial_password: input.initial_password,
            first_assignment: input.assignment.into(),
        };
        Ok(Person(operations::create_person(scope, new).await?))
    }

    /// Grants a role on a unit to a person the caller manages.
    async fn assign_role(
        &self,
        ctx: &Context<'_>,
        username: String,
        input: RoleAssignmentInput,
    ) -> AppResult<PersonAssignment> {
        let assignment = operations::assign_role(ctx.scope()?, &username, input.into()).await?;
        access_changed(ctx, assignment.person_id).await?;
        Ok(PersonAssignment(assignment))
    }

    /// Removes a role assignment.
    async fn revoke_role(&self, ctx: &Context<'_>, assignment_id: ID) -> AppResult<bool> {
        let id = crate::kernel::ids::parse_uuid("assignmentId", assignment_id.as_str())?;
        let assignment = operations::revoke_role(ctx.scope()?, id).await?;
        access_changed(ctx, assignment.person_id).await?;
        Ok(true)
    }

    /// Activates or deactivates a person. Deactivating ends every session of
    /// theirs at once, on every instance.
    async fn set_person_active(&self, ctx: &Context<'_>, username: String, active: bool) -> AppResult<Person> {
        let person = operations::set_active(ctx.scope()?, &username, active).await?;
        access_changed(ctx, person.id).await?;
        Ok(Person(person))
    }

    /// Ends every session of a person the caller manages (each of their
    /// tokens is refused from the next request on); answers how many ended.
    async fn end_sessions_of(&self, ctx: &Context<'_>, username: String) -> AppResult<i32> {
        let state = ctx.app_state()?;
        let (person_id, ended) = operations::end_sessions_of(ctx.scope()?, &state.sessions, &username).await?;
        access_changed(ctx, person_id).await?;
        Ok(i32::try_from(ended).unwrap_or(i32::MAX))
    }

    /// Sends a person the caller manages a one-time link (by e-mail, valid 24
    /// hours) to choose a new password themself.
    async fn issue_password_reset(&self, ctx: &Context<'_>, username: String) -> AppResult<PasswordResetIssued> {
        let public_url = &ctx.app_state()?.settings.public_url;
        let issued = operations::issue_password_reset(ctx.scope()?, public_url, &username).await?;
        Ok(PasswordResetIssued { expires_at: issued.expires_at, sent_to: issued.sent_to })
    }
}

/// A reset link on its way (the link itself only goes to the person).
#[derive(SimpleObject)]
pub struct PasswordResetIssued {
    pub expires_at: chrono::DateTime<chrono::Utc>,
    /// The address it was sent to, masked (`m***@agenzia.example.it`).
    pub sent_to: String,
}

/// After a person's roles or standing changed: their sessions end (the
/// caller's current one spared when the person is the caller).
async fn access_changed(ctx: &Context<'_>, person_id: Uuid) -> AppResult<()> {
    let keep = match ctx.scope()?.person_id() == person_id {
        true => ctx.request()?.bearer_hash(),
        false => None,
    };
    crate::auth::account::access_changed(ctx.app_state()?, person_id, keep.as_deref()).await?;
    Ok(())
}

/// Visible assignments of each person.
pub struct AssignmentsByPerson(pub Scope);

impl Loader<Uuid> for AssignmentsByPerson {
    type Value = Vec<role_assignment::Model>;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let mut map: HashMap<Uuid, Vec<role_assignment::Model>> = HashMap::new();
        for a in store::assignments_of(&self.0, keys).await? {
            map.entry(a.person_id).or_default().push(a);
        }
        Ok(map)
    }
}
