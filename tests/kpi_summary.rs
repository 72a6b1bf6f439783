//! The KPI summary view: Warwickshire tables, a Fingertips download, the monthly sample and a long KPI return.

use indicator_lens::chart::{marks, render_svg};
use indicator_lens::ingest::LoadOptions;
use indicator_lens::session::Session;
use indicator_lens::view::{KpiSummaryView, ViewModel, ViewSpec};

fn sample(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../shared/samples/{path}", env!("CARGO_MANIFEST_DIR"))).expect("sample readable")
}

fn session_of(files: &[&str]) -> Session {
    let mut session = Session::new();
    for file in files {
        let report = session.load(file, &sample(file), &LoadOptions::default());
        assert!(report.observations > 0, "{file} loads");
    }
    session
}

fn kpi(session: &Session, spec: ViewSpec) -> KpiSummaryView {
    match session.view(&ViewSpec { view: "kpi-summary".into(), ..spec }).expect("kpi summary").model {
        ViewModel::KpiSummary(view) => view,
        other => panic!("not a KPI summary: {other:?}"),
    }
}

#[test]
fn warwickshire_tables_summarise_with_a_why_for_every_label() {
    let session = session_of(&["warwickshire-outcomes-financial-years.csv", "warwickshire-outcomes-calendar-years.csv"]);
    let view = kpi(&session, ViewSpec::default());
    assert!(view.rows.len() >= 10, "{} rows", view.rows.len());
    for row in &view.rows {
        let why = &row.why;
        for (label, text) in [
            ("comparison", &why.comparison),
            ("trend", &why.recent_trend),
            ("direction", &why.direction),
            ("target", &why.target_status),
            ("variation", &why.variation),
            ("assurance", &why.assurance),
        ] {
            assert!(!text.trim().is_empty(), "{}: empty why for {label}", row.indicator);
        }
        // One area, no intervals, no England: the blank says why, with the period.
        assert_eq!(row.comparison, "Not compared");
        assert!(why.comparison.starts_with("Not compared: ") && why.comparison.contains(&row.period), "{}", why.comparison);
        assert!(row.variation.is_none() && why.variation.contains("monthly or quarterly"), "{}", why.variation);
    }
    let output = session.view(&ViewSpec { view: "kpi_summary".into(), ..ViewSpec::default() }).unwrap();
    let json = serde_json::to_string(&output.model).unwrap();
    assert_eq!(serde_json::from_str::<ViewModel>(&json).unwrap(), output.model);
    assert!(json.contains("\"view\":\"kpi_summary\""));
    assert!(output.table.header.iter().any(|h| h == "Why (comparison)"));
    let svg = render_svg(&output.model, output.width, output.height).unwrap();
    assert!(svg.contains("Not compared") && svg.contains("n/a"));
    println!("{}", output.table.to_csv());
}

#[test]
fn fingertips_download_comparisons_match_the_published_labels() {
    let session = session_of(&["fingertips/ncmp_reception_prev_overweight.csv"]);
    let view = kpi(&session, ViewSpec::default());
    let dataset = &session.dataset;
    let mut checked = 0;
    for o in dataset.rows() {
        let published = dataset.text(o.published_england);
        if published.is_empty() || !o.value.is_finite() {
            continue;
        }
        let code = &dataset.areas[o.area as usize].code;
        let row = view.rows.iter().find(|r| &r.area_code == code).expect("a row per area");
        assert_eq!(row.comparison, published, "{code}: {}", row.why.comparison);
        if row.comparison == "Worse" || row.comparison == "Better" {
            assert!(row.why.comparison.contains("England") && row.why.comparison.contains("low is good"), "{}", row.why.comparison);
        }
        checked += 1;
    }
    assert!(checked > 50, "{checked} published labels checked");
    assert!(view.polarity_needed.is_empty(), "polarity learnt from the published labels");
    // England itself: the blank says why.
    let england = view.rows.iter().find(|r| r.area_code == "E92000001").unwrap();
    assert!(england.why.comparison.contains("the benchmark is the area itself"));
    // Pooled periods: no recent trend, no SPC icons, each saying why.
    assert!(england.why.recent_trend.contains("single periods"));
    assert!(england.why.variation.contains("multi-year periods"));
    // One area asked for.
    let code = view.rows.iter().find(|r| r.comparison == "Worse").unwrap().area_code.clone();
    let one = kpi(&session, ViewSpec { area: Some(code.clone()), ..ViewSpec::default() });
    assert_eq!(one.rows.len(), 1);
    assert_eq!(one.rows[0].area_code, code);
}

