//! Fingertips' recent trend as OHID's current guidance ("Fingertips trend markers", 2025) computes it: the 5
//! most recent points of a series of independent yearly periods, tested by the method the indicator's value
//! type calls for (χ² test for trend on counts for proportions, CI-weighted regression for rates, DSRs,
//! ratios and means) for a significant slope that keeps its sign leaving out each point, labelled by polarity.

use crate::model::{Dataset, Period, Polarity, ValueType};
use crate::stats::{chi_square_trend_counts, ordinary_slope, slope_sign_stable, standard_error_from_95, weighted_trend, without, TREND_CHI_SQUARE_CRITICAL};
use serde::{Deserialize, Serialize};

pub use super::trend_label::RecentTrend;
use super::trend_periods::{break_between, period_problem};

pub use super::trend_periods::TREND_POINTS;

/// Which significance test the trend uses: by default the one the indicator's value type calls for; the
/// other two force one test whatever the value type (a user override, carried in share links as
/// `trend_method`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendMethod {
    /// By value type (Fingertips' rule): proportions → χ² test for trend on counts; rates, DSRs, ratios,
    /// means → CI-weighted regression; a value type not known → CI-weighted regression on its intervals.
    #[default]
    #[serde(alias = "by_value_type")]
    Auto,
    /// CI-weighted least squares on the values, whatever the value type.
    WeightedRegression,
    /// χ² test for trend on counts and denominators, whatever the value type.
    ChiSquareCounts,
}

/// The test a trend was computed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendTest {
    /// w = 1/se², se = (upper95 − lower95)/3.92; χ² = (b / se_b)².
    WeightedRegression,
    /// χ² = N(N·Σxt − X·Σnt)² / (X(N − X)(N·Σnt² − (Σnt)²)); slopes of logit(x/n) on t.
    ChiSquareCounts,
}

impl TrendTest {
    /// The test in words.
    pub fn name(self) -> &'static str {
        match self {
            TrendTest::WeightedRegression => "CI-weighted regression",
            TrendTest::ChiSquareCounts => "χ² test for trend on counts",
        }
    }
}

/// The value type in words, for reasons.
fn value_type_words(value_type: ValueType) -> &'static str {
    match value_type {
        ValueType::Proportion => "a proportion",
        ValueType::Rate => "a crude rate",
        ValueType::Dsr => "a directly standardised rate",
        ValueType::Ratio => "a ratio",
        ValueType::Mean => "a mean",
        ValueType::Count => "a count",
        ValueType::Unknown => "not known",
    }
}

/// The test for a value type and method, with why it was chosen (`evidence`: how the value type was decided,
/// when known); `Err` (the reason) when no test applies.
fn choose_test(value_type: ValueType, method: TrendMethod, evidence: Option<&str>) -> Result<(TrendTest, String), String> {
    let by_type = match value_type {
        ValueType::Count => {
            return Err("recent trends are not calculated for counts: Fingertips tests rates, proportions, ratios, \
                        means and similar statistics, not plain numbers of events"
                .into())
        }
        ValueType::Proportion => TrendTest::ChiSquareCounts,
        _ => TrendTest::WeightedRegression,
    };
    let why = match (method, value_type) {
        (TrendMethod::Auto, ValueType::Unknown) => "the value type was not known from the file, so it was assumed not \
             to be a proportion (a rate, ratio or mean, tested on its 95% intervals)"
            .to_owned(),
        (TrendMethod::Auto, _) => match evidence {
            Some(evidence) => format!("the value type is {} ({evidence})", value_type_words(value_type)),
            None => format!("the value type is {}", value_type_words(value_type)),
        },
        (_, ValueType::Unknown) => {
            format!("it was chosen in the settings (the value type was not known from the file; by default it would use the {})", by_type.name())
        }
        (_, _) => format!("it was chosen in the settings (the value type is {}, which by default uses the {})", value_type_words(value_type), by_type.name()),
    };
    let test = match method {
        TrendMethod::Auto => by_type,
        TrendMethod::WeightedRegression => TrendTest::WeightedRegression,
        TrendMethod::ChiSquareCounts => TrendTest::ChiSquareCounts,
    };
    Ok((test, why))
}

