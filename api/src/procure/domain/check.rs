//! The two checks: a professional's procura from a client, and a collaborator acting for one.

use chrono::NaiveDate;
use uuid::Uuid;

use super::procura::{DelegableService, ProcuraStatus, ServiceSet, Validity};

/// Why a check answered as it did.
#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CheckReason {
    /// An active procura covers the service (and, for collaborators, lists them).
    Authorized,
    /// The collaborator is listed, but not for that day.
    CollaboratorNotActive,
    /// The procura does not list this collaborator.
    CollaboratorNotListed,
    /// The procura does not authorise the professional to use collaborators.
    CollaboratorsNotAuthorized,
    /// A procura is in force, but not for this service.
    ServiceNotDelegated,
    /// The procura's validity starts later.
    NotYetValid,
    /// The procura was revoked.
    Revoked,
    /// The procura has expired.
    Expired,
    /// No procura from this client.
    NoProcura,
}

impl CheckReason {
    pub fn message(self) -> (&'static str, &'static str) {
        match self {
            CheckReason::Authorized => (
                "Autorizzato: una procura attiva copre il servizio",
                "Authorised: an active procura covers the service",
            ),
            CheckReason::CollaboratorNotActive => (
                "Il collaboratore è comunicato, ma non per questa data",
                "The collaborator is listed, but not for this date",
            ),
            CheckReason::CollaboratorNotListed => (
                "Il collaboratore non è tra quelli comunicati dal professionista",
                "The collaborator is not among those listed by the professional",
            ),
            CheckReason::CollaboratorsNotAuthorized => (
                "La procura non autorizza il professionista ad avvalersi di collaboratori",
                "The procura does not authorise the professional to use collaborators",
            ),
            CheckReason::ServiceNotDelegated => {
                ("La procura non comprende questo servizio", "The procura does not cover this service")
            }
            CheckReason::NotYetValid => {
                ("La procura non è ancora valida in questa data", "The procura is not yet valid on this date")
            }
            CheckReason::Revoked => ("La procura è stata revocata", "The procura has been revoked"),
            CheckReason::Expired => ("La procura è scaduta", "The procura has expired"),
            CheckReason::NoProcura => ("Nessuna procura da questo cliente", "No procura from this client"),
        }
    }
}

/// What a check needs to know about one procura.
#[derive(Clone, Debug)]
pub struct ProcuraFacts {
    pub id: Uuid,
    pub professional_id: Uuid,
    pub services: ServiceSet,
    pub validity: Validity,
    pub collaborators_authorized: bool,
}

/// A collaborator listing of some professional, for the collaborator's fiscal code.
#[derive(Clone, Debug)]
pub struct CollaboratorPeriod {
    pub professional_id: Uuid,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

impl CollaboratorPeriod {
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_to.is_none_or(|to| day <= to)
    }
}

/// The answer to a check and the procura it is about (none for `NO_PROCURA`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckOutcome {
    pub reason: CheckReason,
    pub procura_id: Option<Uuid>,
}

impl CheckOutcome {
    pub fn authorized(&self) -> bool {
        self.reason == CheckReason::Authorized
    }
}

/// How one procura answers for `service` on `day`, collaborators aside.
fn procura_reason(p: &ProcuraFacts, service: DelegableService, day: NaiveDate) -> CheckReason {
    match p.validity.status_on(day) {
        ProcuraStatus::Revoked => CheckReason::Revoked,
        ProcuraStatus::Expired => CheckReason::Expired,
        ProcuraStatus::NotYetValid => CheckReason::NotYetValid,
        ProcuraStatus::Active if p.services.contains(service) => CheckReason::Authorized,
        ProcuraStatus::Active => CheckReason::ServiceNotDelegated,
    }
}

/// The most telling answer among several procure: the best reason (in the order
/// of [`CheckReason`]), then the procura covering the service, then the latest declared.
fn best(candidates: impl Iterator<Item = (CheckReason, bool, Uuid)>) -> CheckOutcome {
    candidates
        .min_by_key(|(reason, covers, id)| (*reason, !*covers, std::cmp::Reverse(*id)))
        .map(|(reason, _, id)| CheckOutcome { reason, procura_id: Some(id) })
        .unwrap_or(CheckOutcome { reason: CheckReason::NoProcura, procura_id: None })
}

/// "Does professional P hold an active procura from client C for service S on this day?"
/// `procure` are P's procure from C.
pub fn check_procura(procure: &[ProcuraFacts], service: DelegableService, day: NaiveDate) -> CheckOutcome {
    best(procure.iter().map(|p| (procura_reason(p, service, day), p.services.contains(service), p.id)))
}

