//! The points of a funnel's control-limit curves around any target (the package's axis and limits, one point at a time).

use super::funnel_limit::{poisson_funnel, sigma_adjustment};
use super::funnel_statistic::{FunnelStatistic, RatioType, Side};

/// One of the 100 points of a funnel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FunnelRow {
    /// Population (proportion), observed events (ratio) or events (rate).
    pub x: f64,
    /// Lower 95% (0.025) limit.
    pub lower_2s_limit: f64,
    /// Upper 95% (0.025) limit.
    pub upper_2s_limit: f64,
    /// Lower 99.8% (0.001) limit.
    pub lower_3s_limit: f64,
    /// Upper 99.8% (0.001) limit.
    pub upper_3s_limit: f64,
    /// Expected events (ratio) or one-year population (rate) at each limit, in the order above; NaN for proportions.
    pub denominators: [f64; 4],
    /// Baseline average × multiplier (NaN for ratios).
    pub baseline: f64,
}

/// The package's 100 x positions between the smallest and largest denominators `min_d`..`max_d`
/// (populations for proportions; events, from `average` per unit, for rates; observed events for ratios).
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `calculate_funnel_limits` (`R/Funnels.R`): its 100 geometric x-axis points and
/// rounded axis ends.
pub fn funnel_axis(statistic: FunnelStatistic, min_d: f64, max_d: f64, average: f64, years: f64) -> Vec<f64> {
    let is_rate = matches!(statistic, FunnelStatistic::Rate { .. });
    // Axis: from 0 when the denominators span more than ×2, else a rounded-down minimum.
    let mut axis_min = if max_d > 2.0 * min_d { 0.0 } else { signif_floor(min_d / years) * years };
    let mut axis_max = signif_ceiling(max_d / years) * years;
    if is_rate {
        axis_min = (axis_min * average).floor();
        axis_max = (axis_max * average).ceil();
    }
    // 100 points spaced geometrically (R's round() is half-to-even).
    let mut xs = vec![axis_min.max(1.0)];
    let ratio = matches!(statistic, FunnelStatistic::Ratio(_));
    for j in 2..=100 {
        let offset = if ratio { j - 1 } else { j } as f64;
        let prev = xs[j - 2];
        xs.push(r_max(((axis_max / prev).powf(1.0 / (101.0 - offset)) * prev).round_ties_even(), prev + 1.0));
    }
    xs
}

/// The control limits at one x around `average` (a proportion 0–1, or a rate per unit of population;
/// ratios are around 1): limits × `multiplier`; for rates the population of each limit is in `denominators`.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `calculate_funnel_limits` (`R/Funnels.R`): the 0.025 (2σ) and 0.001 (3σ) limits at
/// one point.
pub fn funnel_row(statistic: FunnelStatistic, x: f64, average: f64, multiplier: f64, years: f64) -> FunnelRow {
    match statistic {
        FunnelStatistic::Proportion => FunnelRow {
            x,
            lower_2s_limit: r_max(0.0, sigma_adjustment(0.975, x, average, Side::Low, multiplier)),
            upper_2s_limit: r_min(100.0, sigma_adjustment(0.975, x, average, Side::High, multiplier)),
            lower_3s_limit: r_max(0.0, sigma_adjustment(0.999, x, average, Side::Low, multiplier)),
            upper_3s_limit: r_min(100.0, sigma_adjustment(0.999, x, average, Side::High, multiplier)),
            denominators: [f64::NAN; 4],
            baseline: average * multiplier,
        },
        FunnelStatistic::Ratio(rt) => {
            let e = poisson_means(x);
            let f = |v: f64| match rt {
                RatioType::Count => v - 1.0,
                RatioType::Isr => v * 100.0,
            };
            FunnelRow {
                x,
                lower_2s_limit: f(x / e[0]),
                upper_2s_limit: f(x / e[1]),
                lower_3s_limit: f(x / e[2]),
                upper_3s_limit: f(x / e[3]),
                denominators: e,
                baseline: f64::NAN,
            }
        }
        FunnelStatistic::Rate { .. } => {
            let pop = poisson_means(x).map(|lambda| lambda / average);
            FunnelRow {
                x,
                lower_2s_limit: x / pop[0] * multiplier,
                upper_2s_limit: x / pop[1] * multiplier,
                lower_3s_limit: x / pop[2] * multiplier,
                upper_3s_limit: x / pop[3] * multiplier,
                denominators: pop.map(|p| p / years),
                baseline: average * multiplier,
            }
        }
    }
}

/// Poisson means at which `x` events sit on the lower 95%, upper 95%, lower 99.8% and upper 99.8% limits.
fn poisson_means(x: f64) -> [f64; 4] {
    [poisson_funnel(x, 0.025, Side::High), poisson_funnel(x, 0.025, Side::Low), poisson_funnel(x, 0.001, Side::High), poisson_funnel(x, 0.001, Side::Low)]
}

/// R's `max`: NaN when either is NaN (Rust's `f64::max` drops the NaN).
fn r_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.max(b)
    }
}

/// R's `min`: NaN when either is NaN.
fn r_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.min(b)
    }
}

/// Number of characters R prints for a non-negative whole number (R switches to e-notation when shorter).
fn r_nchar(x: f64) -> i32 {
    if !(x.is_finite() && x >= 1.0) {
        return 1;
    }
    let fixed = format!("{x:.0}");
    let sig = fixed.trim_end_matches('0').len() as i32;
    let sci = if sig > 1 { sig + 5 } else { 5 };
    (fixed.len() as i32).min(sci)
}

/// The package's rounded-down axis start.
fn signif_floor(x: f64) -> f64 {
    if x == 0.0 {
        return 0.0;
    }
    let n = r_nchar((x * 0.95).floor()) - 1;
    (x * 0.95 / 10f64.powi(n)).floor() * 10f64.powi(n)
}

/// The package's rounded-up axis end.
fn signif_ceiling(x: f64) -> f64 {
    if x == 0.0 {
        return 0.0;
    }
    let n = r_nchar((x * 1.05).ceil()) - 2;
    (x * 1.05 / 10f64.powi(n)).ceil() * 10f64.powi(n)
}
