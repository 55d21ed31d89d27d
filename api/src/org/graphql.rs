//! GraphQL layer of the organisation tree.

use std::collections::HashMap;

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use async_graphql::{Context, Enum, ID, InputObject, Lookahead, MaybeUndefined, Object};
use uuid::Uuid;

use entities::org_unit;

use super::domain::{OfficeSize, UnitKind, UnitPurpose};
use super::{operations, store};
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::kernel::paging::Page;
use crate::kernel::sorting::{ListTotal, OrderBy, sorted_connection};
use crate::tenancy::Scope;

/// An organisational unit: the national root, a directorate, a CRIC, the CCM or an office.
pub struct OrgUnit(pub org_unit::Model);

#[Object]
impl OrgUnit {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// Stable code, e.g. `DR-SAR`, `UT-CA1`.
    async fn code(&self) -> &str {
        &self.0.code
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn kind(&self) -> UnitKind {
        self.0.kind
    }

    /// Materialised path, e.g. `/IT/SAR/CA/CA1/`.
    async fn path(&self) -> &str {
        &self.0.path
    }

    /// The parent unit, when the caller may see it.
    async fn parent(&self, ctx: &Context<'_>) -> AppResult<Option<OrgUnit>> {
        let Some(parent_id) = self.0.parent_id else { return Ok(None) };
        let loader = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
        Ok(loader.load_one(parent_id).await?.map(OrgUnit))
    }

    /// Child units the caller may see, in tree order.
    #[graphql(complexity = "20 * child_complexity")]
    async fn children(&self, ctx: &Context<'_>) -> AppResult<Vec<OrgUnit>> {
        let loader = ctx.data::<ChildrenLoader>().map_err(AppError::internal)?;
        let children = loader.load_one(self.0.id).await?.unwrap_or_default();
        // The children's `parent` is this unit: no need to load it again.
        let by_id = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
        by_id.feed_one(self.0.id, self.0.clone()).await;
        prefetch(ctx, ctx.look_ahead(), &children).await?;
        Ok(children.into_iter().map(OrgUnit).collect())
    }

    /// Offices only: SMALL or LARGE (large offices send the pre-contact e-mail).
    async fn size(&self) -> Option<OfficeSize> {
        self.0.office_size
    }

    /// Offices only: whether the virtual counter (sportello virtuale) is active.
    async fn virtual_counter(&self) -> bool {
        self.0.virtual_counter
    }

    async fn virtual_counter_mailbox(&self) -> Option<&str> {
        self.0.virtual_counter_mailbox.as_deref()
    }

    async fn opening_hours(&self) -> Option<&str> {
        self.0.opening_hours.as_deref()
    }

    /// Offices only: the office's function mailbox, in copy of every pre-contact
    /// e-mail its operators send (not the virtual counter's mailbox).
    async fn function_mailbox(&self) -> Option<&str> {
        self.0.function_mailbox.as_deref()
    }
}

/// What the list of units can be sorted by.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "crate::org::store::UnitOrderField")]
pub enum UnitOrderField {
    /// Tree order (the default): each unit right after its parent.
    Path,
    Name,
    Code,
    Kind,
}

#[derive(Default)]
pub struct OrgQuery;

#[Object]
impl OrgQuery {
    /// The units the caller may see, in tree order (each unit's `parent` and
    /// `children` rebuild the tree) unless `orderBy` says otherwise.
    #[graphql(complexity = "crate::kernel::paging::page_cost(first, child_complexity)")]
    async fn org_units(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        kind: Option<UnitKind>,
        order_by: Option<OrderBy<UnitOrderField>>,
    ) -> AppResult<Connection<String, OrgUnit, ListTotal, EmptyFields>> {
        let scope = ctx.scope()?;
        let page = Page::new(first, after)?;
        let sort = store::unit_sort(order_by.map(OrderBy::picked));
        let (rows, total) = store::list(scope, kind, &sort, &page).await?;
        prefetch(ctx, ctx.look_ahead().field("nodes"), &rows).await?;
        prefetch(ctx, ctx.look_ahead().field("edges").field("node"), &rows).await?;
        Ok(sorted_connection(&page, &sort, rows, |u| u.id, OrgUnit, total))
    }

    /// Regional directorates holding units the caller may pick for `purpose`
    /// (the CCM: every region), by name — the first step of picking an office
    /// to book at or a provincial directorate to ask for a callback.
    async fn pickable_regions(&self, ctx: &Context<'_>, purpose: UnitPurpose) -> AppResult<Vec<OrgUnit>> {
        Ok(store::pickable_regions(ctx.scope()?, purpose).await?.into_iter().map(OrgUnit).collect())
    }

    /// The units of a region the caller may pick for `purpose` (offices for
    /// BOOKING, provincial directorates for CALLBACK), by name; empty for a
    /// region outside the caller's reach.
    async fn pickable_units(
        &self,
        ctx: &Context<'_>,
        purpose: UnitPurpose,
        region_code: String,
    ) -> AppResult<Vec<OrgUnit>> {
        Ok(store::pickable_units(ctx.scope()?, purpose, &region_code).await?.into_iter().map(OrgUnit).collect())
    }

