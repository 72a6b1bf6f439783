//! Crude rates with exact Poisson (< 10 events) or Byars (≥ 10) confidence limits (`phe_rate`).

use super::confidence::normalise_confidence;
use super::poisson::count_limits;
use super::proportion::{check_count_and_denominator, check_multiplier};
use super::{format_multiplier, Estimate, StatsError};

/// Rate count/denominator × multiplier with exact limits below 10 events and Byars from 10.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `phe_rate` (`R/Rates.R`); Fingertips technical guidance, crude rates.
pub fn poisson_rate(count: f64, denominator: f64, confidence: f64, multiplier: f64) -> Result<Estimate, StatsError> {
    let c = normalise_confidence(confidence)?;
    check_multiplier(multiplier)?;
    check_count_and_denominator(count, denominator, "count")?;
    let (lo, hi) = count_limits(count, c);
    Ok(Estimate { value: count / denominator * multiplier, lower: lo / denominator * multiplier, upper: hi / denominator * multiplier })
}

/// The package's `method` label for a count: "Exact" below 10, "Byars" otherwise.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `phe_rate`'s `method` column.
pub fn rate_method_name(count: f64) -> &'static str {
    if count < 10.0 {
        "Exact"
    } else {
        "Byars"
    }
}

/// The package's `statistic` label: "rate per {multiplier}".
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `phe_rate`'s `statistic` column.
pub fn rate_statistic(multiplier: f64) -> String {
    format!("rate per {}", format_multiplier(multiplier))
}
