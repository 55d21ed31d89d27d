//! Storage of report subscriptions. A subscription is the person's own record
//! (like their sessions): read by its owner, written through an audited
//! operation ([`super::operations`]), read in full only by the report job.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Func, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use entities::report_subscription::{self, Column as S};
use entities::{org_unit, outbox_message};

use crate::error::AppResult;

/// Inserts the subscription unless the person already has it; answers the one stored.
pub async fn insert_once(
    conn: &impl ConnectionTrait,
    row: report_subscription::Model,
) -> AppResult<report_subscription::Model> {
    let (person, unit, frequency) = (row.person_id, row.unit_id, row.frequency);
    report_subscription::Entity::insert(report_subscription::ActiveModel::from(row))
        .on_conflict(OnConflict::columns([S::PersonId, S::UnitId, S::Frequency]).do_nothing().to_owned())
        .exec_without_returning(conn)
        .await?;
    let stored = report_subscription::Entity::find()
        .filter(S::PersonId.eq(person))
        .filter(S::UnitId.eq(unit))
        .filter(S::Frequency.eq(frequency))
        .one(conn)
        .await?;
    stored.ok_or_else(|| crate::error::AppError::internal("the subscription just stored is missing"))
}

/// One of the person's subscriptions, with its unit.
pub async fn own(
    conn: &impl ConnectionTrait,
    person_id: Uuid,
    id: Uuid,
) -> AppResult<Option<(report_subscription::Model, org_unit::Model)>> {
    let found = report_subscription::Entity::find_by_id(id)
        .filter(S::PersonId.eq(person_id))
        .find_also_related(org_unit::Entity)
        .one(conn)
        .await?;
    Ok(found.and_then(|(s, unit)| unit.map(|u| (s, u))))
}

/// The person's subscriptions with their units, oldest first.
pub async fn of_person(
    conn: &impl ConnectionTrait,
    person_id: Uuid,
) -> AppResult<Vec<(report_subscription::Model, org_unit::Model)>> {
    let rows = report_subscription::Entity::find()
        .filter(S::PersonId.eq(person_id))
        .find_also_related(org_unit::Entity)
        .order_by_asc(S::CreatedAt)
        .order_by_asc(S::Id)
        .all(conn)
        .await?;
    Ok(rows.into_iter().filter_map(|(s, unit)| unit.map(|u| (s, u))).collect())
}

/// Every subscription, for the report job (which acts for each subscriber in turn).
pub async fn all(conn: &impl ConnectionTrait) -> AppResult<Vec<report_subscription::Model>> {
    Ok(report_subscription::Entity::find().order_by_asc(S::Id).all(conn).await?)
}

pub async fn delete(conn: &impl ConnectionTrait, id: Uuid) -> AppResult<()> {
    report_subscription::Entity::delete_by_id(id).exec(conn).await?;
    Ok(())
}

/// The outbox reference of a subscription's reports.
pub fn reference(subscription_id: Uuid) -> String {
    format!("report_subscription:{subscription_id}")
}

/// When each subscription's last report was sent, in one statement.
pub async fn last_sent(conn: &impl ConnectionTrait, ids: &[Uuid]) -> AppResult<HashMap<Uuid, DateTime<Utc>>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let references: Vec<String> = ids.iter().map(|id| reference(*id)).collect();
    let rows: Vec<(Option<String>, Option<DateTime<Utc>>)> = outbox_message::Entity::find()
        .select_only()
        .column(outbox_message::Column::Reference)
        .expr(Func::max(Expr::col(outbox_message::Column::SentAt)))
        .filter(outbox_message::Column::Reference.is_in(references))
        .filter(outbox_message::Column::SentAt.is_not_null())
        .group_by(outbox_message::Column::Reference)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(reference, at)| {
            let id = reference?.strip_prefix("report_subscription:")?.parse().ok()?;
            Some((id, at?))
        })
        .collect())
}

/// True when the report with this outbox key was already enqueued (the job skips computing it).
pub async fn already_enqueued(conn: &impl ConnectionTrait, dedupe_key: &str) -> AppResult<bool> {
    let found = outbox_message::Entity::find()
        .select_only()
        .column(outbox_message::Column::Id)
        .filter(outbox_message::Column::DedupeKey.eq(dedupe_key))
        .into_tuple::<Uuid>()
        .one(conn)
        .await?;
    Ok(found.is_some())
}
