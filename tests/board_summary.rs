//! Board summary on the Warwickshire tables: the sentence, the table, the rule, exports and the CLI.

use indicator_lens::chart::render_svg;
use indicator_lens::cli::run;
use indicator_lens::ingest::LoadOptions;
use indicator_lens::session::Session;
use indicator_lens::view::{ViewModel, ViewSpec};

const CALENDAR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/warwickshire-outcomes-calendar-years.csv");

fn spec_with_polarity() -> ViewSpec {
    let mut spec = ViewSpec { view: "board_summary".into(), ..ViewSpec::default() };
    for (name, polarity) in [
        ("Under 18 conceptions per 1000 females aged 15-17", "low"),
        ("Low birth weight of term babies", "low"),
        ("Infant mortality per 1000 live births", "low"),
        ("Physically active adults", "high"),
        ("Physically inactive adults", "low"),
        ("KS4 results, % receiving A*-C in English and Maths GCSE", "high"),
    ] {
        spec.polarity.insert(name.into(), polarity.into());
    }
    spec.indicators = spec.polarity.keys().cloned().collect();
    spec.indicators.push("KS4 results, % receiving A*-C in English and Maths GCSE – eligible for free school meals".into());
    spec
}

#[test]
fn sentence_and_table_by_hand() {
    let mut session = Session::new();
    session.load("warwickshire-outcomes-calendar-years.csv", &std::fs::read(CALENDAR).unwrap(), &LoadOptions::default());
    let output = session.view(&spec_with_polarity()).expect("summary");
    let ViewModel::BoardSummary(view) = &output.model else { panic!() };
    // By hand, latest vs previous year, ±5% threshold:
    //   conceptions 23.4 → 22.9 (−2.1%) same; low birth weight 2.7 → 2.7 same; infant mortality 4.8 → 5.1
    //   (+6.25%, low is good) worse; active 58.2 → 61.2 (+5.2%) better; inactive 28.2 → 24.4 (−13.5%,
    //   low is good) better; KS4 63% → 67% (+6.3%) better; KS4 FSM only 2016: no comparator.
    assert_eq!(view.sentence, "Of 7 indicators, 3 improved, 2 stayed the same, 1 worsened; 1 has no comparator year.");
    assert!(view.rule.contains("5% of the comparator value"));
    let csv = output.table.to_csv();
    assert!(csv.starts_with("Indicator,Area,Latest period,Value,Comparator period,Comparator value,Direction of travel"));
    assert!(csv.contains("Infant mortality per 1000 live births,Warwickshire,2015,5.10,2014,4.80,worsened"), "{csv}");
    let text = view.to_text();
    assert!(text.starts_with(&view.sentence) && text.trim_end().ends_with(&view.rule));
    let svg = render_svg(&output.model, 900, 160).unwrap();
    assert!(svg.contains("3 improved") && svg.contains("Of 7 indicators"));
    let back: ViewModel = serde_json::from_str(&serde_json::to_string(&output.model).unwrap()).unwrap();
    assert_eq!(back, output.model);
}

#[test]
fn off_target_indicators_listed() {
    let mut session = Session::new();
    let schedule = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/healthy-child-programme-kpi-targets.csv");
    let kpi = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/illustrative-hcp-kpi-return.csv");
    for path in [schedule, kpi] {
        session.load(path, &std::fs::read(path).unwrap(), &LoadOptions::default());
    }
    let spec = ViewSpec {
        view: "board_summary".into(),
        area: Some("Illustrative Area".into()),
        indicators: vec!["1a".into(), "2a".into(), "8".into()],
        ..ViewSpec::default()
    };
    let ViewModel::BoardSummary(view) = session.view(&spec).unwrap().model else { panic!() };
    // 2019/20 Q4: 1a 46.6 ≥ 46.0 met; 2a 83.1 not > 84.0; 8 82.5 > 80 met.
    assert_eq!(view.off_target, vec!["Child development by 2.5 years".to_owned()]);
}

#[test]
fn summary_cli_text_and_csv() {
    let call = |args: &[&str]| {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(&args, &mut out, &mut err);
        (code, String::from_utf8_lossy(&out).into_owned())
    };
    let (code, text) = call(&["summary", CALENDAR]);
    assert_eq!(code, 0);
    assert!(text.starts_with("Of 14 indicators, "), "{text}");
    let (code, csv) = call(&["summary", CALENDAR, "--csv", "--threshold", "50"]);
    assert_eq!(code, 0);
    assert_eq!(csv.lines().count(), 15);
    assert!(csv.contains(",stayed the same,") && csv.contains("0.10,increased"), "{csv}");
    assert_eq!(call(&["summary"]).0, 2);
    assert_eq!(call(&["summary", CALENDAR, "--threshold", "x"]).0, 2);
}
