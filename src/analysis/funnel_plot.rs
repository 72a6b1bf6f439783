//! A funnel plot around a target: limit curves over the denominators and each unit's position, optionally overdispersed.

use crate::stats::{funnel_axis, funnel_row, norm_quantile, overdispersion, poisson_funnel, sigma_adjustment, FunnelStatistic, RateType, Side};
use serde::{Deserialize, Serialize};

/// Which family of limits: Wilson-style for proportions, exact Poisson for rates and ratios.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FunnelKind {
    /// Numerator ÷ denominator.
    Proportion,
    /// Events ÷ population (or observed ÷ expected).
    Poisson,
}

/// How overdispersion is allowed for (Spiegelhalter 2005), off by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OverdispersionMethod {
    /// Plain binomial / Poisson limits.
    #[default]
    None,
    /// Limits widened by √φ (winsorised z-scores).
    Multiplicative,
    /// Random-effects limits with between-unit variance τ².
    Additive,
}

/// Where a unit lies against the limits at its own denominator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FunnelPosition {
    /// Above the upper 99.8% limit.
    #[serde(rename = "above_99_8")]
    Above998,
    /// Above the upper 95% limit (within 99.8%).
    #[serde(rename = "above_95")]
    Above95,
    /// Within the 95% limits.
    #[serde(rename = "within")]
    Within,
    /// Below the lower 95% limit (within 99.8%).
    #[serde(rename = "below_95")]
    Below95,
    /// Below the lower 99.8% limit.
    #[serde(rename = "below_99_8")]
    Below998,
}

impl FunnelPosition {
    /// The position in words.
    pub fn text(self) -> &'static str {
        match self {
            FunnelPosition::Above998 => "above the 99.8% limit",
            FunnelPosition::Above95 => "above the 95% limit",
            FunnelPosition::Within => "within the 95% limits",
            FunnelPosition::Below95 => "below the 95% limit",
            FunnelPosition::Below998 => "below the 99.8% limit",
        }
    }
}

/// The four limits at one denominator (None where a curve does not reach).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FunnelLimitPoint {
    /// Denominator (population, or expected events for ratios).
    pub denominator: f64,
    /// Lower 95% limit.
    pub lower_95: Option<f64>,
    /// Upper 95% limit.
    pub upper_95: Option<f64>,
    /// Lower 99.8% limit.
    pub lower_99_8: Option<f64>,
    /// Upper 99.8% limit.
    pub upper_99_8: Option<f64>,
}

/// The overdispersion applied, with its estimates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OverdispersionUsed {
    /// Which adjustment.
    pub method: OverdispersionMethod,
    /// φ from 10%-winsorised z-scores.
    pub phi: f64,
    /// τ² on the value scale.
    pub tau_squared: f64,
}

/// A funnel's limit curves and each unit's position.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelPlot {
    /// Limit curves, by increasing denominator.
    pub limits: Vec<FunnelLimitPoint>,
    /// Position of each unit, in input order.
    pub positions: Vec<FunnelPosition>,
    /// The overdispersion adjustment, when asked for.
    pub overdispersion: Option<OverdispersionUsed>,
}

/// The inputs of one funnel: values × multiplier, counts and denominators per unit, the target value.
#[derive(Clone, Debug)]
pub struct FunnelInput<'a> {
    /// Proportion or Poisson.
    pub kind: FunnelKind,
    /// Values (× multiplier).
    pub values: &'a [f64],
    /// Counts (numerators, events, observed).
    pub counts: &'a [f64],
    /// Denominators (populations, or expected events).
    pub denominators: &'a [f64],
    /// The target (benchmark) value × multiplier.
    pub target: f64,
    /// Multiplier of the values (100 for %).
    pub multiplier: f64,
    /// Overdispersion adjustment.
    pub overdispersion: OverdispersionMethod,
}

