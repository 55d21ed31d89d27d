//! A page of quesiti with the nested levels its nodes ask for, in one
//! statement on PostgreSQL: the page (as the scoped list builds it) becomes a
//! materialised CTE, and each level a JSON column beside its rows — the
//! events of each quesito on its own row; the classifications and units of
//! the whole page, each built once, on the page's first row only (a
//! classification repeated on every row cost as much as all the events).
//!
//! Why: on PostgreSQL every statement is a connection hand-out that writes the
//! caller's reach, the statement itself and sqlx's ping on release, so a page
//! and three look-ups cost twelve round trips and the planning of four
//! statements' policies; the page carrying its levels costs three
//! (docs/performance.md, "A nested page in one statement"). The levels' rows
//! hang from quesiti the scoped page has just returned, so they are read by
//! key, as `lookups::*_of_page` do; row-level security still applies.
//!
//! SQLite gets no such columns: there a statement costs no round trip, and the
//! prefetch (`quesiti::prefetch`) looks each level up as before.

use std::collections::HashMap;

use sea_orm::{DbBackend, DbErr, FromQueryResult, QueryResult, Statement};
use serde::Deserialize;
use uuid::Uuid;

use entities::{org_unit, quesito, quesito_classification, quesito_event};

use crate::quesiti::lookups::ClassificationRow;

/// The nested levels a page's nodes select.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Levels {
    pub classification: bool,
    /// The CRIC each quesito is handled by.
    pub cric: bool,
    /// Also the unit that filed it and the directorate it was forwarded to.
    pub other_units: bool,
    pub events: bool,
}

impl Levels {
    pub fn any(self) -> bool {
        self.classification || self.units() || self.events
    }

    /// Whether any unit is asked for: the CRIC, or the others too.
    pub fn units(self) -> bool {
        self.cric || self.other_units
    }
}

/// What the page's statement brought of each level; `None`: not brought
/// (not asked, or on SQLite), to be looked up.
#[derive(Debug, Default)]
pub struct LoadedLevels {
    pub classifications: Option<Vec<ClassificationRow>>,
    pub units: Option<Vec<org_unit::Model>>,
    /// Every quesito of the page has an entry, also one without events.
    pub events: Option<HashMap<Uuid, Vec<quesito_event::Model>>>,
}

const CLASSIFICATIONS: &str = "level_classifications";
const UNITS: &str = "level_units";
const EVENTS: &str = "level_events";

/// `page` (a statement selecting rows of `quesito`, with its order and limit)
/// with one JSON column per level; NULL for levels not asked. PostgreSQL only.
/// The rows come back in the page's order as a CTE's scan keeps it; the
/// caller does not rely on it ([`split`] takes the order to restore).
pub fn with_levels(page: Statement, levels: Levels) -> Statement {
    let on_first_row = |sql: &str| format!("CASE WHEN page.id = (SELECT id FROM page LIMIT 1) THEN {sql} END");
    let classifications = on_first_row(
        "(SELECT json_agg(json_build_object('row', row_to_json(c), 'national', EXISTS \
         (SELECT 1 FROM org_unit o WHERE o.id = c.unit_id AND o.kind = 'NATIONAL'))) \
         FROM quesito_classification c WHERE c.id IN (SELECT classification_id FROM page))",
    );
    let unit_ids = if levels.other_units {
        "SELECT unit_id FROM page UNION SELECT filed_by_unit_id FROM page UNION SELECT forwarded_to_unit_id FROM page"
    } else {
        "SELECT unit_id FROM page"
    };
    let units = on_first_row(&format!("(SELECT json_agg(row_to_json(u)) FROM org_unit u WHERE u.id IN ({unit_ids}))"));
    let events = "(SELECT json_agg(row_to_json(e) ORDER BY e.id) FROM quesito_event e WHERE e.quesito_id = page.id)";
    // As text: parsed straight into the models, without a JSON tree between
    // (decoding the tree and then the models cost a fifth of the server's
    // time for a nested page, measured with perf).
    let column = |asked: bool, sql: &str, name: &str| {
        if asked { format!("CAST({sql} AS text) AS {name}") } else { format!("CAST(NULL AS text) AS {name}") }
    };
    let sql = format!(
        "WITH page AS MATERIALIZED ({}) SELECT page.*, {}, {}, {} FROM page",
        page.sql,
        column(levels.classification, &classifications, CLASSIFICATIONS),
        column(levels.units(), &units, UNITS),
        column(levels.events, events, EVENTS),
    );
    Statement { sql, values: page.values, db_backend: DbBackend::Postgres }
}