/// One point of a series as the trend sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrendPoint {
    /// The value (NaN when blank or suppressed).
    pub value: f64,
    /// Lower 95% limit (NaN when absent).
    pub lower95: f64,
    /// Upper 95% limit (NaN when absent).
    pub upper95: f64,
    /// Count (NaN when absent).
    pub count: f64,
    /// Denominator (NaN when absent).
    pub denominator: f64,
}

/// A recent trend with the numbers and rule behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecentTrendResult {
    /// The label.
    pub trend: RecentTrend,
    /// Why: the method and why it was chosen, and the numbers; or why it cannot be calculated.
    pub reason: String,
    /// χ² of the full fit, when computed.
    pub chi_square: Option<f64>,
    /// Slope of the full fit per year (of the value, or of logit(x/n) for the χ² test), when computed.
    pub slope: Option<f64>,
    /// The test used, when one was run.
    #[serde(default)]
    pub test: Option<TrendTest>,
}

impl RecentTrendResult {
    fn cannot(reason: impl Into<String>) -> RecentTrendResult {
        RecentTrendResult { trend: RecentTrend::CannotBeCalculated, reason: reason.into(), chi_square: None, slope: None, test: None }
    }
}

/// A number with 3 significant figures for reasons (slopes can be tiny on the logit scale).
fn significant(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return format!("{x}");
    }
    let decimals = (2 - x.abs().log10().floor() as i32).max(0) as usize;
    format!("{x:.decimals$}")
}

/// Labels joined for a reason: `2017`, `2017 and 2019`, `2016, 2017 and 2019`.
fn joined(labels: &[&str]) -> String {
    match labels {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The labels of the points for which `bad` holds.
fn labels_where<'a>(points: &[TrendPoint], labels: &[&'a str], bad: impl Fn(&TrendPoint) -> bool) -> Vec<&'a str> {
    points.iter().zip(labels).filter(|(p, _)| bad(p)).map(|(_, &l)| l).collect()
}

fn logit(p: &TrendPoint) -> f64 {
    (p.count / (p.denominator - p.count)).ln()
}

/// The slope of the points at `keep` (t = index + 1: leaving a point out keeps the others' times).
fn slope_of(points: &[TrendPoint], keep: &[usize], test: TrendTest) -> Option<f64> {
    let times: Vec<f64> = keep.iter().map(|&i| (i + 1) as f64).collect();
    let slope = match test {
        TrendTest::WeightedRegression => {
            let values: Vec<f64> = keep.iter().map(|&i| points[i].value).collect();
            let se: Vec<f64> = keep.iter().map(|&i| standard_error_from_95(points[i].lower95, points[i].upper95)).collect();
            weighted_trend(&times, &values, &se).ok()?.slope
        }
        TrendTest::ChiSquareCounts => {
            let logits: Vec<f64> = keep.iter().map(|&i| logit(&points[i])).collect();
            ordinary_slope(&times, &logits).ok()?
        }
    };
    slope.is_finite().then_some(slope)
}

/// χ² of all the points by `test`.
fn chi_square_of(points: &[TrendPoint], test: TrendTest) -> Option<f64> {
    let times: Vec<f64> = (1..=points.len()).map(|t| t as f64).collect();
    let chi_square = match test {
        TrendTest::WeightedRegression => {
            let values: Vec<f64> = points.iter().map(|p| p.value).collect();
            let se: Vec<f64> = points.iter().map(|p| standard_error_from_95(p.lower95, p.upper95)).collect();
            weighted_trend(&times, &values, &se).ok()?.chi_square
        }
        TrendTest::ChiSquareCounts => {
            let counts: Vec<f64> = points.iter().map(|p| p.count).collect();
            let denominators: Vec<f64> = points.iter().map(|p| p.denominator).collect();
            chi_square_trend_counts(&times, &counts, &denominators).ok()?.chi_square
        }
    };
    chi_square.is_finite().then_some(chi_square)
}

