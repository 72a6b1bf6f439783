//! Areas from what files write: ONS codes by prefix, and names matched to codes where known.

use crate::model::{Area, AreaKind, Dataset};

/// England and the nine regions, which wide tables name without codes.
const ENGLAND_AND_REGIONS: &[(&str, &str)] = &[
    ("E92000001", "England"),
    ("E12000001", "North East"),
    ("E12000002", "North West"),
    ("E12000003", "Yorkshire and the Humber"),
    ("E12000004", "East Midlands"),
    ("E12000005", "West Midlands"),
    ("E12000006", "East of England"),
    ("E12000007", "London"),
    ("E12000008", "South East"),
    ("E12000009", "South West"),
];

/// Upper-tier local authorities named in the sample tables (codes as published by ONS).
const LOCAL_AUTHORITIES: &[(&str, &str)] = &[
    ("E06000015", "Derby"),
    ("E10000007", "Derbyshire"),
    ("E06000016", "Leicester"),
    ("E10000018", "Leicestershire"),
    ("E10000019", "Lincolnshire"),
    ("E10000021", "Northamptonshire"),
    ("E06000018", "Nottingham"),
    ("E10000024", "Nottinghamshire"),
    ("E06000017", "Rutland"),
    ("E10000031", "Warwickshire"),
    ("E10000015", "Hertfordshire"),
];

/// True when `text` has the shape of a GSS code (`E10000015`): a letter and eight digits.
pub fn is_code(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 9 && matches!(b[0], b'E' | b'W' | b'S' | b'N' | b'K') && b[1..].iter().all(u8::is_ascii_digit)
}

/// An area from a code and name as a file gives them (either may be empty).
pub fn from_code_and_name(code: &str, name: &str) -> Area {
    let kind = if code.is_empty() { kind_from_name(name) } else { AreaKind::from_code(code) };
    Area {
        code: code.to_owned(),
        name: name.to_owned(),
        kind,
        area_type: String::new(),
        parent_code: String::new(),
        parent_name: String::new(),
    }
}

/// An area from a name alone: a code written as the name, England or a region ("East
/// Midlands region"), a known local authority, or an area already loaded under that name.
pub fn from_name(name: &str, dataset: &Dataset) -> Area {
    let name = name.trim();
    if is_code(name) {
        return from_code_and_name(name, "");
    }
    if let Some(code) = known_code(name) {
        return from_code_and_name(code, name);
    }
    if let Some(id) = dataset.find_area_by_name(name) {
        let known = &dataset.areas[id as usize];
        if !known.code.is_empty() {
            return from_code_and_name(&known.code.clone(), name);
        }
    }
    from_code_and_name("", name)
}

/// The ONS code of England, a region or a listed local authority, from its name.
pub fn known_code(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_lowercase();
    let bare = lower.strip_suffix(" region").unwrap_or(&lower).trim();
    let bare = bare.strip_suffix(" (statistical)").unwrap_or(bare);
    ENGLAND_AND_REGIONS
        .iter()
        .chain(LOCAL_AUTHORITIES)
        .find(|(_, n)| n.eq_ignore_ascii_case(bare) || (bare == "east of england" && *n == "East of England"))
        .or_else(|| (bare == "yorkshire and humber").then_some(&ENGLAND_AND_REGIONS[3]))
        .or_else(|| (bare == "eastern" || bare == "east").then_some(&ENGLAND_AND_REGIONS[6]))
        .map(|(code, _)| *code)
}

/// The kind of an area known only by name.
fn kind_from_name(name: &str) -> AreaKind {
    let lower = name.to_lowercase();
    if lower.ends_with(" ccg") || lower.contains("sub-icb") || lower.contains("sub icb") {
        AreaKind::SubIcb
    } else if lower.ends_with(" icb") {
        AreaKind::Icb
    } else if lower.ends_with(" region") {
        AreaKind::Region
    } else {
        AreaKind::Other
    }
}

/// A known area named in a file name (`warwickshire-outcomes.csv` → Warwickshire), for files
/// that have no area column.
pub fn from_file_name(file: &str) -> Option<Area> {
    let stem = file.rsplit(['/', '\\']).next().unwrap_or(file).to_lowercase();
    let first_word = stem.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    LOCAL_AUTHORITIES
        .iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(first_word))
        .map(|(code, name)| from_code_and_name(code, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_to_codes() {
        let ds = Dataset::new();
        assert_eq!(from_name("England", &ds).code, "E92000001");
        let region = from_name("East Midlands region", &ds);
        assert_eq!((region.code.as_str(), region.kind), ("E12000004", AreaKind::Region));
        assert_eq!(from_name("Derby", &ds).kind, AreaKind::UnitaryAuthority);
        assert_eq!(from_name("E10000015", &ds).kind, AreaKind::County);
        let ccg = from_name("Derby and Derbyshire CCG", &ds);
        assert_eq!((ccg.code.as_str(), ccg.kind), ("", AreaKind::SubIcb));
        assert_eq!(from_file_name("warwickshire-neet-snapshot.csv").unwrap().code, "E10000031");
        assert!(from_file_name("eating-disorder.csv").is_none());
    }
}
