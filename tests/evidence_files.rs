//! What an indicator is, read from the file's own evidence: the level its labels were made at, a crude rate with
//! no "per N" in its name, a count-only return; and that later files never change what an earlier one showed.

mod common;

use common::fingertips_layout::{fingertips_csv, FtRow};
use indicator_lens::analysis::{Benchmark, BenchmarkOptions, Benchmarker, ComparisonSource, ConfidenceLevel};
use indicator_lens::ingest::LoadOptions;
use indicator_lens::model::{EvidenceSource, ValueType};
use indicator_lens::session::Session;
use indicator_lens::stats::{poisson_rate, wilson_proportion};
use indicator_lens::view::{build_view, ViewModel, ViewSpec};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/");

fn session_of(files: &[(&str, Vec<u8>)]) -> Session {
    let mut session = Session::new();
    for (name, bytes) in files {
        let report = session.load(name, bytes, &LoadOptions::default());
        assert!(report.error.is_none() && report.rejected.is_empty() || report.is_usable(), "{name}: {report:?}");
    }
    session
}

/// The MSOA download relabelled by Fingertips' rule (methods §2) on its own 99.8% columns, as a 99.8% indicator's file would be.
fn relabelled_at_99_8() -> Vec<u8> {
    let path = format!("{SAMPLES}fingertips/ncmp_reception_prev_overweight.csv");
    let mut reader = csv::Reader::from_path(&path).expect("sample");
    let headers = reader.headers().expect("header").clone();
    let column = |name: &str| headers.iter().position(|h| h.trim_start_matches('\u{feff}') == name).expect(name);
    let (code, value, lower, upper, england_label, parent_label) = (
        column("Area Code"),
        column("Value"),
        column("Lower CI 99.8 limit"),
        column("Upper CI 99.8 limit"),
        column("Compared to England value or percentiles"),
        column("Compared to parent value or percentiles"),
    );
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    let england: f64 = records.iter().find(|r| &r[code] == "E92000001").expect("England")[value].parse().expect("value");
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&headers).expect("write");
    for record in &records {
        let mut cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if !cells[england_label].is_empty() {
            let (l, u): (f64, f64) = (cells[lower].parse().expect("lower"), cells[upper].parse().expect("upper"));
            // Low is good (the published labels call values below England better).
            cells[england_label] = if u < england {
                "Better"
            } else if l > england {
                "Worse"
            } else {
                "Similar"
            }
            .into();
        }
        cells[parent_label] = String::new();
        writer.write_record(&cells).expect("write");
    }
    writer.into_inner().expect("bytes")
}

#[test]
fn labels_made_at_99_8_are_read_and_reproduced_at_99_8() {
    let session = session_of(&[("epilepsy-like.csv", relabelled_at_99_8())]);
    let indicator = &session.dataset.indicators[0];
    assert_eq!(indicator.level, Some(ConfidenceLevel::P998), "{:?}", indicator.evidence.level);
    let report = &session.reports[0];
    let level_row = report.evidence.iter().find(|e| e.fact == "comparison level").expect("reported");
    assert_eq!((level_row.choice.as_str(), level_row.source.as_str()), ("99.8%", "the published labels"));
    let benchmarker = Benchmarker::new(&session.dataset, BenchmarkOptions::default());
    let (mut judged, mut reproduced) = (0, 0);
    for (row, o) in session.dataset.rows().enumerate() {
        let published = session.dataset.text(o.published_england);
        if published.is_empty() {
            continue;
        }
        judged += 1;
        let outcome = benchmarker.outcome(row);
        assert_eq!(outcome.level, ConfidenceLevel::P998);
        reproduced += usize::from(outcome.comparison.label() == published && !outcome.differs);
    }
    assert_eq!((judged, reproduced), (155, 155));
    // Forced to 95%, the same file disagrees on some rows, and each disagreement is flagged with both labels.
    let at_95 = Benchmarker::new(&session.dataset, BenchmarkOptions { level: Some(ConfidenceLevel::P95), ..Default::default() });
    let flagged: Vec<_> = (0..session.dataset.len()).map(|r| at_95.outcome(r)).filter(|o| o.differs).collect();
    assert!(!flagged.is_empty());
    assert!(flagged.iter().all(|o| o.explanation.contains("differs from the file's published")));
}

/// One indicator's row of a generated download: an estimate printed as Fingertips prints it, with its count and denominator.
fn estimate_row(indicator: (&str, &str), area: (&str, &str, &str), period: &str, e: indicator_lens::stats::Estimate, count: f64, denominator: f64) -> FtRow {
    FtRow {
        indicator_id: indicator.0.into(),
        indicator_name: indicator.1.into(),
        area_code: area.0.into(),
        area_name: area.1.into(),
        area_type: area.2.into(),
        sex: "Persons".into(),
        period: period.into(),
        value: format!("{:.5}", e.value),
        lower95: format!("{:.5}", e.lower),
        upper95: format!("{:.5}", e.upper),
        count: format!("{count}"),
        denominator: format!("{denominator}"),
        ..FtRow::default()
    }
}

