//! Units' calendars (docs/domain.md, the office day): weekly opening hours as
//! structured intervals, and closures (a patron saint's day, every year; a
//! closure for works, once). The free-text `org_unit.opening_hours` of the
//! first migrations is read into intervals where it follows the usual form
//! ("lun-ven 08:45-12:45; mar e gio 14:30-16:30"); the text stays as a note.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OpeningInterval {
    Table,
    Id,
    UnitId,
    /// ISO weekday: 1 Monday … 7 Sunday.
    Weekday,
    OpensMinute,
    ClosesMinute,
}

#[derive(DeriveIden)]
enum UnitClosure {
    Table,
    Id,
    UnitId,
    FirstDay,
    LastDay,
    Yearly,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OrgUnit {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OpeningInterval::Table)
                    .col(ColumnDef::new(OpeningInterval::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(OpeningInterval::UnitId).uuid().not_null())
                    .col(ColumnDef::new(OpeningInterval::Weekday).small_integer().not_null())
                    .col(ColumnDef::new(OpeningInterval::OpensMinute).integer().not_null())
                    .col(ColumnDef::new(OpeningInterval::ClosesMinute).integer().not_null())
                    .check(Expr::col(OpeningInterval::Weekday).between(1, 7))
                    .check(Expr::col(OpeningInterval::OpensMinute).gte(0))
                    .check(Expr::col(OpeningInterval::ClosesMinute).lte(24 * 60))
                    .check(Expr::col(OpeningInterval::OpensMinute).lt(Expr::col(OpeningInterval::ClosesMinute)))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OpeningInterval::Table, OpeningInterval::UnitId)
                            .to(OrgUnit::Table, OrgUnit::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_opening_interval_unit")
                    .table(OpeningInterval::Table)
                    .col(OpeningInterval::UnitId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(UnitClosure::Table)
                    .col(ColumnDef::new(UnitClosure::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(UnitClosure::UnitId).uuid().not_null())
                    .col(ColumnDef::new(UnitClosure::FirstDay).date().not_null())
                    .col(ColumnDef::new(UnitClosure::LastDay).date().not_null())
                    .col(ColumnDef::new(UnitClosure::Yearly).boolean().not_null().default(false))
                    .col(ColumnDef::new(UnitClosure::Reason).string_len(200).not_null())
                    .col(ColumnDef::new(UnitClosure::CreatedAt).timestamp_with_time_zone().not_null())
                    .check(Expr::col(UnitClosure::FirstDay).lte(Expr::col(UnitClosure::LastDay)))
                    .foreign_key(
                        ForeignKey::create()
                            .from(UnitClosure::Table, UnitClosure::UnitId)
                            .to(OrgUnit::Table, OrgUnit::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_unit_closure_unit")
                    .table(UnitClosure::Table)
                    .col(UnitClosure::UnitId)
                    .to_owned(),
            )
            .await?;
        read_free_text_hours(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(UnitClosure::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(OpeningInterval::Table).to_owned()).await
    }
}

/// Turns each unit's free-text hours into intervals where the text can be read.
async fn read_free_text_hours(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT id, opening_hours FROM org_unit WHERE opening_hours IS NOT NULL",
        ))
        .await?;
    for row in rows {
        let id: uuid::Uuid = row.try_get("", "id")?;
        let text: String = row.try_get("", "opening_hours")?;
        for (weekday, opens, closes) in parse_hours(&text).unwrap_or_default() {
            let insert = Query::insert()
                .into_table(OpeningInterval::Table)
                .columns([
                    OpeningInterval::Id,
                    OpeningInterval::UnitId,
                    OpeningInterval::Weekday,
                    OpeningInterval::OpensMinute,
                    OpeningInterval::ClosesMinute,
                ])
                .values_panic([uuid::Uuid::new_v4().into(), id.into(), weekday.into(), opens.into(), closes.into()])
                .to_owned();
            manager.exec_stmt(insert).await?;
        }
    }
    Ok(())
}

const DAYS: [&str; 7] = ["lun", "mar", "mer", "gio", "ven", "sab", "dom"];

/// `lun-ven 08:45-12:45; mar e gio 14:30-16:30` → (ISO weekday, opens, closes)
/// in minutes. `None` when any part does not follow that form (the unit then
/// keeps no structured hours until a director sets them).
pub fn parse_hours(text: &str) -> Option<Vec<(i16, i32, i32)>> {
    let mut out = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (days, times) = part.rsplit_once(' ')?;
        let (opens, closes) = times.split_once('-')?;
        let (opens, closes) = (minutes(opens)?, minutes(closes)?);
        if opens >= closes {
            return None;
        }
        for day in weekdays(days)? {
            out.push((day, opens, closes));
        }
    }
    (!out.is_empty()).then_some(out)
}

fn minutes(hhmm: &str) -> Option<i32> {
    let (h, m) = hhmm.trim().split_once(':')?;
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    ((0..=24).contains(&h) && (0..60).contains(&m)).then_some(h * 60 + m)
}

fn weekdays(spec: &str) -> Option<Vec<i16>> {
    let day = |name: &str| DAYS.iter().position(|d| name.trim().to_lowercase().starts_with(d)).map(|i| i as i16 + 1);
    let mut days = Vec::new();
    for item in spec.split([',']).flat_map(|s| s.split(" e ")) {
        match item.split_once('-') {
            Some((from, to)) => days.extend(day(from)?..=day(to)?),
            None => days.push(day(item)?),
        }
    }
    Some(days)
}

#[cfg(test)]
mod tests {
    use super::parse_hours;

    #[test]
    fn the_usual_free_text_becomes_intervals() {
        let parsed = parse_hours("lun-ven 08:45-12:45; mar e gio 14:30-16:30").unwrap_or_default();
        assert_eq!(parsed.len(), 7);
        assert!(parsed.contains(&(1, 525, 765)) && parsed.contains(&(5, 525, 765)));
        assert!(parsed.contains(&(2, 870, 990)) && parsed.contains(&(4, 870, 990)));
        assert_eq!(parse_hours("su appuntamento"), None);
    }
}
