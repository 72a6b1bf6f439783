//! Benchmark comparison rules on hand-built datasets: interval rule, polarity, benchmarks, quintiles, not compared.

mod common;
use common::benchmark_rows as support;

use indicator_lens::analysis::{Benchmark, BenchmarkMethod, BenchmarkOptions, Benchmarker, Comparison, ComparisonSource, ConfidenceLevel, NotComparedReason};
use indicator_lens::model::{Dataset, Polarity};
use support::{add_rows, counties, TestRow};

fn outcome_for(dataset: &Dataset, options: BenchmarkOptions, code: &str) -> indicator_lens::analysis::BenchmarkOutcome {
    let benchmarker = Benchmarker::new(dataset, options);
    let area = dataset.find_area(code).expect("area");
    let row = dataset.rows().position(|o| o.area == area).expect("row");
    benchmarker.outcome(row)
}

fn with_polarity(polarity: Polarity) -> BenchmarkOptions {
    let mut options = BenchmarkOptions::default();
    options.polarity_overrides.insert("1".into(), polarity);
    options
}

#[test]
fn interval_wholly_below_england_is_lower_without_polarity_and_explains() {
    let dataset = counties();
    let outcome = outcome_for(&dataset, BenchmarkOptions::default(), "E10000007");
    assert_eq!(outcome.comparison, Comparison::Lower);
    assert_eq!(outcome.source, ComparisonSource::PublishedInterval);
    assert_eq!(outcome.polarity, Polarity::Unknown);
    assert!(outcome.explanation.starts_with("95% CI 18.94–19.73 wholly below England 22.28"), "{}", outcome.explanation);
}

#[test]
fn polarity_turns_higher_lower_into_better_worse() {
    let dataset = counties();
    assert_eq!(outcome_for(&dataset, with_polarity(Polarity::LowIsGood), "E10000007").comparison, Comparison::Better);
    assert_eq!(outcome_for(&dataset, with_polarity(Polarity::HighIsGood), "E10000007").comparison, Comparison::Worse);
    assert_eq!(outcome_for(&dataset, with_polarity(Polarity::LowIsGood), "E06000015").comparison, Comparison::Worse);
    assert_eq!(outcome_for(&dataset, with_polarity(Polarity::HighIsGood), "E06000015").comparison, Comparison::Better);
    assert_eq!(outcome_for(&dataset, with_polarity(Polarity::NoJudgement), "E06000015").comparison, Comparison::Higher);
}

#[test]
fn touching_and_containing_are_similar() {
    let dataset = counties();
    let touching = outcome_for(&dataset, with_polarity(Polarity::LowIsGood), "E06000016");
    assert_eq!(touching.comparison, Comparison::Similar);
    assert!(touching.explanation.contains("touches"), "{}", touching.explanation);
    assert_eq!(outcome_for(&dataset, BenchmarkOptions::default(), "E10000018").comparison, Comparison::Similar);
}

#[test]
fn not_compared_reasons() {
    let dataset = counties();
    let england = outcome_for(&dataset, BenchmarkOptions::default(), "E92000001");
    assert_eq!(england.comparison, Comparison::NotCompared(NotComparedReason::BenchmarkIsArea));
    let missing = outcome_for(&dataset, BenchmarkOptions::default(), "E06000018");
    assert_eq!(missing.comparison, Comparison::NotCompared(NotComparedReason::NoValue));
    let no_interval = outcome_for(&dataset, BenchmarkOptions::default(), "E10000024");
    assert_eq!(no_interval.comparison, Comparison::NotCompared(NotComparedReason::NoInterval));
    assert_eq!(no_interval.comparison.label(), "Not compared");
    assert!(no_interval.explanation.contains("no confidence interval"));

    let mut suppressed = Dataset::new();
    let mut row = TestRow::new("1", "E06000015", "Derby", f64::NAN, f64::NAN, f64::NAN);
    row.note = "*";
    add_rows(&mut suppressed, &[TestRow::new("1", "E92000001", "England", 1.0, 0.9, 1.1), row]);
    let outcome = outcome_for(&suppressed, BenchmarkOptions::default(), "E06000015");
    assert_eq!(outcome.comparison, Comparison::NotCompared(NotComparedReason::Suppressed));

    let mut no_england = Dataset::new();
    add_rows(&mut no_england, &[TestRow::new("1", "E06000015", "Derby", 1.0, 0.9, 1.1)]);
    let outcome = outcome_for(&no_england, BenchmarkOptions::default(), "E06000015");
    assert_eq!(outcome.comparison, Comparison::NotCompared(NotComparedReason::NoBenchmarkValue));
}

#[test]
fn parent_and_single_area_benchmarks() {
    let dataset = counties();
    let options = BenchmarkOptions { benchmark: Benchmark::Parent, ..BenchmarkOptions::default() };
    let outcome = outcome_for(&dataset, options, "E06000016");
    assert_eq!(outcome.benchmark_name, "East Midlands region");
    assert_eq!(outcome.comparison, Comparison::Lower);
    let options = BenchmarkOptions { benchmark: Benchmark::Area("E06000015".into()), ..BenchmarkOptions::default() };
    assert_eq!(outcome_for(&dataset, options.clone(), "E10000018").comparison, Comparison::Lower);
    assert_eq!(outcome_for(&dataset, options, "E06000015").comparison, Comparison::NotCompared(NotComparedReason::BenchmarkIsArea));
}

