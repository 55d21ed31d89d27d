//! The demo organisation and accounts of docs/domain.md §2 (password `demo` for all;
//! demo data only — never loaded in production).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait, PaginatorTrait, TransactionTrait};
use uuid::Uuid;

use entities::{org_unit, person, role_assignment};

use crate::auth::hash_password_blocking;
use crate::authz::Role;
use crate::org::domain::{OfficeSize, UnitKind, child_path};

pub struct DemoUnit {
    pub code: &'static str,
    pub name: &'static str,
    pub kind: UnitKind,
    pub parent: Option<&'static str>,
    /// Path segment under the parent.
    pub segment: &'static str,
    pub large: bool,
    pub virtual_counter: bool,
}

const fn unit(
    code: &'static str,
    name: &'static str,
    kind: UnitKind,
    parent: Option<&'static str>,
    segment: &'static str,
) -> DemoUnit {
    DemoUnit { code, name, kind, parent, segment, large: false, virtual_counter: false }
}

const fn office(
    code: &'static str,
    name: &'static str,
    parent: &'static str,
    segment: &'static str,
    large: bool,
    virtual_counter: bool,
) -> DemoUnit {
    DemoUnit { code, name, kind: UnitKind::TerritorialOffice, parent: Some(parent), segment, large, virtual_counter }
}

pub const UNITS: &[DemoUnit] = &[
    unit("ROOT", "Amministrazione centrale", UnitKind::National, None, "IT"),
    unit("DC", "Direzione Centrale", UnitKind::CentralDirectorate, Some("ROOT"), "DC"),
    unit("CCM", "CCM — Contact Center Multicanale", UnitKind::ContactCenter, Some("ROOT"), "CCM"),
    unit("DR-SAR", "DR Sardegna", UnitKind::RegionalDirectorate, Some("ROOT"), "SAR"),
    unit("CRIC-SAR", "CRIC Sardegna", UnitKind::Cric, Some("DR-SAR"), "CRIC"),
    unit("DP-CA", "DP Cagliari", UnitKind::ProvincialDirectorate, Some("DR-SAR"), "CA"),
    office("UT-CA1", "UT Cagliari 1", "DP-CA", "CA1", true, false),
    office("UT-CA2", "UT Cagliari 2", "DP-CA", "CA2", true, false),
    office("UT-IGL", "UT Iglesias", "DP-CA", "IGL", false, true),
    unit("DP-SS", "DP Sassari", UnitKind::ProvincialDirectorate, Some("DR-SAR"), "SS"),
    office("UT-SS", "UT Sassari", "DP-SS", "SS", true, true),
    unit("DP-OR", "DP Oristano", UnitKind::ProvincialDirectorate, Some("DR-SAR"), "OR"),
    office("UT-OR", "UT Oristano", "DP-OR", "OR", false, false),
    unit("DP-NU", "DP Nuoro", UnitKind::ProvincialDirectorate, Some("DR-SAR"), "NU"),
    office("UT-NU", "UT Nuoro", "DP-NU", "NU", false, true),
    unit("DR-LAZ", "DR Lazio", UnitKind::RegionalDirectorate, Some("ROOT"), "LAZ"),
    unit("CRIC-LAZ", "CRIC Lazio", UnitKind::Cric, Some("DR-LAZ"), "CRIC"),
    unit("DP-RM", "DP Roma", UnitKind::ProvincialDirectorate, Some("DR-LAZ"), "RM"),
    office("UT-RM1", "UT Roma 1", "DP-RM", "RM1", true, false),
    office("UT-RM2", "UT Roma 2", "DP-RM", "RM2", true, false),
    unit("DP-LT", "DP Latina", UnitKind::ProvincialDirectorate, Some("DR-LAZ"), "LT"),
    office("UT-LT", "UT Latina", "DP-LT", "LT", false, false),
];

/// (username, display name, role, unit code, personal fiscal code)
type DemoPerson = (&'static str, &'static str, Role, Option<&'static str>, Option<&'static str>);

pub const PEOPLE: &[DemoPerson] = &[
    ("admin", "Amministratore di sistema", Role::Admin, Some("ROOT"), None),
    ("dr.sardegna", "Giovanna Pinna", Role::RegionalDirector, Some("DR-SAR"), None),
    ("dr.lazio", "Marco Bianchi", Role::RegionalDirector, Some("DR-LAZ"), None),
    ("dp.cagliari", "Antonio Murgia", Role::ProvincialDirector, Some("DP-CA"), None),
    ("dir.cagliari1", "Francesca Melis", Role::OfficeDirector, Some("UT-CA1"), None),
    ("coord.cagliari1", "Roberto Sanna", Role::RoomCoordinator, Some("UT-CA1"), None),
    ("op.cagliari1", "Laura Serra", Role::Operator, Some("UT-CA1"), None),
    ("op2.cagliari1", "Paolo Deiana", Role::Operator, Some("UT-CA1"), None),
    ("op.sassari", "Maria Fadda", Role::Operator, Some("UT-SS"), None),
    ("op.roma1", "Luca Conti", Role::Operator, Some("UT-RM1"), None),
    ("ccm.op", "Sara Ricci", Role::CcmOperator, Some("CCM"), None),
    ("cric.sardegna", "Elena Porcu", Role::CricExpert, Some("CRIC-SAR"), None),
    ("cric.lazio", "Davide Romano", Role::CricExpert, Some("CRIC-LAZ"), None),
    ("auditor.sardegna", "Carla Loi", Role::Auditor, Some("DR-SAR"), None),
    ("prof.rossi", "Mario Rossi", Role::Professional, None, Some("RSSMRA80A01H501U")),
];

