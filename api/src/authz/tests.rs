//! The role × unit matrix over the demo organisation: no role reaches upward
//! or sideways (into another region) unless the policy grants it `anywhere`
//! on purpose, and those grants are listed here so a new one is a reviewed change.

use super::*;
use crate::seed::demo::demo_unit_paths;

/// (role, action) pairs that are meant to cross the tree.
const ANYWHERE_GRANTS: &[(Role, Action)] = &[
    // The national CCM files quesiti to every region's CRIC.
    (Role::CcmOperator, Action::QuesitoFile),
    // Experts forward to the central directorate, outside their CRIC (routing only).
    (Role::CricExpert, Action::QuesitoRoute),
    // The FAQ is one national knowledge base for the CCM and every CRIC.
    (Role::CcmOperator, Action::FaqRead),
    (Role::CricExpert, Action::FaqRead),
    // The national contact centre books at every office (docs/domain.md §3); it then
    // reads only what its own unit booked (`appointments:read_booked`, subtree).
    (Role::CcmOperator, Action::AppointmentBook),
    // The contact centre files callback requests for any provincial directorate.
    (Role::CcmOperator, Action::CallbackRequest),
    // The register of professionals is national: they belong to no unit.
    (Role::Admin, Action::ProfessionalManage),
];

fn under(target: &str, held: &str) -> bool {
    target.starts_with(held)
}

#[tokio::test]
async fn no_role_reaches_above_or_beside_the_unit_it_is_held_on() {
    let authz = Authz::load().await.unwrap();
    let paths = demo_unit_paths();
    for &role in Role::ALL {
        for action in Action::ALL {
            let anywhere = ANYWHERE_GRANTS.contains(&(role, action));
            for held in &paths {
                for target in &paths {
                    let allowed = authz.permits(role, Some(held), Some(target), action);
                    if allowed && !anywhere {
                        assert!(
                            under(target, held),
                            "{role:?} held on {held} may {action:?} on {target}, outside its subtree"
                        );
                    }
                }
            }
        }
    }
}

#[tokio::test]
async fn a_regional_director_reads_the_whole_region_and_nothing_of_another() {
    let authz = Authz::load().await.unwrap();
    let dr = Some("/IT/SAR/");
    assert!(authz.permits(Role::RegionalDirector, dr, Some("/IT/SAR/"), Action::OrgRead));
    assert!(authz.permits(Role::RegionalDirector, dr, Some("/IT/SAR/CA/CA1/"), Action::OrgRead));
    assert!(!authz.permits(Role::RegionalDirector, dr, Some("/IT/LAZ/RM/"), Action::OrgRead));
    assert!(!authz.permits(Role::RegionalDirector, dr, Some("/IT/"), Action::OrgRead));
}

#[tokio::test]
async fn path_prefixes_stop_at_a_segment_boundary() {
    let authz = Authz::load().await.unwrap();
    assert!(!authz.permits(Role::RegionalDirector, Some("/IT/SAR/"), Some("/IT/SAR2/"), Action::OrgRead));
}

#[tokio::test]
async fn an_operator_cannot_manage_people_or_read_audit() {
    let authz = Authz::load().await.unwrap();
    let office = Some("/IT/SAR/CA/CA1/");
    assert!(authz.permits(Role::Operator, office, office, Action::OrgRead));
    assert!(!authz.permits(Role::Operator, office, office, Action::PeopleManage));
    assert!(!authz.permits(Role::Operator, office, office, Action::AuditRead));
}

#[tokio::test]
async fn a_role_held_outside_the_organisation_reaches_no_unit() {
    let authz = Authz::load().await.unwrap();
    for action in Action::ALL {
        for target in demo_unit_paths() {
            assert!(!authz.permits(Role::Professional, None, Some(&target), action));
        }
    }
}

#[tokio::test]
async fn a_cric_expert_works_only_the_quesiti_of_their_own_cric() {
    let authz = Authz::load().await.unwrap();
    let cric = Some("/IT/SAR/CRIC/");
    assert!(authz.permits(Role::CricExpert, cric, Some("/IT/SAR/CRIC/"), Action::QuesitoWork));
    assert!(!authz.permits(Role::CricExpert, cric, Some("/IT/LAZ/CRIC/"), Action::QuesitoWork));
    assert!(!authz.permits(Role::CricExpert, cric, Some("/IT/LAZ/CRIC/"), Action::QuesitoRead));
    assert!(!authz.permits(Role::RegionalDirector, Some("/IT/SAR/"), Some("/IT/SAR/CRIC/"), Action::QuesitoWork));
}

#[tokio::test]
async fn the_ccm_files_everywhere_but_reads_only_its_own_filings() {
    let authz = Authz::load().await.unwrap();
    let ccm = Some("/IT/CCM/");
    assert!(authz.permits(Role::CcmOperator, ccm, Some("/IT/LAZ/CRIC/"), Action::QuesitoFile));
    assert!(!authz.permits(Role::CcmOperator, ccm, Some("/IT/LAZ/CRIC/"), Action::QuesitoRead));
    assert!(authz.permits(Role::CcmOperator, ccm, Some("/IT/CCM/"), Action::QuesitoRead));
}

