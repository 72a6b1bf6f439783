//! Recent trend as Fingertips computes it now (OHID "Fingertips trend markers", 2025): the 5 most recent points
//! of independent yearly periods; proportions by the χ² test for trend on counts, every other value type by
//! CI-weighted regression; significant when χ² > 9.5495 and all 6 slopes (full and leave-one-out) share a
//! sign. Hand-worked series, agreement with published labels, and the trend view.

use indicator_lens::analysis::recent_trend::{recent_trend, recent_trend_of_points, recent_trend_of_series, RecentTrend, TrendMethod, TrendPoint, TrendTest};
use indicator_lens::analysis::series::all_series;
use indicator_lens::chart::render_svg;
use indicator_lens::ingest::LoadOptions;
use indicator_lens::model::{CalendarDate, Period, PeriodKind, Polarity, ValueType};
use indicator_lens::session::Session;
use indicator_lens::stats::chi_square_trend_counts;
use indicator_lens::view::{ViewModel, ViewSpec};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/");

/// Points with the given values and a 95% interval of ±1.96 (se = 1, so every weight is 1).
fn unit_se(values: &[f64]) -> Vec<TrendPoint> {
    values.iter().map(|&v| TrendPoint { value: v, lower95: v - 1.96, upper95: v + 1.96, count: f64::NAN, denominator: f64::NAN }).collect()
}

/// Proportion points: counts of their denominators, value = x/n × 100, no interval.
fn counts(xs: &[f64], ns: &[f64]) -> Vec<TrendPoint> {
    xs.iter().zip(ns).map(|(&x, &n)| TrendPoint { value: x / n * 100.0, lower95: f64::NAN, upper95: f64::NAN, count: x, denominator: n }).collect()
}

fn label(values: &[f64], polarity: Polarity) -> RecentTrend {
    recent_trend_of_points(&unit_se(values), polarity, ValueType::Rate, TrendMethod::Auto).trend
}

fn calendar_year(y: i32) -> Period {
    Period { label: y.to_string(), start: CalendarDate::new(y, 1, 1), end: CalendarDate::new(y, 12, 31), kind: PeriodKind::CalendarYear }
}

fn years(first: i32) -> Vec<Period> {
    (first..first + 5).map(calendar_year).collect()
}

fn close(got: f64, want: f64) {
    assert!((got - want).abs() <= 1e-9 * want.abs().max(1.0), "got {got}, want {want}");
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
    // Only the 5 most recent points count: an old outlier (or an old blank) changes nothing.
    assert_eq!(label(&[99.0, 10.0, 11.0, 12.0, 13.0, 14.0], Polarity::HighIsGood), RecentTrend::IncreasingAndBetter);
    assert_eq!(label(&[f64::NAN, 10.0, 11.0, 12.0, 13.0, 14.0], Polarity::HighIsGood), RecentTrend::IncreasingAndBetter);
}

#[test]
fn leave_one_out_sign_change_is_no_significant_change() {
    // Regression, se = 1: y = 11, 10.5, 10, 9.5, 20. S₁ = 5, S_t = 15, S_tt = 55, S_y = 61, S_ty = 200;
    // b = (5·200 − 15·61)/(5·55 − 15²) = 85/50 = 1.7, se_b² = 5/50 = 0.1, χ² = 2.89/0.1 = 28.9 > 9.5495,
    // but leaving out t = 5 (t = 1..4 kept) the slope is −0.5: the sign changes.
    let unstable = recent_trend_of_points(&unit_se(&[11.0, 10.5, 10.0, 9.5, 20.0]), Polarity::HighIsGood, ValueType::Dsr, TrendMethod::Auto);
    assert_eq!(unstable.trend, RecentTrend::NoSignificantChange);
    close(unstable.chi_square.unwrap(), 28.9);
    close(unstable.slope.unwrap(), 1.7);
    assert!(unstable.reason.contains("changes sign when t = 5 is left out"), "{}", unstable.reason);
    // χ² for trend, n = 100 each, x = 30, 29, 28, 27, 60: N = 500, X = 174, Σxt = 580, Σnt = 1500, Σnt² = 5500;
    // χ² = 500·(500·580 − 174·1500)² / (174·326·(500·5500 − 1500²)) = 500·29000² / (56724·500000) = 14.826…,
    // logit slope +0.2406, but leaving out t = 5 the logit slope is −0.0491.
    let points = counts(&[30.0, 29.0, 28.0, 27.0, 60.0], &[100.0; 5]);
    let result = recent_trend_of_points(&points, Polarity::HighIsGood, ValueType::Proportion, TrendMethod::Auto);
    assert_eq!(result.trend, RecentTrend::NoSignificantChange);
    assert_eq!(result.test, Some(TrendTest::ChiSquareCounts));
    close(result.chi_square.unwrap(), 500.0 * 29000f64.powi(2) / (56724.0 * 5e5));
    assert!(result.slope.unwrap() > 0.0);
    assert!(result.reason.contains("changes sign when t = 5 is left out"), "{}", result.reason);
}

