//! `indicator-lens compute` end to end on the package's test inputs, checked against its expected columns.

mod common;

use common::oracle::*;
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
    let (code, rows, _) = compute(&["dsr", "--input", &dsr_in, "--group", "area", "--multiplier", "10000", "--confidence", "0.95,0.998"]);
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

/// Writes `rows` (first row the header) as a CSV in the temp directory and returns its path.
fn temp_csv(name: &str, rows: &[Vec<String>]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("indicator_lens_{name}_{}.csv", std::process::id()));
    let mut w = csv::Writer::from_path(&path).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
    path
}

/// Runs `compute` on an input built in the temp directory, grouped by `case_id`, without --multiplier:
/// every group's multiplier comes from its rows' `multiplier` cells.
fn compute_cases(kind: &str, name: &str, input: &[Vec<String>], levels: &str) -> Vec<HashMap<String, String>> {
    let path = temp_csv(name, input);
    let (code, rows, err) = compute(&[kind, "--input", path.to_str().unwrap(), "--group", "case_id", "--confidence", levels]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 0, "{err}");
    rows
}

fn case<'a>(rows: &'a [HashMap<String, String>], id: &str) -> &'a HashMap<String, String> {
    rows.iter().find(|r| r["case_id"] == id).unwrap_or_else(|| panic!("no output group {id}"))
}

/// Checks one output group against an expected oracle row: `cols` numerically, statistic exactly, and the
/// method where the package computed a value.
fn check_case(w: &mut Worst, got: &HashMap<String, String>, want: &Row, cols: &[&str]) {
    compare(w, got, want, &cols.iter().map(|c| (*c, *c)).collect::<Vec<_>>());
    assert_eq!(got["statistic"], text(want, "statistic"), "{}", got["case_id"]);
    if !num(want, "value").is_nan() {
        assert_eq!(got["method"], text(want, "method"), "{}", got["case_id"]);
    }
}

const TWO_LEVELS: [&str; 5] = ["value", "lower95_0cl", "upper95_0cl", "lower99_8cl", "upper99_8cl"];

