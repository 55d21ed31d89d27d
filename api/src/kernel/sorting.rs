//! Lists sorted by a column people pick, and their totals: once for every list.
//!
//! A list offers a closed set of sort fields (a GraphQL enum per list, mapped by
//! its store to a non-null column) and a direction. Pages stay keyset-paginated
//! ([`crate::kernel::paging`]): the cursor carries the sort field's name, the
//! last row's value in it and the row's id as tie-breaker, so a page costs the
//! same wherever it starts. A cursor of another order is `BAD_USER_INPUT`, not
//! a silently wrong page.
//!
//! A nullable column sorts its nulls as its largest value on both databases
//! (PostgreSQL's own order, so its indexes serve it): last ascending, first
//! descending, and a cursor may carry a null.
//!
//! [`ListTotal`] is the `totalCount` field of a connection: counted only when a
//! client asks for it, with the same scope and filter as the page.

use std::sync::Arc;

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Enum, Object, OutputType};
use chrono::{DateTime, NaiveDate, Utc};
use futures::future::BoxFuture;
use sea_orm::sea_query::{Expr, ExprTrait, NullOrdering};
use sea_orm::{Condition, ModelTrait, Order, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select, Value};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::paging::{self, CursorKey, Direction, Page};
use crate::error::{AppError, AppResult};
use crate::tenancy::Scope;

/// Which way a sorted list runs, as clients ask for it.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortDirection {
    /// Smallest (earliest, A–Z) first.
    #[default]
    Asc,
    /// Largest (latest, Z–A) first.
    Desc,
}

impl From<SortDirection> for Direction {
    fn from(d: SortDirection) -> Self {
        match d {
            SortDirection::Asc => Direction::Ascending,
            SortDirection::Desc => Direction::Descending,
        }
    }
}

/// A list's order: the column its store maps the picked field to, its name
/// (carried by cursors), and the direction. The row id breaks ties.
pub struct Sort<C> {
    pub field: &'static str,
    pub column: C,
    pub direction: Direction,
}

/// A field a list can be sorted by: each list's closed set, mapped by its
/// store to a non-null column.
pub trait SortField: Copy {
    type Column: sea_orm::ColumnTrait;
    /// The field's name in cursors (stable: a cursor names the order it belongs to).
    fn name(self) -> &'static str;
    fn column(self) -> Self::Column;
}

impl<C: sea_orm::ColumnTrait> Sort<C> {
    /// The order a client picked, or the list's default.
    pub fn pick<F: SortField<Column = C>>(picked: Option<(F, Direction)>, default: (F, Direction)) -> Self {
        let (field, direction) = picked.unwrap_or(default);
        Sort { field: field.name(), column: field.column(), direction }
    }
}

// Each list names its own input (`ProcuraOrder`, …) with `concrete`.
/// A list's order: the field to sort by and the direction (default ascending).
#[derive(async_graphql::InputObject)]
#[graphql(concrete(name = "ProcuraOrder", params(crate::procure::graphql::ProcuraOrderField)))]
#[graphql(concrete(name = "PersonOrder", params(crate::people::graphql::PersonOrderField)))]
#[graphql(concrete(name = "AppointmentOrder", params(crate::appointments::graphql::AppointmentOrderField)))]
#[graphql(concrete(name = "AuditEventOrder", params(crate::audit::graphql::AuditEventOrderField)))]
#[graphql(concrete(name = "ContactOrder", params(crate::ccm::graphql::ContactOrderField)))]
#[graphql(concrete(name = "CallbackOrder", params(crate::callbacks::graphql::CallbackOrderField)))]
#[graphql(concrete(name = "FollowUpOrder", params(crate::followups::graphql::FollowUpOrderField)))]
#[graphql(concrete(name = "ProfessionalOrder", params(crate::procure::graphql::ProfessionalOrderField)))]
#[graphql(concrete(name = "CollaboratorOrder", params(crate::procure::graphql::CollaboratorOrderField)))]
#[graphql(concrete(name = "OrgUnitOrder", params(crate::org::graphql::UnitOrderField)))]
#[graphql(concrete(name = "FaqEntryOrder", params(crate::faq::graphql::FaqEntryOrderField)))]
#[graphql(concrete(name = "QuesitoClassificationOrder", params(crate::quesiti::graphql::ClassificationOrderField)))]
#[graphql(concrete(name = "OutboxMessageOrder", params(crate::outbox::graphql::OutboxMessageOrderField)))]
pub struct OrderBy<F: async_graphql::InputType + async_graphql::EnumType> {
    pub field: F,
    #[graphql(default)]
    pub direction: SortDirection,
}

