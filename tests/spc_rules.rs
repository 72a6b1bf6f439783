//! SPC on generated series with known spikes, trends, two-in-three runs, shifts and targets: each rule and each
//! icon under both polarities, the rule settings, the reasons, the suggested rebase and trial limits.

use indicator_lens::analysis::spc::{spc, Assurance, Improvement, SpcOptions, Variation};
use indicator_lens::ingest::LoadOptions;
use indicator_lens::session::Session;
use indicator_lens::stats::{SpcRules, SpecialCauseRule};
use indicator_lens::view::{SpcView, ViewModel, ViewSpec};

/// 9, 11, 9, 11 …: mean 10, every moving range 2.
fn alternating(n: usize) -> Vec<f64> {
    (0..n).map(|i| if i % 2 == 0 { 9.0 } else { 11.0 }).collect()
}

fn with(mut base: Vec<f64>, tail: &[f64]) -> Vec<f64> {
    base.extend_from_slice(tail);
    base
}

/// The mirror image about 10: above becomes below, rising becomes falling.
fn mirrored(values: &[f64]) -> Vec<f64> {
    values.iter().map(|v| 20.0 - v).collect()
}

fn run(values: &[f64], improvement: Improvement, rules: SpcRules) -> indicator_lens::analysis::spc::SpcResult {
    spc(values, &SpcOptions { improvement, screen_outliers: true, rules, ..SpcOptions::default() }).expect("spc")
}

/// Textbook XmR limits: mean, MR̄ screened once at 3.267 × MR̄, ± 2.66 × MR̄.
fn textbook(values: &[f64]) -> (f64, f64, f64) {
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let ranges: Vec<f64> = values.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
    let first = ranges.iter().sum::<f64>() / ranges.len() as f64;
    let kept: Vec<f64> = ranges.iter().copied().filter(|r| *r < 3.267 * first).collect();
    let mr = kept.iter().sum::<f64>() / kept.len() as f64;
    (mean, mean - 2.66 * mr, mean + 2.66 * mr)
}

#[test]
fn each_rule_and_variation_icon_under_both_polarities() {
    use SpecialCauseRule::*;
    // (series ending in the special cause, the rule its last point shows, the side: +1 high, −1 low)
    let spike = with(alternating(15), &[20.0]);
    let rising = with(alternating(10), &[8.0, 8.5, 9.0, 9.5, 10.0, 10.5, 11.0]);
    let two_in_three = with(alternating(12), &[15.5, 12.0, 15.5]);
    let shift = with(alternating(8), &[10.8, 11.2, 10.8, 11.2, 10.8, 11.2, 10.8]);
    let cases: Vec<(Vec<f64>, Option<SpecialCauseRule>)> = vec![
        (spike.clone(), Some(AboveUpperLimit)),
        (mirrored(&spike), Some(BelowLowerLimit)),
        (rising.clone(), Some(TrendIncreasing)),
        (mirrored(&rising), Some(TrendDecreasing)),
        (two_in_three.clone(), Some(TwoInThreeAbove)),
        (mirrored(&two_in_three), Some(TwoInThreeBelow)),
        (shift.clone(), Some(ShiftAbove)),
        (mirrored(&shift), Some(ShiftBelow)),
        (alternating(16), None),
    ];
    for (values, rule) in cases {
        let (mean, lower, upper) = textbook(&values);
        for improvement in [Improvement::Increase, Improvement::Decrease, Improvement::Neutral] {
            let result = run(&values, improvement, SpcRules::default());
            let last = result.points.last().unwrap();
            assert!((last.limits.mean - mean).abs() < 1e-9 && (last.limits.lower - lower).abs() < 1e-9 && (last.limits.upper - upper).abs() < 1e-9);
            assert_eq!(last.rule, rule, "{values:?}");
            let expected = match (rule.map(|r| r.side()), improvement) {
                (None, _) => Variation::CommonCause,
                (Some(_), Improvement::Neutral) => Variation::SpecialCauseNeutral,
                (Some(1), Improvement::Increase) | (Some(-1), Improvement::Decrease) => Variation::SpecialCauseImproving,
                _ => Variation::SpecialCauseConcerning,
            };
            assert_eq!(result.variation_icon, expected, "{rule:?} {improvement:?}");
        }
    }
}

