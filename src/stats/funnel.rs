//! Funnel plot control limits and significance (`calculate_funnel_limits`, `assign_funnel_significance`).

use super::distributions::{chisq_quantile, norm_quantile};
use super::funnel_curve::{funnel_axis, funnel_row, FunnelRow};
use super::funnel_limit::sigma_adjustment;
use super::funnel_statistic::{FunnelStatistic, RateType, RatioType, Side};
use super::{format_multiplier, StatsError};

/// A funnel: its 100 points and labels.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelLimits {
    /// The x column name the package uses ("Population", "Observed_events", "Events").
    pub x_name: &'static str,
    /// The points.
    pub rows: Vec<FunnelRow>,
    /// "proportion", "ratio (count)", "rate (dsr per 100,000)", …
    pub statistic: String,
    /// "Wilson" or "Poisson".
    pub method: &'static str,
}

/// Exact (< 10) or Byars limit of `obs` at two-sided level p, divided by `expected`.
fn ratio_limit(obs: f64, expected: f64, p: f64, side: Side) -> f64 {
    let t = if obs == 0.0 && side == Side::Low {
        0.0
    } else if obs < 10.0 {
        match side {
            Side::Low => chisq_quantile(1.0 - (0.5 + p / 2.0), 2.0 * obs) / 2.0,
            Side::High => chisq_quantile(0.5 + p / 2.0, 2.0 * obs + 2.0) / 2.0,
        }
    } else {
        let z = norm_quantile(0.5 + p / 2.0);
        match side {
            Side::Low => obs * (1.0 - 1.0 / (9.0 * obs) - z / 3.0 / obs.sqrt()).powi(3),
            Side::High => (obs + 1.0) * (1.0 - 1.0 / (9.0 * (obs + 1.0)) + z / 3.0 / (obs + 1.0).sqrt()).powi(3),
        }
    };
    t / expected
}

/// Checks lengths and signs shared by both entry points.
fn check(numerator: &[f64], other: Option<&[f64]>, name: &'static str) -> Result<(), StatsError> {
    if numerator.is_empty() {
        return Err(StatsError::TooFewValues { needed: 1, found: 0 });
    }
    if let Some(o) = other {
        if o.len() != numerator.len() {
            return Err(StatsError::LengthMismatch { expected: numerator.len(), found: o.len() });
        }
        if o.iter().any(|v| v.is_nan()) {
            return Err(StatsError::Missing(name));
        }
    }
    if numerator.iter().any(|v| v.is_nan()) {
        return Err(StatsError::Missing("numerator"));
    }
    if numerator.iter().any(|&v| v < 0.0) {
        return Err(StatsError::NegativeNumerator);
    }
    Ok(())
}

/// Denominators used for the average: given ones, or derived from rates as multiplier × events / rate.
fn derived(numerator: &[f64], denominator: Option<&[f64]>, rate: Option<&[f64]>, stat: FunnelStatistic, m: f64) -> Result<Vec<f64>, StatsError> {
    match stat {
        FunnelStatistic::Rate { rate_type, .. } => {
            let rate = rate.ok_or(StatsError::Missing("rate"))?;
            check(numerator, None, "rate")?;
            if rate.len() != numerator.len() {
                return Err(StatsError::LengthMismatch { expected: numerator.len(), found: rate.len() });
            }
            // A rate may be missing only where there are no events (it is not used there).
            if numerator.iter().zip(rate).any(|(&x, r)| x != 0.0 && r.is_nan()) {
                return Err(StatsError::Missing("rate"));
            }
            if let Some(d) = denominator {
                check(numerator, Some(d), "denominator")?;
            } else if numerator.contains(&0.0) {
                return Err(StatsError::Invalid("for rates with 0 events the denominator is needed".into()));
            }
            Ok((0..numerator.len())
                .map(|i| match (numerator[i] == 0.0, rate_type) {
                    (true, RateType::Dsr) => f64::NAN,
                    (true, RateType::Crude) => denominator.map_or(f64::NAN, |d| d[i]),
                    _ => m * numerator[i] / rate[i],
                })
                .collect())
        }
        _ => {
            let d = denominator.ok_or(StatsError::Missing("denominator"))?;
            check(numerator, Some(d), "denominator")?;
            if d.iter().any(|&v| v <= 0.0) {
                return Err(StatsError::NonPositiveDenominator);
            }
            if stat == FunnelStatistic::Proportion && numerator.iter().zip(d).any(|(x, n)| x > n) {
                return Err(StatsError::NumeratorGreaterThanDenominator);
            }
            Ok(d.to_vec())
        }
    }
}