impl<F: async_graphql::InputType + async_graphql::EnumType> OrderBy<F> {
    /// The pick as a store takes it: `orderBy.map(OrderBy::picked)`.
    pub fn picked<S: From<F>>(self) -> (S, Direction) {
        (self.field.into(), self.direction.into())
    }
}

/// A value of a sort column as a cursor carries it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v")]
pub enum SortValue {
    Text(String),
    Time(DateTime<Utc>),
    Date(NaiveDate),
    Int(i64),
    /// Ids order rows by creation: they are UUIDv7 ([`crate::kernel::ids`]).
    Id(Uuid),
}

impl SortValue {
    /// The value of a row's column; `None` for a null or a type lists are not sorted by.
    pub fn of(value: Value) -> Option<SortValue> {
        Some(match value {
            Value::String(Some(s)) => SortValue::Text(s.to_string()),
            Value::ChronoDateTimeUtc(Some(t)) => SortValue::Time(t),
            Value::ChronoDate(Some(d)) => SortValue::Date(d),
            Value::Int(Some(n)) => SortValue::Int(n.into()),
            Value::BigInt(Some(n)) => SortValue::Int(n),
            Value::SmallInt(Some(n)) => SortValue::Int(n.into()),
            Value::Uuid(Some(id)) => SortValue::Id(id),
            _ => return None,
        })
    }

    fn into_value(self) -> Value {
        match self {
            SortValue::Text(s) => s.into(),
            SortValue::Time(t) => t.into(),
            SortValue::Date(d) => d.into(),
            SortValue::Int(n) => n.into(),
            SortValue::Id(id) => id.into(),
        }
    }
}

/// What a sorted list's cursor says: the order's field, the row's value in it, the row's id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SortedKey {
    field: String,
    value: Option<SortValue>,
    id: Uuid,
}

impl CursorKey for SortedKey {
    fn to_key(&self) -> String {
        // Strings, numbers and a tag: serialising it cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
    fn from_key(key: &str) -> Option<Self> {
        serde_json::from_str(key).ok()
    }
}

impl<C: sea_orm::ColumnTrait> Sort<C> {
    /// Orders `query` by this sort then by `id`, starting after the page's cursor.
    pub fn apply<E>(&self, mut query: Select<E>, id: C, page: &Page) -> AppResult<Select<E>>
    where
        E: sea_orm::EntityTrait<Column = C>,
    {
        if let Some(after) = page.after_key::<SortedKey>()? {
            query = query.filter(self.after(id, after)?);
        }
        let order = match self.direction {
            Direction::Ascending => Order::Asc,
            Direction::Descending => Order::Desc,
        };
        query = if self.nullable() {
            let nulls = match self.direction {
                Direction::Ascending => NullOrdering::Last,
                Direction::Descending => NullOrdering::First,
            };
            query.order_by_with_nulls(self.column, order.clone(), nulls)
        } else {
            query.order_by(self.column, order.clone())
        };
        Ok(query.order_by(id, order))
    }

    fn nullable(&self) -> bool {
        self.column.def().is_null()
    }

    /// Rows beyond the cursor's row in this order; a cursor of another order is refused.
    fn after(&self, id: C, key: SortedKey) -> AppResult<Condition> {
        if key.field != self.field {
            return Err(other_order_cursor());
        }
        let nullable = self.nullable();
        let is_null = || Expr::col(self.column).is_null();
        match (key.value, self.direction) {
            (Some(value), direction) => {
                let beyond = paging::after(self.column, id, (value.into_value(), key.id), direction);
                // Ascending, the nulls come after every value.
                Ok(if nullable && direction == Direction::Ascending {
                    Condition::any().add(beyond).add(is_null())
                } else {
                    beyond
                })
            }
            (None, _) if !nullable => Err(other_order_cursor()),
            (None, direction) => {
                let among_nulls = Condition::all().add(is_null()).add(paging::after_id(id, key.id, direction));
                // Descending, the values come after the nulls.
                Ok(if direction == Direction::Descending {
                    Condition::any().add(among_nulls).add(Expr::col(self.column).is_not_null())
                } else {
                    among_nulls
                })
            }
        }
    }