/// The trend of exactly the 5 most recent points (`labels` name them in reasons), their periods already checked.
fn assess_points(points: &[TrendPoint], labels: &[&str], polarity: Polarity, test: TrendTest, why: &str) -> RecentTrendResult {
    debug_assert_eq!(points.len(), TREND_POINTS);
    let missing = labels_where(points, labels, |p| !p.value.is_finite());
    if !missing.is_empty() {
        return RecentTrendResult::cannot(format!(
            "a missing value in {} among the {TREND_POINTS} most recent periods (a blank value cannot be tested, even \
             where a count and denominator are given)",
            joined(&missing)
        ));
    }
    match test {
        TrendTest::ChiSquareCounts => {
            let no_counts = labels_where(points, labels, |p| !(p.count.is_finite() && p.denominator.is_finite()));
            if !no_counts.is_empty() {
                return RecentTrendResult::cannot(format!(
                    "no counts for a proportion: the {} needs the count and denominator in all {TREND_POINTS} most \
                     recent periods; missing in {}. That test was used because {why}",
                    test.name(),
                    joined(&no_counts)
                ));
            }
            let invalid = labels_where(points, labels, |p| p.denominator <= 0.0 || p.count < 0.0 || p.count > p.denominator);
            if !invalid.is_empty() {
                return RecentTrendResult::cannot(format!(
                    "the count and denominator of {} are not a proportion (a zero denominator, a negative count or a \
                     count above its denominator)",
                    joined(&invalid)
                ));
            }
            let all = labels_where(points, labels, |p| p.count == p.denominator);
            if !all.is_empty() {
                return RecentTrendResult::cannot(format!("the count equals its denominator (100%) in {}, which cannot be tested", joined(&all)));
            }
            let none = labels_where(points, labels, |p| p.count == 0.0);
            if !none.is_empty() {
                return RecentTrendResult::cannot(format!("the count is 0 in {}, which cannot be tested", joined(&none)));
            }
        }
        TrendTest::WeightedRegression => {
            let no_interval = labels_where(points, labels, |p| !(p.lower95.is_finite() && p.upper95.is_finite()));
            if !no_interval.is_empty() {
                return RecentTrendResult::cannot(format!(
                    "no intervals: the {} needs the 95% interval in all {TREND_POINTS} most recent periods; missing \
                     in {}. That test was used because {why}",
                    test.name(),
                    joined(&no_interval)
                ));
            }
            let flat = labels_where(points, labels, |p| p.upper95 <= p.lower95);
            if !flat.is_empty() {
                return RecentTrendResult::cannot(format!("the 95% interval of {} has no width, so it cannot weight the regression", joined(&flat)));
            }
        }
    }
    let all: Vec<usize> = (0..TREND_POINTS).collect();
    let (Some(chi_square), Some(slope)) = (chi_square_of(points, test), slope_of(points, &all, test)) else {
        return RecentTrendResult::cannot(format!("the {} could not be fitted to these points", test.name()));
    };
    let slope_name = match test {
        TrendTest::WeightedRegression => "slope",
        TrendTest::ChiSquareCounts => "slope of logit(count ÷ denominator)",
    };
    let numbers = format!(
        "{} on the {TREND_POINTS} most recent periods ({} to {}), because {why}: χ² = {chi_square:.2}, {slope_name} {} per year",
        test.name(),
        labels[0],
        labels[TREND_POINTS - 1],
        significant(slope)
    );
    let flip = (0..TREND_POINTS).find(|&skip| {
        let keep: Vec<usize> = without(TREND_POINTS, skip).collect();
        slope_of(points, &keep, test).is_none_or(|s| !slope_sign_stable(slope, &[s]))
    });
    let (trend, reason) = if chi_square <= TREND_CHI_SQUARE_CRITICAL {
        (RecentTrend::NoSignificantChange, format!("{numbers}; χ² is not above 9.55 (χ²₁ at 0.998), so no significant change"))
    } else if let Some(skip) = flip {
        (
            RecentTrend::NoSignificantChange,
            format!("{numbers}; χ² is above 9.55, but the slope changes sign when {} is left out, so no significant change", labels[skip]),
        )
    } else {
        let sign = if slope > 0.0 { 1 } else { -1 };
        (
            RecentTrend::for_direction(sign, polarity),
            format!("{numbers}; χ² is above 9.55 (χ²₁ at 0.998) and the slope keeps its sign leaving out each point in turn"),
        )
    };
    RecentTrendResult { trend, reason, chi_square: Some(chi_square), slope: Some(slope), test: Some(test) }
}

