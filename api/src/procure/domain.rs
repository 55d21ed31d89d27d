//! Procure management rules (docs/domain.md §6): the delegable services, the Entratel
//! user types that may declare, a procura's status on a day, and the two checks
//! that matter. Pure functions, tested below.

use chrono::{NaiveDate, Utc};
use uuid::Uuid;

use crate::error::{AppError, AppResult};

/// The office-local day (Europe/Rome): validity dates are calendar days there.
pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&chrono_tz::Europe::Rome).date_naive()
}

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

/// Entratel user types that may declare procure: commercialisti (A10, A20, A25)
/// and consulenti del lavoro (A30, A56).
pub const DECLARING_TYPES: [&str; 5] = ["A10", "A20", "A25", "A30", "A56"];

/// Profession as implied by the Entratel user type.
#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ProfessionCategory {
    /// Dottore commercialista / esperto contabile (A10, A20, A25).
    Commercialista,
    /// Consulente del lavoro (A30, A56).
    ConsulenteDelLavoro,
    /// Any other Entratel user type: may not declare procure.
    Other,
}

/// An Entratel user type code: one capital letter and two digits (e.g. `A10`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntratelUserType(String);

impl EntratelUserType {
    pub fn parse(input: &str) -> AppResult<Self> {
        let code = input.trim().to_ascii_uppercase();
        let b = code.as_bytes();
        let well_formed = b.len() == 3 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit);
        if !well_formed {
            return Err(AppError::bad_input(
                "entratelUserType",
                "Tipo utente Entratel non valido (es. A10)",
                "Invalid Entratel user type (e.g. A10)",
            ));
        }
        Ok(EntratelUserType(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn category(&self) -> ProfessionCategory {
        match self.0.as_str() {
            "A10" | "A20" | "A25" => ProfessionCategory::Commercialista,
            "A30" | "A56" => ProfessionCategory::ConsulenteDelLavoro,
            _ => ProfessionCategory::Other,
        }
    }

    pub fn may_declare(&self) -> bool {
        DECLARING_TYPES.contains(&self.0.as_str())
    }
}

/// Is a professional in a position to declare procure? (type and verification)
pub fn ensure_may_declare(entratel_type: &str, verified: bool) -> AppResult<()> {
    if !verified {
        return Err(AppError::forbidden(
            "La registrazione come professionista è in attesa di verifica: non puoi ancora dichiarare procure",
            "Your professional registration is awaiting verification: you cannot declare procure yet",
        ));
    }
    let may = EntratelUserType::parse(entratel_type).is_ok_and(|t| t.may_declare());
    if !may {
        return Err(AppError::forbidden(
            format!(
                "Il tipo utente Entratel {entratel_type} non può dichiarare procure: \
                 sono ammessi A10, A20, A25 (commercialisti) e A30, A56 (consulenti del lavoro)"
            ),
            format!(
                "Entratel user type {entratel_type} may not declare procure: \
                 only A10, A20, A25 (commercialisti) and A30, A56 (consulenti del lavoro) may"
            ),
        ));
    }
    Ok(())
}

/// A professional-register (albo) entry: name, province (sigla) and number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Albo {
    pub name: String,
    pub province: String,
    pub number: String,
}

impl Albo {
    pub fn parse(name: &str, province: &str, number: &str) -> AppResult<Self> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(AppError::bad_input(
                "albo",
                "Indica l'albo professionale (al massimo 200 caratteri)",
                "Name the professional register (at most 200 characters)",
            ));
        }
        let province = province.trim().to_ascii_uppercase();
        if province.len() != 2 || !province.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(AppError::bad_input(
                "alboProvince",
                "La provincia dell'albo è la sigla di due lettere (es. RM)",
                "The register's province is its two-letter code (e.g. RM)",
            ));
        }
        let number = number.trim();
        let number_ok = !number.is_empty()
            && number.len() <= 32
            && number.chars().all(|c| c.is_ascii_alphanumeric() || c == '/' || c == '-');
        if !number_ok {
            return Err(AppError::bad_input(
                "alboNumber",
                "Numero di iscrizione all'albo non valido",
                "Invalid register number",
            ));
        }
        Ok(Albo { name: name.to_owned(), province, number: number.to_owned() })
    }
}

/// A person's name as shown on the register: 1–200 characters.
pub fn parse_name(field: &str, name: &str) -> AppResult<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(AppError::bad_input(
            field,
            "Indica il nome (al massimo 200 caratteri)",
            "Give the name (at most 200 characters)",
        ));
    }
    Ok(name.to_owned())
}

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

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn validity(from: &str, to: &str, revoked: Option<&str>) -> Validity {
        Validity { valid_from: d(from), valid_to: d(to), revoked_on: revoked.map(d) }
    }

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
    fn only_the_five_entratel_types_may_declare_and_others_are_told_why() {
        for t in DECLARING_TYPES {
            assert!(EntratelUserType::parse(t).unwrap().may_declare());
            assert!(ensure_may_declare(t, true).is_ok());
        }
        assert_eq!(EntratelUserType::parse("a30").unwrap().category(), ProfessionCategory::ConsulenteDelLavoro);
        let err = ensure_may_declare("A40", true).unwrap_err();
        assert_eq!(err.code(), "FORBIDDEN");
        assert!(err.msg().en.contains("A40"));
        assert!(EntratelUserType::parse("10A").is_err());
        assert!(EntratelUserType::parse("A100").is_err());
    }

    #[test]
    fn an_unverified_professional_may_not_declare_yet() {
        assert_eq!(ensure_may_declare("A10", false).unwrap_err().code(), "FORBIDDEN");
    }

    #[test]
    fn albo_province_is_a_two_letter_code() {
        assert_eq!(Albo::parse("ODCEC Roma", "rm", "AA-123").unwrap().province, "RM");
        assert!(Albo::parse("ODCEC Roma", "Roma", "1").is_err());
        assert!(Albo::parse("", "RM", "1").is_err());
        assert!(Albo::parse("ODCEC", "RM", "1 2").is_err());
    }

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
