//! Ingest of a dropped HexJSON file: kept in the dataset as the user's map, with a report like any other file.

use super::FileReport;
use crate::geo::{parse_hexjson, UserMap};
use crate::model::Dataset;

/// Reads a HexJSON map into `dataset.user_map` (replacing an earlier one), or reports why it cannot.
pub fn load_hexjson(dataset: &mut Dataset, report: &mut FileReport, bytes: &[u8]) {
    report.format = "hexjson".into();
    let Ok(text) = std::str::from_utf8(bytes) else {
        report.error = Some("not a valid HexJSON: the file is not UTF-8 text".into());
        return;
    };
    report.encoding = "UTF-8".into();
    match parse_hexjson(text) {
        Ok(map) => {
            report.rows_read = map.hexes.len() as u64;
            if dataset.user_map.is_some() {
                report.warn(0, "", "replaces the hex map loaded before");
            }
            report.warn(0, "", format!("a hex map of {} hexes ({}): the map view uses it", map.hexes.len(), map.layout));
            dataset.user_map = Some(UserMap { file: report.file.clone(), map });
        }
        Err(reason) => report.error = Some(format!("not a valid HexJSON: {reason}")),
    }
}
