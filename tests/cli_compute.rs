//! `indicator-lens compute` end to end on the package's test inputs, checked against its expected columns.

mod stats_support;
use stats_support::*;
use std::collections::HashMap;

/// Runs the CLI; returns (exit code, stdout rows keyed by header, stderr).
fn compute(args: &[&str]) -> (i32, Vec<HashMap<String, String>>, String) {
    let args: Vec<String> = std::iter::once("compute").chain(args.iter().copied()).map(String::from).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = indicator_lens::cli::run(&args, &mut out, &mut err);
    let mut rdr = csv::Reader::from_reader(out.as_slice());
    let headers: Vec<String> = rdr.headers().map(|h| h.iter().map(String::from).collect()).unwrap_or_default();
    let rows = rdr.records().map(|r| headers.iter().cloned().zip(r.unwrap().iter().map(String::from)).collect()).collect();
    (code, rows, String::from_utf8(err).unwrap())
}

fn compare(w: &mut Worst, got: &HashMap<String, String>, want: &Row, cols: &[(&str, &str)]) {
    for (g, e) in cols {
        w.check(num(got, g), num(want, e), g);
    }
}

#[test]
fn proportion_rows_with_two_levels() {
    let input = oracle_path("xlsx_sheets/testdata_Proportion__testdata_Prop.csv");
    let (code, rows, _) = compute(&["proportion", "--input", &input, "--confidence", "0.95,0.998"]);
    assert_eq!(code, 0);
    let want = read_rows("xlsx_sheets/testdata_Proportion__testdata_Prop.csv");
    assert_eq!(rows.len(), want.len());
    let mut w = Worst::new("cli compute proportion", CLOSED);
    for (g, e) in rows.iter().zip(&want) {
        assert_eq!(g["Area"], text(e, "Area"));
        let cols = ["value", "lower95_0cl", "upper95_0cl", "lower99_8cl", "upper99_8cl"];
        compare(&mut w, g, e, &cols.map(|c| (c, c)));
        assert_eq!(g["statistic"], text(e, "statistic"));
        assert_eq!(g["method"], text(e, "method"));
        assert_eq!(g["reason"].is_empty(), !num(e, "value").is_nan());
    }
}

#[test]
fn rate_grouped_one_level() {
    let input = oracle_path("xlsx_sheets/testdata_Rate__testdata_Rate.csv");
    let (code, rows, _) = compute(&["rate", "--input", &input, "--group", "Area", "--multiplier", "1e5", "--confidence", "95"]);
    assert_eq!(code, 0);
    let want = read_rows("xlsx_sheets/testdata_Rate__testdata_Rate_g.csv");
    let mut w = Worst::new("cli compute rate --group", CLOSED);
    for e in &want {
        let g = rows.iter().find(|r| r["Area"] == text(e, "Area")).expect("group row");
        compare(&mut w, g, e, &[("value", "value"), ("lowercl", "lowercl"), ("uppercl", "uppercl")]);
        assert_eq!(g["statistic"], text(e, "statistic"));
        assert_eq!(g["method"], text(e, "method"));
    }
}

