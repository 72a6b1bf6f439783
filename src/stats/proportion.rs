//! Proportions with Wilson score confidence intervals (`phe_proportion`).

use super::confidence::{normalise_confidence, z_value};
use super::{format_multiplier, Estimate, StatsError};

/// Wilson lower limit on the proportion scale (normalised confidence c; c = 1 gives 0).
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `wilson_lower` (`R/utils.R`); Fingertips technical guidance, Wilson score interval
/// for proportions.
pub fn wilson_lower(x: f64, n: f64, c: f64) -> f64 {
    if c == 1.0 {
        return 0.0;
    }
    let z = z_value(c);
    (2.0 * x + z * z - z * (z * z + 4.0 * x * (1.0 - x / n)).sqrt()) / 2.0 / (n + z * z)
}

/// Wilson upper limit on the proportion scale (normalised confidence c; c = 1 gives 1).
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `wilson_upper` (`R/utils.R`).
pub fn wilson_upper(x: f64, n: f64, c: f64) -> f64 {
    if c == 1.0 {
        return 1.0;
    }
    let z = z_value(c);
    (2.0 * x + z * z + z * (z * z + 4.0 * x * (1.0 - x / n)).sqrt()) / 2.0 / (n + z * z)
}

/// Checks a multiplier: positive and finite.
pub(crate) fn check_multiplier(m: f64) -> Result<(), StatsError> {
    if m.is_finite() && m > 0.0 {
        Ok(())
    } else {
        Err(StatsError::InvalidMultiplier(m))
    }
}

/// Checks a count and its denominator: both present, the count non-negative and finite, the
/// denominator positive and finite (`count_name` says which input a missing count was).
pub(crate) fn check_count_and_denominator(count: f64, denominator: f64, count_name: &'static str) -> Result<(), StatsError> {
    if count.is_nan() {
        return Err(StatsError::Missing(count_name));
    }
    if denominator.is_nan() {
        return Err(StatsError::Missing("denominator"));
    }
    if count < 0.0 || count.is_infinite() {
        return Err(StatsError::NegativeNumerator);
    }
    if denominator <= 0.0 || denominator.is_infinite() {
        return Err(StatsError::NonPositiveDenominator);
    }
    Ok(())
}

/// Proportion x/n × multiplier with Wilson score limits (confidence 0.95, 95, 0.998, 99.8, …).
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `phe_proportion` (`R/Proportions.R`): method "Wilson".
pub fn wilson_proportion(numerator: f64, denominator: f64, confidence: f64, multiplier: f64) -> Result<Estimate, StatsError> {
    let c = normalise_confidence(confidence)?;
    check_multiplier(multiplier)?;
    check_count_and_denominator(numerator, denominator, "numerator")?;
    if numerator > denominator {
        return Err(StatsError::NumeratorGreaterThanDenominator);
    }
    Ok(Estimate {
        value: numerator / denominator * multiplier,
        lower: wilson_lower(numerator, denominator, c) * multiplier,
        upper: wilson_upper(numerator, denominator, c) * multiplier,
    })
}

/// The package's `statistic` label: "percentage" for 100, else "proportion of {multiplier}".
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `phe_proportion`'s `statistic` column.
pub fn proportion_statistic(multiplier: f64) -> String {
    if multiplier == 100.0 {
        "percentage".to_string()
    } else {
        format!("proportion of {}", format_multiplier(multiplier))
    }
}