/// The recent trend of `points` (oldest first), taken to be consecutive independent years: the 5 most recent
/// are tested (named `t = 1` … `t = 5` in reasons) by the test `method` and `value_type` call for.
pub fn recent_trend_of_points(points: &[TrendPoint], polarity: Polarity, value_type: ValueType, method: TrendMethod) -> RecentTrendResult {
    let (test, why) = match choose_test(value_type, method, None) {
        Ok(chosen) => chosen,
        Err(reason) => return RecentTrendResult::cannot(reason),
    };
    if points.len() < TREND_POINTS {
        return RecentTrendResult::cannot(format!("needs the {TREND_POINTS} most recent points; the series has {}", points.len()));
    }
    let labels = ["t = 1", "t = 2", "t = 3", "t = 4", "t = 5"];
    assess_points(&points[points.len() - TREND_POINTS..], &labels, polarity, test, &why)
}

/// The recent trend of a series: `periods[i]` is the period of `points[i]`, oldest first. The 5 most recent
/// points must be independent, consecutive yearly periods (calendar, financial or academic years) with a
/// value each; they are tested by the test the value type calls for (or `method` when it forces one).
pub fn recent_trend_of_series(periods: &[Period], points: &[TrendPoint], polarity: Polarity, value_type: ValueType, method: TrendMethod) -> RecentTrendResult {
    series_trend(periods, points, polarity, value_type, None, method)
}

/// `recent_trend_of_series` with how the value type was decided, for the reason.
fn series_trend(
    periods: &[Period],
    points: &[TrendPoint],
    polarity: Polarity,
    value_type: ValueType,
    evidence: Option<&str>,
    method: TrendMethod,
) -> RecentTrendResult {
    if periods.len() != points.len() {
        return RecentTrendResult::cannot(format!("{} periods for {} points", periods.len(), points.len()));
    }
    let (test, why) = match choose_test(value_type, method, evidence) {
        Ok(chosen) => chosen,
        Err(reason) => return RecentTrendResult::cannot(reason),
    };
    let start = points.len().saturating_sub(TREND_POINTS);
    let (periods, recent) = (&periods[start..], &points[start..]);
    if let Some(problem) = periods.iter().find_map(period_problem) {
        return RecentTrendResult::cannot(problem);
    }
    if points.len() < TREND_POINTS {
        return RecentTrendResult::cannot(format!("needs the {TREND_POINTS} most recent yearly points; the series has {}", points.len()));
    }
    if let Some(problem) = periods.windows(2).find_map(|pair| break_between(&pair[0], &pair[1])) {
        return RecentTrendResult::cannot(problem);
    }
    let labels: Vec<&str> = periods.iter().map(|p| p.label.as_str()).collect();
    assess_points(recent, &labels, polarity, test, &why)
}