/// A crude rate per 10,000 with Byars intervals on the count and no "per N" in its name (as Fingertips' injuries download).
fn crude_rate_download() -> Vec<u8> {
    let indicator = ("90284", "Hospital admissions caused by unintentional and deliberate injuries in children (aged 0-14 years)");
    let row = |area: (&str, &str, &str), count: f64, denominator: f64| {
        estimate_row(indicator, area, "2022/23", poisson_rate(count, denominator, 0.95, 10_000.0).expect("rate"), count, denominator)
    };
    let mut rows = vec![row(("E92000001", "England", "England"), 80_000.0, 9_500_000.0)];
    for i in 0..30u32 {
        let denominator = 20_000.0 + 7_919.0 * f64::from(i);
        let count = (denominator * (0.006 + 0.0004 * f64::from(i % 7))).round();
        let (code, name) = (format!("E060000{:02}", i + 1), format!("Area {i}"));
        rows.push(row((&code, &name, "Upper tier local authorities (post 4/23)"), count, denominator));
    }
    fingertips_csv(&rows).into_bytes()
}

#[test]
fn a_crude_rate_is_read_from_its_numbers_and_draws_a_funnel() {
    let session = session_of(&[("injuries.csv", crude_rate_download())]);
    let indicator = &session.dataset.indicators[0];
    assert_eq!((indicator.value_type, indicator.multiplier), (ValueType::Rate, 10_000.0));
    assert_eq!(indicator.unit, "per 10,000");
    let decision = indicator.evidence.value_type.clone().expect("decided");
    assert_eq!(decision.source, EvidenceSource::Data);
    // At rates near 70 per 10,000 Wilson and Byars intervals agree within a download's precision, so the
    // multiplier decides (×1,000 and above is a rate), and the rule says so.
    assert!(decision.rule.contains("× 10,000 on 31 of 31 rows") && decision.rule.contains("too alike"), "{}", decision.rule);
    let spec: ViewSpec = serde_json::from_str(r#"{"view":"funnel"}"#).expect("spec");
    let ViewModel::Funnel(funnel) = build_view(&session.dataset, &spec).expect("funnel draws") else { panic!("not a funnel") };
    assert_eq!(funnel.points.len(), 30);
}

#[test]
fn a_proportion_with_no_percent_in_its_name_is_read_from_its_wilson_intervals() {
    let indicator = ("92196", "Breastfeeding at 6 to 8 weeks after birth");
    let mut rows = Vec::new();
    for i in 0..20u32 {
        let (count, denominator) = (100.0 + 13.0 * f64::from(i), 900.0 + 50.0 * f64::from(i));
        let e = wilson_proportion(count, denominator, 0.95, 100.0).expect("wilson");
        let (code, name) = (format!("E060001{i:02}"), format!("Area {i}"));
        rows.push(estimate_row(indicator, (&code, &name, "Upper tier local authorities (post 4/23)"), "2023/24", e, count, denominator));
    }
    let session = session_of(&[("breastfeeding.csv", fingertips_csv(&rows).into_bytes())]);
    let indicator = &session.dataset.indicators[0];
    assert_eq!((indicator.value_type, indicator.multiplier, indicator.unit.as_str()), (ValueType::Proportion, 100.0, "%"));
    assert!(indicator.evidence.value_type.as_ref().is_some_and(|d| d.rule.contains("Wilson score intervals on 20 of 20 rows")));
    let spec: ViewSpec = serde_json::from_str(r#"{"view":"funnel"}"#).expect("spec");
    assert!(matches!(build_view(&session.dataset, &spec), Ok(ViewModel::Funnel(_))));
}

/// A download with no England row: every label it published is shown, marked as published, not "Not compared".
#[test]
fn a_compare_areas_export_without_england_shows_the_published_labels() {
    let text = String::from_utf8(std::fs::read(format!("{SAMPLES}fingertips/ncmp_reception_prev_overweight_dist.csv")).expect("sample")).expect("utf-8");
    let without_england: String = text.lines().filter(|l| !l.contains("\"E92000001\",\"England\",\"England\"")).map(|l| format!("{l}\n")).collect();
    let session = session_of(&[("no-england.csv", without_england.into_bytes())]);
    let benchmarker = Benchmarker::new(&session.dataset, BenchmarkOptions { benchmark: Benchmark::England, ..Default::default() });
    let mut shown = 0;
    for (row, o) in session.dataset.rows().enumerate() {
        let published = session.dataset.text(o.published_england);
        if published.is_empty() {
            continue;
        }
        let outcome = benchmarker.outcome(row);
        assert_eq!(outcome.comparison.label(), published);
        assert_eq!(outcome.source, ComparisonSource::Published);
        assert!(outcome.explanation.contains("cannot be recomputed here"), "{}", outcome.explanation);
        shown += 1;
    }
    assert_eq!(shown, 11);
}

/// Every shared sample alone, then all together: no label, area type or parent of a row changes.
#[test]
fn loading_every_sample_together_changes_nothing_each_shows_alone() {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for dir in ["", "fingertips/"] {
        let mut names: Vec<String> = std::fs::read_dir(format!("{SAMPLES}{dir}"))
            .expect("samples")
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .filter(|n| n.ends_with(".csv"))
            .collect();
        names.sort();
        for name in names {
            files.push((name.clone(), std::fs::read(format!("{SAMPLES}{dir}{name}")).expect("sample")));
        }
    }
    assert!(files.len() >= 13, "{} samples", files.len());
    type Facts = std::collections::BTreeMap<(String, u32, String), (String, String, String)>;
    let facts = |session: &Session, file: &str| -> Facts {
        let mut out = Facts::new();
        for benchmark in [Benchmark::England, Benchmark::Parent] {
            let benchmarker = Benchmarker::new(&session.dataset, BenchmarkOptions { benchmark: benchmark.clone(), ..Default::default() });
            for (row, o) in session.dataset.rows().enumerate() {
                if session.dataset.text(o.file) != file {
                    continue;
                }
                let area_type = indicator_lens::analysis::area_types::row_area_type(&session.dataset, o).into_owned();
                // The parent as the row (or its area's record) names it, whether or not that parent is loaded.
                let own_parent = session.dataset.text(o.parent);
                let parent = if own_parent.is_empty() { session.dataset.areas[o.area as usize].parent_code.clone() } else { own_parent.to_owned() };
                let key =
                    (format!("{file} {benchmark:?} {}", session.dataset.areas[o.area as usize].key()), o.line, session.dataset.text(o.category).to_owned());
                out.insert(key, (benchmarker.outcome(row).comparison.label().to_owned(), area_type, parent));
            }
        }
        out
    };
    let refs: Vec<(&str, Vec<u8>)> = files.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    let together = session_of(&refs);
    for (name, bytes) in &files {
        let alone = session_of(&[(name.as_str(), bytes.clone())]);
        let (a, t) = (facts(&alone, name), facts(&together, name));
        // A row another file gives again (same indicator, area, period, breakdown) is replaced by the later file,
        // and the report counts it: those are the only rows allowed to be missing.
        let missing = a.keys().filter(|k| !t.contains_key(*k)).count();
        let replaced: u64 = together.reports.iter().map(|r| r.replaced).sum();
        assert!(missing as u64 <= 2 * replaced, "{name}: {missing} rows missing, {replaced} replacements reported");
        let changed: Vec<String> = a
            .iter()
            .filter(|(k, _)| t.contains_key(*k))
            .filter(|(k, v)| t.get(*k) != Some(*v))
            .map(|(k, v)| format!("{k:?}: alone {v:?}, together {:?}", t.get(k)))
            .collect();
        assert!(changed.is_empty(), "{name}: {} rows changed: {:#?}", changed.len(), &changed[..changed.len().min(10)]);
    }
}

/// A value type chosen in the page (carried by the spec) lies over the evidence, says so, and can be taken back.
#[test]
fn a_chosen_value_type_is_the_users_and_can_be_taken_back() {
    let bytes = std::fs::read(format!("{SAMPLES}fingertips/ncmp_reception_prev_overweight_dist.csv")).expect("sample");
    let mut session = session_of(&[("dist.csv", bytes)]);
    let spec: ViewSpec = serde_json::from_str(r#"{"view":"funnel","value_types":{"93106":"Rate"}}"#).expect("spec");
    session.choose_value_types(&spec.value_types);
    let indicator = &session.dataset.indicators[0];
    assert_eq!(indicator.value_type, ValueType::Rate);
    let decision = indicator.evidence.value_type.clone().expect("decided");
    assert_eq!(decision.source, EvidenceSource::User);
    assert!(decision.rule.contains("the files' evidence said: percentage"), "{}", decision.rule);
    session.choose_value_types(&Default::default());
    assert_eq!(session.dataset.indicators[0].value_type, ValueType::Proportion);
    assert_ne!(session.dataset.indicators[0].evidence.value_type.as_ref().map(|d| d.source), Some(EvidenceSource::User));
}

/// A single-period download cannot be trended here, so the trend it published is shown, marked as published.
#[test]
fn a_published_trend_is_shown_where_the_series_cannot_be_tested() {
    let text = String::from_utf8(std::fs::read(format!("{SAMPLES}fingertips/ncmp_reception_prev_overweight_dist.csv")).expect("sample")).expect("utf-8");
    let text = text.replace("\"Cannot be calculated\"", "\"Decreasing and getting better\"");
    let session = session_of(&[("dist.csv", text.into_bytes())]);
    let spec: ViewSpec = serde_json::from_str(r#"{"view":"trend","area":"E07000095"}"#).expect("spec");
    let ViewModel::Trend(view) = session.view(&spec).expect("trend").model else { panic!("not a trend") };
    let broxbourne = view.series.iter().find(|s| s.area_name == "Broxbourne").expect("series");
    assert_eq!(broxbourne.recent_trend.label(), "Decreasing and getting better");
    assert!(broxbourne.recent_trend_reason.starts_with("published by the file"), "{}", broxbourne.recent_trend_reason);
}
