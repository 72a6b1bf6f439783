//! `indicator-lens trend` on real downloads and board-paper tables.

use indicator_lens::cli::run;

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/");

fn cli(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&args, &mut out, &mut err);
    (code, String::from_utf8_lossy(&out).into_owned(), String::from_utf8_lossy(&err).into_owned())
}

#[test]
fn trend_csv_per_series() {
    let file = format!("{SAMPLES}warwickshire-outcomes-calendar-years.csv");
    let (code, out, err) = cli(&["trend", &file]);
    assert_eq!(code, 0, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        &header[..11],
        ["indicator_id", "indicator", "area_code", "area", "sex", "age", "category", "period", "recent_trend", "direction", "comparator_period"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 14);
    let fsm = rows.iter().find(|r| r[1].ends_with("eligible for free school meals")).unwrap();
    assert_eq!((&fsm[7], &fsm[9]), ("2016", "no comparator year"));
    let conceptions = rows.iter().find(|r| r[1].starts_with("Under 18")).unwrap();
    // 23.4 → 22.9 is −2.1%: within the default 5%.
    assert_eq!((&conceptions[7], &conceptions[9], &conceptions[10]), ("2014", "stayed the same", "2013"));
    let (_, out, _) = cli(&["trend", &file, "--threshold", "1"]);
    assert!(out.contains("Under 18 conceptions per 1000 females aged 15-17,E10000031,Warwickshire,,,,2014,Cannot be calculated,decreased,2013"), "{out}");
}

#[test]
fn published_fingertips_labels_reproduced() {
    let file = format!("{SAMPLES}fingertips/ncmp_reception_prev_overweight.csv");
    let (code, out, _) = cli(&["trend", &file]);
    assert_eq!(code, 0);
    assert!(out.lines().skip(1).all(|l| l.contains("Cannot be calculated")));
}

#[test]
fn usage_errors() {
    assert_eq!(cli(&["trend"]).0, 2);
    assert_eq!(cli(&["trend", "x.csv", "--threshold", "abc"]).0, 2);
    assert_eq!(cli(&["trend", "/nonexistent.csv"]).0, 1);
}