fn classify(above3: bool, above2: bool, below3: bool, below2: bool) -> FunnelPosition {
    match (above3, above2, below3, below2) {
        (true, ..) => FunnelPosition::Above998,
        (_, true, ..) => FunnelPosition::Above95,
        (_, _, true, _) => FunnelPosition::Below998,
        (.., true) => FunnelPosition::Below95,
        _ => FunnelPosition::Within,
    }
}

/// Linear interpolation of a curve (x ascending) at `x` on log scales; None outside it.
fn interpolate(curve: &[(f64, f64)], x: f64) -> Option<f64> {
    let i = curve.partition_point(|p| p.0 < x);
    match (i.checked_sub(1).and_then(|j| curve.get(j)), curve.get(i)) {
        (_, Some(&(x1, y1))) if x1 == x => Some(y1),
        (Some(&(x0, y0)), Some(&(x1, y1))) => {
            let t = (x.ln() - x0.ln()) / (x1.ln() - x0.ln());
            Some(y0 + t * (y1 - y0))
        }
        _ => None,
    }
}

/// Denominators from `low` to `high`, spaced geometrically (`n` points).
fn geometric(low: f64, high: f64, n: usize) -> Vec<f64> {
    let (low, high) = (low.max(1e-9), high.max(low * 1.0001));
    (0..n).map(|i| low * (high / low).powf(i as f64 / (n - 1) as f64)).collect()
}

/// Whole event counts whose four limit curves together span expected counts `low`..`high` (geometric, ≤ ~160 points).
fn event_grid(low: f64, high: f64) -> Vec<f64> {
    // A curve at expected count E passes through about E ± 3.1·√E events: widen by 4·√E and a few events.
    let from = (low - 4.0 * low.max(0.0).sqrt() - 5.0).max(0.0);
    let to = high + 4.0 * high.max(0.0).sqrt() + 5.0;
    let mut grid: Vec<f64> = geometric(from + 1.0, to + 1.0, 120).into_iter().map(|x| (x - 1.0).round()).collect();
    grid.dedup();
    grid
}

