//! XmR (individuals and moving range) control limits and the Making Data Count special-cause rules.

use super::spc_rules::SpcRules;
use super::StatsError;
use serde::{Deserialize, Serialize};

/// Moving ranges at or above this multiple of the mean moving range are screened out once (NHSRplotthedots).
pub const MR_SCREEN_FACTOR: f64 = 3.267;
/// Process limits are this multiple of the mean moving range from the centre (3 / 1.128).
pub const LIMIT_FACTOR: f64 = 2.66;
/// Default length of a run (trend or shift) that signals a special cause.
pub const RUN_LENGTH: usize = 7;

/// Centre line and limits of an XmR chart.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct XmrLimits {
    /// Centre line: mean of the baseline points.
    pub mean: f64,
    /// Mean moving range after screening.
    pub mean_moving_range: f64,
    /// Upper process limit (3σ).
    pub upper: f64,
    /// Lower process limit (3σ).
    pub lower: f64,
    /// Upper 2σ ("near") limit.
    pub upper_near: f64,
    /// Lower 2σ ("near") limit.
    pub lower_near: f64,
}

/// XmR limits from `baseline` values in time order; moving ranges ≥ 3.267 × their mean are dropped and
/// the mean recomputed once when `screen_outliers` is true.
///
/// # Method / Reference
/// Making Data Count (NHS England); NHSRplotthedots v0.2.2 `ptd_spc` (`R/ptd_spc_standard.R`): mean ± 2.66 × mean
/// moving range, screening MRs ≥ 3.267 × their mean.
pub fn xmr_limits(baseline: &[f64], screen_outliers: bool) -> Result<XmrLimits, StatsError> {
    if baseline.len() < 2 {
        return Err(StatsError::TooFewValues { needed: 2, found: baseline.len() });
    }
    if baseline.iter().any(|v| !v.is_finite()) {
        return Err(StatsError::Missing("value"));
    }
    let mean = baseline.iter().sum::<f64>() / baseline.len() as f64;
    let ranges: Vec<f64> = baseline.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
    let mut mean_moving_range = ranges.iter().sum::<f64>() / ranges.len() as f64;
    if screen_outliers {
        let kept: Vec<f64> = ranges.iter().copied().filter(|&r| r < MR_SCREEN_FACTOR * mean_moving_range).collect();
        if !kept.is_empty() {
            mean_moving_range = kept.iter().sum::<f64>() / kept.len() as f64;
        }
    }
    let width = LIMIT_FACTOR * mean_moving_range;
    Ok(XmrLimits {
        mean,
        mean_moving_range,
        upper: mean + width,
        lower: mean - width,
        upper_near: mean + width * 2.0 / 3.0,
        lower_near: mean - width * 2.0 / 3.0,
    })
}

/// The rule that flagged a point, in Making Data Count precedence (the first that applies wins).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpecialCauseRule {
    /// Above the upper process limit.
    AboveUpperLimit,
    /// Below the lower process limit.
    BelowLowerLimit,
    /// Part of a run of 7 points each higher than the one before.
    TrendIncreasing,
    /// Part of a run of 7 points each lower than the one before.
    TrendDecreasing,
    /// In the upper 2σ–3σ band with another of 3 consecutive points, all 3 above the mean.
    TwoInThreeAbove,
    /// In the lower 2σ–3σ band with another of 3 consecutive points, all 3 below the mean.
    TwoInThreeBelow,
    /// Part of a run of 7 points above the mean.
    ShiftAbove,
    /// Part of a run of 7 points below the mean.
    ShiftBelow,
}

impl SpecialCauseRule {
    /// +1 when the rule says high (above, increasing), −1 when low.
    ///
    /// # Method / Reference
    /// NHSRplotthedots v0.2.2 (`R/ptd_calculate_point_type.R`): +1 for Above/Increasing, −1 for Below/Decreasing.
    pub fn side(self) -> i8 {
        use SpecialCauseRule::*;
        match self {
            AboveUpperLimit | TrendIncreasing | TwoInThreeAbove | ShiftAbove => 1,
            BelowLowerLimit | TrendDecreasing | TwoInThreeBelow | ShiftBelow => -1,
        }
    }

    /// The rule in words with the run lengths of `rules` ("8 points below the mean").
    ///
    /// # Method / Reference
    /// NHSRplotthedots v0.2.2 (`R/ptd_calculate_point_type.R`) rule names, with the chosen run lengths.
    pub fn describe(self, rules: &SpcRules) -> String {
        use SpecialCauseRule::*;
        match self {
            TrendIncreasing => format!("{} point trend (increasing)", rules.trend_length),
            TrendDecreasing => format!("{} point trend (decreasing)", rules.trend_length),
            ShiftAbove => format!("{} points above the mean", rules.shift_length),
            ShiftBelow => format!("{} points below the mean", rules.shift_length),
            other => other.text().to_owned(),
        }
    }

    /// The rule in words with the default run lengths, as NHSRplotthedots names it.
    ///
    /// # Method / Reference
    /// NHSRplotthedots v0.2.2 (`R/ptd_calculate_point_type.R`) rule names.
    pub fn text(self) -> &'static str {
        use SpecialCauseRule::*;
        match self {
            AboveUpperLimit => "Above upper limit",
            BelowLowerLimit => "Below lower limit",
            TrendIncreasing => "7 point trend (increasing)",
            TrendDecreasing => "7 point trend (decreasing)",
            TwoInThreeAbove => "2 in 3 above the near (2σ) limit",
            TwoInThreeBelow => "2 in 3 below the near (2σ) limit",
            ShiftAbove => "7 points above the mean",
            ShiftBelow => "7 points below the mean",
        }
    }
}

