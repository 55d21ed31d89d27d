//! `myReportSubscriptions`, `subscribeToReport`, `unsubscribeFromReport`.

use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};

use entities::{org_unit, report_subscription};

use super::domain::ReportFrequency;
use super::{operations, store};
use crate::error::AppResult;
use crate::graphql::context::ContextExt;
use crate::kernel::ids::parse_uuid;
use crate::org::graphql::OrgUnit;

/// A report the caller receives by e-mail for each period that ends.
pub struct ReportSubscription {
    row: report_subscription::Model,
    unit: org_unit::Model,
    last_sent_at: Option<DateTime<Utc>>,
}

#[Object]
impl ReportSubscription {
    async fn id(&self) -> ID {
        ID(self.row.id.to_string())
    }
    /// The unit reported on, everything under it included.
    async fn unit(&self) -> OrgUnit {
        OrgUnit(self.unit.clone())
    }
    async fn frequency(&self) -> ReportFrequency {
        self.row.frequency
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.row.created_at
    }
    /// When the last of these reports left; null before the first.
    async fn last_sent_at(&self) -> Option<DateTime<Utc>> {
        self.last_sent_at
    }
}

#[derive(Default)]
pub struct ReportsQuery;

#[Object]
impl ReportsQuery {
    /// The caller's report subscriptions, oldest first.
    async fn my_report_subscriptions(&self, ctx: &Context<'_>) -> AppResult<Vec<ReportSubscription>> {
        let scope = ctx.scope()?;
        let rows = store::of_person(scope.db(), scope.person_id()).await?;
        let ids: Vec<_> = rows.iter().map(|(s, _)| s.id).collect();
        let mut sent = store::last_sent(scope.db(), &ids).await?;
        Ok(rows
            .into_iter()
            .map(|(row, unit)| ReportSubscription { last_sent_at: sent.remove(&row.id), row, unit })
            .collect())
    }
}

#[derive(Default)]
pub struct ReportsMutation;

#[Object]
impl ReportsMutation {
    /// Subscribes the caller to the weekly or monthly report of a unit whose
    /// figures they may read (`stats`); sent to the e-mail of their profile, the
    /// first one for the last period ended. Subscribing again changes nothing.
    async fn subscribe_to_report(
        &self,
        ctx: &Context<'_>,
        unit_code: String,
        frequency: ReportFrequency,
    ) -> AppResult<ReportSubscription> {
        let scope = ctx.scope()?;
        let row = operations::subscribe(scope, &unit_code, frequency, ctx.now()?).await?;
        let (row, unit) = store::own(scope.db(), scope.person_id(), row.id)
            .await?
            .ok_or_else(|| crate::error::AppError::internal("the new subscription is missing"))?;
        let last_sent_at = store::last_sent(scope.db(), &[row.id]).await?.remove(&row.id);
        Ok(ReportSubscription { row, unit, last_sent_at })
    }

    /// Ends one of the caller's report subscriptions; answers its id.
    async fn unsubscribe_from_report(&self, ctx: &Context<'_>, id: ID) -> AppResult<ID> {
        let scope = ctx.scope()?;
        operations::unsubscribe(scope, parse_uuid("id", &id)?).await?;
        Ok(id)
    }
}
