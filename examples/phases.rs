//! Times the phases of a streamed load of a generated file (a profiling aid; the benchmark is `cargo bench`).
//! Usage: cargo run --release --example phases -- FILE [REPEATS]

use indicator_lens::ingest::{LoadOptions, StreamingLoad};
use indicator_lens::model::Dataset;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else { return eprintln!("usage: phases FILE [REPEATS]") };
    let repeats: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let bytes = std::fs::read(path).unwrap_or_default();
    let mut best = [f64::MAX; 5];
    for _ in 0..repeats {
        let t = Instant::now();
        let mut dataset = Dataset::new();
        let mut load = StreamingLoad::new("f.csv", LoadOptions::default());
        load.reserve(&mut dataset, bytes.len() as u64);
        for chunk in bytes.chunks(1 << 16) {
            load.push(&mut dataset, chunk);
        }
        let report = load.finish(&mut dataset);
        let parsed = t.elapsed().as_secs_f64();
        indicator_lens::analysis::evidence::decide_value_types(&mut dataset);
        let typed = t.elapsed().as_secs_f64();
        let file = dataset.strings.get("f.csv").unwrap_or_default();
        indicator_lens::analysis::computed_intervals::fill_computed_intervals(&mut dataset, file, true);
        let intervals = t.elapsed().as_secs_f64();
        indicator_lens::analysis::evidence::decide_levels_and_polarities(&mut dataset);
        let filled = t.elapsed().as_secs_f64();
        let counts = indicator_lens::analysis::england_counts::england_counts(&dataset, indicator_lens::analysis::ConfidenceLevel::P95);
        let total = t.elapsed().as_secs_f64();
        for (b, v) in best.iter_mut().zip([parsed, typed - parsed, intervals - typed, filled - intervals, total - filled]) {
            *b = b.min(v);
        }
        assert!(report.error.is_none() && counts.similar > 0);
    }
    println!(
        "{} MB: parse {:.1} ms, value types {:.1} ms, intervals {:.1} ms, levels and polarities {:.1} ms, england {:.1} ms (min of {repeats})",
        bytes.len() / 1_000_000,
        best[0] * 1e3,
        best[1] * 1e3,
        best[2] * 1e3,
        best[3] * 1e3,
        best[4] * 1e3
    );
}
