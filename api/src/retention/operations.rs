//! The erasure request: one citizen's personal data erased everywhere, by a
//! national administrator, audited without the fiscal code itself.

use serde_json::json;

use super::domain::ErasureReport;
use crate::audit::AuditRecord;
use crate::authz::Action;
use crate::error::{AppError, AppResult};
use crate::kernel::Operation;
use crate::outbox::domain::is_root_path;
use crate::tenancy::{Scope, UnitScope};
use crate::validation::fiscal_code_field;

/// Erases what the system holds about the citizen with `fiscal_code` in every
/// unit (ADMIN of the national root: `people:manage` there). The audit event
/// keeps who, when and how many records of each kind, not the fiscal code:
/// the report returned is the answer to the citizen.
pub async fn erase_citizen(scope: &Scope, fiscal_code: &str) -> AppResult<ErasureReport> {
    let fiscal_code = fiscal_code_field("fiscalCode", fiscal_code)?;
    let root = national_root(scope).ok_or_else(|| {
        AppError::forbidden("Solo un amministratore nazionale può farlo", "Only a national administrator may do this")
    })?;
    let acting = scope.authorize(Action::PeopleManage, &root)?;
    let op = Operation::begin(scope, acting).await?;
    let report = super::erase_citizen(&op, fiscal_code.as_str()).await?;
    op.audit(AuditRecord::new("citizen.erase").detail(json!({
        "bookings": report.bookings,
        "followUps": report.follow_ups,
        "contacts": report.contacts,
        "quesiti": report.quesiti,
        "quesitoNotes": report.quesito_notes,
        "outboxMessages": report.outbox_messages,
        "auditEvents": report.audit_events,
    })))
    .await?;
    op.commit().await?;
    Ok(report)
}

/// The national root under which the caller manages people, if any.
fn national_root(scope: &Scope) -> Option<String> {
    match scope.units_for(Action::PeopleManage) {
        UnitScope::Everywhere => scope.principal().assignments.iter().find_map(|a| a.unit_path().map(str::to_owned)),
        UnitScope::Under(prefixes) => prefixes.into_iter().find(|p| is_root_path(p)),
    }
}
