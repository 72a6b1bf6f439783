//! Where an area goes on a hex map: its own hex, its districts' hexes (a county), or nowhere and why.

use super::{district_lookup, district_map, HexMap};
use crate::model::AreaKind;
use serde::{Deserialize, Serialize};

/// Which geography the map shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MapLevel {
    /// Districts & UAs (April 2023), one hex each.
    Districts,
    /// Counties & UAs (April 2023): each county coloured over its districts' hexes.
    Counties,
    /// The user's own HexJSON, hexes keyed by area code (or name).
    UserMap,
}

impl MapLevel {
    /// The level in words.
    pub fn text(self) -> &'static str {
        match self {
            MapLevel::Districts => "districts & UAs (April 2023)",
            MapLevel::Counties => "counties & UAs (April 2023), grouped from district hexes",
            MapLevel::UserMap => "the user's hex map",
        }
    }
}

/// An area's place on the map.
#[derive(Clone, Debug, PartialEq)]
pub enum Placement {
    /// Coloured over these hexes.
    Filled(Vec<[i64; 2]>),
    /// Drawn as an outline around these hexes only (a county on a districts map).
    Outline(Vec<[i64; 2]>),
    /// Not on the map, with the reason.
    Unmatched(String),
}

/// The level for a set of area codes: districts when any non-metropolitan district is present, else
/// counties when any county is, else districts (unitary, metropolitan and London authorities are both).
pub fn choose_level(codes: &[&str]) -> MapLevel {
    let kinds: Vec<AreaKind> = codes.iter().map(|c| AreaKind::from_code(c)).collect();
    if kinds.contains(&AreaKind::District) {
        MapLevel::Districts
    } else if kinds.contains(&AreaKind::County) {
        MapLevel::Counties
    } else {
        MapLevel::Districts
    }
}

fn cell(map: &HexMap, code: &str) -> Option<[i64; 2]> {
    map.hexes.get(code).map(|h| [h.q, h.r])
}

/// Places one area (by code, else name) at `level`; `user` is the user's map when the level is `UserMap`.
pub fn place(code: &str, name: &str, level: MapLevel, user: Option<&HexMap>) -> Placement {
    if let (MapLevel::UserMap, Some(map)) = (level, user) {
        let by_name = || map.hexes.values().find(|h| !name.is_empty() && h.name.eq_ignore_ascii_case(name)).map(|h| [h.q, h.r]);
        return match cell(map, code).or_else(by_name) {
            Some(hex) => Placement::Filled(vec![hex]),
            None => Placement::Unmatched("no hex with this code or name in the user's map".into()),
        };
    }
    let (map, lookup) = (district_map(), district_lookup());
    let kind = AreaKind::from_code(code);
    if let Some(hex) = cell(map, code) {
        if lookup.upper_tier.contains_key(code) || !code.starts_with('E') {
            return Placement::Filled(vec![hex]);
        }
    }
    if kind == AreaKind::County {
        let hexes: Vec<[i64; 2]> = lookup.districts_of(code).iter().filter_map(|d| cell(map, d)).collect();
        if hexes.is_empty() {
            return Placement::Unmatched("a county that is not a county of April 2023 (abolished or renamed before then)".into());
        }
        return if level == MapLevel::Counties { Placement::Filled(hexes) } else { Placement::Outline(hexes) };
    }
    let reason = match kind {
        AreaKind::Msoa => "a middle layer super output area: the map has local authority hexes only".to_owned(),
        AreaKind::Ward => "an electoral ward: the map has local authority hexes only".to_owned(),
        AreaKind::SubIcb | AreaKind::Icb | AreaKind::NhsRegion => "an NHS geography: the map has local authority hexes only".to_owned(),
        k if k.is_local_authority() => "a local authority code not in the April 2023 geography (boundaries changed)".to_owned(),
        _ if code.is_empty() => "no area code".to_owned(),
        _ => format!("`{code}` is not a local authority code of the April 2023 geography"),
    };
    Placement::Unmatched(reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_districts_counties_and_others() {
        assert!(matches!(place("E07000241", "", MapLevel::Districts, None), Placement::Filled(h) if h.len() == 1));
        assert!(matches!(place("E10000015", "", MapLevel::Counties, None), Placement::Filled(h) if h.len() == 10));
        assert!(matches!(place("E10000015", "", MapLevel::Districts, None), Placement::Outline(h) if h.len() == 10));
        assert!(matches!(place("E06000015", "", MapLevel::Counties, None), Placement::Filled(h) if h.len() == 1));
        assert!(matches!(place("E02004862", "", MapLevel::Counties, None), Placement::Unmatched(r) if r.contains("super output")));
        assert!(matches!(place("E10000002", "", MapLevel::Counties, None), Placement::Unmatched(r) if r.contains("not a county of April 2023")));
        assert_eq!(choose_level(&["E10000015", "E02004862"]), MapLevel::Counties);
        assert_eq!(choose_level(&["E10000015", "E07000241"]), MapLevel::Districts);
    }
}