    /// One unit by code. `NOT_FOUND` also when it exists outside the caller's scope.
    async fn org_unit(&self, ctx: &Context<'_>, code: String) -> AppResult<OrgUnit> {
        let scope = ctx.scope()?;
        store::by_code(scope, &code).await?.map(OrgUnit).ok_or_else(crate::kernel::messages::unit_not_found)
    }
}

#[derive(InputObject)]
pub struct CreateOrgUnitInput {
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub parent_code: String,
    /// Path segment under the parent (A-Z, 0-9, `-`), e.g. `CA3` for `/IT/SAR/CA/CA3/`.
    pub segment: String,
    pub size: Option<OfficeSize>,
    pub virtual_counter: Option<bool>,
    pub virtual_counter_mailbox: Option<String>,
    pub opening_hours: Option<String>,
}

/// Fields left out are not changed; `null` clears an optional one.
#[derive(InputObject)]
pub struct UpdateOrgUnitInput {
    pub name: Option<String>,
    pub size: MaybeUndefined<OfficeSize>,
    pub virtual_counter: Option<bool>,
    pub virtual_counter_mailbox: MaybeUndefined<String>,
    pub opening_hours: MaybeUndefined<String>,
}

fn change<T>(v: MaybeUndefined<T>) -> Option<Option<T>> {
    match v {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(Some(v)),
    }
}

#[derive(Default)]
pub struct OrgMutation;

#[Object]
impl OrgMutation {
    /// Adds a unit to the tree (ADMIN).
    async fn create_org_unit(&self, ctx: &Context<'_>, input: CreateOrgUnitInput) -> AppResult<OrgUnit> {
        let new = operations::NewUnit {
            code: input.code,
            name: input.name,
            kind: input.kind,
            parent_code: input.parent_code,
            segment: input.segment,
            changes: operations::UnitChanges {
                name: None,
                office_size: Some(input.size),
                virtual_counter: input.virtual_counter,
                virtual_counter_mailbox: Some(input.virtual_counter_mailbox),
                opening_hours: Some(input.opening_hours),
            },
        };
        Ok(OrgUnit(operations::create(ctx.scope()?, new).await?))
    }

    /// Changes a unit's name and office settings (ADMIN).
    async fn update_org_unit(&self, ctx: &Context<'_>, code: String, input: UpdateOrgUnitInput) -> AppResult<OrgUnit> {
        let changes = operations::UnitChanges {
            name: input.name,
            office_size: change(input.size),
            virtual_counter: input.virtual_counter,
            virtual_counter_mailbox: change(input.virtual_counter_mailbox),
            opening_hours: change(input.opening_hours),
        };
        Ok(OrgUnit(operations::update(ctx.scope()?, &code, changes).await?))
    }

    /// Sets (or, with null or blank, clears) an office's function mailbox: its
    /// director, the DP's, or an admin. Pre-contact e-mails of an office
    /// without one are refused (docs/appointments.md).
    async fn set_office_function_mailbox(
        &self,
        ctx: &Context<'_>,
        office_code: String,
        function_mailbox: Option<String>,
    ) -> AppResult<OrgUnit> {
        Ok(OrgUnit(operations::set_function_mailbox(ctx.scope()?, &office_code, function_mailbox).await?))
    }
}

/// Loads, in one call per loader, what the selection will ask of each unit of
/// a list (`parent`, `children`), so siblings never trigger a batch each.
pub(crate) async fn prefetch(ctx: &Context<'_>, selection: Lookahead<'_>, units: &[org_unit::Model]) -> AppResult<()> {
    if units.is_empty() {
        return Ok(());
    }
    if selection.field("parent").exists() {
        let by_id = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
        by_id.feed_many(units.iter().map(|u| (u.id, u.clone()))).await;
        by_id.load_many(units.iter().filter_map(|u| u.parent_id)).await?;
    }
    if selection.field("children").exists() {
        let children = ctx.data::<ChildrenLoader>().map_err(AppError::internal)?;
        children.load_many(units.iter().map(|u| u.id)).await?;
    }
    Ok(())
}

/// Per-request loaders of units (cached for the request).
pub type UnitLoader = DataLoader<UnitById, HashMapCache>;
pub type ChildrenLoader = DataLoader<ChildrenByParent, HashMapCache>;

/// Units by id, by the one rule of [`crate::kernel::visibility`]: in the
/// caller's reach or pointed to by a record they may read (otherwise absent).
/// The only loader of units: every field that shows a unit asks it.
pub struct UnitById(pub Scope);

impl Loader<Uuid> for UnitById {
    type Value = org_unit::Model;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(store::by_ids(&self.0, keys).await?.into_iter().map(|u| (u.id, u)).collect())
    }
}

/// Visible children of each parent id.
pub struct ChildrenByParent(pub Scope);

impl Loader<Uuid> for ChildrenByParent {
    type Value = Vec<org_unit::Model>;
    type Error = AppError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let mut map: HashMap<Uuid, Vec<org_unit::Model>> = HashMap::new();
        for unit in store::children_of(&self.0, keys).await? {
            if let Some(parent) = unit.parent_id {
                map.entry(parent).or_default().push(unit);
            }
        }
        Ok(map)
    }
}