#[test]
fn every_oracle_group_with_its_multiplier() {
    let mut groups = 0;
    // Proportions and crude rates: each row of the package's per-row file as a group of one (with the
    // row's multiplier, 1 / 100 / 1e5), and each group of its grouped file (the Area's rows summed, with the
    // grouped file's multiplier in every row of the group).
    for (kind, rows_file, grouped_file) in [
        ("proportion", "xlsx_sheets/testdata_Proportion__testdata_Prop.csv", "xlsx_sheets/testdata_Proportion__testdata_Prop_g.csv"),
        ("rate", "xlsx_sheets/testdata_Rate__testdata_Rate.csv", "xlsx_sheets/testdata_Rate__testdata_Rate_g.csv"),
    ] {
        let mut w = Worst::new(&format!("cli compute {kind} per case"), CLOSED);
        let per_row = read_rows(rows_file);
        let header = ["case_id", "numerator", "denominator", "multiplier"].map(String::from).to_vec();
        let mut input = vec![header.clone()];
        for (k, r) in per_row.iter().enumerate() {
            input.push(vec![format!("row{k}"), text(r, "Numerator").into(), text(r, "Denominator").into(), text(r, "multiplier").into()]);
        }
        let out = compute_cases(kind, &format!("{kind}_rows"), &input, "0.95,0.998");
        for (k, want) in per_row.iter().enumerate() {
            check_case(&mut w, case(&out, &format!("row{k}")), want, &TWO_LEVELS);
            groups += 1;
        }
        let grouped = read_rows(grouped_file);
        let mut input = vec![header];
        for want in &grouped {
            for r in per_row.iter().filter(|r| text(r, "Area") == text(want, "Area")) {
                input.push(vec![text(want, "Area").into(), text(r, "Numerator").into(), text(r, "Denominator").into(), text(want, "multiplier").into()]);
            }
        }
        let out = compute_cases(kind, &format!("{kind}_groups"), &input, "0.95");
        for want in &grouped {
            let got = case(&out, text(want, "Area"));
            check_case(&mut w, got, want, &["value", "lowercl", "uppercl"]);
            groups += 1;
        }
    }
    // DSR: the multiarea areas per 10,000 (results rows 1–3) and per 100,000 (5–7) on ESP2013 (the default
    // standard), and testdata_1976 per 10,000 and 100,000 (rows 4 and 8) on its own ESP1976 column, whose
    // 99.8% columns the package's tests do not use (SOURCES.md).
    let want = read_rows("xlsx_sheets/testdata_DSR_ISR__testresults_DSR.csv");
    let mut w = Worst::new("cli compute dsr per case", CLOSED);
    let multiarea = read_rows("xlsx_sheets/testdata_DSR_ISR__testdata_multiarea.csv");
    let mut input = vec![["case_id", "count", "pop", "multiplier"].map(String::from).to_vec()];
    for m in ["10000", "100000"] {
        for r in &multiarea {
            input.push(vec![format!("{}@{m}", text(r, "area")), text(r, "count").into(), text(r, "pop").into(), m.into()]);
        }
    }
    let out = compute_cases("dsr", "dsr_multiarea", &input, "0.95,0.998");
    for (range, m) in [(0..3, "10000"), (4..7, "100000")] {
        for e in &want[range] {
            let got = case(&out, &format!("{}@{m}", text(e, "area")));
            check_case(&mut w, got, e, &[&["total_count", "total_pop"][..], &TWO_LEVELS[..]].concat());
            groups += 1;
        }
    }
    let esp1976 = read_rows("xlsx_sheets/testdata_DSR_ISR__testdata_1976.csv");
    let mut input = vec![["case_id", "count", "pop", "stdpop", "multiplier"].map(String::from).to_vec()];
    for m in ["10000", "100000"] {
        for r in &esp1976 {
            input.push(vec![format!("1976@{m}"), text(r, "count").into(), text(r, "pop").into(), text(r, "esp1976").into(), m.into()]);
        }
    }
    let out = compute_cases("dsr", "dsr_1976", &input, "0.95,0.998");
    for (row, m) in [(3, "10000"), (7, "100000")] {
        check_case(&mut w, case(&out, &format!("1976@{m}")), &want[row], &["total_count", "total_pop", "value", "lower95_0cl", "upper95_0cl"]);
        groups += 1;
    }
    // ISRate per 100,000 (results rows 1–3) and per 1,000 (4–6); ISR ×1 (7–9) and ×100 (10–12); the
    // reference counts and populations as fields of the input.
    let want = read_rows("xlsx_sheets/testdata_DSR_ISR__testresults_ISR.csv");
    let mut w = Worst::new("cli compute isr/israte per case", CLOSED);
    let isr_in = read_rows("xlsx_sheets/testdata_DSR_ISR__testdata_multiarea_isr.csv");
    for (kind, cases) in [("israte", [(0..3, "100000"), (3..6, "1000")]), ("isr", [(6..9, "1"), (9..12, "100")])] {
        let mut input = vec![["case_id", "count", "pop", "refcount", "refpop", "multiplier"].map(String::from).to_vec()];
        for (_, m) in &cases {
            for r in &isr_in {
                let cells = ["count", "pop", "refcount", "refpop"].map(|c| text(r, c).to_owned());
                input.push([vec![format!("{}@{m}", text(r, "area"))], cells.to_vec(), vec![m.to_string()]].concat());
            }
        }
        let out = compute_cases(kind, kind, &input, "0.95,0.998");
        let lead: &[&str] = if kind == "israte" { &["observed", "expected", "ref_rate"] } else { &["observed", "expected"] };
        for (range, m) in cases {
            for e in &want[range] {
                check_case(&mut w, case(&out, &format!("{}@{m}", text(e, "area"))), e, &[lead, &TWO_LEVELS[..]].concat());
                groups += 1;
            }
        }
    }
    // Means (no multiplier in the package): Area1, Area2 and all 26 values as "No grouping".
    let want = read_rows("xlsx_sheets/testdata_Mean__testdata_Mean_results.csv");
    let mut w = Worst::new("cli compute mean per case", CLOSED);
    let values = read_rows("xlsx_sheets/testdata_Mean__testdata_Mean.csv");
    let mut input = vec![["case_id", "value"].map(String::from).to_vec()];
    for r in &values {
        input.push(vec![text(r, "area").into(), text(r, "values").into()]);
    }
    for r in &values {
        input.push(vec!["No grouping".into(), text(r, "values").into()]);
    }
    let out = compute_cases("mean", "mean_cases", &input, "0.95,0.998");
    for e in &want {
        check_case(&mut w, case(&out, text(e, "area")), e, &[&["value_sum", "value_count", "stdev"][..], &TWO_LEVELS[..]].concat());
        groups += 1;
    }
    assert_eq!(groups, 19 + 11 + 20 + 12 + 8 + 12 + 3);
}

