//! Criterion benches: ingest, England benchmarking and recent trend on generated Fingertips-layout files.
//!
//! Files of 10k, 100k and 1M rows come from `indicator_lens::synthetic` (deterministic); the 1M
//! file is written once under `target/bench-data/` and reused. Run with `cargo bench --bench ingest`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use indicator_lens::analysis::england_counts::england_counts;
use indicator_lens::analysis::observation_groups::ObservationGroups;
use indicator_lens::analysis::polarity::{effective_polarity, infer_polarities};
use indicator_lens::analysis::recent_trend::{recent_trend, TrendMethod};
use indicator_lens::analysis::series::all_series;
use indicator_lens::analysis::{ConfidenceLevel, PolarityOverrides};
use indicator_lens::ingest::{LoadOptions, StreamingLoad};
use indicator_lens::session::Session;
use std::path::PathBuf;
use std::time::Duration;

const SIZES: [u64; 3] = [10_000, 100_000, 1_000_000];

/// The generated file of `rows` rows (cached on disk: the 1M file takes seconds to write).
fn file(rows: u64) -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let path = dir.join(format!("fingertips-{rows}.csv"));
    if let Ok(bytes) = std::fs::read(&path) {
        return bytes;
    }
    let bytes = indicator_lens::synthetic::fingertips_bytes(rows, 2026);
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(&path, &bytes);
    bytes
}

fn loaded(bytes: &[u8]) -> Session {
    let mut session = Session::new();
    session.load("bench.csv", bytes, &LoadOptions::default());
    session
}

fn benches(c: &mut Criterion) {
    for rows in SIZES {
        let bytes = file(rows);
        let mut group = c.benchmark_group(format!("{rows}"));
        group.sample_size(if rows >= 1_000_000 { 10 } else { 20 });
        group.measurement_time(Duration::from_secs(if rows >= 1_000_000 { 20 } else { 5 }));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(BenchmarkId::new("ingest", "whole"), |b| b.iter(|| loaded(&bytes)));
        group.bench_function(BenchmarkId::new("ingest", "stream-1MiB-chunks"), |b| {
            b.iter(|| {
                let mut session = Session::new();
                let mut load = StreamingLoad::new("bench.csv", LoadOptions::default());
                load.reserve(&mut session.dataset, bytes.len() as u64);
                for chunk in bytes.chunks(1 << 20) {
                    load.push(&mut session.dataset, chunk);
                }
                load.finish(&mut session.dataset)
            })
        });
        let session = loaded(&bytes);
        group.bench_function("england-benchmark", |b| b.iter(|| england_counts(&session.dataset, ConfidenceLevel::P95)));
        group.bench_function("load+benchmark", |b| {
            b.iter(|| {
                let s = loaded(&bytes);
                england_counts(&s.dataset, ConfidenceLevel::P95)
            })
        });
        group.bench_function("trend", |b| b.iter(|| trends(&session)));
        group.finish();
    }
}

/// Recent trend of every series, as `indicator-lens trend` computes it.
fn trends(session: &Session) -> usize {
    let dataset = &session.dataset;
    let inferred = infer_polarities(dataset, &ObservationGroups::new(dataset));
    let overrides = PolarityOverrides::default();
    all_series(dataset)
        .into_iter()
        .map(|(key, rows)| {
            let polarity = effective_polarity(dataset, key.indicator, &overrides, &inferred);
            recent_trend(dataset, &rows, polarity, TrendMethod::WeightedRegression).reason.len()
        })
        .sum()
}

criterion_group!(ingest, benches);
criterion_main!(ingest);