#[test]
fn hand_worked_two_in_three_limits() {
    // 12 × (9, 11) then 15.5, 12, 15.5: Σ = 120 + 43 = 163, mean 10.8667; moving ranges 11 × 2, 4.5, 3.5, 3.5:
    // Σ 33.5 / 14 = 2.3929; upper 2σ = 10.8667 + 2/3 × 2.66 × 2.3929 = 15.110; upper limit 17.232.
    let values = with(alternating(12), &[15.5, 12.0, 15.5]);
    let result = run(&values, Improvement::Increase, SpcRules::default());
    let limits = result.points[0].limits;
    assert!((limits.mean - 10.8667).abs() < 1e-4 && (limits.upper_near - 15.110).abs() < 1e-3 && (limits.upper - 17.232).abs() < 1e-3);
    let rules: Vec<_> = result.points[12..].iter().map(|p| p.rule).collect();
    assert_eq!(rules, vec![Some(SpecialCauseRule::TwoInThreeAbove), None, Some(SpecialCauseRule::TwoInThreeAbove)]);
}

#[test]
fn assurance_icon_for_targets_beyond_and_within_the_limits() {
    // Mean 10, MR̄ 2: limits 4.68 – 15.32.
    let values = alternating(16);
    let cases = [
        (Some(20.0), Improvement::Increase, Assurance::Fail),
        (Some(20.0), Improvement::Decrease, Assurance::Pass),
        (Some(2.0), Improvement::Increase, Assurance::Pass),
        (Some(2.0), Improvement::Decrease, Assurance::Fail),
        (Some(10.0), Improvement::Increase, Assurance::HitAndMiss),
        (Some(15.0), Improvement::Decrease, Assurance::HitAndMiss),
        (Some(20.0), Improvement::Neutral, Assurance::None),
        (None, Improvement::Increase, Assurance::None),
    ];
    for (target, improvement, expected) in cases {
        let result = spc(&values, &SpcOptions { improvement, target, screen_outliers: true, ..SpcOptions::default() }).unwrap();
        assert_eq!(result.assurance, expected, "{target:?} {improvement:?}");
    }
}

