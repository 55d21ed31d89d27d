pub use entities::org_unit::{OfficeSize, UnitKind};

use crate::authz::Action;

/// What a unit is picked for when it may lie outside one's own part of the
/// tree: the CCM books at every office and asks every DP for a callback.
#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum UnitPurpose {
    /// A territorial office to book an appointment at.
    Booking,
    /// A provincial directorate to ask for a callback.
    Callback,
}

impl UnitPurpose {
    /// The action the caller must hold on the unit picked.
    pub fn action(self) -> Action {
        match self {
            UnitPurpose::Booking => Action::AppointmentBook,
            UnitPurpose::Callback => Action::CallbackRequest,
        }
    }

    /// The kind of unit offered.
    pub fn kind(self) -> UnitKind {
        match self {
            UnitPurpose::Booking => UnitKind::TerritorialOffice,
            UnitPurpose::Callback => UnitKind::ProvincialDirectorate,
        }
    }
}

/// The path of a child unit: the parent's path plus one segment and a
/// trailing slash, so prefix matches stop at segment boundaries.
pub fn child_path(parent_path: &str, segment: &str) -> Result<String, String> {
    let valid =
        !segment.is_empty() && segment.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        // `%` and `_` would act as wildcards in LIKE; `/` would break the tree.
        return Err(format!("path segment `{segment}` must be A-Z, 0-9 or `-`"));
    }
    Ok(format!("{parent_path}{segment}/"))
}

/// `/IT/SAR/CRIC/` → `["/IT/", "/IT/SAR/", "/IT/SAR/CRIC/"]`.
pub fn ancestor_paths(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut acc = String::from("/");
    for seg in path.split('/').filter(|s| !s.is_empty()) {
        acc.push_str(seg);
        acc.push('/');
        out.push(acc.clone());
    }
    out
}

/// The national root a path lies under: `/IT/SAR/CRIC/` → `/IT/`.
pub fn root_prefix(path: &str) -> String {
    path.split('/').nth(1).map_or_else(|| "/".to_owned(), |seg| format!("/{seg}/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_lies_under_its_first_segment() {
        assert_eq!(root_prefix("/IT/SAR/CRIC/"), "/IT/");
        assert_eq!(root_prefix("/IT/"), "/IT/");
    }

    #[test]
    fn child_paths_end_with_a_slash() {
        assert_eq!(child_path("/IT/", "SAR").unwrap(), "/IT/SAR/");
    }

    #[test]
    fn like_wildcards_and_slashes_are_refused_in_segments() {
        assert!(child_path("/IT/", "S_R").is_err());
        assert!(child_path("/IT/", "S%").is_err());
        assert!(child_path("/IT/", "A/B").is_err());
        assert!(child_path("/IT/", "").is_err());
    }

    #[test]
    fn kinds_round_trip_through_their_stored_names() {
        for &kind in UnitKind::ALL {
            assert_eq!(kind.as_str().parse::<UnitKind>().unwrap(), kind);
        }
    }
}