/// The package's 100 funnel points and their control limits for proportions, ratios or rates.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `calculate_funnel_limits` (`R/Funnels.R`, helpers in `R/utils.R`); tested against
/// its `testdata_funnel_*_outputs.csv`.
pub fn calculate_funnel_limits(
    numerator: &[f64],
    denominator: Option<&[f64]>,
    rate: Option<&[f64]>,
    statistic: FunnelStatistic,
    multiplier: f64,
) -> Result<FunnelLimits, StatsError> {
    if !(multiplier.is_finite() && multiplier > 0.0) {
        return Err(StatsError::InvalidMultiplier(multiplier));
    }
    let den = derived(numerator, denominator, rate, statistic, multiplier)?;
    let known: Vec<f64> = den.iter().copied().filter(|v| !v.is_nan()).collect();
    if known.is_empty() {
        return Err(StatsError::Missing("denominator"));
    }
    let av = numerator.iter().sum::<f64>() / known.iter().sum::<f64>();
    let min_d = known.iter().copied().fold(f64::INFINITY, f64::min);
    let max_d = known.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let years = match statistic {
        FunnelStatistic::Rate { years_of_data, .. } if years_of_data > 0.0 && years_of_data.is_finite() => years_of_data,
        FunnelStatistic::Rate { .. } => return Err(StatsError::Invalid("years_of_data must be positive".into())),
        _ => 1.0,
    };
    let xs = funnel_axis(statistic, min_d, max_d, av, years);
    let rows = xs.iter().map(|&x| funnel_row(statistic, x, av, multiplier, years)).collect();
    let (x_name, statistic, method) = match statistic {
        FunnelStatistic::Proportion => ("Population", "proportion".to_string(), "Wilson"),
        FunnelStatistic::Ratio(RatioType::Count) => ("Observed_events", "ratio (count)".to_string(), "Poisson"),
        FunnelStatistic::Ratio(RatioType::Isr) => ("Observed_events", "ratio (isr)".to_string(), "Poisson"),
        FunnelStatistic::Rate { rate_type, .. } => {
            let t = if rate_type == RateType::Dsr { "dsr" } else { "crude" };
            ("Events", format!("rate ({t} per {})", with_commas(&format_multiplier(multiplier))), "Poisson")
        }
    };
    Ok(FunnelLimits { x_name, rows, statistic, method })
}

/// R's `format(x, big.mark = ",")` for a whole-number label.
fn with_commas(s: &str) -> String {
    let (int, frac) = s.split_once('.').map_or((s, None), |(a, b)| (a, Some(b)));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    frac.map_or(out.clone(), |f| format!("{out}.{f}"))
}

/// Significance of each row against the funnel: "High (0.001)", "Low (0.025)", "Not significant", …
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `assign_funnel_significance` (`R/Funnels.R`): Wilson-style limits for proportions,
/// exact (< 10) or Byars limits for ratios and rates.
pub fn assign_funnel_significance(
    numerator: &[f64],
    denominator: Option<&[f64]>,
    rate: Option<&[f64]>,
    statistic: FunnelStatistic,
    multiplier: f64,
) -> Result<Vec<&'static str>, StatsError> {
    let den = derived(numerator, denominator, rate, statistic, multiplier)?;
    let classify = |hi3: bool, hi2: bool, lo3: bool, lo2: bool| match (hi3, hi2, lo3, lo2) {
        (true, _, _, _) => "High (0.001)",
        (_, true, _, _) => "High (0.025)",
        (_, _, true, _) => "Low (0.001)",
        (_, _, _, true) => "Low (0.025)",
        _ => "Not significant",
    };
    let out = match statistic {
        FunnelStatistic::Proportion => {
            let av = numerator.iter().sum::<f64>() / den.iter().sum::<f64>();
            (0..numerator.len())
                .map(|i| {
                    let (p, n) = (numerator[i] / den[i], den[i]);
                    // Lows are tested first, as the package's case_when.
                    if p < sigma_adjustment(0.999, n, av, Side::Low, 1.0) {
                        "Low (0.001)"
                    } else if p < sigma_adjustment(0.975, n, av, Side::Low, 1.0) {
                        "Low (0.025)"
                    } else if p > sigma_adjustment(0.999, n, av, Side::High, 1.0) {
                        "High (0.001)"
                    } else if p > sigma_adjustment(0.975, n, av, Side::High, 1.0) {
                        "High (0.025)"
                    } else {
                        "Not significant"
                    }
                })
                .collect()
        }
        FunnelStatistic::Ratio(_) => (0..numerator.len())
            .map(|i| {
                let (o, e) = (numerator[i], den[i]);
                classify(
                    1.0 < ratio_limit(o, e, 0.998, Side::Low),
                    1.0 < ratio_limit(o, e, 0.95, Side::Low),
                    1.0 > ratio_limit(o, e, 0.998, Side::High),
                    1.0 > ratio_limit(o, e, 0.95, Side::High),
                )
            })
            .collect(),
        FunnelStatistic::Rate { rate_type, .. } => {
            let wa = numerator.iter().sum::<f64>() / den.iter().filter(|v| !v.is_nan()).sum::<f64>();
            (0..numerator.len())
                .map(|i| {
                    let (o, d) = (numerator[i], den[i]);
                    if rate_type == RateType::Dsr && o < 10.0 {
                        return "Not applicable for events less than 10 for dsrs";
                    }
                    classify(
                        wa < ratio_limit(o, d, 0.998, Side::Low),
                        wa < ratio_limit(o, d, 0.95, Side::Low),
                        wa > ratio_limit(o, d, 0.998, Side::High),
                        wa > ratio_limit(o, d, 0.95, Side::High),
                    )
                })
                .collect()
        }
    };
    Ok(out)
}