#[test]
fn rule_settings_change_what_fires() {
    // Exactly 7 points above the mean (the point before is below it): a shift at 7, not at 8.
    let shift = with(alternating(9), &[10.8, 11.2, 10.8, 11.2, 10.8, 11.2, 10.8]);
    let eight = SpcRules { shift_length: 8, ..SpcRules::default() };
    assert_eq!(run(&shift, Improvement::Increase, SpcRules::default()).points.last().unwrap().rule, Some(SpecialCauseRule::ShiftAbove));
    assert_eq!(run(&shift, Improvement::Increase, eight).points.last().unwrap().rule, None);
    // Exactly 6 rising points: a trend at 6, not at 7.
    let six = with(alternating(10), &[8.5, 9.0, 9.5, 10.0, 10.5, 11.0]);
    let trend_six = SpcRules { trend_length: 6, ..SpcRules::default() };
    assert_eq!(run(&six, Improvement::Increase, SpcRules::default()).points.last().unwrap().rule, None);
    assert_eq!(run(&six, Improvement::Increase, trend_six).points.last().unwrap().rule, Some(SpecialCauseRule::TrendIncreasing));
    // Two-in-three switched off.
    let two = with(alternating(12), &[15.5, 12.0, 15.5]);
    let off = SpcRules { two_in_three: false, ..SpcRules::default() };
    assert!(run(&two, Improvement::Increase, off).points.iter().all(|p| p.rule.is_none()));
    // Lengths NHSRplotthedots does not offer are errors, not panics.
    assert!(spc(&two, &SpcOptions { rules: SpcRules { shift_length: 5, ..SpcRules::default() }, ..SpcOptions::default() }).is_err());
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A wide-by-period table of one measure by month from Apr 2023, loaded into a session.
fn monthly_session(values: &[f64]) -> Session {
    let labels: Vec<String> = (0..values.len()).map(|i| format!("{} {}", MONTHS[(3 + i) % 12], 2023 + (3 + i) / 12)).collect();
    let mut csv = format!("Measure,{}\n", labels.join(","));
    csv.push_str(&format!("Waiting list,{}\n", values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(",")));
    let mut session = Session::new();
    let report = session.load("generated.csv", csv.as_bytes(), &LoadOptions::default());
    assert_eq!(report.observations as usize, values.len(), "{report:?}");
    session
}

fn spc_view(session: &Session, spec: ViewSpec) -> SpcView {
    match session.view(&ViewSpec { view: "spc".into(), ..spec }).expect("spc view").model {
        ViewModel::Spc(view) => view,
        other => panic!("{other:?}"),
    }
}

#[test]
fn reasons_name_the_rule_the_numbers_and_the_periods() {
    // 10 × (9, 11) then 9 points at 7 / 6.5: mean 261 / 29 = 9 exactly (the 9s sit on it), so 9 points below the
    // mean, Dec 2024 – Aug 2025.
    let values = with(alternating(20), &[7.0, 6.5, 7.0, 6.5, 7.0, 6.5, 7.0, 6.5, 7.0]);
    let session = monthly_session(&values);
    let spec = ViewSpec { polarity: [("Waiting list".to_owned(), "high".to_owned())].into(), ..ViewSpec::default() };
    let view = spc_view(&session, spec);
    let last = view.points.last().unwrap();
    assert_eq!(last.period, "Aug 2025");
    assert!(last.why.starts_with("Special cause (concern): 9 points below the mean"), "{}", last.why);
    assert!(last.why.contains("mean 9.00 (rule: 7 or more), Dec 2024 – Aug 2025"), "{}", last.why);
    assert!(view.variation_reason.contains("Latest point (Aug 2025)"));
    assert!(view.points[0].why.starts_with("Common cause: 9.00 is within the limits"), "{}", view.points[0].why);
    assert!(view.assurance_reason.contains("no target"));
    let rebase = view.suggested_rebase.as_ref().expect("a sustained shift is suggested");
    assert_eq!(rebase.period, "Dec 2024");
    assert!(rebase.reason.contains("Rebase there only if you know why"));
    assert!(view.polarity_needed.is_empty());
    let table = ViewModel::Spc(view.clone()).table();
    assert!(table.rows.iter().any(|r| r[0] == "Suggested rebase" && r[6] == "Dec 2024"));
    // Not applied: one group only; rebasing is the user's choice.
    assert!(view.points.iter().all(|p| p.group == 0));
    let rebased = spc_view(&session, ViewSpec { rebase: vec!["Dec 2024".into()], improvement: Some("increase".into()), ..ViewSpec::default() });
    assert_eq!(rebased.points.last().unwrap().group, 1);
    assert!(rebased.suggested_rebase.is_none());
}

#[test]
fn spike_reason_gives_the_limit_and_its_parts() {
    let values = with(alternating(15), &[20.0]);
    let session = monthly_session(&values);
    let view = spc_view(&session, ViewSpec { improvement: Some("decrease".into()), target: Some(25.0), ..ViewSpec::default() });
    let last = view.points.last().unwrap();
    // Mean 10.5625, MR̄ 2 after screening out the 11: upper limit 15.8825.
    assert!(last.why.starts_with("Special cause (concern): 20.00 is above the upper limit 15.88 (mean 10.56 + 2.66 × mean moving range 2.00)"), "{}", last.why);
    assert_eq!(view.assurance, Assurance::Pass);
    assert!(
        view.assurance_reason.starts_with("Pass: will consistently meet it; target 25.00 is above the upper limit 15.88; lower is better"),
        "{}",
        view.assurance_reason
    );
}

#[test]
fn settings_are_stated_and_polarity_is_asked_not_guessed() {
    let values = with(alternating(8), &[10.8, 11.2, 10.8, 11.2, 10.8, 11.2, 10.8]);
    let session = monthly_session(&values);
    let rules = SpcRules { shift_length: 8, trend_length: 6, two_in_three: false };
    let view = spc_view(&session, ViewSpec { spc_rules: rules, ..ViewSpec::default() });
    assert!(view.rules_note.contains("shift 8 points, trend 6 points, two-in-three off"));
    assert_eq!(view.polarity_needed, vec!["Waiting list".to_owned()], "no polarity in a wide table: asked for");
    assert_eq!(view.improvement, Improvement::Neutral);
    let svg = indicator_lens::chart::render_svg(&ViewModel::Spc(view.clone()), 960, 520).unwrap();
    assert!(svg.contains("shift 8 points"), "settings under the chart");
    let default = spc_view(&session, ViewSpec::default());
    assert!(default.rules_note.is_empty());
    assert_eq!(default.points.last().unwrap().variation, Variation::SpecialCauseNeutral);
    assert!(default.variation_reason.contains("no improvement direction set"));
}

#[test]
fn short_series_get_trial_limits_with_a_warning() {
    let session = monthly_session(&alternating(11));
    let view = spc_view(&session, ViewSpec::default());
    assert!(view.warnings.iter().any(|w| w.contains("trial limits")), "{:?}", view.warnings);
    let svg = indicator_lens::chart::render_svg(&ViewModel::Spc(view), 960, 520).unwrap();
    assert!(svg.contains("Warning: group 1 has 11 points"));
}
