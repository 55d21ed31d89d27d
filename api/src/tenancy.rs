//! Tenancy, enforced in one place.
//!
//! A [`Scope`] is the caller's identity plus their resolved permissions, built
//! once per request. It is the only way GraphQL resolvers reach the database:
//! stores take a `&Scope`, ask it which units an action reaches
//! ([`Scope::units_for`]) and put that into their SQL as a condition
//! ([`UnitScope::unit_id_condition`]). Nothing is loaded and filtered afterwards.

use std::sync::Arc;

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{Condition, DatabaseConnection, ExprTrait};
use uuid::Uuid;

use crate::auth::{Assignment, Principal};
use crate::authz::{Action, Authz, OUTSIDE_ANY_UNIT};
use crate::error::{AppError, AppResult};
use crate::kernel::reach::{self, Reach, TableReach};
use crate::kernel::{WriteGate, WriteTxn};
use crate::quesiti::domain::Section;

/// Which units an action reaches for the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnitScope {
    Everywhere,
    /// The subtrees under these paths; empty means nowhere.
    Under(Vec<String>),
}

impl UnitScope {
    pub fn is_nowhere(&self) -> bool {
        matches!(self, UnitScope::Under(p) if p.is_empty())
    }

    /// True when the scope includes a whole national root (e.g. `/IT/`): such
    /// callers also see records that belong to no unit at all.
    pub fn includes_a_root(&self) -> bool {
        match self {
            UnitScope::Everywhere => true,
            UnitScope::Under(prefixes) => prefixes.iter().any(|p| p.matches('/').count() == 2),
        }
    }

    /// The national roots of the scope (`/IT/SAR/` → `/IT/`): where the units
    /// a whole root shares, such as its central directorates, lie.
    pub fn roots(&self) -> UnitScope {
        match self {
            UnitScope::Everywhere => UnitScope::Everywhere,
            UnitScope::Under(prefixes) => {
                let mut roots: Vec<String> = prefixes.iter().map(|p| crate::org::domain::root_prefix(p)).collect();
                roots.sort();
                roots.dedup();
                UnitScope::Under(roots)
            }
        }
    }

    pub fn covers(&self, path: &str) -> bool {
        match self {
            UnitScope::Everywhere => true,
            UnitScope::Under(prefixes) => prefixes.iter().any(|p| path.starts_with(p.as_str())),
        }
    }

    /// Condition on a materialised-path column: `path LIKE 'p1%' OR path LIKE 'p2%'`.
    pub fn path_condition(&self, path_col: impl Into<Expr> + Clone) -> Condition {
        match self {
            UnitScope::Everywhere => Condition::all(),
            UnitScope::Under(prefixes) => prefixes
                .iter()
                .fold(Condition::any(), |cond, p| cond.add(path_col.clone().into().like(format!("{p}%")))),
        }
    }

    /// Condition on a column holding an `org_unit.id`: the unit must lie in scope.
    /// `unit_id IN (SELECT id FROM org_unit WHERE path LIKE …)` — one indexed
    /// sub-select, so the rows never leave the database unfiltered.
    pub fn unit_id_condition(&self, unit_id_col: impl Into<Expr>) -> Condition {
        match self {
            UnitScope::Everywhere => Condition::all(),
            UnitScope::Under(prefixes) if prefixes.is_empty() => Condition::all().add(Expr::val(1).eq(0)),
            UnitScope::Under(_) => {
                let mut sub = Query::select();
                sub.column(entities::org_unit::Column::Id)
                    .from(entities::org_unit::Entity)
                    .cond_where(self.path_condition(Expr::col(entities::org_unit::Column::Path)));
                Condition::all().add(unit_id_col.into().in_subquery(sub))
            }
        }
    }
}

/// Where an action reaches for records that carry a section: units reached
/// by assignments without a section (any section there), plus, per section,
/// the units reached by assignments narrowed to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionedScope {
    pub unrestricted: UnitScope,
    pub narrowed: Vec<(Section, UnitScope)>,
}

impl SectionedScope {
    pub fn is_nowhere(&self) -> bool {
        self.unrestricted.is_nowhere() && self.narrowed.is_empty()
    }

    /// `unit_id` in scope (any section), or in a section-narrowed scope with
    /// that section.
    pub fn condition(&self, unit_id_col: impl Into<Expr> + Clone, section_col: impl Into<Expr> + Clone) -> Condition {
        if self.unrestricted == UnitScope::Everywhere {
            return Condition::all();
        }
        let mut cond = Condition::any();
        if !self.unrestricted.is_nowhere() {
            cond = cond.add(self.unrestricted.unit_id_condition(unit_id_col.clone()));
        }
        for (section, units) in &self.narrowed {
            cond = cond.add(
                Condition::all()
                    .add(section_col.clone().into().eq(section.as_str()))
                    .add(units.unit_id_condition(unit_id_col.clone())),
            );
        }
        if self.is_nowhere() {
            return Condition::all().add(Expr::val(1).eq(0));
        }
        cond
    }
}

