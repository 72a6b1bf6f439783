//! DSR (Dobson, incl. non-independent events), ISR / ISRate and means against the package's test data.

mod common;

use common::oracle::*;
use indicator_lens::stats::*;

const MULTIAREA: &str = "xlsx_sheets/testdata_DSR_ISR__testdata_multiarea.csv";
const D1976: &str = "xlsx_sheets/testdata_DSR_ISR__testdata_1976.csv";
const NONIND: &str = "xlsx_sheets/testdata_DSR_ISR__testdata_nonindepe.csv";
const DSR_RESULTS: &str = "xlsx_sheets/testdata_DSR_ISR__testresults_DSR.csv";
const ISR_RESULTS: &str = "xlsx_sheets/testdata_DSR_ISR__testresults_ISR.csv";
const MULTIAREA_ISR: &str = "xlsx_sheets/testdata_DSR_ISR__testdata_multiarea_isr.csv";
const REFDATA: &str = "xlsx_sheets/testdata_DSR_ISR__refdata.csv";
const LOOKUP: &str = "xlsx_sheets/testdata_DSR_ISR__testdata_multiarea_lookup.csv";
const MEAN: &str = "xlsx_sheets/testdata_Mean__testdata_Mean.csv";
const MEAN_RESULTS: &str = "xlsx_sheets/testdata_Mean__testdata_Mean_results.csv";

fn err(n: u8) -> String {
    format!("xlsx_sheets/testdata_DSR_ISR__testdata_err{n}.csv")
}

/// Rows of `rows` whose `col` equals `key`, in file order.
fn group<'a>(rows: &'a [Row], col: &str, key: &str) -> Vec<&'a Row> {
    rows.iter().filter(|r| text(r, col) == key).collect()
}

fn col(rows: &[&Row], c: &str) -> Vec<f64> {
    rows.iter().map(|r| num(r, c)).collect()
}

fn check_dsr(w: &mut Worst, got: &DsrResult, want: &Row, both_levels: bool, second: Option<&DsrResult>) {
    w.check(got.total_count, num(want, "total_count"), "total_count");
    w.check(got.total_pop, num(want, "total_pop"), "total_pop");
    assert_eq!(got.statistic, text(want, "statistic"));
    assert_eq!(got.method, text(want, "method"));
    w.check(got.estimate.value, num(want, "value"), "value");
    w.check(got.estimate.lower, num(want, "lower95_0cl"), "lower95");
    w.check(got.estimate.upper, num(want, "upper95_0cl"), "upper95");
    if both_levels {
        let s = second.expect("99.8% result");
        w.check(s.estimate.lower, num(want, "lower99_8cl"), "lower99.8");
        w.check(s.estimate.upper, num(want, "upper99_8cl"), "upper99.8");
    }
}

#[test]
fn dsr_matches_package() {
    let data = read_rows(MULTIAREA);
    let results = read_rows(DSR_RESULTS);
    let mut w = Worst::new("dsr (Dobson)", CLOSED);
    for (rows, mult) in [(0..3, 10_000.0), (4..7, 100_000.0)] {
        for want in &results[rows] {
            let g = group(&data, "area", text(want, "area"));
            let (x, n) = (col(&g, "count"), col(&g, "pop"));
            let a = dsr(&x, &n, &ESP2013, 0.95, mult).unwrap();
            let b = dsr(&x, &n, &ESP2013, 99.8, mult).unwrap();
            check_dsr(&mut w, &a, want, true, Some(&b));
        }
    }
    // ESP1976 rows: only the 95% columns are consistent (see SOURCES.md).
    let d76 = read_rows(D1976);
    let all: Vec<&Row> = d76.iter().collect();
    for (i, mult) in [(3, 10_000.0), (7, 100_000.0)] {
        let a = dsr(&col(&all, "count"), &col(&all, "pop"), &col(&all, "esp1976"), 0.95, mult).unwrap();
        check_dsr(&mut w, &a, &results[i], false, None);
    }
}

