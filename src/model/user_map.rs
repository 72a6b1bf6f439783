//! Hex maps as data: a HexJSON map (layout and hexes by area code) and the one a user dropped, kept with the dataset.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One hex of a map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hex {
    /// Name (`n`), may be empty.
    pub name: String,
    /// Column.
    pub q: i64,
    /// Row (increasing northwards, as the odileeds maps draw it).
    pub r: i64,
}

/// A parsed HexJSON map: layout and hexes keyed by area code.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HexMap {
    /// `odd-r`, `even-r`, `odd-q` or `even-q`.
    pub layout: String,
    /// Hexes by key (an ONS code in the built-in map).
    pub hexes: BTreeMap<String, Hex>,
}

/// A HexJSON map the user dropped, with the file it came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserMap {
    /// File name.
    pub file: String,
    /// The map.
    pub map: HexMap,
}
