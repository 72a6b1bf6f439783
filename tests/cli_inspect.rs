//! `indicator-lens inspect`: text and JSON reports, exit codes 0 / 1 / 2.

fn run(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = indicator_lens::cli::run(&args, &mut out, &mut err);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

fn sample(path: &str) -> String {
    format!("{}/../shared/samples/{path}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn json_report_shape() {
    let (a, b) = (sample("warwickshire-outcomes-financial-years.csv"), sample("fingertips/ncmp_reception_prev_overweight_dist.csv"));
    let (code, out, _) = run(&["inspect", &a, &b, "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    for key in ["file", "format", "encoding", "delimiter", "rows_read", "observations", "rejected", "warnings"] {
        assert!(files[0].get(key).is_some(), "missing {key}");
    }
    assert_eq!(files[0]["format"], "wide-by-period");
    assert_eq!(files[0]["observations"], 121);
    assert_eq!(files[1]["format"], "fingertips");
    assert_eq!(files[1]["encoding"], "UTF-8 with BOM");
    assert!(files[0]["warnings"].as_array().unwrap().iter().any(|w| w["message"].as_str().unwrap().contains("0.822")));
}

#[test]
fn rejected_entries_have_line_column_reason() {
    let dir = std::env::temp_dir().join(format!("il-inspect-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad-cell.csv");
    std::fs::write(&file, "Indicator,2015,2016\nA,1,oops\n").unwrap();
    let (code, out, _) = run(&["inspect", "--json", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let reject = &v["files"][0]["rejected"][0];
    assert_eq!((reject["line"].as_u64(), reject["column"].as_str()), (Some(2), Some("2016")));
    assert!(reject["reason"].as_str().unwrap().contains("oops"));

    let png = dir.join("chart.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let (code, out, err) = run(&["inspect", png.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("format unreadable"));
    assert!(err.contains("PNG image") && err.contains("nothing usable"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors() {
    assert_eq!(run(&["inspect"]).0, 2);
    assert_eq!(run(&["inspect", "--bogus", "x.csv"]).0, 2);
    assert_eq!(run(&["inspect", "x.csv", "--format"]).0, 2);
    let (code, _, err) = run(&["inspect", "/nonexistent/file.csv"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read"));
    let (code, out, _) = run(&["inspect", &sample("cyp-mental-health-access-trajectory.csv")]);
    assert_eq!(code, 0);
    assert!(out.contains("planned-trajectory") && out.contains("5 planned values"));
}