/// The recent trend of one series (rows oldest first) of `dataset`: its 5 most recent rows, by the test the
/// indicator's value type calls for (or the one `method` forces).
pub fn recent_trend(dataset: &Dataset, rows: &[usize], polarity: Polarity, method: TrendMethod) -> RecentTrendResult {
    let Some(&first) = rows.first() else { return RecentTrendResult::cannot("no data") };
    let indicator = &dataset.indicators[dataset.row(first).indicator as usize];
    let evidence = indicator.evidence.value_type.as_ref().map(|d| format!("decided from {}: {}", d.source.text(), d.rule));
    // Only the 5 most recent rows matter (a shorter series is passed whole, so its length shows).
    let kept = &rows[rows.len().saturating_sub(TREND_POINTS)..];
    let periods: Vec<Period> = kept.iter().map(|&r| dataset.periods[dataset.row(r).period as usize].clone()).collect();
    let points: Vec<TrendPoint> = kept
        .iter()
        .map(|&r| {
            let o = dataset.row(r);
            TrendPoint { value: o.value, lower95: o.lower95, upper95: o.upper95, count: o.count, denominator: o.denominator }
        })
        .collect();
    let computed = series_trend(&periods, &points, polarity, indicator.value_type, evidence.as_deref(), method);
    // What the file published on the latest row is evidence too: shown where the series cannot be tested here.
    let published = rows.last().map(|&r| dataset.text(dataset.row(r).published_trend)).unwrap_or("");
    let mut result = computed;
    super::published_trend::reconcile_trend(&mut result.trend, &mut result.reason, published);
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CalendarDate;
    use crate::model::PeriodKind;

    fn period(label: &str, start: (i32, u8), end: (i32, u8), kind: PeriodKind) -> Period {
        Period { label: label.into(), start: CalendarDate::new(start.0, start.1, 1), end: CalendarDate::new(end.0, end.1, 28), kind }
    }

    #[test]
    fn test_follows_the_value_type_unless_forced() {
        assert_eq!(choose_test(ValueType::Proportion, TrendMethod::Auto, None).unwrap().0, TrendTest::ChiSquareCounts);
        for value_type in [ValueType::Rate, ValueType::Dsr, ValueType::Ratio, ValueType::Mean, ValueType::Unknown] {
            assert_eq!(choose_test(value_type, TrendMethod::Auto, None).unwrap().0, TrendTest::WeightedRegression);
        }
        assert!(choose_test(ValueType::Unknown, TrendMethod::Auto, None).unwrap().1.contains("not known"));
        let why = choose_test(ValueType::Dsr, TrendMethod::Auto, Some("decided from the indicator's name")).unwrap().1;
        assert_eq!(why, "the value type is a directly standardised rate (decided from the indicator's name)");
        assert_eq!(choose_test(ValueType::Dsr, TrendMethod::ChiSquareCounts, None).unwrap().0, TrendTest::ChiSquareCounts);
        assert!(choose_test(ValueType::Dsr, TrendMethod::ChiSquareCounts, None).unwrap().1.contains("chosen in the settings"));
        assert!(choose_test(ValueType::Count, TrendMethod::WeightedRegression, None).is_err());
        // Share links: the old names still parse, the default is `auto`.
        let parse = |text: &str| serde_json::from_str::<TrendMethod>(text).unwrap();
        assert_eq!(parse("\"weighted_regression\""), TrendMethod::WeightedRegression);
        assert_eq!(parse("\"chi_square_counts\""), TrendMethod::ChiSquareCounts);
        assert_eq!(parse("\"by_value_type\""), TrendMethod::Auto);
        assert_eq!(serde_json::to_string(&TrendMethod::default()).unwrap(), "\"auto\"");
    }

    #[test]
    fn yearly_periods_and_breaks() {
        let year = |y: i32| period(&y.to_string(), (y, 1), (y, 12), PeriodKind::CalendarYear);
        assert_eq!(period_problem(&year(2017)), None);
        assert_eq!(period_problem(&period("Sep 2017 - Aug 2018", (2017, 9), (2018, 8), PeriodKind::MultiYear)), None);
        assert!(period_problem(&period("2017 - 19", (2017, 1), (2019, 12), PeriodKind::MultiYear)).unwrap().contains("3 years"));
        assert!(period_problem(&period("Oct 2016 - Mar 2017", (2016, 10), (2017, 3), PeriodKind::MultiYear)).unwrap().contains("6 months"));
        assert!(period_problem(&period("2018/19 Q2", (2018, 7), (2018, 9), PeriodKind::Quarter)).unwrap().contains("quarterly"));
        assert!(period_problem(&Period::unknown("whenever")).unwrap().contains("could not be read"));
        assert_eq!(break_between(&year(2016), &year(2017)), None);
        assert!(break_between(&year(2016), &year(2019)).unwrap().contains("2 years missing between 2016 and 2019"));
        let financial = period("2016/17", (2016, 4), (2017, 3), PeriodKind::FinancialYear);
        assert!(break_between(&year(2016), &financial).unwrap().contains("overlap"));
        assert!(break_between(&year(2015), &financial).unwrap().contains("not consecutive years"));
    }

    #[test]
    fn reason_text() {
        assert_eq!(joined(&["2016"]), "2016");
        assert_eq!(joined(&["2016", "2017", "2019"]), "2016, 2017 and 2019");
        assert_eq!(significant(0.0061815), "0.00618");
        assert_eq!(significant(4.41636), "4.42");
        assert_eq!(significant(-123.4), "-123");
    }
}
