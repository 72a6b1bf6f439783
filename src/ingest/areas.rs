//! Areas from what files write: ONS codes by prefix, and names matched to codes where known.

use super::area_table::LOCAL_AUTHORITIES_2023;
use crate::model::{Area, AreaKind, Dataset};
use std::collections::HashMap;
use std::sync::OnceLock;

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

/// Authorities abolished before April 2023 that older tables still name (code, name, parent).
const FORMER_AUTHORITIES: &[(&str, &str, &str)] = &[("E10000021", "Northamptonshire", "E12000004")];

/// Every known area by normalised name → (code, name, parent code), built once.
fn by_name() -> &'static HashMap<String, (&'static str, &'static str, &'static str)> {
    static TABLE: OnceLock<HashMap<String, (&'static str, &'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for &(code, name) in ENGLAND_AND_REGIONS {
            table.insert(normalise(name), (code, name, if code == "E92000001" { "" } else { "E92000001" }));
        }
        for &(code, name, parent) in LOCAL_AUTHORITIES_2023.iter().chain(FORMER_AUTHORITIES) {
            table.entry(normalise(name)).or_insert((code, name, parent));
        }
        for (alias, canonical) in [("yorkshire and humber", "Yorkshire and the Humber"), ("east", "East of England"), ("eastern", "East of England")] {
            let entry = table[&normalise(canonical)];
            table.insert(alias.to_owned(), entry);
        }
        table
    })
}

/// A name reduced for matching: lower case, `&` as `and`, punctuation and words such as
/// "region", "council" and "city of" dropped (`Kingston upon Hull, City of` = `Kingston upon Hull`).
pub fn normalise(name: &str) -> String {
    let lower = name.to_lowercase().replace('&', " and ");
    let cleaned: String = lower.chars().filter(|c| !matches!(c, ',' | '.' | '\'' | '’' | '(' | ')')).collect();
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    for suffix in [&["region"][..], &["statistical"], &["county", "council"], &["city", "council"], &["council"], &["ua"], &["city", "of"]] {
        if words.len() > suffix.len() && words.ends_with(suffix) {
            words.truncate(words.len() - suffix.len());
        }
    }
    if words.len() > 2 && words.starts_with(&["city", "of"]) {
        words.drain(..2);
    }
    words.join(" ")
}

/// The name of a known area's code (England, a region or a local authority), else "".
fn name_of(code: &str) -> &'static str {
    ENGLAND_AND_REGIONS
        .iter()
        .map(|&(c, n)| (c, n))
        .chain(LOCAL_AUTHORITIES_2023.iter().chain(FORMER_AUTHORITIES).map(|&(c, n, _)| (c, n)))
        .find(|(c, _)| *c == code)
        .map_or("", |(_, n)| n)
}

/// True when `text` has the shape of a GSS code (`E10000015`): a letter and eight digits.
pub fn is_code(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 9 && matches!(b[0], b'E' | b'W' | b'S' | b'N' | b'K') && b[1..].iter().all(u8::is_ascii_digit)
}

/// An area from a code and name as a file gives them (either may be empty).
pub fn from_code_and_name(code: &str, name: &str) -> Area {
    let kind = if code.is_empty() { kind_from_name(name) } else { AreaKind::from_code(code) };
    Area { code: code.to_owned(), name: name.to_owned(), kind, area_type: String::new(), parent_code: String::new(), parent_name: String::new() }
}

/// An area from a name alone: a code written as the name, an area already loaded under that
/// name, England, a region ("East Midlands region") or an English local authority (with its parent).
pub fn from_name(name: &str, dataset: &Dataset) -> Area {
    let name = name.trim();
    if is_code(name) {
        return from_code_and_name(name, name_of(name));
    }
    if let Some(id) = dataset.find_area_by_name(name) {
        let known = &dataset.areas[id as usize];
        if !known.code.is_empty() {
            let mut area = from_code_and_name(&known.code, name);
            area.parent_code.clone_from(&known.parent_code);
            area.parent_name.clone_from(&known.parent_name);
            return area;
        }
    }
    if let Some(&(code, _, parent)) = by_name().get(&normalise(name)) {
        let mut area = from_code_and_name(code, name);
        area.parent_code = parent.to_owned();
        area.parent_name = name_of(parent).to_owned();
        return area;
    }
    from_code_and_name("", name)
}

/// The ONS code of England, a region or an English local authority, from its name.
pub fn known_code(name: &str) -> Option<&'static str> {
    by_name().get(&normalise(name)).map(|&(code, _, _)| code)
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

/// A known area named at the start of a file name (`warwickshire-outcomes.csv` → Warwickshire,
/// `north-yorkshire-jsna.csv` → North Yorkshire), for files that have no area column.
pub fn from_file_name(file: &str) -> Option<Area> {
    let stem = file.rsplit(['/', '\\']).next().unwrap_or(file).to_lowercase();
    let words: Vec<&str> = stem.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(5).collect();
    // The longest run of leading words that names a local authority (not England or a region,
    // which file names use loosely).
    (1..=words.len()).rev().find_map(|n| {
        let &(code, name, parent) = by_name().get(&words[..n].join(" "))?;
        if !AreaKind::from_code(code).is_local_authority() {
            return None;
        }
        let mut area = from_code_and_name(code, name);
        area.parent_code = parent.to_owned();
        area.parent_name = name_of(parent).to_owned();
        Some(area)
    })
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
        assert_eq!(from_file_name("north-yorkshire-jsna.csv").unwrap().name, "North Yorkshire");
        assert!(from_file_name("east-midlands-profile.csv").is_none());
        let hull = from_name("Kingston upon Hull", &ds);
        assert_eq!((hull.code.as_str(), hull.parent_code.as_str()), ("E06000010", "E12000003"));
        assert_eq!(from_name("Brighton & Hove", &ds).code, "E06000043");
        let broxbourne = from_name("Broxbourne", &ds);
        assert_eq!((broxbourne.parent_code.as_str(), broxbourne.parent_name.as_str()), ("E10000015", "Hertfordshire"));
        assert_eq!(from_name("Derby", &ds).parent_name, "East Midlands");
        assert_eq!(from_name("Northamptonshire", &ds).code, "E10000021");
        assert_eq!(from_name("E06000015", &ds).name, "Derby");
        assert!(from_file_name("eating-disorder.csv").is_none());
    }
}
