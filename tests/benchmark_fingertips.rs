//! Agreement with Fingertips' own published comparisons on the real downloads in `shared/samples/fingertips/`.

use indicator_lens::analysis::{Benchmark, BenchmarkOptions, Benchmarker, ConfidenceLevel};
use indicator_lens::ingest::{self, LoadOptions};
use indicator_lens::model::{Dataset, Polarity};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/fingertips/");

fn load(files: &[&str]) -> Dataset {
    let mut dataset = Dataset::new();
    for file in files {
        let path = format!("{SAMPLES}{file}");
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let report = ingest::load(&mut dataset, file, &bytes, &LoadOptions::default());
        assert!(report.is_usable(), "{file}: {report:?}");
    }
    dataset
}

/// (rows with a published label, rows agreeing, disagreements as text).
fn agreement(dataset: &Dataset, benchmark: Benchmark, level: ConfidenceLevel) -> (usize, usize, Vec<String>) {
    let parent = benchmark == Benchmark::Parent;
    let benchmarker = Benchmarker::new(dataset, BenchmarkOptions { benchmark, level, ..Default::default() });
    let (mut compared, mut agreed, mut disagreements) = (0, 0, Vec::new());
    for (row, observation) in dataset.rows().enumerate() {
        let published = dataset.text(if parent { observation.published_parent } else { observation.published_england });
        if published.is_empty() {
            continue;
        }
        compared += 1;
        let outcome = benchmarker.outcome(row);
        if outcome.comparison.label() == published {
            agreed += 1;
        } else {
            let area = &dataset.areas[observation.area as usize];
            disagreements.push(format!("{} {}: published {published}, ours {} ({})", area.code, area.name, outcome.comparison.label(), outcome.explanation));
        }
    }
    eprintln!("{} {level:?}: {agreed}/{compared} agree", if parent { "parent" } else { "England" });
    (compared, agreed, disagreements)
}

#[test]
fn msoa_download_agrees_with_published_england_and_parent_labels() {
    let dataset = load(&["ncmp_reception_prev_overweight.csv"]);
    let benchmarker = Benchmarker::new(&dataset, BenchmarkOptions::default());
    assert_eq!(benchmarker.polarity_of(0), Polarity::LowIsGood, "learnt from Better below England");
    for benchmark in [Benchmark::England, Benchmark::Parent] {
        let (compared, agreed, disagreements) = agreement(&dataset, benchmark.clone(), ConfidenceLevel::P95);
        assert!(compared >= 150, "{benchmark:?}: only {compared} published labels");
        assert!(disagreements.is_empty(), "{benchmark:?}: {agreed}/{compared} agree; {disagreements:#?}");
    }
}

#[test]
fn district_download_agrees_with_published_england_and_parent_labels() {
    let dataset = load(&["ncmp_reception_prev_overweight_dist.csv"]);
    for benchmark in [Benchmark::England, Benchmark::Parent] {
        let (compared, agreed, disagreements) = agreement(&dataset, benchmark.clone(), ConfidenceLevel::P95);
        assert!(compared >= 10, "{benchmark:?}: only {compared} published labels");
        assert!(disagreements.is_empty(), "{benchmark:?}: {agreed}/{compared} agree; {disagreements:#?}");
    }
}

#[test]
fn both_downloads_together_still_agree() {
    let dataset = load(&["ncmp_reception_prev_overweight.csv", "ncmp_reception_prev_overweight_dist.csv"]);
    let mut total = (0, 0);
    for benchmark in [Benchmark::England, Benchmark::Parent] {
        let (compared, agreed, disagreements) = agreement(&dataset, benchmark, ConfidenceLevel::P95);
        total = (total.0 + compared, total.1 + agreed);
        assert!(disagreements.is_empty(), "{disagreements:#?}");
    }
    assert!(total.1 as f64 >= 0.995 * total.0 as f64);
}

#[test]
fn level_99_8_reproduces_fewer_labels_than_95() {
    let dataset = load(&["ncmp_reception_prev_overweight.csv"]);
    let (compared, agreed_998, _) = agreement(&dataset, Benchmark::England, ConfidenceLevel::P998);
    let (_, agreed_95, _) = agreement(&dataset, Benchmark::England, ConfidenceLevel::P95);
    assert!(agreed_998 < agreed_95 && agreed_95 == compared, "95%: {agreed_95}, 99.8%: {agreed_998} of {compared}");
}
