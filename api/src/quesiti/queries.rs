//! The reads the operations and the GraphQL layer share: a quesito with its
//! units, who may see its citizen's contact details, the read audit of a
//! look-up by fiscal code, the SLA in force per section, the figures.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use entities::{org_unit, quesito, quesito_classification};

use crate::audit;
use crate::auth::Assignment;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::ids::QuesitoId;
use crate::kernel::messages::quesito_not_found;
use crate::quesiti::domain::{QuesitoStatus, Section, SectionRules};
use crate::quesiti::store;
use crate::tenancy::Scope;

/// A visible quesito with the units it belongs to.
pub(crate) struct Loaded {
    pub(crate) q: quesito::Model,
    pub(crate) status: QuesitoStatus,
    pub(crate) section: Section,
    pub(crate) cric: org_unit::Model,
    pub(crate) filed_by: Option<org_unit::Model>,
    pub(crate) forwarded_to: Option<org_unit::Model>,
}

pub(crate) async fn load(scope: &Scope, id: QuesitoId) -> AppResult<Loaded> {
    let q = store::by_id(scope, id).await?.ok_or_else(quesito_not_found)?;
    let units = store::units_of(scope.db(), &q).await?;
    let find = |id: Uuid| units.iter().find(|u| u.id == id).cloned();
    let cric = find(q.unit_id).ok_or_else(|| AppError::internal("quesito without its CRIC"))?;
    let filed_by = find(q.filed_by_unit_id);
    let forwarded_to = q.forwarded_to_unit_id.and_then(find);
    let (status, section) = (q.status, q.section);
    Ok(Loaded { q, status, section, cric, filed_by, forwarded_to })
}

/// Audits a search of quesiti by a citizen's fiscal code (a read of personal
/// data), as the role and unit the caller reads quesiti under, so the auditors
/// and directors of that unit see it.
pub async fn audit_lookup(scope: &Scope, fiscal_code: &str) -> AppResult<()> {
    audit::record_citizen_lookup(scope, Action::QuesitoRead, "quesito.lookup_by_fiscal_code", fiscal_code).await
}

/// The assignment under which the caller sees the citizen's fiscal code,
/// phone and e-mail on this quesito (`paths`: its CRIC, the filing CCM, the
/// directorate it was forwarded to), if any. Each read is audited under it.
pub fn contact_grant<'s>(scope: &'s Scope, q: &quesito::Model, paths: &[String]) -> Option<&'s Assignment> {
    paths.iter().find_map(|p| scope.authorize_in_section(Action::QuesitoReadContact, p, q.section).ok())
}

/// The assignment under which the caller reads this quesito at all (for
/// auditing a look-up by the citizen's fiscal code that returned it).
pub fn read_grant<'s>(scope: &'s Scope, q: &quesito::Model, paths: &[String]) -> Option<&'s Assignment> {
    paths.iter().find_map(|p| scope.authorize_in_section(Action::QuesitoRead, p, q.section).ok())
}

// ---- configuration: classifications and SLA ---------------------------------

/// The SLA of a section for quesiti to one region's CRIC.
pub struct SectionSla {
    pub section: Section,
    pub working_days: i32,
    /// Code of the unit whose setting applies; `None` for the built-in default.
    pub configured_on: Option<String>,
}

/// The SLA of each section for quesiti to the CRIC of `region_code`.
pub async fn slas(scope: &Scope, region_code: &str) -> AppResult<Vec<SectionSla>> {
    let actions = [Action::QuesitoFile, Action::QuesitoRead, Action::QuesitoConfigure];
    let Some(cric) = store::cric_of_region(scope, region_code.trim(), &actions).await? else {
        return Err(crate::kernel::messages::regional_directorate_not_found());
    };
    let mut out = Vec::new();
    for &section in Section::ALL {
        let configured = store::sla_override(scope.db(), &cric.path, section).await?;
        let configured_on = match &configured {
            Some((row, _)) => store::unit_code(scope.db(), row.unit_id).await?,
            None => None,
        };
        let working_days =
            configured.as_ref().map_or(section.default_sla_working_days() as i32, |(row, _)| row.working_days);
        out.push(SectionSla { section, working_days, configured_on });
    }
    Ok(out)
}

// ---- figures ----------------------------------------------------------------

/// The figures of one section over the quesiti the caller may see.
pub struct SectionFigures {
    pub section: Section,
    /// Zero counts for a section without quesiti.
    pub counts: Option<store::SectionCounts>,
    /// Median hours from filing to answer, over those answered in the period.
    pub median_answer_hours: Option<f64>,
    /// Classifications of the quesiti filed in the period, with whether a
    /// national root owns each and how many: most frequent first, then by code.
    pub by_classification: Vec<(quesito_classification::Model, bool, i64)>,
}

/// The figures of each section for the quesiti the caller may see, of the
/// region `region_code` (one the caller cannot reach counts nothing), between
/// `from` (default 30 days before `to`) and `to` (default `now`).
pub async fn stats(
    scope: &Scope,
    region_code: Option<&str>,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> AppResult<Vec<SectionFigures>> {
    let to = to.unwrap_or(now);
    let from = from.unwrap_or(to - chrono::Duration::days(30));
    if from >= to {
        return Err(AppError::bad_input("from", "`from` deve precedere `to`", "`from` must come before `to`"));
    }
    let cric_id = match region_code {
        Some(code) => Some(
            store::cric_of_region(scope, code.trim(), &[Action::QuesitoRead, Action::QuesitoFile])
                .await?
                .map_or(Uuid::nil(), |u| u.id),
        ),
        None => None,
    };
    let period = store::ReportWindow { from, to, now };
    let counts = store::section_counts(scope, cric_id, &period).await?;
    let times = store::answer_times(scope, cric_id, &period).await?;
    let by_class = store::classification_counts(scope, cric_id, &period).await?;
    let ids: Vec<Uuid> = by_class.iter().map(|(id, _)| *id).collect();
    let classes = store::classifications_by_ids(scope, &ids).await?;
    let owners: Vec<Uuid> = classes.iter().map(|c| c.unit_id).collect();
    let national = store::national_units(scope.db(), &owners).await?;
    Ok(Section::ALL
        .iter()
        .map(|&section| {
            let durations = times
                .iter()
                .filter(|(s, _, _)| *s == section)
                .filter_map(|(_, filed, answered)| answered.map(|a| (a - *filed).num_seconds()));
            let mut by_classification: Vec<(quesito_classification::Model, bool, i64)> = by_class
                .iter()
                .filter_map(|(id, count)| {
                    let class = classes.iter().find(|k| k.id == *id && k.section == section)?;
                    Some((class.clone(), national.contains(&class.unit_id), *count))
                })
                .collect();
            by_classification.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.code.cmp(&b.0.code)));
            SectionFigures {
                section,
                counts: counts.iter().find(|c| c.section == section).cloned(),
                median_answer_hours: crate::kernel::median::median(durations).map(|s| s / 3600.0),
                by_classification,
            }
        })
        .collect())
}
