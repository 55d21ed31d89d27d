//! GraphQL layer of the monitoring figures: `stats` and `statsCsv`.

use async_graphql::{Context, Object};
use chrono::{DateTime, NaiveDate, Utc};

use entities::org_unit;

use super::csv::CsvDialect;
use super::domain::{Figures, Period};
use super::export;
use super::per_person::{ClassificationCount, ExpertFigures, OperatorFigures};
use super::store::{self, GroupKey, Grouping, per_person};
use crate::error::{AppError, AppResult};
use crate::graphql::context::ContextExt;
use crate::org::graphql::{OrgUnit, UnitLoader, prefetch};

/// The figures of a unit for a period (docs/domain.md §7), with its children's and
/// a daily series. Each part is counted only when asked for.
pub struct StatsReport {
    unit: org_unit::Model,
    period: Period,
    /// One instant for every part of the report (SLA breaches, precalls in time).
    now: DateTime<Utc>,
}

#[Object]
impl StatsReport {
    /// The unit; its figures include everything under it.
    async fn unit(&self) -> OrgUnit {
        OrgUnit(self.unit.clone())
    }
    async fn from(&self) -> NaiveDate {
        self.period.from
    }
    async fn to(&self) -> NaiveDate {
        self.period.to
    }
    /// The unit's figures for the whole period.
    async fn figures(&self, ctx: &Context<'_>) -> AppResult<Figures> {
        export::totals(ctx.scope()?, &self.unit, self.period, self.now).await
    }
    /// The same figures for each child unit (a DR's provincial directorates
    /// and CRIC, a DP's offices), in tree order; zeros included.
    async fn children(&self, ctx: &Context<'_>) -> AppResult<Vec<UnitFigures>> {
        let rows: Vec<UnitFigures> = export::children(ctx.scope()?, &self.unit, self.period, self.now)
            .await?
            .into_iter()
            .map(|c| UnitFigures { unit: c.unit, figures: c.figures })
            .collect();
        // The children's `parent` is this unit; anything else they ask for, in one batch.
        let by_id = ctx.data::<UnitLoader>().map_err(AppError::internal)?;
        by_id.feed_one(self.unit.id, self.unit.clone()).await;
        let units: Vec<org_unit::Model> = rows.iter().map(|r| r.unit.clone()).collect();
        prefetch(ctx, ctx.look_ahead().field("unit"), &units).await?;
        Ok(rows)
    }
    /// Per operator of the offices under the unit (one row per person and
    /// office), ordered by name: precalls, counter sessions, follow-ups.
    /// Only people holding a role inside the unit and the caller's reach.
    async fn operators(&self, ctx: &Context<'_>) -> AppResult<Vec<OperatorFigures>> {
        per_person::operators(ctx.scope()?, &self.unit, self.period, self.now).await
    }
    /// Per expert of the CRIC(s) under the unit, ordered by name: quesiti
    /// taken, answered, median answer time, SLA breaches, open now.
    async fn experts(&self, ctx: &Context<'_>) -> AppResult<Vec<ExpertFigures>> {
        per_person::experts(ctx.scope()?, &self.unit, self.period, self.now).await
    }
    /// Quesiti filed in the period per section and classification (tipologia),
    /// most frequent first within each section.
    async fn classifications(&self, ctx: &Context<'_>) -> AppResult<Vec<ClassificationCount>> {
        per_person::classifications(ctx.scope()?, &self.unit, self.period, self.now).await
    }
    /// The unit's figures day by day (Europe/Rome days), every day of the period.
    async fn daily(&self, ctx: &Context<'_>) -> AppResult<Vec<DayFigures>> {
        let scope = ctx.scope()?;
        let mut groups = store::figures(scope, &self.unit, self.period, Grouping::Daily, self.now).await?;
        Ok(self
            .period
            .days()
            .into_iter()
            .map(|date| DayFigures { date, figures: groups.remove(&GroupKey::Day(date)).unwrap_or_default() })
            .collect())
    }
}

/// A child unit's figures.
pub struct UnitFigures {
    unit: org_unit::Model,
    figures: Figures,
}

#[Object]
impl UnitFigures {
    async fn unit(&self) -> OrgUnit {
        OrgUnit(self.unit.clone())
    }
    async fn figures(&self) -> &Figures {
        &self.figures
    }
}

/// One day's figures.
pub struct DayFigures {
    date: NaiveDate,
    figures: Figures,
}

#[Object]
impl DayFigures {
    async fn date(&self) -> NaiveDate {
        self.date
    }
    async fn figures(&self) -> &Figures {
        &self.figures
    }
}

#[derive(Default)]
pub struct MonitoringQuery;

#[Object]
impl MonitoringQuery {
    /// Monitoring figures of a unit and everything under it, from `from` to
    /// `to` inclusive (Europe/Rome days, at most 366). For ADMIN and the
    /// regional, provincial and office directors within their unit;
    /// `NOT_FOUND` for a unit outside the caller's scope.
    async fn stats(
        &self,
        ctx: &Context<'_>,
        unit_code: String,
        from: NaiveDate,
        to: NaiveDate,
    ) -> AppResult<StatsReport> {
        let scope = ctx.scope()?;
        let period = Period::new(from, to)?;
        let unit = store::unit_for_stats(scope, &unit_code).await?;
        Ok(StatsReport { unit, period, now: ctx.now()? })
    }

    /// The same figures as CSV (UTF-8, Italian headers): one row for the unit,
    /// then one per child unit; then, each after an empty line, the tables per
    /// operator, per expert and per classification (those with rows). Same rules as `stats`. `dialect` ITALIAN is
    /// semicolon-separated with decimal commas, for spreadsheets set to Italian.
    async fn stats_csv(
        &self,
        ctx: &Context<'_>,
        unit_code: String,
        from: NaiveDate,
        to: NaiveDate,
        #[graphql(default)] dialect: CsvDialect,
    ) -> AppResult<String> {
        let scope = ctx.scope()?;
        let period = Period::new(from, to)?;
        let unit = store::unit_for_stats(scope, &unit_code).await?;
        export::stats_csv(scope, &unit, period, ctx.now()?, dialect).await
    }
}