/// Limits and positions: the package's Wilson (proportions) or exact Poisson limits around the target,
/// or normal limits widened for overdispersion (Spiegelhalter 2005) when asked.
pub fn funnel_plot(input: &FunnelInput<'_>) -> Result<FunnelPlot, String> {
    let m = input.multiplier;
    let theta = input.target / m;
    let n = input.values.len();
    if n != input.counts.len() || n != input.denominators.len() {
        return Err("values, counts and denominators differ in length".into());
    }
    if !(theta.is_finite() && theta > 0.0) || (input.kind == FunnelKind::Proportion && theta >= 1.0) {
        return Err(format!("the target {} cannot centre a funnel", input.target));
    }
    let min_d = input.denominators.iter().copied().fold(f64::INFINITY, f64::min);
    let max_d = input.denominators.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let se = |d: f64| match input.kind {
        FunnelKind::Proportion => m * (theta * (1.0 - theta) / d).sqrt(),
        FunnelKind::Poisson => m * (theta / d).sqrt(),
    };
    if input.overdispersion != OverdispersionMethod::None {
        let errors: Vec<f64> = input.denominators.iter().map(|&d| se(d)).collect();
        let z: Vec<f64> = input.values.iter().zip(&errors).map(|(v, s)| (v - input.target) / s).collect();
        let od = overdispersion(&z, &errors).map_err(|e| format!("overdispersion: {e}"))?;
        let spread = |d: f64| match input.overdispersion {
            OverdispersionMethod::Additive => (se(d).powi(2) + od.tau_squared).sqrt(),
            _ => se(d) * od.phi.sqrt(),
        };
        let (z95, z998) = (norm_quantile(0.975), norm_quantile(0.999));
        let cap = |v: f64| if input.kind == FunnelKind::Proportion { v.clamp(0.0, m) } else { v.max(0.0) };
        let limits = geometric(min_d * 0.9, max_d * 1.05, 120)
            .into_iter()
            .map(|d| FunnelLimitPoint {
                denominator: d,
                lower_95: Some(cap(input.target - z95 * spread(d))),
                upper_95: Some(cap(input.target + z95 * spread(d))),
                lower_99_8: Some(cap(input.target - z998 * spread(d))),
                upper_99_8: Some(cap(input.target + z998 * spread(d))),
            })
            .collect();
        let positions = input
            .values
            .iter()
            .zip(input.denominators)
            .map(|(&v, &d)| {
                let z = (v - input.target) / spread(d);
                classify(z > z998, z > z95, z < -z998, z < -z95)
            })
            .collect();
        let used = OverdispersionUsed { method: input.overdispersion, phi: od.phi, tau_squared: od.tau_squared };
        return Ok(FunnelPlot { limits, positions, overdispersion: Some(used) });
    }
    match input.kind {
        FunnelKind::Proportion => {
            let limits = funnel_axis(FunnelStatistic::Proportion, min_d, max_d, theta, 1.0)
                .into_iter()
                .map(|x| {
                    let row = funnel_row(FunnelStatistic::Proportion, x, theta, m, 1.0);
                    FunnelLimitPoint {
                        denominator: x,
                        lower_95: Some(row.lower_2s_limit),
                        upper_95: Some(row.upper_2s_limit),
                        lower_99_8: Some(row.lower_3s_limit),
                        upper_99_8: Some(row.upper_3s_limit),
                    }
                })
                .collect();
            let positions = input
                .counts
                .iter()
                .zip(input.denominators)
                .map(|(&o, &d)| {
                    let p = o / d;
                    let limit = |q: f64, side: Side| sigma_adjustment(q, d, theta, side, 1.0);
                    classify(p > limit(0.999, Side::High), p > limit(0.975, Side::High), p < limit(0.999, Side::Low), p < limit(0.975, Side::Low))
                })
                .collect();
            Ok(FunnelPlot { limits, positions, overdispersion: None })
        }
        FunnelKind::Poisson => {
            let rate = FunnelStatistic::Rate { rate_type: RateType::Crude, years_of_data: 1.0 };
            let rows: Vec<_> = event_grid(theta * min_d * 0.9, theta * max_d * 1.05).into_iter().map(|x| funnel_row(rate, x, theta, m, 1.0)).collect();
            let curve = |k: usize, limit: fn(&crate::stats::FunnelRow) -> f64| {
                let mut points: Vec<(f64, f64)> =
                    rows.iter().map(|r| (r.denominators[k], limit(r))).filter(|p| p.0.is_finite() && p.0 > 0.0 && p.1.is_finite()).collect();
                points.sort_by(|a, b| a.0.total_cmp(&b.0));
                points
            };
            let curves = [curve(0, |r| r.lower_2s_limit), curve(1, |r| r.upper_2s_limit), curve(2, |r| r.lower_3s_limit), curve(3, |r| r.upper_3s_limit)];
            let limits = geometric(min_d * 0.9, max_d * 1.05, 120)
                .into_iter()
                .map(|d| FunnelLimitPoint {
                    denominator: d,
                    lower_95: interpolate(&curves[0], d),
                    upper_95: interpolate(&curves[1], d),
                    lower_99_8: interpolate(&curves[2], d),
                    upper_99_8: interpolate(&curves[3], d),
                })
                .collect();
            let positions = input
                .counts
                .iter()
                .zip(input.denominators)
                .map(|(&o, &d)| {
                    let (o, expected) = (o.round(), theta * d);
                    // High when even the lowest mean that makes `o` plausible exceeds the expected count.
                    classify(
                        poisson_funnel(o, 0.001, Side::Low) > expected,
                        poisson_funnel(o, 0.025, Side::Low) > expected,
                        poisson_funnel(o, 0.001, Side::High) < expected,
                        poisson_funnel(o, 0.025, Side::High) < expected,
                    )
                })
                .collect();
            Ok(FunnelPlot { limits, positions, overdispersion: None })
        }
    }
}