/// The signed-in caller and their permissions, for one request.
#[derive(Clone)]
pub struct Scope {
    db: DatabaseConnection,
    /// What [`Scope::db`] hands out while a write transaction is open.
    closed: DatabaseConnection,
    writes: WriteGate,
    authz: Authz,
    principal: Arc<Principal>,
    request_id: Option<String>,
    /// Told when an operation of this caller commits alerts (none in tools and tests that do not serve).
    alerts: Option<crate::alerts::AlertBus>,
}

impl Scope {
    pub fn new(db: DatabaseConnection, authz: Authz, principal: Arc<Principal>, request_id: Option<String>) -> Self {
        let closed = crate::kernel::write_txn::closed_pool_like(&db);
        Scope { db, closed, writes: WriteGate::default(), authz, principal, request_id, alerts: None }
    }

    /// The same caller, whose committed alerts wake the subscriptions of `bus`.
    pub fn with_alerts(mut self, bus: crate::alerts::AlertBus) -> Self {
        self.alerts = Some(bus);
        self
    }

    /// Where this caller's committed alerts are announced.
    pub fn alert_bus(&self) -> Option<&crate::alerts::AlertBus> {
        self.alerts.as_ref()
    }

    /// The same caller for one GraphQL operation of a batch, with a write gate of its own.
    pub fn for_operation(&self) -> Self {
        Scope { writes: WriteGate::default(), ..self.clone() }
    }

    /// The connection, for stores. Every query on organisation-owned data must
    /// also apply [`Scope::units_for`]; tests in `tests/api/tenancy.rs` check it.
    ///
    /// While this operation holds a [`WriteTxn`] the pool is closed to it: a
    /// query here would need a second connection (see [`crate::kernel::write_txn`]);
    /// it fails instead, and the log names the bug.
    pub fn db(&self) -> &DatabaseConnection {
        if self.writes.is_open() {
            tracing::error!("a query used the pool while its request holds a write transaction: pass the transaction");
            return &self.closed;
        }
        &self.db
    }

    /// Begins the write transaction of this operation (see [`crate::kernel::write_txn`]).
    /// Mutations do not call it: they go through [`crate::kernel::Operation`].
    pub(crate) async fn begin_write_txn(&self) -> Result<WriteTxn, sea_orm::DbErr> {
        self.writes.begin(&self.db, &self.reach(true)).await
    }

    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Units on which the caller may perform `action`, from all their assignments.
    pub fn units_for(&self, action: Action) -> UnitScope {
        self.units_for_assignments(action, |_| true)
    }

    /// Like [`Scope::units_for`], keeping the CRIC/CCM section each assignment
    /// is narrowed to (docs/domain.md §3): for records that carry a section as well
    /// as a unit, use [`SectionedScope::condition`].
    pub fn sectioned_units_for(&self, action: Action) -> SectionedScope {
        let unrestricted = self.units_for_assignments(action, |a| a.section.is_none());
        if unrestricted == UnitScope::Everywhere {
            return SectionedScope { unrestricted, narrowed: Vec::new() };
        }
        let mut sections: Vec<Section> = self.principal.assignments.iter().filter_map(|a| a.section).collect();
        sections.sort_unstable();
        sections.dedup();
        let narrowed = sections
            .into_iter()
            .map(|s| (s, self.units_for_assignments(action, |a| a.section == Some(s))))
            .filter(|(_, units)| !units.is_nowhere())
            .collect();
        SectionedScope { unrestricted, narrowed }
    }

    fn units_for_assignments(&self, action: Action, include: impl Fn(&Assignment) -> bool) -> UnitScope {
        let mut prefixes = Vec::new();
        if !self.principal.via.allows(action) {
            return UnitScope::Under(prefixes);
        }
        for a in self.principal.assignments.iter().filter(|a| include(a)) {
            let Some(held) = a.unit_path() else { continue };
            if self.authz.permits(a.role, Some(held), Some(OUTSIDE_ANY_UNIT), action) {
                return UnitScope::Everywhere;
            }
            if self.authz.permits(a.role, Some(held), Some(held), action) {
                prefixes.push(held.to_owned());
            }
        }
        UnitScope::Under(minimal_prefixes(prefixes))
    }