#[test]
fn sort_and_filter() {
    let session = session_of(&["fingertips/ncmp_reception_prev_overweight.csv"]);
    let mut spec = ViewSpec::default();
    spec.kpi.filter.comparison = vec!["worse".into()];
    let worse = kpi(&session, spec.clone());
    assert!(!worse.rows.is_empty() && worse.rows.iter().all(|r| r.comparison == "Worse"));
    assert!(worse.total_rows > worse.rows.len());
    spec.kpi.filter = Default::default();
    spec.kpi.sort = indicator_lens::view::KpiSort::Comparison;
    let sorted = kpi(&session, spec.clone());
    let first_better = sorted.rows.iter().position(|r| r.comparison == "Better").unwrap();
    assert!(sorted.rows[..first_better].iter().all(|r| r.comparison == "Worse" || r.comparison == "Similar"));
    assert_eq!(sorted.rows.last().unwrap().comparison, "Not compared");
    spec.kpi.sort = indicator_lens::view::KpiSort::Value;
    spec.kpi.descending = true;
    let by_value = kpi(&session, spec.clone());
    let values: Vec<f64> = by_value.rows.iter().filter_map(|r| r.value).collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]));
    spec.kpi.filter.text = "derby".into();
    assert!(kpi(&session, spec.clone()).rows.iter().all(|r| r.area_name.to_lowercase().contains("derby")));
    let json: ViewSpec = serde_json::from_str(r#"{"view":"kpi_summary","kpi":{"sort":"variation","filter":{"assurance":["fail"]}}}"#).unwrap();
    assert_eq!(json.kpi.filter.assurance, vec!["fail".to_owned()]);
}

#[test]
fn monthly_sample_icons_equal_hand_worked_limits() {
    let session = session_of(&["eating-disorder-service-monthly-2018-19.csv"]);
    // Total Follow Up: mean 174.333, limits 94.775 – 253.891 (worked by hand in tests/spc_xmr.rs); all common cause.
    let spec = |target: f64, polarity: &str| ViewSpec {
        indicator: Some("Total Follow Up".into()),
        target: Some(target),
        polarity: [("Total Follow Up".to_owned(), polarity.to_owned())].into(),
        ..ViewSpec::default()
    };
    let cases = [(260.0, "high", "fail"), (260.0, "low", "pass"), (90.0, "high", "pass"), (90.0, "low", "fail"), (150.0, "high", "hit_and_miss")];
    for (target, polarity, expected) in cases {
        let view = kpi(&session, spec(target, polarity));
        assert_eq!(view.rows.len(), 1);
        let row = &view.rows[0];
        assert_eq!(row.period, "Mar 2019");
        assert_eq!(serde_json::to_value(row.variation).unwrap(), "common_cause");
        assert_eq!(serde_json::to_value(row.assurance).unwrap(), expected, "{target} {polarity}: {}", row.why.assurance);
        assert!(row.why.variation.contains("within the limits 94.78–253.9"), "{}", row.why.variation);
        assert!(row.why.variation.contains("trial limits"), "12 points: trial limits warned");
    }
    let fail = kpi(&session, spec(260.0, "high"));
    assert!(fail.rows[0].why.assurance.contains("target 260.0 is above the upper limit 253.9"), "{}", fail.rows[0].why.assurance);
    // Without a polarity every measure is listed as needing one, and no icon claims improvement or concern.
    let all = kpi(&session, ViewSpec::default());
    assert_eq!(all.polarity_needed.len(), all.rows.len());
    assert!(all.rows.iter().all(|r| !matches!(
        r.variation,
        Some(indicator_lens::analysis::spc::Variation::SpecialCauseImproving | indicator_lens::analysis::spc::Variation::SpecialCauseConcerning)
    )));
}