/// "May this collaborator act for client C on service S on this day?" `procure`
/// are every professional's procure from C; `listings` are the collaborator's
/// listings with any professional. Yes only if an active procura covers the
/// service, authorises collaborators, and its professional lists the
/// collaborator for that day.
pub fn check_collaborator(
    procure: &[ProcuraFacts],
    listings: &[CollaboratorPeriod],
    service: DelegableService,
    day: NaiveDate,
) -> CheckOutcome {
    best(procure.iter().map(|p| {
        let reason = match procura_reason(p, service, day) {
            CheckReason::Authorized if !p.collaborators_authorized => CheckReason::CollaboratorsNotAuthorized,
            CheckReason::Authorized => {
                let mut own = listings.iter().filter(|l| l.professional_id == p.professional_id).peekable();
                if own.peek().is_none() {
                    CheckReason::CollaboratorNotListed
                } else if own.any(|l| l.covers(day)) {
                    CheckReason::Authorized
                } else {
                    CheckReason::CollaboratorNotActive
                }
            }
            other => other,
        };
        (reason, p.services.contains(service), p.id)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procure::domain::fixtures::{d, validity};

    fn procura(prof: Uuid, services: &[DelegableService], v: Validity, collaborators: bool) -> ProcuraFacts {
        ProcuraFacts {
            id: Uuid::now_v7(),
            professional_id: prof,
            services: ServiceSet::parse(services).unwrap(),
            validity: v,
            collaborators_authorized: collaborators,
        }
    }

    use DelegableService::*;

    #[test]
    fn a_check_for_a_delegated_service_is_authorized_and_for_another_is_not() {
        let day = d("2026-03-01");
        let p = procura(Uuid::now_v7(), &[RefundDocumentation], validity("2026-01-01", "2026-12-31", None), false);
        let yes = check_procura(std::slice::from_ref(&p), RefundDocumentation, day);
        assert!(yes.authorized());
        assert_eq!(yes.procura_id, Some(p.id));
        let no = check_procura(std::slice::from_ref(&p), StatusInformation, day);
        assert_eq!(no.reason, CheckReason::ServiceNotDelegated);
        assert_eq!(check_procura(&[], RefundDocumentation, day).reason, CheckReason::NoProcura);
    }

    #[test]
    fn a_revoked_or_expired_procura_no_longer_authorizes() {
        let prof = Uuid::now_v7();
        let day = d("2026-03-01");
        let revoked =
            procura(prof, &[RefundDocumentation], validity("2026-01-01", "2026-12-31", Some("2026-02-01")), false);
        assert_eq!(
            check_procura(std::slice::from_ref(&revoked), RefundDocumentation, day).reason,
            CheckReason::Revoked
        );
        // …but it did on a day before the revocation.
        assert!(check_procura(&[revoked], RefundDocumentation, d("2026-01-15")).authorized());
        let expired = procura(prof, &[RefundDocumentation], validity("2025-01-01", "2025-12-31", None), false);
        assert_eq!(check_procura(&[expired], RefundDocumentation, day).reason, CheckReason::Expired);
    }

    #[test]
    fn among_several_procure_the_one_in_force_decides() {
        let prof = Uuid::now_v7();
        let day = d("2026-03-01");
        let old = procura(prof, &[RefundDocumentation], validity("2025-01-01", "2025-12-31", None), false);
        let current = procura(prof, &[RefundDocumentation], validity("2026-01-01", "2026-12-31", None), false);
        let outcome = check_procura(&[old, current.clone()], RefundDocumentation, day);
        assert!(outcome.authorized());
        assert_eq!(outcome.procura_id, Some(current.id));
    }

    fn listing(prof: Uuid, from: &str, to: Option<&str>) -> CollaboratorPeriod {
        CollaboratorPeriod { professional_id: prof, valid_from: d(from), valid_to: to.map(d) }
    }

    #[test]
    fn a_listed_active_collaborator_of_a_procura_allowing_collaborators_is_authorized() {
        let prof = Uuid::now_v7();
        let day = d("2026-03-01");
        let p = procura(prof, &[RefundDocumentation], validity("2026-01-01", "2026-12-31", None), true);
        let ok = check_collaborator(
            std::slice::from_ref(&p),
            &[listing(prof, "2026-01-01", None)],
            RefundDocumentation,
            day,
        );
        assert!(ok.authorized());
    }

    #[test]
    fn a_collaborator_not_listed_or_listed_by_another_professional_is_not_authorized() {
        let prof = Uuid::now_v7();
        let day = d("2026-03-01");
        let p = procura(prof, &[RefundDocumentation], validity("2026-01-01", "2026-12-31", None), true);
        let none = check_collaborator(std::slice::from_ref(&p), &[], RefundDocumentation, day);
        assert_eq!(none.reason, CheckReason::CollaboratorNotListed);
        let elsewhere = [listing(Uuid::now_v7(), "2026-01-01", None)];
        let other = check_collaborator(std::slice::from_ref(&p), &elsewhere, RefundDocumentation, day);
        assert_eq!(other.reason, CheckReason::CollaboratorNotListed);
    }

    #[test]
    fn a_procura_not_authorising_collaborators_refuses_even_a_listed_one() {
        let prof = Uuid::now_v7();
        let p = procura(prof, &[RefundDocumentation], validity("2026-01-01", "2026-12-31", None), false);
        let outcome =
            check_collaborator(&[p], &[listing(prof, "2026-01-01", None)], RefundDocumentation, d("2026-03-01"));
        assert_eq!(outcome.reason, CheckReason::CollaboratorsNotAuthorized);
    }

    #[test]
    fn a_collaborator_whose_period_ended_is_not_authorized() {
        let prof = Uuid::now_v7();
        let p = procura(prof, &[RefundDocumentation], validity("2026-01-01", "2026-12-31", None), true);
        let ended = [listing(prof, "2026-01-01", Some("2026-02-28"))];
        let outcome = check_collaborator(std::slice::from_ref(&p), &ended, RefundDocumentation, d("2026-03-01"));
        assert_eq!(outcome.reason, CheckReason::CollaboratorNotActive);
        assert!(check_collaborator(&[p], &ended, RefundDocumentation, d("2026-02-28")).authorized());
    }

    #[test]
    fn the_collaborator_check_needs_the_service_too() {
        let prof = Uuid::now_v7();
        let p = procura(prof, &[RefundDocumentation], validity("2026-01-01", "2026-12-31", None), true);
        let outcome =
            check_collaborator(&[p], &[listing(prof, "2026-01-01", None)], StatusInformation, d("2026-03-01"));
        assert_eq!(outcome.reason, CheckReason::ServiceNotDelegated);
    }
}
