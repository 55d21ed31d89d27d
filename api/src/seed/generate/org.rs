//! The generated organisation: regions beyond the demo's, and their staff.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};
use uuid::Uuid;

use entities::{org_unit, person, role_assignment};

use crate::authz::Role;
use crate::org::domain::{OfficeSize, UnitKind};
use crate::quesiti::domain::Section;

use super::{CHUNK, Cric, Gen, Office};

/// Regions beyond the demo's two: `2 × (scale − 1)`, at most 18 more.
pub(super) async fn add_regions(
    db: &DatabaseConnection,
    g: &mut Gen,
    scale: u32,
    created: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let extra = (2 * (scale - 1)).min(18);
    if extra == 0 {
        return Ok(0);
    }
    let root = org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq("ROOT"))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo root missing"))?;
    let mut rows: Vec<org_unit::ActiveModel> = Vec::new();
    let unit =
        |id, code: String, name: String, kind: UnitKind, parent: Uuid, path: String, size: Option<bool>, vc: bool| {
            org_unit::ActiveModel::from(org_unit::Model {
                id,
                code,
                name,
                kind,
                parent_id: Some(parent),
                path,
                office_size: size.map(|large| if large { OfficeSize::Large } else { OfficeSize::Small }),
                virtual_counter: vc,
                virtual_counter_mailbox: None,
                function_mailbox: None,
                opening_hours: size.map(|_| "lun-ven 08:45-12:45".to_owned()),
                created_at: created,
            })
        };
    for r in 1..=extra {
        let seg = format!("R{r:02}");
        let dr_id = g.id(created);
        let dr_path = format!("{}{seg}/", root.path);
        rows.push(unit(
            dr_id,
            format!("DR-{seg}"),
            format!("DR Regione {r}"),
            UnitKind::RegionalDirectorate,
            root.id,
            dr_path.clone(),
            None,
            false,
        ));
        rows.push(unit(
            g.id(created),
            format!("CRIC-{seg}"),
            format!("CRIC Regione {r}"),
            UnitKind::Cric,
            dr_id,
            format!("{dr_path}CRIC/"),
            None,
            false,
        ));
        for d in 1..=5 {
            let dp_id = g.id(created);
            let dp_path = format!("{dr_path}P{d}/");
            rows.push(unit(
                dp_id,
                format!("DP-{seg}-P{d}"),
                format!("DP {d} Regione {r}"),
                UnitKind::ProvincialDirectorate,
                dr_id,
                dp_path.clone(),
                None,
                false,
            ));
            for o in 1..=4 {
                let large = o <= 2;
                let vc = g.pct(40);
                rows.push(unit(
                    g.id(created),
                    format!("UT-{seg}-P{d}-{o}"),
                    format!("UT {d}.{o} Regione {r}"),
                    UnitKind::TerritorialOffice,
                    dp_id,
                    format!("{dp_path}U{o}/"),
                    Some(large),
                    vc,
                ));
            }
        }
    }
    let n = rows.len();
    let txn = db.begin().await?;
    for chunk in rows.chunks(CHUNK) {
        org_unit::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(n)
}

/// Generated operators per office and experts per CRIC (no password: they
/// exist for the data's sake), plus the demo accounts already there.
pub(super) async fn staff(
    db: &DatabaseConnection,
    g: &mut Gen,
    created: DateTime<Utc>,
) -> anyhow::Result<(Vec<Office>, Vec<Cric>, Vec<org_unit::Model>, usize)> {
    let units = org_unit::Entity::find().order_by_asc(org_unit::Column::Path).all(db).await?;
    let assignments = role_assignment::Entity::find().all(db).await?;
    let people = person::Entity::find().all(db).await?;
    let mut new_people = Vec::new();
    let mut new_roles = Vec::new();
    let mut offices = Vec::new();
    let mut crics = Vec::new();
    let mut dps = Vec::new();
    for u in units {
        let existing: Vec<&role_assignment::Model> = assignments.iter().filter(|a| a.unit_id == Some(u.id)).collect();
        match u.kind {
            UnitKind::TerritorialOffice => {
                let large = u.office_size == Some(OfficeSize::Large);
                let mut operators: Vec<Uuid> =
                    existing.iter().filter(|a| a.role == Role::Operator).map(|a| a.person_id).collect();
                let wanted = if large { 6 } else { 3 };
                for n in operators.len()..wanted {
                    let id = g.id(created);
                    let username = format!("op{}.{}", n + 1, u.code.to_lowercase());
                    new_people.push(person_row(id, &username, created));
                    new_roles.push(role_row(g.id(created), id, Role::Operator, u.id, None, created));
                    operators.push(id);
                }
                offices.push(Office { unit: u, large, operators });
            }
            UnitKind::Cric => {
                let mut experts: Vec<(Uuid, String)> = existing
                    .iter()
                    .filter(|a| a.role == Role::CricExpert)
                    .filter_map(|a| people.iter().find(|p| p.id == a.person_id).map(|p| (p.id, p.username.clone())))
                    .collect();
                for n in experts.len()..3 {
                    let id = g.id(created);
                    let username = format!("cric{}.{}", n + 1, u.code.to_lowercase());
                    new_people.push(person_row(id, &username, created));
                    new_roles.push(role_row(g.id(created), id, Role::CricExpert, u.id, None, created));
                    experts.push((id, username));
                }
                crics.push(Cric { unit: u, experts });
            }
            UnitKind::ProvincialDirectorate => dps.push(u),
            _ => {}
        }
    }
    let n = new_people.len();
    let txn = db.begin().await?;
    for chunk in new_people.chunks(CHUNK) {
        person::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    for chunk in new_roles.chunks(CHUNK) {
        role_assignment::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok((offices, crics, dps, n))
}

fn person_row(id: Uuid, username: &str, created: DateTime<Utc>) -> person::ActiveModel {
    person::ActiveModel::from(person::Model {
        id,
        username: username.to_owned(),
        display_name: format!("Funzionario {username}"),
        email: Some(format!("{username}@agenzia.example.it")),
        fiscal_code: None,
        password_hash: None,
        active: true,
        must_change_password: false,
        created_at: created,
    })
}

fn role_row(
    id: Uuid,
    person: Uuid,
    role: Role,
    unit: Uuid,
    section: Option<Section>,
    created: DateTime<Utc>,
) -> role_assignment::ActiveModel {
    role_assignment::ActiveModel::from(role_assignment::Model {
        id,
        person_id: person,
        role,
        unit_id: Some(unit),
        section,
        created_at: created,
    })
}