/// The long KPI return of the issue: names with commas, ragged spacing, a target and a polarity per row.
fn long_return() -> String {
    let mut csv = String::from("Indicator,Area Code,Area Name,Time period,Value,Target,Polarity\n");
    let months = [
        "Apr 2023", "May 2023", "Jun 2023", "Jul 2023", "Aug 2023", "Sep 2023", "Oct 2023", "Nov 2023", "Dec 2023", "Jan 2024", "Feb 2024", "Mar 2024",
        "Apr 2024", "May 2024", "Jun 2024",
    ];
    let waits = [50.6, 51.2, 49.8, 50.3, 52.0, 51.1, 50.7, 49.9, 50.4, 51.6, 50.2, 49.7, 50.9, 51.3, 58.0];
    for (month, value) in months.iter().zip(waits) {
        csv.push_str(&format!("\"Waiting within 4 weeks, %\",E06000015,Derby,{month},{value},50.0,High is good\n"));
        csv.push_str(&format!(
            "  \"Re-referrals, within 12 months\" , E10000007 ,  \"Derbyshire, County\" ,{month},  {:.1} , 15 ,  Lower is better \n",
            20.0 - value / 10.0
        ));
        csv.push_str(&format!("Face-to-face contacts,E06000015,Derby,{month},{:.0},,sideways\n", value * 3.0));
    }
    csv
}