#[test]
fn dsr_non_independent_matches_package() {
    let data = read_rows(NONIND);
    let results = read_rows(DSR_RESULTS);
    let mut w = Worst::new("dsr_non_independent", CLOSED);
    for want in &results[8..12] {
        let area = text(want, "area");
        let g = group(&data, "area", area);
        // As the package test: frequency 4 is dropped for the dummy, small and tiny areas.
        let freqs: Vec<f64> = if area == "testdata_nonind_big" { vec![1.0, 2.0, 3.0, 4.0] } else { vec![1.0, 2.0, 3.0] };
        let persons: Vec<Vec<f64>> = freqs.iter().map(|f| col(&g, &format!("f{f}"))).collect();
        let pop = col(&g, "pop");
        let a = dsr_non_independent(&freqs, &persons, &pop, &ESP2013, 0.95, 100_000.0).unwrap();
        let b = dsr_non_independent(&freqs, &persons, &pop, &ESP2013, 0.998, 100_000.0).unwrap();
        check_dsr(&mut w, &a, want, true, Some(&b));
    }
}

#[test]
fn dsr_rejects_what_the_package_rejects() {
    let e1 = read_rows(&err(1));
    let r: Vec<&Row> = e1.iter().collect();
    assert_eq!(dsr(&col(&r, "count"), &col(&r, "pop"), &col(&r, "stdpop"), 0.95, 1e5).unwrap_err(), StatsError::NegativeNumerator);
    let e2 = read_rows(&err(2));
    let a1 = group(&e2, "area", "Area1");
    assert_eq!(dsr(&col(&a1, "count"), &col(&a1, "pop"), &ESP2013, 0.95, 1e5).unwrap_err(), StatsError::NonPositiveDenominator);
    let e3 = read_rows(&err(3));
    let r: Vec<&Row> = e3.iter().collect();
    assert_eq!(dsr(&col(&r, "count"), &col(&r, "pop"), &col(&r, "stdpop"), 0.95, 1e5).unwrap_err(), StatsError::NonPositiveDenominator);
    let e4 = read_rows(&err(4));
    let r: Vec<&Row> = e4.iter().collect();
    assert!(dsr(&col(&r, "count"), &col(&r, "pop"), &col(&r, "stdpop"), 0.95, 1e5).is_err());
    // Mismatched band counts and bad confidence are errors too.
    assert!(matches!(dsr(&[1.0; 18], &[10.0; 18], &ESP2013, 0.95, 1e5), Err(StatsError::LengthMismatch { .. })));
    assert!(dsr(&[20.0; 19], &[100.0; 19], &ESP2013, 86.0, 1e5).is_err());
}

#[test]
fn isr_and_israte_match_package() {
    let data = read_rows(MULTIAREA);
    let refs = read_rows(REFDATA);
    let rall: Vec<&Row> = refs.iter().collect();
    let (xref, nref) = (col(&rall, "refcount"), col(&rall, "refpop"));
    let results = read_rows(ISR_RESULTS);
    let mut w = Worst::new("isratio / israte", CLOSED);
    let mut check = |want: &Row, x: &[f64], n: &[f64], xr: &[f64], nr: &[f64], observed: Option<f64>, two: bool| {
        let o = observed.unwrap_or_else(|| x.iter().filter(|v| !v.is_nan()).sum());
        let e = expected_count(n, xr, nr).unwrap();
        w.check(o, num(want, "observed"), "observed");
        w.check(e, num(want, "expected"), "expected");
        let stat = text(want, "statistic");
        let (a, b) = if let Some(m) = stat.strip_prefix("indirectly standardised rate per ") {
            let rr = reference_rate(xr, nr, m.parse().unwrap()).unwrap();
            w.check(rr, num(want, "ref_rate"), "ref_rate");
            (israte(o, e, rr, 0.95).unwrap(), israte(o, e, rr, 0.998).unwrap())
        } else {
            let rv: f64 = stat.strip_prefix("indirectly standardised ratio x ").unwrap().parse().unwrap();
            (isratio(o, e, 95.0, rv).unwrap(), isratio(o, e, 99.8, rv).unwrap())
        };
        assert_eq!(text(want, "method"), rate_method_name(o));
        w.check(a.value, num(want, "value"), "value");
        w.check(a.lower, num(want, "lower95_0cl"), "lower95");
        w.check(a.upper, num(want, "upper95_0cl"), "upper95");
        if two {
            w.check(b.lower, num(want, "lower99_8cl"), "lower99.8");
            w.check(b.upper, num(want, "upper99_8cl"), "upper99.8");
        }
    };
    // Rows 1–12: testdata_multiarea with the reference as vectors.
    for want in &results[0..12] {
        let g = group(&data, "area", text(want, "area"));
        check(want, &col(&g, "count"), &col(&g, "pop"), &xref, &nref, None, true);
    }
    // Rows 7–9 again: reference given as fields, and observed totals from the lookup file.
    let own = read_rows(MULTIAREA_ISR);
    let lookup = read_rows(LOOKUP);
    for want in &results[6..9] {
        let area = text(want, "area");
        let g = group(&own, "area", area);
        check(want, &col(&g, "count"), &col(&g, "pop"), &col(&g, "refcount"), &col(&g, "refpop"), None, true);
        let total = num(group(&lookup, "area", area)[0], "total_count");
        check(want, &[], &col(&g, "pop"), &xref, &nref, Some(total), true);
    }
    // Rows 13–16: testdata_err2 (a zero population is allowed for ISR).
    let e2 = read_rows(&err(2));
    for want in &results[12..16] {
        let g = group(&e2, "area", text(want, "area"));
        check(want, &col(&g, "count"), &col(&g, "pop"), &xref, &nref, None, false);
    }
}

