//! Areas (England, regions, local authorities, NHS geographies) and their kind from the ONS code.

use serde::{Deserialize, Serialize};

/// What kind of geography an area is, read from its ONS code prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AreaKind {
    /// E92: England.
    England,
    /// E12: one of the nine English regions.
    Region,
    /// E06: unitary authority.
    UnitaryAuthority,
    /// E07: non-metropolitan district.
    District,
    /// E08: metropolitan district.
    MetropolitanDistrict,
    /// E09: London borough.
    LondonBorough,
    /// E10: county.
    County,
    /// E38: sub-ICB location (formerly CCG).
    SubIcb,
    /// E54: integrated care board.
    Icb,
    /// E40: NHS England region.
    NhsRegion,
    /// E02: middle layer super output area.
    Msoa,
    /// E05: electoral ward.
    Ward,
    /// Any other code, or a name with no code.
    Other,
}

impl AreaKind {
    /// The kind of area an ONS code denotes (by its three-character prefix).
    pub fn from_code(code: &str) -> AreaKind {
        let prefix = code.get(..3).unwrap_or("");
        match prefix {
            "E92" => AreaKind::England,
            "E12" => AreaKind::Region,
            "E06" => AreaKind::UnitaryAuthority,
            "E07" => AreaKind::District,
            "E08" => AreaKind::MetropolitanDistrict,
            "E09" => AreaKind::LondonBorough,
            "E10" => AreaKind::County,
            "E38" => AreaKind::SubIcb,
            "E54" => AreaKind::Icb,
            "E40" => AreaKind::NhsRegion,
            "E02" => AreaKind::Msoa,
            "E05" => AreaKind::Ward,
            _ => AreaKind::Other,
        }
    }

    /// True for the local-authority kinds (E06–E10).
    pub fn is_local_authority(self) -> bool {
        matches!(self, AreaKind::UnitaryAuthority | AreaKind::District | AreaKind::MetropolitanDistrict | AreaKind::LondonBorough | AreaKind::County)
    }
}

/// One area as the files name it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Area {
    /// ONS code when known (`E92000001`), else empty.
    pub code: String,
    /// Name as written in the file.
    pub name: String,
    /// Kind read from the code (or recognised from the name: "England", "... region").
    pub kind: AreaKind,
    /// Area type as the file labels it (`Upper tier local authorities (4/21-3/23)`), else empty.
    pub area_type: String,
    /// Parent area code (usually the region), else empty.
    pub parent_code: String,
    /// Parent area name, else empty.
    pub parent_name: String,
}

impl Area {
    /// The key that identifies an area across files: its code, or its name when it has none.
    pub fn key(&self) -> &str {
        if self.code.is_empty() {
            &self.name
        } else {
            &self.code
        }
    }

    /// True for England.
    pub fn is_england(&self) -> bool {
        self.kind == AreaKind::England
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_codes() {
        assert_eq!(AreaKind::from_code("E92000001"), AreaKind::England);
        assert_eq!(AreaKind::from_code("E12000004"), AreaKind::Region);
        assert_eq!(AreaKind::from_code("E10000015"), AreaKind::County);
        assert_eq!(AreaKind::from_code("E38000007"), AreaKind::SubIcb);
        assert_eq!(AreaKind::from_code("Derby"), AreaKind::Other);
        assert_eq!(AreaKind::from_code(""), AreaKind::Other);
        assert!(AreaKind::from_code("E06000015").is_local_authority());
    }
}