#[test]
fn group_multipliers_that_disagree_or_do_not_apply() {
    let input = |name: &str, rows: &[[&str; 4]]| {
        let mut all = vec![["case_id", "numerator", "denominator", "multiplier"].map(String::from).to_vec()];
        all.extend(rows.iter().map(|r| r.map(String::from).to_vec()));
        temp_csv(name, &all)
    };
    // Group a: two rows with different multipliers, an error unless --multiplier settles it. Group b: a blank
    // cell takes the group's one multiplier, (20 + 30) / 2000 per 100 = 2.5.
    let path = input("rate_mixed", &[["a", "20", "1000", "100"], ["a", "30", "1000", "100000"], ["b", "20", "1000", "100"], ["b", "30", "1000", ""]]);
    let p = path.to_str().unwrap();
    let (code, rows, _) = compute(&["rate", "--input", p, "--group", "case_id"]);
    assert_eq!(code, 0);
    let (a, b) = (case(&rows, "a"), case(&rows, "b"));
    assert_eq!(a["value"], "");
    assert!(a["reason"].contains("different multipliers (100, 100000)"), "{}", a["reason"]);
    assert_eq!((b["value"].as_str(), b["statistic"].as_str()), ("2.5", "rate per 100"));
    let (_, rows, _) = compute(&["rate", "--input", p, "--group", "case_id", "--multiplier", "1000"]);
    assert_eq!((case(&rows, "a")["value"].as_str(), case(&rows, "a")["statistic"].as_str()), ("25", "rate per 1000"));
    // …but a group's own multiplier wins over --multiplier, as a row's own does.
    assert_eq!(case(&rows, "b")["statistic"], "rate per 100");
    let _ = std::fs::remove_file(&path);
    // A bad multiplier cell is the group's (or the row's) reason.
    let path = input("rate_bad_multiplier", &[["a", "20", "1000", "-5"]]);
    for args in [vec!["proportion", "--group", "case_id"], vec!["rate"]] {
        let (_, rows, _) = compute(&[&args[..], &["--input", path.to_str().unwrap()][..]].concat());
        assert!(rows[0]["reason"].contains("multiplier must be positive"), "{}", rows[0]["reason"]);
    }
    let _ = std::fs::remove_file(&path);
    // The mean has no multiplier: asking for one is refused, not ignored.
    let mean = temp_csv(
        "mean_multiplier",
        &[vec!["case_id".into(), "value".into(), "multiplier".into()], vec!["a".into(), "1".into(), "100".into()], vec!["a".into(), "3".into(), "".into()]],
    );
    let (code, rows, _) = compute(&["mean", "--input", mean.to_str().unwrap(), "--group", "case_id"]);
    assert_eq!(code, 0);
    assert!(case(&rows, "a")["reason"].contains("takes no multiplier"), "{}", case(&rows, "a")["reason"]);
    let (code, _, err) = compute(&["mean", "--input", mean.to_str().unwrap(), "--multiplier", "100"]);
    assert_eq!(code, 2);
    assert!(err.contains("takes no multiplier"), "{err}");
    let _ = std::fs::remove_file(&mean);
}

/// The input is read through the ingest, as the page reads a dropped file: a Windows-1252, semicolon-separated
/// export with a title row gives the same results as the plain UTF-8 CSV.
#[test]
fn input_encodings_and_delimiters_as_in_the_page() {
    let dir = std::env::temp_dir().join(format!("indicator_lens_compute_encodings_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plain = dir.join("plain.csv");
    std::fs::write(&plain, "area,numerator,denominator\nSt Helen\u{2019}s,12,100\nHalton,30,120\n").unwrap();
    let excel = dir.join("excel.csv");
    std::fs::write(&excel, b"Table 1: screening uptake\r\n\r\narea;numerator;denominator\r\nSt Helen\x92s;12;100\r\nHalton;30;120\r\n").unwrap();
    let (code, want, err) = compute(&["proportion", "--input", plain.to_str().unwrap(), "--confidence", "0.95,0.998"]);
    assert_eq!(code, 0, "{err}");
    let (code, got, err) = compute(&["proportion", "--input", excel.to_str().unwrap(), "--confidence", "0.95,0.998"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(got, want);
    assert_eq!(got[0]["area"], "St Helen\u{2019}s");
    let (code, grouped, err) = compute(&["rate", "--input", excel.to_str().unwrap(), "--group", "area"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(grouped.len(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}