#[test]
fn chi_square_for_trend_on_counts() {
    // x = 10,20,30,40,50 of n = 100: N = 500, X = 150, Σxt = 550, Σnt = 1500, Σnt² = 5500;
    // χ² = 500·(500·550 − 150·1500)² / (150·350·(500·5500 − 1500²)) = 500·5e4² / (52500·5e5) = 47.619…
    let t = [1.0, 2.0, 3.0, 4.0, 5.0];
    let fit = chi_square_trend_counts(&t, &[10.0, 20.0, 30.0, 40.0, 50.0], &[100.0; 5]).unwrap();
    close(fit.chi_square, 500.0 * 5e4f64.powi(2) / (52500.0 * 5e5));
    // logit(x/n) = ln(1/9), ln(2/8), ln(3/7), ln(4/6), ln(5/5) rises every step, so all 6 slopes are positive.
    let points = counts(&[10.0, 20.0, 30.0, 40.0, 50.0], &[100.0; 5]);
    let result = recent_trend_of_points(&points, Polarity::LowIsGood, ValueType::Proportion, TrendMethod::Auto);
    assert_eq!(result.trend, RecentTrend::IncreasingAndWorse);
    assert_eq!(result.test, Some(TrendTest::ChiSquareCounts));
    let logits: Vec<f64> = [1.0f64 / 9.0, 2.0 / 8.0, 3.0 / 7.0, 4.0 / 6.0, 1.0].iter().map(|r| r.ln()).collect();
    // OLS slope = Σ(t−3)·logit / Σ(t−3)² = (−2·l₁ − l₂ + l₄ + 2·l₅)/10 = 0.5375…
    close(result.slope.unwrap(), (-2.0 * logits[0] - logits[1] + logits[3] + 2.0 * logits[4]) / 10.0);
    assert!(result.reason.contains("χ² test for trend on counts") && result.reason.contains("a proportion"), "{}", result.reason);
    // x = 50, 52, 49, 53, 51 of 1000: N = 5000, X = 255, Σxt = 768, Σnt = 15000, Σnt² = 55000;
    // χ² = 5000·(5000·768 − 255·15000)² / (255·4745·(5000·55000 − 15000²)) = 5000·15000² / 6.049875e13 = 0.0186.
    let flat = counts(&[50.0, 52.0, 49.0, 53.0, 51.0], &[1000.0; 5]);
    let result = recent_trend_of_points(&flat, Polarity::LowIsGood, ValueType::Proportion, TrendMethod::Auto);
    assert_eq!(result.trend, RecentTrend::NoSignificantChange);
    close(result.chi_square.unwrap(), 5000.0 * 15000f64.powi(2) / 6.049875e13);
    assert!(result.reason.contains("not above 9.55"), "{}", result.reason);
    // The user may force the regression on a proportion: then it needs intervals, which these points lack.
    let forced = recent_trend_of_points(&points, Polarity::LowIsGood, ValueType::Proportion, TrendMethod::WeightedRegression);
    assert_eq!(forced.trend, RecentTrend::CannotBeCalculated);
    assert!(forced.reason.contains("no intervals") && forced.reason.contains("chosen in the settings"), "{}", forced.reason);
}

