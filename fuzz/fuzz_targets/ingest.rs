//! Fuzz target `ingest`: arbitrary bytes through the whole ingest, detected and forced layouts.
#![no_main]

use indicator_lens::ingest::{self, layout, LoadOptions};
use indicator_lens::model::Dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut dataset = Dataset::new();
    let report = ingest::load(&mut dataset, "fuzz.csv", data, &LoadOptions::default());
    assert_eq!(report.observations as usize >= dataset.len(), true);
    // The first byte picks a forced layout for the rest, loaded into the same dataset (merging).
    if let Some((&first, rest)) = data.split_first() {
        let format = layout::ALL[first as usize % layout::ALL.len()].name().to_owned();
        let options = LoadOptions { format: Some(format), ..LoadOptions::default() };
        let _ = ingest::load(&mut dataset, "fuzz2.csv", rest, &options);
    }
});