/// Marks every point of each run of `RUN_LENGTH` or more consecutive indices where `step(i)` holds
/// between consecutive points (for trends) or `each(i)` holds for each point (for shifts).
fn mark_runs(len: usize, in_run: impl Fn(usize) -> bool, run_length: usize) -> Vec<bool> {
    let mut marked = vec![false; len];
    let mut start = 0;
    for i in 0..=len {
        if i == len || !in_run(i) {
            if i - start >= run_length {
                marked[start..i].iter_mut().for_each(|m| *m = true);
            }
            start = i + 1;
        }
    }
    marked
}

/// The special-cause rule (if any) for each of `values` against `limits` under the default rules.
///
/// # Method / Reference
/// Making Data Count; NHSRplotthedots v0.2.2 (`R/ptd_calculate_point_type.R`) with its default rules.
pub fn special_causes(values: &[f64], limits: &XmrLimits) -> Vec<Option<SpecialCauseRule>> {
    special_causes_with(values, limits, &SpcRules::default())
}

/// The special-cause rule (if any) for each of `values` against `limits`, in precedence order:
/// outside the limits, trend, two in three beyond the near limits (when on), shift; run lengths from `rules`.
///
/// # Method / Reference
/// Making Data Count; NHSRplotthedots v0.2.2 (`R/ptd_calculate_point_type.R`): precedence outside limits, trend,
/// two in three, shift.
pub fn special_causes_with(values: &[f64], limits: &XmrLimits, rules: &SpcRules) -> Vec<Option<SpecialCauseRule>> {
    use SpecialCauseRule::*;
    let n = values.len();
    // Trends: a point is in a rising run when it rose from the one before; 7 points = 6 rises.
    let rising = |i: usize| i > 0 && values[i] > values[i - 1];
    let falling = |i: usize| i > 0 && values[i] < values[i - 1];
    let runs_of_steps = |step: &dyn Fn(usize) -> bool| {
        let mut marked = vec![false; n];
        let mut i = 1;
        while i < n {
            if step(i) {
                let start = i - 1;
                let mut end = i;
                while end + 1 < n && step(end + 1) {
                    end += 1;
                }
                if end - start + 1 >= rules.trend_length {
                    marked[start..=end].iter_mut().for_each(|m| *m = true);
                }
                i = end + 1;
            } else {
                i += 1;
            }
        }
        marked
    };
    let trend_up = runs_of_steps(&rising);
    let trend_down = runs_of_steps(&falling);
    let above = mark_runs(n, |i| values[i] > limits.mean, rules.shift_length);
    let below = mark_runs(n, |i| values[i] < limits.mean, rules.shift_length);
    let in_upper_band = |i: usize| values[i] > limits.upper_near && values[i] <= limits.upper;
    let in_lower_band = |i: usize| values[i] < limits.lower_near && values[i] >= limits.lower;
    let mut two_in_three_above = vec![false; n];
    let mut two_in_three_below = vec![false; n];
    let windows = if rules.two_in_three { n.saturating_sub(2) } else { 0 };
    for start in 0..windows {
        let window = start..start + 3;
        if window.clone().all(|i| values[i] > limits.mean) && window.clone().filter(|&i| in_upper_band(i)).count() >= 2 {
            window.clone().filter(|&i| in_upper_band(i)).for_each(|i| two_in_three_above[i] = true);
        }
        if window.clone().all(|i| values[i] < limits.mean) && window.clone().filter(|&i| in_lower_band(i)).count() >= 2 {
            window.clone().filter(|&i| in_lower_band(i)).for_each(|i| two_in_three_below[i] = true);
        }
    }
    (0..n)
        .map(|i| {
            let v = values[i];
            if !v.is_finite() {
                None
            } else if v > limits.upper {
                Some(AboveUpperLimit)
            } else if v < limits.lower {
                Some(BelowLowerLimit)
            } else if trend_up[i] {
                Some(TrendIncreasing)
            } else if trend_down[i] {
                Some(TrendDecreasing)
            } else if two_in_three_above[i] {
                Some(TwoInThreeAbove)
            } else if two_in_three_below[i] {
                Some(TwoInThreeBelow)
            } else if above[i] {
                Some(ShiftAbove)
            } else if below[i] {
                Some(ShiftBelow)
            } else {
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_of_a_simple_series() {
        // Ranges 1,1,1 → MR̄ 1; mean 2.5; limits 2.5 ± 2.66.
        let l = xmr_limits(&[1.0, 2.0, 3.0, 4.0], true).unwrap();
        assert!((l.mean - 2.5).abs() < 1e-12);
        assert!((l.upper - 5.16).abs() < 1e-12);
        assert!((l.lower_near - (2.5 - 2.66 * 2.0 / 3.0)).abs() < 1e-12);
        assert!(xmr_limits(&[1.0], true).is_err());
        assert!(xmr_limits(&[1.0, f64::NAN], true).is_err());
    }

    #[test]
    fn a_tie_breaks_a_trend_and_the_mean_breaks_a_shift() {
        let limits = XmrLimits { mean: 0.0, mean_moving_range: 10.0, upper: 26.6, lower: -26.6, upper_near: 17.7, lower_near: -17.7 };
        let with_tie = [1.0, 2.0, 3.0, 3.0, 4.0, 5.0, 6.0, 7.0];
        assert!(special_causes(&with_tie, &limits).iter().take(3).all(|r| *r == Some(SpecialCauseRule::ShiftAbove)));
        let with_zero = [1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0];
        assert!(special_causes(&with_zero, &limits).iter().all(Option::is_none));
    }
}
