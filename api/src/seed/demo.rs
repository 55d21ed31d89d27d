//! The demo organisation and accounts of docs/domain.md §2 (password `demo` for all;
//! demo data only — never loaded in production).

use chrono::Utc;
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait, PaginatorTrait, TransactionTrait};
use uuid::Uuid;

use entities::{org_unit, person, role_assignment};

use crate::auth::hash_password_blocking;
use crate::org::domain::child_path;

pub struct DemoUnit {
    pub code: &'static str,
    pub name: &'static str,
    pub kind: &'static str,
    pub parent: Option<&'static str>,
    /// Path segment under the parent.
    pub segment: &'static str,
    pub large: bool,
    pub virtual_counter: bool,
}

const fn unit(
    code: &'static str,
    name: &'static str,
    kind: &'static str,
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
    DemoUnit { code, name, kind: "TERRITORIAL_OFFICE", parent: Some(parent), segment, large, virtual_counter }
}

pub const UNITS: &[DemoUnit] = &[
    unit("ROOT", "Amministrazione centrale", "NATIONAL", None, "IT"),
    unit("DC", "Direzione Centrale", "CENTRAL_DIRECTORATE", Some("ROOT"), "DC"),
    unit("CCM", "CCM — Contact Center Multicanale", "CONTACT_CENTER", Some("ROOT"), "CCM"),
    unit("DR-SAR", "DR Sardegna", "REGIONAL_DIRECTORATE", Some("ROOT"), "SAR"),
    unit("CRIC-SAR", "CRIC Sardegna", "CRIC", Some("DR-SAR"), "CRIC"),
    unit("DP-CA", "DP Cagliari", "PROVINCIAL_DIRECTORATE", Some("DR-SAR"), "CA"),
    office("UT-CA1", "UT Cagliari 1", "DP-CA", "CA1", true, false),
    office("UT-CA2", "UT Cagliari 2", "DP-CA", "CA2", true, false),
    office("UT-IGL", "UT Iglesias", "DP-CA", "IGL", false, true),
    unit("DP-SS", "DP Sassari", "PROVINCIAL_DIRECTORATE", Some("DR-SAR"), "SS"),
    office("UT-SS", "UT Sassari", "DP-SS", "SS", true, true),
    unit("DP-OR", "DP Oristano", "PROVINCIAL_DIRECTORATE", Some("DR-SAR"), "OR"),
    office("UT-OR", "UT Oristano", "DP-OR", "OR", false, false),
    unit("DP-NU", "DP Nuoro", "PROVINCIAL_DIRECTORATE", Some("DR-SAR"), "NU"),
    office("UT-NU", "UT Nuoro", "DP-NU", "NU", false, true),
    unit("DR-LAZ", "DR Lazio", "REGIONAL_DIRECTORATE", Some("ROOT"), "LAZ"),
    unit("CRIC-LAZ", "CRIC Lazio", "CRIC", Some("DR-LAZ"), "CRIC"),
    unit("DP-RM", "DP Roma", "PROVINCIAL_DIRECTORATE", Some("DR-LAZ"), "RM"),
    office("UT-RM1", "UT Roma 1", "DP-RM", "RM1", true, false),
    office("UT-RM2", "UT Roma 2", "DP-RM", "RM2", true, false),
    unit("DP-LT", "DP Latina", "PROVINCIAL_DIRECTORATE", Some("DR-LAZ"), "LT"),
    office("UT-LT", "UT Latina", "DP-LT", "LT", false, false),
];

/// (username, display name, role, unit code, personal fiscal code)
type DemoPerson = (&'static str, &'static str, &'static str, Option<&'static str>, Option<&'static str>);

pub const PEOPLE: &[DemoPerson] = &[
    ("admin", "Amministratore di sistema", "ADMIN", Some("ROOT"), None),
    ("dr.sardegna", "Giovanna Pinna", "REGIONAL_DIRECTOR", Some("DR-SAR"), None),
    ("dr.lazio", "Marco Bianchi", "REGIONAL_DIRECTOR", Some("DR-LAZ"), None),
    ("dp.cagliari", "Antonio Murgia", "PROVINCIAL_DIRECTOR", Some("DP-CA"), None),
    ("dir.cagliari1", "Francesca Melis", "OFFICE_DIRECTOR", Some("UT-CA1"), None),
    ("coord.cagliari1", "Roberto Sanna", "ROOM_COORDINATOR", Some("UT-CA1"), None),
    ("op.cagliari1", "Laura Serra", "OPERATOR", Some("UT-CA1"), None),
    ("op2.cagliari1", "Paolo Deiana", "OPERATOR", Some("UT-CA1"), None),
    ("op.sassari", "Maria Fadda", "OPERATOR", Some("UT-SS"), None),
    ("op.roma1", "Luca Conti", "OPERATOR", Some("UT-RM1"), None),
    ("ccm.op", "Sara Ricci", "CCM_OPERATOR", Some("CCM"), None),
    ("cric.sardegna", "Elena Porcu", "CRIC_EXPERT", Some("CRIC-SAR"), None),
    ("cric.lazio", "Davide Romano", "CRIC_EXPERT", Some("CRIC-LAZ"), None),
    ("auditor.sardegna", "Carla Loi", "AUDITOR", Some("DR-SAR"), None),
    ("prof.rossi", "Mario Rossi", "PROFESSIONAL", None, Some("RSSMRA80A01H501U")),
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
    if org_unit::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    // One hash for every demo account: hashing is deliberately slow, and the
    // demo password is the same for all of them anyway.
    let password_hash = hash_password_blocking("demo").map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let now = Utc::now();
    let txn = db.begin().await?;
    let mut ids: Vec<(&str, Uuid, String)> = Vec::new();
    for u in UNITS {
        let parent = u.parent.and_then(|p| ids.iter().find(|(c, _, _)| *c == p));
        let path =
            child_path(parent.map_or("/", |(_, _, path)| path.as_str()), u.segment).map_err(anyhow::Error::msg)?;
        let id = Uuid::now_v7();
        let is_office = u.kind == "TERRITORIAL_OFFICE";
        org_unit::Entity::insert(org_unit::ActiveModel {
            id: Set(id),
            code: Set(u.code.to_owned()),
            name: Set(u.name.to_owned()),
            kind: Set(u.kind.to_owned()),
            parent_id: Set(parent.map(|(_, id, _)| *id)),
            path: Set(path.clone()),
            office_size: Set(is_office.then(|| if u.large { "LARGE" } else { "SMALL" }.to_owned())),
            virtual_counter: Set(u.virtual_counter),
            virtual_counter_mailbox: Set(u
                .virtual_counter
                .then(|| format!("sportello.virtuale.{}@agenzia.example.it", u.segment.to_lowercase()))),
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
            created_at: Set(now),
        })
        .exec(&txn)
        .await?;
        let unit_id = unit_code.and_then(|c| ids.iter().find(|(code, _, _)| *code == c)).map(|(_, id, _)| *id);
        role_assignment::Entity::insert(role_assignment::ActiveModel {
            id: Set(Uuid::now_v7()),
            person_id: Set(person_id),
            role: Set((*role).to_owned()),
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
    super::quesiti::seed(db).await?;
    Ok(true)
}
