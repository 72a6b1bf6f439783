//! Recent trend (Fingertips' rule) on hand-worked series, agreement with published labels, and the trend view.

use indicator_lens::analysis::recent_trend::{recent_trend, recent_trend_of_points, RecentTrend, TrendMethod, TrendPoint};
use indicator_lens::analysis::series::all_series;
use indicator_lens::chart::render_svg;
use indicator_lens::ingest::LoadOptions;
use indicator_lens::model::Polarity;
use indicator_lens::session::Session;
use indicator_lens::stats::chi_square_trend_counts;
use indicator_lens::view::{ViewModel, ViewSpec};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/");

/// Points with the given values and a 95% interval of ±1.96 (se = 1, so every weight is 1).
fn unit_se(values: &[f64]) -> Vec<TrendPoint> {
    values
        .iter()
        .map(|&v| TrendPoint { value: v, lower95: v - 1.96, upper95: v + 1.96, count: f64::NAN, denominator: f64::NAN })
        .collect()
}

fn label(values: &[f64], polarity: Polarity) -> RecentTrend {
    recent_trend_of_points(&unit_se(values), polarity, TrendMethod::WeightedRegression).trend
}

#[test]
fn hand_worked_labels() {
    // t = 1..5, equal weights: slope = Σ(t−3)(y−ȳ)/Σ(t−3)² and se_b = √(S₁/(S₁·S_tt − S_t²)) = √(5/50);
    // 10..14: slope 1, χ² = 1/0.1 = 10 > 9.5495 and every leave-one-out slope is 1 → significant.
    let rising = [10.0, 11.0, 12.0, 13.0, 14.0];
    assert_eq!(label(&rising, Polarity::HighIsGood), RecentTrend::IncreasingAndBetter);
    assert_eq!(label(&rising, Polarity::LowIsGood), RecentTrend::IncreasingAndWorse);
    assert_eq!(label(&rising, Polarity::NoJudgement), RecentTrend::Increasing);
    let falling = [14.0, 13.0, 12.0, 11.0, 10.0];
    assert_eq!(label(&falling, Polarity::HighIsGood), RecentTrend::DecreasingAndWorse);
    assert_eq!(label(&falling, Polarity::LowIsGood), RecentTrend::DecreasingAndBetter);
    assert_eq!(label(&falling, Polarity::Unknown), RecentTrend::Decreasing);
    // Slope 0.9: χ² = 0.81 × 10 = 8.1 ≤ 9.5495 → not significant.
    assert_eq!(label(&[10.0, 10.9, 11.8, 12.7, 13.6], Polarity::HighIsGood), RecentTrend::NoSignificantChange);
    // 11, 10.5, 10, 9.5, 20: slope 17/10 = 1.7, χ² = 28.9, but leaving out the last point the slope is −0.5.
    let unstable = recent_trend_of_points(&unit_se(&[11.0, 10.5, 10.0, 9.5, 20.0]), Polarity::HighIsGood, TrendMethod::WeightedRegression);
    assert_eq!(unstable.trend, RecentTrend::NoSignificantChange);
    assert!((unstable.chi_square.unwrap() - 28.9).abs() < 1e-9);
    assert!(unstable.reason.contains("changes sign"));
    // Only the last 5 points count: an old outlier changes nothing.
    assert_eq!(label(&[99.0, 10.0, 11.0, 12.0, 13.0, 14.0], Polarity::HighIsGood), RecentTrend::IncreasingAndBetter);
}

#[test]
fn cannot_be_calculated() {
    assert_eq!(label(&[10.0, 11.0, 12.0, 13.0], Polarity::HighIsGood), RecentTrend::CannotBeCalculated);
    let mut gap = unit_se(&[10.0, 11.0, 12.0, 13.0, 14.0, 15.0]);
    gap[3].value = f64::NAN; // suppressed within the last 5: the valid run from the latest is 2 long
    let result = recent_trend_of_points(&gap, Polarity::HighIsGood, TrendMethod::WeightedRegression);
    assert_eq!(result.trend, RecentTrend::CannotBeCalculated);
    assert!(result.reason.contains("only the latest 2"));
    let mut full = unit_se(&[10.0, 11.0, 12.0, 13.0, 14.0]);
    for p in &mut full {
        p.count = 50.0;
        p.denominator = 100.0;
    }
    full[4].count = 100.0;
    assert_eq!(recent_trend_of_points(&full, Polarity::HighIsGood, TrendMethod::WeightedRegression).trend, RecentTrend::CannotBeCalculated);
}

