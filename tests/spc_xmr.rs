//! SPC (XmR) on the eating-disorder monthly sample against hand-worked limits, and on generated series.

use indicator_lens::analysis::spc::{spc, Assurance, Improvement, SpcOptions, Variation};
use indicator_lens::chart::render_svg;
use indicator_lens::ingest::LoadOptions;
use indicator_lens::session::Session;
use indicator_lens::stats::SpecialCauseRule;
use indicator_lens::view::{ViewModel, ViewSpec};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/eating-disorder-service-monthly-2018-19.csv");

fn session() -> Session {
    let mut session = Session::new();
    session.load("eating-disorder-service-monthly-2018-19.csv", &std::fs::read(SAMPLE).unwrap(), &LoadOptions::default());
    session
}

fn spc_of(session: &Session, spec: ViewSpec) -> indicator_lens::view::SpcView {
    match session.view(&ViewSpec { view: "spc".into(), ..spec }).expect("spc view").model {
        ViewModel::Spc(view) => view,
        other => panic!("not spc: {other:?}"),
    }
}

/// The textbook XmR limits, written out plainly: mean, mean moving range (screened once), ± 2.66 × MR̄.
fn textbook(values: &[f64]) -> (f64, f64, f64) {
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let mut ranges = Vec::new();
    for i in 1..values.len() {
        ranges.push((values[i] - values[i - 1]).abs());
    }
    let first = ranges.iter().sum::<f64>() / ranges.len() as f64;
    let kept: Vec<f64> = ranges.into_iter().filter(|r| *r < 3.267 * first).collect();
    let mr = kept.iter().sum::<f64>() / kept.len() as f64;
    (mean, mean - 2.66 * mr, mean + 2.66 * mr)
}

#[test]
fn sample_follow_ups_against_hand_worked_limits() {
    let session = session();
    let view = spc_of(&session, ViewSpec { indicator: Some("Total Follow Up".into()), ..ViewSpec::default() });
    let raw = [145.0, 193.0, 227.0, 211.0, 160.0, 177.0, 180.0, 188.0, 129.0, 175.0, 145.0, 162.0];
    // By hand: Σ = 2092, mean = 174.333; moving ranges 48 34 16 51 17 3 8 59 46 30 17, Σ = 329, MR̄ = 29.909
    // (none ≥ 3.267 × 29.909 = 97.7); limits 174.333 ± 79.558 = 94.775 … 253.891.
    assert!((174.3333f64 - 2092.0 / 12.0).abs() < 1e-3 && (29.909f64 - 329.0 / 11.0).abs() < 1e-3);
    let (mean, lower, upper) = textbook(&raw);
    assert!((upper - 253.891).abs() < 1e-3 && (lower - 94.775).abs() < 1e-3);
    assert_eq!(view.points.len(), 12);
    for (point, value) in view.points.iter().zip(raw) {
        assert_eq!(point.value, value);
        assert!((point.mean - mean).abs() < 1e-9 && (point.upper - upper).abs() < 1e-9 && (point.lower - lower).abs() < 1e-9);
        // No point beyond a limit, no 2σ pair (227 < 227.37), no run of 7: all common cause.
        assert_eq!(point.variation, Variation::CommonCause, "{}", point.period);
    }
    assert_eq!(view.points[0].period, "Apr 2018");
    assert!(view.warnings.iter().any(|w| w.contains("trial limits")), "12 points < 13");
    let svg = render_svg(&ViewModel::Spc(view.clone()), 800, 500).unwrap();
    assert!(svg.contains("Variation (latest point): common cause variation") && svg.contains("Warning: group 1 has 12 points"));
}

#[test]
fn sample_dna_rate_with_ocr_split_values_and_rebase() {
    let session = session();
    let view = spc_of(&session, ViewSpec { indicator: Some("% DNA or WNB".into()), ..ViewSpec::default() });
    // `4.6 2`, `2.1 1`, `3.5 0` are read as 4.62, 2.11, 3.50.
    let raw = [5.39, 6.64, 5.18, 4.62, 5.11, 5.18, 2.11, 6.05, 2.63, 3.50, 4.32, 4.42];
    let (mean, lower, upper) = textbook(&raw);
    for (point, value) in view.points.iter().zip(raw) {
        assert!((point.value - value).abs() < 1e-12);
        assert!((point.mean - mean).abs() < 1e-9 && (point.upper - upper).abs() < 1e-9 && (point.lower - lower).abs() < 1e-9);
    }
    let rebased = spc_of(&session, ViewSpec { indicator: Some("% DNA or WNB".into()), rebase: vec!["Oct 2018".into()], ..ViewSpec::default() });
    let (second_mean, _, _) = textbook(&raw[6..]);
    assert_eq!(rebased.points[6].group, 1);
    assert!((rebased.points[11].mean - second_mean).abs() < 1e-9);
    assert!((rebased.points[0].mean - textbook(&raw[..6]).0).abs() < 1e-9);
}

fn options(improvement: Improvement) -> SpcOptions {
    SpcOptions { improvement, screen_outliers: true, ..SpcOptions::default() }
}

