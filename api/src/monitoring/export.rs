//! A unit's figures assembled for a period: the totals, the children, and the
//! whole CSV (units, then the tables per person). Shared by `stats`/`statsCsv`
//! and the reports that arrive by e-mail ([`super::reports`]), so both say the same.

use chrono::{DateTime, Utc};

use entities::org_unit;

use super::csv::{CsvDialect, csv, per_person_csv};
use super::domain::{Figures, Period};
use super::store::{self, GroupKey, Grouping, per_person};
use crate::error::AppResult;
use crate::tenancy::Scope;

/// A child unit with its figures.
pub struct ChildFigures {
    pub unit: org_unit::Model,
    pub figures: Figures,
}

/// The unit's figures for the whole period, everything under it included.
pub async fn totals(scope: &Scope, unit: &org_unit::Model, period: Period, now: DateTime<Utc>) -> AppResult<Figures> {
    let mut groups = store::figures(scope, unit, period, Grouping::Total, now).await?;
    Ok(groups.remove(&GroupKey::Total).unwrap_or_default())
}

/// The same figures for each child unit the caller may read, in tree order; zeros included.
pub async fn children(
    scope: &Scope,
    unit: &org_unit::Model,
    period: Period,
    now: DateTime<Utc>,
) -> AppResult<Vec<ChildFigures>> {
    let children = store::children(scope, unit).await?;
    if children.is_empty() {
        return Ok(Vec::new());
    }
    let mut groups = store::figures(scope, unit, period, Grouping::Children(unit), now).await?;
    Ok(children
        .into_iter()
        .map(|c| {
            let figures = groups.remove(&GroupKey::Unit(c.code.clone())).unwrap_or_default();
            ChildFigures { unit: c, figures }
        })
        .collect())
}

/// The CSV of `statsCsv`: one row for the unit, one per child; then, each after
/// an empty line, the tables per operator, per expert and per classification.
pub async fn stats_csv(
    scope: &Scope,
    unit: &org_unit::Model,
    period: Period,
    now: DateTime<Utc>,
    dialect: CsvDialect,
) -> AppResult<String> {
    let mut rows = vec![(unit.code.clone(), unit.name.clone(), totals(scope, unit, period, now).await?)];
    for c in children(scope, unit, period, now).await? {
        rows.push((c.unit.code, c.unit.name, c.figures));
    }
    let mut text = csv(period, &rows, dialect)?;
    let operators = per_person::operators(scope, unit, period, now).await?;
    let experts = per_person::experts(scope, unit, period, now).await?;
    let classifications = per_person::classifications(scope, unit, period, now).await?;
    text.push_str(&per_person_csv(&operators, &experts, &classifications, dialect)?);
    Ok(text)
}
