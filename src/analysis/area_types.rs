//! Area types for grouping: the file's area-type label, or a name from the ONS code kind.

use crate::model::{Area, AreaKind};

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
