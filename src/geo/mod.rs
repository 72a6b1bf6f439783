//! Area geography compiled into the crate: the April 2023 district hex map, the district → county lookup,
//! and user HexJSON maps.

pub mod hexjson;
pub mod lookup;
pub mod placement;

pub use crate::model::UserMap;
pub use hexjson::{hex_centre, hex_corners, looks_like_hexjson, outline, parse_hexjson, Hex, HexMap};
pub use lookup::{DistrictLookup, UpperTier};
pub use placement::{choose_level, place, MapLevel, Placement};

use std::sync::OnceLock;

/// The Open Innovations hex map of UK local authority districts (April 2023, `odd-r`), as shipped in `shared/geo`.
pub const DISTRICTS_HEXJSON: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/geo/uk-local-authority-districts-2023.hexjson"));

/// English districts & UAs with their upper tier (April 2023), as shipped in `shared/geo`.
pub const DISTRICTS_TO_COUNTIES_CSV: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/geo/districts-to-counties-2023.csv"));

/// Attribution and licence of the built-in hex map (MIT, Open Innovations), shipped with the map.
pub const GEO_NOTICE: &str = "Hex map of UK local authority districts (April 2023): Open Innovations, odileeds/hexmaps, \
maps/uk-local-authority-districts-2023.hexjson (commit c18fd80), used under the MIT License:

MIT License

Copyright (c) 2017- Open Innovations

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the \"Software\"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.";

/// The built-in district hex map (parsed once).
pub fn district_map() -> &'static HexMap {
    static MAP: OnceLock<HexMap> = OnceLock::new();
    MAP.get_or_init(|| parse_hexjson(DISTRICTS_HEXJSON).unwrap_or_default())
}

/// The built-in district → upper-tier lookup (parsed once).
pub fn district_lookup() -> &'static DistrictLookup {
    static LOOKUP: OnceLock<DistrictLookup> = OnceLock::new();
    LOOKUP.get_or_init(|| DistrictLookup::parse(DISTRICTS_TO_COUNTIES_CSV).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_geography_is_complete() {
        let map = district_map();
        assert_eq!(map.layout, "odd-r");
        assert_eq!(map.hexes.keys().filter(|k| k.starts_with('E')).count(), 296);
        let lookup = district_lookup();
        assert_eq!(lookup.upper_tier.len(), 296);
        assert!(lookup.upper_tier.keys().all(|code| map.hexes.contains_key(code)));
        assert_eq!(lookup.districts_of("E10000015").len(), 10);
        let upper: std::collections::BTreeSet<_> = lookup.upper_tier.values().map(|u| u.code.as_str()).collect();
        assert_eq!(upper.len(), 153);
        assert!(GEO_NOTICE.contains("MIT License") && GEO_NOTICE.contains("Open Innovations"));
    }
}
