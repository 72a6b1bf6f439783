//! Fingertips' recent trend: the last 5 valid points tested for a significant, stable slope, labelled by polarity.

use crate::model::{Dataset, PeriodKind, Polarity, ValueType};
use crate::stats::{
    chi_square_trend_counts, ordinary_slope, slope_sign_stable, standard_error_from_95, weighted_trend, without, TrendFit,
    TREND_CHI_SQUARE_CRITICAL,
};
use serde::{Deserialize, Serialize};

/// Number of most recent points the trend is computed on.
pub const TREND_POINTS: usize = 5;

/// Fingertips' recent-trend labels (serialised exactly as Fingertips prints them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RecentTrend {
    /// Significant increase, high is good.
    #[serde(rename = "Increasing and getting better")]
    IncreasingAndBetter,
    /// Significant increase, low is good.
    #[serde(rename = "Increasing and getting worse")]
    IncreasingAndWorse,
    /// Significant decrease, low is good.
    #[serde(rename = "Decreasing and getting better")]
    DecreasingAndBetter,
    /// Significant decrease, high is good.
    #[serde(rename = "Decreasing and getting worse")]
    DecreasingAndWorse,
    /// Significant increase, no polarity.
    #[serde(rename = "Increasing")]
    Increasing,
    /// Significant decrease, no polarity.
    #[serde(rename = "Decreasing")]
    Decreasing,
    /// The slope is not significant or not stable.
    #[serde(rename = "No significant change")]
    NoSignificantChange,
    /// The series does not qualify (too few points, wrong value type or period length …).
    #[serde(rename = "Cannot be calculated")]
    CannotBeCalculated,
}

impl RecentTrend {
    /// Every label, for parsing.
    pub const ALL: [RecentTrend; 8] = [
        RecentTrend::IncreasingAndBetter,
        RecentTrend::IncreasingAndWorse,
        RecentTrend::DecreasingAndBetter,
        RecentTrend::DecreasingAndWorse,
        RecentTrend::Increasing,
        RecentTrend::Decreasing,
        RecentTrend::NoSignificantChange,
        RecentTrend::CannotBeCalculated,
    ];

    /// The label as Fingertips prints it.
    pub fn label(self) -> &'static str {
        match self {
            RecentTrend::IncreasingAndBetter => "Increasing and getting better",
            RecentTrend::IncreasingAndWorse => "Increasing and getting worse",
            RecentTrend::DecreasingAndBetter => "Decreasing and getting better",
            RecentTrend::DecreasingAndWorse => "Decreasing and getting worse",
            RecentTrend::Increasing => "Increasing",
            RecentTrend::Decreasing => "Decreasing",
            RecentTrend::NoSignificantChange => "No significant change",
            RecentTrend::CannotBeCalculated => "Cannot be calculated",
        }
    }

    /// The label read back from text (case and spacing ignored).
    pub fn from_label(text: &str) -> Option<RecentTrend> {
        let wanted = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        RecentTrend::ALL.into_iter().find(|t| t.label().to_lowercase() == wanted)
    }

    /// A significant direction under a polarity: +1 increasing, −1 decreasing.
    pub fn for_direction(sign: i8, polarity: Polarity) -> RecentTrend {
        match (sign > 0, polarity) {
            (true, Polarity::HighIsGood) => RecentTrend::IncreasingAndBetter,
            (true, Polarity::LowIsGood) => RecentTrend::IncreasingAndWorse,
            (false, Polarity::HighIsGood) => RecentTrend::DecreasingAndWorse,
            (false, Polarity::LowIsGood) => RecentTrend::DecreasingAndBetter,
            (true, _) => RecentTrend::Increasing,
            (false, _) => RecentTrend::Decreasing,
        }
    }

    /// Arrow colour as the legacy Fingertips legend: green better, red worse, blue no judgement, grey otherwise.
    pub fn colour(self) -> &'static str {
        match self {
            RecentTrend::IncreasingAndBetter | RecentTrend::DecreasingAndBetter => "#92D050",
            RecentTrend::IncreasingAndWorse | RecentTrend::DecreasingAndWorse => "#C00000",
            RecentTrend::Increasing | RecentTrend::Decreasing => "#5555E6",
            RecentTrend::NoSignificantChange | RecentTrend::CannotBeCalculated => "#A6A6A6",
        }
    }
}

/// Which significance test the trend uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendMethod {
    /// CI-weighted least squares on the values (Fingertips' default).
    #[default]
    WeightedRegression,
    /// χ² test for trend on counts (indicators compared by SPC for proportions).
    ChiSquareCounts,
}

/// One point of a series as the trend sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrendPoint {
    /// The value.
    pub value: f64,
    /// Lower 95% limit.
    pub lower95: f64,
    /// Upper 95% limit.
    pub upper95: f64,
    /// Count (NaN when absent).
    pub count: f64,
    /// Denominator (NaN when absent).
    pub denominator: f64,
}

impl TrendPoint {
    /// Valid for the trend: a value and its 95% interval (the count and a positive denominator when given).
    fn is_valid(&self, method: TrendMethod) -> bool {
        let interval = self.value.is_finite() && self.lower95.is_finite() && self.upper95.is_finite() && self.upper95 > self.lower95;
        let counts = self.count.is_finite() && self.denominator.is_finite() && self.denominator > 0.0;
        match method {
            TrendMethod::WeightedRegression => interval && (self.denominator.is_nan() || self.denominator > 0.0),
            TrendMethod::ChiSquareCounts => counts,
        }
    }
}

