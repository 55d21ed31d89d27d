//! Rules for granting roles: which role fits which kind of unit, and who may grant what.

use crate::authz::Role;
use crate::error::{AppError, AppResult};
use crate::org::domain::UnitKind;
use crate::quesiti::domain::Section;

/// The kinds of unit a role can be held on (docs/domain.md §3).
pub fn unit_kinds_for(role: Role) -> &'static [UnitKind] {
    use UnitKind::*;
    match role {
        Role::Admin => &[National],
        Role::RegionalDirector => &[RegionalDirectorate],
        Role::ProvincialDirector => &[ProvincialDirectorate],
        Role::OfficeDirector | Role::RoomCoordinator | Role::Operator => &[TerritorialOffice],
        Role::CcmOperator => &[ContactCenter],
        Role::CricExpert => &[Cric, CentralDirectorate],
        Role::Auditor => UnitKind::ALL,
        Role::Professional => &[],
    }
}

/// Checks that `role` may be held on a unit of `kind`, narrowed to `section`
/// if given; returns the section as the closed list it must belong to.
pub fn check_assignment(role: Role, kind: UnitKind, section: Option<&str>) -> AppResult<Option<Section>> {
    if !unit_kinds_for(role).contains(&kind) {
        return Err(AppError::bad_input(
            "unitCode",
            format!("Il ruolo {} non può essere assegnato a un'unità di tipo {}", role.as_str(), kind.as_str()),
            format!("Role {} cannot be held on a unit of kind {}", role.as_str(), kind.as_str()),
        ));
    }
    if let Some(section) = section {
        if !matches!(role, Role::CricExpert | Role::CcmOperator) {
            return Err(AppError::bad_input(
                "section",
                "Solo gli esperti CRIC e gli operatori CCM possono avere una sezione",
                "Only CRIC experts and CCM operators can be narrowed to a section",
            ));
        }
        // The CRIC and CCM sections an assignment can be narrowed to.
        return match section.parse::<Section>() {
            Ok(section) => Ok(Some(section)),
            Err(_) => Err(AppError::bad_input("section", "Sezione sconosciuta", "Unknown section")),
        };
    }
    Ok(None)
}

/// Whether someone holding `granter` may grant `role` (and revoke it, and
/// deactivate its holder). Admins grant every staff role; regional directors
/// every role below their own except AUDITOR: an auditor in the region reads
/// the director's own actions (docs/domain.md §3: the auditor reads the audit log,
/// the director manages the people under the DR), so the audited may not
/// appoint, remove or deactivate who audits them — auditors are the admins'.
pub fn may_grant(granter: Role, role: Role) -> bool {
    match granter {
        Role::Admin => role != Role::Professional,
        Role::RegionalDirector => {
            !matches!(role, Role::Admin | Role::RegionalDirector | Role::Auditor | Role::Professional)
        }
        _ => false,
    }
}

/// Usernames: 3–64 characters among lowercase letters, digits, `.`, `-` and `_`.
pub fn check_username(username: &str) -> AppResult<String> {
    let u = username.trim().to_lowercase();
    let ok = (3..=64).contains(&u.len())
        && u.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'));
    if ok {
        Ok(u)
    } else {
        Err(AppError::bad_input(
            "username",
            "Il nome utente deve avere da 3 a 64 caratteri tra lettere minuscole, cifre, . - _",
            "The username must be 3 to 64 characters among lowercase letters, digits, . - _",
        ))
    }
}

pub fn person_not_found() -> AppError {
    AppError::not_found("Persona non trovata", "Person not found")
}

pub fn assignment_not_found() -> AppError {
    AppError::not_found("Assegnazione non trovata", "Role assignment not found")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_operator_is_held_on_an_office_and_nowhere_else() {
        assert!(check_assignment(Role::Operator, UnitKind::TerritorialOffice, None).is_ok());
        assert!(check_assignment(Role::Operator, UnitKind::RegionalDirectorate, None).is_err());
    }

    #[test]
    fn only_cric_and_ccm_roles_take_a_known_section() {
        assert!(check_assignment(Role::CricExpert, UnitKind::Cric, Some("PENSIONI")).is_ok());
        assert!(check_assignment(Role::CricExpert, UnitKind::Cric, Some("ALTRO")).is_err());
        assert!(check_assignment(Role::Operator, UnitKind::TerritorialOffice, Some("PENSIONI")).is_err());
    }

    #[test]
    fn a_regional_director_cannot_create_admins_or_peers() {
        assert!(may_grant(Role::RegionalDirector, Role::Operator));
        assert!(!may_grant(Role::RegionalDirector, Role::Admin));
        assert!(!may_grant(Role::RegionalDirector, Role::RegionalDirector));
        assert!(!may_grant(Role::Operator, Role::Operator));
        assert!(may_grant(Role::Admin, Role::RegionalDirector));
        // Who is audited does not manage who audits them.
        assert!(!may_grant(Role::RegionalDirector, Role::Auditor));
        assert!(may_grant(Role::Admin, Role::Auditor));
    }

    #[test]
    fn usernames_are_normalised_and_checked() {
        assert_eq!(check_username(" Op.Nuovo ").unwrap(), "op.nuovo");
        assert!(check_username("a").is_err());
        assert!(check_username("mario rossi").is_err());
    }
}
