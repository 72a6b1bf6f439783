//! Area types for grouping: the file's area-type label, or a name from the ONS code kind.

use crate::model::{Area, AreaKind, Dataset, Observation};
use std::borrow::Cow;

/// The area type an area is grouped under: the file's label; else, when the file gives none, one
/// "Local authorities" group for every E06–E10 code (a file without area types, such as a wide table of
/// a region's counties and unitaries, mixes the tiers), else a name from the code kind, else "Local areas".
pub fn area_type_of(area: &Area) -> String {
    if !area.area_type.is_empty() {
        return area.area_type.clone();
    }
    if area.kind.is_local_authority() {
        return "Local authorities".into();
    }
    match area.kind {
        AreaKind::England => "England".into(),
        AreaKind::Region => "Region".into(),
        AreaKind::UnitaryAuthority => "Unitary authorities".into(),
        AreaKind::District => "Districts".into(),
        AreaKind::MetropolitanDistrict => "Metropolitan districts".into(),
        AreaKind::LondonBorough => "London boroughs".into(),
        AreaKind::County => "Counties".into(),
        AreaKind::SubIcb => "Sub-ICB locations".into(),
        AreaKind::Icb => "ICBs".into(),
        AreaKind::NhsRegion => "NHS regions".into(),
        AreaKind::Msoa => "Middle Super Output Areas".into(),
        AreaKind::Ward => "Wards".into(),
        AreaKind::Other => "Local areas".into(),
    }
}

/// The area type a row puts its area in: the row's own label (one area is in several types, in
/// several files), else the area's.
pub fn row_area_type<'a>(dataset: &'a Dataset, observation: &Observation) -> Cow<'a, str> {
    let own = dataset.text(observation.area_type);
    if !own.is_empty() {
        return Cow::Borrowed(own);
    }
    dataset.areas.get(observation.area as usize).map(|a| Cow::Owned(area_type_of(a))).unwrap_or(Cow::Borrowed(""))
}

/// The parent a row gives its area (loaded areas only), else the area's own parent.
pub fn row_parent(dataset: &Dataset, observation: &Observation) -> Option<u32> {
    let own = dataset.text(observation.parent);
    if !own.is_empty() {
        return dataset.find_area(own).or_else(|| dataset.find_area_by_name(own));
    }
    let area = dataset.areas.get(observation.area as usize)?;
    if area.parent_code.is_empty() {
        return None;
    }
    dataset.find_area(&area.parent_code)
}

/// Every local area type in the rows, with the areas the rows put in it.
pub fn local_areas_by_type(dataset: &Dataset) -> std::collections::BTreeMap<String, std::collections::BTreeSet<u32>> {
    let mut types: std::collections::BTreeMap<String, std::collections::BTreeSet<u32>> = Default::default();
    let mut last: Option<(u32, crate::model::Sym)> = None;
    for observation in dataset.rows() {
        // Rows of one area come together: skip repeats cheaply.
        if last == Some((observation.area, observation.area_type)) {
            continue;
        }
        last = Some((observation.area, observation.area_type));
        if dataset.areas.get(observation.area as usize).is_some_and(is_local_area) {
            types.entry(row_area_type(dataset, observation).into_owned()).or_default().insert(observation.area);
        }
    }
    types
}

/// True for a local area (below region level) whose row puts it in `area_type`.
pub fn row_in_area_type(dataset: &Dataset, observation: &Observation, area_type: &str) -> bool {
    dataset.areas.get(observation.area as usize).is_some_and(is_local_area) && row_area_type(dataset, observation) == area_type
}

/// Areas this file places in another area type or under another parent than earlier files did, in words:
/// both placements are kept (each row keeps its own), so nothing is overwritten; the report says so.
pub fn area_type_conflicts(dataset: &Dataset, file: crate::model::Sym) -> Vec<String> {
    use std::collections::{BTreeMap, BTreeSet};
    let mut here: BTreeMap<u32, BTreeSet<(crate::model::Sym, crate::model::Sym)>> = BTreeMap::new();
    let mut elsewhere: BTreeMap<u32, BTreeMap<(crate::model::Sym, crate::model::Sym), crate::model::Sym>> = BTreeMap::new();
    for row in dataset.rows() {
        if row.area_type.0 == 0 && row.parent.0 == 0 {
            continue;
        }
        let placement = (row.area_type, row.parent);
        if row.file == file {
            here.entry(row.area).or_default().insert(placement);
        } else {
            elsewhere.entry(row.area).or_default().entry(placement).or_insert(row.file);
        }
    }
    let mut messages = Vec::new();
    let mut more = 0;
    for (area, placements) in &here {
        let Some(earlier) = elsewhere.get(area) else { continue };
        let Some(((other_type, other_parent), other_file)) = earlier.iter().find(|(p, _)| !placements.contains(p)) else { continue };
        let Some(&(own_type, own_parent)) = placements.iter().next() else { continue };
        if messages.len() == 5 {
            more += 1;
            continue;
        }
        let name = dataset.areas.get(*area as usize).map(|a| format!("{} ({})", a.name, a.code)).unwrap_or_default();
        let what = |t: crate::model::Sym, p: crate::model::Sym| format!("“{}” under {}", dataset.text(t), dataset.text(p));
        messages.push(format!(
            "{name} is {} here and {} in {}: both are kept, and each row is compared within its own file's area type and parent",
            what(own_type, own_parent),
            what(*other_type, *other_parent),
            dataset.text(*other_file)
        ));
    }
    if more > 0 {
        messages.push(format!("and {more} more areas placed differently from earlier files (kept the same way)"));
    }
    messages
}

/// True for areas below region level (not England, a region or an NHS region).
pub fn is_local_area(area: &Area) -> bool {
    !matches!(area.kind, AreaKind::England | AreaKind::Region | AreaKind::NhsRegion) && !looks_like_region_name(&area.name)
}

/// True for England by kind or name.
pub fn is_england(area: &Area) -> bool {
    area.kind == AreaKind::England || area.name.trim().eq_ignore_ascii_case("england")
}

/// True for a region by kind or by a name ending "region" (wide files name areas without codes).
pub fn is_region(area: &Area) -> bool {
    area.kind == AreaKind::Region || looks_like_region_name(&area.name)
}

fn looks_like_region_name(name: &str) -> bool {
    let lower = name.trim().to_ascii_lowercase();
    lower.ends_with(" region")
}