#[test]
fn comparator_set_pools_counts_else_averages() {
    let mut dataset = Dataset::new();
    let mut a = TestRow::new("1", "E06000015", "Derby", 10.0, 9.0, 11.0);
    a.count = 10.0;
    a.denominator = 100.0;
    let mut b = TestRow::new("1", "E06000016", "Leicester", 30.0, 25.0, 35.0);
    b.count = 90.0;
    b.denominator = 300.0;
    let c = TestRow::new("1", "E10000018", "Leicestershire", 20.0, 19.0, 21.0);
    add_rows(&mut dataset, &[a, b, c]);
    let pooled = Benchmark::Comparators(vec!["E06000015".into(), "E06000016".into()]);
    let outcome = outcome_for(&dataset, BenchmarkOptions { benchmark: pooled, ..Default::default() }, "E10000018");
    assert_eq!(outcome.benchmark_method, BenchmarkMethod::PooledCounts);
    assert!((outcome.benchmark_value - 25.0).abs() < 1e-9);
    assert_eq!(outcome.comparison, Comparison::Lower);
    assert!(outcome.benchmark_name.contains("pooled"));

    let averaged = Benchmark::Comparators(vec!["E06000015".into(), "E10000018".into()]);
    let outcome = outcome_for(&dataset, BenchmarkOptions { benchmark: averaged, ..Default::default() }, "E06000016");
    assert_eq!(outcome.benchmark_method, BenchmarkMethod::GroupAverage);
    assert!((outcome.benchmark_value - 15.0).abs() < 1e-9);
    assert_eq!(outcome.comparison, Comparison::Higher);
}

#[test]
fn level_99_8_uses_its_own_interval() {
    let dataset = counties();
    let options = BenchmarkOptions { level: Some(ConfidenceLevel::P998), ..Default::default() };
    let outcome = outcome_for(&dataset, options, "E10000007");
    assert_eq!(outcome.comparison, Comparison::NotCompared(NotComparedReason::NoInterval));
}

#[test]
fn polarity_inferred_from_published_labels_only_when_consistent() {
    let mut dataset = Dataset::new();
    let mut better_below = TestRow::new("1", "E10000007", "Derbyshire", 19.33, 18.94, 19.73);
    better_below.published_england = "Better";
    add_rows(&mut dataset, &[TestRow::new("1", "E92000001", "England", 22.28, 22.21, 22.34), better_below]);
    let outcome = outcome_for(&dataset, BenchmarkOptions::default(), "E10000007");
    assert_eq!(outcome.polarity, Polarity::LowIsGood);
    assert_eq!(outcome.comparison, Comparison::Better);
    // A user override wins over the inference.
    assert_eq!(outcome_for(&dataset, with_polarity(Polarity::NoJudgement), "E10000007").comparison, Comparison::Lower);
    // A contradicting label makes it unknown again.
    let mut contradiction = TestRow::new("1", "E06000015", "Derby", 19.0, 18.0, 20.0);
    contradiction.published_england = "Worse";
    add_rows(&mut dataset, &[contradiction]);
    assert_eq!(outcome_for(&dataset, BenchmarkOptions::default(), "E10000007").polarity, Polarity::Unknown);
}

#[test]
fn quintiles_when_a_group_has_no_intervals() {
    let mut dataset = Dataset::new();
    let nan = f64::NAN;
    let mut rows = vec![TestRow::new("2", "E92000001", "England", 50.0, nan, nan), TestRow::new("2", "E12000004", "East Midlands region", 40.0, nan, nan)];
    let codes = ["E06000001", "E06000002", "E06000003", "E06000004", "E06000005", "E06000006", "E06000007", "E06000008", "E06000009", "E06000010"];
    for (i, code) in codes.iter().enumerate() {
        rows.push(TestRow::new("2", code, code, (i + 1) as f64, nan, nan));
    }
    add_rows(&mut dataset, &rows);
    assert_eq!(outcome_for(&dataset, BenchmarkOptions::default(), "E06000001").comparison, Comparison::Quintile(1));
    let top = outcome_for(&dataset, BenchmarkOptions::default(), "E06000010");
    assert_eq!(top.comparison, Comparison::Quintile(5));
    assert_eq!(top.comparison.label(), "Highest quintile");
    assert_eq!(top.source, ComparisonSource::Quintile);
    assert!(top.explanation.contains("ranks 10 of 10"), "{}", top.explanation);
    assert_eq!(outcome_for(&dataset, BenchmarkOptions::default(), "E06000005").comparison, Comparison::Quintile(3));
    let region = outcome_for(&dataset, BenchmarkOptions::default(), "E12000004");
    assert_eq!(region.comparison, Comparison::NotCompared(NotComparedReason::NotInQuintileGroup));
    let options = BenchmarkOptions { no_quintiles: true, ..Default::default() };
    assert_eq!(outcome_for(&dataset, options, "E06000005").comparison, Comparison::NotCompared(NotComparedReason::NoInterval));
}

#[test]
fn benchmark_parses_from_text_and_json() {
    assert_eq!(Benchmark::parse("England"), Benchmark::England);
    assert_eq!(Benchmark::parse("region"), Benchmark::Parent);
    assert_eq!(Benchmark::parse("E06000015"), Benchmark::Area("E06000015".into()));
    assert_eq!(Benchmark::parse("E1, E2"), Benchmark::Comparators(vec!["E1".into(), "E2".into()]));
    let list: Benchmark = serde_json::from_str(r#"["E1","E2"]"#).expect("list");
    assert_eq!(list, Benchmark::Comparators(vec!["E1".into(), "E2".into()]));
}