    /// The cursor of one row of a list in this order.
    pub fn key_of<M: ModelTrait<Entity = E>, E: sea_orm::EntityTrait<Column = C>>(
        &self,
        row: &M,
        id: Uuid,
    ) -> SortedKey {
        SortedKey { field: self.field.to_owned(), value: SortValue::of(row.get(self.column)), id }
    }
}

fn other_order_cursor() -> AppError {
    AppError::bad_input(
        "after",
        "Il cursore appartiene a un altro ordinamento: ricarica l'elenco",
        "The cursor belongs to another order: reload the list",
    )
}

/// A connection of sorted rows fetched with [`Page::fetch_limit`], with its total.
pub fn sorted_connection<M, E, N: OutputType>(
    page: &Page,
    sort: &Sort<E::Column>,
    rows: Vec<M>,
    id_of: impl Fn(&M) -> Uuid,
    node: impl Fn(M) -> N,
    total: ListTotal,
) -> Connection<String, N, ListTotal, EmptyFields>
where
    M: ModelTrait<Entity = E>,
    E: sea_orm::EntityTrait,
{
    paging::connection_with(page, rows, |r| sort.key_of(r, id_of(r)), node, total)
}

/// One page of `query` (a list's filters, already in the caller's scope) in
/// `sort`'s order, and the list's total, counted only if asked for.
pub async fn page_of<E>(
    scope: &Scope,
    query: Select<E>,
    sort: &Sort<E::Column>,
    id: E::Column,
    page: &Page,
) -> AppResult<(Vec<E::Model>, ListTotal)>
where
    E: sea_orm::EntityTrait,
    E::Model: Sync,
{
    let total = ListTotal::counting(scope, query.clone());
    let rows = sort.apply(query, id, page)?.limit(page.fetch_limit()).all(scope.db()).await?;
    Ok((rows, total))
}

type CountFn = dyn Fn() -> BoxFuture<'static, AppResult<u64>> + Send + Sync;

/// The `totalCount` of a list: how many rows its filter matches in the
/// caller's scope, whatever page is shown. Counted only when asked for.
#[derive(Clone)]
pub struct ListTotal(Arc<CountFn>);

impl ListTotal {
    /// The rows `query` matches, counted with the caller's connection.
    pub fn counting<E>(scope: &Scope, query: Select<E>) -> Self
    where
        E: sea_orm::EntityTrait,
        E::Model: Sync,
    {
        let db = scope.db().clone();
        ListTotal(Arc::new(move || {
            let (db, query) = (db.clone(), query.clone());
            Box::pin(async move { Ok(query.count(&db).await?) })
        }))
    }
}

#[Object]
impl ListTotal {
    /// How many items the list has in all, whatever page is shown.
    async fn total_count(&self) -> AppResult<u64> {
        (self.0)().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sorted_key_round_trips_with_each_kind_of_value() {
        let id = Uuid::now_v7();
        for value in [
            SortValue::Text("Rossi|Mario".into()),
            SortValue::Time(DateTime::parse_from_rfc3339("2026-12-01T09:15:00.123Z").unwrap().with_timezone(&Utc)),
            SortValue::Date(NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()),
            SortValue::Int(-3),
            SortValue::Id(Uuid::nil()),
        ] {
            let key = SortedKey { field: "name".into(), value: Some(value), id };
            assert_eq!(SortedKey::from_key(&key.to_key()), Some(key));
        }
        assert_eq!(SortedKey::from_key(&id.to_string()), None, "a cursor of an id-ordered list is not a sorted key");
    }

    #[test]
    fn values_of_rows_become_sort_values_and_nulls_do_not() {
        assert_eq!(SortValue::of(Value::String(Some("a".into()))), Some(SortValue::Text("a".into())));
        assert_eq!(SortValue::of(Value::Int(Some(4))), Some(SortValue::Int(4)));
        assert_eq!(SortValue::of(Value::String(None)), None);
    }
}
