//! Storage of opening intervals and closures. The org tree is configuration
//! every staff member reads (not row-guarded); writes go through operations.

use chrono::{NaiveDate, Utc, Weekday};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use entities::{opening_interval, org_unit, unit_closure};

use crate::error::AppResult;
use crate::kernel::unit_calendar::{Closure, Interval, UnitCalendar};
use crate::org::domain::ancestor_paths;

fn weekday(iso: i16) -> Option<Weekday> {
    Weekday::try_from(u8::try_from(iso - 1).ok()?).ok()
}

pub fn interval_of(row: &opening_interval::Model) -> Option<Interval> {
    Interval::from_minutes(weekday(row.weekday)?, row.opens_minute, row.closes_minute)
}

pub fn closure_of(row: &unit_closure::Model) -> Closure {
    Closure { first_day: row.first_day, last_day: row.last_day, yearly: row.yearly, reason: row.reason.clone() }
}

/// The unit's own opening intervals, by weekday and time.
pub async fn hours(conn: &impl ConnectionTrait, unit_id: Uuid) -> AppResult<Vec<opening_interval::Model>> {
    Ok(opening_interval::Entity::find()
        .filter(opening_interval::Column::UnitId.eq(unit_id))
        .order_by_asc(opening_interval::Column::Weekday)
        .order_by_asc(opening_interval::Column::OpensMinute)
        .all(conn)
        .await?)
}

/// Closures of the unit and of every unit above it, by first day.
pub async fn closures(conn: &impl ConnectionTrait, unit: &org_unit::Model) -> AppResult<Vec<unit_closure::Model>> {
    let ancestors = org_unit::Entity::find().filter(org_unit::Column::Path.is_in(ancestor_paths(&unit.path)));
    let ids: Vec<Uuid> = ancestors.all(conn).await?.into_iter().map(|u| u.id).collect();
    Ok(unit_closure::Entity::find()
        .filter(unit_closure::Column::UnitId.is_in(ids))
        .order_by_asc(unit_closure::Column::FirstDay)
        .order_by_asc(unit_closure::Column::Id)
        .all(conn)
        .await?)
}

/// The calendar a unit works by: its hours, its and its ancestors' closures.
pub async fn calendar_of(conn: &impl ConnectionTrait, unit: &org_unit::Model) -> AppResult<UnitCalendar> {
    let hours = hours(conn, unit.id).await?.iter().filter_map(interval_of).collect();
    let closures = closures(conn, unit).await?.iter().map(closure_of).collect();
    Ok(UnitCalendar { hours, closures })
}

/// The calendars of several units at once (3 queries, whatever their number):
/// for lists that show, per record, when its unit next opens.
pub async fn calendars_of(
    conn: &impl ConnectionTrait,
    units: &[org_unit::Model],
) -> AppResult<std::collections::HashMap<Uuid, UnitCalendar>> {
    let mut paths: Vec<String> = units.iter().flat_map(|u| ancestor_paths(&u.path)).collect();
    paths.sort();
    paths.dedup();
    let above = org_unit::Entity::find().filter(org_unit::Column::Path.is_in(paths)).all(conn).await?;
    let closures = unit_closure::Entity::find()
        .filter(unit_closure::Column::UnitId.is_in(above.iter().map(|u| u.id)))
        .order_by_asc(unit_closure::Column::FirstDay)
        .all(conn)
        .await?;
    let hours = opening_interval::Entity::find()
        .filter(opening_interval::Column::UnitId.is_in(units.iter().map(|u| u.id)))
        .order_by_asc(opening_interval::Column::Weekday)
        .order_by_asc(opening_interval::Column::OpensMinute)
        .all(conn)
        .await?;
    let path_of: std::collections::HashMap<Uuid, &str> = above.iter().map(|u| (u.id, u.path.as_str())).collect();
    Ok(units
        .iter()
        .map(|unit| {
            let closures = closures
                .iter()
                .filter(|c| path_of.get(&c.unit_id).is_some_and(|p| unit.path.starts_with(p)))
                .map(closure_of)
                .collect();
            let hours = hours.iter().filter(|h| h.unit_id == unit.id).filter_map(interval_of).collect();
            (unit.id, UnitCalendar { hours, closures })
        })
        .collect())
}

/// Replaces the unit's weekly hours.
pub async fn replace_hours(conn: &impl ConnectionTrait, unit_id: Uuid, intervals: &[Interval]) -> AppResult<()> {
    opening_interval::Entity::delete_many().filter(opening_interval::Column::UnitId.eq(unit_id)).exec(conn).await?;
    if intervals.is_empty() {
        return Ok(());
    }
    let rows = intervals.iter().map(|i| opening_interval::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_id: Set(unit_id),
        weekday: Set(i.weekday.number_from_monday() as i16),
        opens_minute: Set(i.opens_minute()),
        closes_minute: Set(i.closes_minute()),
    });
    opening_interval::Entity::insert_many(rows).exec_without_returning(conn).await?;
    Ok(())
}

pub struct NewClosure {
    pub unit_id: Uuid,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub yearly: bool,
    pub reason: String,
}

pub async fn insert_closure(conn: &impl ConnectionTrait, c: NewClosure) -> AppResult<unit_closure::Model> {
    let model = unit_closure::Model {
        id: Uuid::now_v7(),
        unit_id: c.unit_id,
        first_day: c.first_day,
        last_day: c.last_day,
        yearly: c.yearly,
        reason: c.reason,
        created_at: Utc::now(),
    };
    unit_closure::Entity::insert(unit_closure::ActiveModel::from(model.clone())).exec_without_returning(conn).await?;
    Ok(model)
}

pub async fn closure_by_id(conn: &impl ConnectionTrait, id: Uuid) -> AppResult<Option<unit_closure::Model>> {
    Ok(unit_closure::Entity::find_by_id(id).one(conn).await?)
}

pub async fn delete_closure(conn: &impl ConnectionTrait, id: Uuid) -> AppResult<()> {
    unit_closure::Entity::delete_by_id(id).exec(conn).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_iso_numbered() {
        assert_eq!(weekday(1), Some(Weekday::Mon));
        assert_eq!(weekday(7), Some(Weekday::Sun));
        assert_eq!(weekday(8), None);
    }
}