/// One row of a page read [`with_levels`].
pub struct RowWithLevels {
    pub quesito: quesito::Model,
    classifications: Option<String>,
    units: Option<String>,
    events: Option<String>,
}

impl FromQueryResult for RowWithLevels {
    fn from_query_result(row: &QueryResult, pre: &str) -> Result<Self, DbErr> {
        Ok(RowWithLevels {
            quesito: quesito::Model::from_query_result(row, pre)?,
            classifications: row.try_get(pre, CLASSIFICATIONS)?,
            units: row.try_get(pre, UNITS)?,
            events: row.try_get(pre, EVENTS)?,
        })
    }
}

#[derive(Deserialize)]
struct ClassificationJson {
    row: quesito_classification::Model,
    national: bool,
}

/// Splits the rows into the page, put in order by `order`, and the levels
/// `levels` asked for.
pub fn split(
    rows: Vec<RowWithLevels>,
    levels: Levels,
    order: impl FnMut(&quesito::Model, &quesito::Model) -> std::cmp::Ordering,
) -> Result<(Vec<quesito::Model>, LoadedLevels), DbErr> {
    let decode = |what: &str, e: serde_json::Error| DbErr::Type(format!("a page's {what} as JSON: {e}"));
    let mut classifications = Vec::new();
    let mut units = Vec::new();
    let mut events = HashMap::new();
    let mut page = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(json) = row.classifications {
            let found: Vec<ClassificationJson> =
                serde_json::from_str(&json).map_err(|e| decode("classifications", e))?;
            classifications.extend(found.into_iter().map(|c| ClassificationRow { model: c.row, national: c.national }));
        }
        if let Some(json) = row.units {
            units = serde_json::from_str::<Vec<org_unit::Model>>(&json).map_err(|e| decode("units", e))?;
        }
        if levels.events {
            let found: Vec<quesito_event::Model> = match row.events {
                Some(json) => serde_json::from_str(&json).map_err(|e| decode("events", e))?,
                None => Vec::new(),
            };
            events.insert(row.quesito.id, found);
        }
        page.push(row.quesito);
    }
    page.sort_by(order);
    let loaded = LoadedLevels {
        classifications: levels.classification.then_some(classifications),
        units: levels.units().then_some(units),
        events: levels.events.then_some(events),
    };
    Ok((page, loaded))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A classification as PostgreSQL's `row_to_json` writes it.
    const CLASSIFICATION_JSON: &str = r#"{"row": {"id": "0193a0f0-0000-7000-8000-000000000001",
        "unit_id": "0193a0f0-0000-7000-8000-000000000002", "section": "PENSIONI", "code": "DEC",
        "label": "Decorrenza", "active": true, "competent_directorate_id": null, "version": 1,
        "created_at": "2026-12-01T09:30:00.123456+00:00", "updated_at": "2026-12-01T09:30:00+00:00"},
        "national": true}"#;

    #[test]
    fn a_classification_reads_back_from_postgresql_json() {
        let c: ClassificationJson = serde_json::from_str(CLASSIFICATION_JSON).unwrap();
        assert!(c.national);
        assert_eq!(c.row.label, "Decorrenza");
        assert_eq!(c.row.created_at.to_rfc3339(), "2026-12-01T09:30:00.123456+00:00");
    }

    #[test]
    fn events_read_back_with_their_states_and_no_events_is_an_empty_list() {
        let json = r#"[{"id": "0193a0f0-0000-7000-8000-000000000003", "quesito_id":
            "0193a0f0-0000-7000-8000-000000000004", "from_status": null, "to_status": "NEW",
            "actor_id": "0193a0f0-0000-7000-8000-000000000005", "actor_username": "ccm.op",
            "acting_role": "CCM_OPERATOR", "note": null, "occurred_at": "2026-12-01T08:00:00+00:00"}]"#;
        let events: Vec<quesito_event::Model> = serde_json::from_str(json).unwrap();
        assert_eq!(events[0].to_status.as_str(), "NEW");
        assert_eq!(events[0].from_status, None);
        assert!(!Levels::default().any());
    }
}