/// Materialised paths of the demo units, in declaration order.
pub fn demo_unit_paths() -> Vec<String> {
    let mut paths: Vec<(&str, String)> = Vec::new();
    for u in UNITS {
        let parent_path = u
            .parent
            .and_then(|p| paths.iter().find(|(c, _)| *c == p))
            .map_or("/", |(_, path)| path.as_str())
            .to_owned();
        let path = child_path(&parent_path, u.segment).unwrap_or_default();
        paths.push((u.code, path));
    }
    paths.into_iter().map(|(_, p)| p).collect()
}

/// Loads the demo data when the database has no organisational unit yet.
pub async fn seed_if_empty(db: &DatabaseConnection) -> anyhow::Result<bool> {
    seed_if_empty_at(db, Utc::now()).await
}

/// [`seed_if_empty`] as if it were `now`: the demo's bookings are placed on the
/// working days after `now`, so tests can seed on a day whose next days hold
/// a holiday (e.g. Monday 7 December 2026, before the Immacolata).
pub async fn seed_if_empty_at(db: &DatabaseConnection, now: DateTime<Utc>) -> anyhow::Result<bool> {
    if org_unit::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    // One hash for every demo account: hashing is deliberately slow, and the
    // demo password is the same for all of them anyway.
    let password_hash = hash_password_blocking("demo").map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let txn = db.begin().await?;
    let mut ids: Vec<(&str, Uuid, String)> = Vec::new();
    for u in UNITS {
        let parent = u.parent.and_then(|p| ids.iter().find(|(c, _, _)| *c == p));
        let path =
            child_path(parent.map_or("/", |(_, _, path)| path.as_str()), u.segment).map_err(anyhow::Error::msg)?;
        let id = Uuid::now_v7();
        let is_office = u.kind == UnitKind::TerritorialOffice;
        org_unit::Entity::insert(org_unit::ActiveModel {
            id: Set(id),
            code: Set(u.code.to_owned()),
            name: Set(u.name.to_owned()),
            kind: Set(u.kind),
            parent_id: Set(parent.map(|(_, id, _)| *id)),
            path: Set(path.clone()),
            office_size: Set(is_office.then_some(if u.large { OfficeSize::Large } else { OfficeSize::Small })),
            virtual_counter: Set(u.virtual_counter),
            virtual_counter_mailbox: Set(u
                .virtual_counter
                .then(|| format!("sportello.virtuale.{}@agenzia.example.it", u.segment.to_lowercase()))),
            // Pre-contact e-mails go out with it in copy.
            function_mailbox: Set(
                is_office.then(|| format!("ufficio.{}@agenzia.example.it", u.segment.to_lowercase())),
            ),
            opening_hours: Set(is_office.then(|| "lun-ven 08:45-12:45; mar e gio 14:30-16:30".to_owned())),
            created_at: Set(now),
        })
        .exec(&txn)
        .await?;
        ids.push((u.code, id, path));
    }
    for (username, display_name, role, unit_code, fiscal_code) in PEOPLE {
        let person_id = Uuid::now_v7();
        person::Entity::insert(person::ActiveModel {
            id: Set(person_id),
            username: Set((*username).to_owned()),
            display_name: Set((*display_name).to_owned()),
            email: Set(Some(format!("{username}@agenzia.example.it"))),
            fiscal_code: Set(fiscal_code.map(str::to_owned)),
            password_hash: Set(Some(password_hash.clone())),
            active: Set(true),
            // Demo accounts sign in with `demo` at once (docs: README, sign-in).
            must_change_password: Set(false),
            created_at: Set(now),
        })
        .exec(&txn)
        .await?;
        let unit_id = unit_code.and_then(|c| ids.iter().find(|(code, _, _)| *code == c)).map(|(_, id, _)| *id);
        role_assignment::Entity::insert(role_assignment::ActiveModel {
            id: Set(Uuid::now_v7()),
            person_id: Set(person_id),
            role: Set(*role),
            unit_id: Set(unit_id),
            section: Set(None),
            created_at: Set(now),
        })
        .exec(&txn)
        .await?;
    }
    super::calendar::seed(&txn).await?;
    super::appointments::seed(&txn, now).await?;
    let unit_id = |code: &str| ids.iter().find(|(c, _, _)| *c == code).map(|(_, id, _)| *id);
    super::outbox::seed(&txn, unit_id, now).await?;
    super::procure::seed(&txn, now).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
    txn.commit().await?;
    tracing::info!(units = UNITS.len(), people = PEOPLE.len(), "demo data loaded");
    super::quesiti::seed(db, now).await?;
    // The demo rows marked their days; count them now rather than at the first read.
    crate::monitoring::store::rollup::rebuild(db).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
    Ok(true)
}