#[test]
fn dsr_by_weighted_regression() {
    // A DSR per 100,000: y = 100, 104, 108, 110, 118 with se = 2, 2, 1, 1, 1 (intervals y ± 3.92, y ± 1.96),
    // w = 1/se² = 0.25, 0.25, 1, 1, 1. S₁ = 3.5, S_t = 12.75, S_tt = 51.25, S_y = 387, S_ty = 1431;
    // S₁·S_tt − S_t² = 179.375 − 162.5625 = 16.8125; b = (3.5·1431 − 12.75·387)/16.8125 = 74.25/16.8125 = 4.4164;
    // se_b² = 3.5/16.8125, χ² = b²/se_b² = 93.69 > 9.5495; leave-one-out slopes 4.68, 4.49, 4.47, 4.65, 3.19 all > 0.
    let values = [100.0, 104.0, 108.0, 110.0, 118.0];
    let se = [2.0, 2.0, 1.0, 1.0, 1.0];
    let points: Vec<TrendPoint> = values
        .iter()
        .zip(se)
        .map(|(&v, s)| TrendPoint { value: v, lower95: v - 1.96 * s, upper95: v + 1.96 * s, count: f64::NAN, denominator: f64::NAN })
        .collect();
    let result = recent_trend_of_series(&years(2016), &points, Polarity::LowIsGood, ValueType::Dsr, TrendMethod::Auto);
    assert_eq!(result.trend, RecentTrend::IncreasingAndWorse, "{}", result.reason);
    assert_eq!(result.test, Some(TrendTest::WeightedRegression));
    let b = 74.25 / 16.8125;
    close(result.slope.unwrap(), b);
    close(result.chi_square.unwrap(), b * b / (3.5 / 16.8125));
    assert!(result.reason.contains("CI-weighted regression") && result.reason.contains("directly standardised rate"), "{}", result.reason);
    assert!(result.reason.contains("2016 to 2020"), "{}", result.reason);
    // Ratios and means take the same test.
    for value_type in [ValueType::Ratio, ValueType::Mean, ValueType::Rate] {
        let r = recent_trend_of_series(&years(2016), &points, Polarity::LowIsGood, value_type, TrendMethod::Auto);
        assert_eq!((r.trend, r.test), (RecentTrend::IncreasingAndWorse, Some(TrendTest::WeightedRegression)));
    }
    // A value type not known: the regression on its intervals, and the reason says what was assumed.
    let unknown = recent_trend_of_series(&years(2016), &points, Polarity::LowIsGood, ValueType::Unknown, TrendMethod::Auto);
    assert_eq!(unknown.trend, RecentTrend::IncreasingAndWorse);
    assert!(unknown.reason.contains("not known") && unknown.reason.contains("assumed not to be a proportion"), "{}", unknown.reason);
    // …and without intervals it cannot be calculated, saying so.
    let bare: Vec<TrendPoint> = points.iter().map(|p| TrendPoint { lower95: f64::NAN, upper95: f64::NAN, ..*p }).collect();
    let r = recent_trend_of_series(&years(2016), &bare, Polarity::LowIsGood, ValueType::Unknown, TrendMethod::Auto);
    assert_eq!(r.trend, RecentTrend::CannotBeCalculated);
    assert!(r.reason.contains("no intervals") && r.reason.contains("2016, 2017, 2018, 2019 and 2020") && r.reason.contains("not known"), "{}", r.reason);
}

/// A Fingertips download (newer 27-column layout) of one area's indicator `name`, one row per
/// `(year, value, lower95, upper95, count, denominator)` (cells as written), the last row with `published`.
fn download(name: &str, rows: &[(i32, &str, &str, &str, &str, &str)], published: &str) -> String {
    let mut text = String::from(
        "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,\
Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,\
Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,\
Time period Sortable,New data,Compared to goal,Time period range\n",
    );
    for (k, (year, value, lower, upper, count, denominator)) in rows.iter().enumerate() {
        let trend = if k + 1 == rows.len() { published } else { "" };
        text.push_str(&format!(
            "90000,\"{name}\",E12000004,East Midlands,E06000015,Derby,UA,Persons,All ages,,,{year},{value},{lower},{upper},,,\
{count},{denominator},,{trend},Worse,Worse,{year}0000,,,1y\n"
        ));
    }
    text
}