#[test]
fn isr_rejects_what_the_package_rejects() {
    let refs = read_rows(REFDATA);
    let rall: Vec<&Row> = refs.iter().collect();
    let (xref, nref) = (col(&rall, "refcount"), col(&rall, "refpop"));
    // err3: negative population.
    let e3 = read_rows(&err(3));
    let r: Vec<&Row> = e3.iter().collect();
    assert_eq!(expected_count(&col(&r, "pop"), &xref, &nref).unwrap_err(), StatsError::NegativeDenominator);
    // err1: negative observed count.
    let e1 = read_rows(&err(1));
    let r: Vec<&Row> = e1.iter().collect();
    let o: f64 = col(&r, "count").iter().filter(|&&v| v < 0.0).sum();
    assert_eq!(isratio(o, 10.0, 0.95, 1.0).unwrap_err(), StatsError::NegativeNumerator);
    assert!(matches!(expected_count(&[1.0; 19], &xref[..18], &nref), Err(StatsError::LengthMismatch { .. })));
    for c in [0.74, 3.0, 1000.0] {
        assert!(isratio(10.0, 10.0, c, 1.0).is_err());
    }
}

#[test]
fn means_match_package() {
    let data = read_rows(MEAN);
    let mut w = Worst::new("mean_t (Student's t)", CLOSED);
    for want in read_rows(MEAN_RESULTS) {
        let area = text(&want, "area");
        let vals: Vec<f64> = data.iter().filter(|r| area == "No grouping" || text(r, "area") == area).map(|r| num(r, "values")).collect();
        let a = mean_t(&vals, 0.95).unwrap();
        let b = mean_t(&vals, 99.8).unwrap();
        assert_eq!(text(&want, "statistic"), "mean");
        assert_eq!(text(&want, "method"), "Student's t-distribution");
        w.check(a.value_sum, num(&want, "value_sum"), "value_sum");
        w.check(a.value_count as f64, num(&want, "value_count"), "value_count");
        w.check(a.stdev, num(&want, "stdev"), "stdev");
        w.check(a.estimate.value, num(&want, "value"), "value");
        w.check(a.estimate.lower, num(&want, "lower95_0cl"), "lower95");
        w.check(a.estimate.upper, num(&want, "upper95_0cl"), "upper95");
        w.check(b.estimate.lower, num(&want, "lower99_8cl"), "lower99.8");
        w.check(b.estimate.upper, num(&want, "upper99_8cl"), "upper99.8");
    }
    assert!(mean_t(&[1.0], 0.95).is_err());
    assert!(mean_t(&[], 0.95).is_err());
}
