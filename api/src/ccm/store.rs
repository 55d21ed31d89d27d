//! Contacts, within the CCM units (and sections) the caller works in.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Select};
use uuid::Uuid;

use entities::ccm_contact;

use super::domain::{Channel, ContactOutcome};
use crate::error::AppResult;
use crate::kernel::paging::{Direction, Page};
use crate::kernel::sorting::{self, ListTotal, Sort, SortField};
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

/// What the contact list can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactOrderField {
    RecordedAt,
    Topic,
}

impl SortField for ContactOrderField {
    type Column = ccm_contact::Column;
    fn name(self) -> &'static str {
        match self {
            ContactOrderField::RecordedAt => "recordedAt",
            ContactOrderField::Topic => "topic",
        }
    }
    fn column(self) -> ccm_contact::Column {
        match self {
            ContactOrderField::RecordedAt => ccm_contact::Column::RecordedAt,
            ContactOrderField::Topic => ccm_contact::Column::Topic,
        }
    }
}

/// The list's order: as picked, else by date, newest first (a contact's date
/// is when it was recorded, which an id made later need not follow).
pub fn contact_sort(picked: Option<(ContactOrderField, Direction)>) -> Sort<ccm_contact::Column> {
    Sort::pick(picked, (ContactOrderField::RecordedAt, Direction::Descending))
}

/// A page of the contacts the caller may read in `sort`'s order, and their total.
pub async fn list(
    scope: &Scope,
    filter: &ContactFilter,
    sort: &Sort<ccm_contact::Column>,
    page: &Page,
) -> AppResult<(Vec<ccm_contact::Model>, ListTotal)> {
    sorting::page_of(scope, matching(scope, filter), sort, ccm_contact::Column::Id, page).await
}

fn matching(scope: &Scope, filter: &ContactFilter) -> Select<ccm_contact::Entity> {
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
    query
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
