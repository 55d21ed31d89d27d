//! A procura: what it may delegate, its status on a day, its events and revocation.

use chrono::NaiveDate;

use crate::error::{AppError, AppResult};

/// What a procura may delegate: exclusively these four services.
#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DelegableService {
    /// Istanze di riesame on irregularity notices and payment bills not workable through Civis.
    ReviewIrregularityNotices,
    /// Documents to obtain refunds (not the bank-account accreditation form).
    RefundDocumentation,
    /// Istanze di riesame of assessment notices under art. 41-bis DPR 600/73.
    #[graphql(name = "REVIEW_ASSESSMENTS_41BIS")]
    ReviewAssessments41bis,
    /// Information on the status of refunds, applications and any other file.
    StatusInformation,
}

impl DelegableService {
    pub const ALL: [DelegableService; 4] = [
        DelegableService::ReviewIrregularityNotices,
        DelegableService::RefundDocumentation,
        DelegableService::ReviewAssessments41bis,
        DelegableService::StatusInformation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DelegableService::ReviewIrregularityNotices => "REVIEW_IRREGULARITY_NOTICES",
            DelegableService::RefundDocumentation => "REFUND_DOCUMENTATION",
            DelegableService::ReviewAssessments41bis => "REVIEW_ASSESSMENTS_41BIS",
            DelegableService::StatusInformation => "STATUS_INFORMATION",
        }
    }
}

/// A non-empty set of delegable services (stored as one flag per service).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct ServiceSet {
    pub review_irregularity_notices: bool,
    pub refund_documentation: bool,
    pub review_assessments_41bis: bool,
    pub status_information: bool,
}

impl ServiceSet {
    /// The set named by the input; an empty list is refused (duplicates are harmless).
    pub fn parse(services: &[DelegableService]) -> AppResult<Self> {
        if services.is_empty() {
            return Err(AppError::bad_input(
                "services",
                "Indica almeno uno dei servizi delegabili",
                "Name at least one of the delegable services",
            ));
        }
        let mut set = ServiceSet::default();
        for s in services {
            *set.flag_mut(*s) = true;
        }
        Ok(set)
    }

    fn flag_mut(&mut self, service: DelegableService) -> &mut bool {
        match service {
            DelegableService::ReviewIrregularityNotices => &mut self.review_irregularity_notices,
            DelegableService::RefundDocumentation => &mut self.refund_documentation,
            DelegableService::ReviewAssessments41bis => &mut self.review_assessments_41bis,
            DelegableService::StatusInformation => &mut self.status_information,
        }
    }

    pub fn contains(&self, service: DelegableService) -> bool {
        match service {
            DelegableService::ReviewIrregularityNotices => self.review_irregularity_notices,
            DelegableService::RefundDocumentation => self.refund_documentation,
            DelegableService::ReviewAssessments41bis => self.review_assessments_41bis,
            DelegableService::StatusInformation => self.status_information,
        }
    }

    /// The services in their canonical order.
    pub fn to_vec(self) -> Vec<DelegableService> {
        DelegableService::ALL.into_iter().filter(|s| self.contains(*s)).collect()
    }
}

/// A procura's status on a given day, derived from its dates and revocation.
#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ProcuraStatus {
    /// In force: the day lies within the validity period and it was not revoked.
    Active,
    /// Declared with a validity that starts later.
    NotYetValid,
    /// The validity period has ended.
    Expired,
    /// Revoked by the professional.
    Revoked,
}

/// The dates that decide a procura's status.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Validity {
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    /// The day the revocation took effect: not valid from that day on.
    pub revoked_on: Option<NaiveDate>,
}

impl Validity {
    /// Revocation wins; then the validity period. The same rule is written as SQL
    /// conditions in `store::status_condition`.
    pub fn status_on(&self, day: NaiveDate) -> ProcuraStatus {
        if self.revoked_on.is_some_and(|r| r <= day) {
            ProcuraStatus::Revoked
        } else if day < self.valid_from {
            ProcuraStatus::NotYetValid
        } else if day > self.valid_to {
            ProcuraStatus::Expired
        } else {
            ProcuraStatus::Active
        }
    }
}

/// Validity period of a new procura: `validTo` must not precede `validFrom`.
/// A period in the past is accepted (a procura declared late reads EXPIRED).
pub fn validate_period(valid_from: NaiveDate, valid_to: NaiveDate) -> AppResult<()> {
    if valid_to < valid_from {
        return Err(AppError::bad_input(
            "validTo",
            "La data di fine validità non può precedere quella di inizio",
            "validTo must not precede validFrom",
        ));
    }
    Ok(())
}

