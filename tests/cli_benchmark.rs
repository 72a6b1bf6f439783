//! `indicator-lens benchmark` end to end on the real Fingertips downloads.

use indicator_lens::cli::run;

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/fingertips/");

fn benchmark(args: &[&str]) -> (i32, String, String) {
    let mut full = vec!["benchmark".to_owned()];
    full.extend(args.iter().map(|a| a.to_string()));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&full, &mut out, &mut err);
    (code, String::from_utf8_lossy(&out).into_owned(), String::from_utf8_lossy(&err).into_owned())
}

fn sample(name: &str) -> String {
    format!("{SAMPLES}{name}")
}

fn records(csv: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(csv.as_bytes()).records().map(|r| r.expect("record")).collect()
}

#[test]
fn england_comparison_as_csv_matches_the_published_labels() {
    let (code, out, err) = benchmark(&[&sample("ncmp_reception_prev_overweight_dist.csv")]);
    assert_eq!(code, 0, "{err}");
    let header = out.lines().next().expect("header");
    assert_eq!(
        header,
        "indicator_id,indicator,area_code,area,period,sex,age,category,value,lower_ci,upper_ci,benchmark_value,comparison,comparison_source,level,published,differs_from_published,reason"
    );
    let rows = records(&out);
    assert_eq!(rows.len(), 12);
    let herts = rows.iter().find(|r| &r[2] == "E10000015").expect("Hertfordshire");
    assert_eq!((&herts[12], &herts[13]), ("Better", "published interval"));
    assert_eq!(&herts[11], "22.27767");
    let england = rows.iter().find(|r| &r[2] == "E92000001").expect("England");
    assert_eq!(&england[12], "Not compared");
    let broxbourne = rows.iter().find(|r| &r[2] == "E07000095").expect("Broxbourne");
    assert_eq!(&broxbourne[12], "Similar");
}

#[test]
fn parent_level_polarity_and_comparator_file() {
    let dir = std::env::temp_dir().join(format!("indicator-lens-cli-benchmark-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let polarity = dir.join("polarity.csv");
    std::fs::write(&polarity, "indicator,polarity\n93106,none\n").expect("write");
    let (code, out, err) = benchmark(&[
        &sample("ncmp_reception_prev_overweight_dist.csv"),
        "--against",
        "parent",
        "--level",
        "99.8",
        "--polarity",
        polarity.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code, 0, "{err}");
    let rows = records(&out);
    let labels: Vec<&str> = rows.iter().map(|r| &r[12]).collect();
    assert!(labels.iter().all(|l| ["Higher", "Lower", "Similar", "Not compared"].contains(l)), "{labels:?}");
    let broxbourne = rows.iter().find(|r| &r[2] == "E07000095").expect("Broxbourne");
    assert_eq!(&broxbourne[9], "19.6872", "99.8% lower limit");
    assert_eq!(&broxbourne[11], "19.3323", "Hertfordshire's value");

    let codes = dir.join("codes.txt");
    std::fs::write(&codes, "E07000095\nE07000098\n").expect("write");
    let (code, out, err) = benchmark(&[&sample("ncmp_reception_prev_overweight_dist.csv"), "--against", codes.to_str().unwrap_or_default()]);
    assert_eq!(code, 0, "{err}");
    let rows = records(&out);
    let herts = rows.iter().find(|r| &r[2] == "E10000015").expect("Hertfordshire");
    let average = (21.8101 + 21.2025) / 2.0;
    let benchmark: f64 = herts[11].parse().expect("number");
    assert!((benchmark - average).abs() < 1e-9, "counts are absent, so the group average: {benchmark}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_and_input_errors() {
    assert_eq!(benchmark(&[]).0, 2);
    assert_eq!(benchmark(&["x.csv", "--level", "90"]).0, 2);
    assert_eq!(benchmark(&["x.csv", "--bogus"]).0, 2);
    let (code, _, err) = benchmark(&["/nonexistent/file.csv"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read"));
}

/// Every shared sample: the CLI's labels are the session's (the page's) labels, row for row.
#[test]
fn cli_and_session_give_the_same_labels_on_every_shared_sample() {
    use indicator_lens::analysis::{BenchmarkOptions, Benchmarker};
    use indicator_lens::ingest::LoadOptions;
    use indicator_lens::session::Session;
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/");
    let mut paths: Vec<String> = Vec::new();
    for dir in ["", "fingertips/"] {
        for entry in std::fs::read_dir(format!("{root}{dir}")).expect("samples").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".csv") {
                paths.push(format!("{root}{dir}{name}"));
            }
        }
    }
    paths.sort();
    let mut compared = 0;
    for path in &paths {
        let (_, out, _) = benchmark(&[path]);
        if out.is_empty() {
            continue; // a file with no observations (a target schedule): nothing to compare
        }
        let cli = records(&out);
        let mut session = Session::new();
        let name = path.rsplit('/').next().expect("name");
        session.load(name, &std::fs::read(path).expect("sample"), &LoadOptions::default());
        let benchmarker = Benchmarker::new(&session.dataset, BenchmarkOptions::default());
        assert_eq!(cli.len(), session.dataset.len(), "{path}");
        for (row, record) in cli.iter().enumerate() {
            let outcome = benchmarker.outcome(row);
            assert_eq!(&record[12], outcome.comparison.label(), "{path} row {row}");
            assert_eq!(&record[14], outcome.level.text(), "{path} row {row}");
            compared += 1;
        }
    }
    assert!(compared > 400, "{compared} rows compared");
}

/// A count-only return (no value, no interval): the CLI computes Wilson intervals as the page does and compares.
#[test]
fn count_only_file_is_compared_in_the_cli_as_in_the_page() {
    let dir = std::env::temp_dir().join(format!("il-count-only-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("counts.csv");
    let mut text =
        String::from("Area Code,Area Name,Indicator,Period,Numerator,Denominator\nE92000001,England,Breastfeeding at 6-8 weeks (%),2023/24,300000,600000\n");
    for (i, (count, denominator)) in [(300, 1000), (480, 1000), (520, 1000), (700, 1000)].iter().enumerate() {
        text.push_str(&format!("E0600000{},Area {i},Breastfeeding at 6-8 weeks (%),2023/24,{count},{denominator}\n", i + 1));
    }
    std::fs::write(&path, text).expect("write");
    let (code, out, err) = benchmark(&[path.to_str().expect("path")]);
    assert_eq!(code, 0, "{err}");
    let labels: Vec<String> = records(&out).iter().skip(1).map(|r| r[12].to_owned()).collect();
    assert_eq!(labels, ["Lower", "Similar", "Similar", "Higher"]);
    assert!(records(&out).iter().skip(1).all(|r| &r[13] == "computed interval"));
    let _ = std::fs::remove_dir_all(&dir);
}