fn load_one_series(text: &str) -> (Session, Vec<usize>) {
    let mut session = Session::new();
    session.load("download.csv", text.as_bytes(), &LoadOptions::default());
    let rows = all_series(&session.dataset).into_values().next().expect("one series");
    (session, rows)
}

#[test]
fn dsr_download_gets_a_label() {
    // The bug: a DSR was refused ("proportions and crude rates only"); Fingertips labels DSRs now. The series
    // of `dsr_by_weighted_regression`: y = 100, 104, 108, 110, 118, se = 2, 2, 1, 1, 1 (y ± 1.96·se).
    let cells: Vec<(i32, String, String, String)> = [(2016, 100.0, 2.0), (2017, 104.0, 2.0), (2018, 108.0, 1.0), (2019, 110.0, 1.0), (2020, 118.0, 1.0)]
        .iter()
        .map(|&(y, v, se)| (y, v.to_string(), (v - 1.96 * se).to_string(), (v + 1.96 * se).to_string()))
        .collect();
    let rows: Vec<(i32, &str, &str, &str, &str, &str)> = cells.iter().map(|(y, v, l, u)| (*y, v.as_str(), l.as_str(), u.as_str(), "700", "600000")).collect();
    let name = "Under 75 mortality rate from all causes, directly standardised rate per 100,000";
    let (session, rows) = load_one_series(&download(name, &rows, "Increasing and getting worse"));
    let ds = &session.dataset;
    assert_eq!(ds.indicators[0].value_type, ValueType::Dsr);
    assert_eq!(rows.len(), 5);
    let ours = recent_trend(ds, &rows, Polarity::LowIsGood, TrendMethod::Auto);
    let published = RecentTrend::from_label(ds.text(ds.row(*rows.last().unwrap()).published_trend));
    assert_eq!(Some(ours.trend), published, "{}", ours.reason);
    assert_eq!(ours.test, Some(TrendTest::WeightedRegression));
    close(ours.slope.unwrap(), 74.25 / 16.8125);
    // The reason says which value type was assumed, and from what.
    assert!(ours.reason.contains("the value type is a directly standardised rate (decided from"), "{}", ours.reason);
    // Counts are never tested, whatever the method asked for.
    let points = unit_se(&[10.0, 11.0, 12.0, 13.0, 14.0]);
    for method in [TrendMethod::Auto, TrendMethod::WeightedRegression, TrendMethod::ChiSquareCounts] {
        let r = recent_trend_of_points(&points, Polarity::LowIsGood, ValueType::Count, method);
        assert_eq!(r.trend, RecentTrend::CannotBeCalculated);
        assert!(r.reason.contains("not calculated for counts"), "{}", r.reason);
    }
}

#[test]
fn blank_value_in_a_download_is_missing() {
    // A percentage with x = 10, 20, –, 40, 50 of 100: the 2018 value cell is blank though its count and
    // denominator are given, so the trend cannot be calculated (the value is not made up from the counts).
    let rows = [
        (2016, "10", "", "", "10", "100"),
        (2017, "20", "", "", "20", "100"),
        (2018, "", "", "", "30", "100"),
        (2019, "40", "", "", "40", "100"),
        (2020, "50", "", "", "50", "100"),
    ];
    let (session, series) = load_one_series(&download("Percentage of children with something", &rows, "Cannot be calculated"));
    let ds = &session.dataset;
    assert_eq!(ds.indicators[0].value_type, ValueType::Proportion);
    let r = recent_trend(ds, &series, Polarity::LowIsGood, TrendMethod::Auto);
    assert_eq!(r.trend, RecentTrend::CannotBeCalculated);
    assert!(r.reason.contains("a missing value in 2018"), "{}", r.reason);
    // With the 2018 value written, the χ² test for trend on counts labels it (47.62, as hand-worked above).
    let mut filled = rows;
    filled[2].1 = "30";
    let (session, series) = load_one_series(&download("Percentage of children with something", &filled, "Increasing and getting worse"));
    let r = recent_trend(&session.dataset, &series, Polarity::LowIsGood, TrendMethod::Auto);
    assert_eq!((r.trend, r.test), (RecentTrend::IncreasingAndWorse, Some(TrendTest::ChiSquareCounts)), "{}", r.reason);
    close(r.chi_square.unwrap(), 500.0 * 5e4f64.powi(2) / (52500.0 * 5e5));
}