#[test]
fn dsr_isr_israte_grouped() {
    let dsr_in = oracle_path("xlsx_sheets/testdata_DSR_ISR__testdata_multiarea.csv");
    let (code, rows, _) =
        compute(&["dsr", "--input", &dsr_in, "--group", "area", "--multiplier", "10000", "--confidence", "0.95,0.998"]);
    assert_eq!(code, 0);
    let want = read_rows("xlsx_sheets/testdata_DSR_ISR__testresults_DSR.csv");
    let mut w = Worst::new("cli compute dsr/isr/israte", CLOSED);
    let cols = ["total_count", "total_pop", "value", "lower95_0cl", "upper95_0cl", "lower99_8cl", "upper99_8cl"];
    for (g, e) in rows.iter().zip(&want[0..3]) {
        assert_eq!(g["area"], text(e, "area"));
        compare(&mut w, g, e, &cols.map(|c| (c, c)));
        assert_eq!(g["statistic"], text(e, "statistic"));
        assert_eq!(g["method"], text(e, "method"));
    }
    let isr_in = oracle_path("xlsx_sheets/testdata_DSR_ISR__testdata_multiarea_isr.csv");
    let want = read_rows("xlsx_sheets/testdata_DSR_ISR__testresults_ISR.csv");
    let cols = ["observed", "expected", "value", "lower95_0cl", "upper95_0cl", "lower99_8cl", "upper99_8cl"];
    for (kind, mult, range) in [("israte", "100000", 0..3), ("isr", "100", 9..12)] {
        let args = ["--input", &isr_in, "--group", "area", "--multiplier", mult, "--confidence", "95,99.8"];
        let (code, rows, _) = compute(&[&[kind][..], &args[..]].concat());
        assert_eq!(code, 0);
        for (g, e) in rows.iter().zip(&want[range]) {
            compare(&mut w, g, e, &cols.map(|c| (c, c)));
            assert_eq!(g["statistic"], text(e, "statistic"));
            assert_eq!(g["method"], text(e, "method"));
        }
    }
}

#[test]
fn mean_grouped() {
    // The package's input names the column `values`; the CLI reads `value`, so rename the header.
    let src = std::fs::read_to_string(oracle_path("xlsx_sheets/testdata_Mean__testdata_Mean.csv")).unwrap();
    let path = std::env::temp_dir().join(format!("indicator_lens_mean_{}.csv", std::process::id()));
    std::fs::write(&path, src.replacen("\"values\"", "\"value\"", 1)).unwrap();
    let (code, rows, _) = compute(&["mean", "--input", path.to_str().unwrap(), "--group", "area", "--confidence", "0.95,0.998"]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 0);
    let want = read_rows("xlsx_sheets/testdata_Mean__testdata_Mean_results.csv");
    let mut w = Worst::new("cli compute mean", CLOSED);
    let cols = ["value_sum", "value_count", "stdev", "value", "lower95_0cl", "upper95_0cl", "lower99_8cl", "upper99_8cl"];
    for (g, e) in rows.iter().zip(&want[0..2]) {
        assert_eq!(g["area"], text(e, "area"));
        compare(&mut w, g, e, &cols.map(|c| (c, c)));
        assert_eq!(g["method"], text(e, "method"));
    }
}

#[test]
fn errors_and_exit_codes() {
    let prop = oracle_path("xlsx_sheets/testdata_Proportion__testdata_Prop.csv");
    for bad in [
        vec!["nonsense", "--input", &prop],
        vec!["proportion"],
        vec!["proportion", "--input", &prop, "--confidence", "0.95,0.99"],
        vec!["proportion", "--input", &prop, "--confidence", "86"],
        vec!["proportion", "--input", &prop, "--bogus"],
        vec!["rate", "--input", &prop, "--multiplier", "-1"],
    ] {
        let (code, _, err) = compute(&bad);
        assert_eq!(code, 2, "{bad:?}");
        assert!(err.contains("usage"), "{err}");
    }
    let (code, _, err) = compute(&["rate", "--input", "/nonexistent/file.csv"]);
    assert_eq!(code, 1);
    assert!(!err.is_empty());
    // A required column missing: the input cannot be used.
    let (code, _, err) = compute(&["dsr", "--input", &prop]);
    assert_eq!(code, 1);
    assert!(err.contains("count"), "{err}");
    // x > n for a proportion: the row keeps its id, empty values and a reason; exit 0.
    let path = std::env::temp_dir().join(format!("indicator_lens_bad_{}.csv", std::process::id()));
    std::fs::write(&path, "id,numerator,denominator\na,5,4\nb,1,0\nc,x,3\n").unwrap();
    let (code, rows, _) = compute(&["proportion", "--input", path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 0);
    assert_eq!(rows.len(), 3);
    assert_eq!((rows[0]["id"].as_str(), rows[0]["value"].as_str()), ("a", ""));
    assert_eq!(rows[0]["reason"], "numerator greater than denominator");
    assert_eq!(rows[1]["reason"], "denominators must be greater than zero");
    assert!(rows[2]["reason"].contains("not a number"));
}
