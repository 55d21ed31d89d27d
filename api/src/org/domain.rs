use std::str::FromStr;

/// What a unit is (docs/domain.md §2).
#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum UnitKind {
    National,
    CentralDirectorate,
    ContactCenter,
    RegionalDirectorate,
    Cric,
    ProvincialDirectorate,
    TerritorialOffice,
}

impl UnitKind {
    pub const ALL: [UnitKind; 7] = [
        UnitKind::National,
        UnitKind::CentralDirectorate,
        UnitKind::ContactCenter,
        UnitKind::RegionalDirectorate,
        UnitKind::Cric,
        UnitKind::ProvincialDirectorate,
        UnitKind::TerritorialOffice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::National => "NATIONAL",
            UnitKind::CentralDirectorate => "CENTRAL_DIRECTORATE",
            UnitKind::ContactCenter => "CONTACT_CENTER",
            UnitKind::RegionalDirectorate => "REGIONAL_DIRECTORATE",
            UnitKind::Cric => "CRIC",
            UnitKind::ProvincialDirectorate => "PROVINCIAL_DIRECTORATE",
            UnitKind::TerritorialOffice => "TERRITORIAL_OFFICE",
        }
    }
}

impl FromStr for UnitKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        UnitKind::ALL.into_iter().find(|k| k.as_str() == s).ok_or_else(|| format!("unknown unit kind `{s}`"))
    }
}

/// Office size: large offices use the pre-contact e-mail (docs/domain.md §5.3).
#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum OfficeSize {
    Small,
    Large,
}

impl OfficeSize {
    pub fn as_str(self) -> &'static str {
        match self {
            OfficeSize::Small => "SMALL",
            OfficeSize::Large => "LARGE",
        }
    }
}

impl FromStr for OfficeSize {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "SMALL" => Ok(OfficeSize::Small),
            "LARGE" => Ok(OfficeSize::Large),
            _ => Err(format!("unknown office size `{s}`")),
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

#[cfg(test)]
mod tests {
    use super::*;

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
        for kind in UnitKind::ALL {
            assert_eq!(kind.as_str().parse::<UnitKind>().unwrap(), kind);
        }
    }
}