#[test]
fn cannot_be_calculated_with_reasons() {
    let rate = |periods: &[Period], points: &[TrendPoint]| recent_trend_of_series(periods, points, Polarity::HighIsGood, ValueType::Rate, TrendMethod::Auto);
    // Too few points.
    let r = rate(&years(2016)[..4], &unit_se(&[10.0, 11.0, 12.0, 13.0]));
    assert_eq!(r.trend, RecentTrend::CannotBeCalculated);
    assert!(r.reason.contains("the series has 4"), "{}", r.reason);
    // A blank value among the 5 most recent (a suppressed cell): not skipped over to older points.
    let six: Vec<Period> = (2014..2020).map(calendar_year).collect();
    let mut gap = unit_se(&[10.0, 11.0, 12.0, 13.0, 14.0, 15.0]);
    gap[3].value = f64::NAN;
    let r = rate(&six, &gap);
    assert_eq!(r.trend, RecentTrend::CannotBeCalculated);
    assert!(r.reason.contains("a missing value in 2017"), "{}", r.reason);
    // A blank value of a proportion whose count and denominator are given: still cannot be calculated.
    let mut blank = counts(&[10.0, 20.0, 30.0, 40.0, 50.0], &[100.0; 5]);
    blank[2].value = f64::NAN;
    let r = recent_trend_of_series(&years(2016), &blank, Polarity::HighIsGood, ValueType::Proportion, TrendMethod::Auto);
    assert_eq!(r.trend, RecentTrend::CannotBeCalculated);
    assert!(r.reason.contains("a missing value in 2018") && r.reason.contains("even where a count and denominator are given"), "{}", r.reason);
    // A proportion with no counts.
    let r = recent_trend_of_series(&years(2016), &unit_se(&[10.0, 11.0, 12.0, 13.0, 14.0]), Polarity::HighIsGood, ValueType::Proportion, TrendMethod::Auto);
    assert!(r.trend == RecentTrend::CannotBeCalculated && r.reason.contains("no counts for a proportion"), "{}", r.reason);
    // count = denominator (100%) and count = 0 cannot be tested by the χ² test on counts.
    let full = counts(&[50.0, 60.0, 70.0, 80.0, 100.0], &[100.0; 5]);
    let r = recent_trend_of_series(&years(2016), &full, Polarity::HighIsGood, ValueType::Proportion, TrendMethod::Auto);
    assert_eq!(r.trend, RecentTrend::CannotBeCalculated);
    assert!(r.reason.contains("equals its denominator (100%) in 2020"), "{}", r.reason);
    let none = counts(&[0.0, 10.0, 20.0, 30.0, 40.0], &[100.0; 5]);
    let r = recent_trend_of_series(&years(2016), &none, Polarity::HighIsGood, ValueType::Proportion, TrendMethod::Auto);
    assert!(r.trend == RecentTrend::CannotBeCalculated && r.reason.contains("count is 0 in 2016"), "{}", r.reason);
    // The regression does not look at counts: a rate with count = denominator is still tested.
    let mut rated = unit_se(&[10.0, 11.0, 12.0, 13.0, 14.0]);
    rated[4].count = 100.0;
    rated[4].denominator = 100.0;
    assert_eq!(rate(&years(2016), &rated).trend, RecentTrend::IncreasingAndBetter);
    // A rate with no intervals, or one with no width.
    let mut no_ci = unit_se(&[10.0, 11.0, 12.0, 13.0, 14.0]);
    no_ci[0].lower95 = f64::NAN;
    let r = rate(&years(2016), &no_ci);
    assert!(r.trend == RecentTrend::CannotBeCalculated && r.reason.contains("no intervals") && r.reason.contains("2016"), "{}", r.reason);
    let mut flat = unit_se(&[10.0, 11.0, 12.0, 13.0, 14.0]);
    flat[1].upper95 = flat[1].lower95;
    let r = rate(&years(2016), &flat);
    assert!(r.trend == RecentTrend::CannotBeCalculated && r.reason.contains("no width"), "{}", r.reason);
}

