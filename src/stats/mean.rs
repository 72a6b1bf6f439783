//! Means with Student's t confidence intervals (`phe_mean`).

use super::confidence::normalise_confidence;
use super::distributions::t_quantile;
use super::{Estimate, StatsError};

/// A mean with the package's output columns.
#[derive(Debug, Clone, PartialEq)]
pub struct MeanResult {
    /// Σ values.
    pub value_sum: f64,
    /// Number of values.
    pub value_count: usize,
    /// Sample standard deviation (n − 1).
    pub stdev: f64,
    /// Mean and t-based limits.
    pub estimate: Estimate,
}

/// Mean of `values` (missing values skipped) with x̄ ∓ |t_{n−1}((1−c)/2)| · s/√n; needs ≥ 2 values.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `calculate_mean` (formerly `phe_mean`, `R/Means.R`): method "Student's
/// t-distribution".
pub fn mean_t(values: &[f64], confidence: f64) -> Result<MeanResult, StatsError> {
    let c = normalise_confidence(confidence)?;
    let v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    if v.iter().any(|x| x.is_infinite()) {
        return Err(StatsError::Invalid("values must be finite".into()));
    }
    let n = v.len();
    if n < 2 {
        return Err(StatsError::TooFewValues { needed: 2, found: n });
    }
    let sum: f64 = v.iter().sum();
    let mean = sum / n as f64;
    let ss: f64 = v.iter().map(|x| (x - mean).powi(2)).sum();
    let sd = (ss / (n as f64 - 1.0)).sqrt();
    let half = t_quantile((1.0 - c) / 2.0, n as f64 - 1.0).abs() * sd / (n as f64).sqrt();
    Ok(MeanResult { value_sum: sum, value_count: n, stdev: sd, estimate: Estimate { value: mean, lower: mean - half, upper: mean + half } })
}