#[test]
fn generated_spike_shift_and_trend() {
    // Spike: 10/12 alternating (mean 11.9 with the spike, MR̄ 2 after screening the two 20s), one 30 → above the upper limit; with "decrease" it is concerning.
    let mut spike: Vec<f64> = (0..20).map(|i| if i % 2 == 0 { 10.0 } else { 12.0 }).collect();
    spike[15] = 30.0;
    let result = spc(&spike, &options(Improvement::Decrease)).unwrap();
    assert_eq!(result.points[15].rule, Some(SpecialCauseRule::AboveUpperLimit));
    assert_eq!(result.points[15].variation, Variation::SpecialCauseConcerning);
    assert_eq!(result.points.iter().filter(|p| p.rule.is_some()).count(), 1);

    // Shift: 9/11 alternating (10 points) then 8 points at 10.5/10.6, all above the overall mean 10.244.
    let mut shift: Vec<f64> = (0..10).map(|i| if i % 2 == 0 { 9.0 } else { 11.0 }).collect();
    shift.extend([10.5, 10.6, 10.5, 10.6, 10.5, 10.6, 10.5, 10.6]);
    let result = spc(&shift, &options(Improvement::Increase)).unwrap();
    let rules: Vec<_> = result.points.iter().map(|p| p.rule).collect();
    assert!(rules[10..].iter().all(|r| *r == Some(SpecialCauseRule::ShiftAbove)), "{rules:?}");
    assert!(rules[..9].iter().all(Option::is_none), "{rules:?}");
    assert_eq!(result.variation_icon, Variation::SpecialCauseImproving);

    // Trend: 9, 10 … 15 (7 rising points) amid 10/14 noise; mean 11.875, MR̄ 44/15, limits 4.07 … 19.68.
    let trend = [10.0, 14.0, 10.0, 14.0, 10.0, 14.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 10.0, 14.0, 10.0];
    let result = spc(&trend, &options(Improvement::Neutral)).unwrap();
    for (i, p) in result.points.iter().enumerate() {
        let expected = if (6..=12).contains(&i) { Some(SpecialCauseRule::TrendIncreasing) } else { None };
        assert_eq!(p.rule, expected, "point {i}");
    }
    assert_eq!(result.points[8].variation, Variation::SpecialCauseNeutral);
    assert!(result.warnings.is_empty(), "16 points: no trial warning");

    // Two in three beyond 2σ on one side: limits from a fixed 12-point baseline of 10/12 alternation
    // (mean 11, MR̄ 2, 2σ at 14.55, 3σ at 16.32); then 11.5, 15, 15.5 (all above the mean): the two in-band points are flagged.
    let mut two: Vec<f64> = (0..12).map(|i| if i % 2 == 0 { 10.0 } else { 12.0 }).collect();
    two.extend([11.5, 15.0, 15.5]);
    let fixed = SpcOptions { baseline_points: Some(12), ..options(Improvement::Increase) };
    let result = spc(&two, &fixed).unwrap();
    assert!((result.points[0].limits.upper_near - (11.0 + 2.66 * 2.0 * 2.0 / 3.0)).abs() < 1e-9);
    assert_eq!(result.points[13].rule, Some(SpecialCauseRule::TwoInThreeAbove));
    assert_eq!(result.points[14].rule, Some(SpecialCauseRule::TwoInThreeAbove));
    assert_eq!(result.points[12].rule, None);
    // Target 20 above the upper limit with "increase": consistently fail.
    let with_target = SpcOptions { target: Some(20.0), ..fixed };
    assert_eq!(spc(&two, &with_target).unwrap().assurance, Assurance::Fail);
    assert!(spc(&two, &SpcOptions { baseline_points: Some(5), ..options(Improvement::Increase) }).is_err());
}

#[test]
fn spc_view_round_trips() {
    let session = session();
    let spec = ViewSpec {
        view: "spc".into(),
        indicator: Some("No Of Referrals".into()),
        target: Some(8.0),
        improvement: Some("increase".into()),
        ..ViewSpec::default()
    };
    let output = session.view(&spec).unwrap();
    let back: ViewModel = serde_json::from_str(&serde_json::to_string(&output.model).unwrap()).unwrap();
    assert_eq!(back, output.model);
    let json = serde_json::to_string(&output.model).unwrap();
    assert!(json.contains("\"view\":\"spc\"") && json.contains("\"assurance\":\"hit_and_miss\""), "{json}");
}

#[test]
fn spc_cli() {
    let args: Vec<String> =
        ["spc", SAMPLE, "--indicator", "Total Follow Up", "--improvement", "increase", "--target", "300"].iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(indicator_lens::cli::run(&args, &mut out, &mut err), 0, "{}", String::from_utf8_lossy(&err));
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("indicator,area,period,value,mean,lower_limit,upper_limit,lower_2sigma,upper_2sigma,rule,variation,assurance"));
    assert_eq!(text.lines().count(), 13);
    assert!(text.lines().nth(1).unwrap().contains("Apr 2018,145,") && text.contains("common_cause,fail"));
    assert!(String::from_utf8_lossy(&err).contains("trial limits"));
    let bad: Vec<String> = ["spc", SAMPLE, "--target", "x"].iter().map(|s| s.to_string()).collect();
    assert_eq!(indicator_lens::cli::run(&bad, &mut Vec::new(), &mut Vec::new()), 2);
}
