//! Opening hours and closures of the demo and generated organisation: each
//! office's hours read from its free-text `opening_hours` (as the migration
//! reads existing ones), and the patron saints of the demo's provinces.

use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use entities::{opening_interval, org_unit, unit_closure};

/// Patron saints of the demo's provinces: (DP code, month, day, saint).
const PATRON_SAINTS: &[(&str, u32, u32, &str)] = &[
    ("DP-CA", 10, 30, "San Saturnino, patrono di Cagliari"),
    ("DP-SS", 12, 6, "San Nicola, patrono di Sassari"),
    ("DP-RM", 6, 29, "Santi Pietro e Paolo, patroni di Roma"),
];

/// Gives structured hours to every unit that has free-text hours and none
/// yet, and the demo's patron saints to their provinces (once).
pub async fn seed(conn: &impl ConnectionTrait) -> anyhow::Result<()> {
    let with_text = org_unit::Entity::find().filter(org_unit::Column::OpeningHours.is_not_null()).all(conn).await?;
    let have: Vec<Uuid> =
        opening_interval::Entity::find().all(conn).await?.into_iter().map(|i| i.unit_id).collect::<Vec<_>>();
    let mut rows = Vec::new();
    for unit in with_text.iter().filter(|u| !have.contains(&u.id)) {
        let text = unit.opening_hours.as_deref().unwrap_or_default();
        for (weekday, opens, closes) in migration::parse_hours(text).unwrap_or_default() {
            rows.push(opening_interval::ActiveModel {
                id: Set(Uuid::now_v7()),
                unit_id: Set(unit.id),
                weekday: Set(weekday),
                opens_minute: Set(opens),
                closes_minute: Set(closes),
            });
        }
    }
    for chunk in rows.chunks(1000) {
        opening_interval::Entity::insert_many(chunk.to_vec()).exec_without_returning(conn).await?;
    }
    if unit_closure::Entity::find().one(conn).await?.is_some() {
        return Ok(());
    }
    for (code, month, day, saint) in PATRON_SAINTS {
        let Some(dp) = org_unit::Entity::find().filter(org_unit::Column::Code.eq(*code)).one(conn).await? else {
            continue;
        };
        let Some(date) = NaiveDate::from_ymd_opt(2026, *month, *day) else { continue };
        unit_closure::Entity::insert(unit_closure::ActiveModel {
            id: Set(Uuid::now_v7()),
            unit_id: Set(dp.id),
            first_day: Set(date),
            last_day: Set(date),
            yearly: Set(true),
            reason: Set((*saint).to_owned()),
            created_at: Set(Utc::now()),
        })
        .exec_without_returning(conn)
        .await?;
    }
    Ok(())
}