#[tokio::test]
async fn procure_belong_to_their_professional_and_only_counter_staff_check_collaborators() {
    let authz = Authz::load().await.unwrap();
    for action in [Action::ProcuraRead, Action::ProcuraManage, Action::ApiKeyManage] {
        assert!(authz.permits(Role::Professional, None, None, action));
        // Staff own no procure, wherever they are held.
        for role in Role::ALL.iter().copied().filter(|r| *r != Role::Professional) {
            assert!(!authz.permits(role, Some("/IT/"), None, action), "{role:?} {action:?}");
        }
    }
    let office = Some("/IT/SAR/CA/CA1/");
    for role in [Role::OfficeDirector, Role::RoomCoordinator, Role::Operator] {
        assert!(authz.permits(role, office, office, Action::CollaboratorCheck));
    }
    for role in [Role::CcmOperator, Role::CricExpert, Role::Auditor, Role::Professional] {
        assert!(!authz.permits(role, office, office, Action::CollaboratorCheck));
    }
    assert!(authz.permits(Role::Admin, Some("/IT/"), Some(OUTSIDE_ANY_UNIT), Action::ProfessionalManage));
    assert!(!authz.permits(
        Role::RegionalDirector,
        Some("/IT/SAR/"),
        Some(OUTSIDE_ANY_UNIT),
        Action::ProfessionalManage
    ));
}

// ---- issue 12: role powers decided with docs/domain.md §3 ------------------------

#[tokio::test]
async fn a_cric_expert_holds_no_booking_power_of_its_own() {
    // A CRIC books only by converting a quesito it works, at an office of the
    // quesito's region: `quesito:work` authorises that booking
    // (quesiti::service::convert_to_appointment), never `appointments:book`.
    let authz = Authz::load().await.unwrap();
    for held in ["/IT/SAR/CRIC/", "/IT/LAZ/CRIC/", "/IT/DC/"] {
        for target in demo_unit_paths().iter().map(String::as_str).chain([OUTSIDE_ANY_UNIT]) {
            assert!(
                !authz.permits(Role::CricExpert, Some(held), Some(target), Action::AppointmentBook),
                "CRIC held on {held} may book at {target}"
            );
        }
    }
    assert!(authz.permits(Role::CricExpert, Some("/IT/SAR/CRIC/"), Some("/IT/SAR/CRIC/"), Action::QuesitoWork));
}

#[tokio::test]
async fn the_ccm_books_at_every_office_of_every_region() {
    let authz = Authz::load().await.unwrap();
    for office in ["/IT/SAR/CA/CA1/", "/IT/LAZ/RM/RM1/"] {
        assert!(authz.permits(Role::CcmOperator, Some("/IT/CCM/"), Some(office), Action::AppointmentBook));
    }
}

#[tokio::test]
async fn the_office_director_cancels_bookings_and_the_room_coordinator_does_not() {
    // §3: OFFICE_DIRECTOR "cancel bookings"; ROOM_COORDINATOR assigns and sets
    // skills only. The provincial director has the office director's actions.
    let authz = Authz::load().await.unwrap();
    let office = Some("/IT/SAR/CA/CA1/");
    assert!(authz.permits(Role::OfficeDirector, office, office, Action::AppointmentCancel));
    assert!(authz.permits(Role::ProvincialDirector, Some("/IT/SAR/CA/"), office, Action::AppointmentCancel));
    assert!(!authz.permits(Role::RoomCoordinator, office, office, Action::AppointmentCancel));
    assert!(authz.permits(Role::RoomCoordinator, office, office, Action::AppointmentAssign));
    assert!(authz.permits(Role::RoomCoordinator, office, office, Action::SkillManage));
}

#[tokio::test]
async fn a_regional_director_manages_the_people_of_the_region_but_not_its_auditors() {
    // §3: the director manages people and roles under the DR; an auditor of
    // the region reads the audit log, the director's own actions included. The
    // audited does not appoint, revoke or deactivate who audits them: only an
    // admin does (people::domain::may_grant, applied by assignRole, revokeRole
    // and setPersonActive).
    use crate::people::domain::may_grant;
    let authz = Authz::load().await.unwrap();
    assert!(authz.permits(Role::RegionalDirector, Some("/IT/SAR/"), Some("/IT/SAR/"), Action::PeopleManage));
    assert!(authz.permits(Role::Auditor, Some("/IT/SAR/"), Some("/IT/SAR/"), Action::AuditRead));
    assert!(!may_grant(Role::RegionalDirector, Role::Auditor));
    assert!(may_grant(Role::RegionalDirector, Role::Operator));
    assert!(may_grant(Role::Admin, Role::Auditor));
}

#[tokio::test]
async fn only_admins_deactivate_a_professional() {
    // Professionals hold their role on no unit, so `people:manage` (a subtree
    // grant) never reaches them; the national register's manager does
    // (`professional:manage`, the admins): setPersonActive authorises with it.
    let authz = Authz::load().await.unwrap();
    assert!(authz.permits(Role::Admin, Some("/IT/"), Some(OUTSIDE_ANY_UNIT), Action::ProfessionalManage));
    for role in Role::ALL.iter().copied().filter(|r| *r != Role::Admin) {
        for held in demo_unit_paths() {
            assert!(
                !authz.permits(role, Some(&held), Some(OUTSIDE_ANY_UNIT), Action::ProfessionalManage),
                "{role:?} on {held}"
            );
        }
    }
}

#[tokio::test]
async fn a_remembered_decision_is_the_decision() {
    let authz = Authz::load().await.unwrap();
    let paths = [None, Some("/IT/"), Some("/IT/SAR/"), Some("/IT/SAR/CA/CA1/"), Some("/IT/LAZ/RM/")];
    for role in Role::ALL.iter().copied() {
        for action in Action::ALL {
            for held in paths {
                for target in paths {
                    let fresh = authz.decide(role, held, target, action);
                    assert_eq!(
                        authz.permits(role, held, target, action),
                        fresh,
                        "{role:?} {action:?} {held:?} {target:?}"
                    );
                    assert_eq!(authz.permits(role, held, target, action), fresh, "remembered differs");
                }
            }
        }
    }
}
