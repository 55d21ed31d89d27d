//! Alerts in the database: written once, read only by their audience.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use entities::alert::{self, Column as C};
use entities::alert_read;

use super::domain::{AlertKind, NewAlert, audience_action};
use crate::error::AppResult;
use crate::kernel::paging::{self, Direction};
use crate::tenancy::Scope;

/// Writes an alert; `false` when an alert with the same dedupe key exists
/// already (another scan, maybe on another instance, raised it first).
pub async fn insert(conn: &impl ConnectionTrait, new: &NewAlert, now: DateTime<Utc>) -> AppResult<bool> {
    let row = alert::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(new.kind),
        unit_id: Set(new.unit_id),
        section: Set(new.section),
        recipient_id: Set(new.recipient_id),
        record_type: Set(new.record_type.to_owned()),
        record_id: Set(new.record_id),
        title: Set(new.title.clone()),
        dedupe_key: Set(new.dedupe_key.clone()),
        created_at: Set(now),
    };
    let inserted = alert::Entity::insert(row)
        .on_conflict(OnConflict::column(C::DedupeKey).do_nothing().to_owned())
        .exec_without_returning(conn)
        .await?;
    Ok(inserted > 0)
}

/// The one audience rule: an alert is the caller's when it names them as its
/// recipient, or when it has none and the caller may perform the kind's
/// action on its unit (in its section, for CRIC kinds).
pub fn visible(scope: &Scope) -> Condition {
    let unit = || Expr::col((alert::Entity, C::UnitId));
    let mut audience = Condition::any().add(C::RecipientId.eq(scope.person_id()));
    for kind in AlertKind::ALL {
        let Some(action) = audience_action(*kind) else { continue };
        // Only the reach the kind needs: CRIC kinds carry their section, the others none.
        let reach = match kind {
            AlertKind::QuesitoFiled | AlertKind::QuesitoDueSoon => {
                let reach = scope.sectioned_units_for(action);
                (!reach.is_nowhere()).then(|| reach.condition(unit(), Expr::col((alert::Entity, C::Section))))
            }
            _ => {
                let reach = scope.units_for(action);
                (!reach.is_nowhere()).then(|| reach.unit_id_condition(unit()))
            }
        };
        let Some(reach) = reach else { continue };
        audience =
            audience.add(Condition::all().add(C::RecipientId.is_null()).add(C::Kind.eq(kind.as_str())).add(reach));
    }
    audience
}

/// The caller's alerts, newest first, after the cursor `(created_at, id)`.
pub async fn list(scope: &Scope, after: Option<(DateTime<Utc>, Uuid)>, limit: u64) -> AppResult<Vec<alert::Model>> {
    let mut q =
        alert::Entity::find().filter(visible(scope)).order_by_desc(C::CreatedAt).order_by_desc(C::Id).limit(limit);
    if let Some(key) = after {
        q = q.filter(paging::after((alert::Entity, C::CreatedAt), (alert::Entity, C::Id), key, Direction::Descending));
    }
    Ok(q.all(scope.db()).await?)
}

/// The caller's alerts written after `since`, oldest first (what a subscription pushes next).
pub async fn newer_than(scope: &Scope, since: DateTime<Utc>) -> AppResult<Vec<alert::Model>> {
    Ok(alert::Entity::find()
        .filter(visible(scope))
        .filter(C::CreatedAt.gt(since))
        .order_by_asc(C::CreatedAt)
        .order_by_asc(C::Id)
        .limit(100)
        .all(scope.db())
        .await?)
}

/// How many of the caller's alerts they have not read yet.
pub async fn unread_count(scope: &Scope) -> AppResult<u64> {
    let read_until = read_until(scope).await?;
    let mut q = alert::Entity::find().filter(visible(scope));
    if let Some(until) = read_until {
        q = q.filter(C::CreatedAt.gt(until));
    }
    Ok(q.count(scope.db()).await?)
}

/// Up to when the caller has read their alerts.
pub async fn read_until(scope: &Scope) -> AppResult<Option<DateTime<Utc>>> {
    Ok(alert_read::Entity::find_by_id(scope.person_id()).one(scope.db()).await?.map(|r| r.read_until))
}

/// Marks every alert of the person written up to `until` as read (an older
/// `until`, e.g. from a clock behind another instance's, leaves the mark as it is).
pub async fn mark_read(conn: &impl ConnectionTrait, person_id: Uuid, until: DateTime<Utc>) -> AppResult<()> {
    let current = alert_read::Entity::find_by_id(person_id).one(conn).await?.map(|r| r.read_until);
    if current.is_some_and(|current| current >= until) {
        return Ok(());
    }
    let row = alert_read::ActiveModel { person_id: Set(person_id), read_until: Set(until) };
    alert_read::Entity::insert(row)
        .on_conflict(
            OnConflict::column(alert_read::Column::PersonId).update_column(alert_read::Column::ReadUntil).to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(())
}