/// Collaborator period: `to`, when given, must not precede `from`.
pub fn validate_collaborator_period(from: NaiveDate, to: Option<NaiveDate>) -> AppResult<()> {
    if to.is_some_and(|to| to < from) {
        return Err(AppError::bad_input(
            "to",
            "La data di fine non può precedere quella di inizio",
            "`to` must not precede `from`",
        ));
    }
    Ok(())
}

/// Kinds of event in a procura's history (defined with its table).
pub use entities::procura_event::ProcuraEventKind;

/// The event name webhook receivers see, e.g. `procura.declared`.
pub fn webhook_event(kind: ProcuraEventKind) -> &'static str {
    match kind {
        ProcuraEventKind::Declared => "procura.declared",
        ProcuraEventKind::Revoked => "procura.revoked",
        ProcuraEventKind::ExpiringSoon => "procura.expiring",
        ProcuraEventKind::Expired => "procura.expired",
    }
}

/// "Expiring" notices go out this many days before the end of validity.
pub const EXPIRY_NOTICE_DAYS: i64 = 30;

/// A revocation only makes sense while the procura is still in force or yet to start.
pub fn ensure_revocable(validity: &Validity, day: NaiveDate) -> AppResult<()> {
    match validity.status_on(day) {
        ProcuraStatus::Active | ProcuraStatus::NotYetValid => Ok(()),
        ProcuraStatus::Revoked => {
            Err(AppError::conflict("La procura è già stata revocata", "The procura has already been revoked"))
        }
        ProcuraStatus::Expired => Err(AppError::conflict(
            "La procura è scaduta: non c'è nulla da revocare",
            "The procura has expired: there is nothing to revoke",
        )),
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::procure::domain::fixtures::{d, validity};

    use DelegableService::*;

    #[test]
    fn an_empty_service_list_is_refused_and_duplicates_collapse() {
        let err = ServiceSet::parse(&[]).unwrap_err();
        assert_eq!(err.code(), "BAD_USER_INPUT");
        let set = ServiceSet::parse(&[StatusInformation, RefundDocumentation, StatusInformation]).unwrap();
        assert_eq!(set.to_vec(), vec![RefundDocumentation, StatusInformation]);
    }

    #[test]
    fn status_is_derived_from_the_dates_and_revocation_wins() {
        let v = validity("2026-01-01", "2026-12-31", None);
        assert_eq!(v.status_on(d("2025-12-31")), ProcuraStatus::NotYetValid);
        assert_eq!(v.status_on(d("2026-01-01")), ProcuraStatus::Active);
        assert_eq!(v.status_on(d("2026-12-31")), ProcuraStatus::Active);
        assert_eq!(v.status_on(d("2027-01-01")), ProcuraStatus::Expired);
        let r = validity("2026-01-01", "2026-12-31", Some("2026-06-10"));
        assert_eq!(r.status_on(d("2026-06-09")), ProcuraStatus::Active);
        assert_eq!(r.status_on(d("2026-06-10")), ProcuraStatus::Revoked);
        assert_eq!(r.status_on(d("2027-06-10")), ProcuraStatus::Revoked);
    }

    #[test]
    fn valid_to_before_valid_from_is_bad_input_and_a_single_day_is_fine() {
        assert!(validate_period(d("2026-02-01"), d("2026-01-31")).is_err());
        assert!(validate_period(d("2026-02-01"), d("2026-02-01")).is_ok());
    }

    #[test]
    fn only_a_procura_in_force_or_yet_to_start_can_be_revoked() {
        let day = d("2026-03-01");
        assert!(ensure_revocable(&validity("2026-01-01", "2026-12-31", None), day).is_ok());
        assert!(ensure_revocable(&validity("2026-04-01", "2026-12-31", None), day).is_ok());
        assert_eq!(ensure_revocable(&validity("2025-01-01", "2025-12-31", None), day).unwrap_err().code(), "CONFLICT");
        assert_eq!(
            ensure_revocable(&validity("2026-01-01", "2026-12-31", Some("2026-02-01")), day).unwrap_err().code(),
            "CONFLICT"
        );
    }

    #[test]
    fn event_kinds_round_trip_through_their_stored_names() {
        for &kind in ProcuraEventKind::ALL {
            assert_eq!(kind.as_str().parse::<ProcuraEventKind>().unwrap(), kind);
        }
    }
}
