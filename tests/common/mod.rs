//! The one helper module of the integration tests: samples and loading (here), the oracle's CSVs
//! (`oracle`), Fingertips-layout fixtures (`fingertips_layout`) and hand-built benchmark rows (`benchmark_rows`).
#![allow(dead_code)]

pub mod benchmark_rows;
pub mod fingertips_layout;
pub mod oracle;

use indicator_lens::ingest::{FileReport, LoadOptions};
use indicator_lens::model::{Dataset, Observation};

/// Bytes of a file under `shared/samples/` (beside the repository).
pub fn sample(relative: &str) -> Vec<u8> {
    let path = format!("{}/../shared/samples/{relative}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// Loads `bytes` as `name` into a fresh dataset.
pub fn load(name: &str, bytes: &[u8]) -> (Dataset, FileReport) {
    // The one load path of the page and the CLI: intervals computed from counts, evidence decided.
    let mut session = indicator_lens::session::Session::new();
    let report = session.load(name, bytes, &LoadOptions::default());
    let dataset = session.dataset;
    (dataset, report)
}

/// Loads a sample by its path under `shared/samples/`.
pub fn load_sample(relative: &str) -> (Dataset, FileReport) {
    load(relative.rsplit('/').next().unwrap(), &sample(relative))
}

/// The observation for an area (code or name), an indicator (id or name prefix) and a period label.
pub fn find<'a>(ds: &'a Dataset, area: &str, indicator: &str, period: &str) -> &'a Observation {
    ds.rows()
        .find(|o| {
            let a = &ds.areas[o.area as usize];
            let i = &ds.indicators[o.indicator as usize];
            (a.code == area || a.name == area) && (i.id == indicator || i.name.starts_with(indicator)) && ds.periods[o.period as usize].label == period
        })
        .unwrap_or_else(|| panic!("no observation for {area} / {indicator} / {period}"))
}

/// Asserts two floats are equal to 1e-9 (NaN equals NaN).
pub fn close(actual: f64, expected: f64) {
    assert!((actual.is_nan() && expected.is_nan()) || (actual - expected).abs() < 1e-9, "{actual} != {expected}");
}
