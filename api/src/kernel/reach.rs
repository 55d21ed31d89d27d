//! The caller's reach as PostgreSQL's row-level security sees it: the second wall.
//!
//! The first wall is the SQL scope every store puts in its queries
//! ([`crate::tenancy`]). On PostgreSQL the server also works as the role
//! `accoglienza_app`, which owns nothing and is subject to the policies of
//! migration `m20261202_000100_row_level_security`: a row of a guarded table is
//! visible only when one of its unit columns lies under a prefix of the
//! table's setting (`accoglienza.quesito`, …). With no setting, nothing is.
//!
//! This module carries the reach from the request to the connection: a
//! task-local set around each GraphQL execution ([`Reach::run`]), which the
//! pool writes into the session each time it hands a connection out
//! ([`crate::db`]), and which a write transaction overrides with the caller's
//! write reach (`SET LOCAL`, [`crate::kernel::write_txn`]). Work that acts for
//! nobody in particular (sign-in, registration, workers, seeding, tests'
//! fixtures) runs under [`Reach::system`]. SQLite has no such wall: there the
//! SQL scope is the only one.

use std::future::Future;
use std::sync::OnceLock;

use futures::future::BoxFuture;

use crate::authz::Action;

/// The guarded tables' settings, and the actions whose reach each admits.
/// A table not listed has no organisation-owned rows (the org tree, people,
/// services, the professionals' register and their procure, outbox, sessions)
/// or holds configuration every filer needs (classifications, SLA, FAQ).
pub const SETTINGS: [(&str, Admits); 5] = [
    ("accoglienza.quesito", Admits::Area("quesito:")),
    ("accoglienza.appointment", Admits::Area("appointments:")),
    ("accoglienza.callback", Admits::Area("callbacks:")),
    ("accoglienza.contact", Admits::Area("ccm:")),
    // Audit events and role assignments are read by every area.
    ("accoglienza.any", Admits::Every),
];

/// Which actions make up a setting's reach.
#[derive(Clone, Copy, Debug)]
pub enum Admits {
    /// Actions whose policy name starts with this area prefix.
    Area(&'static str),
    Every,
}

impl Admits {
    pub fn admits(self, action: Action) -> bool {
        match self {
            Admits::Area(prefix) => action.as_str().starts_with(prefix),
            Admits::Every => true,
        }
    }
}

/// Actions that name where a record goes, not records one reads: a quesito's
/// target CRIC or directorate, the office a CCM books at, the office a
/// callback is asked of. Their "anywhere" reach applies to writes only; what
/// the caller wrote stays visible through the `filed_by`/`booked_by`/
/// `requested_by` unit columns.
pub const TARGET_ONLY: [Action; 4] =
    [Action::QuesitoFile, Action::QuesitoRoute, Action::AppointmentBook, Action::CallbackRequest];

/// Where one table's rows are visible: under these path prefixes, everywhere,
/// and whether rows that belong to no unit are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableReach {
    pub everywhere: bool,
    pub prefixes: Vec<String>,
    pub unowned: bool,
}

impl TableReach {
    /// The setting's value: `*`, or comma-separated `LIKE` patterns, with `-`
    /// standing for "rows of no unit". Paths are codes and slashes only.
    pub fn setting(&self) -> String {
        if self.everywhere {
            return "*".to_owned();
        }
        let mut parts: Vec<String> = self.prefixes.iter().map(|p| format!("{p}%")).collect();
        if self.unowned {
            parts.push("-".to_owned());
        }
        parts.join(",")
    }
}

/// One reach per guarded setting, in the order of [`SETTINGS`], and the
/// caller (`accoglienza.person`): a callback request is visible to the person
/// it is assigned to, wherever they work. It also says how PostgreSQL plans
/// the statements run with it ([`Plans`]), since it is written before each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reach {
    tables: Vec<TableReach>,
    person: Option<uuid::Uuid>,
    plans: Plans,
}

/// The setting that names the caller.
pub const PERSON_SETTING: &str = "accoglienza.person";

/// PostgreSQL's `plan_cache_mode`, written with the reach.
pub const PLANS_SETTING: &str = "plan_cache_mode";

/// How PostgreSQL plans a prepared statement each time it runs.
///
/// With row-level security every statement carries the policies' sub-queries,
/// and planning them costs more than running a look-up by key (0.4–0.75 ms of
/// planning against 0.05–0.4 ms of execution for a page's nested levels,
/// measured in docs/performance.md). PostgreSQL's default (`auto`) plans each
/// execution anew as long as its generic plan looks costlier, which it does
/// for these. A statement that fetches rows by their keys (DataLoaders, a
/// page's nested levels, the caller's session) has one good plan whatever the
/// keys: it runs with [`Plans::Generic`], planned once per connection; so does
/// a list narrowed by nothing but the caller's visibility (see
/// `quesiti::store::list`). Lists with filters keep `auto`: their best plan
/// may depend on the values. Figures
/// over a period certainly do (a region or the nation, a day or a year), and
/// run with [`Plans::Custom`]: under `auto`, after five executions on a
/// connection PostgreSQL may settle on a generic plan it estimates cheaper,
/// which for a national year under row-level security ran 3.8 s against
/// 0.3–0.5 s planned for the values (docs/performance.md).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Plans {
    #[default]
    Auto,
    Generic,
    Custom,
}

impl Plans {
    fn setting(self) -> &'static str {
        match self {
            Plans::Auto => "auto",
            Plans::Generic => "force_generic_plan",
            Plans::Custom => "force_custom_plan",
        }
    }
}

