//! Contacts, within the CCM units (and sections) the caller works in.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use uuid::Uuid;

use entities::ccm_contact;

use super::domain::{Channel, ContactOutcome};
use crate::error::AppResult;
use crate::kernel::paging::{self, Direction};
use crate::quesiti::domain::Section;
use crate::tenancy::Scope;

fn visible(scope: &Scope) -> Select<ccm_contact::Entity> {
    ccm_contact::Entity::find().filter(crate::kernel::visibility::visible::<ccm_contact::Entity>(scope))
}

pub async fn by_id(scope: &Scope, id: Uuid) -> AppResult<Option<ccm_contact::Model>> {
    Ok(visible(scope).filter(ccm_contact::Column::Id.eq(id)).one(scope.db()).await?)
}

#[derive(Default, Clone, Debug)]
pub struct ContactFilter {
    pub section: Option<Section>,
    pub channel: Option<Channel>,
    pub outcome: Option<ContactOutcome>,
    pub citizen_fiscal_code: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// Newest first, keyset-paginated by id (UUIDv7).
pub async fn list(
    scope: &Scope,
    filter: &ContactFilter,
    before: Option<Uuid>,
    limit: u64,
) -> AppResult<Vec<ccm_contact::Model>> {
    let mut query = visible(scope);
    if let Some(section) = filter.section {
        query = query.filter(ccm_contact::Column::Section.eq(section.as_str()));
    }
    if let Some(channel) = filter.channel {
        query = query.filter(ccm_contact::Column::Channel.eq(channel));
    }
    if let Some(outcome) = filter.outcome {
        query = query.filter(ccm_contact::Column::Outcome.eq(outcome));
    }
    if let Some(code) = &filter.citizen_fiscal_code {
        query = query.filter(ccm_contact::Column::CitizenFiscalCode.eq(code.as_str()));
    }
    if let Some(from) = filter.from {
        query = query.filter(ccm_contact::Column::RecordedAt.gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(ccm_contact::Column::RecordedAt.lt(to));
    }
    if let Some(before) = before {
        query = query.filter(paging::after_id(
            (ccm_contact::Entity, ccm_contact::Column::Id),
            before,
            Direction::Descending,
        ));
    }
    Ok(query.order_by_desc(ccm_contact::Column::Id).limit(limit).all(scope.db()).await?)
}

/// Links a quesito to a contact that has none yet, marking the contact's
/// outcome QUESITO_FILED; false when the contact already has one.
pub async fn link_quesito(conn: &impl ConnectionTrait, contact_id: Uuid, quesito_id: Uuid) -> AppResult<bool> {
    let res = ccm_contact::Entity::update_many()
        .col_expr(ccm_contact::Column::QuesitoId, Expr::value(quesito_id))
        .col_expr(ccm_contact::Column::Outcome, Expr::value(ContactOutcome::QuesitoFiled))
        .filter(ccm_contact::Column::Id.eq(contact_id))
        .filter(ccm_contact::Column::QuesitoId.is_null())
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}