#[test]
fn periods_must_be_consecutive_independent_years() {
    let points = unit_se(&[10.0, 11.0, 12.0, 13.0, 14.0]);
    let rate = |periods: &[Period]| recent_trend_of_series(periods, &points, Polarity::HighIsGood, ValueType::Rate, TrendMethod::Auto);
    // Financial and academic years are yearly periods.
    let financial: Vec<Period> = (2015..2020)
        .map(|y| Period {
            label: format!("{y}/{:02}", (y + 1) % 100),
            start: CalendarDate::new(y, 4, 1),
            end: CalendarDate::new(y + 1, 3, 31),
            kind: PeriodKind::FinancialYear,
        })
        .collect();
    assert_eq!(rate(&financial).trend, RecentTrend::IncreasingAndBetter);
    let academic: Vec<Period> = (2015..2020)
        .map(|y| Period {
            label: format!("Sep {y} - Aug {}", y + 1),
            start: CalendarDate::new(y, 9, 1),
            end: CalendarDate::new(y + 1, 8, 31),
            kind: PeriodKind::MultiYear,
        })
        .collect();
    assert_eq!(rate(&academic).trend, RecentTrend::IncreasingAndBetter);
    // Quarterly data are not tested (nor monthly).
    let quarters: Vec<Period> = (0..5)
        .map(|q| {
            let (y, m) = (2018 + (3 + 3 * q) / 12, (3 + 3 * q) % 12 + 1);
            Period {
                label: format!("Q{}", q + 1),
                start: CalendarDate::new(y, m as u8, 1),
                end: CalendarDate::new(y, m as u8 + 2, 28),
                kind: PeriodKind::Quarter,
            }
        })
        .collect();
    let r = rate(&quarters);
    assert!(r.trend == RecentTrend::CannotBeCalculated && r.reason.contains("quarterly data are not tested"), "{}", r.reason);
    let months: Vec<Period> = (1..=5)
        .map(|m| Period { label: format!("month {m}"), start: CalendarDate::new(2019, m, 1), end: CalendarDate::new(2019, m, 28), kind: PeriodKind::Month })
        .collect();
    assert!(rate(&months).reason.contains("monthly data are not tested"));
    // A break: no 2017 between 2016 and 2018.
    let broken: Vec<Period> = [2014, 2015, 2016, 2018, 2019].into_iter().map(calendar_year).collect();
    let r = rate(&broken);
    assert_eq!(r.trend, RecentTrend::CannotBeCalculated);
    assert!(r.reason.contains("a break in the series: 1 year missing between 2016 and 2018"), "{}", r.reason);
    // Rolling 3-year periods overlap.
    let rolling: Vec<Period> = (2012..2017)
        .map(|y| Period {
            label: format!("{y} - {:02}", (y + 2) % 100),
            start: CalendarDate::new(y, 1, 1),
            end: CalendarDate::new(y + 2, 12, 31),
            kind: PeriodKind::MultiYear,
        })
        .collect();
    let r = rate(&rolling);
    assert!(r.trend == RecentTrend::CannotBeCalculated && r.reason.contains("single periods") && r.reason.contains("3 years"), "{}", r.reason);
    // A calendar year then a financial year are not consecutive years of one kind.
    let mut mixed = years(2015);
    mixed[4] = financial[4].clone();
    let r = rate(&mixed);
    assert!(r.trend == RecentTrend::CannotBeCalculated && r.reason.contains("not consecutive years"), "{}", r.reason);
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
        let ours = recent_trend(ds, rows, Polarity::LowIsGood, TrendMethod::Auto);
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
    // `mut`: `Session::view` is becoming `&mut self` (it caches); allowed while both signatures exist.
    #[allow(unused_mut)]
    let mut session = warwickshire_session();
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