tokio::task_local! {
    static CURRENT: Reach;
}

impl Reach {
    /// Sees nothing: what an unauthenticated request and a connection nobody set get.
    pub fn nowhere() -> Self {
        Reach { tables: vec![TableReach::default(); SETTINGS.len()], person: None, plans: Plans::Auto }
    }

    /// Sees everything: for work done for nobody in particular (see the module docs).
    pub fn system() -> Self {
        let everywhere = TableReach { everywhere: true, ..Default::default() };
        Reach { tables: vec![everywhere; SETTINGS.len()], person: None, plans: Plans::Auto }
    }

    pub fn from_tables(tables: Vec<TableReach>, person: uuid::Uuid) -> Self {
        assert_eq!(tables.len(), SETTINGS.len(), "one reach per guarded setting");
        Reach { tables, person: Some(person), plans: Plans::Auto }
    }

    /// The same reach, its statements planned once per connection: for
    /// look-ups by key only (see [`Plans`]).
    pub fn with_generic_plans(self) -> Self {
        Reach { plans: Plans::Generic, ..self }
    }

    /// The same reach, its statements planned for their values at every
    /// execution: for figures over a period (see [`Plans`]).
    pub fn with_custom_plans(self) -> Self {
        Reach { plans: Plans::Custom, ..self }
    }

    /// Runs `fut` with the current reach, its statements planned for their values.
    pub async fn planned_for_values<F: Future>(fut: F) -> F::Output {
        Reach::current().with_custom_plans().run(fut).await
    }

    /// The values of [`SETTINGS`], in order, then of [`PERSON_SETTING`] and [`PLANS_SETTING`].
    pub fn settings(&self) -> Vec<String> {
        let mut values: Vec<String> = self.tables.iter().map(TableReach::setting).collect();
        values.push(self.person.map(|p| p.to_string()).unwrap_or_default());
        values.push(self.plans.setting().to_owned());
        values
    }

    /// Runs `fut` with this reach on every connection it takes from the pool.
    pub async fn run<F: Future>(self, fut: F) -> F::Output {
        CURRENT.scope(self, fut).await
    }

    /// The reach of the running task; [`Reach::nowhere`] outside any.
    pub fn current() -> Reach {
        CURRENT.try_with(Reach::clone).unwrap_or_else(|_| Reach::nowhere())
    }

    /// A spawner for DataLoaders: their batches run in tasks of their own, which
    /// must keep the reach of the request that spawned them. A batch loads by
    /// key, so its statements are planned once ([`Plans::Generic`]).
    pub fn spawner(&self) -> impl Fn(BoxFuture<'static, ()>) -> tokio::task::JoinHandle<()> + Send + Sync + 'static {
        let reach = self.clone().with_generic_plans();
        move |fut| tokio::spawn(reach.clone().run(fut))
    }
}

/// The statement that writes a reach into the session (`local = false`) or
/// the transaction (`local = true`); bind [`Reach::settings`] to it, in order.
/// Built once per kind: the pool runs it on every hand-out.
pub fn set_sql(local: bool) -> &'static str {
    static SESSION: OnceLock<String> = OnceLock::new();
    static LOCAL: OnceLock<String> = OnceLock::new();
    let build = || {
        let calls: Vec<String> = SETTINGS
            .iter()
            .map(|(name, _)| *name)
            .chain([PERSON_SETTING, PLANS_SETTING])
            .enumerate()
            .map(|(i, name)| format!("set_config('{name}', ${}, {local})", i + 1))
            .collect();
        format!("SELECT {}", calls.join(", "))
    };
    if local { LOCAL.get_or_init(build) } else { SESSION.get_or_init(build) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reach_becomes_like_patterns_with_a_marker_for_rows_of_no_unit() {
        let r =
            TableReach { everywhere: false, prefixes: vec!["/IT/SAR/".into(), "/IT/LAZ/RM/".into()], unowned: true };
        assert_eq!(r.setting(), "/IT/SAR/%,/IT/LAZ/RM/%,-");
        assert_eq!(TableReach::default().setting(), "");
        let mut system = vec!["*"; SETTINGS.len()];
        system.extend(["", "auto"]);
        assert_eq!(Reach::system().settings(), system);
    }

    #[test]
    fn the_set_statement_names_every_setting_once() {
        let sql = set_sql(true);
        assert_eq!(Reach::nowhere().settings().len(), SETTINGS.len() + 2);
        assert!(sql.contains("set_config('plan_cache_mode', $7, true)"), "{sql}");
        assert!(set_sql(false).contains("set_config('accoglienza.person', $6, false)"), "{}", set_sql(false));
        assert!(sql.contains("set_config('accoglienza.quesito', $1, true)"), "{sql}");
        assert!(sql.contains("set_config('accoglienza.any', $5, true)"), "{sql}");
        assert!(sql.contains("set_config('accoglienza.person', $6, true)"), "{sql}");
    }

    #[tokio::test]
    async fn the_reach_follows_the_task_and_its_loaders() {
        assert_eq!(Reach::current(), Reach::nowhere());
        let seen = Reach::system()
            .run(async {
                let (tx, rx) = tokio::sync::oneshot::channel();
                let spawn = Reach::current().spawner();
                spawn(Box::pin(async move {
                    let _ = tx.send(Reach::current());
                }));
                rx.await.unwrap()
            })
            .await;
        assert_eq!(seen, Reach::system().with_generic_plans(), "the same reach, planned once per connection");
    }
}