#[test]
fn long_kpi_return_through_the_cli() {
    let dir = std::env::temp_dir().join(format!("kpi-summary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("kpi-return.csv");
    std::fs::write(&path, long_return()).unwrap();
    let mut session = Session::new();
    let report = session.load("kpi-return.csv", long_return().as_bytes(), &LoadOptions::default());
    assert_eq!(report.observations, 45, "{report:?}");
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert!(report.warnings.iter().any(|w| w.message.contains("polarity `sideways` not understood")), "{:?}", report.warnings);
    let args: Vec<String> = ["view", "kpi-summary", path.to_str().unwrap(), "--json"].iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(indicator_lens::cli::run(&args, &mut out, &mut err), 0, "{}", String::from_utf8_lossy(&err));
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    for row in rows {
        for field in ["indicator", "area_code", "period", "value", "comparison", "recent_trend", "direction", "target_status", "variation", "assurance", "why"]
        {
            assert!(row.get(field).is_some(), "{field} missing in {row}");
        }
        for (label, why) in row["why"].as_object().unwrap() {
            assert!(!why.as_str().unwrap().trim().is_empty(), "{label}: silent blank");
        }
    }
    let wait = rows.iter().find(|r| r["indicator"] == "Waiting within 4 weeks, %").unwrap();
    assert_eq!(wait["area_code"], "E06000015");
    assert_eq!(wait["period"], "Jun 2024");
    assert_eq!(wait["value"], 58.0);
    assert_eq!(wait["target_status"], "met");
    assert_eq!(wait["variation"], "special_cause_improving", "{}", wait["why"]["variation"]);
    assert!(wait["why"]["variation"].as_str().unwrap().contains("above the upper limit"));
    let county = rows.iter().find(|r| r["area_name"] == "Derbyshire, County").unwrap();
    assert_eq!(county["indicator"], "Re-referrals, within 12 months");
    assert_eq!(county["polarity"], "low is good");
    assert_eq!(county["variation"], "special_cause_improving", "low is good and the last point is low");
    assert_eq!(json["polarity_needed"], serde_json::json!(["Face-to-face contacts"]));
    assert!(String::from_utf8_lossy(&err).contains("polarity needed"));
    // --area and the plain command name; CSV without --json.
    let args: Vec<String> = ["kpi-summary", path.to_str().unwrap(), "--area", "E10000007"].iter().map(|s| s.to_string()).collect();
    let mut out = Vec::new();
    assert_eq!(indicator_lens::cli::run(&args, &mut out, &mut Vec::new()), 0);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("\"Derbyshire, County\""));
    let bad: Vec<String> = ["view", "kpi-summary", "--sort", "nonsense", path.to_str().unwrap()].iter().map(|s| s.to_string()).collect();
    assert_eq!(indicator_lens::cli::run(&bad, &mut Vec::new(), &mut Vec::new()), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn annotations_reach_every_chart_table_and_csv_of_their_indicator() {
    let mut session = Session::new();
    session.load("kpi-return.csv", long_return().as_bytes(), &LoadOptions::default());
    let note = indicator_lens::view::Annotation { indicator: "Waiting within 4 weeks, %".into(), period: "Jan 2024".into(), text: "New triage service".into() };
    let spec = ViewSpec { annotations: vec![note], indicator: Some("Waiting within 4 weeks, %".into()), ..ViewSpec::default() };
    for view in ["kpi_summary", "trend", "spc", "compare_areas"] {
        let one = ViewSpec { view: view.into(), ..spec.clone() };
        let output = session.view(&one).unwrap_or_else(|e| panic!("{view}: {e}"));
        assert!(output.table.rows.iter().any(|r| r.iter().any(|c| c == "New triage service") && r.iter().any(|c| c == "Jan 2024")), "{view} table");
        assert!(session.export_csv(&one, 0).unwrap().contains("New triage service"), "{view} CSV");
        let svg = render_svg(&output.model, output.width, output.height).unwrap();
        if view != "compare_areas" && view != "kpi_summary" {
            assert!(svg.contains("New triage service"), "{view} chart shows the note");
        }
        let json = serde_json::to_string(&output.model).unwrap();
        assert_eq!(serde_json::from_str::<ViewModel>(&json).unwrap(), output.model, "{view} round trip");
    }
    // The KPI row's value tooltip lists the note.
    let output = session.view(&ViewSpec { view: "kpi_summary".into(), ..spec.clone() }).unwrap();
    let found = marks(&output.model, output.width, output.height).unwrap();
    assert!(found.iter().any(|m| m.text.contains("Annotation (Jan 2024): New triage service")));
    // The spec (the share state) carries the notes through JSON.
    let back: ViewSpec = serde_json::from_str(&serde_json::to_string(&spec).unwrap()).unwrap();
    assert_eq!(back, spec);
}

#[test]
fn kpi_chart_draws_icons_and_gives_every_cell_a_why_tooltip() {
    let mut session = Session::new();
    session.load("kpi-return.csv", long_return().as_bytes(), &LoadOptions::default());
    let output = session.view(&ViewSpec { view: "kpi_summary".into(), ..ViewSpec::default() }).unwrap();
    let svg = render_svg(&output.model, output.width, output.height).unwrap();
    assert!(svg.contains("<circle"), "icons are drawn shapes");
    std::fs::write(std::env::temp_dir().join("kpi-summary-test.svg"), &svg).unwrap();
    assert!(svg.contains(">\nH\n</text>") || svg.contains(">H</text>"), "the high special-cause letter");
    assert!(!svg.contains('⬆') && !svg.contains('🔵'), "no emoji");
    let found = marks(&output.model, output.width, output.height).unwrap();
    assert_eq!(found.len(), 3 * 10, "ten cells per row");
    assert!(found.iter().any(|m| m.text.starts_with("Special cause (improvement)") || m.text.starts_with("Latest point")));
    assert!(found.iter().any(|m| m.text.contains("\nMet: ")));
    assert!(found.iter().all(|m| !m.text.trim().is_empty()));
    assert!(output.caption.starts_with("KPI summary"));
    assert_eq!(output.polarity_needed, vec!["Face-to-face contacts".to_owned()]);
}

#[test]
fn annotations_and_kpi_settings_survive_a_share_link() {
    use indicator_lens::share::{decode_fragment, encode_fragment, ShareState, LINK_LIMIT};
    let mut spec = ViewSpec { view: "kpi_summary".into(), ..ViewSpec::default() };
    spec.annotations.push(indicator_lens::view::Annotation {
        indicator: "Waiting within 4 weeks, %".into(),
        period: "Jan 2024".into(),
        text: "New triage service".into(),
    });
    spec.kpi.sort = indicator_lens::view::KpiSort::Variation;
    spec.spc_rules.shift_length = 8;
    let state = ShareState { view: "kpi-summary".into(), spec, suppress_below: 0 };
    let fragment = encode_fragment(&state, &[], LINK_LIMIT).unwrap();
    assert_eq!(decode_fragment(&fragment).unwrap().state, state);
}

#[test]
fn units_and_polarity_set_by_the_user_are_used_and_no_longer_asked() {
    let mut session = Session::new();
    session.load("kpi-return.csv", long_return().as_bytes(), &LoadOptions::default());
    let spec = ViewSpec {
        units: [("Face-to-face contacts".to_owned(), "contacts".to_owned())].into(),
        polarity: [("Face-to-face contacts".to_owned(), "high".to_owned())].into(),
        ..ViewSpec::default()
    };
    let view = kpi(&session, spec);
    let row = view.rows.iter().find(|r| r.indicator == "Face-to-face contacts").unwrap();
    assert_eq!(row.unit, "contacts");
    assert_eq!(row.polarity, "high is good");
    assert!(view.polarity_needed.is_empty());
}
