//! Slope and relative index of inequality point estimates (`phe_sii`; its CIs are Monte Carlo and not provided).

use super::StatsError;

/// SII, RII and intercept of the population-weighted regression on cumulative-population midpoints.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SiiPoint {
    /// Slope index of inequality (× multiplier).
    pub sii: f64,
    /// Relative index of inequality (α + β)/α; inverted for a negative multiplier.
    pub rii: f64,
    /// Regression intercept α (value at the bottom of the ranked population).
    pub intercept: f64,
}

/// Point SII / RII for quantiles in rank order: populations and values per quantile.
///
/// As the package: a = population share, b = cumulative-share midpoint; regress √a·y on √a and
/// b√a without intercept (weighted least squares); SII = β × multiplier.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `phe_sii` (`R/SII_function.R`, `R/utils.R`), point estimates only (its intervals
/// are Monte Carlo).
pub fn sii_point(population: &[f64], value: &[f64], multiplier: f64) -> Result<SiiPoint, StatsError> {
    if population.len() != value.len() {
        return Err(StatsError::LengthMismatch { expected: population.len(), found: value.len() });
    }
    if population.len() < 2 {
        return Err(StatsError::TooFewValues { needed: 2, found: population.len() });
    }
    if population.iter().chain(value).any(|v| !v.is_finite()) {
        return Err(StatsError::Missing("population or value"));
    }
    if population.iter().any(|&p| p < 0.0) {
        return Err(StatsError::NegativeDenominator);
    }
    if !(multiplier.is_finite() && multiplier != 0.0) {
        return Err(StatsError::InvalidMultiplier(multiplier));
    }
    let total: f64 = population.iter().sum();
    if total <= 0.0 {
        return Err(StatsError::NonPositiveDenominator);
    }
    let mut cum = 0.0;
    let (mut s11, mut s12, mut s22, mut t1, mut t2) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for (&p, &y) in population.iter().zip(value) {
        let a = p / total;
        let b = cum + a / 2.0;
        cum += a;
        // Normal equations of the no-intercept fit on (√a, b√a) with response √a·y.
        s11 += a;
        s12 += a * b;
        s22 += a * b * b;
        t1 += a * y;
        t2 += a * b * y;
    }
    let det = s11 * s22 - s12 * s12;
    if det.abs() <= f64::EPSILON * s11 * s22 {
        return Err(StatsError::Invalid("quantile populations do not allow a slope".into()));
    }
    let alpha = (s22 * t1 - s12 * t2) / det;
    let beta = (s11 * t2 - s12 * t1) / det;
    let rii = (alpha + beta) / alpha;
    Ok(SiiPoint { sii: beta * multiplier, rii: if multiplier < 0.0 { 1.0 / rii } else { rii }, intercept: alpha })
}
