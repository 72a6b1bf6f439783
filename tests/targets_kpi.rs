//! Contract-year targets: every text of the real KPI schedule parsed, and the illustrative KPI return judged.

use indicator_lens::analysis::series::{series_rows, SeriesKey};
use indicator_lens::analysis::target_rules::{parse_target, Bound, TargetRule};
use indicator_lens::analysis::targets::{evaluate_targets, TargetStatus};
use indicator_lens::cli::run;
use indicator_lens::ingest::LoadOptions;
use indicator_lens::model::{Polarity, Sym};
use indicator_lens::session::Session;
use indicator_lens::view::{ViewModel, ViewSpec};

const SCHEDULE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/healthy-child-programme-kpi-targets.csv");
const RETURN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/illustrative-hcp-kpi-return.csv");

fn session() -> Session {
    let mut session = Session::new();
    for path in [SCHEDULE, RETURN] {
        let report = session.load(path.rsplit('/').next().unwrap(), &std::fs::read(path).unwrap(), &LoadOptions::default());
        assert!(report.error.is_none(), "{path}: {:?}", report.error);
    }
    session
}

#[test]
fn every_schedule_text_is_understood() {
    let session = session();
    let ds = &session.dataset;
    assert_eq!(ds.targets.len(), 56);
    for target in &ds.targets {
        assert_ne!(parse_target(&target.text), TargetRule::Unrecognised, "`{}`", target.text);
    }
    assert_eq!(parse_target("To record in agreement with commissioner"), TargetRule::NoNumericTarget);
    assert_eq!(parse_target("National average"), TargetRule::NationalAverage { bound: Bound::Reach, reference: None });
    assert_eq!(parse_target("<national average"), TargetRule::NationalAverage { bound: Bound::Below, reference: None });
    assert_eq!(
        parse_target("> National average or 5% increase on current baseline whichever is greater"),
        TargetRule::NationalAverageOrIncrease { increase_percent: 5.0 }
    );
    assert_eq!(parse_target("Improvement on previous year (398.9 in 13/14)"), TargetRule::ImprovementOnPreviousYear { reference: Some(398.9) });
    assert_eq!(parse_target("100% with exception reporting"), TargetRule::CompleteWithExceptions);
    assert_eq!(parse_target("<31.5%"), TargetRule::Fixed { bound: Bound::Below, value: 31.5 });
}

fn judged(session: &Session, kpi: &str) -> Vec<(String, TargetStatus, Option<f64>, String)> {
    let ds = &session.dataset;
    let indicator = ds.find_indicator(kpi).expect("kpi");
    let area = ds.find_area_by_name("Illustrative Area").expect("area");
    let key = SeriesKey { indicator, area, sex: Sym(0), age: Sym(0), category_type: Sym(0), category: Sym(0) };
    evaluate_targets(ds, &series_rows(ds, &key), Polarity::Unknown).into_iter().map(|e| (e.period, e.status, e.threshold, e.reason)).collect()
}

#[test]
fn illustrative_return_judged_per_contract_year() {
    let session = session();
    let breastfeeding = judged(&session, "1a");
    assert_eq!(breastfeeding.len(), 14);
    // Year 0 (Oct 2016 – Mar 2017) target 44.0%: 43.1 misses it, 44.6 meets it.
    assert_eq!((breastfeeding[0].1, breastfeeding[0].2), (TargetStatus::NotMet, Some(44.0)));
    assert_eq!(breastfeeding[1].1, TargetStatus::Met);
    // Year 1 (2017/18) 45.0%: Q1 44.2 misses; Year 3+ (2019/20) runs on at 46.0%.
    assert_eq!((breastfeeding[2].1, breastfeeding[2].2), (TargetStatus::NotMet, Some(45.0)));
    assert_eq!(breastfeeding[13].2, Some(46.0));
    // 4a: a suppressed quarter cannot be judged.
    let height = judged(&session, "4a");
    assert_eq!(height[5].1, TargetStatus::NotAssessable);
    assert!(height[5].3.contains("suppressed"));
    // 8: `>34%` strictly above; 2017/18 Q1 55.0 against `>60%` misses.
    let antenatal = judged(&session, "8");
    assert_eq!(antenatal[0].1, TargetStatus::Met);
    assert_eq!((antenatal[2].1, antenatal[2].2), (TargetStatus::NotMet, Some(60.0)));
    // 10: 100% with exception reporting: 2016/17 Q3 97.5% misses, 2017/18 Q1 100% meets.
    let visits = judged(&session, "10");
    assert_eq!(visits[0].1, TargetStatus::NotMet);
    assert_eq!(visits[2].1, TargetStatus::Met);
    // 2a Year 0 `> National average`: 74.1 vs England 75.0 misses, 76.4 vs 75.2 meets.
    let development = judged(&session, "2a");
    assert_eq!((development[0].1, development[0].2), (TargetStatus::NotMet, Some(75.0)));
    assert_eq!(development[1].1, TargetStatus::Met);
    // Year 1: greater of England 75.6 and baseline (2016/17 Q4, 76.4) × 1.05 = 80.22.
    assert!((development[2].2.unwrap() - 76.4 * 1.05).abs() < 1e-9);
}

#[test]
fn trend_view_draws_the_stepped_target() {
    let session = session();
    let spec = ViewSpec { view: "trend".into(), indicator: Some("1a".into()), area: Some("Illustrative Area".into()), ..ViewSpec::default() };
    let output = session.view(&spec).unwrap();
    let ViewModel::Trend(view) = &output.model else { panic!() };
    let steps: Vec<Option<f64>> = view.targets.iter().map(|t| t.value).collect();
    assert_eq!(steps, vec![Some(44.0), Some(45.0), Some(45.5), Some(46.0)]);
    assert!((view.targets[0].from_x - (2016.0 + 9.0 / 12.0)).abs() < 1e-9, "Year 0 starts in October 2016");
    let svg = indicator_lens::chart::render_svg(&output.model, 800, 500).unwrap();
    assert!(svg.contains("Target (per contract year)"));
    assert!(svg.to_uppercase().contains("#DE1B1B"));
}

#[test]
fn targets_cli() {
    let args: Vec<String> = ["targets", RETURN, "--schedule", SCHEDULE].iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(&args, &mut out, &mut err), 0, "{}", String::from_utf8_lossy(&err));
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("indicator_id,indicator,area_code,area,period,value,contract_year,target,rule,threshold,status,reason"));
    assert_eq!(text.lines().count(), 1 + 5 * 14, "England rows are not judged");
    assert!(text.contains("2016/17 Q3,43.1,Year 0 (Oct 2016 - Mar 2017),44.0%"));
    let usage: Vec<String> = ["targets", RETURN].iter().map(|s| s.to_string()).collect();
    assert_eq!(run(&usage, &mut Vec::new(), &mut Vec::new()), 2);
}