/// A recent trend with the numbers and rule behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecentTrendResult {
    /// The label.
    pub trend: RecentTrend,
    /// Why: the rule and numbers.
    pub reason: String,
    /// χ² of the full fit, when computed.
    pub chi_square: Option<f64>,
    /// Slope of the full fit (per period), when computed.
    pub slope: Option<f64>,
}

impl RecentTrendResult {
    fn cannot(reason: impl Into<String>) -> RecentTrendResult {
        RecentTrendResult { trend: RecentTrend::CannotBeCalculated, reason: reason.into(), chi_square: None, slope: None }
    }
}

fn fit(points: &[TrendPoint], keep: &[usize], method: TrendMethod) -> Option<TrendFit> {
    let times: Vec<f64> = (1..=keep.len()).map(|t| t as f64).collect();
    match method {
        TrendMethod::WeightedRegression => {
            let values: Vec<f64> = keep.iter().map(|&i| points[i].value).collect();
            let se: Vec<f64> = keep.iter().map(|&i| standard_error_from_95(points[i].lower95, points[i].upper95)).collect();
            weighted_trend(&times, &values, &se).ok()
        }
        TrendMethod::ChiSquareCounts => {
            let counts: Vec<f64> = keep.iter().map(|&i| points[i].count).collect();
            let denominators: Vec<f64> = keep.iter().map(|&i| points[i].denominator).collect();
            let full = chi_square_trend_counts(&times, &counts, &denominators).ok()?;
            // The stability check fits logit(x/n) by ordinary least squares.
            let logits: Vec<f64> = counts.iter().zip(&denominators).map(|(x, n)| (x / (n - x)).ln()).collect();
            let slope = ordinary_slope(&times, &logits).ok()?;
            Some(TrendFit { slope: if slope.is_finite() { slope } else { full.slope }, chi_square: full.chi_square })
        }
    }
}

/// The recent trend of `points` (oldest first) by Fingertips' rule: the run of valid points counted back
/// from the latest must be ≥ 5 long and hold no count equal to its denominator; the last 5 are fitted; the
/// trend is significant when χ² > 9.5495 and all 6 slopes (full and leave-one-out) share a sign.
pub fn recent_trend_of_points(points: &[TrendPoint], polarity: Polarity, method: TrendMethod) -> RecentTrendResult {
    if points.len() < TREND_POINTS {
        return RecentTrendResult::cannot(format!("needs at least {TREND_POINTS} points; the series has {}", points.len()));
    }
    let run = points.iter().rev().take_while(|p| p.is_valid(method)).count();
    if run < TREND_POINTS {
        let what = if method == TrendMethod::ChiSquareCounts { "count and denominator" } else { "value and 95% interval" };
        return RecentTrendResult::cannot(format!(
            "needs the latest {TREND_POINTS} points to be valid (a {what}); only the latest {run} are"
        ));
    }
    let recent = &points[points.len() - TREND_POINTS..];
    if recent.iter().any(|p| p.count.is_finite() && p.count == p.denominator) {
        return RecentTrendResult::cannot("a count equals its denominator (100%) among the last 5 points");
    }
    let all: Vec<usize> = (0..TREND_POINTS).collect();
    let Some(full) = fit(recent, &all, method) else {
        return RecentTrendResult::cannot("the trend could not be fitted to these points");
    };
    let leave_one_out: Vec<f64> = (0..TREND_POINTS)
        .filter_map(|skip| fit(recent, &without(TREND_POINTS, skip).collect::<Vec<_>>(), method).map(|f| f.slope))
        .collect();
    let stable = leave_one_out.len() == TREND_POINTS && slope_sign_stable(full.slope, &leave_one_out);
    let test = match method {
        TrendMethod::WeightedRegression => "CI-weighted regression",
        TrendMethod::ChiSquareCounts => "χ² test for trend on counts",
    };
    let numbers = format!("{test} on the last {TREND_POINTS} points: χ² = {:.2} (significant above 9.55)", full.chi_square);
    let (trend, reason) = if full.chi_square <= TREND_CHI_SQUARE_CRITICAL {
        (RecentTrend::NoSignificantChange, numbers)
    } else if !stable {
        (RecentTrend::NoSignificantChange, format!("{numbers}, but the slope changes sign when one point is left out"))
    } else {
        let sign = if full.slope >= 0.0 { 1 } else { -1 };
        (RecentTrend::for_direction(sign, polarity), format!("{numbers}; the slope keeps its sign leaving out each point"))
    };
    RecentTrendResult { trend, reason, chi_square: Some(full.chi_square), slope: Some(full.slope) }
}

/// The recent trend of one series (rows oldest first): value type and period length checked, then the points.
pub fn recent_trend(dataset: &Dataset, rows: &[usize], polarity: Polarity, method: TrendMethod) -> RecentTrendResult {
    let Some(&first) = rows.first() else { return RecentTrendResult::cannot("no data") };
    let indicator = &dataset.indicators[dataset.row(first).indicator as usize];
    if !matches!(indicator.value_type, ValueType::Proportion | ValueType::Rate) {
        return RecentTrendResult::cannot("recent trends are calculated for proportions and crude rates only");
    }
    let pooled = rows.iter().any(|&r| {
        let period = &dataset.periods[dataset.row(r).period as usize];
        matches!(period.kind, PeriodKind::MultiYear | PeriodKind::Unknown)
    });
    if pooled {
        return RecentTrendResult::cannot("recent trends need single periods (not pooled multi-year periods)");
    }
    let points: Vec<TrendPoint> = rows
        .iter()
        .map(|&r| {
            let o = dataset.row(r);
            TrendPoint { value: o.value, lower95: o.lower95, upper95: o.upper95, count: o.count, denominator: o.denominator }
        })
        .collect();
    recent_trend_of_points(&points, polarity, method)
}
