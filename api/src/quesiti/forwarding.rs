//! Where a forwarded quesito goes (seed 003): to the central directorate
//! "competente per materia" of its classification, or, for a classification
//! no one mapped, to the first central directorate of the national root.

use uuid::Uuid;

use entities::org_unit;

use crate::org::domain::root_prefix;

/// The outcome of choosing a quesito's central directorate.
#[derive(Debug, PartialEq, Eq)]
pub enum ForwardTarget<'a> {
    To(&'a org_unit::Model),
    /// The classification names a directorate the caller may not forward to.
    CompetentOutOfReach,
    /// The national root has no central directorate the caller may forward to.
    NoneConfigured,
}

/// Picks among `reachable` (the central directorates the caller may forward
/// to, by path) for a quesito of the CRIC at `cric_path` whose classification
/// maps to `competent`. A mapping is never overridden by the default: a
/// quesito sent to a directorate that is not competent would be answered by
/// the wrong experts, so an unreachable one is reported instead.
pub fn forward_target<'a>(
    competent: Option<Uuid>,
    reachable: &'a [org_unit::Model],
    cric_path: &str,
) -> ForwardTarget<'a> {
    let root = root_prefix(cric_path);
    let mut same_root = reachable.iter().filter(|u| u.path.starts_with(root.as_str()));
    match competent {
        Some(id) => same_root.find(|u| u.id == id).map_or(ForwardTarget::CompetentOutOfReach, ForwardTarget::To),
        None => same_root.next().map_or(ForwardTarget::NoneConfigured, ForwardTarget::To),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::domain::UnitKind;

    fn unit(code: &str, path: &str) -> org_unit::Model {
        org_unit::Model {
            id: Uuid::now_v7(),
            code: code.to_owned(),
            name: code.to_owned(),
            kind: UnitKind::CentralDirectorate,
            parent_id: None,
            path: path.to_owned(),
            office_size: None,
            virtual_counter: false,
            virtual_counter_mailbox: None,
            function_mailbox: None,
            opening_hours: None,
            created_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn a_mapped_classification_goes_to_its_competent_directorate() {
        let units = [unit("DC", "/IT/DC/"), unit("DC2", "/IT/DC2/")];
        assert_eq!(forward_target(Some(units[1].id), &units, "/IT/SAR/CRIC/"), ForwardTarget::To(&units[1]));
    }

    #[test]
    fn an_unmapped_classification_goes_to_the_first_directorate_of_its_root() {
        let units = [unit("XX", "/FR/DC/"), unit("DC", "/IT/DC/"), unit("DC2", "/IT/DC2/")];
        assert_eq!(forward_target(None, &units, "/IT/SAR/CRIC/"), ForwardTarget::To(&units[1]));
    }

    #[test]
    fn a_competent_directorate_out_of_reach_is_reported_not_replaced() {
        let units = [unit("DC", "/IT/DC/")];
        assert_eq!(forward_target(Some(Uuid::now_v7()), &units, "/IT/SAR/CRIC/"), ForwardTarget::CompetentOutOfReach);
        assert_eq!(forward_target(None, &[], "/IT/SAR/CRIC/"), ForwardTarget::NoneConfigured);
    }
}