    /// The caller's reach for the second wall ([`crate::kernel::reach`]): per
    /// guarded table, the units of every action it admits. Reads leave out the
    /// actions that only name a target ([`reach::TARGET_ONLY`]); a write
    /// transaction includes them.
    pub fn reach(&self, for_writes: bool) -> Reach {
        let table = |admits: reach::Admits| {
            let mut t = TableReach::default();
            let actions = Action::ALL
                .into_iter()
                .filter(|a| admits.admits(*a) && (for_writes || !reach::TARGET_ONLY.contains(a)));
            for action in actions {
                match self.units_for(action) {
                    UnitScope::Everywhere => return TableReach { everywhere: true, ..Default::default() },
                    UnitScope::Under(prefixes) => t.prefixes.extend(prefixes),
                }
            }
            t.prefixes = minimal_prefixes(t.prefixes);
            t.unowned = UnitScope::Under(t.prefixes.clone()).includes_a_root();
            t
        };
        Reach::from_tables(reach::SETTINGS.iter().map(|(_, admits)| table(*admits)).collect(), self.person_id())
    }

    /// Like [`Scope::authorize`] for a record of a CRIC/CCM `section`: an
    /// assignment narrowed to another section does not count.
    pub fn authorize_in_section(&self, action: Action, target_path: &str, section: Section) -> AppResult<&Assignment> {
        self.check_method(action)?;
        self.principal
            .assignments
            .iter()
            .filter(|a| a.section.is_none_or(|s| s == section))
            .find(|a| self.authz.permits(a.role, a.unit_path(), Some(target_path), action))
            .ok_or_else(forbidden)
    }

    /// The assignment under which the caller may perform `action` on a record
    /// of the unit at `target_path`, or `FORBIDDEN`. The returned assignment is
    /// what the audit trail records as "acting as".
    pub fn authorize(&self, action: Action, target_path: &str) -> AppResult<&Assignment> {
        self.check_method(action)?;
        self.principal
            .assignments
            .iter()
            .find(|a| self.authz.permits(a.role, a.unit_path(), Some(target_path), action))
            .ok_or_else(forbidden)
    }

    /// The assignment under which the caller may perform `action` on records
    /// they own personally (no unit), or `FORBIDDEN`.
    pub fn authorize_own(&self, action: Action) -> AppResult<&Assignment> {
        self.check_method(action)?;
        self.principal
            .assignments
            .iter()
            .find(|a| self.authz.permits(a.role, a.unit_path(), None, action))
            .ok_or_else(forbidden)
    }

    pub fn person_id(&self) -> Uuid {
        self.principal.person_id
    }

    /// An API key may do only what [`crate::auth::API_KEY_ACTIONS`] lists.
    fn check_method(&self, action: Action) -> AppResult<()> {
        if self.principal.via.allows(action) {
            return Ok(());
        }
        Err(AppError::forbidden(
            "Le chiavi API consentono solo la lettura delle procure e dei collaboratori",
            "API keys may only read procure and collaborators",
        ))
    }
}

/// Sorted prefixes without those a shorter one already covers.
fn minimal_prefixes(mut prefixes: Vec<String>) -> Vec<String> {
    prefixes.sort();
    prefixes.dedup();
    let mut minimal: Vec<String> = Vec::new();
    for p in prefixes {
        if !minimal.iter().any(|m| p.starts_with(m.as_str())) {
            minimal.push(p);
        }
    }
    minimal
}

fn forbidden() -> AppError {
    AppError::forbidden(
        "Operazione non consentita al tuo ruolo su questa unità",
        "Your role may not perform this operation on this unit",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::{DbBackend, EntityTrait, QueryFilter, QueryTrait};

    fn sql(cond: Condition) -> String {
        entities::audit_event::Entity::find().filter(cond).build(DbBackend::Sqlite).to_string()
    }

    fn unit_col() -> Expr {
        Expr::col((entities::audit_event::Entity, entities::audit_event::Column::UnitId))
    }

    #[test]
    fn everywhere_adds_no_restriction_even_inside_an_any() {
        let s = sql(Condition::any().add(UnitScope::Everywhere.unit_id_condition(unit_col())));
        assert!(s.ends_with("WHERE TRUE"), "{s}");
    }

    #[test]
    fn a_subtree_scope_becomes_a_prefix_sub_select_on_org_unit() {
        let scope = UnitScope::Under(vec!["/IT/SAR/".into(), "/IT/LAZ/RM/".into()]);
        let s = sql(scope.unit_id_condition(unit_col()));
        assert!(s.contains(r#""unit_id" IN (SELECT "id" FROM "org_unit" WHERE "path" LIKE '/IT/SAR/%' OR "path" LIKE '/IT/LAZ/RM/%')"#), "{s}");
    }

    #[test]
    fn an_empty_scope_matches_nothing() {
        let s = sql(UnitScope::Under(vec![]).unit_id_condition(unit_col()));
        assert!(s.contains("WHERE 1 = 0"), "{s}");
        assert!(UnitScope::Under(vec![]).is_nowhere());
    }

    #[test]
    fn covers_respects_segment_boundaries() {
        let scope = UnitScope::Under(vec!["/IT/SAR/".into()]);
        assert!(scope.covers("/IT/SAR/CA/CA1/"));
        assert!(!scope.covers("/IT/SAR2/"));
        assert!(!scope.covers("/IT/"));
    }
}