#[test]
fn chi_square_for_trend_on_counts() {
    // x = 10,20,30,40,50 of n = 100: N = 500, X = 150, Σxt = 550, Σnt = 1500, Σnt² = 5500;
    // χ² = 500·(500·550 − 150·1500)² / (150·350·(500·5500 − 1500²)) = 500·5e4² / (52500·5e5) = 47.619…
    let t = [1.0, 2.0, 3.0, 4.0, 5.0];
    let fit = chi_square_trend_counts(&t, &[10.0, 20.0, 30.0, 40.0, 50.0], &[100.0; 5]).unwrap();
    assert!((fit.chi_square - 500.0 * 5e4f64.powi(2) / (52500.0 * 5e5)).abs() < 1e-9);
    let points: Vec<TrendPoint> = [10.0, 20.0, 30.0, 40.0, 50.0]
        .iter()
        .map(|&x| TrendPoint { value: x, lower95: f64::NAN, upper95: f64::NAN, count: x, denominator: 100.0 })
        .collect();
    let result = recent_trend_of_points(&points, Polarity::LowIsGood, TrendMethod::ChiSquareCounts);
    assert_eq!(result.trend, RecentTrend::IncreasingAndWorse);
}

#[test]
fn agrees_with_published_fingertips_trends() {
    let mut session = Session::new();
    for file in ["fingertips/ncmp_reception_prev_overweight.csv", "fingertips/ncmp_reception_prev_overweight_dist.csv"] {
        let bytes = std::fs::read(format!("{SAMPLES}{file}")).expect("sample");
        session.load(file, &bytes, &LoadOptions::default());
    }
    let ds = &session.dataset;
    let (mut checked, mut agreed) = (0, 0);
    for rows in all_series(ds).values() {
        let latest = ds.row(*rows.last().unwrap());
        let Some(published) = RecentTrend::from_label(ds.text(latest.published_trend)) else { continue };
        checked += 1;
        let ours = recent_trend(ds, rows, Polarity::LowIsGood, TrendMethod::WeightedRegression);
        if ours.trend == published {
            agreed += 1;
        } else {
            eprintln!("disagree: {:?} vs {:?} ({})", ours.trend, published, ours.reason);
        }
    }
    assert!(checked > 100, "{checked} published labels");
    assert_eq!(agreed, checked);
}

fn warwickshire_session() -> Session {
    let mut session = Session::new();
    let file = "warwickshire-outcomes-calendar-years.csv";
    let bytes = std::fs::read(format!("{SAMPLES}{file}")).expect("sample");
    session.load(file, &bytes, &LoadOptions::default());
    session
}

#[test]
fn trend_view_gaps_direction_and_svg() {
    let session = warwickshire_session();
    let mut spec = ViewSpec { view: "trend".into(), indicator: Some("Infant mortality per 1000 live births".into()), ..ViewSpec::default() };
    spec.polarity.insert("Infant mortality per 1000 live births".into(), "low".into());
    let output = session.view(&spec).expect("trend view");
    let ViewModel::Trend(view) = &output.model else { panic!("not a trend view") };
    let line = &view.series[0];
    // `-` in 2012 is a gap, not a zero.
    assert_eq!(line.points[0].period, "2012");
    assert_eq!(line.points[0].value, None);
    assert_eq!(line.points[0].note, "-");
    assert!((line.points[1].x - 2013.5).abs() < 0.01, "calendar year placed at its midpoint");
    // 4.8 → 5.1 is +6.25%, beyond the default 5%, and low is good.
    assert_eq!(line.comparator_period.as_deref(), Some("2014"));
    assert_eq!(line.direction.text(), "worsened");
    assert_eq!(line.recent_trend, RecentTrend::CannotBeCalculated);
    // A higher threshold makes it stable.
    let mut strict = spec.clone();
    strict.direction.relative_change_percent = 10.0;
    let ViewModel::Trend(view) = session.view(&strict).unwrap().model else { panic!() };
    assert_eq!(view.series[0].direction.text(), "stayed the same");
    let svg = render_svg(&output.model, 800, 500).expect("svg");
    assert!(svg.contains("<svg") && svg.contains("recent trend Cannot be calculated"));
    assert!(output.caption.contains("worsened since 2014"), "{}", output.caption);
    let json = serde_json::to_string(&output.model).unwrap();
    assert_eq!(serde_json::from_str::<ViewModel>(&json).unwrap(), output.model);
}
